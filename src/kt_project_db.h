/* Projects in the database (sql/019_projects.sql): one version's content as
 * a kt_project, saving a version, the codes only the database knows, the
 * editor's vocabularies.  The project kind's descriptor (kt_kinds.c) hands
 * these to the engine. */
#ifndef KT_PROJECT_DB_H
#define KT_PROJECT_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_project.h"

/* One version's content; *found 0 when there is no such version. */
kt_db_status kt_project_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     int version, kt_project *pr, const char **rules,
                                     int *found);

/* Writes pr as version `version` of project id (of organisation org).  In a
 * transaction. */
kt_db_status kt_project_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author,
                                     const kt_project *pr, const char *rules);

/* The funder, the objective (one of that funder's), the regions and the
 * partners (approved organisations other than org) against the database. */
kt_db_status kt_project_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_project *pr,
                                    kt_listing_err err, void *baton, int *problems);

/* The editor's <options>: funder, objective, regions, partners (approved
 * organisations but those of orgs, comma-joined ids). */
kt_db_status kt_project_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent);

#endif
