/* application/x-www-form-urlencoded decoding (kt_query.c). */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_query.h"

static const kt_query_limits small = { 4, 8, 16 };
static const kt_query_limits roomy = { 100, 100, 1000 };

static apr_array_header_t *parse_ok(const char *raw, const kt_query_limits *lim)
{
    apr_array_header_t *pairs = NULL;
    kt_query_error err;
    ck_assert_int_eq(kt_query_parse(ut_pool, raw, strlen(raw), lim, &pairs, &err), KT_QUERY_OK);
    ck_assert_int_eq(err.status, KT_QUERY_OK);
    ck_assert_ptr_nonnull(pairs);
    return pairs;
}

static const kt_query_pair *pair_at(apr_array_header_t *pairs, int i)
{
    return &APR_ARRAY_IDX(pairs, i, kt_query_pair);
}

static kt_query_status parse_err(const char *raw, apr_size_t len, const kt_query_limits *lim,
                                 kt_query_error *err)
{
    apr_array_header_t *pairs = (apr_array_header_t *)1;
    kt_query_status st = kt_query_parse(ut_pool, raw, len, lim, &pairs, err);
    ck_assert_ptr_null(pairs);
    ck_assert_int_eq(err->status, st);
    return st;
}

START_TEST(pairs_in_order_with_repeats)
{
    apr_array_header_t *pairs = parse_ok("q=kieli&form=a&form=b&free=1", &roomy);
    ck_assert_int_eq(pairs->nelts, 4);
    ck_assert_str_eq(pair_at(pairs, 0)->name, "q");
    ck_assert_str_eq(pair_at(pairs, 0)->value, "kieli");
    ck_assert_str_eq(pair_at(pairs, 1)->value, "a");
    ck_assert_str_eq(pair_at(pairs, 2)->name, "form");
    ck_assert_str_eq(pair_at(pairs, 2)->value, "b");
    ck_assert_int_eq((int)pair_at(pairs, 3)->value_len, 1);
}
END_TEST

START_TEST(plus_and_percent_escapes)
{
    apr_array_header_t *pairs = parse_ok("q=l%C3%A4ksy+kerho%2B%26%3D&x%20y=%7e", &roomy);
    ck_assert_str_eq(pair_at(pairs, 0)->value, "läksy kerho+&=");
    ck_assert_str_eq(pair_at(pairs, 1)->name, "x y");
    ck_assert_str_eq(pair_at(pairs, 1)->value, "~");
}
END_TEST

START_TEST(empty_pieces_names_and_values)
{
    apr_array_header_t *pairs = parse_ok("&&a=&b&=c&&", &roomy);
    ck_assert_int_eq(pairs->nelts, 3);
    ck_assert_str_eq(pair_at(pairs, 0)->name, "a");
    ck_assert_str_eq(pair_at(pairs, 0)->value, "");
    ck_assert_str_eq(pair_at(pairs, 1)->name, "b");      /* no '=': empty value */
    ck_assert_str_eq(pair_at(pairs, 1)->value, "");
    ck_assert_str_eq(pair_at(pairs, 2)->name, "");
    ck_assert_str_eq(pair_at(pairs, 2)->value, "c");
    ck_assert_int_eq(parse_ok("", &roomy)->nelts, 0);
    ck_assert_int_eq(kt_query_parse(ut_pool, NULL, 0, &roomy, &pairs, NULL), KT_QUERY_OK);
    ck_assert_int_eq(pairs->nelts, 0);
    /* only the first '=' splits */
    ck_assert_str_eq(pair_at(parse_ok("a=b=c", &roomy), 0)->value, "b=c");
}
END_TEST

START_TEST(bad_escapes)
{
    kt_query_error err;
    ck_assert_int_eq(parse_err("q=100%", 6, &roomy, &err), KT_QUERY_BAD_ESCAPE);
    ck_assert_str_eq(err.param, "q");
    ck_assert_int_eq(parse_err("q=%4", 4, &roomy, &err), KT_QUERY_BAD_ESCAPE);
    ck_assert_int_eq(parse_err("q=%zz", 5, &roomy, &err), KT_QUERY_BAD_ESCAPE);
    ck_assert_int_eq(parse_err("q=%%41", 6, &roomy, &err), KT_QUERY_BAD_ESCAPE);
    ck_assert_int_eq(parse_err("%g1=x", 5, &roomy, &err), KT_QUERY_BAD_ESCAPE);
    ck_assert_ptr_null(err.param);   /* the name itself was bad */
}
END_TEST

START_TEST(nul_and_controls_are_refused)
{
    kt_query_error err;
    ck_assert_int_eq(parse_err("q=a%00b", 7, &roomy, &err), KT_QUERY_CONTROL_CHAR);
    ck_assert_str_eq(err.param, "q");
    ck_assert_int_eq(parse_err("q=a\0b", 5, &roomy, &err), KT_QUERY_CONTROL_CHAR); /* raw NUL */
    ck_assert_int_eq(parse_err("q=%01", 5, &roomy, &err), KT_QUERY_CONTROL_CHAR);
    ck_assert_int_eq(parse_err("q=%7F", 5, &roomy, &err), KT_QUERY_CONTROL_CHAR);
    ck_assert_int_eq(parse_err("a%00=1", 6, &roomy, &err), KT_QUERY_CONTROL_CHAR);
    ck_assert_ptr_null(err.param);
    /* a textarea's line breaks and tabs are fine */
    ck_assert_str_eq(pair_at(parse_ok("t=a%0D%0Ab%09c", &roomy), 0)->value, "a\r\nb\tc");
}
END_TEST

