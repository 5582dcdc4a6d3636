/* Organisations in the workspace; see kt_org.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_org.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_session.h"
#include "kt_csrf.h"
#include "kt_bizid.h"
#include "kt_tidy.h"
#include "kt_audit.h"
#include "kt_mail.h"

static const kt_stmt STMT_TYPES KT_STMT_LISTED = { "kt_org_types",
    "SELECT code, kt_name(%s, name_fi, name_sv, name_en) FROM organisation_types"
    " WHERE registrable ORDER BY position" };

static const kt_stmt STMT_MUNICIPALITIES KT_STMT_LISTED = { "kt_org_municipalities",
    "SELECT code, kt_name(%s, name_fi, name_sv, name_en) AS n FROM municipalities ORDER BY n, code" };

static const kt_stmt STMT_TYPE_OK KT_STMT_LISTED = { "kt_org_type_ok",
    "SELECT count(*) FROM organisation_types WHERE code = %s AND registrable" };

static const kt_stmt STMT_MUNICIPALITY_OK KT_STMT_LISTED = { "kt_org_municipality_ok",
    "SELECT count(*) FROM municipalities WHERE code = %s" };

/* A business ID held by a pending or approved organisation is refused by
 * the unique index organisations_business_id_held: nothing, not even a race,
 * registers one twice.  One that a rejected organisation had is free. */
static const kt_stmt STMT_INSERT KT_STMT_LISTED = { "kt_org_insert",
    "INSERT INTO organisations (name, type, business_id, registry_number, municipality_code,"
    " website, description_fi, description_sv, description_en, created_by)"
    " VALUES (%s, %s, %s, nullif(%s, ''), %s, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), %s::bigint)"
    " ON CONFLICT (business_id) WHERE status IN ('pending', 'approved') DO NOTHING RETURNING id" };

static const kt_stmt STMT_ADD_MAIN KT_STMT_LISTED = { "kt_org_add_main",
    "INSERT INTO memberships (user_id, organisation_id, role, status, decided_at)"
    " VALUES (%s::bigint, %s::bigint, 'main', 'active', now())" };

/* The organisation's status, its row locked, when user is its active main
 * user; no row otherwise. */
static const kt_stmt STMT_LOCK_AS_MAIN KT_STMT_LISTED = { "kt_org_lock_as_main",
    "SELECT o.status FROM organisations o JOIN memberships m ON m.organisation_id = o.id"
    " WHERE o.id = %s::bigint AND m.user_id = %s::bigint AND m.role = 'main'"
    " AND m.status = 'active' FOR UPDATE OF o" };

/* An organisation not yet approved is still under review as a whole: its
 * profile is changed in place. */
static const kt_stmt STMT_UPDATE KT_STMT_LISTED = { "kt_org_update",
    "UPDATE organisations o SET name = %s, registry_number = nullif(%s, ''),"
    " municipality_code = %s, website = nullif(%s, ''),"
    " description_fi = CASE %s WHEN 'fi' THEN nullif(%s, '') ELSE description_fi END,"
    " description_sv = CASE %s WHEN 'sv' THEN nullif(%s, '') ELSE description_sv END,"
    " description_en = CASE %s WHEN 'en' THEN nullif(%s, '') ELSE description_en END,"
    " updated_at = now() WHERE o.id = %s::bigint" };

/* An approved one keeps its public profile while the change waits: the
 * waiting version is saved over, or a new one made from the public profile
 * (organisation_versions, sql/009_accounts.sql). */
static const kt_stmt STMT_EDIT_UPDATE KT_STMT_LISTED = { "kt_org_edit_update",
    "UPDATE organisation_versions SET name = %s, registry_number = nullif(%s, ''),"
    " municipality_code = %s, website = nullif(%s, ''),"
    " description_fi = CASE %s WHEN 'fi' THEN nullif(%s, '') ELSE description_fi END,"
    " description_sv = CASE %s WHEN 'sv' THEN nullif(%s, '') ELSE description_sv END,"
    " description_en = CASE %s WHEN 'en' THEN nullif(%s, '') ELSE description_en END,"
    " created_by = %s::bigint, submitted_at = now()"
    " WHERE organisation_id = %s::bigint AND state = 'submitted' RETURNING version" };

