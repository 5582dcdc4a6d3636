/* Events in the database (sql/012_events.sql): one version's content as a
 * kt_event, saving a version, the codes only the database knows, the
 * editor's vocabularies.  The event kind's descriptor (kt_kinds.c) hands
 * these to the engine. */
#ifndef KT_EVENT_DB_H
#define KT_EVENT_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_event.h"

/* One version's content; *found 0 when there is no such version. */
kt_db_status kt_event_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                   int version, kt_event *e, const char **rules, int *found);

/* Writes e as version `version` of event id.  In a transaction. */
kt_db_status kt_event_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                   const char *org, const char *author, const kt_event *e,
                                   const char *rules);

/* The type, audiences, languages, municipality and project (of org) against
 * the database; typed languages resolved into e->languages. */
kt_db_status kt_event_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_event *e,
                                  kt_listing_err err, void *baton, int *problems);

/* The editor's <options>: type, audiences, languages, municipality, project. */
kt_db_status kt_event_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                              const apr_array_header_t *languages, xmlNodePtr parent);

#endif
