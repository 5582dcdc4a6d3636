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
/* At most this many reset (or confirmation) mails an hour for one account:
 * the form must not become a way to flood someone's mailbox. */
#define MAILS_PER_HOUR 3
/* The registrations of one address a confirmation compares the password
 * with, newest first (each a bcrypt; rate_limits keep them few anyway). */
#define REGISTRATIONS_COMPARED 3

/* Mail and bcrypt cost us; these cost whoever sends too many (kt_throttle.h). */
static const kt_rate RATE_REGISTER_ADDRESS = { "register_address", 10, 3600 };
static const kt_rate RATE_REGISTER_TARGET = { "register_target", 3, 3600 };
static const kt_rate RATE_RESET_ADDRESS = { "reset_address", 10, 3600 };
static const kt_rate RATE_RESET_TARGET = { "reset_target", 5, 3600 };
static const kt_rate RATE_RESEND_ADDRESS = { "resend_address", 10, 3600 };
static const kt_rate RATE_RESEND_TARGET = { "resend_target", 5, 3600 };

static const kt_stmt STMT_USER_BY_EMAIL KT_STMT_LISTED = { "kt_acct_user_by_email",
    "SELECT id, password_hash, email_verified_at IS NOT NULL, email, first_name, last_name,"
    " lang FROM users WHERE lower(email) = lower(%s) AND deleted_at IS NULL" };

/* An address nobody has confirmed gets an account without a password ('!'
 * never verifies) and without names: what its registrants typed waits in
 * registrations until one of them confirms. */
static const kt_stmt STMT_USER_INSERT KT_STMT_LISTED = { "kt_acct_user_insert",
    "INSERT INTO users (email, first_name, last_name, password_hash, lang)"
    " VALUES (%s, '', '', '!', %s)"
    " ON CONFLICT ((lower(email))) DO NOTHING RETURNING id" };

static const kt_stmt STMT_USER_LOCK KT_STMT_LISTED = { "kt_acct_user_lock",
    "SELECT id, email_verified_at IS NOT NULL, email, first_name, lang FROM users"
    " WHERE lower(email) = lower(%s) AND deleted_at IS NULL FOR UPDATE" };

static const kt_stmt STMT_REGISTRATION_INSERT KT_STMT_LISTED = { "kt_acct_registration_insert",
    "INSERT INTO registrations (user_id, email, first_name, last_name, phone, lang,"
    " password_hash, expires_at)"
    " VALUES (%s::bigint, %s, %s, %s, nullif(%s, ''), %s, %s,"
    " now() + make_interval(secs => %s::int))" };

/* The live registrations of an unconfirmed account, newest first. */
static const kt_stmt STMT_REGISTRATIONS KT_STMT_LISTED = { "kt_acct_registrations",
    "SELECT r.id, r.password_hash FROM registrations r JOIN users u ON u.id = r.user_id"
    " WHERE r.user_id = %s::bigint AND r.expires_at > now() AND u.email_verified_at IS NULL"
    " ORDER BY r.created_at DESC, r.id DESC LIMIT 3" };

/* Whoever confirms owns the account, with their own registration's details;
 * nothing another registrant typed survives. */
static const kt_stmt STMT_CONFIRM KT_STMT_LISTED = { "kt_acct_confirm",
    "UPDATE users u SET email = r.email, first_name = r.first_name, last_name = r.last_name,"
    " phone = r.phone, lang = r.lang, password_hash = r.password_hash,"
    " email_verified_at = now(), terms_accepted_at = r.created_at, password_changed_at = now()"
    " FROM registrations r WHERE r.id = %s::bigint AND u.id = r.user_id"
    " AND u.id = %s::bigint AND u.email_verified_at IS NULL RETURNING u.email" };

static const kt_stmt STMT_REGISTRATIONS_END KT_STMT_LISTED = { "kt_acct_registrations_end",
    "DELETE FROM registrations WHERE user_id = %s::bigint" };

static const kt_stmt STMT_LINKS_END KT_STMT_LISTED = { "kt_acct_links_end",
    "UPDATE account_tokens SET used_at = now() WHERE user_id = %s::bigint AND used_at IS NULL" };

