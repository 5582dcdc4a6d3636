/* The feed's own parameters: limit, cursor, updated_since. */
#include <string.h>
#include "unit.h"
#include "kt_feed_params.h"
#include "kt_event.h"
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

/* kt_feed_parse: ours to fp, the rest to the search's rules. */
static int parse(const char *raw, kt_feed_params *fp, kt_search *s, kt_feed_error *err)
{
    apr_array_header_t *pairs;
    return kt_feed_parse(ut_pool, &kt_activity_filters, raw, fp, s, &pairs, err);
}

static void parse_bad(const char *raw, const char *param, const char *reason)
{
    kt_feed_params fp;
    kt_search s;
    kt_feed_error err = { NULL, NULL };

    ck_assert_msg(!parse(raw, &fp, &s, &err), "%s accepted", raw);
    if (param) {
        ck_assert_msg(err.param && strcmp(err.param, param) == 0, "%s: param %s", raw,
                      err.param ? err.param : "(none)");
    }
    else {
        ck_assert_ptr_null(err.param);
    }
    ck_assert_msg(strcmp(err.reason, reason) == 0, "%s: reason %s", raw, err.reason);
}

START_TEST(parse_takes_feed_params_and_filters)
{
    kt_feed_params fp;
    kt_search s;
    kt_feed_error err;
    apr_array_header_t *pairs;

    ck_assert(kt_feed_parse(ut_pool, &kt_activity_filters, "limit=5&form=language_club&form=meeting_place"
                            "&municipality=091&q=kieli+kerho&updated_since=2026-11-20T10%3A00"
                            "%3A00Z&language=AR&free=1&online=1&cursor=abc&region=",
                            &fp, &s, &pairs, &err));
    ck_assert_int_eq(fp.limit, 5);
    ck_assert(fp.has_since);
    ck_assert_str_eq(fp.cursor, "abc");
    ck_assert_int_eq(pairs->nelts, 11);
    ck_assert_str_eq(s.q, "kieli kerho");
    ck_assert_int_eq(s.values[KT_SF_FORM]->nelts, 2);
    ck_assert(kt_search_has(&s, KT_SF_MUNICIPALITY, "091"));
    ck_assert(kt_search_has(&s, KT_SF_LANGUAGE, "ar"));   /* 639-3 comes from the database */
    ck_assert_int_eq(s.values[KT_SF_REGION]->nelts, 0);
    ck_assert(s.values[KT_SF_FREE]->nelts == 1 && s.values[KT_SF_ONLINE]->nelts == 1);
    /* nothing at all */
    ck_assert(parse(NULL, &fp, &s, &err));
    ck_assert(kt_search_is_empty(&s));
    ck_assert_int_eq(fp.limit, KT_FEED_LIMIT_DEFAULT);
    ck_assert(parse("", &fp, &s, &err));
}
END_TEST

START_TEST(parse_refuses_what_the_feed_does_not_take)
{
    parse_bad("sort=title", "sort", "unknown-param");
    parse_bad("page=2", "page", "unknown-param");
    parse_bad("sort=", "sort", "unknown-param");
    parse_bad("form=x&page=1", "page", "unknown-param");
    parse_bad("utm_source=x", "utm_source", "unknown-param");
    parse_bad("municipality=abc", "municipality", "unknown-value");
    parse_bad("region=1", "region", "unknown-value");
    parse_bad("language=english", "language", "unknown-value");
    parse_bad("free=yes", "free", "unknown-value");
    parse_bad("q=a&q=b", "q", "repeated");
    parse_bad("limit=5&limit=6", "limit", "repeated");
    parse_bad("limit=0", "limit", "out-of-range");
    parse_bad("updated_since=yesterday", "updated_since", "bad-value");
    parse_bad("q=%zz", "q", "bad-escape");
    parse_bad("q=%ff", "q", "invalid-utf8");
    parse_bad("q=%00", "q", "control-char");
    ck_assert_int_eq(kt_feed_page_only(&kt_activity_filters, "sort"), 1);
    ck_assert_int_eq(kt_feed_page_only(&kt_activity_filters, "page"), 1);
    ck_assert_int_eq(kt_feed_page_only(&kt_activity_filters, "q"), 0);
    /* events' past chooses the list page's set; the feed carries every event */
    ck_assert_int_eq(kt_feed_page_only(&kt_event_filters, "past"), 1);
    ck_assert_int_eq(kt_feed_page_only(&kt_event_filters, "from"), 0);
}
END_TEST

START_TEST(filters_are_canonical)
{
    kt_feed_params fp;
    kt_search a, b, c;
    kt_feed_error err;

    ck_assert(parse("form=meeting_place&form=language_club&municipality=091&q=+kerho+"
                    "&limit=3", &fp, &a, &err));
    ck_assert(parse("q=kerho&municipality=091&form=language_club&form=meeting_place"
                    "&form=language_club&cursor=x", &fp, &b, &err));
    ck_assert_str_eq(kt_feed_filters(ut_pool, &a), kt_feed_filters(ut_pool, &b));
    ck_assert_str_eq(kt_feed_filters(ut_pool, &a),
                     "?q=kerho&form=language_club&form=meeting_place&municipality=091");
    /* the values as given are untouched: <next> repeats them */
    ck_assert_str_eq(APR_ARRAY_IDX(a.values[KT_SF_FORM], 0, const char *), "meeting_place");
    ck_assert(parse("form=meeting_place&free=1", &fp, &c, &err));
    ck_assert_str_ne(kt_feed_filters(ut_pool, &a), kt_feed_filters(ut_pool, &c));
    ck_assert(parse("limit=7", &fp, &c, &err));
    ck_assert_str_eq(kt_feed_filters(ut_pool, &c), "");
    /* and the identity follows */
    ck_assert_str_eq(kt_feed_identity(ut_pool, &fp, kt_feed_filters(ut_pool, &c)),
                     "feed:1;since=;");
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
    tcase_add_test(tc, parse_takes_feed_params_and_filters);
    tcase_add_test(tc, parse_refuses_what_the_feed_does_not_take);
    tcase_add_test(tc, filters_are_canonical);
    suite_add_tcase(s, tc);
    return s;
}
