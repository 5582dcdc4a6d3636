/* Y-tunnus: valid IDs, wrong check digits, remainder 1, malformed input. */
#include "unit.h"
#include "kt_bizid.h"

START_TEST(valid_ids)
{
    /* check digits computed by hand: weights 7,9,10,5,8,4,2 */
    ck_assert_int_eq(kt_bizid_check("0737546-2"), KT_BIZID_OK);   /* sum 196, rem 9 → 2 */
    ck_assert_int_eq(kt_bizid_check("1572860-0"), KT_BIZID_OK);   /* rem 0 → 0 */
    ck_assert_int_eq(kt_bizid_check("0000000-0"), KT_BIZID_OK);
}
END_TEST

START_TEST(wrong_check_digit)
{
    ck_assert_int_eq(kt_bizid_check("0737546-3"), KT_BIZID_CHECKSUM);
    ck_assert_int_eq(kt_bizid_check("1572860-1"), KT_BIZID_CHECKSUM);
}
END_TEST

START_TEST(remainder_one_is_never_valid)
{
    /* 0000006: 6 × 2 = 12, 12 mod 11 = 1 */
    int d;
    for (d = 0; d <= 9; d++) {
        char id[10] = "0000006-0";
        id[8] = (char)('0' + d);
        ck_assert_int_eq(kt_bizid_check(id), KT_BIZID_CHECKSUM);
    }
}
END_TEST

START_TEST(malformed)
{
    const char *bad[] = { "", "0737546", "07375462", "0737546-", "0737546-22", "073754-62",
                          "a737546-2", "0737546_2", " 0737546-2", "0737546-x", "０737546-2" };
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(kt_bizid_check(bad[i]) == KT_BIZID_MALFORMED, "accepted \"%s\"", bad[i]);
    }
    ck_assert_int_eq(kt_bizid_check(NULL), KT_BIZID_MALFORMED);
}
END_TEST

Suite *bizid_suite(void)
{
    Suite *s = suite_create("bizid");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, valid_ids);
    tcase_add_test(tc, wrong_check_digit);
    tcase_add_test(tc, remainder_one_is_never_valid);
    tcase_add_test(tc, malformed);
    suite_add_tcase(s, tc);
    return s;
}
