/* libFuzzer target: form body decoding (src/lib/kt_form.c) and the Content-Type check.
 *   make fuzz-form && build/fuzz/fuzz_form -max_total_time=60
 * Whatever the bytes, decoding must not crash or read out of bounds, and a
 * form it accepts must hold only bounded, NUL-free, well-formed UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_strings.h>
#include "kt_form.h"
#include "kt_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_form(const kt_form *f)
{
    int i;

    for (i = 0; i < f->pairs->nelts; i++) {
        const kt_form_pair *pair = &APR_ARRAY_IDX(f->pairs, i, kt_form_pair);
        size_t n = strlen(pair->name), v = strlen(pair->value);
        if (n > kt_form_default_limits.max_name || v > kt_form_default_limits.max_value
            || !kt_utf8_valid(pair->name, n) || !kt_utf8_valid(pair->value, v)) {
            abort();
        }
    }
    if (f->pairs->nelts > kt_form_default_limits.max_pairs) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static apr_pool_t *root;   /* the fuzzer's process, not the module: one pool for all runs */
    apr_pool_t *p;
    kt_form *f = NULL;

    if (!root) {
        apr_initialize();
        apr_pool_create(&root, NULL);
    }
    apr_pool_create(&p, root);
    if (kt_form_decode(p, (const char *)data, size, &kt_form_default_limits, &f) == KT_FORM_OK) {
        check_form(f);
    }
    kt_form_content_type_ok(apr_pstrmemdup(p, (const char *)data, size));
    apr_pool_destroy(p);
    return 0;
}