static const kt_stmt STMT_EDIT_INSERT KT_STMT_LISTED = { "kt_org_edit_insert",
    "INSERT INTO organisation_versions (organisation_id, version, state, name, registry_number,"
    " municipality_code, website, description_fi, description_sv, description_en, created_by)"
    " SELECT o.id, coalesce((SELECT max(v.version) FROM organisation_versions v"
    "  WHERE v.organisation_id = o.id), 0) + 1, 'submitted', %s, nullif(%s, ''), %s,"
    " nullif(%s, ''),"
    " CASE %s WHEN 'fi' THEN nullif(%s, '') ELSE o.description_fi END,"
    " CASE %s WHEN 'sv' THEN nullif(%s, '') ELSE o.description_sv END,"
    " CASE %s WHEN 'en' THEN nullif(%s, '') ELSE o.description_en END,"
    " %s::bigint FROM organisations o WHERE o.id = %s::bigint RETURNING version" };

/* The change waiting for a moderator, or the last one decided when it was
 * rejected (its reason is shown to the main user). */
static const kt_stmt STMT_EDIT_LOAD KT_STMT_LISTED = { "kt_org_edit_load",
    "SELECT v.version, v.state, v.name, v.registry_number, v.municipality_code,"
    " kt_name(%s, m.name_fi, m.name_sv, m.name_en), v.website, v.description_fi, v.description_sv,"
    " v.description_en, v.decision_reason,"
    " to_char(v.submitted_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " (extract(epoch FROM v.submitted_at) * 1000000)::bigint,"
    " floor(extract(epoch FROM now() - v.submitted_at))::bigint"
    " FROM organisation_versions v LEFT JOIN municipalities m ON m.code = v.municipality_code"
    " WHERE v.organisation_id = %s::bigint AND v.state <> 'approved'"
    " AND v.version = (SELECT max(x.version) FROM organisation_versions x"
    "  WHERE x.organisation_id = v.organisation_id)" };

static const kt_stmt STMT_LOAD KT_STMT_LISTED = { "kt_org_load",
    "SELECT o.id, o.name, o.type, kt_name(%s, t.name_fi, t.name_sv, t.name_en),"
    " o.business_id, o.registry_number, o.municipality_code,"
    " kt_name(%s, m.name_fi, m.name_sv, m.name_en), o.website, o.description_fi, o.description_sv,"
    " o.description_en, o.status, o.decision_reason, mm.role,"
    " to_char(o.created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')"
    " FROM organisations o JOIN organisation_types t ON t.code = o.type"
    " LEFT JOIN municipalities m ON m.code = o.municipality_code"
    " LEFT JOIN memberships mm ON mm.organisation_id = o.id AND mm.user_id = %s::bigint"
    "  AND mm.status = 'active'"
    " WHERE o.id = %s::bigint AND (%s::bigint IS NULL OR mm.user_id IS NOT NULL)" };

static const kt_stmt STMT_MEMBERS KT_STMT_LISTED = { "kt_org_members",
    "SELECT u.id, u.first_name || ' ' || u.last_name, u.email, m.role, m.status, m.created_at"
    " FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = %s::bigint"
    " ORDER BY m.status = 'pending' DESC, m.role = 'main' DESC, lower(u.last_name), u.id" };

static kt_db_status add_options(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, kt_lang lang,
                                const char *name, xmlNodePtr parent)
{
    const char *args[1] = { kt_lang_codes[lang] };
    xmlNodePtr list = kt_xml_add(p, parent, "options", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, 1, args);

    kt_xml_attr(p, list, "for", name);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_xml_attr(p, kt_xml_add(p, list, "option", kt_db_get(db, row, 1)), "value",
                    kt_db_get(db, row, 0));
    }
    return st;
}

