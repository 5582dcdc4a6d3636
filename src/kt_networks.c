/* Networks of organisations; see kt_networks.h and HACKING.md, "Networks".
 * The list's filters are the table kt_network_filters (src/lib/kt_network.c),
 * read through the one machinery every kind's list has: kt_search.h parses
 * and makes URLs, kt_filter.h writes the conditions of the statement's
 * template (kt_network_sql.h), kt_search_check_codes checks the codes and
 * reads q.
 *
 * Membership (network_members): a row is a request ('pending') or a member
 * ('active'); declining, leaving and removing delete it.  Each change is one
 * transaction: the row, an audit line (object the network, action
 * network.*, the organisation's name as its detail) and a mail to the main
 * users of the other side, each in their language. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_networks.h"
#include "kt_network.h"
#include "kt_network_sql.h"
#include "kt_listpage.h"
#include "kt_formpage.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_audit.h"
#include "kt_mail.h"
#include "kt_csrf.h"
#include "kt_session.h"
#include "kt_throttle.h"
#include "kt_xml.h"

/* The form's vocabularies: audience, region, municipality (with its region). */
static const kt_stmt STMT_VOCAB KT_STMT_LISTED = { "kt_networks_vocab",
    "SELECT k, code, name, g FROM ("
    "SELECT 1 AS o, 'audience' AS k, code, kt_name(%s, name_fi, name_sv, name_en) AS name,"
    " position AS pos, NULL::text AS g FROM network_audiences"
    " UNION ALL SELECT 2, 'region', code::text, kt_name(%s, name_fi, name_sv, name_en), 0, NULL"
    " FROM regions"
    " UNION ALL SELECT 3, 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0,"
    " region_code::text FROM municipalities) x ORDER BY o, pos, name COLLATE kt_fi, code" };

/* One network as the public sees it; lang, id.  Archived: the first column
 * says so (410); not public: no row (404). */
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_networks_full",
    "WITH l AS (SELECT %s::text AS lang)"
    " SELECT n.archived_at IS NOT NULL, " KT_NW_SQL_CARD ","
    " to_char(n.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " v.description_fi, v.description_sv, v.description_en,"
    " v.activities_fi, v.activities_sv, v.activities_en, v.resources_fi, v.resources_sv,"
    " v.resources_en, v.benefits_fi, v.benefits_sv, v.benefits_en, v.evaluation_fi,"
    " v.evaluation_sv, v.evaluation_en, v.contact_name, v.contact_email, v.contact_phone,"
    " v.url, o.business_id"
    " FROM networks n JOIN (SELECT nn.id, nn.organisation_id, x.* FROM networks nn"
    "  JOIN network_versions x ON x.network_id = nn.id AND x.version = nn.published_version) v"
    "  ON v.id = n.id"
    " JOIN organisations o ON o.id = n.organisation_id AND o.status = 'approved'"
    " LEFT JOIN regions rg ON rg.code = v.region_code CROSS JOIN l"
    " WHERE n.id = %s::bigint" };

/* The members a page shows: approved organisations, by name. */
static const kt_stmt STMT_MEMBERS KT_STMT_LISTED = { "kt_networks_members",
    "SELECT o.id, o.name FROM network_members nm JOIN organisations o"
    " ON o.id = nm.organisation_id AND o.status = 'approved'"
    " WHERE nm.network_id = %s::bigint AND nm.status = 'active'"
    " ORDER BY lower(o.name) COLLATE kt_fi, o.id" };

/* An organisation's public networks: those it coordinates, then those it
 * belongs to; lang, organisation. */
static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_networks_by_org",
    "SELECT v.id, v.title_fi, v.title_sv, v.title_en,"
    " CASE WHEN v.organisation_id = %s::bigint THEN 'coordinator' ELSE 'member' END AS role"
    " FROM public_networks v WHERE v.organisation_id = %s::bigint"
    " OR EXISTS (SELECT 1 FROM network_members nm WHERE nm.network_id = v.id"
    "  AND nm.organisation_id = %s::bigint AND nm.status = 'active')"
    " ORDER BY role, lower(kt_name(%s, v.title_fi, v.title_sv, v.title_en)) COLLATE kt_fi, v.id"
    " LIMIT 200" };

/* ---- membership statements ---------------------------------------------------------- */

/* The editor page's rows: every member and request (any organisation state),
 * with when; network id. */
