/* libFuzzer target for the pure parts of issue 14's form and moderation fixes:
 * make fuzz  (FUZZ_SECONDS=60 by default).
 *
 * Beyond "no crash, no sanitizer report":
 *  - tidying (src/lib/kt_tidy.c) of valid UTF-8 (what the form decoder lets through) is
 *    idempotent: a tidied value tidies to itself, and a value the validator accepted is still
 *    accepted once tidied;
 *  - word marks (src/lib/kt_worddiff.c) of two texts rebuild both texts exactly (the input is
 *    split at its first NUL-free '|' into the old and the new text);
 *  - the audit log's request (src/lib/kt_logquery.c): a query it takes has a canonical link
 *    that parses back to the same request, and a refused one always names a reason. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include "kt_tidy.h"
#include "kt_validate.h"
#include "kt_bizid.h"
#include "kt_worddiff.h"
#include "kt_logquery.h"
#include "kt_text.h"

static apr_pool_t *root;
static const char *const types[] = { "organisation", "user", "activity", "event", NULL };

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

static void same(const char *a, const char *b)
{
    if (strcmp(a, b) != 0) {
        abort();
    }
}

static void tidying(apr_pool_t *p, const char *s)
{
    const char *t;

    t = kt_tidy_business_id(p, s);
    same(kt_tidy_business_id(p, t), t);
    if (kt_bizid_check(s) == KT_BIZID_OK && kt_bizid_check(t) != KT_BIZID_OK) {
        abort();
    }
    t = kt_tidy_web_url(p, s);
    same(kt_tidy_web_url(p, t), t);
    if (kt_valid_web_url(s) == KT_V_OK && kt_valid_web_url(t) != KT_V_OK) {
        abort();
    }
    t = kt_tidy_phone(p, s);
    same(kt_tidy_phone(p, t), t);
    if (kt_valid_phone(s) == KT_V_OK && kt_valid_phone(t) != KT_V_OK) {
        abort();
    }
    t = kt_tidy_email(p, s);
    same(kt_tidy_email(p, t), t);
}

static void word_marks(apr_pool_t *p, const char *s)
{
    const char *bar = strchr(s, '|');
    const char *a = bar ? apr_pstrndup(p, s, (apr_size_t)(bar - s)) : s;
    const char *b = bar ? bar + 1 : "";
    const apr_array_header_t *parts = kt_worddiff(p, a, b);
    const char *old = "", *new = "";
    int i;

    if (!parts) {
        return;     /* beyond the bounds: marked as a whole */
    }
    for (i = 0; i < parts->nelts; i++) {
        const kt_wd_part *part = &APR_ARRAY_IDX(parts, i, kt_wd_part);
        if (!*part->text) {
            abort();
        }
        if (part->op != KT_WD_INS) {
            old = apr_pstrcat(p, old, part->text, NULL);
        }
        if (part->op != KT_WD_DEL) {
            new = apr_pstrcat(p, new, part->text, NULL);
        }
    }
    same(old, a);
    same(new, b);
}

static void log_request(apr_pool_t *p, const char *s)
{
    kt_logquery q, again;
    kt_logquery_error err;
    const char *href, *qs;

    memset(&err, 0, sizeof(err));
    if (!kt_logquery_parse(p, s, types, &q, &err)) {
        if (!err.reason) {
            abort();
        }
        return;
    }
    href = kt_logquery_href(p, "/fi/moderation/log", &q, q.page, q.csv);
    qs = strchr(href, '?');
    if (!kt_logquery_parse(p, qs ? qs + 1 : NULL, types, &again, &err)) {
        abort();
    }
    same(kt_logquery_href(p, "/fi/moderation/log", &again, again.page, again.csv), href);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    char *s;

    apr_pool_create(&p, root);
    s = apr_pstrmemdup(p, (const char *)data, size);
    if (strlen(s) == size) {
        if (kt_utf8_valid(s, size)) {
            tidying(p, s);
        }
        word_marks(p, s);
        log_request(p, s);
    }
    apr_pool_destroy(p);
    return 0;
}
