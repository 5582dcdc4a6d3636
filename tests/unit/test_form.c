/* Form body decoding: what browsers send, and what attackers send. */
#include <string.h>
#include "unit.h"
#include "kt_form.h"

static kt_form_status dec(const char *body, kt_form **f)
{
    return kt_form_decode(ut_pool, body, strlen(body), &kt_form_default_limits, f);
}

START_TEST(decodes_pairs_in_order)
{
    kt_form *f;
    apr_array_header_t *v;
    ck_assert_int_eq(dec("email=a%40b.fi&name=Matti+Meik%C3%A4l%C3%A4inen&x=&y&&t=1&t=2", &f),
                     KT_FORM_OK);
    ck_assert_str_eq(kt_form_get(f, "email"), "a@b.fi");
    ck_assert_str_eq(kt_form_get(f, "name"), "Matti Meikäläinen");
    ck_assert_str_eq(kt_form_get(f, "x"), "");
    ck_assert_str_eq(kt_form_get(f, "y"), "");
    ck_assert_str_eq(kt_form_get(f, "t"), "1");
    ck_assert_ptr_null(kt_form_get(f, "missing"));
    v = kt_form_values(ut_pool, f, "t");
    ck_assert_int_eq(v->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(v, 1, const char *), "2");
    ck_assert_int_eq(f->pairs->nelts, 6);
}
END_TEST

START_TEST(empty_body_is_an_empty_form)
{
    kt_form *f;
    ck_assert_int_eq(dec("", &f), KT_FORM_OK);
    ck_assert_int_eq(f->pairs->nelts, 0);
    ck_assert_int_eq(dec("&&&", &f), KT_FORM_OK);
    ck_assert_int_eq(f->pairs->nelts, 0);
}
END_TEST

START_TEST(rejects_nul_bad_escapes_and_bad_utf8)
{
    kt_form *f = (kt_form *)1;
    ck_assert_int_eq(dec("a=x%00y", &f), KT_FORM_NUL);
    ck_assert_ptr_null(f);
    ck_assert_int_eq(dec("a%00=1", &f), KT_FORM_NUL);
    ck_assert_int_eq(kt_form_decode(ut_pool, "a=x\0y", 5, &kt_form_default_limits, &f), KT_FORM_NUL);
    ck_assert_int_eq(dec("a=%", &f), KT_FORM_BAD_ESCAPE);
    ck_assert_int_eq(dec("a=%4", &f), KT_FORM_BAD_ESCAPE);
    ck_assert_int_eq(dec("a=%zz", &f), KT_FORM_BAD_ESCAPE);
    ck_assert_int_eq(dec("a=%C3", &f), KT_FORM_BAD_UTF8);
    ck_assert_int_eq(dec("a=%C0%AF", &f), KT_FORM_BAD_UTF8);        /* overlong '/' */
    ck_assert_int_eq(dec("a=%ED%A0%80", &f), KT_FORM_BAD_UTF8);     /* surrogate */
    ck_assert_int_eq(dec("a=\xff", &f), KT_FORM_BAD_UTF8);
    ck_assert_int_eq(dec("%ff=1", &f), KT_FORM_BAD_UTF8);
}
END_TEST

START_TEST(bounds_sizes_and_counts)
{
    kt_form_limits lim = { 100, 3, 4, 10 };
    kt_form *f;
    char big[200];

    ck_assert_int_eq(kt_form_decode(ut_pool, "a=1&b=2&c=3", 11, &lim, &f), KT_FORM_OK);
    ck_assert_int_eq(kt_form_decode(ut_pool, "a=1&b=2&c=3&d=4", 15, &lim, &f), KT_FORM_TOO_MANY);
    ck_assert_int_eq(kt_form_decode(ut_pool, "abcde=1", 7, &lim, &f), KT_FORM_TOO_LARGE);
    ck_assert_int_eq(kt_form_decode(ut_pool, "abcd=0123456789", 15, &lim, &f), KT_FORM_OK);
    ck_assert_int_eq(kt_form_decode(ut_pool, "abcd=0123456789x", 16, &lim, &f), KT_FORM_TOO_LARGE);
    /* the limit counts decoded bytes: ten %41 are ten bytes */
    ck_assert_int_eq(kt_form_decode(ut_pool, "a=%41%41%41%41%41%41%41%41%41%41", 32, &lim, &f),
                     KT_FORM_OK);
    memset(big, 'x', sizeof(big));
    ck_assert_int_eq(kt_form_decode(ut_pool, big, sizeof(big), &lim, &f), KT_FORM_TOO_LARGE);
}
END_TEST

START_TEST(content_type)
{
    ck_assert(kt_form_content_type_ok("application/x-www-form-urlencoded"));
    ck_assert(kt_form_content_type_ok("Application/X-WWW-Form-URLEncoded"));
    ck_assert(kt_form_content_type_ok("application/x-www-form-urlencoded; charset=UTF-8"));
    ck_assert(kt_form_content_type_ok("application/x-www-form-urlencoded;charset=\"utf-8\""));
    ck_assert(kt_form_content_type_ok("application/x-www-form-urlencoded ; foo=bar"));
    ck_assert(!kt_form_content_type_ok("application/x-www-form-urlencoded; charset=iso-8859-1"));
    ck_assert(!kt_form_content_type_ok("application/x-www-form-urlencodedx"));
    ck_assert(!kt_form_content_type_ok("multipart/form-data; boundary=x"));
    ck_assert(!kt_form_content_type_ok("text/plain"));
    ck_assert(!kt_form_content_type_ok("application/json"));
    ck_assert(!kt_form_content_type_ok(""));
    ck_assert(!kt_form_content_type_ok(NULL));
}
END_TEST

Suite *form_suite(void)
{
    Suite *s = suite_create("form");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, decodes_pairs_in_order);
    tcase_add_test(tc, empty_body_is_an_empty_form);
    tcase_add_test(tc, rejects_nul_bad_escapes_and_bad_utf8);
    tcase_add_test(tc, bounds_sizes_and_counts);
    tcase_add_test(tc, content_type);
    suite_add_tcase(s, tc);
    return s;
}
