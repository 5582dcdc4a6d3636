/* One's own account; see kt_myaccount.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_myaccount.h"
#include "kt_account.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_crypto.h"
#include "kt_password.h"
#include "kt_throttle.h"
#include "kt_audit.h"
#include "kt_mail.h"

#define EMAIL_TTL (24 * 3600)

static const kt_rate RATE_EMAIL_ADDRESS = { "email_change_address", 10, 3600 };
static const kt_rate RATE_EMAIL_TARGET = { "email_change_target", 3, 3600 };

static const kt_stmt STMT_ME KT_STMT_LISTED = { "kt_me_load",
    "SELECT email, first_name, last_name, coalesce(phone, ''), lang, lang_chosen, password_hash,"
    " to_char(created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD'), is_moderator,"
    " (SELECT new_email FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'email'"
    "  AND t.used_at IS NULL AND t.expires_at > now() ORDER BY t.created_at DESC LIMIT 1)"
    " FROM users u WHERE id = %s::bigint AND deleted_at IS NULL" };

static const kt_stmt STMT_DETAILS KT_STMT_LISTED = { "kt_me_details",
    "UPDATE users SET first_name = %s, last_name = %s, phone = nullif(%s, ''), lang = %s,"
    " lang_chosen = true WHERE id = %s::bigint AND deleted_at IS NULL" };

static const kt_stmt STMT_PASSWORD KT_STMT_LISTED = { "kt_me_password",
    "UPDATE users SET password_hash = %s, password_changed_at = now() WHERE id = %s::bigint" };

/* The other sessions end; the one that changed the password stays. */
static const kt_stmt STMT_OTHER_SESSIONS KT_STMT_LISTED = { "kt_me_other_sessions",
    "DELETE FROM sessions WHERE user_id = %s::bigint AND token_hash <> decode(%s, 'hex')" };

static const kt_stmt STMT_END_LINKS KT_STMT_LISTED = { "kt_me_end_links",
    "UPDATE account_tokens SET used_at = now() WHERE user_id = %s::bigint AND purpose = %s"
    " AND used_at IS NULL" };

static const kt_stmt STMT_EMAIL_TOKEN KT_STMT_LISTED = { "kt_me_email_token",
    "SELECT t.new_email, t.user_id = %s::bigint FROM account_tokens t"
    " WHERE t.token_hash = decode(%s, 'hex') AND t.purpose = 'email' AND t.used_at IS NULL"
    " AND t.expires_at > now()" };

static const kt_stmt STMT_EMAIL_USE KT_STMT_LISTED = { "kt_me_email_use",
    "UPDATE account_tokens SET used_at = now() WHERE token_hash = decode(%s, 'hex')"
    " AND purpose = 'email' AND user_id = %s::bigint AND used_at IS NULL AND expires_at > now()"
    " RETURNING new_email" };

/* An account nobody confirmed gives way to the owner of the address, who
 * has just proved it from the mailbox. */
static const kt_stmt STMT_EMAIL_UNCONFIRMED_GO KT_STMT_LISTED = { "kt_me_email_unconfirmed_go",
    "DELETE FROM users WHERE lower(email) = lower(%s) AND id <> %s::bigint"
    " AND email_verified_at IS NULL" };

static const kt_stmt STMT_EMAIL_SET KT_STMT_LISTED = { "kt_me_email_set",
    "UPDATE users SET email = %s WHERE id = %s::bigint AND deleted_at IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower(%s)"
    "  AND o.id <> %s::bigint) RETURNING id" };

/* Organisations that would be left without a main user: those where I am
 * the only active one, unless the organisation was rejected and has nobody
 * else. */
static const kt_stmt STMT_SOLE_MAIN KT_STMT_LISTED = { "kt_me_sole_main",
    "SELECT o.id, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint AND m.role = 'main' AND m.status = 'active'"
    " AND NOT EXISTS (SELECT 1 FROM memberships x WHERE x.organisation_id = o.id"
    "  AND x.user_id <> m.user_id AND x.role = 'main' AND x.status = 'active')"
    " AND (o.status <> 'rejected' OR EXISTS (SELECT 1 FROM memberships y"
    "  WHERE y.organisation_id = o.id AND y.user_id <> m.user_id))"
    " ORDER BY lower(o.name), o.id FOR SHARE OF m" };

