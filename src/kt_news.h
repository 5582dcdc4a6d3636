/* News written by moderators. */
#ifndef KT_NEWS_H
#define KT_NEWS_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

/* Adds <news-list> with the newest published items. */
kt_db_status kt_news_latest(kt_db *db, apr_pool_t *p, kt_lang lang, int limit, xmlNodePtr parent);

#endif
