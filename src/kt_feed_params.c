/* Feed parameters; see kt_feed_params.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_feed_params.h"
#include "kt_time.h"

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
