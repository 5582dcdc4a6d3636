/* The parameters of a kind's list page and feed (ROUTES.md: GET
 * /{lang}/activities, GET /{lang}/events, …): parsing and validating a query
 * string into a kt_search by the kind's filter table (kt_filter.h), canonical
 * URLs of a search and of its variations (another page, another sort, one
 * filter fewer), and the parameters of the SQL statements.  Every kind's page
 * and feed go through here: one parser.  Pure (APR only): unit-tested and
 * fuzzed without httpd.
 *
 * The rules (HACKING.md, "Search parameters"):
 * - known names only (q, the table's filters, page, and sort when the table
 *   has sorts); a parameter with an empty value counts as absent (forms send
 *   q= for an empty search box and "" for a select's "all" option);
 * - codes and values repeat (ORed) up to their max_values; flags, switches
 *   (=1) and dates come once; q, sort and page at most once;
 * - every value must be one the site knows; codes that cannot exist are
 *   rejected here, the rest by the database (kt_search_check_codes). */
#ifndef KT_SEARCH_H
#define KT_SEARCH_H

#include <apr_pools.h>
#include <apr_tables.h>
#include "kt_query.h"
#include "kt_filter.h"

#define KT_SEARCH_PAGE_SIZE   20
#define KT_SEARCH_MAX_PAGE    1000     /* OFFSET stays cheap; 20 000 results deep */
#define KT_SEARCH_MAX_Q       200      /* characters of q */
#define KT_SEARCH_MAX_PAIRS   120      /* name=value pairs in one query string */

/* The activities' filters, as indices into kt_activity_filters (kt_filter.c),
 * in the order URLs and pages list them.  Another kind's page finds its own by
 * name (kt_filter_index). */
typedef enum {
    KT_SF_FORM = 0, KT_SF_THEME, KT_SF_TARGET, KT_SF_LANGUAGE, KT_SF_REGION,
    KT_SF_MUNICIPALITY, KT_SF_WEEKDAY, KT_SF_TIME, KT_SF_FREE, KT_SF_ONLINE, KT_SF_IN_PERSON,
    KT_SF_COUNT
} kt_search_filter;

/* The activities' filter called `name` ("form", …), or -1. */
int kt_search_filter_from_name(const char *name);

/* The name of the activities' filter f ("form"). */
const char *kt_search_filter_name(int f);

typedef enum {
    KT_SORT_RELEVANCE = 0, KT_SORT_NEWEST, KT_SORT_TITLE, KT_SORT_NEXT, KT_SORT_COUNT
} kt_search_sort;

/* The activities' sorts (kt_activity_filters.sorts); another table's sorts
 * are numbered by their place in its list. */
extern const char *const kt_search_sort_names[KT_SORT_COUNT];

/* A value a word of q names (kt_search_expand): "Vantaalla" names
 * municipality 092; rest is q without that word. */
typedef struct {
    const char *param, *code, *rest;
} kt_search_named;

typedef struct {
    const kt_filter_table *t;                     /* the kind's filters */
    const char *q;                                /* trimmed; NULL when there is none */
    /* each filter's values, distinct, as given (a flag's: "1"), in t's order */
    apr_array_header_t *values[KT_FILTER_MAX];
    int sort_given;                               /* sort= was asked for */
    kt_search_sort sort;                          /* what was asked for (or the default) */
    int page;                                     /* 1-based */
    /* q as the database reads it (kt_search_check_codes): NULL until expanded */
    const char *tsq, *tsq_exact, *suggestion;
    apr_array_header_t *named;                    /* kt_search_named */
} kt_search;

typedef struct {
    const char *param;    /* the parameter at fault; NULL for the query string as a whole */
    const char *reason;   /* HACKING.md: unknown-param, unknown-value, repeated, too-long,
                             too-many, out-of-range, invalid-utf8, control-char, bad-escape */
    const char *value;    /* the value at fault, when there is one */
    int index;            /* its pair's index in the decoded pairs; -1 when none */
} kt_search_error;

/* Decodes and validates a raw query string (r->args, may be NULL) by table t.
 * On success fills *s and, when pairs is not NULL, sets *pairs to the decoded
 * pairs (for kt_search_href_without); returns 1.  Otherwise fills *err and
 * returns 0 (*pairs set when the string decoded and a pair was refused). */
