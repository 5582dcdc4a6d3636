/* The feed's own parameters: limit, cursor, updated_since. */
#include <string.h>
#include "unit.h"
#include "kt_feed_params.h"
#include "kt_time.h"

START_TEST(defaults_and_good_values)
{
    kt_feed_params fp;
    kt_feed_error err;

    kt_feed_params_init(&fp);
    ck_assert_int_eq(fp.limit, KT_FEED_LIMIT_DEFAULT);
    ck_assert(!fp.has_since);
    ck_assert_ptr_null(fp.cursor);
    ck_assert_int_eq(kt_feed_param(&fp, "limit", "1000", &err), 1);
    ck_assert_int_eq(fp.limit, 1000);
    ck_assert_int_eq(kt_feed_param(&fp, "updated_since", "2026-11-20T10:00:00+02:00", &err), 1);
    ck_assert(fp.has_since);
    ck_assert(fp.since_us == 1795161600000000LL);
    ck_assert_int_eq(kt_feed_param(&fp, "cursor", "abc", &err), 1);
    ck_assert_str_eq(fp.cursor, "abc");
    /* not ours: for the filters */
    ck_assert_int_eq(kt_feed_param(&fp, "form", "language_club", &err), 0);
    ck_assert_int_eq(kt_feed_param(&fp, "Limit", "5", &err), 0);
}
END_TEST

START_TEST(empty_counts_as_absent)
{
    kt_feed_params fp;
    kt_feed_error err;

    kt_feed_params_init(&fp);
    ck_assert_int_eq(kt_feed_param(&fp, "limit", "", &err), 1);
    ck_assert_int_eq(kt_feed_param(&fp, "updated_since", "", &err), 1);
    ck_assert_int_eq(kt_feed_param(&fp, "limit", "7", &err), 1);
    ck_assert_int_eq(fp.limit, 7);
    ck_assert(!fp.has_since);
}
END_TEST

static void bad(const char *name, const char *value, const char *reason)
{
    kt_feed_params fp;
    kt_feed_error err = { NULL, NULL };

    kt_feed_params_init(&fp);
    ck_assert_msg(kt_feed_param(&fp, name, value, &err) == -1, "%s=%s accepted", name, value);
    ck_assert_str_eq(err.param, name);
    ck_assert_str_eq(err.reason, reason);
}

START_TEST(bad_values)
{
    bad("limit", "0", "out-of-range");
    bad("limit", "1001", "out-of-range");
    bad("limit", "99999999999999999999999", "out-of-range");
    bad("limit", "-1", "bad-value");
    bad("limit", "+5", "bad-value");
    bad("limit", "5 ", "bad-value");
    bad("limit", "1e3", "bad-value");
    bad("limit", "ten", "bad-value");
    bad("updated_since", "yesterday", "bad-value");
    bad("updated_since", "2026-11-20", "bad-value");
    bad("updated_since", "2026-02-30T00:00:00Z", "bad-value");
}
END_TEST

START_TEST(repeats_are_refused)
{
    static const char *const names[] = { "limit", "cursor", "updated_since" };
    static const char *const values[] = { "5", "x", "2026-11-20T10:00:00Z" };
    int i;

    for (i = 0; i < 3; i++) {
        kt_feed_params fp;
        kt_feed_error err;
        kt_feed_params_init(&fp);
        ck_assert_int_eq(kt_feed_param(&fp, names[i], values[i], &err), 1);
        ck_assert_int_eq(kt_feed_param(&fp, names[i], values[i], &err), -1);
        ck_assert_str_eq(err.reason, "repeated");
        ck_assert_str_eq(err.param, names[i]);
    }
}
END_TEST

START_TEST(identity_ignores_spelling_limit_and_cursor)
{
    kt_feed_params a, b;
    kt_feed_error err;

    kt_feed_params_init(&a);
    kt_feed_params_init(&b);
    kt_feed_param(&a, "updated_since", "2026-11-20T10:00:00+02:00", &err);
    kt_feed_param(&b, "updated_since", "2026-11-20T08:00:00.000Z", &err);
    kt_feed_param(&b, "limit", "3", &err);
    kt_feed_param(&b, "cursor", "whatever", &err);
    ck_assert_str_eq(kt_feed_identity(ut_pool, &a, "form=x"), kt_feed_identity(ut_pool, &b, "form=x"));
    ck_assert_str_ne(kt_feed_identity(ut_pool, &a, "form=x"), kt_feed_identity(ut_pool, &a, "form=y"));
    kt_feed_params_init(&b);
    ck_assert_str_ne(kt_feed_identity(ut_pool, &a, ""), kt_feed_identity(ut_pool, &b, ""));
    ck_assert_str_eq(kt_feed_identity(ut_pool, &b, NULL), kt_feed_identity(ut_pool, &b, ""));
}
END_TEST

Suite *feed_params_suite(void)
{
    Suite *s = suite_create("feed_params");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, defaults_and_good_values);
    tcase_add_test(tc, empty_counts_as_absent);
    tcase_add_test(tc, bad_values);
    tcase_add_test(tc, repeats_are_refused);
    tcase_add_test(tc, identity_ignores_spelling_limit_and_cursor);
    suite_add_tcase(s, tc);
    return s;
}
