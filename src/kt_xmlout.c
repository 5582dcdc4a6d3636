/* Streaming XML answers; see kt_xmlout.h. */
#include <apr_buckets.h>
#include <http_protocol.h>
#include <http_request.h>
#include <util_filter.h>
#include "kt_private.h"
#include "kt_xmlout.h"
#include "kt_xmlw.h"

/* The writer's buffer: each time it fills, it goes down the output filters
 * (mod_deflate, the chunk filter, the network) before more is written, so
 * this and what the filters hold is all the memory an answer takes. */
#define OUT_BUFFER 65536

struct kt_xmlout {
    request_rec *r;
    apr_bucket_brigade *bb;
    kt_xmlw *w;
    int failed;
};

/* kt_xmlw_sink: the buffer, passed on at once (a transient bucket: a filter
 * that keeps it, the core output filter for a slow client, copies it). */
static int out_write(void *ctx, const char *buf, apr_size_t len)
{
    kt_xmlout *o = ctx;
    conn_rec *c = o->r->connection;

    if (o->failed) {
        return -1;
    }
    APR_BRIGADE_INSERT_TAIL(o->bb, apr_bucket_transient_create(buf, len, c->bucket_alloc));
    if (ap_pass_brigade(o->r->output_filters, o->bb) != APR_SUCCESS) {
        o->failed = 1;
    }
    apr_brigade_cleanup(o->bb);
    return o->failed ? -1 : 0;
}

static int writing(kt_xmlout *o)
{
    if (!o->failed && kt_xmlw_failed(o->w)) {
        o->failed = 1;
    }
    return !o->failed;
}

kt_xmlout *kt_xmlout_start(request_rec *r, const char *root, const char *ns)
{
    kt_xmlout *o = apr_pcalloc(r->pool, sizeof(*o));

    o->r = r;
    o->bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    o->w = kt_xmlw_create(r->pool, OUT_BUFFER, out_write, o);
    kt_xmlw_start(o->w, root, ns);
    return o;
}

void kt_xmlout_open(kt_xmlout *o, const char *name)
{
    if (writing(o)) {
        kt_xmlw_open(o->w, name);
    }
}

void kt_xmlout_close(kt_xmlout *o)
{
    if (writing(o)) {
        kt_xmlw_close(o->w);
    }
}

void kt_xmlout_attr(kt_xmlout *o, apr_pool_t *p, const char *name, const char *value)
{
    (void)p;   /* kt_xmlw makes the text safe as it copies it: no copy in p */
    if (value && writing(o)) {
        kt_xmlw_attr(o->w, name, value);
    }
}

void kt_xmlout_text(kt_xmlout *o, apr_pool_t *p, const char *text)
{
    (void)p;
    if (text && writing(o)) {
        kt_xmlw_text(o->w, text);
    }
}

void kt_xmlout_leaf(kt_xmlout *o, apr_pool_t *p, const char *name, const char *lang,
                    const char *text)
{
    if (!text || !*text || !writing(o)) {
        return;
    }
    kt_xmlw_open(o->w, name);
    if (lang) {
        kt_xmlw_attr(o->w, "xml:lang", lang);
    }
    kt_xmlout_text(o, p, text);
    kt_xmlw_close(o->w);
}

int kt_xmlout_ok(const kt_xmlout *o)
{
    return !o->failed && !kt_xmlw_failed(o->w) && !o->r->connection->aborted;
}

apr_status_t kt_xmlout_finish(kt_xmlout *o, int broken)
{
    request_rec *r = o->r;
    conn_rec *c = r->connection;
    apr_status_t rv;

    if (!broken && writing(o)) {
        kt_xmlw_end(o->w);
    }
    if (writing(o)) {
        kt_xmlw_flush(o->w);
        writing(o);
    }
    if (broken) {
        /* 502 is what makes the HTTP/1.1 chunk filter withhold the last chunk
         * (mod_proxy does the same when a backend breaks off) */
        c->keepalive = AP_CONN_CLOSE;
        APR_BRIGADE_INSERT_TAIL(o->bb, ap_bucket_error_create(HTTP_BAD_GATEWAY, NULL, r->pool,
                                                              c->bucket_alloc));
        APR_BRIGADE_INSERT_TAIL(o->bb, apr_bucket_eos_create(c->bucket_alloc));
    }
    rv = ap_pass_brigade(r->output_filters, o->bb);
    apr_brigade_cleanup(o->bb);
    if (o->failed || c->aborted) {
        return rv == APR_SUCCESS ? APR_ECONNABORTED : rv;
    }
    return rv;
}
