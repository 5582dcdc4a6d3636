/* Public organisation profiles; see kt_organisation.h.  Organisations still
 * waiting for a moderator, or rejected, do not exist for the public. */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_organisation.h"
#include "kt_directory.h"
#include "kt_listpage.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_engine.h"

static const kt_stmt STMT_PROFILE KT_STMT_LISTED = { "kt_org_profile",
    "SELECT o.id, o.name, o.business_id, o.type, kt_name(p.lang, t.name_fi, t.name_sv, t.name_en),"
    " o.municipality_code, kt_name(p.lang, m.name_fi, m.name_sv, m.name_en), o.website,"
    " o.description_fi, o.description_sv, o.description_en, o.registry_number"
    " FROM organisations o JOIN organisation_types t ON t.code = o.type"
    " LEFT JOIN municipalities m ON m.code = o.municipality_code"
    " CROSS JOIN (SELECT %s::text AS lang) p"
    " WHERE o.id = %s::bigint AND o.status = 'approved'" };

#define COL(i) kt_db_get(db, row, at + (i))

/* <organisation id business-id type-code><name/><type/><municipality code/>
 * from the columns at `at`: id, name, business ID, type code and name,
 * municipality code and name (STMT_PROFILE's, DIRECTORY_SQL's). */
static xmlNodePtr org_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr o = kt_xml_add(p, parent, "organisation", NULL);
    (void)lang;

    kt_xml_attr(p, o, "id", COL(0));
    kt_xml_attr(p, o, "business-id", COL(2));
    kt_xml_attr(p, o, "type-code", COL(3));
    kt_xml_add(p, o, "name", COL(1));
    kt_xml_add(p, o, "type", COL(4));
    if (COL(5)) {
        kt_xml_attr(p, kt_xml_add(p, o, "municipality", COL(6)), "code", COL(5));
    }
    return o;
}

#undef COL

kt_db_status kt_organisation_profile(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     xmlNodePtr parent, kt_found *found)
{
    const char *args[2] = { kt_lang_codes[lang], id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_PROFILE, &res, 2, args);
    int i;

    *found = KT_NOT_FOUND;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr org = org_card(db, p, lang, row, 0, parent);
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 8), kt_db_get(db, row, 9),
                                         kt_db_get(db, row, 10) };
        kt_xml_attr(p, org, "registry-number", kt_db_get(db, row, 11));
        if (kt_filled(kt_db_get(db, row, 7))) {
            kt_xml_attr(p, kt_xml_add(p, org, "website", NULL), "href", kt_db_get(db, row, 7));
        }
        kt_xml_texts(p, org, "description", lang, t);
        *found = KT_FOUND;
    }
    if (st != KT_DB_OK || *found != KT_FOUND) {
        return st;
    }
    /* every kind that lists an organisation's items, in the kinds' order: a new
     * kind appears here by its descriptor alone */
    for (i = 0; st == KT_DB_OK && kt_kind_table[i]; i++) {
        const kt_kind_ops *k = kt_kind_table[i];
        xmlNodePtr sec;
        if (!k->by_org) {
            continue;
        }
        sec = kt_xml_add(p, parent, "published", NULL);
        kt_xml_attr(p, sec, "kind", k->kind->names.name);
        kt_xml_attr(p, sec, "segment", k->kind->names.segment);
        st = k->by_org(db, p, lang, id, sec);
    }
    return st;
}

/* ---- the directory: GET /{lang}/organisations ------------------------------------------ */

/* Approved organisations, a template of the filter table (kt_filter_sql_expand,
 * when the module starts): its parameters (lang, q, qx, municipality, type),
 * then the offset.  One row always: the number of hits, then an organisation
 * (NULLs past the end), by name. */
#define DIRECTORY_SQL \
    "@PARAMS@)" \
    ", hits AS (SELECT o.id AS org_id, o.name, o.business_id, o.type," \
    " kt_name(p.lang, t.name_fi, t.name_sv, t.name_en), o.municipality_code," \
    " kt_name(p.lang, m.name_fi, m.name_sv, m.name_en)" \
    " FROM organisations o JOIN organisation_types t ON t.code = o.type" \
    " LEFT JOIN municipalities m ON m.code = o.municipality_code CROSS JOIN p" \
    " WHERE o.status = 'approved' AND @WHERE@)" \
    " SELECT (SELECT count(*) FROM hits), h.* FROM (SELECT 1) one LEFT JOIN LATERAL" \
    " (SELECT hits.* FROM hits ORDER BY hits.name COLLATE kt_fi, hits.org_id" \
    "  LIMIT 20 OFFSET %s::int) h ON true"

/* The search form's choices: municipalities where some approved organisation
 * is, and every type (no groups); %s lang. */
static const kt_stmt STMT_DIRECTORY_VOCAB KT_STMT_LISTED = { "kt_org_directory_vocab",
    "SELECT k, code, name, NULL::text FROM ("
    "SELECT 1 AS o, 'municipality' AS k, m.code::text AS code,"
    " kt_name(%s, m.name_fi, m.name_sv, m.name_en) AS name, 0 AS pos FROM municipalities m"
    " WHERE EXISTS (SELECT 1 FROM organisations x WHERE x.municipality_code = m.code"
    "  AND x.status = 'approved')"
    " UNION ALL SELECT 2, 'type', code, kt_name(%s, name_fi, name_sv, name_en), position"
    " FROM organisation_types) v ORDER BY o, pos, name COLLATE kt_fi, code" };

/* The directory's statement, and those kt_search_kind_init builds (codes, q). */
static kt_stmt stmt_directory;
static kt_listpage_built built;

static const kt_listpage_template templates[] = {
    { &stmt_directory, "kt_org_directory", DIRECTORY_SQL, 0 },
    { NULL, NULL, NULL, 0 }
};

static const kt_listpage directory_page = {
    "/organisations", &kt_directory_filters, "KT0921: organisations", "organisations",
    "organisation", "directory", templates, &built, &STMT_DIRECTORY_VOCAB, 2, org_card,
    NULL
};

const char *kt_organisations_init(apr_pool_t *p)
{
    return kt_listpage_init(p, &directory_page);
}

const kt_stmt *const *kt_organisations_statements(int *n)
{
    return kt_listpage_statements(&directory_page, n);
}

int kt_page_organisations(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_listpage_serve(kr, &directory_page);
}