static const kt_stmt STMT_ROWS KT_STMT_LISTED = { "kt_networks_rows",
    "SELECT o.id, o.name, nm.status,"
    " to_char(nm.requested_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " to_char(nm.decided_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI'),"
    " o.status FROM network_members nm JOIN organisations o ON o.id = nm.organisation_id"
    " WHERE nm.network_id = %s::bigint"
    " ORDER BY nm.status DESC, lower(o.name) COLLATE kt_fi, o.id" };

/* Approved organisations that are neither the coordinator nor in the
 * network yet: those the coordinator can add; network id. */
static const kt_stmt STMT_CANDIDATES KT_STMT_LISTED = { "kt_networks_candidates",
    "SELECT o.id, o.name FROM organisations o JOIN networks n ON n.id = %s::bigint"
    " WHERE o.status = 'approved' AND o.id <> n.organisation_id"
    " AND NOT EXISTS (SELECT 1 FROM network_members nm WHERE nm.network_id = n.id"
    "  AND nm.organisation_id = o.id AND nm.status = 'active')"
    " ORDER BY lower(o.name) COLLATE kt_fi, o.id LIMIT 5000" };

/* The organisation's name when it is approved and not the network's
 * coordinator; network, organisation. */
static const kt_stmt STMT_ORG_NAME KT_STMT_LISTED = { "kt_networks_org_name",
    "SELECT o.name FROM organisations o JOIN networks n ON n.id = %s::bigint"
    " WHERE o.id = %s::bigint AND o.status = 'approved' AND o.id <> n.organisation_id" };

/* The coordinator adds a member, or approves a request (the same row). */
static const kt_stmt STMT_ADD KT_STMT_LISTED = { "kt_networks_add",
    "INSERT INTO network_members AS nm (network_id, organisation_id, status, requested_by,"
    " decided_at, decided_by) VALUES (%s::bigint, %s::bigint, 'active', %s::bigint, now(),"
    " %s::bigint) ON CONFLICT (network_id, organisation_id) DO UPDATE"
    " SET status = 'active', decided_at = now(), decided_by = excluded.decided_by"
    " WHERE nm.status = 'pending' RETURNING 1" };

static const kt_stmt STMT_APPROVE KT_STMT_LISTED = { "kt_networks_approve",
    "UPDATE network_members SET status = 'active', decided_at = now(), decided_by = %s::bigint"
    " WHERE network_id = %s::bigint AND organisation_id = %s::bigint AND status = 'pending'"
    " RETURNING 1" };

/* Declining, removing, leaving and taking back a request: the row goes;
 * its status before (pending or active), or no row.  network, organisation,
 * the status it must have (NULL: either). */
static const kt_stmt STMT_DELETE KT_STMT_LISTED = { "kt_networks_delete",
    "DELETE FROM network_members WHERE network_id = %s::bigint AND organisation_id = %s::bigint"
    " AND (%s::text IS NULL OR status = %s::text) RETURNING status" };

/* A request to join a public network, by one of the organisation's active
 * main users; network, organisation, user. */
static const kt_stmt STMT_REQUEST KT_STMT_LISTED = { "kt_networks_request",
    "INSERT INTO network_members (network_id, organisation_id, status, requested_by)"
    " SELECT v.id, o.id, 'pending', u.user_id FROM public_networks v"
    " JOIN organisations o ON o.id = %s::bigint AND o.status = 'approved'"
    "  AND o.id <> v.organisation_id"
    " JOIN memberships u ON u.organisation_id = o.id AND u.user_id = %s::bigint"
    "  AND u.role = 'main' AND u.status = 'active'"
    " WHERE v.id = %s::bigint ON CONFLICT DO NOTHING RETURNING 1" };

/* Whether the user is an active main user of the organisation; user, org. */
static const kt_stmt STMT_IS_MAIN KT_STMT_LISTED = { "kt_networks_is_main",
    "SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " WHERE m.user_id = %s::bigint AND m.organisation_id = %s::bigint AND m.role = 'main'"
    " AND m.status = 'active'" };

/* A network's names (its public version, or its latest), its coordinator
 * and whether it is public; for anyone when it is public, else only for a
 * main user of an organisation in it (to leave it); id, user. */
static const kt_stmt STMT_NETWORK KT_STMT_LISTED = { "kt_networks_network",
    "SELECT v.title_fi, v.title_sv, v.title_en, o.id, o.name,"
    " n.published_version IS NOT NULL AND n.archived_at IS NULL AND o.status = 'approved'"
    " FROM networks n JOIN network_versions v ON v.network_id = n.id"
    "  AND v.version = coalesce(n.published_version, n.latest_version)"
    " JOIN organisations o ON o.id = n.organisation_id WHERE n.id = %s::bigint"
    " AND ((n.published_version IS NOT NULL AND n.archived_at IS NULL AND o.status = 'approved')"
    "  OR EXISTS (SELECT 1 FROM network_members nm JOIN memberships m"
    "   ON m.organisation_id = nm.organisation_id AND m.user_id = %s::bigint"
    "   AND m.role = 'main' AND m.status = 'active' WHERE nm.network_id = n.id))" };

/* The coordinator of a network; id. */
static const kt_stmt STMT_COORDINATOR KT_STMT_LISTED = { "kt_networks_coordinator",
    "SELECT organisation_id FROM networks WHERE id = %s::bigint" };

/* The person's organisations (as main user) and where each stands with the
 * network; network, user. */
static const kt_stmt STMT_MY_ORGS KT_STMT_LISTED = { "kt_networks_my_orgs",
    "SELECT o.id, o.name, o.status, nm.status, o.id = n.organisation_id"
    " FROM memberships m JOIN organisations o ON o.id = m.organisation_id"
    " JOIN networks n ON n.id = %s::bigint"
    " LEFT JOIN network_members nm ON nm.network_id = n.id AND nm.organisation_id = o.id"
    " WHERE m.user_id = %s::bigint AND m.role = 'main' AND m.status = 'active'"
    " ORDER BY lower(o.name) COLLATE kt_fi, o.id" };

/* Who hears of a change: the active main users of one organisation, the
 * network's name in each one's language (its public version, or the
 * latest), and the other organisation's name; network, to, other. */
static const kt_stmt STMT_MAIL_TO KT_STMT_LISTED = { "kt_networks_mail_to",
    "SELECT u.email, u.first_name, u.lang, kt_name(u.lang, v.title_fi, v.title_sv, v.title_en),"
    " (SELECT name FROM organisations WHERE id = %s::bigint)"
    " FROM networks n JOIN network_versions v ON v.network_id = n.id"
    "  AND v.version = coalesce(n.published_version, n.latest_version)"
    " JOIN memberships m ON m.organisation_id = %s::bigint AND m.role = 'main'"
    "  AND m.status = 'active'"
    " JOIN users u ON u.id = m.user_id AND u.deleted_at IS NULL"
    " WHERE n.id = %s::bigint" };

/* The workspace: the networks the person's organisations are in or asked
 * to join; lang, user. */
static const kt_stmt STMT_WORKSPACE KT_STMT_LISTED = { "kt_networks_workspace",
    "SELECT n.id, o.id, o.name, nm.status, v.title_fi, v.title_sv, v.title_en,"
    " n.published_version IS NOT NULL AND n.archived_at IS NULL"
    " FROM memberships m JOIN network_members nm ON nm.organisation_id = m.organisation_id"
    " JOIN organisations o ON o.id = m.organisation_id"
    " JOIN networks n ON n.id = nm.network_id"
    " JOIN network_versions v ON v.network_id = n.id"
    "  AND v.version = coalesce(n.published_version, n.latest_version)"
    " WHERE m.user_id = %s::bigint AND m.status = 'active'"
    " ORDER BY lower(o.name) COLLATE kt_fi, o.id,"
    " lower(kt_name(%s, v.title_fi, v.title_sv, v.title_en)) COLLATE kt_fi, n.id LIMIT 500" };

/* The workspace: the networks an organisation coordinates whose main user
 * the person is, with the requests to join that wait for a decision, and
 * how many; user, lang.  A request waits on the network's members page
 * (kt_networks_members_xml) until it is approved or declined. */
static const kt_stmt STMT_WORKSPACE_REQUESTS KT_STMT_LISTED = { "kt_networks_workspace_requests",
    "SELECT n.id, v.title_fi, v.title_sv, v.title_en, count(*)"
    " FROM memberships m JOIN networks n ON n.organisation_id = m.organisation_id"
    " JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'pending'"
    " JOIN network_versions v ON v.network_id = n.id"
    "  AND v.version = coalesce(n.published_version, n.latest_version)"
    " WHERE m.user_id = %s::bigint AND m.role = 'main' AND m.status = 'active'"
    " GROUP BY n.id, v.title_fi, v.title_sv, v.title_en"
    " ORDER BY lower(kt_name(%s, v.title_fi, v.title_sv, v.title_en)) COLLATE kt_fi, n.id"
    " LIMIT 500" };

/* The statements of the filter table, written when the module starts
 * (kt_networks_init): the list's; and those kt_search_kind_init builds, which
 * check the codes and read q. */
static kt_stmt stmt_search;
static kt_listpage_built built;

static const kt_listpage_template templates[] = {
    { &stmt_search, "kt_networks_search", KT_NW_SQL_SEARCH, 0 },
    { NULL, NULL, NULL, 0 }
};

/* ---- a network's elements ------------------------------------------------------------ */

#define COL(i) kt_db_get(db, row, at + (i))

/* The card of KT_NW_SQL_CARD's columns from `at`. */
static xmlNodePtr add_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr nw = kt_xml_add(p, parent, "network", NULL), area;
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };

    kt_xml_attr(p, nw, "id", COL(0));
    kt_xml_texts(p, nw, "title", lang, t);
    area = kt_xml_add(p, nw, "area", NULL);
    kt_xml_attr(p, area, "kind", COL(4));
    if (kt_filled(COL(5))) {
        kt_xml_attr(p, kt_xml_add(p, area, "region", COL(6)), "code", COL(5));
    }
    kt_packed_list(p, area, "municipalities", "municipality", "code", COL(7));
    kt_packed_list(p, nw, "audiences", "audience", "code", COL(8));
    kt_xml_attr(p, kt_xml_add(p, nw, "organisation", COL(10)), "id", COL(9));
    kt_xml_attr(p, kt_xml_add(p, nw, "members", NULL), "count", COL(11));
    return nw;
}