int kt_search_parse(apr_pool_t *p, const kt_filter_table *t, const char *raw, kt_search *s,
                    apr_array_header_t **pairs, kt_search_error *err);

/* Validates decoded pairs (kt_query_pair) into *s by table t; 1, or 0 with
 * *err filled. */
int kt_search_from_pairs(apr_pool_t *p, const kt_filter_table *t,
                         const apr_array_header_t *pairs, kt_search *s, kt_search_error *err);

/* The sort the results really get: relevance needs search words, so without q
 * it is newest first; the default is relevance with q, newest without.  (A
 * table without sorts: s->sort, never shown.) */
kt_search_sort kt_search_effective_sort(const kt_search *s);

/* The canonical URL of search s on page `page` under `path` ("/fi/activities"):
 * q, then the filters in the table's order, sort only when it is not the
 * default, page only when it is not 1. */
char *kt_search_href(apr_pool_t *p, const char *path, const kt_search *s, int page);

/* A copy of s without one parameter value: param is "q" or a filter's name;
 * value is the value to drop (NULL: all of them; ignored for q).  The page
 * goes back to 1. */
kt_search kt_search_without(apr_pool_t *p, const kt_search *s, const char *param,
                            const char *value);

/* A copy of s sorted by `sort` (asked for explicitly), on page 1. */
kt_search kt_search_sorted(const kt_search *s, kt_search_sort sort);

/* The URL of the same search without the pair at `index` (the one an error
 * named), from the decoded pairs; path alone when pairs is NULL. */
char *kt_search_href_without(apr_pool_t *p, const char *path, const apr_array_header_t *pairs,
                             int index);

/* The filter's values joined with commas for string_to_array() in SQL, or NULL
 * when the filter is not in use.  Codes never contain a comma (validated). */
const char *kt_search_list(apr_pool_t *p, const kt_search *s, int f);

/* The filter's only value (a flag's "1", a date), or NULL. */
const char *kt_search_one(const kt_search *s, int f);

/* A copy of s with one more value of a filter (page 1); q replaced by q when
 * q is not NULL ("" for none). */
kt_search kt_search_with(apr_pool_t *p, const kt_search *s, int f, const char *value,
                         const char *q);

/* Parameters of the search statements (kt_search_page.c), in their order:
 * lang, q and qx (the tsqueries of kt_search_expand), then each filter's
 * values in the table's order (a flag: "1"); NULL turns one off.
 * KT_FILTER_NARGS(s->t) of them: KT_SEARCH_NARGS for activities, at most
 * KT_SEARCH_MAX_NARGS. */
#define KT_SEARCH_NARGS (3 + KT_SF_COUNT)
#define KT_SEARCH_MAX_NARGS (3 + KT_FILTER_MAX)
void kt_search_sql_args(apr_pool_t *p, const kt_search *s, const char *lang, const char **args);

/* The arguments of kt_filter_codes_sql's statement: each CODES filter's
 * values that has a vocabulary, comma-joined (NULL: none given). */
void kt_search_code_args(apr_pool_t *p, const kt_search *s, const char **args);

/* The text the count cache knows search s by (HACKING.md, "Search"): what
 * the facet counts depend on (q, every filter's codes sorted, free, online),
 * not the page, the sort or the page's language, so that paging, re-sorting
 * and switching language reuse the counts.  Call after the codes are
 * canonical (kt_search_set_values). */
char *kt_search_cache_key(apr_pool_t *p, const kt_search *s);

/* Replaces filter f's values (after the database has mapped them to canonical
 * codes, e.g. ISO 639-1 "ar" to 639-3 "ara"), dropping repeats. */
void kt_search_set_values(apr_pool_t *p, kt_search *s, int f, const apr_array_header_t *codes);

/* 1 when s has a value `code` for filter f. */
int kt_search_has(const kt_search *s, int f, const char *code);

/* 1 when nothing narrows the search (no q, no filter; a SWITCH chooses
 * another set and counts as a filter). */
int kt_search_is_empty(const kt_search *s);

#endif
