/* GET /feed/SEGMENT.xsd: a kind's feed's XML Schema, hand-written files kept
 * beside the stylesheets (KotoutuminenStylesheetDir/feed/), with xml.xsd, the
 * declaration of xml:lang it imports.  Read per request: they are small, the
 * page cache has them, and an updated file is served without a restart.
 * Validators come from size and mtime. */
#include <string.h>
#include <apr_file_io.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>
#include "kt_feed.h"
#include "kt_etag.h"
#include "kt_http.h"
#include "kt_engine.h"

#define XSD_MAX (1024 * 1024)

/* The files under /feed/ there are: each kind's schema (kt_kind_ops.schema)
 * and the declaration of xml:lang they import; anything else is a 404. */
static const char *schema_named(const char *name)
{
    int i;

    for (i = 0; kt_kind_table[i]; i++) {
        const char *s = kt_kind_table[i]->schema;
        if (s && strcmp(s, name) == 0) {
            return s;
        }
    }
    return strcmp(name, "xml.xsd") == 0 ? "xml.xsd" : NULL;
}

int kt_feed_xsd(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    const char *path;
    apr_finfo_t fi;
    apr_file_t *file;
    apr_size_t got = 0;
    char *body;
    const char *parts[3], *name = schema_named(arg);

    if (!name) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    path = apr_pstrcat(r->pool, kr->conf->xslt_dir ? kr->conf->xslt_dir : ".", "/feed/",
                       name, NULL);
    if (apr_stat(&fi, path, APR_FINFO_SIZE | APR_FINFO_MTIME, r->pool) != APR_SUCCESS
        || fi.size <= 0 || fi.size > XSD_MAX
        || apr_file_open(&file, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0,
                         r->pool) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0610: cannot read the feed schema %s", path);
        return kt_feed_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL, "internal error");
    }
    body = apr_palloc(r->pool, (apr_size_t)fi.size);
    if (apr_file_read_full(file, body, (apr_size_t)fi.size, &got) != APR_SUCCESS
        || got != (apr_size_t)fi.size) {
        apr_file_close(file);
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0611: short read of the feed schema %s",
                      path);
        return kt_feed_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL, "internal error");
    }
    apr_file_close(file);
    parts[0] = name;
    parts[1] = apr_off_t_toa(r->pool, fi.size);
    parts[2] = apr_psprintf(r->pool, "%" APR_TIME_T_FMT, fi.mtime);
    apr_table_setn(r->headers_out, "Cache-Control", "public, max-age=3600");
    ap_set_content_type(r, "application/xml; charset=utf-8");
    if (kt_http_not_modified(r, kt_etag_make(r->pool, parts, 3), fi.mtime)) {
        r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    ap_set_content_length(r, (apr_off_t)got);
    if (!r->header_only) {
        ap_rwrite(body, (int)got, r);
    }
    return OK;
}
