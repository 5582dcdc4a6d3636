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

static const kt_stmt STMT_MINE = { "kt_manage_mine",
    "SELECT o.id, o.name, o.status, m.role, m.status,"
    " (SELECT count(*) FROM memberships p WHERE p.organisation_id = o.id"
    "  AND p.status = 'pending' AND m.role = 'main' AND m.status = 'active')"
    " FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint ORDER BY lower(o.name), o.id" };

/* The listings of my organisations, the archived ones last.  A listing is
 * due for confirmation a year after the last one; the list says so from the
 * day the reminder goes out (kt-admin daily). */
static const kt_stmt STMT_LISTINGS = { "kt_manage_listings",
    "SELECT a.id, v.title_fi, v.title_sv, v.title_en, o.id, o.name,"
    " CASE WHEN a.archived_at IS NOT NULL THEN 'archived' ELSE a.state END,"
    " a.published_version IS NOT NULL AND a.archived_at IS NULL,"
    " a.published_version IS NOT NULL AND a.latest_version > a.published_version,"
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD'),"
    " to_char((a.confirmed_at + interval '1 year') AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD'),"
    " a.confirmed_at < now() - interval '1 year' + interval '30 days'"
    " FROM memberships m JOIN organisations o ON o.id = m.organisation_id AND o.status = 'approved'"
    " JOIN activities a ON a.organisation_id = o.id"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.latest_version"
    " WHERE m.user_id = %s::bigint AND m.status = 'active'"
    " ORDER BY a.archived_at IS NOT NULL, lower(o.name), o.id, a.id DESC LIMIT 1000" };

/* ?done=… after a redirect: which notice to show (a closed list, never the
 * text itself). */
static void add_notice(kt_req *kr, xmlNodePtr root)
{
    static const char *const known[] = {
        "created", "saved", "requested", "approve", "decline", "remove", "make_main", "confirmed",
        "verified", "profile_waits", NULL
    };
    const char *done = kt_query_param(kr, "done");
    int i;

    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, root, "notice", NULL), "code", done);
        }
    }
}

static kt_db_status add_listings(kt_req *kr, kt_db *db, xmlNodePtr root)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { kr->session->user_id };
    xmlNodePtr list = kt_xml_add(p, root, "listings", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_LISTINGS, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "listing", NULL), o;
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
        int pub = kt_db_get(db, row, 7)[0] == 't';
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "state", kt_db_get(db, row, 6));
        kt_xml_attr(p, n, "public", pub ? "true" : "false");
        kt_xml_attr(p, n, "pending-edit", kt_db_get(db, row, 8)[0] == 't' ? "true" : "false");
        if (pub) {
            kt_xml_attr(p, n, "confirmed", kt_db_get(db, row, 9));
            kt_xml_attr(p, n, "due", kt_db_get(db, row, 10));
            kt_xml_attr(p, n, "confirm-soon", kt_db_get(db, row, 11)[0] == 't' ? "true" : "false");
        }
        kt_xml_texts(p, n, "title", kr->lang, t);
        o = kt_xml_add(p, n, "organisation", kt_db_get(db, row, 5));
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 4));
    }
    return st;
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
        st = add_listings(kr, db, root);
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

int kt_page_manage_org(kt_req *kr, const char *id)
{
    xmlDocPtr doc;
    kt_db *db;
    kt_org_fields o;
    kt_fstate *fs = NULL;
    const char *role = NULL, *action;
    int found = 0, is_main;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "manage-org", HTTP_OK);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = org_page(kr, db, id, doc, &found, &role, &o);
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
    if (is_main) {
        fs = kt_org_profile_form(kr, doc, kr->r->method_number == M_POST ? NULL : &o);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    if (!is_main) {
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    action = kt_form_get(kr->form, "action");
    if (action && strcmp(action, "save") == 0) {
        return kt_org_save_profile(kr, db, id, &o, doc, fs);
    }
    if (kt_membership_is_action(action)) {
        return kt_membership_decide(kr, db, id, o.name, action);
    }
    return kt_send_error(kr, HTTP_BAD_REQUEST, "action", NULL);
}