/* Deleting: the row stays (audit lines, listings and decisions point at it)
 * with a pseudonym and nothing that names the person; what is theirs alone
 * goes.  One statement per table, in one transaction (delete_account); each
 * takes the user id nargs times. */
static const struct {
    kt_stmt stmt;
    int nargs;
} DELETE_PARTS[] = {
    { { "kt_me_del_memberships", "DELETE FROM memberships WHERE user_id = %s::bigint" }, 1 },
    { { "kt_me_del_sessions", "DELETE FROM sessions WHERE user_id = %s::bigint" }, 1 },
    { { "kt_me_del_tokens", "DELETE FROM account_tokens WHERE user_id = %s::bigint" }, 1 },
    { { "kt_me_del_registrations", "DELETE FROM registrations WHERE user_id = %s::bigint" }, 1 },
    { { "kt_me_del_throttle",
        "DELETE FROM login_throttle WHERE kind = 'account'"
        " AND key = (SELECT lower(email) FROM users WHERE id = %s::bigint)" }, 1 },
    { { "kt_me_del_contact",
        "DELETE FROM contact_messages WHERE user_id = %s::bigint"
        " OR lower(email) = (SELECT lower(email) FROM users WHERE id = %s::bigint)" }, 2 },
    { { "kt_me_del_mail",
        "DELETE FROM mail_outbox WHERE lower(recipient) ="
        " (SELECT lower(email) FROM users WHERE id = %s::bigint)" }, 1 },
    { { NULL, NULL }, 0 }
};

static const kt_stmt STMT_ANONYMISE KT_STMT_LISTED = { "kt_me_anonymise",
    "UPDATE users SET pseudonym = p.pseudonym, email = 'deleted-' || p.pseudonym || '@invalid',"
    " first_name = '', last_name = '', phone = NULL, password_hash = '!', is_moderator = false,"
    " lang_chosen = false, terms_accepted_at = NULL, deleted_at = now()"
    " FROM (SELECT left(encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 12)"
    "  AS pseudonym) p WHERE id = %s::bigint AND deleted_at IS NULL RETURNING users.id" };

