/* Accounts; see kt_account.h. */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_account.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_session.h"
#include "kt_crypto.h"
#include "kt_password.h"
#include "kt_throttle.h"
#include "kt_mail.h"

#define VERIFY_TTL (48 * 3600)
#define RESET_TTL 3600
/* At most this many reset (or verification) mails an hour for one account:
 * the form must not become a way to flood someone's mailbox. */
#define MAILS_PER_HOUR 3

static const kt_stmt STMT_USER_BY_EMAIL KT_STMT_LISTED = { "kt_acct_user_by_email",
    "SELECT id, password_hash, email_verified_at IS NOT NULL, email, first_name, last_name"
    " FROM users WHERE lower(email) = lower(%s)" };

static const kt_stmt STMT_USER_INSERT KT_STMT_LISTED = { "kt_acct_user_insert",
    "INSERT INTO users (email, first_name, last_name, phone, password_hash, lang,"
    " terms_accepted_at, password_changed_at)"
    " VALUES (%s, %s, %s, nullif(%s, ''), %s, %s, now(), now())"
    " ON CONFLICT ((lower(email))) DO NOTHING RETURNING id" };

static const kt_stmt STMT_TOKEN_INSERT KT_STMT_LISTED = { "kt_acct_token_insert",
    "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at)"
    " VALUES (decode(%s, 'hex'), %s::bigint, %s, now() + make_interval(secs => %s::int))" };

static const kt_stmt STMT_TOKENS_RECENT KT_STMT_LISTED = { "kt_acct_tokens_recent",
    "SELECT count(*) FROM account_tokens WHERE user_id = %s::bigint AND purpose = %s"
    " AND created_at > now() - interval '1 hour'" };

/* Single use is this one UPDATE: two clicks racing cannot both win. */
static const kt_stmt STMT_TOKEN_USE KT_STMT_LISTED = { "kt_acct_token_use",
    "UPDATE account_tokens SET used_at = now() WHERE token_hash = decode(%s, 'hex')"
    " AND purpose = %s AND used_at IS NULL AND expires_at > now() RETURNING user_id" };

static const kt_stmt STMT_TOKEN_USER KT_STMT_LISTED = { "kt_acct_token_user",
    "SELECT u.id, u.email, u.first_name, u.last_name, t.used_at IS NULL AND t.expires_at > now()"
    " FROM account_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = decode(%s, 'hex') AND t.purpose = %s" };

static const kt_stmt STMT_VERIFY KT_STMT_LISTED = { "kt_acct_verify",
    "UPDATE users SET email_verified_at = coalesce(email_verified_at, now())"
    " WHERE id = %s::bigint" };

static const kt_stmt STMT_SET_PASSWORD KT_STMT_LISTED = { "kt_acct_set_password",
    "UPDATE users SET password_hash = %s, password_changed_at = now(),"
    " email_verified_at = coalesce(email_verified_at, now()) WHERE id = %s::bigint"
    " RETURNING lower(email)" };

static const kt_stmt STMT_END_RESETS KT_STMT_LISTED = { "kt_acct_end_resets",
    "UPDATE account_tokens SET used_at = now()"
    " WHERE user_id = %s::bigint AND purpose = 'reset' AND used_at IS NULL" };

static const kt_stmt STMT_END_SESSIONS KT_STMT_LISTED = { "kt_acct_end_sessions",
    "DELETE FROM sessions WHERE user_id = %s::bigint" };

static const kt_stmt STMT_SET_LANG KT_STMT_LISTED = { "kt_acct_set_lang",
    "UPDATE users SET lang = %s WHERE id = %s::bigint AND lang <> %s" };

typedef struct {
    const char *id;
    const char *hash;
    int verified;
    const char *email;
    const char *first_name;
    const char *last_name;
} account;

/* The account of an address, or found = 0. */
static kt_db_status find_account(kt_db *db, const char *email, account *a, int *found)
{
    const char *args[1] = { email }, *c[6];
    kt_db_status st = kt_db_row(db, &STMT_USER_BY_EMAIL, 1, args, 6, c, found);

    if (*found) {
        a->id = c[0];
        a->hash = c[1];
        a->verified = strcmp(c[2], "t") == 0;
        a->email = c[3];
        a->first_name = c[4];
        a->last_name = c[5];
    }
    return st;
}

