/* News written by moderators, as the public reads it (ROUTES.md): the
 * newest on the front page, GET /{lang}/news (?page=N), GET /{lang}/news/{id}
 * (410 once withdrawn, 404 before its time) and GET /feed/news.atom?lang=.
 * An item is public from its published_at on (public_news,
 * sql/015_news.sql): a scheduled one appears everywhere at its time with
 * nothing to run.  The moderators' pages are the engine's (the kind
 * kt_kind_news, src/kt_kinds.c). */
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
int kt_feed_news_atom(kt_req *kr, const char *arg);

#endif