static const kt_stmt STMT_TOKEN_INSERT KT_STMT_LISTED = { "kt_acct_token_insert",
    "INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at, new_email)"
    " VALUES (decode(%s, 'hex'), %s::bigint, %s, now() + make_interval(secs => %s::int), %s)" };

static const kt_stmt STMT_TOKENS_RECENT KT_STMT_LISTED = { "kt_acct_tokens_recent",
    "SELECT count(*) FROM account_tokens WHERE user_id = %s::bigint AND purpose = %s"
    " AND created_at > now() - interval '1 hour'" };

/* Single use is this one UPDATE: two clicks racing cannot both win. */
static const kt_stmt STMT_TOKEN_USE KT_STMT_LISTED = { "kt_acct_token_use",
    "UPDATE account_tokens SET used_at = now() WHERE token_hash = decode(%s, 'hex')"
    " AND purpose = %s AND used_at IS NULL AND expires_at > now() RETURNING user_id" };

static const kt_stmt STMT_TOKEN_USER KT_STMT_LISTED = { "kt_acct_token_user",
    "SELECT u.id, u.email, u.first_name, u.last_name,"
    " t.used_at IS NULL AND t.expires_at > now() AND u.deleted_at IS NULL"
    "  AND (t.purpose <> 'verify' OR u.email_verified_at IS NULL),"
    " u.email_verified_at IS NOT NULL AND u.deleted_at IS NULL"
    " FROM account_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = decode(%s, 'hex') AND t.purpose = %s" };

static const kt_stmt STMT_SET_PASSWORD KT_STMT_LISTED = { "kt_acct_set_password",
    "UPDATE users SET password_hash = %s, password_changed_at = now()"
    " WHERE id = %s::bigint AND email_verified_at IS NOT NULL RETURNING email" };

static const kt_stmt STMT_END_RESETS KT_STMT_LISTED = { "kt_acct_end_resets",
    "UPDATE account_tokens SET used_at = now()"
    " WHERE user_id = %s::bigint AND purpose = 'reset' AND used_at IS NULL" };

static const kt_stmt STMT_END_SESSIONS KT_STMT_LISTED = { "kt_acct_end_sessions",
    "DELETE FROM sessions WHERE user_id = %s::bigint" };

/* The language of the emails follows the site's until the person chooses it
 * on their account page. */
static const kt_stmt STMT_SET_LANG KT_STMT_LISTED = { "kt_acct_set_lang",
    "UPDATE users SET lang = %s WHERE id = %s::bigint AND lang <> %s AND NOT lang_chosen" };

typedef struct {
    const char *id;
    const char *hash;
    int verified;
    const char *email;
    const char *first_name;
    const char *last_name;
    const char *lang;
} account;

/* The account of an address, or found = 0. */
static kt_db_status find_account(kt_db *db, const char *email, account *a, int *found)
{
    const char *args[1] = { email }, *c[7];
    kt_db_status st = kt_db_row(db, &STMT_USER_BY_EMAIL, 1, args, 7, c, found);

    if (*found) {
        a->id = c[0];
        a->hash = c[1];
        a->verified = strcmp(c[2], "t") == 0;
        a->email = c[3];
        a->first_name = c[4];
        a->last_name = c[5];
        a->lang = c[6];
    }
    return st;
}

static kt_lang lang_of(const char *code, kt_lang fallback)
{
    int l = kt_lang_from_code(code);
    return l >= 0 ? (kt_lang)l : fallback;
}

const char *kt_account_path(kt_req *kr, const char *path)
{
    return apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], path, NULL);
}

kt_db_status kt_account_issue_token(kt_req *kr, kt_db *db, const char *user_id,
                                    const char *purpose, int ttl, const char *page,
                                    const char *new_email, const char **url)
{
    apr_pool_t *p = kr->r->pool;
    char *token;
    const char *args[5];

    if (kt_token_new(p, &token) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0412: no random bytes for a %s link",
                      purpose);
        return KT_DB_ERROR;
    }
    args[0] = kt_sha256_hex(p, token);
    args[1] = user_id;
    args[2] = purpose;
    args[3] = apr_itoa(p, ttl);
    args[4] = new_email;
    *url = kt_site_url(kr, apr_pstrcat(p, kt_account_path(kr, page), token, NULL));
    return kt_db_exec(db, &STMT_TOKEN_INSERT, NULL, 5, args);
}

