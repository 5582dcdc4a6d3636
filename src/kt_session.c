/* Sessions; see kt_session.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <httpd.h>
#include "kt_session.h"
#include "kt_http.h"
#include "kt_cookie.h"
#include "kt_crypto.h"
#include "kt_validate.h"

static const kt_stmt STMT_LOAD KT_STMT_LISTED = { "kt_session_load",
    "SELECT u.id, u.email, u.first_name, u.last_name, u.is_moderator,"
    " encode(s.csrf_secret, 'hex'), s.last_seen_at < now() - interval '60 seconds'"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = decode(%s, 'hex') AND s.expires_at > now()"
    " AND s.last_seen_at > now() - make_interval(secs => %s::int)" };

static const kt_stmt STMT_TOUCH KT_STMT_LISTED = { "kt_session_touch",
    "UPDATE sessions SET last_seen_at = now() WHERE token_hash = decode(%s, 'hex')" };

static const kt_stmt STMT_CREATE KT_STMT_LISTED = { "kt_session_create",
    "INSERT INTO sessions (token_hash, user_id, csrf_secret, expires_at)"
    " VALUES (decode(%s, 'hex'), %s::bigint, decode(%s, 'hex'),"
    " now() + make_interval(secs => %s::int))" };

static const kt_stmt STMT_DELETE KT_STMT_LISTED = { "kt_session_delete",
    "DELETE FROM sessions WHERE token_hash = decode(%s, 'hex')" };

/* Housekeeping at sign-in: the person's own dead sessions go. */
static const kt_stmt STMT_PURGE_USER KT_STMT_LISTED = { "kt_session_purge_user",
    "DELETE FROM sessions WHERE user_id = %s::bigint"
    " AND (expires_at <= now() OR last_seen_at <= now() - make_interval(secs => %s::int))" };

int kt_request_secure(kt_req *kr)
{
    const char *base = kr->conf->base_url;
    return strcmp(ap_http_scheme(kr->r), "https") == 0
        || (base && strncasecmp(base, "https://", 8) == 0);
}

const char *kt_cookie_name(kt_req *kr, const char *name)
{
    return kt_request_secure(kr) ? apr_pstrcat(kr->r->pool, "__Host-", name, NULL) : name;
}

typedef struct {
    apr_array_header_t *keep;
    const char *prefix;    /* "NAME=" of the session cookie */
} cookie_filter;

/* apr_table_do callback: keeps the Set-Cookie values of other cookies. */
static int keep_other_cookies(void *rec, const char *key, const char *value)
{
    cookie_filter *f = rec;
    (void)key;
    if (strncmp(value, f->prefix, strlen(f->prefix)) != 0) {
        APR_ARRAY_PUSH(f->keep, const char *) = value;
    }
    return 1;
}

/* One Set-Cookie for the session per answer: signing in after a dead
 * cookie was cleared replaces the clearing. */
static void set_cookie(kt_req *kr, const char *value)
{
    apr_table_t *h = kr->r->err_headers_out;
    const char *name = kt_cookie_name(kr, KT_SESSION_COOKIE);
    cookie_filter f;
    int i;

    f.keep = apr_array_make(kr->r->pool, 2, sizeof(const char *));
    f.prefix = apr_pstrcat(kr->r->pool, name, "=", NULL);
    apr_table_do(keep_other_cookies, &f, h, "Set-Cookie", NULL);
    apr_table_unset(h, "Set-Cookie");
    for (i = 0; i < f.keep->nelts; i++) {
        apr_table_addn(h, "Set-Cookie", APR_ARRAY_IDX(f.keep, i, const char *));
    }
    /* err_headers_out: kept when the answer is an error page or a redirect */
    apr_table_addn(h, "Set-Cookie",
                   kt_cookie_make(kr->r->pool, name, value ? value : "",
                                  kt_request_secure(kr), value == NULL));
}

static const char *cookie_token(kt_req *kr)
{
    const char *v = kt_cookie_get(kr->r->pool, apr_table_get(kr->r->headers_in, "Cookie"),
                                  kt_cookie_name(kr, KT_SESSION_COOKIE));
    return v && *v ? v : NULL;
}

