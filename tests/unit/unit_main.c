/* Runs every unit suite; exit status is the number of failures (capped). */
#include <stdlib.h>
#include <apr_general.h>
#include <libxml/parser.h>
#include "unit.h"

apr_pool_t *ut_pool;

void ut_setup(void)
{
    apr_pool_create(&ut_pool, NULL);
}

void ut_teardown(void)
{
    apr_pool_destroy(ut_pool);
    ut_pool = NULL;
}

int main(void)
{
    SRunner *sr;
    int failed;

    apr_initialize();
    xmlInitParser();
    sr = srunner_create(bizid_suite());
    srunner_add_suite(sr, text_suite());
    srunner_add_suite(sr, i18n_suite());
    srunner_add_suite(sr, xml_suite());
    srunner_add_suite(sr, xmlw_suite());
    srunner_add_suite(sr, form_suite());
    srunner_add_suite(sr, password_suite());
    srunner_add_suite(sr, crypto_suite());
    srunner_add_suite(sr, query_suite());
    srunner_add_suite(sr, search_suite());
    srunner_add_suite(sr, time_suite());
    srunner_add_suite(sr, cursor_suite());
    srunner_add_suite(sr, etag_suite());
    srunner_add_suite(sr, pagecache_suite());
    srunner_add_suite(sr, feed_params_suite());
    srunner_add_suite(sr, ical_suite());
    srunner_add_suite(sr, lifecycle_suite());
    srunner_add_suite(sr, event_suite());
    srunner_add_suite(sr, job_suite());
    srunner_add_suite(sr, news_suite());
    srunner_add_suite(sr, project_suite());
    srunner_add_suite(sr, fields_suite());
    srunner_add_suite(sr, facets_suite());
    srunner_add_suite(sr, network_suite());
    srunner_add_suite(sr, listing_suite());
    srunner_add_suite(sr, pagelist_suite());
    srunner_add_suite(sr, tidy_suite());
    srunner_add_suite(sr, worddiff_suite());
    srunner_add_suite(sr, logquery_suite());
    srunner_add_suite(sr, kind_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    apr_terminate();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
