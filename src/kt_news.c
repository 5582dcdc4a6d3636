/* News; see kt_news.h. */
#include <apr_strings.h>
#include "kt_news.h"
#include "kt_xml.h"

static const kt_stmt STMT_LATEST = { "kt_news_latest",
    "SELECT id, title_fi, title_sv, title_en, body_fi, body_sv, body_en,"
    " to_char(published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')"
    " FROM news WHERE published_at <= now()"
    " ORDER BY published_at DESC, id DESC LIMIT %s::int" };

kt_db_status kt_news_latest(kt_db *db, apr_pool_t *p, kt_lang lang, int limit, xmlNodePtr parent)
{
    const char *args[1] = { apr_itoa(p, limit) };
    xmlNodePtr list = kt_xml_add(p, parent, "news-list", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_LATEST, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "news", NULL);
        const char *title[KT_LANG_COUNT] = { kt_db_get(db, row, 1), kt_db_get(db, row, 2),
                                             kt_db_get(db, row, 3) };
        const char *body[KT_LANG_COUNT] = { kt_db_get(db, row, 4), kt_db_get(db, row, 5),
                                            kt_db_get(db, row, 6) };
        kt_xml_attr(p, n, "id", kt_db_get(db, row, 0));
        kt_xml_attr(p, n, "published", kt_db_get(db, row, 7));
        kt_xml_texts(p, n, "title", lang, title);
        kt_xml_texts(p, n, "body", lang, body);
    }
    return st;
}