/* How many links of purpose went to user_id in the last hour. */
static kt_db_status recent_tokens(kt_db *db, const char *user_id, const char *purpose, int *n)
{
    const char *args[2] = { user_id, purpose }, *v = NULL;
    kt_db_status st = kt_db_value(db, &STMT_TOKENS_RECENT, &v, 2, args);
    *n = v ? atoi(v) : 0;
    return st;
}

/* Queues a confirmation mail with a fresh link (inside a transaction).  The
 * address is nobody's until it is confirmed, so the mail carries nothing
 * anyone typed: no name, the plain greeting. */
static kt_db_status send_verify(kt_req *kr, kt_db *db, const char *user_id, const char *email)
{
    const char *url;
    int n = 0;
    kt_db_status st = recent_tokens(db, user_id, "verify", &n);

    if (st != KT_DB_OK || n >= MAILS_PER_HOUR) {
        return st;
    }
    st = kt_account_issue_token(kr, db, user_id, "verify", VERIFY_TTL, "/verify/", NULL, &url);
    return st == KT_DB_OK ? kt_mail_queue(kr, db, email, kr->lang, "verify", url, NULL) : st;
}

/* Compares password with the live registrations of an unconfirmed account
 * (at most `max`, newest first); *reg_id the one it matches, else NULL.  With
 * none to compare, a dummy hash takes the time one comparison would. */
static kt_db_status match_registration(kt_req *kr, kt_db *db, const char *user_id,
                                       const char *password, int max, const char **reg_id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { user_id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_array_header_t *ids = apr_array_make(p, 3, sizeof(const char *));
    apr_array_header_t *hashes = apr_array_make(p, 3, sizeof(const char *));
    kt_db_status st = kt_db_select(db, &STMT_REGISTRATIONS, &res, 1, args);
    int i;

    *reg_id = NULL;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        APR_ARRAY_PUSH(ids, const char *) = apr_pstrdup(p, kt_db_get(db, row, 0));
        APR_ARRAY_PUSH(hashes, const char *) = apr_pstrdup(p, kt_db_get(db, row, 1));
    }
    if (st != KT_DB_OK) {
        return st;
    }
    if (!hashes->nelts) {
        kt_password_verify(p, password, kt_password_dummy_hash);
    }
    for (i = 0; i < hashes->nelts && i < max && !*reg_id; i++) {
        if (kt_password_verify(p, password, APR_ARRAY_IDX(hashes, i, const char *))) {
            *reg_id = APR_ARRAY_IDX(ids, i, const char *);
        }
    }
    return KT_DB_OK;
}

/* ---- passwords asked by any form ----------------------------------------------------- */

int kt_account_password_ok(kt_req *kr, kt_db *db, const char *email, const char *password,
                           const char *hash, int *ok)
{
    int wait = 0;
    kt_db_status st = kt_throttle_attempt(db, email, kr->r->useragent_ip, &wait);

    *ok = 0;
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (wait > 0) {
        return kt_throttle_answer(kr, wait, "password check", "error.429.password.detail");
    }
    *ok = password && *password && kt_password_verify(kr->r->pool, password, hash);
    if (*ok) {
        st = kt_throttle_success(db, email, kr->r->useragent_ip);
        if (st != KT_DB_OK) {
            return kt_send_db_failure(kr, st);
        }
    }
    return DECLINED;
}

const char *kt_account_password_problem(apr_pool_t *p, const char *password,
                                        const char *const *personal)
{
    static const char *const codes[] = {
        NULL, "password.too_short", "password.too_long", "password.common", "password.personal"
    };

    if (!password || !*password) {
        return "password.missing";
    }
    return codes[kt_password_judge(p, password, personal)];
}

