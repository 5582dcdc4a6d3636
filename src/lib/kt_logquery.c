/* The audit log's request and its CSV; see kt_logquery.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include "kt_logquery.h"
#include "kt_query.h"
#include "kt_filter.h"
#include "kt_listing.h"

/* The search's decoder limits: a handful of short parameters. */
static const kt_query_limits limits = { 120, 32, 200 * 4 };

static int fail(kt_logquery_error *err, const char *param, const char *reason,
                const char *value)
{
    err->param = param;
    err->reason = reason;
    err->value = value;
    return 0;
}

static int one_of(const char *const *list, const char *v)
{
    int i;

    for (i = 0; list && list[i]; i++) {
        if (strcmp(list[i], v) == 0) {
            return 1;
        }
    }
    return 0;
}

/* One pair; 1 when good (or ignored). */
static int take(apr_pool_t *p, const kt_query_pair *pair, const char *const *types,
                kt_logquery *q, int *seen, kt_logquery_error *err)
{
    static const char *const names[] = { "type", "from", "to", "page", "format", NULL };
    const char *v = pair->value;
    int i;

    for (i = 0; names[i] && strcmp(names[i], pair->name) != 0; i++) {
    }
    if (!names[i]) {
        return kt_query_is_tracking(pair->name) ? 1
               : fail(err, pair->name, "unknown-param", NULL);
    }
    if (!*v) {
        return 1;   /* an empty box, a select's "all": as if absent */
    }
    if (seen[i]++) {
        return fail(err, pair->name, "repeated", v);
    }
    switch (i) {
    case 0:
        if (!one_of(types, v)) {
            return fail(err, "type", "unknown-value", v);
        }
        q->type = v;
        return 1;
    case 1:
    case 2:
        {
            const char *d = kt_listing_date(p, v);
            if (!d) {
                return fail(err, pair->name, "unknown-value", v);
            }
            *(i == 1 ? &q->from : &q->to) = d;
            return 1;
        }
    case 3:
        {
            apr_size_t n = strlen(v);
            long page = n && n <= 6 && strspn(v, "0123456789") == n ? atol(v) : -1;
            if (page < 1 || page > KT_LOG_MAX_PAGE) {
                return fail(err, "page", "out-of-range", v);
            }
            q->page = (int)page;
            return 1;
        }
    default:
        if (strcmp(v, "csv") != 0) {
            return fail(err, "format", "unknown-value", v);
        }
        q->csv = 1;
        return 1;
    }
}

int kt_logquery_parse(apr_pool_t *p, const char *raw, const char *const *types,
                      kt_logquery *q, kt_logquery_error *err)
{
    apr_array_header_t *pairs;
    kt_query_error qerr;
    int seen[5] = { 0, 0, 0, 0, 0 }, i;

    memset(q, 0, sizeof(*q));
    q->page = 1;
    if (kt_query_parse(p, raw, raw ? strlen(raw) : 0, &limits, &pairs, &qerr) != KT_QUERY_OK) {
        return fail(err, qerr.param, kt_query_status_name(qerr.status), NULL);
    }
    for (i = 0; i < pairs->nelts; i++) {
        if (!take(p, &APR_ARRAY_IDX(pairs, i, kt_query_pair), types, q, seen, err)) {
            return 0;
        }
    }
    if (q->from && q->to && strcmp(q->to, q->from) < 0) {
        return fail(err, "to", "out-of-range", q->to);
    }
    return 1;
}

char *kt_logquery_href(apr_pool_t *p, const char *path, const kt_logquery *q, int page, int csv)
{
    apr_array_header_t *parts = apr_array_make(p, 5, sizeof(const char *));
    const char *const names[3] = { "type", "from", "to" };
    const char *const values[3] = { q->type, q->from, q->to };
    int i;

    for (i = 0; i < 3; i++) {
        if (values[i]) {
            APR_ARRAY_PUSH(parts, const char *) = apr_pstrcat(p, names[i], "=",
                                                              kt_query_encode(p, values[i]), NULL);
        }
    }
    if (page > 1) {
        APR_ARRAY_PUSH(parts, const char *) = apr_psprintf(p, "page=%d", page);
    }
    if (csv) {
        APR_ARRAY_PUSH(parts, const char *) = "format=csv";
    }
    if (!parts->nelts) {
        return apr_pstrdup(p, path);
    }
    return apr_pstrcat(p, path, "?", apr_array_pstrcat(p, parts, '&'), NULL);
}

/* ---- CSV --------------------------------------------------------------------------- */

char *kt_csv_cell(apr_pool_t *p, const char *s)
{
    const char *guard = "";
    apr_size_t n, quotes = 0;
    const char *c;
    char *out, *o;

    if (!s || !*s) {
        return apr_pstrdup(p, "");
    }
    if (strchr("=+-@\t\r", s[0])) {
        guard = "'";
    }
    if (!strpbrk(s, ",\"\r\n")) {
        return apr_pstrcat(p, guard, s, NULL);
    }
    for (c = s; *c; c++) {
        quotes += *c == '"';
    }
    n = strlen(s);
    out = o = apr_palloc(p, n + quotes + strlen(guard) + 3);
    *o++ = '"';
    if (*guard) {
        *o++ = '\'';
    }
    for (c = s; *c; c++) {
        if (*c == '"') {
            *o++ = '"';
        }
        *o++ = *c;
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

char *kt_csv_row(apr_pool_t *p, const char *const *cells, int n)
{
    apr_array_header_t *a = apr_array_make(p, n ? n : 1, sizeof(const char *));
    int i;

    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(a, const char *) = kt_csv_cell(p, cells[i]);
    }
    return apr_pstrcat(p, apr_array_pstrcat(p, a, ','), "\r\n", NULL);
}
