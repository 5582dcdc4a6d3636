/* Projects as the public sees them; see kt_projects.h.  The list's filters
 * are the table kt_project_filters (src/lib/kt_project.c, kt_filter.h), read
 * through the one machinery every kind's list has, as the events' list does:
 * kt_search.h parses and makes URLs, kt_filter.h writes the conditions,
 * kt_search_check_codes checks the codes and reads q. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_projects.h"
#include "kt_project.h"
#include "kt_activity.h"
#include "kt_filter.h"
#include "kt_search.h"
#include "kt_search_page.h"
#include "kt_listpage.h"
#include "kt_http.h"
#include "kt_xml.h"

#define PAGE_SIZE 20

/* Helsinki's today, for "ended" and "active". */
#define PR_TODAY "(now() AT TIME ZONE 'Europe/Helsinki')::date"

/* A card: id, names (3), start, end, ended, running, funder code and name,
 * the other funder's name, objective code and name, grant, organisation id
 * and name.  `l.lang` in scope, the project as `v` (public_projects). */
#define PR_CARD \
    "v.id AS pr_id, v.title_fi, v.title_sv, v.title_en, to_char(v.start_date, 'YYYY-MM-DD')," \
    " to_char(v.end_date, 'YYYY-MM-DD'), v.end_date < " PR_TODAY "," \
    " coalesce(v.start_date <= " PR_TODAY ", true) AND coalesce(v.end_date >= " PR_TODAY ", true)," \
    " v.funder, kt_name(l.lang, fu.name_fi, fu.name_sv, fu.name_en), v.funder_name," \
    " v.objective, kt_name(l.lang, ob.name_fi, ob.name_sv, ob.name_en), v.grant_eur," \
    " o.id AS org_id, o.name"
#define PR_CARD_NCOLS 16

#define PR_CARD_FROM \
    " FROM public_projects v JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN project_funders fu ON fu.code = v.funder" \
    " LEFT JOIN project_objectives ob ON ob.code = v.objective"

#define PR_LANG " CROSS JOIN (SELECT %s::text AS lang) l"

/* The list, a template of the filter table (kt_filter_sql_expand, when the
 * module starts): its parameters (lang, q, qx, funder, objective, active),
 * then the offset.  One row always: the number of hits, then a card (NULLs
 * past the end).  Running ones first, newest start first; names in the
 * page's language. */
#define PR_SQL_SEARCH \
    "@PARAMS@)" \
    ", hits AS (SELECT " PR_CARD ", v.start_date AS s_d, v.end_date AS e_d" PR_CARD_FROM \
    " CROSS JOIN p CROSS JOIN (SELECT p.lang FROM p) l WHERE @WHERE@)" \
    " SELECT (SELECT count(*) FROM hits), h.* FROM (SELECT 1) one LEFT JOIN LATERAL" \
    " (SELECT hits.* FROM hits CROSS JOIN p ORDER BY hits.e_d < " PR_TODAY \
    ",  hits.s_d DESC NULLS LAST," \
    "  kt_name(p.lang, hits.title_fi, hits.title_sv, hits.title_en) COLLATE kt_fi, hits.pr_id" \
    "  LIMIT 20 OFFSET %s::int) h ON true"

/* The filter form's vocabularies: funder, objective; %s lang. */
static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_projects_vocab",
    "SELECT k, code, name FROM ("
    "SELECT 1 AS o, 'funder' AS k, code, kt_name(%s, name_fi, name_sv, name_en) AS name,"
    " position AS pos FROM project_funders"
    " UNION ALL SELECT 2, 'objective', code, kt_name(%s, name_fi, name_sv, name_en), position"
    " FROM project_objectives) x ORDER BY o, pos" };

/* One project; %s lang, id.  Archived: the first column says so (410); not
 * public: no row (404). */
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_projects_full",
    "SELECT pj.archived_at IS NOT NULL, " PR_CARD ","
    " v.description_fi, v.description_sv, v.description_en,"
    " (SELECT string_agg(r.code || chr(31) || kt_name(l.lang, r.name_fi, r.name_sv, r.name_en),"
    "  chr(30) ORDER BY r.code) FROM regions r WHERE r.code::text = ANY (v.regions)),"
    " v.nationwide, v.contact_name, v.contact_email, v.contact_phone, v.url,"
    " (SELECT string_agg(po.id || chr(31) || po.name, chr(30) ORDER BY u.n)"
    "  FROM unnest(v.partners) WITH ORDINALITY u(id, n)"
    "  JOIN organisations po ON po.id = u.id AND po.status = 'approved'),"
    " o.business_id, to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    " FROM projects pj JOIN (SELECT x.id, x.organisation_id, x.updated_at, y.*"
    "  FROM projects x JOIN project_versions y ON y.project_id = x.id"
    "  AND y.version = x.published_version) v ON v.id = pj.id"
    " JOIN organisations o ON o.id = v.organisation_id AND o.status = 'approved'"
    " LEFT JOIN project_funders fu ON fu.code = v.funder"
    " LEFT JOIN project_objectives ob ON ob.code = v.objective" PR_LANG
    " WHERE pj.id = %s::bigint" };