/* A new single-use token for user_id; *url is the page it opens. */
static kt_db_status issue_token(kt_req *kr, kt_db *db, const char *user_id, const char *purpose,
                                int ttl, const char *page, const char **url)
{
    apr_pool_t *p = kr->r->pool;
    char *token;
    const char *args[4];

    if (kt_token_new(p, &token) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0412: no random bytes for a %s link",
                      purpose);
        return KT_DB_ERROR;
    }
    args[0] = kt_sha256_hex(p, token);
    args[1] = user_id;
    args[2] = purpose;
    args[3] = apr_itoa(p, ttl);
    *url = kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[kr->lang], page, token, NULL));
    return kt_db_exec(db, &STMT_TOKEN_INSERT, NULL, 4, args);
}

/* How many links of purpose went to user_id in the last hour. */
static kt_db_status recent_tokens(kt_db *db, const char *user_id, const char *purpose, int *n)
{
    const char *args[2] = { user_id, purpose }, *v = NULL;
    kt_db_status st = kt_db_value(db, &STMT_TOKENS_RECENT, &v, 2, args);
    *n = v ? atoi(v) : 0;
    return st;
}

/* Queues the verification mail with a fresh link (inside a transaction). */
static kt_db_status send_verify(kt_req *kr, kt_db *db, const account *a)
{
    const char *url;
    kt_mail_var vars[] = { { "name", a->first_name }, { NULL, NULL } };
    int n = 0;
    kt_db_status st = recent_tokens(db, a->id, "verify", &n);

    if (st != KT_DB_OK || n >= MAILS_PER_HOUR) {
        return st;
    }
    st = issue_token(kr, db, a->id, "verify", VERIFY_TTL, "/verify/", &url);
    return st == KT_DB_OK ? kt_mail_queue(kr, db, a->email, kr->lang, "verify", url, vars) : st;
}

/* ---- register ------------------------------------------------------------ */

/* Validates the registration; the password's verdict is checked last, so it
 * can be compared with the person's own name and address. */
static void check_registration(kt_req *kr, kt_fstate *fs, account *a, const char **phone,
                               const char **password)
{
    apr_pool_t *p = kr->r->pool;
    const char *personal[4];
    static const char *const pw_codes[] = {
        NULL, "password.too_short", "password.too_long", "password.common", "password.personal"
    };
    kt_pw_verdict pv;

    a->first_name = kt_form_field(kr, "first_name");
    a->last_name = kt_form_field(kr, "last_name");
    a->email = kt_form_field(kr, "email");
    *phone = kt_form_field(kr, "phone");
    *password = kt_form_get(kr->form, "password");
    kt_form_check(fs, "first_name", a->first_name, kt_valid_line(a->first_name, 100, 1));
    kt_form_check(fs, "last_name", a->last_name, kt_valid_line(a->last_name, 100, 1));
    kt_form_check(fs, "email", a->email, kt_valid_email(a->email));
    kt_form_check(fs, "phone", *phone, **phone ? kt_valid_phone(*phone) : KT_V_OK);
    personal[0] = a->email;
    personal[1] = a->first_name;
    personal[2] = a->last_name;
    personal[3] = NULL;
    if (!*password || !**password) {
        kt_fstate_error(fs, "password", "password.missing");
    }
    else if ((pv = kt_password_judge(p, *password, personal)) != KT_PW_OK) {
        kt_fstate_error(fs, "password", pw_codes[pv]);
    }
    if (strcmp(kt_form_field(kr, "terms"), "yes") != 0) {
        kt_fstate_error(fs, "terms", "terms.missing");
    }
}

/* The same work for a new and a taken address, in one transaction. */
static kt_db_status register_account(kt_req *kr, kt_db *db, account *a, const char *phone,
                                     const char *hash)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[6] = { a->email, a->first_name, a->last_name, phone, hash,
                            kt_lang_codes[kr->lang] };
    const char *id = NULL;
    kt_db_status st = kt_db_begin(db);
    account old = { 0 };
    int found = 0;

    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_USER_INSERT, &id, 6, args);
    }
    if (st == KT_DB_OK && id) {
        a->id = id;
        st = send_verify(kr, db, a);
    }
    else if (st == KT_DB_OK) {
        st = find_account(db, a->email, &old, &found);
        if (st == KT_DB_OK && found && !old.verified) {
            st = send_verify(kr, db, &old);
        }
        else if (st == KT_DB_OK && found) {
            kt_mail_var vars[] = {
                { "name", old.first_name },
                { "reset_link", kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[kr->lang],
                                                            "/password-reset", NULL)) },
                { NULL, NULL } };
            st = kt_mail_queue(kr, db, old.email, kr->lang, "register_exists",
                               kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[kr->lang],
                                                           "/login", NULL)), vars);
        }
    }
    return kt_db_finish(db, st);
}

