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
#include "kt_contact.h"
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

/* Profile changes of approved organisations waiting, oldest first. */
static const kt_stmt STMT_PROFILE_QUEUE KT_STMT_LISTED = { "kt_mod_profile_queue",
    "SELECT o.id, o.name, v.name,"
    " to_char(v.submitted_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " floor(extract(epoch FROM now() - v.submitted_at))::bigint"
    " FROM organisation_versions v JOIN organisations o ON o.id = v.organisation_id"
    " WHERE v.state = 'submitted' ORDER BY v.submitted_at, o.id LIMIT 500" };

/* The decision on a waiting change, only on the one the moderator saw (its
 * time of saving, µs): a change saved again meanwhile makes this touch
 * nothing (409).  An approval copies it into the public profile. */
static const kt_stmt STMT_EDIT_DECIDE KT_STMT_LISTED = { "kt_mod_edit_decide",
    "UPDATE organisation_versions SET state = %s, decided_at = now(), decided_by = %s::bigint,"
    " decision_reason = nullif(%s, '')"
    " WHERE organisation_id = %s::bigint AND state = 'submitted'"
    " AND (extract(epoch FROM submitted_at) * 1000000)::bigint = %s::bigint RETURNING version" };

static const kt_stmt STMT_EDIT_PUBLISH KT_STMT_LISTED = { "kt_mod_edit_publish",
    "UPDATE organisations o SET name = v.name, registry_number = v.registry_number,"
    " municipality_code = v.municipality_code, website = v.website,"
    " description_fi = v.description_fi, description_sv = v.description_sv,"
    " description_en = v.description_en, updated_at = now()"
    " FROM organisation_versions v WHERE o.id = %s::bigint AND v.organisation_id = o.id"
    " AND v.version = %s::int AND o.status = 'approved' RETURNING o.name" };

static const kt_stmt STMT_DECIDE KT_STMT_LISTED = { "kt_mod_decide",
    "UPDATE organisations SET status = %s, decision_reason = nullif(%s, ''),"
    " approved_at = CASE WHEN %s = 'approved' THEN now() END, updated_at = now()"
    " WHERE id = %s::bigint AND status = 'pending' RETURNING name" };

/* ---- the queue -------------------------------------------------------------------- */

/* <profile-queue><organisation id submitted waiting-seconds><name/>
 * <new-name/></organisation>…</profile-queue> */
static kt_db_status profile_queue(kt_req *kr, kt_db *db, xmlNodePtr root)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr q = kt_xml_add(p, root, "profile-queue", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_PROFILE_QUEUE, &res, 0, NULL);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o = kt_xml_add(p, q, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, o, "submitted", kt_db_get(db, row, 3));
        kt_xml_attr(p, o, "waiting-seconds", kt_db_get(db, row, 4));
        kt_xml_add(p, o, "name", kt_db_get(db, row, 1));
        kt_xml_add(p, o, "new-name", kt_db_get(db, row, 2));
    }
    return st;
}

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

    static const char *const notices[] = {
        "approved", "rejected", "released", "asked", "listing_approve", "listing_return",
        "listing_reject", "profile_approve", "profile_reject", "contact_handled", NULL
    };
    int i;

    for (i = 0; done && notices[i]; i++) {
        if (strcmp(done, notices[i]) == 0) {
            kt_xml_attr(p, kt_xml_add(p, root, "notice", NULL), "code", done);
        }
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
        st = profile_queue(kr, db, root);
    }
    if (st == KT_DB_OK) {
        st = kt_engine_queue(kr, db, root);
    }
    if (st == KT_DB_OK) {
        st = kt_contact_queue(kr, db, root);
    }
    /* the lists of what moderators write themselves (news) */
    kt_engine_desk_kinds_xml(p, root);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "moderation", doc, HTTP_OK);
}

/* ---- one organisation ---------------------------------------------------------------- */

/* The decisions on an organisation that waits: approve it, reject it, or
 * release its claim to the business ID (a registration abandoned or made
 * by someone without the right: it is rejected, and the business ID is free
 * for the real organisation, sql/009_accounts.sql). */
typedef struct {
    const char *decision;   /* the form's value */
    const char *status;     /* organisations.status after it */
    const char *action;     /* audit_log.action */
    const char *mail;       /* mail kind to the main users */
    const char *done;       /* notice after the redirect */
} org_decision;

static const org_decision org_decisions[] = {
    { "approve", "approved", "organisation.approve", "org_approved", "approved" },
    { "reject", "rejected", "organisation.reject", "org_rejected", "rejected" },
    { "release", "rejected", "organisation.release", "org_released", "released" },
    { NULL, NULL, NULL, NULL, NULL }
};

/* Status, audit line and mails in one transaction; *decided 0 when another
 * moderator was first. */