/* <list name lang><item>…</item>…</list>: the items of the best language's text. */
static void add_list(apr_pool_t *p, kt_lang lang, xmlNodePtr parent, const char *name,
                     const char *const t[KT_LANG_COUNT])
{
    int pick = kt_text_pick(lang, t), i;
    apr_array_header_t *items;
    xmlNodePtr l;

    if (pick < 0) {
        return;
    }
    items = kt_network_items(p, t[pick]);
    l = kt_xml_add(p, parent, "list", NULL);
    kt_xml_attr(p, l, "name", name);
    kt_xml_attr(p, l, "lang", kt_lang_codes[pick]);
    for (i = 0; i < items->nelts; i++) {
        kt_xml_add(p, l, "item", APR_ARRAY_IDX(items, i, const char *));
    }
}

/* The rest of the full network (STMT_FULL after the card). */
static void add_details(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                        xmlNodePtr nw)
{
    const char *d[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };
    int l;

    kt_xml_attr(p, nw, "updated", COL(0));
    kt_xml_texts(p, nw, "description", lang, d);
    for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
        const char *t[KT_LANG_COUNT] = { COL(4 + 3 * l), COL(5 + 3 * l), COL(6 + 3 * l) };
        add_list(p, lang, nw, kt_network_lists[l], t);
    }
    kt_card_contact(p, nw, COL(16), COL(17), COL(18));
    kt_card_link(p, nw, COL(19));
    kt_card_business_id(p, nw, COL(20));
}

