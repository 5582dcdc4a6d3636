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
    const char *param;        /* the parameter at fault */
    const char *reason;       /* "repeated", "bad-value", "out-of-range" */
} kt_feed_error;

void kt_feed_params_init(kt_feed_params *fp);

/* Takes one decoded name=value pair.  Returns 1 when it was one of ours and
 * good, 0 when the name is not one of ours (the caller hands it to the
 * filters), -1 when it was ours and wrong (*err says which and why). */
int kt_feed_param(kt_feed_params *fp, const char *name, const char *value, kt_feed_error *err);

/* The text that identifies which rows a feed query selects, for the cursor's
 * query identity and the ETag: updated_since (normalised to µs, so that "Z"
 * and "+00:00" spellings are one query) and the filters' canonical form.
 * Neither limit nor cursor is part of it: a client may change its page size
 * in the middle of a sync. */
char *kt_feed_identity(apr_pool_t *p, const kt_feed_params *fp, const char *filters);

#endif