kt_db_status kt_org_options(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    kt_db_status st = add_options(db, p, &STMT_TYPES, lang, "type", parent);
    return st == KT_DB_OK ? add_options(db, p, &STMT_MUNICIPALITIES, lang, "municipality", parent)
                          : st;
}

/* 1 when the code names a row (the lists may change without a deploy). */
static kt_db_status code_exists(kt_db *db, const kt_stmt *stmt, const char *code, int *yes)
{
    const char *args[1] = { code }, *v = NULL;
    kt_db_status st = kt_db_value(db, stmt, &v, 1, args);
    *yes = v && strcmp(v, "0") != 0;
    return st;
}

static void check_business_id(kt_fstate *fs, const char *bid)
{
    kt_bizid_result r = kt_bizid_check(bid);

    kt_fstate_value(fs, "business_id", bid);
    if (!*bid) {
        kt_fstate_error(fs, "business_id", "business_id.missing");
    }
    else if (r != KT_BIZID_OK) {
        kt_fstate_error(fs, "business_id", r == KT_BIZID_CHECKSUM ? "business_id.checksum"
                                                                  : "business_id.invalid");
    }
}

/* Type (new organisations) and the registry number that depends on it. */
static kt_db_status check_type(kt_req *kr, kt_db *db, kt_fstate *fs, kt_org_fields *o,
                               int identity)
{
    int ok = 1;
    kt_db_status st = KT_DB_OK;

    if (identity) {
        o->type = kt_form_field(kr, "type");
        kt_fstate_value(fs, "type", o->type);
        if (*o->type) {
            st = code_exists(db, &STMT_TYPE_OK, o->type, &ok);
        }
        if (!*o->type || !ok) {
            kt_fstate_error(fs, "type", *o->type ? "type.invalid" : "type.missing");
        }
    }
    /* the number in the register of associations: asked of registered
     * associations, and only of them (the form says so); another type has
     * none to keep, whatever was typed into the box */
    o->registry_number = kt_form_field(kr, "registry_number");
    if (o->type && strcmp(o->type, "association") == 0) {
        kt_form_check(fs, "registry_number", o->registry_number,
                      kt_valid_registry_number(o->registry_number));
    }
    else {
        kt_fstate_value(fs, "registry_number", o->registry_number);
        o->registry_number = "";
    }
    return st;
}

kt_db_status kt_org_check(kt_req *kr, kt_db *db, kt_fstate *fs, kt_org_fields *o, int identity)
{
    int ok = 1;
    kt_db_status st;

    o->name = kt_form_field(kr, "name");
    o->municipality = kt_form_field(kr, "municipality");
    o->website = kt_tidy_web_url(kr->r->pool, kt_form_field(kr, "website"));
    o->description = kt_newlines(kr->r->pool, kt_form_field(kr, "description"));
    kt_form_check(fs, "name", o->name, kt_valid_line(o->name, 200, 1));
    if (identity) {
        o->business_id = kt_tidy_business_id(kr->r->pool, kt_form_field(kr, "business_id"));
        check_business_id(fs, o->business_id);
    }
    st = check_type(kr, db, fs, o, identity);
    kt_fstate_value(fs, "municipality", o->municipality);
    if (st == KT_DB_OK && *o->municipality) {
        st = code_exists(db, &STMT_MUNICIPALITY_OK, o->municipality, &ok);
    }
    if (!*o->municipality || !ok) {
        kt_fstate_error(fs, "municipality", *o->municipality ? "municipality.invalid"
                                                             : "municipality.missing");
    }
    kt_form_check(fs, "website", o->website, *o->website ? kt_valid_web_url(o->website) : KT_V_OK);
    kt_form_check(fs, "description", o->description, kt_valid_text(o->description, 2000, 0));
    return st;
}