/* ---- register ------------------------------------------------------------ */

typedef struct {
    const char *first_name;
    const char *last_name;
    const char *email;
    const char *phone;
    const char *password;
} registration;

/* Validates the registration; the password's verdict is checked last, so it
 * can be compared with the person's own name and address. */
static void check_registration(kt_req *kr, kt_fstate *fs, registration *g)
{
    const char *personal[4], *problem;

    g->first_name = kt_form_field(kr, "first_name");
    g->last_name = kt_form_field(kr, "last_name");
    g->email = kt_form_field(kr, "email");
    g->phone = kt_form_field(kr, "phone");
    g->password = kt_form_get(kr->form, "password");
    kt_form_check(fs, "first_name", g->first_name, kt_valid_line(g->first_name, 100, 1));
    kt_form_check(fs, "last_name", g->last_name, kt_valid_line(g->last_name, 100, 1));
    kt_form_check(fs, "email", g->email, kt_valid_email(g->email));
    kt_form_check(fs, "phone", g->phone, *g->phone ? kt_valid_phone(g->phone) : KT_V_OK);
    personal[0] = g->email;
    personal[1] = g->first_name;
    personal[2] = g->last_name;
    personal[3] = NULL;
    problem = kt_account_password_problem(kr->r->pool, g->password, personal);
    if (problem) {
        kt_fstate_error(fs, "password", problem);
    }
    if (strcmp(kt_form_field(kr, "terms"), "yes") != 0) {
        kt_fstate_error(fs, "terms", "terms.missing");
    }
}

/* The account of the address, made when there is none; locked for the rest
 * of the transaction. */
static kt_db_status lock_account(kt_req *kr, kt_db *db, const char *email, const char **id,
                                 int *verified, account *owner)
{
    const char *args[2] = { email, kt_lang_codes[kr->lang] }, *c[5], *made = NULL;
    int found = 0;
    kt_db_status st = kt_db_value(db, &STMT_USER_INSERT, &made, 2, args);

    if (st == KT_DB_OK) {
        st = kt_db_row(db, &STMT_USER_LOCK, 1, args, 5, c, &found);
    }
    if (st == KT_DB_OK && !found) {
        return KT_DB_ERROR;   /* a row made or seen a moment ago cannot vanish */
    }
    if (st == KT_DB_OK) {
        *id = c[0];
        *verified = strcmp(c[1], "t") == 0;
        owner->email = c[2];
        owner->first_name = c[3];
        owner->lang = c[4];
    }
    return st;
}

/* The same work for a new and a taken address, in one transaction: an
 * unconfirmed address gets one more registration and a link; the owner of a
 * confirmed one is told, in their own mailbox, that someone tried. */
static kt_db_status register_account(kt_req *kr, kt_db *db, const registration *g,
                                     const char *hash)
{
    apr_pool_t *p = kr->r->pool;
    const char *id = NULL, *args[8];
    account owner = { 0 };
    int verified = 0;
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = lock_account(kr, db, g->email, &id, &verified, &owner);
    }
    if (st == KT_DB_OK && verified) {
        kt_mail_var vars[] = {
            { "name", owner.first_name },
            { "reset_link", kt_site_url(kr, kt_account_path(kr, "/password-reset")) },
            { NULL, NULL } };
        st = kt_mail_queue(kr, db, owner.email, lang_of(owner.lang, kr->lang), "register_exists",
                           kt_site_url(kr, kt_account_path(kr, "/login")), vars);
    }
    else if (st == KT_DB_OK) {
        args[0] = id;
        args[1] = g->email;
        args[2] = g->first_name;
        args[3] = g->last_name;
        args[4] = g->phone;
        args[5] = kt_lang_codes[kr->lang];
        args[6] = hash;
        args[7] = apr_itoa(p, VERIFY_TTL);
        st = kt_db_exec(db, &STMT_REGISTRATION_INSERT, NULL, 8, args);
        if (st == KT_DB_OK) {
            st = send_verify(kr, db, id, g->email);
        }
    }
    return kt_db_finish(db, st);
}

