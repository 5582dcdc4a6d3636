/* libFuzzer target for the filter tables of list pages other than the
 * activity search (src/lib/kt_filter.c, read by src/lib/kt_search.c) with the
 * tables of every other list page (src/lib/kt_event.c, kt_job.c, kt_project.c,
 * kt_network.c, and the organisations directory's kt_directory.c), each input
 * through each:  make fuzz  (FUZZ_SECONDS=60 by default).
 * fuzz_query covers the activities' table.
 *
 * Beyond "no crash, no sanitizer report": a query that the table takes has a
 * canonical URL (kt_search_href) that parses back to the same canonical URL,
 * the feed's canonical filters do the same, and a refused one always names a
 * reason. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include "kt_event.h"
#include "kt_job.h"
#include "kt_project.h"
#include "kt_network.h"
#include "kt_directory.h"
#include "kt_filter.h"
#include "kt_search.h"
#include "kt_feed_params.h"

static apr_pool_t *root;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    apr_initialize();
    apr_pool_create(&root, NULL);
    return 0;
}

/* The query string of a canonical URL ("/e?…"), NULL when it has none. */
static const char *query_of(const char *href)
{
    const char *q = strchr(href, '?');
    return q ? q + 1 : NULL;
}

static const kt_filter_table *const tables[] = { &kt_event_filters, &kt_job_filters,
                                                 &kt_project_filters, &kt_network_filters,
                                                 &kt_directory_filters, NULL };

static int one(const kt_filter_table *t, const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    kt_search v, again;
    kt_search_error err;
    const char *args[KT_SEARCH_MAX_NARGS];
    char *raw, *canon, *canon2;

    apr_pool_create(&p, root);
    raw = apr_pstrmemdup(p, (const char *)data, size);
    if (strlen(raw) != size) {
        apr_pool_destroy(p);    /* a NUL in the input: not a query string */
        return 0;
    }
    if (!kt_search_parse(p, t, raw, &v, NULL, &err)) {
        if (!err.reason) {
            abort();
        }
        apr_pool_destroy(p);
        return 0;
    }
    canon = kt_search_href(p, "/e", &v, v.page);
    if (!kt_search_parse(p, t, query_of(canon), &again, NULL, &err)) {
        abort();
    }
    canon2 = kt_search_href(p, "/e", &again, again.page);
    if (strcmp(canon, canon2) != 0) {
        abort();
    }
    canon = kt_feed_filters(p, &v);
    if (!kt_search_parse(p, t, query_of(canon), &again, NULL, &err)
        || strcmp(canon, kt_feed_filters(p, &again)) != 0) {
        abort();
    }
    kt_search_sql_args(p, &v, "fi", args);
    kt_search_code_args(p, &v, args);
    apr_pool_destroy(p);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int i;

    for (i = 0; tables[i]; i++) {
        one(tables[i], data, size);
    }
    return 0;
}
