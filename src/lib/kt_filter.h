/* Filters of a public list page and its feed, each described once in a table
 * (a kt_filter a parameter): its name, what kind of value it takes, whether
 * it repeats, its limits, and which vocabulary checks its codes.  The parser,
 * the canonical URLs, the SQL arguments and the 400s all read the table, so
 * a kind's page and feed agree by construction.  Events use it
 * (src/lib/kt_event_filters.c); it has the search's rules (HACKING.md,
 * "Search") so that the activity search's own table (issue 13) can take its
 * place.  Pure, unit-tested.
 *
 * The rules: names are case-sensitive; a name no table knows is a 400
 * (unknown-param), except the tracking parameters (utm_*, fbclid, gclid,
 * mc_cid, mc_eid) on pages, which are ignored; an empty value counts as
 * absent; text, flags, dates and the page come once (repeated); codes repeat,
 * up to KT_FILTER_MAX_VALUES different values (too-many), ORed within a name
 * and ANDed across names; a code must have a code's shape here and exist in
 * its vocabulary in the database (unknown-value); a flag takes only "1", a
 * date only YYYY-MM-DD (unknown-value); text at most `max` characters
 * (too-long); the page 1 to KT_FILTER_MAX_PAGE (out-of-range). */
#ifndef KT_FILTER_H
#define KT_FILTER_H

#include <apr_pools.h>
#include <apr_hash.h>
#include <apr_tables.h>

#define KT_FILTER_MAX_VALUES 50
#define KT_FILTER_MAX_PAGE 1000

typedef enum {
    KT_FILTER_TEXT,      /* free text (q) */
    KT_FILTER_CODE,      /* a code of a vocabulary; repeats */
    KT_FILTER_FLAG,      /* "1" */
    KT_FILTER_DATE,      /* YYYY-MM-DD */
    KT_FILTER_PAGE       /* 1 … KT_FILTER_MAX_PAGE */
} kt_filter_type;

typedef struct {
    const char *name;            /* NULL ends a table */
    kt_filter_type type;
    apr_size_t max;              /* text: characters; codes: bytes of one */
    const char *vocabulary;      /* codes: which vocabulary the database checks them in */
} kt_filter;

/* What was asked: for each name given, its values (const char *), distinct,
 * in the order given. */
typedef apr_hash_t kt_filter_values;

typedef struct {
    const char *param;    /* the parameter at fault; NULL for the query string as a whole */
    const char *reason;   /* unknown-param, unknown-value, repeated, too-long, too-many,
                             out-of-range, invalid-utf8, control-char, bad-escape */
    const char *value;    /* the value at fault, when there is one */
    int index;            /* its pair's index in the decoded pairs; -1 when none */
} kt_filter_error;

/* A caller's own parameter (the feed's limit, cursor, updated_since): 1 when
 * name was one of them and good, 0 when it is not one of them, -1 when it
 * was and is wrong (*param, *reason set). */
typedef int (*kt_filter_take)(void *baton, const char *name, const char *value,
                              const char **param, const char **reason);

/* Decodes raw (r->args, may be NULL) with the search's decoder and limits and
 * reads each pair by `tables` (NULL-terminated list of tables) and `take`
 * (may be NULL).  pages: the tracking parameters are ignored.  On success
 * sets *values and returns 1; else fills *err and returns 0.  *pairs gets
 * the decoded kt_query_pair, in order, whenever the query string decoded
 * (also when a pair was then refused: err->index names it).  Codes are
 * checked in the database later. */
int kt_filter_parse(apr_pool_t *p, const char *raw, const kt_filter *const *tables,
                    int pages, kt_filter_take take, void *baton, kt_filter_values **values,
                    apr_array_header_t **pairs, kt_filter_error *err);

/* 1 for utm_*, fbclid, gclid, mc_cid, mc_eid. */
int kt_filter_tracking(const char *name);

/* The values of name (NULL: not given); the first one, or NULL. */
const apr_array_header_t *kt_filter_get(const kt_filter_values *v, const char *name);
const char *kt_filter_one(const kt_filter_values *v, const char *name);

/* The page asked for (1 without one). */
int kt_filter_page(const kt_filter_values *v);

/* The query string of these values in the tables' order of names ("" when
 * none), values of a name in the order given or, with sorted, sorted (the
 * canonical text that identifies a feed query); without the pair
 * skip_name=skip_value (skip_value NULL: every value of skip_name; both NULL:
 * nothing skipped) and without "page"; with page=N when page > 1.  Each
 * name and value form-urlencoded. */
char *kt_filter_query(apr_pool_t *p, const kt_filter *const *tables, const kt_filter_values *v,
                      int sorted, const char *skip_name, const char *skip_value, int page);

/* The statement arguments of one table in its order: codes comma-joined,
 * text, flags as "1", dates as given; NULL for a filter not given (it is then
 * off in SQL).  args has room for the table's length. */
void kt_filter_sql_args(apr_pool_t *p, const kt_filter *table, const kt_filter_values *v,
                        const char **args);

/* The statement that finds the codes no vocabulary has, written from the
 * table: one part for each code filter, "SELECT 'name', code … WHERE NOT
 * EXISTS (… vocabulary …)", joined with UNION ALL; *nargs of them (their
 * values comma-joined, kt_filter_code_args).  NULL when the table has no
 * code filter. */
char *kt_filter_codes_sql(apr_pool_t *p, const kt_filter *table, int *nargs);
void kt_filter_code_args(apr_pool_t *p, const kt_filter *table, const kt_filter_values *v,
                         const char **args);

/* How many filters a table has. */
int kt_filter_count(const kt_filter *table);

#endif