int kt_page_register(kt_req *kr, const char *arg)
{
    xmlDocPtr doc;
    kt_fstate *fs;
    registration g;
    char *hash = NULL;
    kt_db *db;
    kt_db_status st;
    int wait = 0;
    (void)arg;

    fs = kt_form_page(kr, "register", "register", NULL, &doc);
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    check_registration(kr, fs, &g);
    if (kt_fstate_errors(fs)) {
        kt_fstate_value(fs, "terms", kt_form_field(kr, "terms"));
        return kt_form_answer(kr, "account", doc, fs);
    }
    /* Counted before the bcrypt and the mail, per client and per address. */
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_rate_hit(db, &RATE_REGISTER_ADDRESS, kr->r->useragent_ip, &RATE_REGISTER_TARGET,
                         g.email, &wait);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (wait > 0) {
        return kt_throttle_answer(kr, wait, "registration", "error.429.register.detail");
    }
    /* Hashed before we know whether the address is taken: both answers
     * then take as long. */
    if (kt_password_hash(kr->r->pool, g.password, &hash) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0413: password hashing failed");
        return kt_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
    }
    st = register_account(kr, db, &g, hash);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/register/sent"));
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

/* ---- send the confirmation link again -------------------------------------------- */

static kt_db_status resend(kt_req *kr, kt_db *db, const char *email)
{
    account a = { 0 };
    int found = 0;
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = find_account(db, email, &a, &found);
        /* only an address that waits for confirmation gets a link */
        if (st == KT_DB_OK && found && !a.verified) {
            const char *reg = NULL, *args[1] = { a.id };
            kt_rows *res;
            apr_dbd_row_t *row = NULL;
            st = kt_db_select(db, &STMT_REGISTRATIONS, &res, 1, args);
            while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
                reg = "live";
            }
            if (st == KT_DB_OK && reg) {
                st = send_verify(kr, db, a.id, a.email);
            }
        }
        st = kt_db_finish(db, st);
    }
    return st;
}

int kt_page_register_resend(kt_req *kr, const char *arg)
{
    xmlDocPtr doc;
    kt_fstate *fs = kt_form_page(kr, "resend", "resend", NULL, &doc);
    const char *email;
    kt_db *db;
    kt_db_status st;
    int wait = 0;
    (void)arg;

    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    email = kt_form_field(kr, "email");
    if (!kt_form_check(fs, "email", email, kt_valid_login_email(email))) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_rate_hit(db, &RATE_RESEND_ADDRESS, kr->r->useragent_ip, &RATE_RESEND_TARGET,
                         email, &wait);
    }
    if (st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "confirmation link", "error.429.mail.detail");
    }
    if (st == KT_DB_OK) {
        st = resend(kr, db, email);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/register/sent"));
}

/* ---- confirm the address ------------------------------------------------------------ */

/* The account a live link of purpose belongs to; found = 0 otherwise, and
 * then *confirmed 1 when the link was real and its account is confirmed (a
 * confirmation link opened again, by its owner after a mail scanner). */
static kt_db_status token_account(kt_db *db, apr_pool_t *p, const char *token,
                                  const char *purpose, account *a, int *found, int *confirmed)
{
    const char *args[2] = { kt_sha256_hex(p, token), purpose }, *c[6];
    kt_db_status st = kt_db_row(db, &STMT_TOKEN_USER, 2, args, 6, c, found);

    *confirmed = 0;
    if (*found) {
        a->id = c[0];
        a->email = c[1];
        a->first_name = c[2];
        a->last_name = c[3];
        *found = strcmp(c[4], "t") == 0;
        *confirmed = !*found && strcmp(c[5], "t") == 0;
    }
    return st;
}

/* Uses a token of purpose: *user_id is its user, or NULL when the token is
 * unknown, used or expired. */
static kt_db_status use_token(kt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                              const char **user_id)
{
    const char *args[2] = { kt_sha256_hex(p, token), purpose };
    return kt_db_value(db, &STMT_TOKEN_USE, user_id, 2, args);
}

