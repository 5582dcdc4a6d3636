/* The filters of a kind of listing, described once (HACKING.md, "Filters").
 *
 * A kind's list page, its partner feed and their statements all read one
 * table of kt_filter: how a parameter is parsed and validated (kt_search.c),
 * its SQL parameter and condition, how its facet is counted, how the page
 * offers it and whether the feed takes it.  The activities' table is here;
 * events declare theirs the same way (src/lib/kt_event.c), and so will jobs
 * and projects.  Pure: no httpd headers; the statements are text built from
 * the table (kt_filter_sql_*), once, before children start. */
#ifndef KT_FILTER_H
#define KT_FILTER_H

#include <apr_pools.h>

#define KT_FILTER_MAX 24          /* filters of one kind */

typedef enum {
    KT_FILTER_CODES,   /* repeatable codes of a vocabulary the database checks (form=…) */
    KT_FILTER_VALUES,  /* repeatable values checked here: `choices`, or `valid` (weekday=…) */
    KT_FILTER_FLAG,    /* once, "1" (free=1); a boolean in SQL */
    KT_FILTER_DATE,    /* once, a day YYYY-MM-DD (from=…); a date in SQL */
    KT_FILTER_SWITCH   /* once, "1": another set of listings, not a narrower one (past=1:
                          ended events instead of upcoming ones); `cond` holds with it,
                          `cond_off` without it; a boolean in SQL */
} kt_filter_type;

typedef enum {
    KT_COUNT_NONE,     /* no facet counts */
    KT_COUNT_BITS,     /* GROUP BY a bit mask column, expanded by `terms` (code, search_bit) */
    KT_COUNT_ARRAY,    /* GROUP BY an array column, unnested */
    KT_COUNT_PLACE,    /* GROUP BY a code column, rows available everywhere apart (facet*) */
    KT_COUNT_FLAG      /* count(*) FILTER (WHERE column) over the results */
} kt_count_kind;

typedef struct {
    const char *name;              /* URL parameter, facet, and p.f_NAME in SQL */
    kt_filter_type type;
    int max_values;                /* different values at most (once-only types: 1) */
    /* CODES: could value be a code (lower-cased in place where people type capitals);
     * VALUES without choices, DATE: is it a valid value */
    int (*valid)(char *value);
    const char *const *choices;    /* VALUES: the values, in display order, NULL-terminated */
    /* SQL condition on the kind's rows (kt_filter_table.rows) with the parameter
     * p.f_NAME: a text[] of the values (CODES, VALUES), a date (DATE) or a boolean
     * (FLAG, SWITCH).  Only used when the parameter is given: the statement folds
     * "p.f_NAME IS NULL OR …" away otherwise. */
    const char *cond;
    const char *cond_off;          /* SWITCH: the condition when it is not given */
    /* CODES: the relation whose column `code` holds the valid codes, for the
     * statement that finds unknown ones (kt_filter_codes_sql); NULL when the kind's
     * page checks them otherwise (activities: against the vocabularies it reads) */
    const char *vocabulary;
    kt_count_kind count;
    const char *column;            /* of `s`: grouped by (BITS, ARRAY, PLACE) or counted (FLAG) */
    /* BITS: the relation "… v" of the values, with v.code (NULL: the choices), and the
     * bits of v.code in the column, an expression that may read p (NULL:
     * 1::bigint << v.search_bit) */
    const char *terms;
    const char *mask;
    const char *markup;            /* how the page offers it (search.xsl): checkboxes,
                                      select, days, flag; NULL: the kind's stylesheet knows */
    int feed;                      /* the partner feed takes it */
} kt_filter;

typedef struct {
    const char *kind;              /* "activities" */
    const kt_filter *filters;
    int n;
    const char *rows;              /* FROM clause of the searched rows (activities: `s`, `t`) */
    const char *text;              /* the condition of q, with the tsquery p.q */
    const char *expand;            /* how kt_search_expand reads q for this kind (its opts) */
    const char *const *sorts;      /* the names sort= takes (kt_search.h), NULL-terminated;
                                      NULL: the kind has its own order and no sort= */
} kt_filter_table;

/* The activities' filters (ROUTES.md, GET /{lang}/activities), in URL order. */
extern const kt_filter_table kt_activity_filters;

/* Index of filter `name` in t, or -1. */
int kt_filter_index(const kt_filter_table *t, const char *name);

/* 1 when value is one of f's choices / a valid value (VALUES, DATE, CODES'
 * shape); may normalise value in place. */
int kt_filter_value_ok(const kt_filter *f, char *value);

/* 1 for the types that take one value, given once (FLAG, DATE, SWITCH). */
int kt_filter_once(const kt_filter *f);

/* Shapes every kind's table uses (`valid`): a vocabulary's code (lower-case
 * letters and underscores, at most 40), ISO 639-1 or 639-3 in any case
 * (lower-cased), a region (2 digits), a municipality (3 digits), a day of
 * the calendar (YYYY-MM-DD, 1900-2999). */
int kt_filter_term_code(char *v);
int kt_filter_language_code(char *v);
int kt_filter_region_code(char *v);
int kt_filter_municipality_code(char *v);
int kt_filter_date(char *v);

/* ---- statements ---------------------------------------------------------- */

/* The parameters every statement of the kind begins with, as one CTE `p`
 * (left open for more columns): lang, q (tsquery), qx (tsquery of the exact
 * stems), then one per filter in table order.  Placeholders are %s. */
char *kt_filter_sql_params(apr_pool_t *p, const kt_filter_table *t);

/* Every condition ANDed (q first); a filter whose parameter is NULL holds.
 * A condition may read other filters' parameters (weekday and time).  With
 * feed, only the filters the feed takes (the others' parameters are NULL
 * there, and a SWITCH would still choose). */
char *kt_filter_sql_where(apr_pool_t *p, const kt_filter_table *t, int feed);

/* Replaces "@PARAMS@" and "@WHERE@" in template with the two above (feed: the
 * template is a feed's, its WHERE as kt_filter_sql_where's with feed). */
char *kt_filter_sql_expand(apr_pool_t *p, const kt_filter_table *t, const char *template,
                           int feed);

/* COUNTS_R: every facet over the results in one pass (GROUPING SETS), as
 * (facet, code, n) rows; COUNTS_DIM: one facet whose filter is in use, over
 * the rows the other filters leave (its own parameter NULL: the last
 * parameter names it).  See kt_search_sql.h. */
char *kt_filter_sql_counts_r(apr_pool_t *p, const kt_filter_table *t);
char *kt_filter_sql_counts_dim(apr_pool_t *p, const kt_filter_table *t);

/* The statement that finds the codes no vocabulary has, written from the
 * table: one part for each CODES filter with a vocabulary, "SELECT 'name', code
 * … WHERE NOT EXISTS (… vocabulary …)", joined with UNION ALL; *nargs
 * parameters, each such filter's values comma-joined (kt_filter_code_args in
 * kt_search.h).  NULL when the table has none. */
char *kt_filter_codes_sql(apr_pool_t *p, const kt_filter_table *t, int *nargs);

/* Number of statement parameters kt_filter_sql_params declares. */
#define KT_FILTER_NARGS(t) (3 + (t)->n)

#endif
