/* Tolerant input (kt_tidy.h): what is tidied, what is left for the
 * validator to refuse, and that a tidied value passes the validator. */
#include "unit.h"
#include "kt_tidy.h"
#include "kt_bizid.h"
#include "kt_validate.h"

#define TIDY(fn, in, want) ck_assert_str_eq(fn(ut_pool, in), want)

START_TEST(business_ids)
{
    TIDY(kt_tidy_business_id, "12345671", "1234567-1");
    TIDY(kt_tidy_business_id, "1234567-1", "1234567-1");
    TIDY(kt_tidy_business_id, "1234567 - 1", "1234567-1");
    TIDY(kt_tidy_business_id, "123 4567-1", "1234567-1");
    TIDY(kt_tidy_business_id, "1234567\xe2\x80\x93" "1", "1234567-1");      /* en dash */
    TIDY(kt_tidy_business_id, "1234567\xe2\x88\x92" "1", "1234567-1");      /* minus sign */
    TIDY(kt_tidy_business_id, "1234\xc2\xa0" "567-1", "1234567-1");          /* no-break space */
    TIDY(kt_tidy_business_id, "FI12345671", "1234567-1");
    TIDY(kt_tidy_business_id, "fi 1234 5671", "1234567-1");
    TIDY(kt_tidy_business_id, "737546-2", "0737546-2");
    ck_assert_int_eq(kt_bizid_check(kt_tidy_business_id(ut_pool, "12345671")), KT_BIZID_OK);
    ck_assert_int_eq(kt_bizid_check(kt_tidy_business_id(ut_pool, "737546-2")), KT_BIZID_OK);
    /* the shape is tidied, the check digit is the validator's */
    TIDY(kt_tidy_business_id, "12345678", "1234567-8");
    ck_assert_int_eq(kt_bizid_check(kt_tidy_business_id(ut_pool, "12345678")),
                     KT_BIZID_CHECKSUM);
}
END_TEST

START_TEST(business_ids_left_alone)
{
    const char *bad[] = { "", "1234567", "123456789", "FI1234567", "SE12345671", "1234567-12",
                          "12345-671", "abc", "1234567/1", "\xef\xbc\x91" "234567-1" };
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const char *t = kt_tidy_business_id(ut_pool, bad[i]);
        ck_assert_msg(kt_bizid_check(t) == KT_BIZID_MALFORMED, "\"%s\" became \"%s\"", bad[i], t);
    }
    ck_assert_ptr_null(kt_tidy_business_id(ut_pool, NULL));
}
END_TEST

START_TEST(web_addresses)
{
    TIDY(kt_tidy_web_url, "www.kaneli.example", "https://www.kaneli.example");
    TIDY(kt_tidy_web_url, "kaneli.example/toiminta?x=1#a", "https://kaneli.example/toiminta?x=1#a");
    TIDY(kt_tidy_web_url, "WWW.Kaneli.Example/Sivu", "https://www.kaneli.example/Sivu");
    TIDY(kt_tidy_web_url, "kaneli.example:8080", "https://kaneli.example:8080");
    TIDY(kt_tidy_web_url, "p\xc3\xa4\xc3\xa4kaupunki.fi", "https://p\xc3\xa4\xc3\xa4kaupunki.fi");
    TIDY(kt_tidy_web_url, "HTTPS://Kaneli.EXAMPLE/Sivu", "https://kaneli.example/Sivu");
    TIDY(kt_tidy_web_url, "Http://kaneli.example", "http://kaneli.example");
    TIDY(kt_tidy_web_url, "https://Matti@Kaneli.example", "https://Matti@Kaneli.example");
    ck_assert_int_eq(kt_valid_web_url(kt_tidy_web_url(ut_pool, "www.kaneli.example")), KT_V_OK);
}
END_TEST

START_TEST(web_addresses_left_alone)
{
    /* not a host, or could be something else: the validator refuses them */
    const char *bad[] = { "kaneli", "matti@kaneli.example", "mailto:matti@kaneli.example",
                          "javascript:alert(1)", "ftp://kaneli.example", "1.5", "kaneli.",
                          ".kaneli.example", "kaneli..example", "www.kaneli.example sivu",
                          "kaneli.example:80x", "kaneli.example:", "//kaneli.example",
                          "<kaneli.example>" };
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_str_eq(kt_tidy_web_url(ut_pool, bad[i]), bad[i]);
        ck_assert_msg(kt_valid_web_url(kt_tidy_web_url(ut_pool, bad[i])) != KT_V_OK, "%s", bad[i]);
    }
}
END_TEST

START_TEST(phone_numbers)
{
    TIDY(kt_tidy_phone, "040  123   4567", "040 123 4567");
    TIDY(kt_tidy_phone, "040\t123\xc2\xa0" "4567", "040 123 4567");
    TIDY(kt_tidy_phone, "\xc2\xa0" "040 123 4567\xe2\x80\xaf", "040 123 4567");
    TIDY(kt_tidy_phone, "+358\xe2\x80\x89" "40 123 4567", "+358 40 123 4567");
    TIDY(kt_tidy_phone, "040\xe2\x80\x93" "1234567", "040-1234567");
    TIDY(kt_tidy_phone, "040.123.4567", "040 123 4567");
    TIDY(kt_tidy_phone, "09/310 1234", "09 310 1234");
    TIDY(kt_tidy_phone, "+358 (0)40 123 4567", "+358 (0)40 123 4567");
    ck_assert_int_eq(kt_valid_phone(kt_tidy_phone(ut_pool, "040.123\xc2\xa0" "4567")), KT_V_OK);
    /* letters stay, for the validator to refuse */
    TIDY(kt_tidy_phone, "soita 040", "soita 040");
    TIDY(kt_tidy_phone, "040./1", "040./1");
}
END_TEST

START_TEST(email_addresses)
{
    TIDY(kt_tidy_email, "Maija.Meikalainen@Kaneli.EXAMPLE", "Maija.Meikalainen@kaneli.example");
    TIDY(kt_tidy_email, "mailto:info@Kaneli.example", "info@kaneli.example");
    TIDY(kt_tidy_email, "MAILTO:Info@KANELI.example", "Info@kaneli.example");
    TIDY(kt_tidy_email, "info@kaneli.example", "info@kaneli.example");
    /* two @, none: the validator's */
    TIDY(kt_tidy_email, "a@B@C.example", "a@B@C.example");
    TIDY(kt_tidy_email, "Kaneli.Example", "Kaneli.Example");
    ck_assert_str_eq(kt_tidy_email(ut_pool, ""), "");
}
END_TEST

Suite *tidy_suite(void)
{
    Suite *s = suite_create("tidy");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, business_ids);
    tcase_add_test(tc, business_ids_left_alone);
    tcase_add_test(tc, web_addresses);
    tcase_add_test(tc, web_addresses_left_alone);
    tcase_add_test(tc, phone_numbers);
    tcase_add_test(tc, email_addresses);
    suite_add_tcase(s, tc);
    return s;
}