int kt_page_register(kt_req *kr, const char *arg)
{
    xmlDocPtr doc;
    kt_fstate *fs;
    account a = { 0 };
    const char *phone, *password;
    char *hash = NULL;
    kt_db *db;
    kt_db_status st;
    (void)arg;

    fs = kt_form_page(kr, "register", "register", NULL, &doc);
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    check_registration(kr, fs, &a, &phone, &password);
    if (kt_fstate_errors(fs)) {
        kt_fstate_value(fs, "terms", kt_form_field(kr, "terms"));
        return kt_form_answer(kr, "account", doc, fs);
    }
    /* Hashed before we know whether the address is taken: both answers
     * then take as long. */
    if (kt_password_hash(kr->r->pool, password, &hash) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0413: password hashing failed");
        return kt_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = register_account(kr, db, &a, phone, hash);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], "/register/sent",
                                        NULL));
}

/* A page that only says something (type, no data). */
static int message_page(kt_req *kr, const char *type, int status)
{
    return kt_send_page(kr, "account", kt_page_doc(kr, type, status), status);
}

int kt_page_register_sent(kt_req *kr, const char *arg)
{
    (void)arg;
    return message_page(kr, "register-sent", HTTP_OK);
}

/* ---- verify ---------------------------------------------------------------- */

/* Uses a token of purpose: *user_id is its user, or NULL when the token is
 * unknown, used or expired (then *used tells whether it was used). */
static kt_db_status use_token(kt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                              const char **user_id)
{
    const char *args[2] = { kt_sha256_hex(p, token), purpose };
    return kt_db_value(db, &STMT_TOKEN_USE, user_id, 2, args);
}

int kt_page_verify(kt_req *kr, const char *token)
{
    apr_pool_t *p = kr->r->pool;
    const char *user_id = NULL, *args[1];
    xmlDocPtr doc;
    kt_db *db;
    kt_db_status st;
    int ok;

    if (!kt_token_well_formed(token)) {
        return message_page(kr, "verify-invalid", HTTP_NOT_FOUND);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_begin(db);
    }
    if (st == KT_DB_OK) {
        st = use_token(db, p, token, "verify", &user_id);
        if (st == KT_DB_OK && user_id) {
            args[0] = user_id;
            st = kt_db_exec(db, &STMT_VERIFY, NULL, 1, args);
        }
        st = kt_db_finish(db, st);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    ok = user_id != NULL;
    /* The page is the same for a link used twice: a mail scanner may have
     * opened it first, and the address is confirmed either way. */
    if (!ok) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0414: verification link not valid");
    }
    doc = kt_page_doc(kr, ok ? "verify" : "verify-invalid", ok ? HTTP_OK : HTTP_NOT_FOUND);
    return kt_send_page(kr, "account", doc, ok ? HTTP_OK : HTTP_NOT_FOUND);
}

/* ---- login / logout ------------------------------------------------------------ */

static kt_fstate *login_form(kt_req *kr, xmlDocPtr *doc, const char *next)
{
    kt_fstate *fs = kt_form_page(kr, "login", "login", NULL, doc);
    const char *done = kt_query_param(kr, "done");

    if (next && kt_valid_local_path(next)) {
        kt_fstate_value(fs, "next", next);
    }
    if (done && (strcmp(done, "password") == 0 || strcmp(done, "verified") == 0)) {
        kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, xmlDocGetRootElement(*doc), "notice", NULL),
                    "code", done);
    }
    return fs;
}

static int too_many_attempts(kt_req *kr, int wait)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                  "KT0415: sign-in throttled for %d s (client %s)", wait, kr->r->useragent_ip);
    apr_table_setn(kr->r->err_headers_out, "Retry-After", apr_itoa(kr->r->pool, wait));
    return kt_send_error(kr, HTTP_TOO_MANY_REQUESTS, NULL, NULL);
}

/* A right password: the count cleared, a new session, the person's
 * language remembered for the emails we send them. */
static kt_db_status sign_in(kt_req *kr, kt_db *db, const account *a, const char *key)
{
    const char *args[3] = { kt_lang_codes[kr->lang], a->id, kt_lang_codes[kr->lang] };
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = kt_throttle_clear(db, key);
        if (st == KT_DB_OK) {
            st = kt_session_start(kr, db, a->id);
        }
        if (st == KT_DB_OK) {
            st = kt_db_exec(db, &STMT_SET_LANG, NULL, 3, args);
        }
        st = kt_db_finish(db, st);
    }
    return st;
}

