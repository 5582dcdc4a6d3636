/* Feed parameters; see kt_feed_params.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_feed_params.h"
#include "kt_time.h"

/* The search's own limits (kt_search.c): a feed URL carries the same filters,
 * plus three parameters of its own that fit the same bounds. */
static const kt_query_limits limits = {
    KT_SEARCH_MAX_PAIRS, 32, KT_SEARCH_MAX_Q * 4
};

enum { SEEN_LIMIT = 1, SEEN_CURSOR = 2, SEEN_SINCE = 4 };

void kt_feed_params_init(kt_feed_params *fp)
{
    memset(fp, 0, sizeof(*fp));
    fp->limit = KT_FEED_LIMIT_DEFAULT;
}

static int fail(kt_feed_error *err, const char *param, const char *reason)
{
    err->param = param;
    err->reason = reason;
    return -1;
}

/* 1 … KT_FEED_LIMIT_MAX in plain digits; leading zeros are fine, signs,
 * spaces and exponents are not. */
static int parse_limit(const char *v, int *out)
{
    long n = 0;
    for (; *v; v++) {
        if (*v < '0' || *v > '9') {
            return -1;
        }
        n = n * 10 + (*v - '0');
        if (n > KT_FEED_LIMIT_MAX) {
            return 0;
        }
    }
    if (n < 1) {
        return 0;
    }
    *out = (int)n;
    return 1;
}

int kt_feed_param(kt_feed_params *fp, const char *name, const char *value, kt_feed_error *err)
{
    unsigned bit;
    const char *param;

    if (strcmp(name, "limit") == 0) {
        bit = SEEN_LIMIT;
        param = "limit";
    }
    else if (strcmp(name, "cursor") == 0) {
        bit = SEEN_CURSOR;
        param = "cursor";
    }
    else if (strcmp(name, "updated_since") == 0) {
        bit = SEEN_SINCE;
        param = "updated_since";
    }
    else {
        return 0;
    }
    if (!value || !*value) {
        return 1;
    }
    if (fp->seen & bit) {
        return fail(err, param, "repeated");
    }
    fp->seen |= bit;
    if (bit == SEEN_LIMIT) {
        int rv = parse_limit(value, &fp->limit);
        return rv > 0 ? 1 : fail(err, param, rv < 0 ? "bad-value" : "out-of-range");
    }
    if (bit == SEEN_SINCE) {
        if (!kt_time_parse_rfc3339(value, &fp->since_us)) {
            return fail(err, param, "bad-value");
        }
        fp->has_since = 1;
        return 1;
    }
    fp->cursor = value;
    return 1;
}

char *kt_feed_identity(apr_pool_t *p, const kt_feed_params *fp, const char *filters)
{
    return apr_pstrcat(p, "feed:1;since=",
                       fp->has_since ? apr_psprintf(p, "%" APR_INT64_T_FMT, fp->since_us) : "",
                       ";", filters ? filters : "", NULL);
}

int kt_feed_page_only(const kt_filter_table *t, const char *name)
{
    int f = kt_filter_index(t, name);
    return strcmp(name, "sort") == 0 || strcmp(name, "page") == 0 || (f >= 0 && !t->filters[f].feed);
}

int kt_feed_parse(apr_pool_t *p, const kt_filter_table *t, const char *raw, kt_feed_params *fp,
                  kt_search *s, apr_array_header_t **pairs_out, kt_feed_error *err)
{
    apr_array_header_t *pairs, *filters;
    kt_query_error qerr;
    kt_search_error serr;
    int i;

    kt_feed_params_init(fp);
    *pairs_out = NULL;
    if (kt_query_parse(p, raw, raw ? strlen(raw) : 0, &limits, &pairs, &qerr) != KT_QUERY_OK) {
        fail(err, qerr.param, kt_query_status_name(qerr.status));
        return 0;
    }
    filters = apr_array_make(p, pairs->nelts + 1, sizeof(kt_query_pair));
    for (i = 0; i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        int rv = kt_feed_param(fp, pair->name, pair->value, err);
        if (rv < 0) {
            return 0;
        }
        if (rv > 0) {
            continue;
        }
        /* even empty: a feed URL that names them was written for the search page */
        if (kt_feed_page_only(t, pair->name)) {
            fail(err, pair->name, "unknown-param");
            return 0;
        }
        APR_ARRAY_PUSH(filters, kt_query_pair) = *pair;
    }
    if (!kt_search_from_pairs(p, t, filters, s, &serr)) {
        fail(err, serr.param, serr.reason);
        return 0;
    }
    *pairs_out = pairs;
    return 1;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *kt_feed_filters(apr_pool_t *p, const kt_search *s)
{
    kt_search c = *s;
    int f;

    for (f = 0; f < s->t->n; f++) {
        c.values[f] = apr_array_copy(p, s->values[f]);
        qsort(c.values[f]->elts, (size_t)c.values[f]->nelts, sizeof(const char *), by_code);
    }
    /* the feed has neither, whatever the struct says */
    c.sort_given = 0;
    c.sort = c.q ? KT_SORT_RELEVANCE : KT_SORT_NEWEST;
    c.page = 1;
    return kt_search_href(p, "", &c, 1);
}