/* Everything the service holds about one person, as one JSON document. */
static const kt_stmt STMT_DATA KT_STMT_LISTED = { "kt_me_data",
    "SELECT jsonb_pretty(jsonb_build_object("
    " 'service', 'Kotoutumisen tuki / mod_kotoutuminen',"
    " 'exported_at', now(),"
    " 'account', (SELECT jsonb_build_object('id', u.id, 'email', u.email,"
    "   'first_name', u.first_name, 'last_name', u.last_name, 'phone', u.phone,"
    "   'language_of_emails', u.lang, 'language_chosen', u.lang_chosen,"
    "   'created_at', u.created_at, 'email_confirmed_at', u.email_verified_at,"
    "   'terms_accepted_at', u.terms_accepted_at, 'password_changed_at', u.password_changed_at,"
    "   'moderator', u.is_moderator) FROM users u WHERE u.id = %s::bigint),"
    " 'memberships', coalesce((SELECT jsonb_agg(jsonb_build_object('organisation_id', o.id,"
    "   'organisation', o.name, 'role', m.role, 'status', m.status, 'since', m.created_at,"
    "   'decided_at', m.decided_at) ORDER BY o.id)"
    "  FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    "  WHERE m.user_id = %s::bigint), '[]'),"
    " 'organisations_registered', coalesce((SELECT jsonb_agg(jsonb_build_object('id', o.id,"
    "   'name', o.name, 'status', o.status, 'created_at', o.created_at) ORDER BY o.id)"
    "  FROM organisations o WHERE o.created_by = %s::bigint), '[]'),"
    " 'organisation_changes', coalesce((SELECT jsonb_agg(jsonb_build_object("
    "   'organisation_id', v.organisation_id, 'version', v.version, 'state', v.state,"
    "   'submitted_at', v.submitted_at) ORDER BY v.submitted_at)"
    "  FROM organisation_versions v WHERE v.created_by = %s::bigint), '[]'),"
    " 'listings', coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id,"
    "   'organisation_id', a.organisation_id, 'state', a.state, 'created_at', a.created_at,"
    "   'created_by_me', a.created_by = %s::bigint,"
    "   'last_submitted_by_me', a.submitted_by = %s::bigint) ORDER BY a.id)"
    "  FROM activities a WHERE a.created_by = %s::bigint OR a.submitted_by = %s::bigint),"
    "  '[]'),"
    " 'listing_versions_written', coalesce((SELECT jsonb_agg(jsonb_build_object("
    "   'listing_id', v.activity_id, 'version', v.version, 'created_at', v.created_at)"
    "   ORDER BY v.activity_id, v.version)"
    "  FROM activity_versions v WHERE v.created_by = %s::bigint), '[]'),"
    " 'decisions_and_events', coalesce((SELECT jsonb_agg(jsonb_build_object('at', l.at,"
    "   'action', l.action, 'object_type', l.object_type, 'object_id', l.object_id,"
    "   'version', l.version, 'reason', l.reason,"
    "   'role', CASE WHEN l.actor_id = %s::bigint THEN 'actor' ELSE 'subject' END)"
    "   ORDER BY l.at, l.id)"
    "  FROM audit_log l WHERE l.actor_id = %s::bigint OR l.subject_user_id = %s::bigint),"
    "  '[]'),"
    " 'sessions', coalesce((SELECT jsonb_agg(jsonb_build_object('signed_in_at', s.created_at,"
    "   'last_seen_at', s.last_seen_at, 'expires_at', s.expires_at) ORDER BY s.created_at)"
    "  FROM sessions s WHERE s.user_id = %s::bigint), '[]'),"
    " 'pending_address_change', (SELECT jsonb_build_object('new_email', t.new_email,"
    "   'expires_at', t.expires_at) FROM account_tokens t WHERE t.user_id = %s::bigint"
    "  AND t.purpose = 'email' AND t.used_at IS NULL AND t.expires_at > now()"
    "  ORDER BY t.created_at DESC LIMIT 1),"
    " 'contact_messages', coalesce((SELECT jsonb_agg(jsonb_build_object('sent_at', c.created_at,"
    "   'topic', c.topic, 'name', c.name, 'email', c.email, 'message', c.message,"
    "   'handled_at', c.handled_at) ORDER BY c.created_at)"
    "  FROM contact_messages c WHERE c.user_id = %s::bigint), '[]'),"
    " 'emails_sent_to_me', coalesce((SELECT jsonb_agg(jsonb_build_object('queued_at', o.created_at,"
    "   'kind', o.kind, 'subject', o.subject, 'status', o.status, 'sent_at', o.sent_at)"
    "   ORDER BY o.id)"
    "  FROM mail_outbox o WHERE lower(o.recipient) ="
    "   (SELECT lower(email) FROM users WHERE id = %s::bigint)), '[]')"
    "))" };

#define DATA_ARGS 16

typedef struct {
    const char *email;
    const char *first_name;
    const char *last_name;
    const char *phone;
    const char *lang;
    int lang_chosen;
    const char *hash;
    const char *created;
    int moderator;
    const char *pending_email;
} me;

static kt_db_status load_me(kt_req *kr, kt_db *db, me *m, int *found)
{
    const char *args[1] = { kr->session->user_id }, *c[10];
    kt_db_status st = kt_db_row(db, &STMT_ME, 1, args, 10, c, found);

    if (*found) {
        m->email = c[0];
        m->first_name = c[1];
        m->last_name = c[2];
        m->phone = c[3];
        m->lang = c[4];
        m->lang_chosen = c[5][0] == 't';
        m->hash = c[6];
        m->created = c[7];
        m->moderator = c[8][0] == 't';
        m->pending_email = c[9];
    }
    return st;
}

/* The account's language for mails to it. */
static kt_lang mail_lang(const me *m, kt_lang fallback)
{
    int l = kt_lang_from_code(m->lang);
    return l >= 0 ? (kt_lang)l : fallback;
}

/* <account email created moderator lang> with <name>, under the page root. */
static void account_xml(kt_req *kr, xmlDocPtr doc, const me *m)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr a = kt_xml_add(p, xmlDocGetRootElement(doc), "account", NULL);

    kt_xml_attr(p, a, "email", m->email);
    kt_xml_attr(p, a, "created", m->created);
    kt_xml_attr(p, a, "lang", m->lang);
    kt_xml_attr(p, a, "moderator", m->moderator ? "true" : "false");
    kt_xml_add(p, a, "name", apr_pstrcat(p, m->first_name, " ", m->last_name, NULL));
    if (m->pending_email) {
        kt_xml_add(p, a, "pending-email", m->pending_email);
    }
}

