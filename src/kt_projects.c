/* Projects; see kt_projects.h. */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_projects.h"
#include "kt_activity.h"
#include "kt_http.h"
#include "kt_xml.h"

#define PROJECT_COLUMNS \
    "SELECT pr.id, pr.name, to_char(pr.start_date, 'YYYY-MM-DD'), to_char(pr.end_date, 'YYYY-MM-DD')," \
    " pr.eu_grant_eur, pr.funder, pr.national_objective, o.id, o.name," \
    " pr.description_fi, pr.description_sv, pr.description_en, pr.url" \
    " FROM projects pr JOIN organisations o ON o.id = pr.organisation_id AND o.status = 'approved'"

/* Newest first; the ones still running before those that ended. */
static const kt_stmt STMT_ALL KT_STMT_LISTED = { "kt_projects_all",
    PROJECT_COLUMNS " ORDER BY pr.end_date < current_date, pr.start_date DESC NULLS LAST,"
    " pr.name, pr.id" };

static const kt_stmt STMT_ONE KT_STMT_LISTED = { "kt_projects_one", PROJECT_COLUMNS " WHERE pr.id = %s::bigint" };

/* The published activities that name the project. */
static const kt_stmt STMT_ACTIVITIES KT_STMT_LISTED = { "kt_projects_activities",
    "SELECT " KT_SUMMARY_COLUMNS
    " FROM public_activities a JOIN organisations o ON o.id = a.organisation_id"
    " LEFT JOIN municipalities m ON m.code = a.municipality_code"
    " CROSS JOIN (SELECT %s::text AS lang) p"
    " WHERE a.project_id = %s::bigint ORDER BY a.published_at DESC NULLS LAST, a.id DESC" };

static xmlNodePtr add_project(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                              xmlNodePtr parent, int full)
{
    xmlNodePtr n = kt_xml_add(p, parent, "project", NULL), x;
    const char *d[KT_LANG_COUNT] = { kt_db_get(db, row, 9), kt_db_get(db, row, 10),
                                     kt_db_get(db, row, 11) };
#define COL(i) kt_db_get(db, row, (i))

    kt_xml_attr(p, n, "id", COL(0));
    kt_xml_attr(p, n, "start", COL(2));
    kt_xml_attr(p, n, "end", COL(3));
    kt_xml_attr(p, n, "eu-grant", COL(4));
    kt_xml_add(p, n, "name", COL(1));
    x = kt_xml_add(p, n, "organisation", COL(8));
    kt_xml_attr(p, x, "id", COL(7));
    if (COL(5)) {
        kt_xml_add(p, n, "funder", COL(5));
    }
    if (full && COL(6)) {
        kt_xml_add(p, n, "national-objective", COL(6));
    }
    if (full) {
        kt_xml_texts(p, n, "description", lang, d);
    }
    if (full && COL(12)) {
        kt_xml_attr(p, kt_xml_add(p, n, "link", NULL), "href", COL(12));
    }
#undef COL
    return n;
}

int kt_page_projects(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_page_doc(kr, "projects", HTTP_OK);
    xmlNodePtr list = kt_xml_add(p, xmlDocGetRootElement(doc), "projects", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    kt_db_status st = kt_db_open(kr->r, &db);
    (void)arg;

    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_ALL, &res, 0, NULL);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        add_project(db, p, kr->lang, row, list, 0);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "projects", doc, HTTP_OK);
}

int kt_page_project(kt_req *kr, const char *id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { id, NULL };
    xmlDocPtr doc;
    xmlNodePtr root, list;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    int found = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "project", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_ONE, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        add_project(db, p, kr->lang, row, root, 1);
        found = 1;
    }
    if (st == KT_DB_OK && found) {
        args[0] = kt_lang_codes[kr->lang];
        args[1] = id;
        list = kt_xml_add(p, root, "activities", NULL);
        row = NULL;
        st = kt_db_select(db, &STMT_ACTIVITIES, &res, 2, args);
        while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
            kt_activity_add_summary(db, p, kr->lang, row, list);
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "projects", doc, HTTP_OK);
}
