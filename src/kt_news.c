/* News for the public; see kt_news.h.  Everything reads public_news, the
 * published version of items not withdrawn whose time has come. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_news.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_i18n.h"
#include "kt_markup.h"
#include "kt_feed.h"
#include "kt_formpage.h"

/* A teaser made from the body of an item written without a summary (the
 * rows loaded before news was written here). */
#define TEASER_MAX 300

#define NEWS_COLUMNS \
    "SELECT n.id, to_char(n.published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " n.title_fi, n.title_sv, n.title_en, n.summary_fi, n.summary_sv, n.summary_en," \
    " n.body_fi, n.body_sv, n.body_en"

static const kt_stmt STMT_LATEST KT_STMT_LISTED = { "kt_news_latest",
    NEWS_COLUMNS " FROM public_news n"
    " ORDER BY n.published_at DESC, n.id DESC LIMIT %s::int OFFSET %s::int" };

/* One item with its related item while that is public (%s: id): an
 * organisation's name, or a project's or an event's in each language (at
 * most one of the three is set, sql/015_news.sql). */
static const kt_stmt STMT_ONE KT_STMT_LISTED = { "kt_news_one",
    NEWS_COLUMNS ", to_char(n.updated_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD'),"
    " CASE WHEN o.id IS NOT NULL THEN 'organisation' WHEN pr.id IS NOT NULL THEN 'project'"
    "  WHEN e.id IS NOT NULL THEN 'event' END,"
    " coalesce(o.id, pr.id, e.id), o.name,"
    " CASE WHEN pr.id IS NOT NULL THEN prv.title_fi ELSE e.title_fi END,"
    " CASE WHEN pr.id IS NOT NULL THEN prv.title_sv ELSE e.title_sv END,"
    " CASE WHEN pr.id IS NOT NULL THEN prv.title_en ELSE e.title_en END"
    " FROM public_news n"
    " LEFT JOIN organisations o ON o.id = n.related_organisation_id AND o.status = 'approved'"
    " LEFT JOIN (projects pr JOIN organisations po ON po.id = pr.organisation_id"
    "  AND po.status = 'approved' JOIN project_versions prv ON prv.project_id = pr.id"
    "  AND prv.version = pr.published_version)"
    "  ON pr.id = n.related_project_id AND pr.name IS NOT NULL"
    " LEFT JOIN public_events e ON e.id = n.related_event_id"
    " WHERE n.id = %s::bigint" };

/* An item that was public and has been withdrawn: 410 rather than 404. */
static const kt_stmt STMT_GONE KT_STMT_LISTED = { "kt_news_gone",
    "SELECT n.id FROM news n WHERE n.id = %s::bigint AND n.archived_at IS NOT NULL"
    " AND n.published_version IS NOT NULL AND n.published_at <= n.archived_at" };

enum { C_ID, C_PUBLISHED, C_TITLE, C_SUMMARY = C_TITLE + 3, C_BODY = C_SUMMARY + 3,
       C_UPDATED = C_BODY + 3, C_REL_KIND, C_REL_ID, C_REL_NAME, C_REL_TITLE };

#define COL(i) kt_db_get(db, row, (i))

/* <summary lang> from the summaries, or an excerpt of the body. */
static void add_summary(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                        xmlNodePtr n)
{
    const char *t[KT_LANG_COUNT];
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = COL(C_SUMMARY + i);
    }
    if (kt_text_pick(lang, t) >= 0) {
        kt_xml_texts(p, n, "summary", lang, t);
        return;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = COL(C_BODY + i) ? kt_markup_excerpt(p, COL(C_BODY + i), TEASER_MAX) : NULL;
    }
    kt_xml_texts(p, n, "summary", lang, t);
}

static xmlNodePtr add_item(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                           xmlNodePtr parent)
{
    xmlNodePtr n = kt_xml_add(p, parent, "news", NULL);
    const char *title[KT_LANG_COUNT] = { COL(C_TITLE), COL(C_TITLE + 1), COL(C_TITLE + 2) };

    kt_xml_attr(p, n, "id", COL(C_ID));
    kt_xml_attr(p, n, "published", COL(C_PUBLISHED));
    kt_xml_texts(p, n, "title", lang, title);
    add_summary(db, p, lang, row, n);
    return n;
}

/* The whole item: <body lang><p>…</p></body> in the markup's XML, the
 * related item. */
static void add_full(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                     xmlNodePtr parent)
{
    xmlNodePtr n = add_item(db, p, lang, row, parent), b;
    const char *body[KT_LANG_COUNT] = { COL(C_BODY), COL(C_BODY + 1), COL(C_BODY + 2) };
    int pick = kt_text_pick(lang, body);

    if (COL(C_UPDATED) && strcmp(COL(C_UPDATED), COL(C_PUBLISHED)) > 0) {
        kt_xml_attr(p, n, "updated", COL(C_UPDATED));
    }
    if (pick >= 0) {
        b = kt_xml_add(p, n, "body", NULL);
        kt_xml_attr(p, b, "lang", kt_lang_codes[pick]);
        kt_markup_xml(p, b, body[pick]);
    }
    if (COL(C_REL_KIND)) {
        /* an organisation has one name; a project or an event one per language */
        const char *t[KT_LANG_COUNT] = { COL(C_REL_TITLE), COL(C_REL_TITLE + 1),
                                         COL(C_REL_TITLE + 2) };
        xmlNodePtr r = COL(C_REL_NAME) ? kt_xml_add(p, n, "related", COL(C_REL_NAME))
                                       : kt_xml_texts(p, n, "related", lang, t);
        if (r) {
            kt_xml_attr(p, r, "kind", COL(C_REL_KIND));
            kt_xml_attr(p, r, "id", COL(C_REL_ID));
        }
    }
}