/* An item of an organisation's networks (STMT_BY_ORG): <network id role><title/>. */
static xmlNodePtr org_card(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                           xmlNodePtr parent)
{
    xmlNodePtr n = kt_xml_add(p, parent, "network", NULL);
    const char *t[KT_LANG_COUNT] = { COL(1), COL(2), COL(3) };

    kt_xml_attr(p, n, "id", COL(0));
    kt_xml_attr(p, n, "role", COL(4));
    kt_xml_texts(p, n, "title", lang, t);
    return n;
}

#undef COL

/* <member-organisations> of the network page: approved active members. */
static kt_db_status members(kt_req *kr, kt_db *db, const char *id, xmlNodePtr nw)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { id };
    xmlNodePtr list = kt_xml_add(p, nw, "member-organisations", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_MEMBERS, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_xml_attr(p, kt_xml_add(p, list, "organisation", kt_db_get(db, row, 1)), "id",
                    kt_db_get(db, row, 0));
    }
    return st;
}

/* ---- the pages: GET /{lang}/networks, /{lang}/networks/{id}; an organisation's ------------ */

static const kt_listpage list_page = {
    "/networks", &kt_network_filters, "KT1101: networks", "networks", "networks",
    "networks-search", templates, &built, &STMT_VOCAB, 3, add_card, NULL
};

static const kt_itempage item_page = {
    "network", "networks", &STMT_FULL, add_card, KT_NW_SQL_CARD_NCOLS, add_details, members
};

const char *kt_networks_init(apr_pool_t *p)
{
    return kt_listpage_init(p, &list_page);
}

const kt_stmt *const *kt_networks_statements(int *n)
{
    return kt_listpage_statements(&list_page, n);
}

kt_db_status kt_networks_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                xmlNodePtr parent)
{
    const char *args[4] = { org, org, org, kt_lang_codes[lang] };
    return kt_cards(db, p, lang, &STMT_BY_ORG, 4, args, "networks", org_card, parent);
}

int kt_page_networks(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_listpage_serve(kr, &list_page);
}

