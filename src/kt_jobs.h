/* Jobs and volunteer openings in integration work, as the public sees them
 * (ROUTES.md):
 *   GET /{lang}/jobs          open ones, soonest deadline first; the filters q,
 *                             type, municipality, region, remote=1, page (400s
 *                             as the activity search gives them; one machinery,
 *                             kt_search.h, for every kind's list and feed)
 *   GET /{lang}/jobs/{id}     one job; 404, and 410 once archived or closed
 *   GET /feed/jobs.xml        the partner feed (FEED.md), with /feed/jobs.xsd
 * and the list an organisation's page shows. */
#ifndef KT_JOBS_H
#define KT_JOBS_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

#define KT_JOBS_NS "urn:kotoutuminen:feed:jobs:1"

/* Builds the statements of the filter table kt_job_filters (post_config):
 * the list's, the feed's two, and those that check its codes and read q;
 * kt_jobs_statements lists them for the check of labels. */
const char *kt_jobs_init(apr_pool_t *p);
const kt_stmt *const *kt_jobs_statements(int *n);

int kt_page_jobs(kt_req *kr, const char *arg);
int kt_page_job(kt_req *kr, const char *arg);
int kt_feed_jobs_xml(kt_req *kr, const char *arg);

/* <jobs> of an organisation's open jobs (cards). */
kt_db_status kt_jobs_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                            xmlNodePtr parent);

#endif