/* The account key of the throttle: the address as typed, lower case. */
static const char *throttle_key(apr_pool_t *p, const char *email)
{
    char *k = apr_pstrndup(p, email, 254), *c;
    for (c = k; *c; c++) {
        if (*c >= 'A' && *c <= 'Z') {
            *c = (char)(*c + 32);
        }
    }
    return k;
}

/* Checks the password; *ok set.  An unknown address is checked against a
 * dummy hash, so it takes as long and counts the same. */
static kt_db_status check_login(kt_req *kr, kt_db *db, const char *email, const char *password,
                                account *a, int *ok)
{
    int found = 0;
    kt_db_status st = find_account(db, email, a, &found);

    *ok = kt_password_verify(kr->r->pool, password,
                             found ? a->hash : kt_password_dummy_hash) && found;
    return st;
}

static int login_post(kt_req *kr, kt_db *db, kt_fstate *fs, xmlDocPtr doc)
{
    const char *email = kt_form_field(kr, "email");
    const char *password = kt_form_get(kr->form, "password");
    const char *key = throttle_key(kr->r->pool, email);
    account a = { 0 };
    int wait = 0, ok = 0;
    kt_db_status st;

    kt_fstate_value(fs, "email", email);
    if (!*email || !password || !*password) {
        kt_fstate_error(fs, !*email ? "email" : "password",
                        !*email ? "email.missing" : "password.missing");
        return kt_form_answer(kr, "account", doc, fs);
    }
    st = kt_throttle_check(db, key, kr->r->useragent_ip, &wait);
    if (st == KT_DB_OK && wait > 0) {
        return too_many_attempts(kr, wait);
    }
    if (st == KT_DB_OK) {
        st = check_login(kr, db, email, password, &a, &ok);
    }
    if (st == KT_DB_OK && !ok) {
        st = kt_throttle_fail(db, key, kr->r->useragent_ip);
        if (st == KT_DB_OK) {
            kt_fstate_form_error(fs, "login.failed");
            return kt_form_answer(kr, "account", doc, fs);
        }
    }
    if (st == KT_DB_OK && !a.verified) {
        st = kt_db_begin(db);
        st = st == KT_DB_OK ? kt_db_finish(db, send_verify(kr, db, &a)) : st;
        if (st == KT_DB_OK) {
            kt_fstate_form_error(fs, "login.unverified");
            return kt_form_answer(kr, "account", doc, fs);
        }
    }
    if (st == KT_DB_OK) {
        st = sign_in(kr, db, &a, key);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            kt_session_next(kr, kt_form_get(kr->form, "next")));
}

int kt_page_login(kt_req *kr, const char *arg)
{
    int post = kr->r->method_number == M_POST;
    const char *next = post ? kt_form_get(kr->form, "next") : kt_query_param(kr, "next");
    xmlDocPtr doc;
    kt_fstate *fs;
    kt_db *db;
    kt_db_status st;
    (void)arg;

    if (kr->session && !post) {
        return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_session_next(kr, next));
    }
    fs = login_form(kr, &doc, next);
    if (!post) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    st = kt_db_open(kr->r, &db);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return login_post(kr, db, fs, doc);
}

int kt_page_logout(kt_req *kr, const char *arg)
{
    kt_db *db;
    kt_db_status st = KT_DB_OK;
    (void)arg;

    if (kr->session) {
        st = kt_db_open(kr->r, &db);
        if (st == KT_DB_OK) {
            st = kt_session_end(kr, db);
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], "/", NULL));
}

/* ---- password reset ----------------------------------------------------------------- */

/* A reset link for a known, not too often asked-for account; nothing for
 * an unknown address (the answer is the same). */
static kt_db_status request_reset(kt_req *kr, kt_db *db, const char *email)
{
    account a = { 0 };
    int found = 0, n = 0;
    const char *url;
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = find_account(db, email, &a, &found);
        if (st == KT_DB_OK && found) {
            st = recent_tokens(db, a.id, "reset", &n);
        }
        if (st == KT_DB_OK && found && n < MAILS_PER_HOUR) {
            kt_mail_var vars[] = { { "name", a.first_name }, { NULL, NULL } };
            st = issue_token(kr, db, a.id, "reset", RESET_TTL, "/password-reset/", &url);
            if (st == KT_DB_OK) {
                st = kt_mail_queue(kr, db, a.email, kr->lang, "reset", url, vars);
            }
        }
        st = kt_db_finish(db, st);
    }
    return st;
}