/* ?done=… after a redirect, from a closed list. */
static void add_notice(kt_req *kr, xmlDocPtr doc)
{
    static const char *const known[] = { "saved", "password", "email", "email_sent", NULL };
    const char *done = kt_query_param(kr, "done");
    int i;

    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, xmlDocGetRootElement(doc), "notice",
                                                NULL), "code", apr_pstrcat(kr->r->pool,
                                                                           "account_", done, NULL));
        }
    }
}

/* The page of a handler: document, the person's row, its form; or an
 * answer already sent (*rv set). */
typedef struct {
    kt_req *kr;
    kt_db *db;
    xmlDocPtr doc;
    kt_fstate *fs;
    me m;
} mypage;

static int open_page(kt_req *kr, mypage *pg, const char *type, const char *form)
{
    int found = 0;
    kt_db_status st;

    memset(pg, 0, sizeof(*pg));
    pg->kr = kr;
    st = kt_db_open(kr->r, &pg->db);
    if (st == KT_DB_OK) {
        st = load_me(kr, pg->db, &pg->m, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    pg->fs = form ? kt_form_page(kr, type, form, NULL, &pg->doc) : NULL;
    if (!form) {
        pg->doc = kt_page_doc(kr, type, HTTP_OK);
    }
    account_xml(kr, pg->doc, &pg->m);
    return DECLINED;
}

/* ---- details ------------------------------------------------------------------------ */

static int details_post(mypage *pg)
{
    kt_req *kr = pg->kr;
    const char *first = kt_form_field(kr, "first_name"), *last = kt_form_field(kr, "last_name");
    const char *phone = kt_form_field(kr, "phone"), *lang = kt_form_field(kr, "lang");
    const char *args[5] = { first, last, phone, lang, kr->session->user_id };
    kt_db_status st;

    kt_form_check(pg->fs, "first_name", first, kt_valid_line(first, 100, 1));
    kt_form_check(pg->fs, "last_name", last, kt_valid_line(last, 100, 1));
    kt_form_check(pg->fs, "phone", phone, *phone ? kt_valid_phone(phone) : KT_V_OK);
    kt_fstate_value(pg->fs, "lang", lang);
    if (kt_lang_from_code(lang) < 0) {
        kt_fstate_error(pg->fs, "lang", "lang.invalid");
    }
    if (kt_fstate_errors(pg->fs)) {
        return kt_form_answer(kr, "myaccount", pg->doc, pg->fs);
    }
    st = kt_db_exec(pg->db, &STMT_DETAILS, NULL, 5, args);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/account?done=saved"));
}

int kt_page_account(kt_req *kr, const char *arg)
{
    mypage pg;
    int rv = open_page(kr, &pg, "account", "details");
    (void)arg;

    if (rv != DECLINED) {
        return rv;
    }
    if (kr->r->method_number == M_POST) {
        return details_post(&pg);
    }
    add_notice(kr, pg.doc);
    kt_fstate_value(pg.fs, "first_name", pg.m.first_name);
    kt_fstate_value(pg.fs, "last_name", pg.m.last_name);
    kt_fstate_value(pg.fs, "phone", pg.m.phone);
    kt_fstate_value(pg.fs, "lang", pg.m.lang);
    return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
}

/* ---- password -------------------------------------------------------------------------- */

/* The current password, throttled as sign-in is: DECLINED with *ok, or the
 * answer sent.  A wrong one is the form's error on `field`. */
static int current_password(mypage *pg, const char *field, int *ok)
{
    const char *typed = kt_form_get(pg->kr->form, field);
    int rv;

    *ok = 0;
    if (!typed || !*typed) {
        kt_fstate_error(pg->fs, field, "current_password.missing");   /* nothing to count */
        return DECLINED;
    }
    rv = kt_account_password_ok(pg->kr, pg->db, pg->m.email, typed, pg->m.hash, ok);
    if (rv == DECLINED && !*ok) {
        kt_fstate_error(pg->fs, field, "current_password.wrong");
    }
    return rv;
}

static kt_db_status change_password(mypage *pg, const char *hash)
{
    kt_req *kr = pg->kr;
    const char *args[2] = { hash, kr->session->user_id };
    kt_mail_var vars[] = { { "name", pg->m.first_name }, { NULL, NULL } };
    kt_db_status st = kt_db_begin(pg->db);

    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_PASSWORD, NULL, 2, args);
    }
    args[0] = kr->session->user_id;
    args[1] = kr->session->token_hash;
    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_OTHER_SESSIONS, NULL, 2, args);
    }
    args[1] = "reset";
    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_END_LINKS, NULL, 2, args);
    }
    if (st == KT_DB_OK) {
        st = kt_throttle_clear(pg->db, pg->m.email);
    }
    if (st == KT_DB_OK) {
        st = kt_mail_queue(kr, pg->db, pg->m.email, mail_lang(&pg->m, kr->lang),
                           "password_self", NULL, vars);
    }
    return kt_db_finish(pg->db, st);
}

