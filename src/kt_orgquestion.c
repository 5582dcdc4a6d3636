/* Questions to organisations that wait for approval; see kt_orgquestion.h. */
#include <apr_strings.h>
#include "kt_orgquestion.h"
#include "kt_session.h"
#include "kt_xml.h"
#include "kt_audit.h"
#include "kt_membership.h"

static const kt_stmt STMT_LIST KT_STMT_LISTED = { "kt_orgq_list",
    "SELECT q.id, to_char(q.asked_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " to_char(q.answered_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " q.question, q.answer, a.first_name || ' ' || a.last_name,"
    " b.first_name || ' ' || b.last_name"
    " FROM organisation_questions q LEFT JOIN users a ON a.id = q.asked_by"
    " LEFT JOIN users b ON b.id = q.answered_by"
    " WHERE q.organisation_id = %s::bigint ORDER BY q.asked_at, q.id LIMIT 100" };

/* Only to an organisation that waits, only when no question is open: the
 * row lock serialises this with a decision on the organisation, and the
 * unique index organisations_questions_open with a second moderator. */
static const kt_stmt STMT_ASK KT_STMT_LISTED = { "kt_orgq_ask",
    "INSERT INTO organisation_questions (organisation_id, asked_by, question)"
    " SELECT o.id, %s::bigint, %s FROM organisations o"
    " WHERE o.id = %s::bigint AND o.status = 'pending'"
    " AND NOT EXISTS (SELECT 1 FROM organisation_questions x"
    "  WHERE x.organisation_id = o.id AND x.answered_at IS NULL)"
    " FOR UPDATE OF o ON CONFLICT DO NOTHING RETURNING id" };

/* The open question of an organisation that still waits, by one of its
 * active main users (checked here too, not only by the handler). */
static const kt_stmt STMT_ANSWER KT_STMT_LISTED = { "kt_orgq_answer",
    "UPDATE organisation_questions q SET answer = %s, answered_at = now(),"
    " answered_by = %s::bigint"
    " FROM organisations o WHERE q.organisation_id = %s::bigint AND q.answered_at IS NULL"
    " AND o.id = q.organisation_id AND o.status = 'pending'"
    " AND EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id"
    "  AND m.user_id = %s::bigint AND m.role = 'main' AND m.status = 'active')"
    " RETURNING q.id" };

static const kt_stmt STMT_WAITING KT_STMT_LISTED = { "kt_orgq_waiting",
    "SELECT o.id, o.name, o.business_id, kt_name(%s, t.name_fi, t.name_sv, t.name_en),"
    " to_char(q.asked_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " floor(extract(epoch FROM now() - q.asked_at))::bigint"
    " FROM organisation_questions q JOIN organisations o ON o.id = q.organisation_id"
    " JOIN organisation_types t ON t.code = o.type"
    " WHERE q.answered_at IS NULL AND o.status = 'pending'"
    " ORDER BY q.asked_at, o.id LIMIT 500" };

kt_db_status kt_orgq_load(kt_db *db, apr_pool_t *p, const char *org, xmlNodePtr parent,
                          int *open)
{
    const char *args[1] = { org };
    xmlNodePtr list = kt_xml_add(p, parent, "questions", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_LIST, &res, 1, args);
    int waiting = 0;

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr q = kt_xml_add(p, list, "question", NULL);
        const char *answered = kt_db_get(db, row, 2);
        kt_xml_attr(p, q, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, q, "asked", kt_db_get(db, row, 1));
        kt_xml_attr(p, q, "answered", answered);
        kt_xml_add(p, q, "text", kt_db_get(db, row, 3));
        kt_xml_add(p, q, "asker", kt_db_get(db, row, 5));
        if (answered) {
            kt_xml_add(p, q, "answer", kt_db_get(db, row, 4));
            kt_xml_add(p, q, "answerer", kt_db_get(db, row, 6));
        }
        waiting = !answered;
    }
    kt_xml_attr(p, list, "open", waiting ? "true" : "false");
    if (open) {
        *open = waiting;
    }
    return st;
}

kt_db_status kt_orgq_ask(kt_req *kr, kt_db *db, const char *org, const char *question,
                         int *done)
{
    const char *args[3] = { kr->session->user_id, question, org }, *id = NULL;
    kt_db_status st = kt_db_begin(db);

    *done = 0;
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &STMT_ASK, &id, 3, args);
    if (st == KT_DB_OK && !id) {
        return kt_db_end(db, 1);
    }
    if (st == KT_DB_OK) {
        *done = 1;
        st = kt_audit(db, kr->session->user_id, "organisation.ask", "organisation", org, NULL,
                      question);
    }
    if (st == KT_DB_OK) {
        st = kt_membership_mail_main_users(kr, db, org, "org_question", "question", question);
    }
    return kt_db_finish(db, st);
}

kt_db_status kt_orgq_answer(kt_req *kr, kt_db *db, const char *org, const char *answer,
                            int *done)
{
    const char *args[4] = { answer, kr->session->user_id, org, kr->session->user_id };
    const char *id = NULL;
    kt_db_status st = kt_db_begin(db);

    *done = 0;
    if (st != KT_DB_OK) {
        return st;
    }
    st = kt_db_value(db, &STMT_ANSWER, &id, 4, args);
    if (st == KT_DB_OK && !id) {
        return kt_db_end(db, 1);
    }
    if (st == KT_DB_OK) {
        *done = 1;
        st = kt_audit(db, kr->session->user_id, "organisation.answer", "organisation", org, NULL,
                      NULL);
    }
    return kt_db_finish(db, st);
}

kt_db_status kt_orgq_waiting(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { kt_lang_codes[kr->lang] };
    xmlNodePtr list = kt_xml_add(p, parent, "waiting-answer", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_WAITING, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o = kt_xml_add(p, list, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, o, "business-id", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "asked", kt_db_get(db, row, 4));
        kt_xml_attr(p, o, "waiting-seconds", kt_db_get(db, row, 5));
        kt_xml_add(p, o, "name", kt_db_get(db, row, 1));
        kt_xml_add(p, o, "type", kt_db_get(db, row, 3));
    }
    return st;
}
