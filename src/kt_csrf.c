/* CSRF tokens and the Origin check; see kt_csrf.h. */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <httpd.h>
#include <http_protocol.h>
#include "kt_pcache.h"
#include "kt_csrf.h"
#include "kt_session.h"
#include "kt_cookie.h"
#include "kt_crypto.h"
#include "kt_validate.h"
#include "kt_body.h"
#include "kt_http.h"
#include "kt_db.h"

static const kt_stmt STMT_SECRET KT_STMT_LISTED = { "kt_csrf_secret",
    "SELECT encode(secret, 'hex') FROM csrf_secret" };

/* The installation's secret, kept with the database connection after the
 * first read (it never changes while the site runs). */
typedef struct {
    unsigned char *bytes;
    apr_size_t len;
} csrf_secret;

#define SECRET_KEY "csrf_secret"

static const csrf_secret *secret(kt_req *kr)
{
    kt_db *db;
    csrf_secret *s;
    const char *hex = NULL;
    apr_size_t i, n;

    if (kt_db_open(kr->r, &db) != KT_DB_OK) {
        return NULL;
    }
    s = kt_db_conn_data(db, SECRET_KEY);
    if (s) {
        return s;
    }
    if (kt_db_value(db, &STMT_SECRET, &hex, 0, NULL) != KT_DB_OK || !hex
        || (n = strlen(hex) / 2) < 16) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, kr->r,
                      "KT0407: no CSRF secret (sql/009_accounts.sql csrf_secret)");
        return NULL;
    }
    s = apr_palloc(kt_db_conn_pool(db), sizeof(*s));
    s->bytes = apr_palloc(kt_db_conn_pool(db), n);
    s->len = n;
    for (i = 0; i < n; i++) {
        char byte[3] = { hex[2 * i], hex[2 * i + 1], '\0' };
        s->bytes[i] = (unsigned char)strtol(byte, NULL, 16);
    }
    kt_db_conn_set_data(db, SECRET_KEY, s);
    return s;
}

void kt_csrf_read_cookie(kt_req *kr)
{
    const char *v = kt_cookie_get(kr->r->pool, apr_table_get(kr->r->headers_in, "Cookie"),
                                  kt_cookie_name(kr, KT_PRESESSION_COOKIE));
    kr->presession = kt_token_well_formed(v) ? v : NULL;
}

/* The anonymous token of kr's pre-session cookie, or NULL. */
static const char *presession_token(kt_req *kr)
{
    const csrf_secret *s = kr->presession ? secret(kr) : NULL;
    return s ? kt_csrf_for_presession(kr->r->pool, s->bytes, s->len, kr->presession) : NULL;
}

const char *kt_csrf_token(kt_req *kr)
{
    apr_pool_t *p = kr->r->pool;
    char *token;

    kt_pcache_forget(kr);   /* a page with a form token is its visitor's alone */
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
                       kt_cookie_make(p, kt_cookie_name(kr, KT_PRESESSION_COOKIE), token,
                                      kt_request_secure(kr), 0));
    }
    return presession_token(kr);
}

int kt_csrf_valid(kt_req *kr, const char *submitted)
{
    apr_pool_t *p = kr->r->pool;
    const char *expected = kr->session ? kt_csrf_for_session(p, kr->session->csrf_secret)
                                       : presession_token(kr);

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