int kt_page_reset_request(kt_req *kr, const char *arg)
{
    xmlDocPtr doc;
    kt_fstate *fs = kt_form_page(kr, "reset-request", "reset", NULL, &doc);
    const char *email;
    kt_db *db;
    kt_db_status st;
    (void)arg;

    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    email = kt_form_field(kr, "email");
    if (!kt_form_check(fs, "email", email, kt_valid_email(email))) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = request_reset(kr, db, email);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/password-reset/sent", NULL));
}

int kt_page_reset_sent(kt_req *kr, const char *arg)
{
    (void)arg;
    return message_page(kr, "reset-sent", HTTP_OK);
}

/* The account a live reset token belongs to; found = 0 otherwise. */
static kt_db_status reset_account(kt_db *db, apr_pool_t *p, const char *token, account *a,
                                  int *found)
{
    const char *args[2] = { kt_sha256_hex(p, token), "reset" }, *c[5];
    kt_db_status st = kt_db_row(db, &STMT_TOKEN_USER, 2, args, 5, c, found);

    if (*found) {
        a->id = c[0];
        a->email = c[1];
        a->first_name = c[2];
        a->last_name = c[3];
        *found = strcmp(c[4], "t") == 0;
    }
    return st;
}

/* Everything a new password changes, in one transaction: the token used
 * (losing a race with another tab fails here), the hash, every session and
 * other reset link ended, the throttle cleared, a notice mailed. */
static kt_db_status set_password(kt_req *kr, kt_db *db, const char *token, const account *a,
                                 const char *hash, int *used)
{
    apr_pool_t *p = kr->r->pool;
    const char *user_id = NULL, *key = NULL, *args[2];
    kt_mail_var vars[] = { { "name", a->first_name }, { NULL, NULL } };
    kt_db_status st = kt_db_begin(db);

    *used = 0;
    if (st != KT_DB_OK) {
        return st;
    }
    st = use_token(db, p, token, "reset", &user_id);
    if (st == KT_DB_OK && (!user_id || strcmp(user_id, a->id) != 0)) {
        *used = 1;
        return kt_db_end(db, 1);
    }
    args[0] = hash;
    args[1] = a->id;
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_SET_PASSWORD, &key, 2, args);
    }
    args[0] = a->id;
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_END_RESETS, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_END_SESSIONS, NULL, 1, args);
    }
    if (st == KT_DB_OK && key) {
        st = kt_throttle_clear(db, key);
    }
    if (st == KT_DB_OK) {
        st = kt_mail_queue(kr, db, a->email, kr->lang, "password_changed", NULL, vars);
    }
    return kt_db_finish(db, st);
}

static int reset_post(kt_req *kr, kt_db *db, const char *token, const account *a,
                      kt_fstate *fs, xmlDocPtr doc)
{
    static const char *const codes[] = {
        NULL, "password.too_short", "password.too_long", "password.common", "password.personal"
    };
    const char *password = kt_form_get(kr->form, "password");
    const char *personal[4] = { a->email, a->first_name, a->last_name, NULL };
    char *hash = NULL;
    kt_pw_verdict v = password && *password
                    ? kt_password_judge(kr->r->pool, password, personal) : KT_PW_TOO_SHORT;
    int used = 0;
    kt_db_status st;

    if (!password || !*password) {
        kt_fstate_error(fs, "password", "password.missing");
    }
    else if (v != KT_PW_OK) {
        kt_fstate_error(fs, "password", codes[v]);
    }
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    if (kt_password_hash(kr->r->pool, password, &hash) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0413: password hashing failed");
        return kt_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
    }
    st = set_password(kr, db, token, a, hash, &used);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (used) {
        return message_page(kr, "reset-invalid", HTTP_NOT_FOUND);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/login?done=password", NULL));
}

int kt_page_reset(kt_req *kr, const char *token)
{
    xmlDocPtr doc;
    kt_fstate *fs;
    account a = { 0 };
    int found = 0;
    kt_db *db;
    kt_db_status st;

    if (!kt_token_well_formed(token)) {
        return message_page(kr, "reset-invalid", HTTP_NOT_FOUND);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = reset_account(db, kr->r->pool, token, &a, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0416: reset link not valid");
        return message_page(kr, "reset-invalid", HTTP_NOT_FOUND);
    }
    fs = kt_form_page(kr, "reset-new", "newpassword", NULL, &doc);
    /* Shown so that the person knows which account they are changing. */
    kt_xml_add(kr->r->pool, xmlDocGetRootElement(doc), "account-email", a.email);
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    return reset_post(kr, db, token, &a, fs, doc);
}