int kt_page_network(kt_req *kr, const char *arg)
{
    return kt_itempage_serve(kr, &item_page, arg);
}

/* ---- membership: audit and mail ------------------------------------------------------------ */

typedef struct {
    const char *email, *first_name, *lang, *title, *other;
} recipient;

static const char *copy(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : NULL;
}

/* Mails `kind` (mail.KIND.*, with {name}, {title}: the network, and
 * {organisation}: the other side) to the active main users of `to`, with a
 * link to `path` (after /{lang}). */
static kt_db_status mail_side(kt_req *kr, kt_db *db, const char *network, const char *to,
                              const char *other, const char *kind, const char *path)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[3] = { other, to, network };
    apr_array_header_t *all = apr_array_make(p, 2, sizeof(recipient));
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_MAIL_TO, &res, 3, args);
    int i;

    /* every row first: the connection runs one statement at a time */
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        recipient *r = apr_array_push(all);
        r->email = copy(p, kt_db_get(db, row, 0));
        r->first_name = copy(p, kt_db_get(db, row, 1));
        r->lang = copy(p, kt_db_get(db, row, 2));
        r->title = copy(p, kt_db_get(db, row, 3));
        r->other = copy(p, kt_db_get(db, row, 4));
    }
    for (i = 0; st == KT_DB_OK && i < all->nelts; i++) {
        const recipient *r = &APR_ARRAY_IDX(all, i, recipient);
        int lang = kt_lang_from_code(r->lang);
        kt_mail_var vars[] = { { "name", r->first_name }, { "title", r->title },
                               { "organisation", r->other }, { NULL, NULL } };
        if (lang < 0) {
            lang = KT_LANG_FI;
        }
        st = kt_mail_queue(kr, db, r->email, (kt_lang)lang, kind,
                           kt_site_url(kr, apr_pstrcat(p, "/", kt_lang_codes[lang], path, NULL)),
                           vars);
    }
    return st;
}

/* Every change of members mails someone: at most 30 an hour by one person
 * and 60 an hour about one network.  Counted before the change's
 * transaction (a refused one must still count), for requests that name an
 * organisation and an action. */
static const kt_rate RATE_MEMBERS_USER = { "network_members_user", 30, 3600 };
static const kt_rate RATE_MEMBERS_NETWORK = { "network_members_network", 60, 3600 };

/* Counts a change (429 over a rate), then begins its transaction: DECLINED
 * to go on, with *st; else the answer sent. */
static int member_begin(kt_req *kr, kt_db *db, const char *network, kt_db_status *st)
{
    apr_pool_t *p = kr->r->pool;
    int wait = 0;

    *st = kt_rate_hit(db, &RATE_MEMBERS_USER, apr_pstrcat(p, "user-", kr->session->user_id, NULL),
                      &RATE_MEMBERS_NETWORK, apr_pstrcat(p, "network-", network, NULL), &wait);
    if (*st == KT_DB_OK && wait > 0) {
        return kt_throttle_answer(kr, wait, "network members", "error.429.network.detail");
    }
    if (*st == KT_DB_OK) {
        *st = kt_db_begin(db);
    }
    return DECLINED;
}

/* ---- the coordinator's side: the editor page and POST …/{id}/members ------------------------- */

kt_db_status kt_networks_members_xml(kt_req *kr, kt_db *db, const kt_listing_meta *m,
                                     xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { m->id };
    const char *done = kt_query_param(kr, "done");
    static const char *const known[] = { "member_added", "member_approved", "member_declined",
                                         "member_removed", "member_unchanged", NULL };
    xmlNodePtr list = kt_xml_add(p, parent, "network-members", NULL), opts;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int i;

    kt_xml_attr(p, list, "action", apr_pstrcat(p, "/", kt_lang_codes[kr->lang], "/manage/networks/",
                                               m->id, "/members", NULL));
    kt_xml_attr(p, list, "csrf", kt_csrf_token(kr));
    kt_xml_attr(p, list, "archived", m->archived ? "true" : "false");
    for (i = 0; done && known[i]; i++) {
        if (strcmp(done, known[i]) == 0) {
            kt_xml_attr(p, kt_xml_add(p, list, "notice", NULL), "code", done);
        }
    }
    st = kt_db_select(db, &STMT_ROWS, &res, 1, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "member", NULL);
        kt_xml_attr(p, n, "organisation-id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "status", kt_db_get(db, row, 2));
        kt_xml_attr(p, n, "requested", kt_db_get(db, row, 3));
        kt_xml_attr(p, n, "decided", kt_db_get(db, row, 4));
        kt_xml_attr(p, n, "organisation-status", kt_db_get(db, row, 5));
        kt_xml_add(p, n, "name", kt_db_get(db, row, 1));
    }
    if (st != KT_DB_OK || m->archived) {
        return st;
    }
    opts = kt_xml_add(p, list, "candidates", NULL);
    st = kt_db_select(db, &STMT_CANDIDATES, &res, 1, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_xml_attr(p, kt_xml_add(p, opts, "option", kt_db_get(db, row, 1)), "value",
                    kt_db_get(db, row, 0));
    }
    return st;
}

