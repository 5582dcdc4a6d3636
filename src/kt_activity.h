/* Activities as the public sees them: one listing in full, short lists. */
#ifndef KT_ACTIVITY_H
#define KT_ACTIVITY_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>
#include "kt_summary_sql.h"

typedef enum { KT_FOUND = 0, KT_NOT_FOUND, KT_GONE } kt_found;

/* Adds the full <activity> for public id (decimal text) under parent. */
kt_db_status kt_activity_full(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                              xmlNodePtr parent, kt_found *found);

/* How many kt_activity_newest lists (the front page's). */
#define KT_ACTIVITY_NEWEST 12

/* Adds the KT_ACTIVITY_NEWEST newest public activities as summary <activity>
 * elements. */
kt_db_status kt_activity_newest(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent);

/* Adds an organisation's public activities as summary <activity> elements. */
kt_db_status kt_activity_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org_id,
                                xmlNodePtr parent);


/* Adds the summary <activity> (HACKING.md) of a row with KT_SUMMARY_COLUMNS
 * first; returns it, for callers that add more. */
xmlNodePtr kt_activity_add_summary(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                                   xmlNodePtr parent);

/* Adds <forms><form code>name</form>…</forms>, all forms of activity. */
kt_db_status kt_activity_form_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent);

/* Adds <listname><itemname code="…">name</itemname>…</listname> from the
 * "code US name RS …" text our SQL functions return (sql/001_init.sql). */
void kt_add_vocab(apr_pool_t *p, xmlNodePtr parent, const char *listname,
                  const char *itemname, const char *packed);

#endif