/* ---- loading ------------------------------------------------------------------ */

static void add_text(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *text)
{
    if (text && *text) {
        kt_xml_add(p, parent, name, text);
    }
}

static void fill_org(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, xmlNodePtr org,
                     kt_org_fields *o)
{
    const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 9), kt_db_get(db, row, 10),
                                     kt_db_get(db, row, 11) };
    xmlNodePtr n;

    kt_xml_attr(p, org, "id", kt_db_get(db, row, 0));
    kt_xml_attr(p, org, "type-code", kt_db_get(db, row, 2));
    kt_xml_attr(p, org, "business-id", kt_db_get(db, row, 4));
    kt_xml_attr(p, org, "registry-number", kt_db_get(db, row, 5));
    kt_xml_attr(p, org, "status", kt_db_get(db, row, 12));
    kt_xml_attr(p, org, "created", kt_db_get(db, row, 15));
    kt_xml_add(p, org, "name", kt_db_get(db, row, 1));
    kt_xml_add(p, org, "type", kt_db_get(db, row, 3));
    if (kt_db_get(db, row, 6)) {
        n = kt_xml_add(p, org, "municipality", kt_db_get(db, row, 7));
        kt_xml_attr(p, n, "code", kt_db_get(db, row, 6));
    }
    if (kt_db_get(db, row, 8)) {
        kt_xml_attr(p, kt_xml_add(p, org, "website", NULL), "href", kt_db_get(db, row, 8));
    }
    kt_xml_texts(p, org, "description", lang, t);
    add_text(p, org, "decision-reason", kt_db_get(db, row, 13));
    if (o) {
        o->name = apr_pstrdup(p, kt_db_get(db, row, 1));
        o->type = apr_pstrdup(p, kt_db_get(db, row, 2));
        o->business_id = apr_pstrdup(p, kt_db_get(db, row, 4));
        o->registry_number = apr_pstrdup(p, kt_db_get(db, row, 5));
        o->municipality = apr_pstrdup(p, kt_db_get(db, row, 6));
        o->website = apr_pstrdup(p, kt_db_get(db, row, 8));
        o->description = apr_pstrdup(p, t[lang]);
        o->status = apr_pstrdup(p, kt_db_get(db, row, 12));
    }
}

kt_db_status kt_org_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                         const char *viewer, xmlNodePtr parent, int *found, const char **role,
                         kt_org_fields *o)
{
    const char *args[5] = { kt_lang_codes[lang], kt_lang_codes[lang], viewer, id, viewer };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_LOAD, &res, 5, args);

    *found = 0;
    if (role) {
        *role = NULL;
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr org = kt_xml_add(p, parent, "organisation", NULL);
        fill_org(db, p, lang, row, org, o);
        if (viewer && role) {
            *role = apr_pstrdup(p, kt_db_get(db, row, 14));
            kt_xml_attr(p, org, "role", *role);
        }
        *found = 1;
    }
    return st;
}

kt_db_status kt_org_members(kt_db *db, apr_pool_t *p, const char *id, xmlNodePtr parent)
{
    const char *args[1] = { id };
    xmlNodePtr list = kt_xml_add(p, parent, "members", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_MEMBERS, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr m = kt_xml_add(p, list, "member", NULL);
        kt_xml_attr(p, m, "user-id", kt_db_get(db, row, 0));
        kt_xml_attr(p, m, "role", kt_db_get(db, row, 3));
        kt_xml_attr(p, m, "status", kt_db_get(db, row, 4));
        kt_xml_attr(p, m, "since", kt_db_get(db, row, 5));
        kt_xml_add(p, m, "name", kt_db_get(db, row, 1));
        kt_xml_add(p, m, "email", kt_db_get(db, row, 2));
    }
    return st;
}

/* ---- a new organisation ------------------------------------------------------------ */

