/* News written by moderators: the newest on the front page, and the public
 * pages (ROUTES.md) GET /{lang}/news (?page=N) and GET /{lang}/news/{id}. */
#ifndef KT_NEWS_H
#define KT_NEWS_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

#define KT_NEWS_PAGE 20
#define KT_NEWS_MAX_PAGE 1000

/* Adds <news-list> with the newest published items. */
kt_db_status kt_news_latest(kt_db *db, apr_pool_t *p, kt_lang lang, int limit, xmlNodePtr parent);

int kt_page_news_list(kt_req *kr, const char *arg);
int kt_page_news(kt_req *kr, const char *id);

#endif
