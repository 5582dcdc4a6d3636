/* RFC 3339 parsing and formatting, calendar arithmetic. */
#include <string.h>
#include "unit.h"
#include "kt_time.h"

static apr_int64_t parse(const char *s)
{
    apr_int64_t us = -42;
    ck_assert_msg(kt_time_parse_rfc3339(s, &us), "rejected %s", s);
    return us;
}

START_TEST(calendar_round_trip)
{
    apr_int64_t d;
    ck_assert_int_eq(kt_time_days_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(kt_time_days_from_civil(2000, 3, 1), 11017);
    ck_assert_int_eq(kt_time_days_from_civil(1969, 12, 31), -1);
    ck_assert_int_eq(kt_time_days_from_civil(1, 1, 1), -719162);
    for (d = -719162; d < 2932897; d += 37) {
        int y, m, day;
        kt_time_civil_from_days(d, &y, &m, &day);
        ck_assert_int_eq(kt_time_days_from_civil(y, m, day), d);
    }
}
END_TEST

START_TEST(parses_offsets_and_fractions)
{
    ck_assert_int_eq(parse("1970-01-01T00:00:00Z"), 0);
    ck_assert_int_eq(parse("1970-01-01t00:00:01z"), 1000000);
    ck_assert_int_eq(parse("2026-11-20T10:00:00+02:00"), parse("2026-11-20T08:00:00Z"));
    ck_assert_int_eq(parse("2026-11-20T10:00:00-01:30"), parse("2026-11-20T11:30:00Z"));
    /* a '+' that a query string turned into a space */
    ck_assert_int_eq(parse("2026-11-20T10:00:00 02:00"), parse("2026-11-20T08:00:00Z"));
    ck_assert_int_eq(parse("1970-01-01T00:00:00.5Z"), 500000);
    ck_assert_int_eq(parse("1970-01-01T00:00:00.000001Z"), 1);
    /* digits past microseconds are cut, never rounded up */
    ck_assert_int_eq(parse("1970-01-01T00:00:00.0000019Z"), 1);
    ck_assert_int_eq(parse("1969-12-31T23:59:59.999999Z"), -1);
    /* a leap second runs into the next minute */
    ck_assert_int_eq(parse("2016-12-31T23:59:60Z"), parse("2017-01-01T00:00:00Z"));
    ck_assert_int_eq(parse("2024-02-29T12:00:00Z"), parse("2024-03-01T12:00:00Z") - 86400000000LL);
    ck_assert_int_eq(parse("0001-01-01T00:00:00Z"), KT_TIME_MIN_US);
    ck_assert_int_eq(parse("9999-12-31T23:59:59.999999Z"), KT_TIME_MAX_US);
}
END_TEST

START_TEST(rejects_what_is_not_rfc3339)
{
    const char *bad[] = {
        "", "2026", "2026-11-20", "2026-11-20T10:00:00", "2026-11-20 10:00:00Z",
        "2026-11-20T10:00Z", "2026-11-20T10:00:00+0200", "2026-11-20T10:00:00+2:00",
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-20T24:00:00Z",
        "2026-11-20T10:60:00Z", "2026-11-20T10:00:61Z", "2026-11-20T10:00:00.Z",
        "2026-11-20T10:00:00+24:00", "2026-11-20T10:00:00+02:60", "2026-11-20T10:00:00Zjunk",
        "0000-01-01T00:00:00Z", "0001-01-01T00:00:00+00:01", "-001-01-01T00:00:00Z",
        "２026-11-20T10:00:00Z", "2026-11-20T10:00:00\xC2\xA0Z", " 2026-11-20T10:00:00Z",
        "+2026-11-20T10:00:00Z", "2026-11-20T10:00:00+02:00 ", "9999-12-31T23:59:59-00:01",
    };
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        apr_int64_t us = 7;
        ck_assert_msg(!kt_time_parse_rfc3339(bad[i], &us), "accepted \"%s\"", bad[i]);
        ck_assert_int_eq(us, 7);
    }
    ck_assert(!kt_time_parse_rfc3339(NULL, NULL));
}
END_TEST

START_TEST(formats_utc_with_fraction_only_when_needed)
{
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, 0), "1970-01-01T00:00:00Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, 1), "1970-01-01T00:00:00.000001Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, 500000), "1970-01-01T00:00:00.5Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, -1), "1969-12-31T23:59:59.999999Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, parse("2026-11-20T10:00:00+02:00")),
                     "2026-11-20T08:00:00Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, KT_TIME_MIN_US), "0001-01-01T00:00:00Z");
    ck_assert_str_eq(kt_time_format_rfc3339(ut_pool, KT_TIME_MAX_US),
                     "9999-12-31T23:59:59.999999Z");
    ck_assert_ptr_null(kt_time_format_rfc3339(ut_pool, KT_TIME_MAX_US + 1));
    ck_assert_ptr_null(kt_time_format_rfc3339(ut_pool, KT_TIME_MIN_US - 1));
}
END_TEST

START_TEST(format_then_parse_is_identity)
{
    apr_int64_t us;
    for (us = KT_TIME_MIN_US; us < KT_TIME_MAX_US - 7777777777777LL; us += 7777777777777LL) {
        ck_assert_int_eq(parse(kt_time_format_rfc3339(ut_pool, us + 123457)), us + 123457);
    }
}
END_TEST

Suite *time_suite(void)
{
    Suite *s = suite_create("time");
    TCase *tc = tcase_create("rfc3339");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, calendar_round_trip);
    tcase_add_test(tc, parses_offsets_and_fractions);
    tcase_add_test(tc, rejects_what_is_not_rfc3339);
    tcase_add_test(tc, formats_utc_with_fraction_only_when_needed);
    tcase_add_test(tc, format_then_parse_is_identity);
    suite_add_tcase(s, tc);
    return s;
}
