/* libFuzzer target for the partner feed's query string and its cursors
 * (src/lib/kt_feed_params.c, src/lib/kt_cursor.c):  make fuzz  (FUZZ_SECONDS=60 by default).
 *
 * Beyond "no crash, no sanitizer report" it checks what they promise: a query
 * that parses has canonical filters that parse back to the same filters (so a
 * cursor bound to them works whichever way they were spelt), and a cursor is
 * accepted only when it is exactly the text the feed wrote for that key and
 * query: any other input is refused, and nothing refused is read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include "kt_cursor.h"
#include "kt_feed_params.h"
#include "kt_search.h"

static apr_pool_t *root;
static const unsigned char key[32] = "fuzzing-key-fuzzing-key-fuzzing";

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

static void check_filters(apr_pool_t *p, const kt_search *s, const kt_feed_params *fp)
{
    const char *canon = kt_feed_filters(p, s);
    kt_feed_params fp2;
    kt_search s2;
    kt_feed_error err;
    apr_array_header_t *pairs;

    if (!kt_feed_parse(p, &kt_activity_filters, *canon ? canon + 1 : "", &fp2, &s2, &pairs, &err)
        || strcmp(kt_feed_filters(p, &s2), canon) != 0
        || strcmp(kt_feed_identity(p, fp, canon), kt_feed_identity(p, fp, kt_feed_filters(p, &s2)))
           != 0) {
        abort();
    }
}

/* The input as a cursor: refused unless it is what encode writes for what it
 * decodes to. */
static void check_cursor(apr_pool_t *p, const char *text)
{
    unsigned char ident[KT_CURSOR_IDENT_LEN];
    kt_cursor c;
    kt_cursor_status st;

    kt_cursor_ident("feed:1;since=;", ident);
    st = kt_cursor_decode(text, key, sizeof(key), ident, &c);
    if (st == KT_CURSOR_OK) {
        const char *again = kt_cursor_encode(p, key, sizeof(key), &c);
        if (!again || strcmp(again, text) != 0) {
            abort();
        }
    }
    else if (st != KT_CURSOR_MALFORMED && st != KT_CURSOR_FORGED
             && st != KT_CURSOR_OTHER_QUERY) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    char *text;
    kt_feed_params fp;
    kt_search s;
    kt_feed_error err;
    apr_array_header_t *pairs;

    apr_pool_create(&p, root);
    text = apr_pstrmemdup(p, (const char *)data, size);   /* stops at a NUL, as r->args does */
    if (kt_feed_parse(p, &kt_activity_filters, text, &fp, &s, &pairs, &err)) {
        if (!pairs || fp.limit < 1 || fp.limit > KT_FEED_LIMIT_MAX) {
            abort();
        }
        check_filters(p, &s, &fp);
    }
    else if (!err.reason) {
        abort();
    }
    check_cursor(p, text);
    apr_pool_destroy(p);
    return 0;
}