static kt_db_status decide(kt_req *kr, kt_db *db, const char *id, const org_decision *d,
                           const char *reason, int *decided)
{
    const char *args[4] = { d->status, reason, d->status, id }, *name = NULL;
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
        st = kt_audit(db, kr->session->user_id, d->action, "organisation", id, NULL, reason);
    }
    if (st == KT_DB_OK) {
        st = kt_membership_mail_main_users(kr, db, id, d->mail, "reason", reason);
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
    const org_decision *d = org_decisions;
    int ask = !open && strcmp(decision, "ask") == 0, decided = 0;
    kt_db_status st;

    while (d->decision && strcmp(d->decision, decision) != 0) {
        d++;
    }
    kt_fstate_value(fs, "decision", decision);
    if (!d->decision && !ask) {
        kt_fstate_error(fs, "decision", "decision.missing");
    }
    if (ask && !*reason) {
        kt_fstate_error(fs, "reason", "question.missing");
    }
    else {
        kt_form_check(fs, "reason", reason,
                      kt_valid_text(reason, 2000,
                                    d->decision && strcmp(d->decision, "approve") != 0));
    }
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "moderation", doc, fs);
    }
    if (ask) {
        return ask_post(kr, db, id, reason);
    }
    st = decide(kr, db, id, d, reason, &decided);
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
                                        "/moderation?done=", d->done, NULL));
}

/* ---- a change of an approved organisation's profile -------------------------------- */

/* The change decided, published when approved, the audit line and the mail
 * to the main users, in one transaction; *decided 0 when it changed or was
 * decided meanwhile. */
static kt_db_status decide_edit(kt_req *kr, kt_db *db, const char *id, int approve,
                                const char *reason, const char *stamp, int *decided)
{
    const char *args[5] = { approve ? "approved" : "rejected", kr->session->user_id,
                            approve ? "" : reason, id, stamp };
    const char *version = NULL, *name = NULL;
    kt_db_status st = kt_db_begin(db);

    *decided = 0;
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_EDIT_DECIDE, &version, 5, args);
    }
    if (st == KT_DB_OK && !version) {
        return kt_db_end(db, 1);
    }
    args[0] = id;
    args[1] = version;
    if (st == KT_DB_OK && approve) {
        st = kt_db_value(db, &STMT_EDIT_PUBLISH, &name, 2, args);
    }
    if (st == KT_DB_OK) {
        *decided = 1;
        st = kt_audit(db, kr->session->user_id,
                      approve ? "organisation.edit_approve" : "organisation.edit_reject",
                      "organisation", id, NULL, approve ? NULL : reason);
    }
    if (st == KT_DB_OK) {
        st = kt_membership_mail_main_users(kr, db, id,
                                           approve ? "org_edit_approved" : "org_edit_rejected",
                                           "reason", reason);
    }
    return kt_db_finish(db, st);
}

static int edit_post(kt_req *kr, kt_db *db, const char *id, xmlDocPtr doc, kt_fstate *fs)
{
    const char *decision = kt_form_field(kr, "decision");
    const char *reason = kt_newlines(kr->r->pool, kt_form_field(kr, "reason"));
    const char *stamp = kt_form_field(kr, "stamp");
    int approve = strcmp(decision, "approve") == 0, decided = 0;
    apr_int64_t us;
    kt_db_status st;

    kt_fstate_value(fs, "decision", decision);
    kt_fstate_value(fs, "stamp", stamp);
    if (!approve && strcmp(decision, "reject") != 0) {
        kt_fstate_error(fs, "decision", "decision.missing");
    }
    kt_form_check(fs, "reason", reason, kt_valid_text(reason, 2000, !approve && *decision));
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "moderation", doc, fs);
    }
    /* a time the page never gave is a change nobody saw: 409 as for a stale one */
    st = kt_parse_int(stamp, 0, APR_INT64_MAX, &us)
         ? decide_edit(kr, db, id, approve, reason, stamp, &decided) : KT_DB_OK;
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!decided) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0431: the profile change of organisation %s changed or was decided", id);
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.profile.decided.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/moderation?done=profile_",
                                        approve ? "approve" : "reject", NULL));
}

int kt_page_moderation_org(kt_req *kr, const char *id)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_fstate *fs = NULL, *edit = NULL;
    kt_org_fields o;
    const char *stamp = NULL;
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
    if (st == KT_DB_OK && found && strcmp(o.status, "approved") == 0) {
        st = kt_org_edit_load(db, kr->r->pool, kr->lang, id, root, NULL, &stamp);
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
    if (stamp) {
        edit = kt_form_add(kr, doc, "profile");
        kt_fstate_value(edit, "stamp", stamp);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "moderation", doc, fs ? fs : edit);
    }
    if (strcmp(kt_form_field(kr, "about"), "profile") == 0) {
        if (!edit) {
            return kt_send_error(kr, HTTP_CONFLICT, NULL,
                                 kt_text(kr, "error.profile.decided.detail"));
        }
        return edit_post(kr, db, id, doc, edit);
    }
    if (!fs) {
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.decided.detail"));
    }
    return decision_post(kr, db, id, doc, fs, open);
}
