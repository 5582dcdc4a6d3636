/* Suites of the unit test runner (unit_main.c). */
#ifndef KT_UNIT_H
#define KT_UNIT_H
#include <check.h>
#include <apr_pools.h>

Suite *bizid_suite(void);
Suite *text_suite(void);
Suite *i18n_suite(void);
Suite *xml_suite(void);
Suite *xmlw_suite(void);
Suite *form_suite(void);
Suite *password_suite(void);
Suite *crypto_suite(void);
Suite *query_suite(void);
Suite *search_suite(void);
Suite *time_suite(void);
Suite *cursor_suite(void);
Suite *etag_suite(void);
Suite *pagecache_suite(void);
Suite *feed_params_suite(void);
Suite *ical_suite(void);
Suite *listing_suite(void);
Suite *lifecycle_suite(void);
Suite *event_suite(void);
Suite *job_suite(void);
Suite *pagelist_suite(void);
Suite *news_suite(void);
Suite *tidy_suite(void);
Suite *worddiff_suite(void);
Suite *logquery_suite(void);
Suite *kind_suite(void);
Suite *network_suite(void);
Suite *project_suite(void);
Suite *fields_suite(void);
Suite *facets_suite(void);

/* A pool for one test, created in setup and destroyed in teardown. */
extern apr_pool_t *ut_pool;
void ut_setup(void);
void ut_teardown(void);

#endif