typedef struct {
    const char *action;      /* the form's action */
    const char *audit;       /* network.… */
    const char *mail;        /* mail kind to the organisation */
    const char *done;        /* the notice */
    const char *link;        /* the mail's link: the membership page (after
                              * /manage/networks/ID), or NULL: the public page */
} member_action;

static const member_action member_actions[] = {
    { "add", "network.member_add", "network_member_added", "member_added", "/join" },
    { "approve", "network.join_approve", "network_join_approved", "member_approved", "/join" },
    { "decline", "network.join_decline", "network_join_declined", "member_declined", NULL },
    { "remove", "network.member_remove", "network_member_removed", "member_removed", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* One change by the coordinator, in the caller's transaction: *changed 0
 * when there was nothing to change (a stale button). */
static kt_db_status member_change(kt_db *db, const kt_listing_meta *m, const member_action *a,
                                  const char *user, const char *org, int *changed)
{
    const char *one = NULL;
    kt_db_status st;

    *changed = 0;
    if (strcmp(a->action, "add") == 0) {
        const char *args[4] = { m->id, org, user, user };
        if (m->archived) {
            return KT_DB_OK;
        }
        st = kt_db_value(db, &STMT_ADD, &one, 4, args);
    }
    else if (strcmp(a->action, "approve") == 0) {
        const char *args[3] = { user, m->id, org };
        if (m->archived) {
            return KT_DB_OK;
        }
        st = kt_db_value(db, &STMT_APPROVE, &one, 3, args);
    }
    else {
        const char *status = strcmp(a->action, "decline") == 0 ? "pending" : "active";
        const char *args[4] = { m->id, org, status, status };
        st = kt_db_value(db, &STMT_DELETE, &one, 4, args);
    }
    *changed = one != NULL;
    return st;
}

int kt_page_network_members(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const kt_kind_ops *k = kt_engine_ops(&kt_kind_network);
    const char *org = kt_form_field(kr, "organisation"), *action = kt_form_field(kr, "action");
    const char *user = kr->session->user_id, *name = NULL, *done;
    const member_action *a = member_actions;
    const char *args[2];
    kt_listing_meta m;
    kt_db *db;
    kt_db_status st;
    int found = 0, changed = 0, rv;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    while (a->action && strcmp(a->action, action) != 0) {
        a++;
    }
    if (!a->action || !kt_parse_id(org)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT1103: network %s: no such member action or organisation", arg);
        return kt_send_error(kr, HTTP_BAD_REQUEST, NULL, kt_text(kr, "network.members.bad"));
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK && (rv = member_begin(kr, db, arg, &st)) != DECLINED) {
        return rv;
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    /* the coordinator's active members only, the row locked for the change */
    st = kt_engine_meta(db, k, arg, user, 1, &m, &found);
    if (st == KT_DB_OK && !found) {
        kt_db_end(db, 1);
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT1102: user %s may not change the members of network %s", user, arg);
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (st == KT_DB_OK) {
        args[0] = arg;
        args[1] = org;
        st = kt_db_value(db, &STMT_ORG_NAME, &name, 2, args);
    }
    if (st == KT_DB_OK && name) {
        st = member_change(db, &m, a, user, org, &changed);
    }
    if (st == KT_DB_OK && changed) {
        st = kt_audit(db, user, a->audit, "network", arg, NULL, name);
    }
    if (st == KT_DB_OK && changed) {
        st = mail_side(kr, db, arg, org, m.organisation_id, a->mail,
                       a->link ? apr_pstrcat(p, "/manage/networks/", arg, a->link, NULL)
                               : apr_pstrcat(p, "/networks/", arg, NULL));
    }
    st = kt_db_finish(db, st);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    done = changed ? a->done : "member_unchanged";
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(p, "/", kt_lang_codes[kr->lang], "/manage/networks/", arg,
                                        "?done=", done, "#members", NULL));
}

/* ---- an organisation's side: GET/POST …/{id}/join, POST …/{id}/leave ------------------------ */

/* <network id public><title/><organisation id/></network>: a public
 * network, or one an organisation of the person's main users is in; *found
 * 0 otherwise. */
static kt_db_status the_network(kt_req *kr, kt_db *db, const char *id, xmlNodePtr parent,
                                int *is_public, int *found)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { id, kr->session->user_id }, *cols[6];
    kt_db_status st = kt_db_row(db, &STMT_NETWORK, 2, args, 6, cols, found);

    *is_public = 0;
    if (st == KT_DB_OK && *found) {
        xmlNodePtr n = kt_xml_add(p, parent, "network", NULL);
        *is_public = cols[5][0] == 't';
        kt_xml_attr(p, n, "id", id);
        kt_xml_attr(p, n, "public", *is_public ? "true" : "false");
        kt_xml_texts(p, n, "title", kr->lang, cols);
        kt_xml_attr(p, kt_xml_add(p, n, "organisation", cols[4]), "id", cols[3]);
    }
    return st;
}

/* <my-organisations><organisation id status membership coordinator><name/>… */
static kt_db_status my_orgs(kt_req *kr, kt_db *db, const char *id, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { id, kr->session->user_id };
    xmlNodePtr list = kt_xml_add(p, parent, "my-organisations", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_MY_ORGS, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr o = kt_xml_add(p, list, "organisation", NULL);
        kt_xml_attr(p, o, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, o, "status", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "membership", kt_db_get(db, row, 3) ? kt_db_get(db, row, 3) : "none");
        kt_xml_attr(p, o, "coordinator", kt_db_get(db, row, 4)[0] == 't' ? "true" : "false");
        kt_xml_add(p, o, "name", kt_db_get(db, row, 1));
    }
    return st;
}

static int join_redirect(kt_req *kr, const char *id, const char *done)
{
    return kt_send_redirect(kr->r, HTTP_SEE_OTHER,
                            apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang],
                                        "/manage/networks/", id, "/join?done=", done, NULL));
}

