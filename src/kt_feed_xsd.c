/* GET /feed/SEGMENT.xsd: a kind's feed's XML Schema, hand-written files kept
 * beside the stylesheets (KotoutuminenStylesheetDir/feed/), with xml.xsd, the
 * declaration of xml:lang it imports.
 *
 * Read once at start-up (post_config, still as root), as the stylesheets are
 * compiled then: httpd's workers run as another user and may not be able to
 * read the directory (a checkout in a private home), and a schema changed
 * under a running server would no longer match the feed it serves.  Reload
 * httpd after changing one.  Validators come from size and mtime. */
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

/* The files under /feed/ there are: each kind's schema (kt_kind_ops.schema),
 * then the declaration of xml:lang they import; anything else is a 404. */
#define N_SCHEMAS_MAX 16

typedef struct {
    const char *body;
    apr_size_t len;
    const char *etag;
    apr_time_t mtime;
} schema_file;

struct kt_feed_schemas {
    const char *name[N_SCHEMAS_MAX];
    schema_file file[N_SCHEMAS_MAX];
    apr_size_t n;
};

static const char *load_one(apr_pool_t *p, const char *path, const char *name,
                            schema_file *out)
{
    apr_finfo_t fi;
    apr_file_t *file;
    apr_size_t got = 0;
    apr_status_t rv;
    char *body, err[120];
    const char *parts[3];

    rv = apr_stat(&fi, path, APR_FINFO_SIZE | APR_FINFO_MTIME, p);
    if (rv == APR_SUCCESS && (fi.size <= 0 || fi.size > XSD_MAX)) {
        return apr_psprintf(p, "KT0611: the feed schema %s is empty or over %d bytes", path,
                            XSD_MAX);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_file_open(&file, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, p);
    }
    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "KT0610: cannot read the feed schema %s: %s", path,
                            apr_strerror(rv, err, sizeof(err)));
    }
    body = apr_palloc(p, (apr_size_t)fi.size);
    rv = apr_file_read_full(file, body, (apr_size_t)fi.size, &got);
    apr_file_close(file);
    if (rv != APR_SUCCESS || got != (apr_size_t)fi.size) {
        return apr_psprintf(p, "KT0611: short read of the feed schema %s", path);
    }
    parts[0] = name;
    parts[1] = apr_off_t_toa(p, fi.size);
    parts[2] = apr_psprintf(p, "%" APR_TIME_T_FMT, fi.mtime);
    out->body = body;
    out->len = got;
    out->etag = kt_etag_make(p, parts, 3);
    out->mtime = fi.mtime;
    return NULL;
}

const char *kt_feed_xsd_load(apr_pool_t *p, const char *xslt_dir, kt_feed_schemas **out)
{
    kt_feed_schemas *s = apr_pcalloc(p, sizeof(*s));
    apr_size_t i;
    const char *err;
    int k;

    for (k = 0; kt_kind_table[k] && s->n < N_SCHEMAS_MAX - 1; k++) {
        if (kt_kind_table[k]->schema) {
            s->name[s->n++] = kt_kind_table[k]->schema;
        }
    }
    if (kt_kind_table[k]) {
        return "KT0611: more kinds with a feed schema than kt_feed_xsd.c has room for";
    }
    s->name[s->n++] = "xml.xsd";
    for (i = 0; i < s->n; i++) {
        err = load_one(p, apr_pstrcat(p, xslt_dir, "/feed/", s->name[i], NULL), s->name[i],
                       &s->file[i]);
        if (err) {
            return err;
        }
    }
    *out = s;
    return NULL;
}

int kt_feed_xsd(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    const schema_file *f;
    apr_size_t i;

    if (!kr->conf->schemas) {
        /* Only without KotoutuminenStylesheetDir: post_config refuses to start
         * when the files cannot be read. */
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "KT0610: no feed schema: KotoutuminenStylesheetDir is not set for this server");
        return kt_feed_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL, "internal error");
    }
    for (i = 0; i < kr->conf->schemas->n && strcmp(kr->conf->schemas->name[i], arg) != 0; i++) {
    }
    if (i == kr->conf->schemas->n) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    f = &kr->conf->schemas->file[i];
    apr_table_setn(r->headers_out, "Cache-Control", "public, max-age=3600");
    ap_set_content_type(r, "application/xml; charset=utf-8");
    if (kt_http_not_modified(r, f->etag, f->mtime)) {
        r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    ap_set_content_length(r, (apr_off_t)f->len);
    if (!r->header_only) {
        ap_rwrite(f->body, (int)f->len, r);
    }
    return OK;
}
