/* The feed's own query parameters (FEED.md): limit, cursor, updated_since.
 * The filters share their names and rules with the public search and are
 * parsed by it (kt_search.h); this file takes what is left.  Pure: no httpd
 * headers, unit-tested and fuzzed.
 *
 * As in the search, a parameter with an empty value counts as absent, and
 * each of these may appear once. */
#ifndef KT_FEED_PARAMS_H
#define KT_FEED_PARAMS_H

#include <apr_pools.h>
#include <apr_tables.h>
#include "kt_search.h"

#define KT_FEED_LIMIT_DEFAULT 100
#define KT_FEED_LIMIT_MAX 1000

typedef struct {
    int limit;                /* 1 … KT_FEED_LIMIT_MAX */
    int has_since;
    apr_int64_t since_us;     /* updated_since, µs since the epoch */
    const char *cursor;       /* as given: its MAC is checked with the secret later */
    unsigned seen;            /* which of our names came already (bit per name) */
} kt_feed_params;

typedef struct {
    const char *param;        /* the parameter at fault; NULL when the query string as a
                                 whole is (a name that is not valid text, too many pairs) */
    const char *reason;       /* ours: "repeated", "bad-value", "out-of-range"; the search's
                                 (kt_search_error) for the filters and the decoding */
} kt_feed_error;

void kt_feed_params_init(kt_feed_params *fp);

/* Takes one decoded name=value pair.  Returns 1 when it was one of ours and
 * good, 0 when the name is not one of ours (the caller hands it to the
 * filters), -1 when it was ours and wrong (*err says which and why). */
int kt_feed_param(kt_feed_params *fp, const char *name, const char *value, kt_feed_error *err);

/* The whole query string (r->args, may be NULL) of the feed of the kind whose
 * filter table is t: decoded the way its list page decodes its own
 * (kt_query_parse, the same limits), the feed's parameters taken by
 * kt_feed_param, and everything else validated by the page's parser
 * (kt_search_from_pairs), so that the filters have the page's names, values
 * and rules.  sort, page and the filters the feed does not take (events'
 * past) are the page's and refused here as unknown-param: the feed has its
 * own order and its cursor, and carries every public listing.  On success
 * fills *fp and *s, sets *pairs to the decoded pairs (kt_query_pair, in the
 * order given) and returns 1; else fills *err and returns 0.  The codes are
 * checked against the database later (kt_search_check_codes). */
int kt_feed_parse(apr_pool_t *p, const kt_filter_table *t, const char *raw, kt_feed_params *fp,
                  kt_search *s, apr_array_header_t **pairs, kt_feed_error *err);

/* 1 for the list page's own parameters that the feed of table t refuses
 * (sort, page, a filter whose `feed` is 0). */
int kt_feed_page_only(const kt_filter_table *t, const char *name);

/* The canonical text of the filters of s, for kt_feed_identity: the search's
 * canonical URL query (kt_search_href: fixed order of names) with the values
 * of each filter sorted, since they are ORed; "" without filters.  Call it
 * after the database has made the codes canonical (languages to ISO 639-3). */
char *kt_feed_filters(apr_pool_t *p, const kt_search *s);

/* The text that identifies which rows a feed query selects, for the cursor's
 * query identity and the ETag: updated_since (normalised to µs, so that "Z"
 * and "+00:00" spellings are one query) and the filters' canonical form.
 * Neither limit nor cursor is part of it: a client may change its page size
 * in the middle of a sync. */
char *kt_feed_identity(apr_pool_t *p, const kt_feed_params *fp, const char *filters);

#endif
