/* News items in the database (sql/015_news.sql): one version's content as
 * a kt_news_item, saving a version, the related item checked against what
 * is public, the editor's choices of related items.  The news kind's
 * descriptor (kt_kinds.c) hands these to the engine. */
#ifndef KT_NEWS_DB_H
#define KT_NEWS_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_news_item.h"

/* One version's content; *found 0 when there is no such version. */
kt_db_status kt_news_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                  int version, kt_news_item *n, const char **rules, int *found);

/* Writes n as version `version` of item id.  In a transaction. */
kt_db_status kt_news_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                  const char *author, const kt_news_item *n);

/* The related item must be public now: an approved organisation, a project
 * of one, a public event (related.invalid otherwise). */
kt_db_status kt_news_check_codes(kt_db *db, apr_pool_t *p, kt_news_item *n, kt_listing_err err,
                                 void *baton, int *problems);

/* The editor's <options for="related">: <option value="event-5"
 * group="event">name</option>…, every public organisation, project and
 * event, by kind and name. */
kt_db_status kt_news_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                             const apr_array_header_t *languages, xmlNodePtr parent);

#endif
