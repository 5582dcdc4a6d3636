/* CSRF tokens and the Origin check; see kt_csrf.h. */
#include <string.h>
#include <apr_strings.h>
#include <httpd.h>
#include <http_protocol.h>
#include "kt_csrf.h"
#include "kt_session.h"
#include "kt_cookie.h"
#include "kt_crypto.h"
#include "kt_validate.h"
#include "kt_body.h"
#include "kt_http.h"

void kt_csrf_read_cookie(kt_req *kr)
{
    const char *v = kt_cookie_get(kr->r->pool, apr_table_get(kr->r->headers_in, "Cookie"),
                                  KT_PRESESSION_COOKIE);
    kr->presession = kt_token_well_formed(v) ? v : NULL;
}

const char *kt_csrf_token(kt_req *kr)
{
    apr_pool_t *p = kr->r->pool;
    char *token;

    if (kr->session) {
        return kt_csrf_for_session(p, kr->session->csrf_secret);
    }
    if (!kr->presession) {
        if (kt_token_new(p, &token) != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r,
                          "KT0411: no random bytes for a pre-session token");
            return NULL;
        }
        kr->presession = token;
        apr_table_addn(kr->r->err_headers_out, "Set-Cookie",
                       kt_cookie_make(p, KT_PRESESSION_COOKIE, token, kt_request_secure(kr), 0));
    }
    return kt_csrf_for_presession(p, kr->presession);
}

int kt_csrf_valid(kt_req *kr, const char *submitted)
{
    apr_pool_t *p = kr->r->pool;
    const char *expected = kr->session ? kt_csrf_for_session(p, kr->session->csrf_secret)
                         : kr->presession ? kt_csrf_for_presession(p, kr->presession) : NULL;

    return expected && submitted && kt_str_equals(expected, submitted);
}

int kt_csrf_origin_ok(kt_req *kr)
{
    request_rec *r = kr->r;
    apr_pool_t *p = r->pool;
    const char *origin = apr_table_get(r->headers_in, "Origin");
    const char *source = origin ? origin : apr_table_get(r->headers_in, "Referer");
    const char *host = apr_table_get(r->headers_in, "Host");
    const char *seen, *base, *own;

    if (!source) {
        return 1;
    }
    seen = kt_url_origin(p, source);
    if (!seen) {
        return 0;   /* "null", or not an http(s) URL */
    }
    base = kt_url_origin(p, kr->conf->base_url);
    own = host ? kt_url_origin(p, apr_pstrcat(p, ap_http_scheme(r), "://", host, NULL)) : NULL;
    return (base && strcmp(seen, base) == 0) || (own && strcmp(seen, own) == 0);
}

int kt_csrf_accept_post(kt_req *kr, int only_with_session, const kt_form_limits *lim)
{
    int rv;

    if (!kt_csrf_origin_ok(kr)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0405: POST from another origin (%s)",
                      apr_table_get(kr->r->headers_in, "Origin") ? "Origin" : "Referer");
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, kt_text(kr, "error.csrf.detail"));
    }
    rv = kt_body_read_form(kr, lim ? lim : &kt_form_default_limits);
    if (rv == AP_FILTER_ERROR) {
        return rv;   /* an input filter has answered already */
    }
    if (rv != OK) {
        return kt_send_error(kr, rv, NULL, NULL);
    }
    if (only_with_session && !kr->session) {
        return DECLINED;
    }
    if (!kt_csrf_valid(kr, kt_form_get(kr->form, KT_CSRF_FIELD))) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0406: POST without a valid CSRF token");
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, kt_text(kr, "error.csrf.detail"));
    }
    return DECLINED;
}