/* The organisation, its first (main) member, the audit line and the
 * receipt mail: one transaction.  *id NULL when the business ID was taken. */
static kt_db_status create_org(kt_req *kr, kt_db *db, const kt_org_fields *o, const char **id)
{
    const kt_session *s = kr->session;
    const char *d[KT_LANG_COUNT] = { NULL, NULL, NULL };
    const char *args[10], *margs[2];
    kt_mail_var vars[] = { { "name", s->first_name }, { "organisation", o->name },
                           { NULL, NULL } };
    kt_db_status st = kt_db_begin(db);

    d[kr->lang] = o->description;
    args[0] = o->name;
    args[1] = o->type;
    args[2] = o->business_id;
    args[3] = o->registry_number;
    args[4] = o->municipality;
    args[5] = o->website;
    args[6] = d[0];
    args[7] = d[1];
    args[8] = d[2];
    args[9] = s->user_id;
    *id = NULL;
    if (st == KT_DB_OK) {
        st = kt_db_value(db, &STMT_INSERT, id, 10, args);
    }
    if (st == KT_DB_OK && *id) {
        margs[0] = s->user_id;
        margs[1] = *id;
        st = kt_db_exec(db, &STMT_ADD_MAIN, NULL, 2, margs);
        if (st == KT_DB_OK) {
            st = kt_audit(db, s->user_id, "organisation.register", "organisation", *id, NULL, NULL);
        }
        if (st == KT_DB_OK) {
            st = kt_mail_queue(kr, db, s->email, kr->lang, "org_received", NULL, vars);
        }
    }
    return kt_db_finish(db, st);
}

static int org_new_post(kt_req *kr, kt_db *db, kt_fstate *fs, xmlDocPtr doc)
{
    kt_org_fields o;
    const char *id = NULL;
    kt_db_status st = kt_org_check(kr, db, fs, &o, 1);

    if (st == KT_DB_OK && !kt_fstate_errors(fs)) {
        st = create_org(kr, db, &o, &id);
        if (st == KT_DB_OK && !id) {
            kt_fstate_error(fs, "business_id", "business_id.taken");
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!id) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/manage/organisations/", id, "?done=created", NULL));
}

int kt_page_org_new(kt_req *kr, const char *arg)
{
    xmlDocPtr doc;
    kt_fstate *fs = kt_form_page(kr, "org-new", "organisation", NULL, &doc);
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    if (st == KT_DB_OK) {
        st = kt_org_options(db, kr->r->pool, kr->lang, xmlDocGetRootElement(doc));
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (kr->r->method_number != M_POST) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    return org_new_post(kr, db, fs, doc);
}

/* ---- the profile of an existing one ------------------------------------------------- */

kt_fstate *kt_org_profile_form(kt_req *kr, xmlDocPtr doc, const kt_org_fields *o)
{
    kt_fstate *fs = kt_form_add(kr, doc, "profile");

    if (o) {
        kt_fstate_value(fs, "name", o->name);
        kt_fstate_value(fs, "registry_number", o->registry_number);
        kt_fstate_value(fs, "municipality", o->municipality);
        kt_fstate_value(fs, "website", o->website);
        kt_fstate_value(fs, "description", o->description);
    }
    return fs;
}

/* In one transaction: the main user's right checked with the row locked,
 * then the change made (not approved yet) or kept waiting (approved).
 * *waits 1 for the latter; *allowed 0 when the user is no main user. */
static kt_db_status save_profile(kt_req *kr, kt_db *db, const char *id, const kt_org_fields *o,
                                 int *allowed, int *waits)
{
    const char *lang = kt_lang_codes[kr->lang], *args[12], *status = NULL, *v = NULL;
    const char *user = kr->session->user_id;
    int found = 0;
    kt_db_status st = kt_db_begin(db);

    *allowed = *waits = 0;
    args[0] = id;
    args[1] = user;
    if (st == KT_DB_OK) {
        st = kt_db_row(db, &STMT_LOCK_AS_MAIN, 2, args, 1, &status, &found);
    }
    if (st == KT_DB_OK && !found) {
        return kt_db_end(db, 1);
    }
    *allowed = 1;
    *waits = st == KT_DB_OK && strcmp(status, "approved") == 0;
    args[0] = o->name;
    args[1] = o->registry_number;
    args[2] = o->municipality;
    args[3] = o->website;
    args[4] = lang;
    args[5] = o->description;
    args[6] = lang;
    args[7] = o->description;
    args[8] = lang;
    args[9] = o->description;
    args[10] = *waits ? user : id;
    args[11] = id;
    if (st == KT_DB_OK && !*waits) {
        st = kt_db_exec(db, &STMT_UPDATE, NULL, 11, args);
    }
    if (st == KT_DB_OK && *waits) {
        st = kt_db_value(db, &STMT_EDIT_UPDATE, &v, 12, args);
        if (st == KT_DB_OK && !v) {
            st = kt_db_value(db, &STMT_EDIT_INSERT, &v, 12, args);
        }
    }
    if (st == KT_DB_OK) {
        st = kt_audit(db, user, *waits ? "organisation.edit_submit" : "organisation.update",
                      "organisation", id, NULL, NULL);
    }
    return kt_db_finish(db, st);
}

int kt_org_save_profile(kt_req *kr, kt_db *db, const char *id, const kt_org_fields *current,
                        xmlDocPtr doc, kt_fstate *fs)
{
    kt_org_fields o;
    int allowed = 0, waits = 0;
    kt_db_status st;

    memset(&o, 0, sizeof(o));
    o.type = current->type;
    st = kt_org_check(kr, db, fs, &o, 0);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (kt_fstate_errors(fs)) {
        return kt_form_answer(kr, "manage", doc, fs);
    }
    st = save_profile(kr, db, id, &o, &allowed, &waits);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!allowed) {
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, NULL);
    }
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], kr->rest,
                                        waits ? "?done=profile_waits" : "?done=saved", NULL));
}