int kt_page_account_password(kt_req *kr, const char *arg)
{
    mypage pg;
    const char *personal[4], *password, *problem;
    char *hash = NULL;
    int ok = 0, rv = open_page(kr, &pg, "account-password", "password");
    kt_db_status st;
    (void)arg;

    if (rv != DECLINED || kr->r->method_number != M_POST) {
        return rv != DECLINED ? rv : kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    password = kt_form_get(kr->form, "password");
    personal[0] = pg.m.email;
    personal[1] = pg.m.first_name;
    personal[2] = pg.m.last_name;
    personal[3] = NULL;
    problem = kt_account_password_problem(kr->r->pool, password, personal);
    if (problem) {
        kt_fstate_error(pg.fs, "password", problem);
    }
    rv = current_password(&pg, "current_password", &ok);
    if (rv != DECLINED) {
        return rv;
    }
    if (kt_fstate_errors(pg.fs)) {
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    if (kt_password_hash(kr->r->pool, password, &hash) != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, kr->r, "KT0413: password hashing failed");
        return kt_send_error(kr, HTTP_INTERNAL_SERVER_ERROR, NULL, NULL);
    }
    st = change_password(&pg, hash);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/account?done=password"));
}

/* ---- email address ------------------------------------------------------------------------- */

/* A link to the new address (which nobody has confirmed: the mail names
 * nobody and carries nothing typed but the address itself); earlier links
 * for a change end. */
static kt_db_status request_change(mypage *pg, const char *email)
{
    kt_req *kr = pg->kr;
    const char *args[2] = { kr->session->user_id, "email" }, *url = NULL;
    kt_db_status st = kt_db_begin(pg->db);

    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_END_LINKS, NULL, 2, args);
    }
    if (st == KT_DB_OK) {
        st = kt_account_issue_token(kr, pg->db, kr->session->user_id, "email", EMAIL_TTL,
                                    "/account/email/", email, &url);
    }
    if (st == KT_DB_OK) {
        st = kt_mail_queue(kr, pg->db, email, kr->lang, "email_confirm", url, NULL);
    }
    return kt_db_finish(pg->db, st);
}

