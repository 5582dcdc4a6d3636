/* libFuzzer target for the filter tables (src/lib/kt_filter.c) with the events'
 * tables (src/lib/kt_event.c):  make fuzz  (FUZZ_SECONDS=60 by default).
 *
 * Beyond "no crash, no sanitizer report": a query that the tables take has a
 * canonical text (kt_filter_query) that parses back to the same canonical
 * text, and a refused one always names a reason. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include "kt_event.h"
#include "kt_filter.h"

static apr_pool_t *root;
static const kt_filter *const tables[] = { kt_event_filters, kt_event_page_params, NULL };

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    kt_filter_values *v, *again;
    apr_array_header_t *pairs;
    kt_filter_error err;
    const char *args[16];
    char *raw, *canon, *canon2;

    apr_pool_create(&p, root);
    raw = apr_pstrmemdup(p, (const char *)data, size);
    if (strlen(raw) != size) {
        apr_pool_destroy(p);    /* a NUL in the input: not a query string */
        return 0;
    }
    if (!kt_filter_parse(p, raw, tables, 1, NULL, NULL, &v, &pairs, &err)) {
        if (!err.reason) {
            abort();
        }
        apr_pool_destroy(p);
        return 0;
    }
    canon = kt_filter_query(p, tables, v, 1, NULL, NULL, kt_filter_page(v));
    if (!kt_filter_parse(p, canon, tables, 1, NULL, NULL, &again, &pairs, &err)) {
        abort();
    }
    canon2 = kt_filter_query(p, tables, again, 1, NULL, NULL, kt_filter_page(again));
    if (strcmp(canon, canon2) != 0) {
        abort();
    }
    kt_filter_sql_args(p, kt_event_filters, v, args);
    apr_pool_destroy(p);
    return 0;
}