/* No organisation named: 400. */
static int no_organisation(kt_req *kr, const char *id)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT1104: network %s: no organisation", id);
    return kt_send_error(kr, HTTP_BAD_REQUEST, NULL, kt_text(kr, "network.join.choose"));
}

/* What an organisation's join and leave do first: member_begin, then check
 * that the person is an active main user of org (*name: its name; 403
 * otherwise) and read the network's coordinator (*coordinator NULL: no such
 * network).  DECLINED to go on, with *st (the caller's kt_db_finish ends the
 * transaction); else the answer sent. */
static int side_begin(kt_req *kr, kt_db *db, const char *id, const char *org,
                      const char **name, const char **coordinator, kt_db_status *st)
{
    const char *user = kr->session->user_id;
    int rv = member_begin(kr, db, id, st);

    if (rv != DECLINED) {
        return rv;
    }
    if (*st == KT_DB_OK) {
        const char *args[2] = { user, org };
        *st = kt_db_value(db, &STMT_IS_MAIN, name, 2, args);
    }
    if (*st == KT_DB_OK && !*name) {
        kt_db_end(db, 1);
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT1105: user %s is no main user of organisation %s", user, org);
        return kt_send_error(kr, HTTP_FORBIDDEN, NULL, kt_text(kr, "network.join.not-main"));
    }
    if (*st == KT_DB_OK) {
        /* the coordinator of any network, public or not, hears of it */
        const char *args[1] = { id };
        *st = kt_db_value(db, &STMT_COORDINATOR, coordinator, 1, args);
    }
    return DECLINED;
}

/* A request by the organisation's main user: one transaction with its audit
 * line and the coordinator's mail. */
static int join_post(kt_req *kr, kt_db *db, const char *id)
{
    const char *org = kt_form_field(kr, "organisation"), *user = kr->session->user_id;
    const char *args[3] = { org, user, id }, *one = NULL, *name = NULL, *coordinator = NULL;
    kt_db_status st;
    int rv;

    if (!kt_parse_id(org)) {
        return no_organisation(kr, id);
    }
    rv = side_begin(kr, db, id, org, &name, &coordinator, &st);
    if (rv != DECLINED) {
        return rv;
    }
    if (st == KT_DB_OK && coordinator) {
        st = kt_db_value(db, &STMT_REQUEST, &one, 3, args);
    }
    if (st == KT_DB_OK && one) {
        st = kt_audit(db, user, "network.join_request", "network", id, NULL, name);
    }
    if (st == KT_DB_OK && one) {
        st = mail_side(kr, db, id, coordinator, org, "network_join_request",
                       apr_pstrcat(kr->r->pool, "/manage/networks/", id, "#members", NULL));
    }
    st = kt_db_finish(db, st);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return join_redirect(kr, id, one ? "requested" : "unchanged");
}