int kt_page_account_email(kt_req *kr, const char *arg)
{
    mypage pg;
    const char *email;
    int ok = 0, wait = 0, rv = open_page(kr, &pg, "account-email", "email");
    kt_db_status st;
    (void)arg;

    if (rv != DECLINED || kr->r->method_number != M_POST) {
        return rv != DECLINED ? rv : kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    email = kt_form_field(kr, "email");
    if (kt_form_check(pg.fs, "email", email, kt_valid_email(email))
        && strcasecmp(email, pg.m.email) == 0) {
        kt_fstate_error(pg.fs, "email", "email.same");
    }
    if (!kt_fstate_errors(pg.fs)) {
        st = kt_rate_hit(pg.db, &RATE_EMAIL_ADDRESS, kr->r->useragent_ip, &RATE_EMAIL_TARGET,
                         email, &wait);
        if (st != KT_DB_OK) {
            return kt_send_db_failure(kr, st);
        }
        if (wait > 0) {
            return kt_throttle_answer(kr, wait, "change of address", "error.429.mail.detail");
        }
    }
    rv = current_password(&pg, "current_password", &ok);
    if (rv != DECLINED) {
        return rv;
    }
    if (kt_fstate_errors(pg.fs)) {
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    st = request_change(&pg, email);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            kt_account_path(kr, "/account?done=email_sent"));
}

/* The change itself: the link used, unconfirmed accounts of the address
 * gone, the address set (*taken when a confirmed account has it), other
 * sessions and reset links ended, the old address told. */
static kt_db_status change_email(mypage *pg, const char *token, const char **email, int *taken)
{
    kt_req *kr = pg->kr;
    const char *uid = kr->session->user_id, *args[4], *set = NULL;
    kt_mail_var vars[3];
    kt_db_status st = kt_db_begin(pg->db);

    *email = NULL;
    *taken = 0;
    args[0] = kt_sha256_hex(kr->r->pool, token);
    args[1] = uid;
    if (st == KT_DB_OK) {
        st = kt_db_value(pg->db, &STMT_EMAIL_USE, email, 2, args);
    }
    if (st == KT_DB_OK && !*email) {
        return kt_db_end(pg->db, 1);
    }
    args[0] = *email;
    args[1] = uid;
    args[2] = *email;
    args[3] = uid;
    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_EMAIL_UNCONFIRMED_GO, NULL, 2, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_value(pg->db, &STMT_EMAIL_SET, &set, 4, args);
    }
    if (st == KT_DB_OK && !set) {
        *taken = 1;
        return kt_db_end(pg->db, 1);
    }
    args[0] = uid;
    args[1] = kr->session->token_hash;
    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_OTHER_SESSIONS, NULL, 2, args);
    }
    args[1] = "reset";
    if (st == KT_DB_OK) {
        st = kt_db_exec(pg->db, &STMT_END_LINKS, NULL, 2, args);
    }
    if (st == KT_DB_OK) {
        st = kt_throttle_clear(pg->db, pg->m.email);
    }
    vars[0].name = "name";
    vars[0].value = pg->m.first_name;
    vars[1].name = "email";
    vars[1].value = *email;
    vars[2].name = NULL;
    vars[2].value = NULL;
    if (st == KT_DB_OK) {
        st = kt_mail_queue(kr, pg->db, pg->m.email, mail_lang(&pg->m, kr->lang), "email_changed",
                           NULL, vars);
    }
    return kt_db_finish(pg->db, st);
}

int kt_page_account_email_confirm(kt_req *kr, const char *token)
{
    mypage pg;
    const char *args[2], *c[2], *email = NULL;
    int found = 0, taken = 0, rv;
    kt_db_status st;

    if (!kt_token_well_formed(token)) {
        return kt_send_page(kr, "myaccount", kt_page_doc(kr, "account-email-invalid",
                                                         HTTP_NOT_FOUND), HTTP_NOT_FOUND);
    }
    rv = open_page(kr, &pg, "account-email-confirm", "confirm");
    if (rv != DECLINED) {
        return rv;
    }
    args[0] = kr->session->user_id;
    args[1] = kt_sha256_hex(kr->r->pool, token);
    st = kt_db_row(pg.db, &STMT_EMAIL_TOKEN, 2, args, 2, c, &found);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    /* another person's link is as unknown as a made-up one */
    if (!found || c[1][0] != 't') {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0440: address change link not valid for user %s", kr->session->user_id);
        return kt_send_page(kr, "myaccount", kt_page_doc(kr, "account-email-invalid",
                                                         HTTP_NOT_FOUND), HTTP_NOT_FOUND);
    }
    kt_xml_add(kr->r->pool, xmlDocGetRootElement(pg.doc), "new-email", c[0]);
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    st = change_email(&pg, token, &email, &taken);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (taken || !email) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0441: address change of user %s: the address is taken or the link used",
                      kr->session->user_id);
        return kt_send_error(kr, HTTP_CONFLICT, NULL,
                             kt_text(kr, taken ? "error.email_taken.detail"
                                               : "error.email_link.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/account?done=email"));
}

/* ---- my data ------------------------------------------------------------------------------- */

