/* Jobs and volunteer openings in integration work, as the public sees them
 * (ROUTES.md):
 *   GET /{lang}/jobs          open ones, soonest deadline first; the filters q,
 *                             type, municipality, region, remote=1, page (400s
 *                             as the activity search gives them)
 *   GET /{lang}/jobs/{id}     one job; 404, and 410 once archived or closed
 *   GET /feed/jobs.xml        the partner feed (FEED.md), with /feed/jobs.xsd
 * and the list an organisation's page shows. */
#ifndef KT_JOBS_H
#define KT_JOBS_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

#define KT_JOBS_NS "urn:kotoutuminen:feed:jobs:1"

/* Builds the statement that checks the filters' codes (post_config). */
const char *kt_jobs_init(apr_pool_t *p);
const kt_stmt *kt_jobs_statement(void);

int kt_page_jobs(kt_req *kr, const char *arg);
int kt_page_job(kt_req *kr, const char *arg);
int kt_feed_jobs_xml(kt_req *kr, const char *arg);

/* <jobs> of an organisation's open jobs (cards). */
kt_db_status kt_jobs_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                            xmlNodePtr parent);

#endif