int kt_session_cookie_sent(kt_req *kr)
{
    return cookie_token(kr) != NULL;
}

kt_db_status kt_session_load(kt_req *kr)
{
    apr_pool_t *p = kr->r->pool;
    const char *token = cookie_token(kr), *args[2], *c[7];
    kt_db *db;
    kt_session *s;
    kt_db_status st;
    int found = 0;

    kr->session = NULL;
    if (!token) {
        return KT_DB_OK;
    }
    if (!kt_token_well_formed(token)) {
        set_cookie(kr, NULL);
        return KT_DB_OK;
    }
    args[0] = kt_sha256_hex(p, token);
    args[1] = apr_itoa(p, KT_SESSION_IDLE);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_row(db, &STMT_LOAD, 2, args, 7, c, &found);
    }
    if (st != KT_DB_OK || !found) {
        if (st == KT_DB_OK) {
            set_cookie(kr, NULL);   /* expired or signed out elsewhere */
        }
        return st;
    }
    s = apr_pcalloc(p, sizeof(*s));
    s->token_hash = args[0];
    s->user_id = c[0];
    s->email = c[1];
    s->first_name = c[2];
    s->last_name = c[3];
    s->is_moderator = strcmp(c[4], "t") == 0;
    s->csrf_secret = c[5];
    kr->session = s;
    /* Last use is written at most once a minute: a page view is no write. */
    return strcmp(c[6], "t") == 0 ? kt_db_exec(db, &STMT_TOUCH, NULL, 1, args) : KT_DB_OK;
}

kt_db_status kt_session_start(kt_req *kr, kt_db *db, const char *user_id)
{
    apr_pool_t *p = kr->r->pool;
    unsigned char secret[KT_TOKEN_BYTES];
    char *token;
    const char *old = cookie_token(kr), *args[4];
    kt_db_status st = KT_DB_OK;

    if (kt_token_new(p, &token) != APR_SUCCESS
        || apr_generate_random_bytes(secret, sizeof(secret)) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0410: no random bytes for a session");
        return KT_DB_ERROR;
    }
    if (old && kt_token_well_formed(old)) {
        args[0] = kt_sha256_hex(p, old);
        st = kt_db_exec(db, &STMT_DELETE, NULL, 1, args);
    }
    args[0] = user_id;
    args[1] = apr_itoa(p, KT_SESSION_IDLE);
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_PURGE_USER, NULL, 2, args);
    }
    args[0] = kt_sha256_hex(p, token);
    args[1] = user_id;
    args[2] = kt_hex(p, secret, sizeof(secret));
    args[3] = apr_itoa(p, KT_SESSION_MAX);
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_CREATE, NULL, 4, args);
    }
    if (st == KT_DB_OK) {
        set_cookie(kr, token);
    }
    return st;
}

kt_db_status kt_session_end(kt_req *kr, kt_db *db)
{
    const char *args[1];
    kt_db_status st = KT_DB_OK;

    if (kr->session) {
        args[0] = kr->session->token_hash;
        st = kt_db_exec(db, &STMT_DELETE, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        set_cookie(kr, NULL);
        kr->session = NULL;
    }
    return st;
}

int kt_session_require(kt_req *kr, kt_access access)
{
    request_rec *r = kr->r;
    const char *here, *login;

    if (access == KT_ANYONE || (kr->session && (access != KT_MODERATOR || kr->session->is_moderator))) {
        return DECLINED;
    }
    if (kr->session) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0422: user %s is no moderator (%s)",
                      kr->session->user_id, r->uri);
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    /* A POST cannot be repeated after sign-in: come back to the page instead. */
    here = r->method_number == M_GET ? r->unparsed_uri : r->parsed_uri.path;
    if (!kt_valid_local_path(here)) {
        here = r->uri;
    }
    login = apr_pstrcat(r->pool, "/", kt_lang_codes[kr->lang], "/login?next=",
                        ap_escape_urlencoded(r->pool, here), NULL);
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    return kt_send_redirect(r, HTTP_SEE_OTHER, login);
}

const char *kt_session_next(kt_req *kr, const char *next)
{
    if (kt_valid_local_path(next)) {
        return next;
    }
    return apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], "/manage", NULL);
}
