/* Projects as the public sees them; see kt_projects.h.  The list's filters
 * are the table kt_project_filters (src/lib/kt_project.c, kt_filter.h), read
 * through the one machinery every kind's list has, as the events' list does:
 * kt_search.h parses and makes URLs, kt_filter.h writes the conditions,
 * kt_search_check_codes checks the codes and reads q. */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_projects.h"
#include "kt_project.h"
#include "kt_activity.h"
#include "kt_listpage.h"
#include "kt_http.h"
#include "kt_xml.h"

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

/* The filter form's vocabularies: funder, objective (no groups); %s lang. */
static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_projects_vocab",
    "SELECT k, code, name, NULL::text FROM ("
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

/* The statements of the filter table, written when the module starts
 * (kt_projects_init): the list's; and those kt_search_kind_init builds, which
 * check the codes and read q. */
static kt_stmt stmt_search;
static kt_listpage_built built;

static const kt_listpage_template templates[] = {
    { &stmt_search, "kt_projects_search", PR_SQL_SEARCH, 0 },
    { NULL, NULL, NULL, 0 }
};

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
    kt_xml_attr(p, n, "ended", kt_is_true(COL(6)) ? "true" : "false");
    kt_xml_attr(p, n, "running", kt_is_true(COL(7)) ? "true" : "false");
    kt_xml_attr(p, n, "grant", COL(13));
    kt_xml_texts(p, n, "name", lang, t);
    x = kt_xml_add(p, n, "organisation", COL(15));
    kt_xml_attr(p, x, "id", COL(14));
    if (kt_filled(COL(8))) {
        /* another funder is named as typed */
        x = kt_xml_add(p, n, "funder", kt_filled(COL(10)) ? COL(10) : COL(9));
        kt_xml_attr(p, x, "code", COL(8));
    }
    if (kt_filled(COL(11))) {
        kt_xml_attr(p, kt_xml_add(p, n, "objective", COL(12)), "code", COL(11));
    }
    return n;
}

/* The rest of the full project (STMT_FULL after the card). */
static void add_details(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                        xmlNodePtr pr)
{
    const char *t[KT_LANG_COUNT] = { COL(0), COL(1), COL(2) };
    xmlNodePtr n;

    kt_xml_texts(p, pr, "description", lang, t);
    n = kt_xml_add(p, pr, "area", NULL);
    kt_xml_attr(p, n, "nationwide", kt_is_true(COL(4)) ? "true" : "false");
    kt_packed_list(p, n, "regions", "region", "code", COL(3));
    kt_card_contact(p, pr, COL(5), COL(6), COL(7));
    kt_card_link(p, pr, COL(8));
    kt_packed_list(p, pr, "partners", "partner", "id", COL(9));
    kt_card_business_id(p, pr, COL(10));
    kt_xml_attr(p, pr, "updated", COL(11));
}

/* A card on an organisation's profile (STMT_BY_ORG): whether it runs the
 * project or is a partner, then the card. */
static xmlNodePtr org_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr n = add_card(db, p, lang, row, at + 1, parent);
    kt_xml_attr(p, n, "role", COL(0));
    return n;
}

#undef COL

/* <activities> of the project's page: the published ones that name it. */
static kt_db_status activities(kt_req *kr, kt_db *db, const char *id, xmlNodePtr pr)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { kt_lang_codes[kr->lang], id };
    xmlNodePtr list = kt_xml_add(p, pr->parent, "activities", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_ACTIVITIES, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_activity_add_summary(db, p, kr->lang, row, list);
    }
    return st;
}

/* ---- the pages: GET /{lang}/projects, /{lang}/projects/{id}; an organisation's ------------ */

static const kt_listpage list_page = {
    "/projects", &kt_project_filters, "KT0920: projects", "projects", "projects",
    "projects-search", templates, &built, &STMT_VOCAB, 2, add_card, NULL
};

static const kt_itempage item_page = {
    "project", "projects", &STMT_FULL, add_card, PR_CARD_NCOLS, add_details, activities
};

const char *kt_projects_init(apr_pool_t *p)
{
    return kt_listpage_init(p, &list_page);
}

const kt_stmt *const *kt_projects_statements(int *n)
{
    return kt_listpage_statements(&list_page, n);
}

kt_db_status kt_projects_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                xmlNodePtr parent)
{
    const char *args[4] = { org, kt_lang_codes[lang], org, org };
    return kt_cards(db, p, lang, &STMT_BY_ORG, 4, args, "projects", org_card, parent);
}

int kt_page_projects(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_listpage_serve(kr, &list_page);
}

int kt_page_project(kt_req *kr, const char *id)
{
    return kt_itempage_serve(kr, &item_page, id);
}