/* The published activities that name the project. */
static const kt_stmt STMT_ACTIVITIES KT_STMT_LISTED = { "kt_projects_activities",
    "SELECT " KT_SUMMARY_COLUMNS
    " FROM public_activities a JOIN organisations o ON o.id = a.organisation_id"
    " LEFT JOIN municipalities m ON m.code = a.municipality_code"
    " CROSS JOIN (SELECT %s::text AS lang) p"
    " WHERE a.project_id = %s::bigint ORDER BY a.published_at DESC NULLS LAST, a.id DESC" };

/* An organisation's public projects, those it runs and those it is a partner
 * of (the first column: run | partner); %s lang, organisation twice. */
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_projects_by_org",
    "SELECT CASE WHEN v.organisation_id = %s::bigint THEN 'run' ELSE 'partner' END, " PR_CARD
    PR_CARD_FROM PR_LANG
    " WHERE v.organisation_id = %s::bigint OR %s::bigint = ANY (v.partners)"
    " ORDER BY v.end_date < " PR_TODAY ", v.start_date DESC NULLS LAST, v.id LIMIT 200" };

#define TABLE (&kt_project_filters)

static const kt_listpage list_page = { "/projects", TABLE, "KT0920: projects" };

/* The statements of the filter table, written when the module starts
 * (kt_projects_init): the list's; and those kt_search_kind_init builds, which
 * check the codes and read q. */
static kt_stmt stmt_search;
static const kt_stmt *built[3];
static int nbuilt;

const char *kt_projects_init(apr_pool_t *p)
{
    const kt_stmt *codes = NULL, *expand = NULL;
    const char *why = kt_search_kind_init(p, TABLE, &codes, &expand);

    if (why) {
        return why;
    }
    if (!codes) {
        return "the projects' filter table has no code filter";
    }
    stmt_search.label = "kt_projects_search";
    stmt_search.sql = kt_filter_sql_expand(p, TABLE, PR_SQL_SEARCH, 0);
    nbuilt = 0;
    built[nbuilt++] = &stmt_search;
    built[nbuilt++] = codes;
    built[nbuilt++] = expand;
    return NULL;
}

const kt_stmt *const *kt_projects_statements(int *n)
{
    *n = nbuilt;
    return built;
}

static int filled(const char *s)
{
    return s && *s;
}

static int is_true(const char *s)
{
    return s && s[0] == 't';
}

/* ---- a project's elements ------------------------------------------------------------- */

#define COL(i) kt_db_get(db, row, at + (i))

/* <project id start end ended running grant><name lang/><organisation id/>
 * <funder code/><objective code/></project> from PR_CARD's columns at `at`. */
static xmlNodePtr add_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr n = kt_xml_add(p, parent, "project", NULL), x;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };

    kt_xml_attr(p, n, "id", COL(0));
    kt_xml_attr(p, n, "start", COL(4));
    kt_xml_attr(p, n, "end", COL(5));
    kt_xml_attr(p, n, "ended", is_true(COL(6)) ? "true" : "false");
    kt_xml_attr(p, n, "running", is_true(COL(7)) ? "true" : "false");
    kt_xml_attr(p, n, "grant", COL(13));
    kt_xml_texts(p, n, "name", lang, t);
    x = kt_xml_add(p, n, "organisation", COL(15));
    kt_xml_attr(p, x, "id", COL(14));
    if (filled(COL(8))) {
        /* another funder is named as typed */
        x = kt_xml_add(p, n, "funder", filled(COL(10)) ? COL(10) : COL(9));
        kt_xml_attr(p, x, "code", COL(8));
    }
    if (filled(COL(11))) {
        kt_xml_attr(p, kt_xml_add(p, n, "objective", COL(12)), "code", COL(11));
    }
    return n;
}

/* "a US b RS …" as <list><item id|code>name</item>…</list>. */
static void packed_list(apr_pool_t *p, xmlNodePtr parent, const char *list, const char *item,
                        const char *key, const char *packed)
{
    xmlNodePtr l = kt_xml_add(p, parent, list, NULL);
    char *copy, *rec, *state = NULL;

    if (!packed) {
        return;
    }
    copy = apr_pstrdup(p, packed);
    for (rec = apr_strtok(copy, "\x1e", &state); rec; rec = apr_strtok(NULL, "\x1e", &state)) {
        char *sep = strchr(rec, '\x1f');
        if (sep) {
            *sep = '\0';
            kt_xml_attr(p, kt_xml_add(p, l, item, sep + 1), key, rec);
        }
    }
}

