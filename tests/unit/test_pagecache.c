/* Page cache entries (round trip, no Set-Cookie, broken buffers) and keys. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_pagecache.h"

START_TEST(entry_round_trip_without_cookies)
{
    kt_pc_entry e = { 0 }, d;
    apr_size_t len;
    char *buf;
    static const char body[] = "<!DOCTYPE html><p>\xC3\xA4</p>";

    e.generation = 4200000000LL;
    e.expires = apr_time_from_sec(1796594400);
    e.headers = apr_table_make(ut_pool, 4);
    apr_table_addn(e.headers, "Content-Language", "fi");
    apr_table_addn(e.headers, "Set-Cookie", "s=1");
    apr_table_addn(e.headers, "Link", "<a>; rel=x");
    apr_table_addn(e.headers, "Link", "<b>; rel=y");
    e.etag = "\"abc\"";
    e.body = body;
    e.body_len = sizeof(body) - 1;
    buf = kt_pc_encode(ut_pool, &e, &len);

    ck_assert(kt_pc_decode(ut_pool, buf, len, &d));
    ck_assert(d.generation == e.generation);
    ck_assert(d.expires == e.expires);
    ck_assert_str_eq(d.etag, "\"abc\"");
    ck_assert_uint_eq(d.body_len, e.body_len);
    ck_assert(memcmp(d.body, body, d.body_len) == 0);
    ck_assert_str_eq(apr_table_get(d.headers, "Content-Language"), "fi");
    ck_assert_ptr_null(apr_table_get(d.headers, "Set-Cookie"));
    ck_assert_int_eq(apr_table_elts(d.headers)->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(apr_table_elts(d.headers), 2, apr_table_entry_t).val,
                     "<b>; rel=y");

    /* every cut, and a wrong magic, is refused */
    for (apr_size_t n = 0; n < len; n++) {
        ck_assert(!kt_pc_decode(ut_pool, buf, n, &d));
    }
    buf[0] = 'X';
    ck_assert(!kt_pc_decode(ut_pool, buf, len, &d));
}
END_TEST

START_TEST(entry_without_headers_or_etag)
{
    kt_pc_entry e = { 0 }, d;
    apr_size_t len;
    char *buf;

    e.generation = 1;
    e.body = "";
    buf = kt_pc_encode(ut_pool, &e, &len);
    ck_assert(kt_pc_decode(ut_pool, buf, len, &d));
    ck_assert_ptr_null(d.etag);
    ck_assert_uint_eq(d.body_len, 0);
    ck_assert_int_eq(apr_table_elts(d.headers)->nelts, 0);
}
END_TEST

START_TEST(keys_keep_inputs_apart)
{
    const char *k = kt_pc_key(ut_pool, NULL, "/fi/activities", "q=a", NULL);

    ck_assert_str_eq(k, kt_pc_key(ut_pool, NULL, "/fi/activities", "q=a", NULL));
    ck_assert_str_eq(kt_pc_key(ut_pool, NULL, "/fi/", "", NULL),
                     kt_pc_key(ut_pool, NULL, "/fi/", NULL, NULL));
    ck_assert_str_ne(k, kt_pc_key(ut_pool, "http://a", "/fi/activities", "q=a", NULL));
    ck_assert_str_ne(k, kt_pc_key(ut_pool, NULL, "/fi/activities", "q=a", "/fi/activities"));
    ck_assert_str_ne(k, kt_pc_key(ut_pool, NULL, "/fi/activities?q=a", NULL, NULL));
    ck_assert_str_ne(kt_pc_key(ut_pool, NULL, "/fi/activities/1", NULL, "/fi/activities?q=a"),
                     kt_pc_key(ut_pool, NULL, "/fi/activities/1", NULL, "/fi/activities?q=b"));
}
END_TEST

START_TEST(expiry_is_the_earlier)
{
    apr_time_t now = apr_time_from_sec(1000), cap = apr_time_from_sec(300);

    ck_assert(kt_pc_expires(now, apr_time_from_sec(1010), cap) == apr_time_from_sec(1010));
    ck_assert(kt_pc_expires(now, apr_time_from_sec(99999), cap) == apr_time_from_sec(1300));
    ck_assert(kt_pc_expires(now, 0, cap) == apr_time_from_sec(1300));
}
END_TEST

Suite *pagecache_suite(void)
{
    Suite *s = suite_create("pagecache");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, entry_round_trip_without_cookies);
    tcase_add_test(tc, entry_without_headers_or_etag);
    tcase_add_test(tc, keys_keep_inputs_apart);
    tcase_add_test(tc, expiry_is_the_earlier);
    suite_add_tcase(s, tc);
    return s;
}
