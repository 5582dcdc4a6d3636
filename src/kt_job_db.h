/* Jobs in the database (sql/018_jobs.sql): one version's content as a
 * kt_job, saving a version, the codes only the database knows, the editor's
 * vocabularies.  The job kind's descriptor (kt_kinds.c) hands these to the
 * engine. */
#ifndef KT_JOB_DB_H
#define KT_JOB_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_job.h"

/* One version's content; *found 0 when there is no such version. */
kt_db_status kt_job_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                 int version, kt_job *j, const char **rules, int *found);

/* Writes j as version `version` of job id.  In a transaction. */
kt_db_status kt_job_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                 const char *author, const kt_job *j, const char *rules);

/* The type, languages and municipality against the database; typed
 * languages resolved into j->languages. */
kt_db_status kt_job_check_codes(kt_db *db, apr_pool_t *p, kt_job *j, kt_listing_err err,
                                void *baton, int *problems);

/* The editor's <options>: type, languages, municipality. */
kt_db_status kt_job_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                            const apr_array_header_t *languages, xmlNodePtr parent);

#endif