/* The rest of the full project (STMT_FULL after the card). */
static void add_details(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                        xmlNodePtr pr)
{
    const char *t[KT_LANG_COUNT] = { COL(0), COL(1), COL(2) };
    xmlNodePtr n, c;

    kt_xml_texts(p, pr, "description", lang, t);
    n = kt_xml_add(p, pr, "area", NULL);
    kt_xml_attr(p, n, "nationwide", is_true(COL(4)) ? "true" : "false");
    packed_list(p, n, "regions", "region", "code", COL(3));
    if (filled(COL(5)) || filled(COL(6)) || filled(COL(7))) {
        n = kt_xml_add(p, pr, "contact", NULL);
        kt_xml_attr(p, n, "name", COL(5));
        kt_xml_attr(p, n, "email", COL(6));
        kt_xml_attr(p, n, "phone", COL(7));
    }
    if (filled(COL(8))) {
        kt_xml_attr(p, kt_xml_add(p, pr, "link", NULL), "href", COL(8));
    }
    packed_list(p, pr, "partners", "partner", "id", COL(9));
    for (c = pr->children; c; c = c->next) {
        if (xmlStrcmp(c->name, BAD_CAST "organisation") == 0) {
            kt_xml_attr(p, c, "business-id", COL(10));
        }
    }
    kt_xml_attr(p, pr, "updated", COL(11));
}

#undef COL

kt_db_status kt_projects_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                xmlNodePtr parent)
{
    const char *args[4] = { org, kt_lang_codes[lang], org, org };
    xmlNodePtr list = kt_xml_add(p, parent, "projects", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_BY_ORG, &res, 4, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = add_card(db, p, lang, row, 1, list);
        kt_xml_attr(p, n, "role", kt_db_get(db, row, 0));
    }
    return st;
}

/* ---- the list: GET /{lang}/projects ---------------------------------------------------- */

static kt_db_status add_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang], *args[2] = { l, l };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st = kt_db_select(db, &STMT_VOCAB, &res, 2, args);

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

static kt_db_status results(kt_req *kr, kt_db *db, const kt_search *v, xmlNodePtr s,
                            int *total)
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
    args[n] = apr_itoa(p, (v->page - 1) * PAGE_SIZE);
    /* planned for the values: the filters fold away when not given (kt_db.h) */
    st = kt_db_select_custom(db, &stmt_search, &res, n + 1, args);
    *total = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        *total = atoi(kt_db_get(db, row, 0));
        if (kt_db_get(db, row, 1)) {
            add_card(db, p, kr->lang, row, 1, list);
            shown++;
        }
    }
    kt_xml_attr(p, list, "total", apr_itoa(p, *total));
    if (shown) {
        kt_xml_attr(p, list, "first", apr_itoa(p, (v->page - 1) * PAGE_SIZE + 1));
        kt_xml_attr(p, list, "last", apr_itoa(p, (v->page - 1) * PAGE_SIZE + shown));
    }
    else if (*total) {
        kt_xml_attr(p, list, "past-end", "true");
    }
    return st;
}

int kt_page_projects(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *path = kt_listpage_path(p, kr->lang, &list_page);
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
        return kt_listpage_bad_param(kr, &list_page, &err, pairs);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_search_check_codes(kr, db, &v, pairs, &unknown, &err);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (unknown) {
        return kt_listpage_bad_param(kr, &list_page, &err, pairs);
    }
    doc = kt_page_doc(kr, "projects", HTTP_OK);
    s = kt_xml_add(p, xmlDocGetRootElement(doc), "projects-search", NULL);
    kt_xml_attr(p, s, "page", apr_itoa(p, v.page));
    kt_xml_attr(p, s, "new-href", path);
    kt_listpage_asked(p, path, s, &v);
    st = add_vocab(db, p, kr->lang, s);
    if (st == KT_DB_OK) {
        st = results(kr, db, &v, s, &total);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    kt_listpage_pages(p, path, s, &v, total ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1);
    return kt_send_page(kr, "projects", doc, HTTP_OK);
}

/* ---- one project: GET /{lang}/projects/{id} --------------------------------------------- */

int kt_page_project(kt_req *kr, const char *id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { kt_lang_codes[kr->lang], id };
    xmlDocPtr doc;
    xmlNodePtr root, list;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    int found = 0, gone = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "project", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_FULL, &res, 2, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr pr;
        if (is_true(kt_db_get(db, row, 0))) {
            gone = 1;
            continue;
        }
        pr = add_card(db, p, kr->lang, row, 1, root);
        add_details(db, p, kr->lang, row, 1 + PR_CARD_NCOLS, pr);
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
        return kt_send_error(kr, gone ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "projects", doc, HTTP_OK);
}
