/* The contact form; see kt_contact.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_contact.h"
#include "kt_account.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_throttle.h"
#include "kt_audit.h"
#include "kt_mail.h"

#define MESSAGE_MAX 5000
#define QUEUE_MAX 200
#define EXCERPT_BYTES 160

static const kt_rate RATE_CONTACT_ADDRESS = { "contact_address", 5, 3600 };
static const kt_rate RATE_CONTACT_TARGET = { "contact_target", 5, 3600 };

/* The topics, in the order of the form; contact_messages.topic allows these. */
static const char *const topics[] = {
    "general", "accessibility", "organisation", "listing", "account", "privacy", NULL
};

static const kt_stmt STMT_INSERT KT_STMT_LISTED = { "kt_contact_insert",
    "INSERT INTO contact_messages (lang, topic, name, email, message, user_id)"
    " VALUES (%s, %s, nullif(%s, ''), nullif(%s, ''), %s, %s::bigint) RETURNING id" };

static const kt_stmt STMT_MODERATORS KT_STMT_LISTED = { "kt_contact_moderators",
    "SELECT email, first_name, lang FROM users WHERE is_moderator AND deleted_at IS NULL"
    " AND email_verified_at IS NOT NULL ORDER BY id" };

static const kt_stmt STMT_QUEUE KT_STMT_LISTED = { "kt_contact_queue",
    "SELECT id, to_char(created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " topic, lang, name, email, message FROM contact_messages WHERE handled_at IS NULL"
    " ORDER BY created_at, id LIMIT 200" };

static const kt_stmt STMT_ONE KT_STMT_LISTED = { "kt_contact_one",
    "SELECT c.id, to_char(c.created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " c.topic, c.lang, c.name, c.email, c.message,"
    " to_char(c.handled_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " CASE WHEN h.deleted_at IS NULL THEN h.first_name || ' ' || h.last_name END"
    " FROM contact_messages c LEFT JOIN users h ON h.id = c.handled_by"
    " WHERE c.id = %s::bigint" };

static const kt_stmt STMT_HANDLED KT_STMT_LISTED = { "kt_contact_handled",
    "UPDATE contact_messages SET handled_at = now(), handled_by = %s::bigint"
    " WHERE id = %s::bigint AND handled_at IS NULL RETURNING id" };

static int known_topic(const char *t)
{
    int i;
    for (i = 0; topics[i]; i++) {
        if (strcmp(t, topics[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* <options for="topic"> in the page's language. */
static void topic_options(kt_req *kr, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr list = kt_xml_add(p, parent, "options", NULL);
    int i;

    kt_xml_attr(p, list, "for", "topic");
    for (i = 0; topics[i]; i++) {
        kt_xml_attr(p, kt_xml_add(p, list, "option",
                                  kt_text(kr, apr_pstrcat(p, "contact.topic.", topics[i], NULL))),
                    "value", topics[i]);
    }
}

/* The message, stored and mailed to every moderator in their own language,
 * in one transaction. */
static kt_db_status store(kt_req *kr, kt_db *db, const char *topic, const char *name,
                          const char *email, const char *message)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[6] = { kt_lang_codes[kr->lang], topic, name, email, message,
                            kr->session ? kr->session->user_id : NULL };
    const char *id = NULL;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_array_header_t *to = apr_array_make(p, 4, sizeof(const char *) * 3);
    kt_db_status st = kt_db_begin(db);
    int i;

    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_INSERT, &id, 6, args);
    }
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_MODERATORS, &res, 0, NULL);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char **m = apr_array_push(to);
        m[0] = apr_pstrdup(p, kt_db_get(db, row, 0));
        m[1] = apr_pstrdup(p, kt_db_get(db, row, 1));
        m[2] = apr_pstrdup(p, kt_db_get(db, row, 2));
    }
    for (i = 0; st == KT_DB_OK && i < to->nelts; i++) {
        const char **m = &((const char **)to->elts)[i * 3];
        int l = kt_lang_from_code(m[2]);
        kt_lang lang = l >= 0 ? (kt_lang)l : KT_LANG_FI;
        kt_mail_var vars[] = {
            { "name", m[1] },
            { "topic", kt_text_in(kr, lang, apr_pstrcat(p, "contact.topic.", topic, NULL)) },
            { "sender", *name ? name : "-" },
            { "sender_email", *email ? email : "-" },
            { "message", message },
            { NULL, NULL } };
        st = kt_mail_queue(kr, db, m[0], lang, "contact",
                           kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[lang],
                                                       "/moderation/contact/", id, NULL)), vars);
    }
    return kt_db_finish(db, st);
}