START_TEST(invalid_utf8_is_refused)
{
    kt_query_error err;
    ck_assert_int_eq(parse_err("q=%FF", 5, &roomy, &err), KT_QUERY_BAD_UTF8);
    ck_assert_str_eq(err.param, "q");
    ck_assert_int_eq(parse_err("q=%C3%28", 8, &roomy, &err), KT_QUERY_BAD_UTF8);
    ck_assert_int_eq(parse_err("q=%C0%AF", 8, &roomy, &err), KT_QUERY_BAD_UTF8);   /* overlong */
    ck_assert_int_eq(parse_err("q=%ED%A0%80", 11, &roomy, &err), KT_QUERY_BAD_UTF8); /* surrogate */
    ck_assert_int_eq(parse_err("q=\xC3", 3, &roomy, &err), KT_QUERY_BAD_UTF8);     /* raw byte */
    ck_assert_int_eq(parse_err("%E4=1", 5, &roomy, &err), KT_QUERY_BAD_UTF8);
    ck_assert_ptr_null(err.param);
    ck_assert_str_eq(pair_at(parse_ok("q=%F0%9F%98%80", &roomy), 0)->value, "\xF0\x9F\x98\x80");
}
END_TEST

START_TEST(limits_are_enforced)
{
    kt_query_error err;
    /* at the limits: fine */
    ck_assert_int_eq(parse_ok("a=1&b=2&c=3&d=4", &small)->nelts, 4);
    ck_assert_int_eq(parse_ok("abcdefgh=0123456789abcdef", &small)->nelts, 1);
    /* one over */
    ck_assert_int_eq(parse_err("a=1&b=2&c=3&d=4&e=5", 19, &small, &err), KT_QUERY_TOO_MANY);
    ck_assert_ptr_null(err.param);
    ck_assert_int_eq(parse_err("abcdefghi=1", 11, &small, &err), KT_QUERY_TOO_LONG);
    ck_assert_ptr_null(err.param);
    ck_assert_int_eq(parse_err("a=0123456789abcdefg", 19, &small, &err), KT_QUERY_TOO_LONG);
    ck_assert_str_eq(err.param, "a");
    /* limits count decoded bytes: %41 is one byte */
    ck_assert_str_eq(pair_at(parse_ok("a=%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41", &small),
                             0)->value, "AAAAAAAAAAAAAAAA");
    /* empty pieces are not pairs */
    ck_assert_int_eq(parse_ok("a=1&&&&b=2&&c=3&d=4&&", &small)->nelts, 4);
}
END_TEST

START_TEST(encode_round_trips)
{
    const char *s = "läksy kerho & <b>=100%/?#+";
    char *enc = kt_query_encode(ut_pool, s);
    apr_array_header_t *pairs;
    ck_assert_str_eq(kt_query_encode(ut_pool, "a-b_c.d~e"), "a-b_c.d~e");
    ck_assert_str_eq(kt_query_encode(ut_pool, "a b"), "a+b");
    ck_assert_str_eq(kt_query_encode(ut_pool, "ä"), "%C3%A4");
    ck_assert_ptr_null(strpbrk(enc, " &=<>#?/"));
    pairs = parse_ok(apr_pstrcat(ut_pool, "q=", enc, NULL), &roomy);
    ck_assert_str_eq(pair_at(pairs, 0)->value, s);
}
END_TEST

START_TEST(status_names)
{
    ck_assert_str_eq(kt_query_status_name(KT_QUERY_TOO_LONG), "too-long");
    ck_assert_str_eq(kt_query_status_name(KT_QUERY_BAD_UTF8), "invalid-utf8");
    ck_assert_str_eq(kt_query_status_name(KT_QUERY_CONTROL_CHAR), "control-char");
    ck_assert_str_eq(kt_query_status_name(KT_QUERY_BAD_ESCAPE), "bad-escape");
    ck_assert_str_eq(kt_query_status_name(KT_QUERY_TOO_MANY), "too-many");
}
END_TEST

Suite *query_suite(void)
{
    Suite *s = suite_create("query");
    TCase *tc = tcase_create("decode");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, pairs_in_order_with_repeats);
    tcase_add_test(tc, plus_and_percent_escapes);
    tcase_add_test(tc, empty_pieces_names_and_values);
    tcase_add_test(tc, bad_escapes);
    tcase_add_test(tc, nul_and_controls_are_refused);
    tcase_add_test(tc, invalid_utf8_is_refused);
    tcase_add_test(tc, limits_are_enforced);
    tcase_add_test(tc, encode_round_trips);
    tcase_add_test(tc, status_names);
    suite_add_tcase(s, tc);
    return s;
}
