/* The workspace; see kt_manage.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_manage.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_csrf.h"
#include "kt_engine.h"
#include "kt_orgquestion.h"
#include "kt_networks.h"

static const kt_stmt STMT_MINE KT_STMT_LISTED = { "kt_manage_mine",
    "SELECT o.id, o.name, o.status, m.role, m.status,"
    " (SELECT count(*) FROM memberships p WHERE p.organisation_id = o.id"
    "  AND p.status = 'pending' AND m.role = 'main' AND m.status = 'active')"
    " FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint ORDER BY lower(o.name), o.id" };

/* ?done=… after a redirect: which notice to show (a closed list, never the
 * text itself). */
static void add_notice(kt_req *kr, xmlNodePtr root)
{
    static const char *const known[] = {
        "created", "saved", "requested", "approve", "decline", "remove", "make_main", "confirmed",
        "verified", "profile_waits", "answered", NULL
    };
    const char *done = kt_query_param(kr, "done");
    int i;

    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, root, "notice", NULL), "code", done);
        }
    }
}

int kt_page_manage(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_page_doc(kr, "manage", HTTP_OK);
    xmlNodePtr root = xmlDocGetRootElement(doc), list;
    const char *args[1] = { kr->session->user_id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    add_notice(kr, root);
    list = kt_xml_add(p, root, "memberships", NULL);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_MINE, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr m = kt_xml_add(p, list, "membership", NULL);
        kt_xml_attr(p, m, "organisation-id", kt_db_get(db, row, 0));
        kt_xml_attr(p, m, "organisation-status", kt_db_get(db, row, 2));
        kt_xml_attr(p, m, "role", kt_db_get(db, row, 3));
        kt_xml_attr(p, m, "status", kt_db_get(db, row, 4));
        kt_xml_attr(p, m, "requests", kt_db_get(db, row, 5));
        kt_xml_add(p, m, "name", kt_db_get(db, row, 1));
    }
    if (st == KT_DB_OK) {
        /* the "still current" buttons post to each listing's own page */
        kt_fstate_new(p, root, "listings", NULL, kt_csrf_token(kr));
        st = kt_engine_workspace(kr, db, root);
    }
    if (st == KT_DB_OK) {
        st = kt_networks_workspace(kr, db, root);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "manage", doc, HTTP_OK);
}

/* The page of one organisation for one of its active members. */
static kt_db_status org_page(kt_req *kr, kt_db *db, const char *id, xmlDocPtr doc, int *found,
                             const char **role, kt_org_fields *o)
{
    apr_pool_t *p = kr->r->pool;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    kt_db_status st = kt_org_load(db, p, kr->lang, id, kr->session->user_id, root, found, role, o);

    if (st == KT_DB_OK && *found) {
        st = kt_org_members(db, p, id, root);
    }
    if (st == KT_DB_OK && *found && strcmp(*role, "main") == 0) {
        /* the forms of the member rows post here too */
        kt_form_add(kr, doc, "members");
        st = kt_org_options(db, p, kr->lang, root);
    }
    return st;
}

/* A main user's answer to the moderators' question: the organisation goes
 * back to the moderation queue. */
static int answer_post(kt_req *kr, kt_db *db, const char *id, xmlDocPtr doc, kt_fstate *fs)
{
    const char *answer = kt_newlines(kr->r->pool, kt_form_field(kr, "answer"));
    int done = 0;
    kt_db_status st;

    if (!kt_form_check(fs, "answer", answer, kt_valid_text(answer, 2000, 1))) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    st = kt_orgq_answer(kr, db, id, answer, &done);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!done) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0423: organisation %s has no open question to answer", id);
        return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.answered.detail"));
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], kr->rest,
                                        "?done=answered", NULL));
}

int kt_page_manage_org(kt_req *kr, const char *id)
{
    xmlDocPtr doc;
    kt_db *db;
    kt_org_fields o;
    kt_fstate *fs = NULL, *answer = NULL;
    const char *role = NULL, *action;
    int found = 0, is_main, open = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "manage-org", HTTP_OK);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = org_page(kr, db, id, doc, &found, &role, &o);
    }
    /* the moderators' questions, while it waits for approval */
    if (st == KT_DB_OK && found && strcmp(o.status, "pending") == 0) {
        st = kt_orgq_load(db, kr->r->pool, id, xmlDocGetRootElement(doc), &open);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT0421: user %s is no member of organisation %s", kr->session->user_id, id);
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    is_main = strcmp(role, "main") == 0;
    add_notice(kr, xmlDocGetRootElement(doc));
    kt_engine_kinds_xml(kr->r->pool, xmlDocGetRootElement(doc));
    if (is_main && strcmp(o.status, "approved") == 0) {
        /* the form goes on from a change that waits for a moderator */
        kt_org_fields waiting = o;
        st = kt_org_edit_load(db, kr->r->pool, kr->lang, id, xmlDocGetRootElement(doc),
                              &waiting, NULL);
        if (st != KT_DB_OK) {
            return kt_send_db_failure(kr, st);
        }
        o.name = waiting.name;
        o.registry_number = waiting.registry_number;
        o.municipality = waiting.municipality;
        o.website = waiting.website;
        o.description = waiting.description;
    }
    if (is_main && open) {
        answer = kt_form_add(kr, doc, "answer");
    }
    action = kr->r->method_number == M_POST ? kt_form_get(kr->form, "action") : NULL;
    if (is_main) {
        /* the profile's own values, unless it is the form being saved */
        fs = kt_org_profile_form(kr, doc, action && strcmp(action, "save") == 0 ? NULL : &o);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    if (!is_main) {
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    if (action && strcmp(action, "answer") == 0) {
        if (!answer) {
            return kt_send_error(kr, HTTP_CONFLICT, NULL, kt_text(kr, "error.answered.detail"));
        }
        return answer_post(kr, db, id, doc, answer);
    }
    if (action && strcmp(action, "save") == 0) {
        return kt_org_save_profile(kr, db, id, &o, doc, fs);
    }
    if (kt_membership_is_action(action)) {
        return kt_membership_decide(kr, db, id, o.name, action);
    }
    return kt_send_error(kr, HTTP_BAD_REQUEST, "action", NULL);
}