static int contact_post(kt_req *kr, kt_fstate *fs, xmlDocPtr doc)
{
    const char *topic = kt_form_field(kr, "topic"), *name = kt_form_field(kr, "sender_name");
    const char *email = kt_form_field(kr, "email");
    const char *message = kt_newlines(kr->r->pool, kt_form_field(kr, "message"));
    kt_db *db;
    kt_db_status st;
    int wait = 0;

    kt_fstate_value(fs, "topic", topic);
    if (!known_topic(topic)) {
        kt_fstate_error(fs, "topic", *topic ? "topic.invalid" : "topic.missing");
    }
    kt_form_check(fs, "sender_name", name, kt_valid_line(name, 200, 0));
    kt_form_check(fs, "email", email, *email ? kt_valid_email(email) : KT_V_OK);
    kt_form_check(fs, "message", message, kt_valid_text(message, MESSAGE_MAX, 1));
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "contact", doc, fs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_rate_hit(db, &RATE_CONTACT_ADDRESS, kr->r->useragent_ip, &RATE_CONTACT_TARGET,
                         *email ? email : NULL, &wait);
    }
    if (st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "contact form", "error.429.contact.detail");
    }
    if (st == KT_DB_OK) {
        st = store(kr, db, topic, name, email, message);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER, kt_account_path(kr, "/contact?done=sent"));
}

int kt_page_contact(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc;
    kt_fstate *fs = kt_form_page(kr, "contact", "contact", NULL, &doc);
    const char *done = kt_query_param(kr, "done"), *topic = kt_query_param(kr, "topic");
    (void)arg;

    topic_options(kr, xmlDocGetRootElement(doc));
    if (kr->r->method_number == M_POST) {
        return contact_post(kr, fs, doc);
    }
    if (done && strcmp(done, "sent") == 0) {
        kt_xml_attr(p, kt_xml_add(p, xmlDocGetRootElement(doc), "notice", NULL), "code",
                    "contact_sent");
    }
    /* ?topic=accessibility from the accessibility statement's link */
    kt_fstate_value(fs, "topic", topic && known_topic(topic) ? topic : "general");
    if (kr->session) {
        kt_fstate_value(fs, "sender_name", apr_pstrcat(p, kr->session->first_name, " ",
                                                kr->session->last_name, NULL));
        kt_fstate_value(fs, "email", kr->session->email);
    }
    return kt_form_answer(kr, "contact", doc, fs);
}

/* ---- moderators -------------------------------------------------------------------- */

static xmlNodePtr message_xml(kt_req *kr, kt_db *db, apr_dbd_row_t *row, xmlNodePtr parent,
                              int whole)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr m = kt_xml_add(p, parent, "message", NULL);
    const char *text = kt_db_get(db, row, 6);

    kt_xml_attr(p, m, "id", kt_db_get(db, row, 0));
    kt_xml_attr(p, m, "created", kt_db_get(db, row, 1));
    kt_xml_attr(p, m, "topic", kt_db_get(db, row, 2));
    kt_xml_attr(p, m, "lang", kt_db_get(db, row, 3));
    if (kt_db_get(db, row, 4)) {
        kt_xml_add(p, m, "name", kt_db_get(db, row, 4));
    }
    if (kt_db_get(db, row, 5)) {
        kt_xml_add(p, m, "email", kt_db_get(db, row, 5));
    }
    kt_xml_add(p, m, whole ? "text" : "excerpt",
               whole ? text : kt_text_excerpt(p, text, EXCERPT_BYTES));
    return m;
}

kt_db_status kt_contact_queue(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    xmlNodePtr q = kt_xml_add(kr->r->pool, parent, "contact-queue", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_QUEUE, &res, 0, NULL);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        message_xml(kr, db, row, q, 0);
    }
    return st;
}

static kt_db_status mark_handled(kt_req *kr, kt_db *db, const char *id, int *done)
{
    const char *args[2] = { kr->session->user_id, id }, *v = NULL;
    kt_db_status st = kt_db_begin(db);

    *done = 0;
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_HANDLED, &v, 2, args);
    }
    if (st == KT_DB_OK && v) {
        *done = 1;
        st = kt_audit(db, kr->session->user_id, "contact.handled", "contact", id, NULL, NULL);
    }
    return kt_db_finish(db, st);
}

int kt_page_contact_message(kt_req *kr, const char *id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { id }, *action;
    xmlDocPtr doc;
    xmlNodePtr m = NULL;
    kt_fstate *fs = NULL;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    kt_db_status st;
    int done = 0;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "moderation-contact", HTTP_OK);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_ONE, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        m = message_xml(kr, db, row, xmlDocGetRootElement(doc), 1);
        if (kt_db_get(db, row, 7)) {
            kt_xml_attr(p, m, "handled", kt_db_get(db, row, 7));
            if (kt_db_get(db, row, 8)) {
                kt_xml_add(p, m, "handled-by", kt_db_get(db, row, 8));
            }
        }
        else {
            fs = kt_form_add(kr, doc, "handled");
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!m) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "moderation", doc, fs);
    }
    action = kt_form_field(kr, "action");
    if (strcmp(action, "handled") != 0) {
        return kt_send_bad_param(kr, "action", "unknown-value", action, NULL);
    }
    st = fs ? mark_handled(kr, db, id, &done) : KT_DB_OK;
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!done) {
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.contact_handled.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            kt_account_path(kr, "/moderation?done=contact_handled"));
}
