/* Moderation; see kt_moderation.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_moderation.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_org.h"
#include "kt_audit.h"
#include "kt_membership.h"
#include "kt_engine.h"
#include "kt_orgquestion.h"

/* An organisation whose question waits for its applicant's answer is not in
 * the queue (kt_orgquestion.h); one that answered is back, marked so. */
static const kt_stmt STMT_QUEUE KT_STMT_LISTED = { "kt_mod_queue",
    "SELECT o.id, o.name, o.business_id, kt_name(%s, t.name_fi, t.name_sv, t.name_en),"
    " to_char(o.created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " floor(extract(epoch FROM now() - o.created_at))::bigint,"
    " u.first_name || ' ' || u.last_name, u.email,"
    " EXISTS (SELECT 1 FROM organisation_questions q WHERE q.organisation_id = o.id)"
    " FROM organisations o JOIN organisation_types t ON t.code = o.type"
    " LEFT JOIN users u ON u.id = o.created_by"
    " WHERE o.status = 'pending' AND NOT EXISTS (SELECT 1 FROM organisation_questions q"
    "  WHERE q.organisation_id = o.id AND q.answered_at IS NULL)"
    " ORDER BY o.created_at, o.id" };

static const kt_stmt STMT_DECIDE KT_STMT_LISTED = { "kt_mod_decide",
    "UPDATE organisations SET status = %s, decision_reason = nullif(%s, ''),"
    " approved_at = CASE WHEN %s = 'approved' THEN now() END, updated_at = now()"
    " WHERE id = %s::bigint AND status = 'pending' RETURNING name" };

/* ---- the queue -------------------------------------------------------------------- */

int kt_page_moderation(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_page_doc(kr, "moderation", HTTP_OK);
    xmlNodePtr root = xmlDocGetRootElement(doc), q;
    const char *args[1] = { kt_lang_codes[kr->lang] }, *done = kt_query_param(kr, "done");
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    if (done && (strcmp(done, "approved") == 0 || strcmp(done, "rejected") == 0
                 || strcmp(done, "asked") == 0
                 || strcmp(done, "listing_approve") == 0 || strcmp(done, "listing_return") == 0
                 || strcmp(done, "listing_reject") == 0)) {
        kt_xml_attr(p, kt_xml_add(p, root, "notice", NULL), "code", done);
    }
    q = kt_xml_add(p, root, "queue", NULL);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_QUEUE, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o = kt_xml_add(p, q, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, o, "business-id", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "created", kt_db_get(db, row, 4));
        kt_xml_attr(p, o, "waiting-seconds", kt_db_get(db, row, 5));
        kt_xml_attr(p, o, "answered", kt_db_get(db, row, 8)[0] == 't' ? "true" : NULL);
        kt_xml_add(p, o, "name", kt_db_get(db, row, 1));
        kt_xml_add(p, o, "type", kt_db_get(db, row, 3));
        if (kt_db_get(db, row, 7)) {
            kt_xml_attr(p, kt_xml_add(p, o, "registrant", kt_db_get(db, row, 6)), "email",
                        kt_db_get(db, row, 7));
        }
    }
    if (st == KT_DB_OK) {
        st = kt_orgq_waiting(kr, db, root);
    }
    if (st == KT_DB_OK) {
        st = kt_engine_queue(kr, db, root);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "moderation", doc, HTTP_OK);
}

/* ---- one organisation ---------------------------------------------------------------- */

/* Status, audit line and mails in one transaction; *decided 0 when another
 * moderator was first. */
static kt_db_status decide(kt_req *kr, kt_db *db, const char *id, int approve,
                           const char *reason, int *decided)
{
    const char *status = approve ? "approved" : "rejected";
    const char *args[4] = { status, reason, status, id }, *name = NULL;
    kt_db_status st = kt_db_begin(db);

    *decided = 0;
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &STMT_DECIDE, &name, 4, args);
    if (st == KT_DB_OK && !name) {
        return kt_db_end(db, 1);
    }
    if (st == KT_DB_OK) {
        *decided = 1;
        st = kt_audit(db, kr->session->user_id,
                      approve ? "organisation.approve" : "organisation.reject",
                      "organisation", id, NULL, reason);
    }
    if (st == KT_DB_OK) {
        st = kt_membership_mail_main_users(kr, db, id, approve ? "org_approved" : "org_rejected",
                                            "reason", reason);
    }
    return kt_db_finish(db, st);
}

/* "Ask for more information": the question mailed and shown to the
 * applicant; the organisation waits outside the queue until answered. */
static int ask_post(kt_req *kr, kt_db *db, const char *id, const char *question)
{
    int done = 0;
    kt_db_status st = kt_orgq_ask(kr, db, id, question, &done);

    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!done) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0432: organisation %s was decided or asked already", id);
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.decided.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/moderation?done=asked", NULL));
}

/* open: a question waits for its answer (no second one meanwhile). */
static int decision_post(kt_req *kr, kt_db *db, const char *id, xmlDocPtr doc, kt_fstate *fs,
                         int open)
{
    const char *decision = kt_form_field(kr, "decision");
    const char *reason = kt_newlines(kr->r->pool, kt_form_field(kr, "reason"));
    int approve = strcmp(decision, "approve") == 0, decided = 0;
    int ask = !open && strcmp(decision, "ask") == 0;
    kt_db_status st;

    kt_fstate_value(fs, "decision", decision);
    if (!approve && !ask && strcmp(decision, "reject") != 0) {
        kt_fstate_error(fs, "decision", "decision.missing");
    }
    if (ask && !*reason) {
        kt_fstate_error(fs, "reason", "question.missing");
    }
    else {
        kt_form_check(fs, "reason", reason, kt_valid_text(reason, 2000, !approve && *decision));
    }
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "moderation", doc, fs);
    }
    if (ask) {
        return ask_post(kr, db, id, reason);
    }
    st = decide(kr, db, id, approve, reason, &decided);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!decided) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0430: organisation %s was already decided", id);
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.decided.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/moderation?done=", approve ? "approved" : "rejected",
                                        NULL));
}

int kt_page_moderation_org(kt_req *kr, const char *id)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_fstate *fs = NULL;
    kt_org_fields o;
    int found = 0, open = 0;
    kt_db *db;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "moderation-org", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_org_load(db, kr->r->pool, kr->lang, id, NULL, root, &found, NULL, &o);
    }
    if (st == KT_DB_OK && found) {
        st = kt_org_members(db, kr->r->pool, id, root);
    }
    if (st == KT_DB_OK && found) {
        st = kt_orgq_load(db, kr->r->pool, id, root, &open);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (strcmp(o.status, "pending") == 0) {
        fs = kt_form_add(kr, doc, "decision");
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "moderation", doc, fs);
    }
    if (!fs) {
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.decided.detail"));
    }
    return decision_post(kr, db, id, doc, fs, open);
}
