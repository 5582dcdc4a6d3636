/* Public organisation profiles; see kt_organisation.h.  Organisations still
 * waiting for a moderator, or rejected, do not exist for the public. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_organisation.h"
#include "kt_directory.h"
#include "kt_listpage.h"
#include "kt_search_page.h"
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

#define DIRECTORY_PAGE_SIZE 20

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
 * is, and every type; %s lang. */
static const kt_stmt STMT_DIRECTORY_VOCAB KT_STMT_LISTED = { "kt_org_directory_vocab",
    "SELECT k, code, name FROM ("
    "SELECT 1 AS o, 'municipality' AS k, m.code::text AS code,"
    " kt_name(%s, m.name_fi, m.name_sv, m.name_en) AS name, 0 AS pos FROM municipalities m"
    " WHERE EXISTS (SELECT 1 FROM organisations x WHERE x.municipality_code = m.code"
    "  AND x.status = 'approved')"
    " UNION ALL SELECT 2, 'type', code, kt_name(%s, name_fi, name_sv, name_en), position"
    " FROM organisation_types) v ORDER BY o, pos, name COLLATE kt_fi, code" };

#define TABLE (&kt_directory_filters)

static const kt_listpage directory_page = { "/organisations", TABLE, "KT0921: organisations" };

/* The directory's statement, and those kt_search_kind_init builds (codes, q). */
static kt_stmt stmt_directory;
static const kt_stmt *built[3];
static int nbuilt;

const char *kt_organisations_init(apr_pool_t *p)
{
    const kt_stmt *codes = NULL, *expand = NULL;
    const char *why = kt_search_kind_init(p, TABLE, &codes, &expand);

    if (why) {
        return why;
    }
    if (!codes) {
        return "the directory's filter table has no code filter";
    }
    stmt_directory.label = "kt_org_directory";
    stmt_directory.sql = kt_filter_sql_expand(p, TABLE, DIRECTORY_SQL, 0);
    nbuilt = 0;
    built[nbuilt++] = &stmt_directory;
    built[nbuilt++] = codes;
    built[nbuilt++] = expand;
    return NULL;
}

const kt_stmt *const *kt_organisations_statements(int *n)
{
    *n = nbuilt;
    return built;
}

static kt_db_status directory_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang], *args[2] = { l, l };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st = kt_db_select(db, &STMT_DIRECTORY_VOCAB, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *k = kt_db_get(db, row, 0);
        if (strcmp(k, current) != 0) {
            current = apr_pstrdup(p, k);
            list = kt_xml_add(p, parent, "options", NULL);
            kt_xml_attr(p, list, "for", current);
        }
        kt_xml_attr(p, kt_xml_add(p, list, "option", kt_db_get(db, row, 2)), "value",
                    kt_db_get(db, row, 1));
    }
    return st;
}

static kt_db_status directory_results(kt_req *kr, kt_db *db, const kt_search *v,
                                      xmlNodePtr s, int *total)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[KT_SEARCH_MAX_NARGS + 1];
    int n = KT_FILTER_NARGS(TABLE);
    xmlNodePtr list = kt_xml_add(p, s, "results", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int shown = 0;

    kt_search_sql_args(p, v, kt_lang_codes[kr->lang], args);
    args[n] = apr_itoa(p, (v->page - 1) * DIRECTORY_PAGE_SIZE);
    /* planned for the values: the filters fold away when not given (kt_db.h) */
    st = kt_db_select_custom(db, &stmt_directory, &res, n + 1, args);
    *total = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o, m;
        *total = atoi(kt_db_get(db, row, 0));
        if (!kt_db_get(db, row, 1)) {
            continue;
        }
        o = kt_xml_add(p, list, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 1));
        kt_xml_attr(p, o, "business-id", kt_db_get(db, row, 3));
        kt_xml_attr(p, o, "type-code", kt_db_get(db, row, 4));
        kt_xml_add(p, o, "name", kt_db_get(db, row, 2));
        kt_xml_add(p, o, "type", kt_db_get(db, row, 5));
        if (kt_db_get(db, row, 6)) {
            m = kt_xml_add(p, o, "municipality", kt_db_get(db, row, 7));
            kt_xml_attr(p, m, "code", kt_db_get(db, row, 6));
        }
        shown++;
    }
    kt_xml_attr(p, list, "total", apr_itoa(p, *total));
    if (shown) {
        kt_xml_attr(p, list, "first", apr_itoa(p, (v->page - 1) * DIRECTORY_PAGE_SIZE + 1));
        kt_xml_attr(p, list, "last", apr_itoa(p, (v->page - 1) * DIRECTORY_PAGE_SIZE + shown));
    }
    else if (*total) {
        kt_xml_attr(p, list, "past-end", "true");
    }
    return st;
}

int kt_page_organisations(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *path = kt_listpage_path(p, kr->lang, &directory_page);
    kt_search v;
    apr_array_header_t *pairs;
    kt_search_error err;
    xmlDocPtr doc;
    xmlNodePtr s;
    kt_db *db;
    kt_db_status st;
    int unknown = 0, total = 0;
    (void)arg;

    if (!kt_search_parse(p, TABLE, kr->r->args, &v, &pairs, &err)) {
        return kt_listpage_bad_param(kr, &directory_page, &err, pairs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_search_check_codes(kr, db, &v, pairs, &unknown, &err);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (unknown) {
        return kt_listpage_bad_param(kr, &directory_page, &err, pairs);
    }
    doc = kt_page_doc(kr, "organisations", HTTP_OK);
    s = kt_xml_add(p, xmlDocGetRootElement(doc), "directory", NULL);
    kt_xml_attr(p, s, "page", apr_itoa(p, v.page));
    kt_xml_attr(p, s, "new-href", path);
    kt_listpage_asked(p, path, s, &v);
    st = directory_vocab(db, p, kr->lang, s);
    if (st == KT_DB_OK) {
        st = directory_results(kr, db, &v, s, &total);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    kt_listpage_pages(p, path, s, &v,
                      total ? (total + DIRECTORY_PAGE_SIZE - 1) / DIRECTORY_PAGE_SIZE : 1);
    return kt_send_page(kr, "organisation", doc, HTTP_OK);
}