/* Everything confirming changes, in one transaction: the link used (losing a
 * race fails here), the account made the confirmer's, every other
 * registration and link of it ended, the person signed in.  *done 0 when the
 * link or the account was taken meanwhile. */
static kt_db_status confirm(kt_req *kr, kt_db *db, const char *token, const account *a,
                            const char *reg_id, int *done)
{
    const char *user_id = NULL, *email = NULL, *args[2];
    kt_db_status st = kt_db_begin(db);

    *done = 0;
    if (st == KT_DB_OK) {
        st = use_token(db, kr->r->pool, token, "verify", &user_id);
    }
    if (st == KT_DB_OK && (!user_id || strcmp(user_id, a->id) != 0)) {
        return kt_db_end(db, 1);
    }
    args[0] = reg_id;
    args[1] = a->id;
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_CONFIRM, &email, 2, args);
    }
    if (st == KT_DB_OK && !email) {
        return kt_db_end(db, 1);
    }
    args[0] = a->id;
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_REGISTRATIONS_END, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_LINKS_END, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_END_SESSIONS, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_throttle_success(db, email, kr->r->useragent_ip);
    }
    if (st == KT_DB_OK) {
        st = kt_session_start(kr, db, a->id);
    }
    *done = st == KT_DB_OK;
    return kt_db_finish(db, st);
}

static int verify_post(kt_req *kr, kt_db *db, const char *token, const account *a,
                       kt_fstate *fs, xmlDocPtr doc)
{
    const char *password = kt_form_get(kr->form, "password"), *reg = NULL;
    int wait = 0, done = 0;
    kt_db_status st;

    if (!password || !*password) {
        kt_fstate_error(fs, "password", "password.missing");
        return kt_form_answer(kr, "account", doc, fs);
    }
    /* each comparison is a bcrypt: counted as sign-in attempts are */
    st = kt_throttle_attempt(db, a->email, kr->r->useragent_ip, &wait);
    if (st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "confirmation", "error.429.password.detail");
    }
    if (st == KT_DB_OK) {
        st = match_registration(kr, db, a->id, password, REGISTRATIONS_COMPARED, &reg);
    }
    if (st == KT_DB_OK && !reg) {
        kt_fstate_error(fs, "password", "verify.password");
        return kt_form_answer(kr, "account", doc, fs);
    }
    if (st == KT_DB_OK) {
        st = confirm(kr, db, token, a, reg, &done);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!done) {
        return message_page(kr, "verify-invalid", HTTP_NOT_FOUND);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/manage?done=verified"));
}

/* How many registrations of the account are live (at most the number
 * compared): one is the usual case, more means someone else registered the
 * same address too. */
static kt_db_status live_registrations(kt_db *db, apr_pool_t *p, const char *user_id, int *n,
                                       const char **newest)
{
    const char *args[1] = { user_id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_REGISTRATIONS, &res, 1, args);

    *n = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        if ((*n)++ == 0) {
            *newest = apr_pstrdup(p, kt_db_get(db, row, 0));
        }
    }
    return st;
}

/* GET /{lang}/verify/{token} confirms the address (ROUTES.md) when one person
 * registered it: the link proves the mailbox, and that registration's
 * password is the only one there is.  When the address was registered more
 * than once (perhaps by someone who does not own it), opening a link changes
 * nothing: the page asks for the password of the registrant's own
 * registration, and whoever gives it owns the account (issue 10). */
int kt_page_verify(kt_req *kr, const char *token)
{
    xmlDocPtr doc;
    kt_fstate *fs;
    account a = { 0 };
    const char *reg = NULL;
    int found = 0, confirmed = 0, live = 0, done = 0;
    kt_db *db;
    kt_db_status st;

    if (!kt_token_well_formed(token)) {
        return message_page(kr, "verify-invalid", HTTP_NOT_FOUND);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = token_account(db, kr->r->pool, token, "verify", &a, &found, &confirmed);
    }
    if (st == KT_DB_OK && found && kr->r->method_number != M_POST) {
        st = live_registrations(db, kr->r->pool, a.id, &live, &reg);
    }
    if (st == KT_DB_OK && live == 1) {
        st = confirm(kr, db, token, &a, reg, &done);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (done) {
        return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/manage?done=verified"));
    }
    if (confirmed && kr->r->method_number != M_POST) {
        /* confirmed before (opened again by its owner after a mail scanner,
         * or another link of the address): nothing to do but sign in */
        return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/login?done=verified"));
    }
    if (!found) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0414: verification link not valid");
        return message_page(kr, "verify-invalid", HTTP_NOT_FOUND);
    }
    fs = kt_form_page(kr, "verify", "verify", NULL, &doc);
    kt_xml_add(kr->r->pool, xmlDocGetRootElement(doc), "account-email", a.email);
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    return verify_post(kr, db, token, &a, fs, doc);
}

