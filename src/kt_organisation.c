/* Public organisation profiles; see kt_organisation.h.  Organisations still
 * waiting for a moderator, or rejected, do not exist for the public. */
#include <apr_strings.h>
#include "kt_organisation.h"
#include "kt_xml.h"
#include "kt_events.h"
#include "kt_jobs.h"
#include "kt_networks.h"

static const kt_stmt STMT_PROFILE KT_STMT_LISTED = { "kt_org_profile",
    "SELECT o.id, o.name, o.business_id, o.type, kt_name(p.lang, t.name_fi, t.name_sv, t.name_en),"
    " o.municipality_code, kt_name(p.lang, m.name_fi, m.name_sv, m.name_en), o.website,"
    " o.description_fi, o.description_sv, o.description_en, o.registry_number"
    " FROM organisations o JOIN organisation_types t ON t.code = o.type"
    " LEFT JOIN municipalities m ON m.code = o.municipality_code"
    " CROSS JOIN (SELECT %s::text AS lang) p"
    " WHERE o.id = %s::bigint AND o.status = 'approved'" };

static const kt_stmt STMT_PROJECTS KT_STMT_LISTED = { "kt_org_projects",
    "SELECT id, name, start_date, end_date, eu_grant_eur FROM projects"
    " WHERE organisation_id = %s::bigint ORDER BY start_date DESC NULLS LAST, id" };

static kt_db_status add_projects(kt_db *db, apr_pool_t *p, const char *id, xmlNodePtr parent)
{
    const char *args[1] = { id };
    xmlNodePtr list = kt_xml_add(p, parent, "projects", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_PROJECTS, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "project", kt_db_get(db, row, 1));
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "start", kt_db_get(db, row, 2));
        kt_xml_attr(p, n, "end", kt_db_get(db, row, 3));
        kt_xml_attr(p, n, "eu-grant", kt_db_get(db, row, 4));
    }
    return st;
}

kt_db_status kt_organisation_profile(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     xmlNodePtr parent, kt_found *found)
{
    const char *args[2] = { kt_lang_codes[lang], id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_PROFILE, &res, 2, args);

    *found = KT_NOT_FOUND;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr org = kt_xml_add(p, parent, "organisation", NULL), n;
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 8), kt_db_get(db, row, 9),
                                         kt_db_get(db, row, 10) };
        kt_xml_attr(p, org, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, org, "business-id", kt_db_get(db, row, 2));
        kt_xml_attr(p, org, "type-code", kt_db_get(db, row, 3));
        kt_xml_attr(p, org, "registry-number", kt_db_get(db, row, 11));
        kt_xml_add(p, org, "name", kt_db_get(db, row, 1));
        kt_xml_add(p, org, "type", kt_db_get(db, row, 4));
        if (kt_db_get(db, row, 5)) {
            n = kt_xml_add(p, org, "municipality", kt_db_get(db, row, 6));
            kt_xml_attr(p, n, "code", kt_db_get(db, row, 5));
        }
        if (kt_db_get(db, row, 7) && *kt_db_get(db, row, 7)) {
            n = kt_xml_add(p, org, "website", NULL);
            kt_xml_attr(p, n, "href", kt_db_get(db, row, 7));
        }
        kt_xml_texts(p, org, "description", lang, t);
        *found = KT_FOUND;
    }
    if (st != KT_DB_OK || *found != KT_FOUND) {
        return st;
    }
    st = add_projects(db, p, id, parent);
    if (st == KT_DB_OK) {
        st = kt_activity_by_org(db, p, lang, id, kt_xml_add(p, parent, "activities", NULL));
    }
    if (st == KT_DB_OK) {
        st = kt_events_by_org(db, p, lang, id, parent);
    }
    if (st == KT_DB_OK) {
        st = kt_jobs_by_org(db, p, lang, id, parent);
        st = kt_networks_by_org(db, p, lang, id, parent);
    }
    return st;
}
