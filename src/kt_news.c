/* News; see kt_news.h.  An item is public from its published_at on. */
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_news.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"

#define NEWS_COLUMNS \
    "SELECT id, title_fi, title_sv, title_en, body_fi, body_sv, body_en," \
    " to_char(published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD') FROM news"

static const kt_stmt STMT_LATEST KT_STMT_LISTED = { "kt_news_latest",
    NEWS_COLUMNS " WHERE published_at <= now()"
    " ORDER BY published_at DESC, id DESC LIMIT %s::int OFFSET %s::int" };

static const kt_stmt STMT_ONE KT_STMT_LISTED = { "kt_news_one",
    NEWS_COLUMNS " WHERE id = %s::bigint AND published_at <= now()" };

static void add_item(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                     xmlNodePtr parent)
{
    xmlNodePtr n = kt_xml_add(p, parent, "news", NULL);
    const char *title[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                         kt_db_get(db, row, 3) };
    const char *body[KT_LANG_COUNT] = { kt_db_get(db, row, 4), kt_db_get(db, row, 5),
                                        kt_db_get(db, row, 6) };
    kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
    kt_xml_attr(p, n, "published", kt_db_get(db, row, 7));
    kt_xml_texts(p, n, "title", lang, title);
    kt_xml_texts(p, n, "body", lang, body);
}

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
    const char *args[1] = { id };
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
        add_item(db, p, kr->lang, row, xmlDocGetRootElement(doc));
        found = 1;
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    return kt_send_page(kr, "news", doc, HTTP_OK);
}