int kt_page_network_join(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *done;
    xmlDocPtr doc;
    xmlNodePtr root;
    kt_db *db;
    kt_db_status st;
    int found = 0, is_public = 0;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    st = kt_db_open(kr->r, &db);
    doc = kt_page_doc(kr, "network-join", HTTP_OK);
    root = xmlDocGetRootElement(doc);
    if (st == KT_DB_OK) {
        st = the_network(kr, db, arg, root, &is_public, &found);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found || (kr->r->method_number == M_POST && !is_public)) {
        /* only a public network takes requests; others exist only for their members */
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                      "KT1106: network %s is not public to user %s", arg, kr->session->user_id);
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (kr->r->method_number == M_POST) {
        return join_post(kr, db, arg);
    }
    done = kt_query_param(kr, "done");
    if (done && (strcmp(done, "requested") == 0 || strcmp(done, "left") == 0
                 || strcmp(done, "cancelled") == 0 || strcmp(done, "unchanged") == 0)) {
        kt_xml_attr(p, kt_xml_add(p, root, "notice", NULL), "code",
                    apr_pstrcat(p, "network_", done, NULL));
    }
    kt_fstate_new(p, root, "join", apr_pstrcat(p, "/", kt_lang_codes[kr->lang], "/manage/networks/",
                                               arg, "/join", NULL), kt_csrf_token(kr));
    kt_fstate_new(p, root, "leave", apr_pstrcat(p, "/", kt_lang_codes[kr->lang],
                                                "/manage/networks/", arg, "/leave", NULL),
                  kt_csrf_token(kr));
    st = my_orgs(kr, db, arg, root);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return kt_send_page(kr, "networks", doc, HTTP_OK);
}

int kt_page_network_leave(kt_req *kr, const char *arg)
{
    const char *org = kt_form_field(kr, "organisation"), *user = kr->session->user_id;
    const char *name = NULL, *was = NULL, *coordinator = NULL;
    kt_db *db;
    kt_db_status st;
    int rv;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (!kt_parse_id(org)) {
        return no_organisation(kr, arg);
    }
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        rv = side_begin(kr, db, arg, org, &name, &coordinator, &st);
        if (rv != DECLINED) {
            return rv;
        }
    }
    if (st == KT_DB_OK && coordinator) {
        const char *args[4] = { arg, org, NULL, NULL };
        st = kt_db_value(db, &STMT_DELETE, &was, 4, args);
    }
    if (st == KT_DB_OK && was) {
        int active = strcmp(was, "active") == 0;
        st = kt_audit(db, user, active ? "network.member_leave" : "network.join_cancel", "network",
                      arg, NULL, name);
        if (st == KT_DB_OK) {
            st = mail_side(kr, db, arg, coordinator, org,
                           active ? "network_member_left" : "network_join_cancelled",
                           apr_pstrcat(kr->r->pool, "/manage/networks/", arg, "#members", NULL));
        }
    }
    st = kt_db_finish(db, st);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!coordinator) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return join_redirect(kr, arg, !was ? "unchanged" : strcmp(was, "active") == 0 ? "left"
                                                                                 : "cancelled");
}

/* ---- the workspace ---------------------------------------------------------------------- */

kt_db_status kt_networks_workspace(kt_req *kr, kt_db *db, xmlNodePtr parent)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { kr->session->user_id, kt_lang_codes[kr->lang] };
    xmlNodePtr list = kt_xml_add(p, parent, "network-memberships", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_WORKSPACE, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr m = kt_xml_add(p, list, "membership", NULL);
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 4), kt_db_get(db, row, 5),
                                         kt_db_get(db, row, 6) };
        kt_xml_attr(p, m, "network-id", kt_db_get(db, row, 0));
        kt_xml_attr(p, m, "organisation-id", kt_db_get(db, row, 1));
        kt_xml_attr(p, m, "status", kt_db_get(db, row, 3));
        kt_xml_attr(p, m, "public", kt_db_get(db, row, 7)[0] == 't' ? "true" : "false");
        kt_xml_texts(p, m, "network", kr->lang, t);
        kt_xml_add(p, m, "organisation", kt_db_get(db, row, 2));
    }
    if (st != KT_DB_OK) {
        return st;
    }
    /* what waits for the person as a coordinator's main user */
    list = kt_xml_add(p, parent, "network-requests", NULL);
    row = NULL;
    st = kt_db_select(db, &STMT_WORKSPACE_REQUESTS, &res, 2, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "network", NULL);
        const char *t[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "count", kt_db_get(db, row, 4));
        kt_xml_texts(p, n, "title", kr->lang, t);
    }
    return st;
}