/* ---- login / logout ------------------------------------------------------------ */

static kt_fstate *login_form(kt_req *kr, xmlDocPtr *doc, const char *next)
{
    kt_fstate *fs = kt_form_page(kr, "login", "login", NULL, doc);
    const char *done = kt_query_param(kr, "done");

    if (next && kt_valid_local_path(next)) {
        kt_fstate_value(fs, "next", next);
    }
    if (done && (strcmp(done, "password") == 0 || strcmp(done, "verified") == 0
                 || strcmp(done, "deleted") == 0)) {
        kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, xmlDocGetRootElement(*doc), "notice", NULL),
                    "code", done);
    }
    return fs;
}

/* A right password: the count cleared, a new session, the person's
 * language remembered for the emails we send them (unless they chose one). */
static kt_db_status sign_in(kt_req *kr, kt_db *db, const account *a, const char *typed)
{
    const char *args[3] = { kt_lang_codes[kr->lang], a->id, kt_lang_codes[kr->lang] };
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = kt_throttle_success(db, typed, kr->r->useragent_ip);
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

/* Checks the password; *ok set.  An unknown address is checked against a
 * dummy hash, so it takes as long and counts the same.  An address waiting
 * for confirmation has no password yet: the newest registration's is
 * compared, and a match sets *pending (the person registered and should
 * confirm). */
static kt_db_status check_login(kt_req *kr, kt_db *db, const char *email, const char *password,
                                account *a, int *ok, int *pending)
{
    int found = 0;
    const char *reg = NULL;
    kt_db_status st = find_account(db, email, a, &found);

    *ok = *pending = 0;
    if (st == KT_DB_OK && found && !a->verified) {
        st = match_registration(kr, db, a->id, password, 1, &reg);
        *pending = reg != NULL;
        return st;
    }
    *ok = kt_password_verify(kr->r->pool, password,
                             found ? a->hash : kt_password_dummy_hash) && found;
    return st;
}

static int login_post(kt_req *kr, kt_db *db, kt_fstate *fs, xmlDocPtr doc)
{
    const char *email = kt_form_field(kr, "email");
    const char *password = kt_form_get(kr->form, "password");
    int lookup = kt_valid_login_email(email) == KT_V_OK;
    account a = { 0 };
    int wait = 0, ok = 0, pending = 0;
    kt_db_status st;

    kt_fstate_value(fs, "email", email);
    if (!*email || !password || !*password) {
        kt_fstate_error(fs, !*email ? "email" : "password",
                        !*email ? "email.missing" : "password.missing");
        return kt_form_answer(kr, "account", doc, fs);
    }
    /* Counted before anything is looked at; an address no account can have
     * (too long, control characters) counts for the client only. */
    st = kt_throttle_attempt(db, lookup ? email : NULL, kr->r->useragent_ip, &wait);
    if (st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "sign-in", "error.429.password.detail");
    }
    if (st == KT_DB_OK && lookup) {
        st = check_login(kr, db, email, password, &a, &ok, &pending);
    }
    if (st == KT_DB_OK && pending) {
        st = kt_db_begin(db);
        st = st == KT_DB_OK ? kt_db_finish(db, send_verify(kr, db, a.id, a.email)) : st;
        if (st == KT_DB_OK) {
            kt_fstate_form_error(fs, "login.unverified");
            return kt_form_answer(kr, "account", doc, fs);
        }
    }
    if (st == KT_DB_OK && !ok) {
        kt_fstate_form_error(fs, "login.failed");
        return kt_form_answer(kr, "account", doc, fs);
    }
    if (st == KT_DB_OK) {
        st = sign_in(kr, db, &a, email);
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
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/"));
}

/* ---- password reset ----------------------------------------------------------------- */

/* A reset link for a known, confirmed, not too often asked-for account;
 * nothing for an unknown or unconfirmed address (the answer is the same; an
 * unconfirmed one is confirmed with its own link, and registering again
 * chooses a new password). */
static kt_db_status request_reset(kt_req *kr, kt_db *db, const char *email)
{
    account a = { 0 };
    int found = 0, n = 0;
    const char *url;
    kt_db_status st = kt_db_begin(db);

    if (st == KT_DB_OK) {
        st = find_account(db, email, &a, &found);
        found = found && a.verified;
        if (st == KT_DB_OK && found) {
            st = recent_tokens(db, a.id, "reset", &n);
        }
        if (st == KT_DB_OK && found && n < MAILS_PER_HOUR) {
            kt_mail_var vars[] = { { "name", a.first_name }, { NULL, NULL } };
            st = kt_account_issue_token(kr, db, a.id, "reset", RESET_TTL, "/password-reset/",
                                        NULL, &url);
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
    int wait = 0;
    (void)arg;

    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    email = kt_form_field(kr, "email");
    if (!kt_form_check(fs, "email", email, kt_valid_login_email(email))) {
        return kt_form_answer(kr, "account", doc, fs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_rate_hit(db, &RATE_RESET_ADDRESS, kr->r->useragent_ip, &RATE_RESET_TARGET, email,
                         &wait);
    }
    if (st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "password reset", "error.429.mail.detail");
    }
    if (st == KT_DB_OK) {
        st = request_reset(kr, db, email);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/password-reset/sent"));
}

int kt_page_reset_sent(kt_req *kr, const char *arg)
{
    (void)arg;
    return message_page(kr, "reset-sent", HTTP_OK);
}

/* Everything a new password changes, in one transaction: the token used
 * (losing a race with another tab fails here), the hash, every session and
 * other reset link ended, the throttle cleared, a notice mailed. */
static kt_db_status set_password(kt_req *kr, kt_db *db, const char *token, const account *a,
                                 const char *hash, int *used)
{
    apr_pool_t *p = kr->r->pool;
    const char *user_id = NULL, *email = NULL, *args[2];
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
        st = kt_db_value(db, &STMT_SET_PASSWORD, &email, 2, args);
    }
    if (st == KT_DB_OK && !email) {
        *used = 1;
        return kt_db_end(db, 1);
    }
    args[0] = a->id;
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_END_RESETS, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_END_SESSIONS, NULL, 1, args);
    }
    if (st == KT_DB_OK) {
        st = kt_throttle_clear(db, email);
    }
    if (st == KT_DB_OK) {
        st = kt_mail_queue(kr, db, a->email, kr->lang, "password_changed", NULL, vars);
    }
    return kt_db_finish(db, st);
}

static int reset_post(kt_req *kr, kt_db *db, const char *token, const account *a,
                      kt_fstate *fs, xmlDocPtr doc)
{
    const char *password = kt_form_get(kr->form, "password");
    const char *personal[4] = { a->email, a->first_name, a->last_name, NULL };
    const char *problem = kt_account_password_problem(kr->r->pool, password, personal);
    char *hash = NULL;
    int used = 0;
    kt_db_status st;

    if (problem) {
        kt_fstate_error(fs, "password", problem);
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
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/login?done=password"));
}

int kt_page_reset(kt_req *kr, const char *token)
{
    xmlDocPtr doc;
    kt_fstate *fs;
    account a = { 0 };
    int found = 0, confirmed;
    kt_db *db;
    kt_db_status st;

    if (!kt_token_well_formed(token)) {
        return message_page(kr, "reset-invalid", HTTP_NOT_FOUND);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = token_account(db, kr->r->pool, token, "reset", &a, &found, &confirmed);
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
