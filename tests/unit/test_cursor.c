/* Feed cursors: round trip, tampering, other queries, other installations,
 * strict decoding. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_cursor.h"
#include "kt_time.h"

static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
static const unsigned char other_key[32] = "0123456789abcdef0123456789abcdeF";

static kt_cursor sample(void)
{
    kt_cursor c;
    c.ts_us = 1795000000123456LL;
    c.id = 4242;
    c.horizon_us = 1794000000000000LL;
    kt_cursor_ident("feed:1;since=;", c.ident);
    return c;
}

START_TEST(round_trip)
{
    kt_cursor c = sample(), back;
    char *text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);

    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(strlen(text), KT_CURSOR_TEXT_LEN);
    ck_assert_msg(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                  == KT_CURSOR_TEXT_LEN, "not URL-safe: %s", text);
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), c.ident, &back), KT_CURSOR_OK);
    ck_assert(back.ts_us == c.ts_us);
    ck_assert(back.id == c.id);
    ck_assert(back.horizon_us == c.horizon_us);
    /* deterministic: the same page always links the same next page (ETags) */
    ck_assert_str_eq(kt_cursor_encode(ut_pool, key, sizeof(key), &c), text);
}
END_TEST

START_TEST(every_changed_character_is_refused)
{
    kt_cursor c = sample(), back;
    char *text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    size_t i;
    const char alphabet[] = "AaZz09-_";

    for (i = 0; i < KT_CURSOR_TEXT_LEN; i++) {
        size_t j;
        for (j = 0; alphabet[j]; j++) {
            char *t = apr_pstrdup(ut_pool, text);
            if (t[i] == alphabet[j]) {
                continue;
            }
            t[i] = alphabet[j];
            ck_assert_msg(kt_cursor_decode(t, key, sizeof(key), c.ident, &back) != KT_CURSOR_OK,
                          "accepted %s", t);
        }
    }
}
END_TEST

START_TEST(other_query_and_other_installation)
{
    kt_cursor c = sample(), back;
    unsigned char ident[KT_CURSOR_IDENT_LEN];
    char *text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);

    kt_cursor_ident("feed:1;since=;form=language_club", ident);
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), ident, &back),
                     KT_CURSOR_OTHER_QUERY);
    ck_assert_int_eq(kt_cursor_decode(text, other_key, sizeof(other_key), c.ident, &back),
                     KT_CURSOR_FORGED);
    ck_assert_str_eq(kt_cursor_status_name(KT_CURSOR_OTHER_QUERY), "other-query");
    ck_assert_str_eq(kt_cursor_status_name(KT_CURSOR_FORGED), "forged");
    ck_assert_str_eq(kt_cursor_status_name(KT_CURSOR_MALFORMED), "malformed");
}
END_TEST

START_TEST(malformed_text)
{
    kt_cursor c = sample(), back;
    char *text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    const char *bad[] = { "", "x", "AAAA",
                          "not a cursor at all, but 66 characters long, honestly, I promise..",
                          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                          /* a cursor of version 1 (no horizon), 55 characters */
                          "AQAGS3a8SYfAAAAAAAAAEJKMvb7g5IGz1gy2kXpmyE4rrbIX4UXeXMc" };
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_int_ne(kt_cursor_decode(bad[i], key, sizeof(key), c.ident, &back), KT_CURSOR_OK);
    }
    ck_assert_int_eq(kt_cursor_decode(NULL, key, sizeof(key), c.ident, &back), KT_CURSOR_MALFORMED);
    /* standard base64 and padding are not our alphabet */
    ck_assert_int_eq(kt_cursor_decode(apr_pstrcat(ut_pool, text, "=", NULL), key, sizeof(key),
                                      c.ident, &back), KT_CURSOR_MALFORMED);
    ck_assert_int_eq(kt_cursor_decode(apr_pstrndup(ut_pool, text, KT_CURSOR_TEXT_LEN - 1), key,
                                      sizeof(key),
                                      c.ident, &back), KT_CURSOR_MALFORMED);
    /* a short key is refused both ways */
    ck_assert_ptr_null(kt_cursor_encode(ut_pool, key, KT_CURSOR_KEY_MIN - 1, &c));
    ck_assert_int_eq(kt_cursor_decode(text, key, KT_CURSOR_KEY_MIN - 1, c.ident, &back),
                     KT_CURSOR_FORGED);
}
END_TEST

START_TEST(non_canonical_last_character)
{
    kt_cursor c = sample(), back;
    char *text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int v = (int)(strchr(alphabet, text[KT_CURSOR_TEXT_LEN - 1]) - alphabet);

    /* the last character carries 2 bits of data and 4 that must be zero */
    ck_assert_int_eq(v & 15, 0);
    text[KT_CURSOR_TEXT_LEN - 1] = alphabet[v | 1];
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), c.ident, &back), KT_CURSOR_MALFORMED);
}
END_TEST

START_TEST(signed_values_out_of_range_are_refused)
{
    kt_cursor c = sample(), back;
    char *text;

    c.id = 0;
    text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), c.ident, &back), KT_CURSOR_MALFORMED);
    c = sample();
    c.ts_us = -APR_INT64_C(9000000000000000000);
    text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), c.ident, &back), KT_CURSOR_MALFORMED);
    c = sample();
    c.horizon_us = KT_TIME_MAX_US + 1;
    text = kt_cursor_encode(ut_pool, key, sizeof(key), &c);
    ck_assert_int_eq(kt_cursor_decode(text, key, sizeof(key), c.ident, &back), KT_CURSOR_MALFORMED);
}
END_TEST

START_TEST(hex_keys)
{
    unsigned char *k;
    apr_size_t n;
    ck_assert(kt_cursor_key_from_hex(ut_pool, "00ff7Fa0", &k, &n));
    ck_assert_uint_eq(n, 4);
    ck_assert(k[0] == 0 && k[1] == 0xFF && k[2] == 0x7F && k[3] == 0xA0);
    ck_assert(!kt_cursor_key_from_hex(ut_pool, "abc", &k, &n));
    ck_assert(!kt_cursor_key_from_hex(ut_pool, "zz", &k, &n));
    ck_assert(!kt_cursor_key_from_hex(ut_pool, NULL, &k, &n));
}
END_TEST

Suite *cursor_suite(void)
{
    Suite *s = suite_create("cursor");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, every_changed_character_is_refused);
    tcase_add_test(tc, other_query_and_other_installation);
    tcase_add_test(tc, malformed_text);
    tcase_add_test(tc, non_canonical_last_character);
    tcase_add_test(tc, signed_values_out_of_range_are_refused);
    tcase_add_test(tc, hex_keys);
    suite_add_tcase(s, tc);
    return s;
}
