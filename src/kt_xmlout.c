/* Streaming XML answers; see kt_xmlout.h. */
#include <apr_buckets.h>
#include <http_protocol.h>
#include <http_request.h>
#include <util_filter.h>
#include <libxml/xmlwriter.h>
#include "kt_private.h"
#include "kt_xmlout.h"
#include "kt_text.h"

struct kt_xmlout {
    request_rec *r;
    apr_bucket_brigade *bb;
    xmlTextWriterPtr w;
    int failed;
};

/* libxml2's output buffer hands over about 4 KB at a time; ap_fwrite copies
 * it into the brigade and passes the brigade on whenever it holds more than
 * APR_BUCKET_BUFF_SIZE, so at most a few buffers are in memory at once. */
static int out_write(void *ctx, const char *buf, int len)
{
    kt_xmlout *o = ctx;

    if (o->failed || len < 0) {
        return -1;
    }
    if (ap_fwrite(o->r->output_filters, o->bb, buf, (apr_size_t)len) != APR_SUCCESS) {
        o->failed = 1;
        return -1;
    }
    return len;
}

static int out_close(void *ctx)
{
    (void)ctx;
    return 0;
}

static apr_status_t free_writer(void *data)
{
    kt_xmlout *o = data;
    if (o->w) {
        xmlFreeTextWriter(o->w);
        o->w = NULL;
    }
    return APR_SUCCESS;
}

static void check(kt_xmlout *o, int rv)
{
    if (rv < 0) {
        o->failed = 1;
    }
}

kt_xmlout *kt_xmlout_start(request_rec *r, const char *root, const char *ns)
{
    kt_xmlout *o = apr_pcalloc(r->pool, sizeof(*o));
    xmlOutputBufferPtr buf;

    o->r = r;
    o->bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    buf = xmlOutputBufferCreateIO(out_write, out_close, o, NULL);
    if (!buf || !(o->w = xmlNewTextWriter(buf))) {
        if (buf) {
            xmlOutputBufferClose(buf);
        }
        return NULL;
    }
    /* if the request ends early, the writer (malloc'ed by libxml2) still goes */
    apr_pool_cleanup_register(r->pool, o, free_writer, apr_pool_cleanup_null);
    xmlTextWriterSetIndent(o->w, 1);
    xmlTextWriterSetIndentString(o->w, BAD_CAST " ");
    check(o, xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
    check(o, xmlTextWriterStartElementNS(o->w, NULL, BAD_CAST root, BAD_CAST ns));
    return o;
}

void kt_xmlout_open(kt_xmlout *o, const char *name)
{
    if (!o->failed) {
        check(o, xmlTextWriterStartElement(o->w, BAD_CAST name));
    }
}

void kt_xmlout_close(kt_xmlout *o)
{
    if (!o->failed) {
        check(o, xmlTextWriterEndElement(o->w));
    }
}

void kt_xmlout_attr(kt_xmlout *o, apr_pool_t *p, const char *name, const char *value)
{
    if (!o->failed && value) {
        check(o, xmlTextWriterWriteAttribute(o->w, BAD_CAST name,
                                             BAD_CAST kt_xml_safe_text(p, value)));
    }
}

void kt_xmlout_text(kt_xmlout *o, apr_pool_t *p, const char *text)
{
    if (!o->failed && text) {
        check(o, xmlTextWriterWriteString(o->w, BAD_CAST kt_xml_safe_text(p, text)));
    }
}

void kt_xmlout_leaf(kt_xmlout *o, apr_pool_t *p, const char *name, const char *lang,
                    const char *text)
{
    if (o->failed || !text || !*text) {
        return;
    }
    kt_xmlout_open(o, name);
    if (lang) {
        kt_xmlout_attr(o, p, "xml:lang", lang);
    }
    kt_xmlout_text(o, p, text);
    kt_xmlout_close(o);
}

int kt_xmlout_ok(const kt_xmlout *o)
{
    return !o->failed && !o->r->connection->aborted;
}

apr_status_t kt_xmlout_finish(kt_xmlout *o, int broken)
{
    request_rec *r = o->r;
    conn_rec *c = r->connection;
    apr_status_t rv;

    if (!broken && !o->failed) {
        check(o, xmlTextWriterEndDocument(o->w));
    }
    if (!o->failed) {
        check(o, xmlTextWriterFlush(o->w));
    }
    /* freeing the writer flushes its buffer through out_write one last time */
    apr_pool_cleanup_run(r->pool, o, free_writer);
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
