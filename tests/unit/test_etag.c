/* Entity tags: making them, matching If-None-Match as clients and mod_deflate send it. */
#include <string.h>
#include "unit.h"
#include "kt_etag.h"

START_TEST(made_tags_are_quoted_hex_and_separate_parts)
{
    const char *ab_c[] = { "ab", "c" }, *a_bc[] = { "a", "bc" }, *with_null[] = { "a", NULL };
    char *t = kt_etag_make(ut_pool, ab_c, 2);

    ck_assert_uint_eq(strlen(t), 34);
    ck_assert(t[0] == '"' && t[33] == '"');
    ck_assert_uint_eq(strspn(t + 1, "0123456789abcdef"), 32);
    ck_assert_str_ne(t, kt_etag_make(ut_pool, a_bc, 2));
    ck_assert_str_eq(t, kt_etag_make(ut_pool, ab_c, 2));
    ck_assert_str_eq(kt_etag_make(ut_pool, with_null, 2),
                     kt_etag_make(ut_pool, (const char *[]){ "a", "" }, 2));
}
END_TEST

START_TEST(if_none_match)
{
    const char *tag = "\"0123abcd\"";
    ck_assert(kt_etag_match("\"0123abcd\"", tag));
    ck_assert(kt_etag_match("W/\"0123abcd\"", tag));
    ck_assert(kt_etag_match("*", tag));
    ck_assert(kt_etag_match("\"x\", \"0123abcd\"", tag));
    ck_assert(kt_etag_match("\"x\",W/\"0123abcd\" , \"y\"", tag));
    /* what a client echoes after mod_deflate compressed the answer */
    ck_assert(kt_etag_match("\"0123abcd-gzip\"", tag));
    ck_assert(kt_etag_match("\"0123abcd-br\"", tag));
    ck_assert(kt_etag_match("\"0123abcd\"", "W/\"0123abcd\""));

    ck_assert(!kt_etag_match("\"0123abcd-deflate\"", tag));
    ck_assert(!kt_etag_match("\"0123abc\"", tag));
    ck_assert(!kt_etag_match("\"0123abcdx\"", tag));
    ck_assert(!kt_etag_match("0123abcd", tag));
    ck_assert(!kt_etag_match("\"0123abcd", tag));
    ck_assert(!kt_etag_match("\"x\" junk, \"0123abcd\"", tag));
    ck_assert(!kt_etag_match("", tag));
    ck_assert(!kt_etag_match(NULL, tag));
    ck_assert(!kt_etag_match("*", NULL));
    ck_assert(!kt_etag_match("\"\"", "\"\"x"));
}
END_TEST

Suite *etag_suite(void)
{
    Suite *s = suite_create("etag");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, made_tags_are_quoted_hex_and_separate_parts);
    tcase_add_test(tc, if_none_match);
    suite_add_tcase(s, tc);
    return s;
}
