/* Content-language fallback and the message catalogs in xslt/i18n. */
#include <stdlib.h>
#include "unit.h"
#include <string.h>
#include "kt_i18n.h"
#include "kt_mailtext.h"

START_TEST(own_language_first)
{
    const char *all[KT_LANG_COUNT] = { "fi", "sv", "en" };
    ck_assert_int_eq(kt_text_pick(KT_LANG_FI, all), KT_LANG_FI);
    ck_assert_int_eq(kt_text_pick(KT_LANG_SV, all), KT_LANG_SV);
    ck_assert_int_eq(kt_text_pick(KT_LANG_EN, all), KT_LANG_EN);
}
END_TEST

START_TEST(fallback_order)
{
    const char *fi_only[KT_LANG_COUNT] = { "fi", NULL, "" };
    const char *sv_only[KT_LANG_COUNT] = { NULL, "sv", NULL };
    const char *fi_en[KT_LANG_COUNT] = { "fi", NULL, "en" };
    const char *fi_sv[KT_LANG_COUNT] = { "fi", "sv", NULL };
    const char *none[KT_LANG_COUNT] = { NULL, "", NULL };

    ck_assert_int_eq(kt_text_pick(KT_LANG_SV, fi_only), KT_LANG_FI);
    ck_assert_int_eq(kt_text_pick(KT_LANG_EN, fi_only), KT_LANG_FI);   /* empty en is absent */
    ck_assert_int_eq(kt_text_pick(KT_LANG_FI, sv_only), KT_LANG_SV);
    ck_assert_int_eq(kt_text_pick(KT_LANG_SV, fi_en), KT_LANG_EN);
    ck_assert_int_eq(kt_text_pick(KT_LANG_EN, fi_sv), KT_LANG_FI);
    ck_assert_int_eq(kt_text_pick(KT_LANG_FI, none), -1);
}
END_TEST

START_TEST(catalogs_load_and_agree)
{
    const char *dir = getenv("KT_XSLT_DIR");
    kt_catalog *cat = NULL;
    const char *err;
    apr_hash_index_t *hi;
    int l;

    ck_assert_msg(dir != NULL, "KT_XSLT_DIR must point at xslt/");
    err = kt_catalog_load(ut_pool, dir, &cat);
    ck_assert_msg(err == NULL, "%s", err);
    ck_assert(apr_hash_count(cat->msgs[KT_LANG_FI]) > 0);
    /* every key of every catalog exists in the others */
    for (l = 0; l < KT_LANG_COUNT; l++) {
        for (hi = apr_hash_first(ut_pool, cat->msgs[l]); hi; hi = apr_hash_next(hi)) {
            const void *key;
            int o;
            apr_hash_this(hi, &key, NULL, NULL);
            for (o = 0; o < KT_LANG_COUNT; o++) {
                ck_assert_msg(kt_msg(cat, (kt_lang)o, key) != NULL, "key %s missing from %s",
                              (const char *)key, kt_lang_codes[o]);
            }
        }
    }
    ck_assert(kt_msg(cat, KT_LANG_FI, "no.such.key.anywhere") == NULL);
}
END_TEST

/* Mail texts (kt_mailtext.c): a subject made of a stored title is one clean
 * line whatever the title holds (the outbox's CHECK takes the same rule, so a
 * decision's mail cannot fail, issue 10), and a mail without {name} greets
 * nobody by a name a stranger typed. */
START_TEST(mail_subject_and_greeting)
{
    const char *dir = getenv("KT_XSLT_DIR");
    kt_catalog *cat = NULL;
    const char *subject, *body;
    int missing = 0;
    kt_mail_var vars[] = { { "name", "Aino" },
                           { "organisation", "Kerho\xC2\x85\xE2\x80\xA8\x01\xEF\xBB\xBF" "x" },
                           { NULL, NULL } };

    ck_assert(kt_catalog_load(ut_pool, dir, &cat) == NULL);
    kt_mail_compose(ut_pool, cat, KT_LANG_FI, "org_approved", NULL, vars, "https://x.fi/",
                    &subject, &body, &missing);
    ck_assert_int_eq(missing, 0);
    ck_assert_msg(strstr(subject, "Kerho    x") != NULL, "%s", subject);
    ck_assert_msg(strncmp(body, "Hei Aino,", 9) == 0, "%s", body);
    kt_mail_compose(ut_pool, cat, KT_LANG_SV, "verify", "https://x.fi/sv/verify/t", NULL,
                    "https://x.fi/", &subject, &body, &missing);
    ck_assert_int_eq(missing, 0);
    ck_assert_msg(strncmp(body, "Hej,\n", 5) == 0, "%s", body);
}
END_TEST

START_TEST(catalog_errors_are_reported)
{
    kt_catalog *cat = NULL;
    ck_assert(kt_catalog_load(ut_pool, "/nonexistent-dir", &cat) != NULL);
}
END_TEST

Suite *i18n_suite(void)
{
    Suite *s = suite_create("i18n");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, own_language_first);
    tcase_add_test(tc, fallback_order);
    tcase_add_test(tc, catalogs_load_and_agree);
    tcase_add_test(tc, catalog_errors_are_reported);
    tcase_add_test(tc, mail_subject_and_greeting);
    suite_add_tcase(s, tc);
    return s;
}
