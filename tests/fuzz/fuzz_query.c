/* libFuzzer target for the query-string decoder and the search parameters
 * (src/lib/kt_query.c, src/lib/kt_search.c):  make fuzz  (FUZZ_SECONDS=60 by default).
 *
 * Beyond "no crash, no sanitizer report" it checks what the decoder promises:
 * decoded names and values hold no NUL and are valid UTF-8, and a search that
 * validates has a canonical URL that parses back to the same search. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include "kt_query.h"
#include "kt_search.h"
#include "kt_text.h"

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

static void check_pairs(const apr_array_header_t *pairs)
{
    int i;
    for (i = 0; i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        if (strlen(pair->value) != pair->value_len
            || !kt_utf8_valid(pair->name, strlen(pair->name))
            || !kt_utf8_valid(pair->value, pair->value_len)) {
            abort();
        }
    }
}

/* The canonical URL of a valid search parses back to the same canonical URL. */
static void check_round_trip(apr_pool_t *p, const kt_search *s)
{
    const char *href = kt_search_href(p, "/fi/activities", s, s->page);
    const char *query = strchr(href, '?');
    kt_search again;
    kt_search_error err;

    if (!kt_search_parse(p, &kt_activity_filters, query ? query + 1 : NULL, &again, NULL, &err)
        || strcmp(kt_search_href(p, "/fi/activities", &again, again.page), href) != 0) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const kt_query_limits limits = { 64, 64, 1024 };
    apr_pool_t *p;
    apr_array_header_t *pairs;
    kt_query_error qerr;
    kt_search s;
    kt_search_error serr;
    char *text;

    apr_pool_create(&p, root);
    if (kt_query_parse(p, (const char *)data, size, &limits, &pairs, &qerr) == KT_QUERY_OK) {
        check_pairs(pairs);
    }
    /* the search reads r->args: a C string, so up to the first NUL */
    text = apr_pstrmemdup(p, (const char *)data, size);
    if (kt_search_parse(p, &kt_activity_filters, text, &s, &pairs, &serr)) {
        check_round_trip(p, &s);
    }
    else if (!serr.reason) {
        abort();
    }
    apr_pool_destroy(p);
    return 0;
}
