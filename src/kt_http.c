/* Response helpers; see kt_http.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>
#include <apr_date.h>
#include <http_core.h>
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_session.h"
#include "kt_csrf.h"
#include "kt_etag.h"
#include "kt_pcache.h"

/* No inline script or style anywhere: the stylesheets emit neither, and a
 * strict policy turns a missed escaping bug into a blocked script. */
#define KT_CSP "default-src 'none'; style-src 'self'; img-src 'self' data:; " \
               "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

void kt_http_security_headers(request_rec *r)
{
    apr_table_t *h = r->err_headers_out;
    apr_table_setn(h, "Content-Security-Policy", KT_CSP);
    apr_table_setn(h, "X-Content-Type-Options", "nosniff");
    apr_table_setn(h, "Referrer-Policy", "strict-origin-when-cross-origin");
    apr_table_setn(h, "X-Frame-Options", "DENY");
    apr_table_setn(h, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    /* An https site is https only: browsers remember it for a year and never
     * send a request (or a cookie) over plain http, where it could be read
     * or changed on the way. */
    if (kt_conf(r)->base_url && strncasecmp(kt_conf(r)->base_url, "https://", 8) == 0) {
        apr_table_setn(h, "Strict-Transport-Security", "max-age=31536000");
    }
}

xmlDocPtr kt_page_doc(kt_req *kr, const char *type, int status)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_xml_page(p, kr->lang, type, status, kr->rest, kr->r->args,
                                kr->conf->base_url);
    const kt_session *s = kr->session;

    if (s) {
        xmlNodePtr v = kt_xml_add(p, xmlDocGetRootElement(doc), "viewer",
                                  apr_pstrcat(p, s->first_name, " ", s->last_name, NULL));
        kt_xml_attr(p, v, "id", s->user_id);
        kt_xml_attr(p, v, "moderator", s->is_moderator ? "true" : "false");
        kt_xml_attr(p, v, "csrf", kt_csrf_token(kr));
    }
    return doc;
}

const char *kt_text_in(kt_req *kr, kt_lang lang, const char *key)
{
    const char *v = kr->conf->render ? kt_msg(kt_render_catalog(kr->conf->render), lang, key)
                                     : NULL;
    if (!v) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, kr->r,
                      "KT0203: UI message %s missing from the %s catalog", key, kt_lang_codes[lang]);
        return key;
    }
    return v;
}

const char *kt_text(kt_req *kr, const char *key)
{
    return kt_text_in(kr, kr->lang, key);
}

static void send_body(request_rec *r, int status, const char *ctype, const char *body,
                      apr_size_t len)
{
    r->status = status;
    ap_set_content_type(r, ctype);
    ap_set_content_length(r, (apr_off_t)len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
}

/* When even the error page cannot be rendered, something is badly wrong
 * with the installation; say so plainly instead of showing httpd's page. */
static int send_last_resort(kt_req *kr, int status)
{
    static const char body[] =
        "<!DOCTYPE html><html lang=\"fi\"><head><meta charset=\"utf-8\">"
        "<title>Virhe / Fel / Error</title></head><body><main>"
        "<h1>Palvelussa on häiriö. Tjänsten har en störning. The service has a problem.</h1>"
        "</main></body></html>";
    send_body(kr->r, status, "text/html; charset=utf-8", body, sizeof(body) - 1);
    return OK;
}

int kt_send_page(kt_req *kr, const char *sheet, xmlDocPtr doc, int status)
{
    kt_rendered out;
    const char *err;

    if (!kr->conf->render) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r,
                      "KT0201: KotoutuminenStylesheetDir is not set for this server");
        return send_last_resort(kr, HTTP_INTERNAL_SERVER_ERROR);
    }
    err = kt_render_page(kr->conf->render, kr->r->pool, sheet, doc, kr->lang, &out);
    if (err) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0202: rendering failed: %s", err);
        if (strcmp(sheet, "error") != 0) {
            return kt_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
        }
        return send_last_resort(kr, HTTP_INTERNAL_SERVER_ERROR);
    }
    if (out.missing_msgs) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, kr->r,
                      "KT0203: %d UI message(s) missing from the %s catalog for %s",
                      out.missing_msgs, kt_lang_codes[kr->lang], sheet);
    }
    if (kr->r->method_number == M_POST && status < 400) {
        kt_pcache_after_write(kr);   /* before any of the answer can go out */
    }
    if (status == HTTP_OK && kr->pcache
        && kt_pcache_store(kr, "text/html; charset=utf-8", out.html, out.len)) {
        kr->r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    send_body(kr->r, status, "text/html; charset=utf-8", out.html, out.len);
    return OK;
}

