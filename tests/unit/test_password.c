/* Password rules and hashing. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_password.h"

static const char *const matti[] = { "matti.meikalainen@example.fi", "Matti", "Meikäläinen", NULL };

static kt_pw_verdict judge(const char *pw)
{
    return kt_password_judge(ut_pool, pw, matti);
}

START_TEST(length)
{
    ck_assert_int_eq(judge("lyhyt sana"), KT_PW_TOO_SHORT);
    /* eleven characters of which several are two bytes: still too short */
    ck_assert_int_eq(judge("äöåäöåäöåäö"), KT_PW_TOO_SHORT);
    ck_assert_int_eq(judge("vihreä kirahvi ui"), KT_PW_OK);
    ck_assert_int_eq(judge(NULL), KT_PW_TOO_SHORT);
}
END_TEST

START_TEST(common_passwords_are_refused)
{
    const char *bad[] = {
        "password1234", "Password1234!", "p@ssw0rd2024", "Salasana2024!", "salasana123456",
        "LÖSENORD12345", "qwertyuiop123", "123456789012", "1q2w3e4r5t6y", "abcdefghijkl",
        "kissakissakissa", "aaaaaaaaaaaaaa", "abababababab", "!!!!!!!!!!!!!!", "iloveyou2024",
        "Kesä2024!!!!", "kotoutuminen1", "zxcvbnm12345", "lkjhgfdsa1234", "Helsinki2026!",
        "passwordpassword", "1234 5678 9012", "salasanat2024"
    };
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(judge(bad[i]) == KT_PW_COMMON, "accepted %s", bad[i]);
    }
}
END_TEST

START_TEST(personal_details_are_refused)
{
    ck_assert_int_eq(judge("Meikäläinen2026"), KT_PW_PERSONAL);
    ck_assert_int_eq(judge("matti.meikalainen1"), KT_PW_PERSONAL);
    ck_assert_int_eq(judge("MattiMeikalainen!"), KT_PW_PERSONAL);
}
END_TEST

START_TEST(good_passwords_pass)
{
    const char *good[] = {
        "correct horse battery staple", "vihreä kirahvi ui järvessä", "Tr0ub4dor&3-xyz",
        "kahvi ja pulla iltapäivällä", "x7#Lp9!qR2$v", "Matti ja metsän kettu"
    };
    size_t i;
    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        ck_assert_msg(judge(good[i]) == KT_PW_OK, "refused %s (%d)", good[i], judge(good[i]));
    }
}
END_TEST

START_TEST(hash_and_verify)
{
    char *h1, *h2;
    const char *pw = "vihreä kirahvi ui järvessä ja sen pitkä lause jatkuu yli seitsemänkymmenenkahden tavun";
    char longer[256];

    ck_assert_int_eq(kt_password_hash(ut_pool, pw, &h1), APR_SUCCESS);
    ck_assert_int_eq(kt_password_hash(ut_pool, pw, &h2), APR_SUCCESS);
    ck_assert_str_ne(h1, h2);                          /* salted */
    ck_assert(strncmp(h1, "$2y$11$", 7) == 0);         /* bcrypt, cost ≥ 10 */
    ck_assert(kt_password_verify(ut_pool, pw, h1));
    ck_assert(!kt_password_verify(ut_pool, "vihreä kirahvi ui", h1));
    /* bcrypt alone would ignore everything after byte 72: we do not */
    strcpy(longer, pw);
    strcat(longer, "!");
    ck_assert(!kt_password_verify(ut_pool, longer, h1));
    /* hashes of other kinds never match, not even a plain-text "hash" */
    ck_assert(!kt_password_verify(ut_pool, "plain", "plain"));
    ck_assert(!kt_password_verify(ut_pool, pw, ""));
    ck_assert(!kt_password_verify(ut_pool, pw, NULL));
}
END_TEST

START_TEST(dummy_hash_has_our_cost)
{
    char prefix[16];
    apr_snprintf(prefix, sizeof(prefix), "$2y$%02d$", KT_BCRYPT_COST);
    ck_assert(strncmp(kt_password_dummy_hash, prefix, strlen(prefix)) == 0);
    ck_assert_int_eq(strlen(kt_password_dummy_hash), 60);
    ck_assert(!kt_password_verify(ut_pool, "", kt_password_dummy_hash));
}
END_TEST

Suite *password_suite(void)
{
    Suite *s = suite_create("password");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, length);
    tcase_add_test(tc, common_passwords_are_refused);
    tcase_add_test(tc, personal_details_are_refused);
    tcase_add_test(tc, good_passwords_pass);
    tcase_add_test(tc, hash_and_verify);
    tcase_add_test(tc, dummy_hash_has_our_cost);
    suite_add_tcase(s, tc);
    return s;
}