#undef COL

/* Up to limit items after offset; *count of them. */
static kt_db_status items(kt_db *db, apr_pool_t *p, kt_lang lang, int limit, int offset,
                          xmlNodePtr list, int *count)
{
    const char *args[2] = { apr_itoa(p, limit), apr_itoa(p, offset) };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_LATEST, &res, 2, args);

    *count = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        ++*count;
        add_item(db, p, lang, row, list);
    }
    return st;
}

kt_db_status kt_news_latest(kt_db *db, apr_pool_t *p, kt_lang lang, int limit, xmlNodePtr parent)
{
    int n = 0;
    return items(db, p, lang, limit, 0, kt_xml_add(p, parent, "news-list", NULL), &n);
}

int kt_page_news_list(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *param = kt_query_param(kr, "page");
    apr_int64_t page = param ? kt_parse_id(param) : 1;
    xmlDocPtr doc;
    xmlNodePtr list, xlast;
    kt_db *db;
    int n = 0;
    kt_db_status st;
    (void)arg;

    if (page < 1 || page > KT_NEWS_MAX_PAGE) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r, "KT0760: news: page out of range");
        return kt_send_bad_param(kr, "page", "out-of-range", param, apr_pstrcat(p, "/",
                                 kt_lang_codes[kr->lang], "/news", NULL));
    }
    doc = kt_page_doc(kr, "news-list", HTTP_OK);
    list = kt_xml_add(p, xmlDocGetRootElement(doc), "news-list", NULL);
    kt_xml_attr(p, list, "page", apr_ltoa(p, (long)page));
    st = kt_db_open(kr->r, &db);
    /* one item more than shown says whether there is a next page */
    if (st == KT_DB_OK) {
        st = items(db, p, kr->lang, KT_NEWS_PAGE + 1, (int)(page - 1) * KT_NEWS_PAGE, list, &n);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (n > KT_NEWS_PAGE) {
        xlast = xmlGetLastChild(list);
        xmlUnlinkNode(xlast);
        xmlFreeNode(xlast);
        kt_xml_attr(p, list, "more", "true");
    }
    if (n == 0 && page > 1) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "news", doc, HTTP_OK);
}

int kt_page_news(kt_req *kr, const char *id)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[1] = { id }, *gone = NULL;
    xmlDocPtr doc;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db *db;
    int found = 0;
    kt_db_status st;

    if (!kt_parse_id(id)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    doc = kt_page_doc(kr, "news-item", HTTP_OK);
    st = kt_db_open(kr->r, &db);
    if (st == KT_DB_OK) {
        st = kt_db_select(db, &STMT_ONE, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        add_full(db, p, kr->lang, row, xmlDocGetRootElement(doc));
        found = 1;
    }
    if (st == KT_DB_OK && !found) {
        st = kt_db_value(db, &STMT_GONE, &gone, 1, args);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (gone) {
        return kt_send_error(kr, HTTP_GONE, NULL, kt_text(kr, "news.withdrawn.detail"));
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "news", doc, HTTP_OK);
}

/* ---- Atom ---------------------------------------------------------------------------- */

/* The newest first, as on the news page.  An item's time in the feed is
 * when its public text last changed: for a scheduled one, its time. */
#define ATOM_NEWEST " FROM public_news n ORDER BY n.published_at DESC, n.id DESC LIMIT 50"

static const kt_stmt STMT_ATOM_STATE KT_STMT_LISTED = { "kt_news_atom_state",
    "SELECT md5(string_agg(x.id || '@' || kt_feed_us(x.updated_at), ',' ORDER BY x.n)),"
    " kt_feed_us(max(x.updated_at)), kt_feed_time(max(x.updated_at))"
    " FROM (SELECT n.id, n.updated_at, row_number() OVER (ORDER BY n.published_at DESC,"
    " n.id DESC) AS n" ATOM_NEWEST ") x" };

/* kt_atom.c's columns: id, updated, published, titles, summaries (an item
 * loaded without one: its body, which has no markup), no organisation, no
 * categories; %s lang (unused: nothing here is named in it). */
static const kt_stmt STMT_ATOM_ENTRIES KT_STMT_LISTED = { "kt_news_atom_entries",
    "SELECT n.id, kt_feed_time(n.updated_at), kt_feed_time(n.published_at),"
    " n.title_fi, n.title_sv, n.title_en, coalesce(n.summary_fi, n.body_fi),"
    " coalesce(n.summary_sv, n.body_sv), coalesce(n.summary_en, n.body_en),"
    " NULL::bigint, NULL::text, CASE WHEN %s::text = '' THEN NULL::text END" ATOM_NEWEST };

static const kt_atom_kind news_atom = {
    "/feed/news.atom", "news", "news.atom.title", "urn:kotoutuminen:news",
    "feed-news-atom:1", &STMT_ATOM_STATE, &STMT_ATOM_ENTRIES
};

int kt_feed_news_atom(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_atom_serve(kr, &news_atom);
}