kt_db_status kt_org_edit_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                              xmlNodePtr parent, kt_org_fields *o, const char **stamp)
{
    const char *args[2] = { kt_lang_codes[lang], id }, *c[14];
    int found = 0;
    kt_db_status st = kt_db_row(db, &STMT_EDIT_LOAD, 2, args, 14, c, &found);
    const char *t[KT_LANG_COUNT];
    xmlNodePtr e, n;

    if (stamp) {
        *stamp = NULL;
    }
    if (st != KT_DB_OK || !found) {
        return st;
    }
    t[0] = c[7];
    t[1] = c[8];
    t[2] = c[9];
    e = kt_xml_add(p, parent, "profile-edit", NULL);
    kt_xml_attr(p, e, "version", c[0]);
    kt_xml_attr(p, e, "state", c[1]);
    kt_xml_attr(p, e, "submitted", c[11]);
    kt_xml_attr(p, e, "waiting-seconds", c[13]);
    kt_xml_attr(p, e, "registry-number", c[3]);
    kt_xml_add(p, e, "name", c[2]);
    if (c[4]) {
        n = kt_xml_add(p, e, "municipality", c[5]);
        kt_xml_attr(p, n, "code", c[4]);
    }
    if (c[6]) {
        kt_xml_attr(p, kt_xml_add(p, e, "website", NULL), "href", c[6]);
    }
    kt_xml_texts(p, e, "description", lang, t);
    add_text(p, e, "decision-reason", c[10]);
    if (strcmp(c[1], "submitted") == 0) {
        if (o) {
            o->name = c[2];
            o->registry_number = c[3];
            o->municipality = c[4];
            o->website = c[6];
            o->description = t[lang];
        }
        if (stamp) {
            *stamp = c[12];
        }
    }
    return st;
}