int kt_page_account_data(kt_req *kr, const char *arg)
{
    const char *args[DATA_ARGS], *json = NULL;
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    int i;
    (void)arg;

    for (i = 0; i < DATA_ARGS; i++) {
        args[i] = kr->session->user_id;
    }
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_DATA, &json, DATA_ARGS, args);
    }
    if (st != KT_DB_OK || !json) {
        return kt_send_db_failure(kr, st != KT_DB_OK ? st : KT_DB_ERROR);
    }
    json = apr_pstrcat(kr->r->pool, json, "\n", NULL);
    apr_table_setn(kr->r->headers_out, "Content-Disposition",
                   "attachment; filename=\"kotoutuminen-my-data.json\"");
    kr->r->status = HTTP_OK;
    ap_set_content_type(kr->r, "application/json; charset=utf-8");
    ap_set_content_length(kr->r, (apr_off_t)strlen(json));
    if (!kr->r->header_only) {
        ap_rputs(json, kr->r);
    }
    return OK;
}

/* ---- deleting the account -------------------------------------------------------------------- */

/* <blocked><organisation id><name/></organisation>…</blocked> when the
 * person is the only main user of some organisation; *n how many. */
static kt_db_status sole_main(mypage *pg, xmlNodePtr parent, int *n)
{
    apr_pool_t *p = pg->kr->r->pool;
    const char *args[1] = { pg->kr->session->user_id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    kt_db_status st = kt_db_select(pg->db, &STMT_SOLE_MAIN, &res, 1, args);

    *n = 0;
    while (st == KT_DB_OK && kt_db_next(pg->db, res, &row)) {
        xmlNodePtr o;
        if (!list) {
            list = kt_xml_add(p, parent, "blocked", NULL);
        }
        o = kt_xml_add(p, list, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(pg->db, row, 0));
        kt_xml_add(p, o, "name", kt_db_get(pg->db, row, 1));
        (*n)++;
    }
    return st;
}

/* One transaction: still not anybody's only main user (checked again with
 * the memberships locked), what is the person's alone deleted, the row
 * anonymised, an audit line kept under the pseudonym. */
static kt_db_status delete_account(mypage *pg, int *blocked)
{
    kt_req *kr = pg->kr;
    const char *args[2] = { kr->session->user_id, kr->session->user_id }, *done = NULL;
    xmlNodePtr scratch = xmlNewNode(NULL, BAD_CAST "scratch");
    kt_db_status st = kt_db_begin(pg->db);
    int i;

    if (st == KT_DB_OK) {
        st = sole_main(pg, scratch, blocked);
    }
    xmlFreeNode(scratch);
    if (st == KT_DB_OK && *blocked) {
        return kt_db_end(pg->db, 1);
    }
    for (i = 0; st == KT_DB_OK && DELETE_PARTS[i].stmt.label; i++) {
        st = kt_db_exec(pg->db, &DELETE_PARTS[i].stmt, NULL, DELETE_PARTS[i].nargs, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_value(pg->db, &STMT_ANONYMISE, &done, 1, args);
    }
    if (st == KT_DB_OK && done) {
        st = kt_audit(pg->db, kr->session->user_id, "user.delete", "user", kr->session->user_id,
                      NULL, NULL);
    }
    return kt_db_finish(pg->db, st);
}

int kt_page_account_delete(kt_req *kr, const char *arg)
{
    mypage pg;
    int ok = 0, blocked = 0, rv = open_page(kr, &pg, "account-delete", "delete");
    kt_db_status st;
    (void)arg;

    if (rv != DECLINED) {
        return rv;
    }
    st = sole_main(&pg, xmlDocGetRootElement(pg.doc), &blocked);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    if (blocked) {
        /* the page says why, and which organisations */
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0442: user %s is the only main user of %d organisation(s): not deleted",
                      kr->session->user_id, blocked);
        kt_fstate_form_error(pg.fs, "delete.blocked");
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    if (strcmp(kt_form_field(kr, "confirm"), "yes") != 0) {
        kt_fstate_error(pg.fs, "confirm", "delete_confirm.missing");
    }
    rv = current_password(&pg, "current_password", &ok);
    if (rv != DECLINED) {
        return rv;
    }
    if (kt_fstate_errors(pg.fs)) {
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    st = delete_account(&pg, &blocked);
    if (st == KT_DB_OK && !blocked) {
        st = kt_session_end(kr, pg.db);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (blocked) {
        kt_fstate_form_error(pg.fs, "delete.blocked");
        return kt_form_answer(kr, "myaccount", pg.doc, pg.fs);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/login?done=deleted"));
}