/* An error page document with <error code>, for kt_send_error and friends. */
static xmlDocPtr error_doc(kt_req *kr, int status)
{
    xmlDocPtr doc = kt_page_doc(kr, "error", status);
    xmlNodePtr err = kt_xml_add(kr->r->pool, xmlDocGetRootElement(doc), "error", NULL);

    kt_xml_attr(kr->r->pool, err, "code", apr_itoa(kr->r->pool, status));
    return doc;
}

static int send_error_doc(kt_req *kr, xmlDocPtr doc, int status)
{
    if (status == HTTP_SERVICE_UNAVAILABLE) {
        apr_table_setn(kr->r->err_headers_out, "Retry-After",
                       apr_itoa(kr->r->pool, kr->conf->retry_after));
    }
    /* error pages change with the state of things: never cache them */
    apr_table_setn(kr->r->err_headers_out, "Cache-Control", "no-store");
    return kt_send_page(kr, "error", doc, status);
}

int kt_send_error(kt_req *kr, int status, const char *param, const char *detail)
{
    xmlDocPtr doc = error_doc(kr, status);

    if (param || detail) {
        xmlNodePtr d = kt_xml_add(kr->r->pool, xmlDocGetRootElement(doc), "detail", detail);
        kt_xml_attr(kr->r->pool, d, "param", param);
    }
    return send_error_doc(kr, doc, status);
}

/* At most this many characters of a wrong value are shown back. */
#define SHOWN_VALUE_CHARS 60

/* The first SHOWN_VALUE_CHARS characters of a UTF-8 value, "…" after a cut. */
static const char *shown_value(apr_pool_t *p, const char *v)
{
    apr_size_t i, chars = 0;

    for (i = 0; v[i]; i++) {
        if (((unsigned char)v[i] & 0xC0) != 0x80 && ++chars > SHOWN_VALUE_CHARS) {
            return apr_pstrcat(p, apr_pstrmemdup(p, v, i), "\xE2\x80\xA6", NULL);
        }
    }
    return v;
}

int kt_send_bad_param(kt_req *kr, const char *param, const char *reason, const char *value,
                      const char *retry)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = error_doc(kr, HTTP_BAD_REQUEST);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr d = kt_xml_add(p, root, "detail", NULL);

    kt_xml_attr(p, d, "param", param);
    kt_xml_attr(p, d, "reason", reason);
    if (value && *value) {
        kt_xml_attr(p, d, "value", shown_value(p, value));
    }
    if (retry) {
        kt_xml_attr(p, kt_xml_add(p, root, "retry", NULL), "href", retry);
    }
    return send_error_doc(kr, doc, HTTP_BAD_REQUEST);
}

int kt_send_redirect(request_rec *r, int status, const char *location)
{
    apr_table_setn(r->headers_out, "Location", location);
    r->status = status;
    /* No body, so no type either: "/" under a site's DocumentRoot is a
     * directory, which would be sent as httpd/unix-directory. */
    r->content_type = NULL;
    ap_set_content_length(r, 0);
    return OK;
}

int kt_send_not_allowed(kt_req *kr, const char *allow)
{
    apr_table_setn(kr->r->err_headers_out, "Allow", allow);
    return kt_send_error(kr, HTTP_METHOD_NOT_ALLOWED, NULL, NULL);
}

int kt_send_db_failure(kt_req *kr, kt_db_status st)
{
    return kt_send_error(kr, st == KT_DB_UNAVAILABLE ? HTTP_SERVICE_UNAVAILABLE
                                                     : HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
}

/* Not ap_meets_conditions: mod_deflate sends the compressed answer with the
 * handler's ETag plus "-gzip", and a client asks again with that; httpd
 * compares it with the handler's ETag and never answers 304 for a compressed
 * answer.  kt_etag_match knows the suffixes.  And a Last-Modified in the
 * current second is not trusted here (httpd trusts it). */
int kt_http_not_modified(request_rec *r, const char *etag, apr_time_t last_modified)
{
    const char *inm = apr_table_get(r->headers_in, "If-None-Match");
    const char *ims = apr_table_get(r->headers_in, "If-Modified-Since");
    apr_time_t since;

    if (etag) {
        apr_table_setn(r->headers_out, "ETag", etag);
    }
    if (last_modified > 0) {
        ap_update_mtime(r, last_modified);
        ap_set_last_modified(r);
    }
    if (inm) {
        /* RFC 9110 13.2.2: If-Modified-Since is ignored beside If-None-Match */
        return etag && kt_etag_match(inm, etag);
    }
    if (!ims || last_modified <= 0
        || apr_time_sec(last_modified) >= apr_time_sec(r->request_time)) {
        return 0;
    }
    since = apr_date_parse_http(ims);
    return since != APR_DATE_BAD && apr_time_sec(last_modified) <= apr_time_sec(since);
}

const char *kt_http_base_url(kt_req *kr)
{
    return kr->conf->base_url ? kr->conf->base_url : ap_construct_url(kr->r->pool, "", kr->r);
}
