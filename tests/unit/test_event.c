/* Events (src/lib/kt_event.c) and their filter table, read by the one machinery of
 * list pages (src/lib/kt_search.c, kt_filter.c):
 * the form read, the checks of a draft and of a submission, times over several days,
 * the comparison of two versions; the filters' parsing, 400 reasons, canonical text,
 * SQL arguments and the statement that checks codes. */
#include <string.h>
#include "ut_kinds.h"
#include "kt_event.h"
#include "kt_feed_params.h"

static const char *complete =
    "title_fi=Seminaari&description_fi=Kuvaus&type=seminar&audiences=professionals"
    "&audiences=volunteers&audiences=professionals&start_date=4.4.2030&start_time=12.30"
    "&end_time=18&municipality=091&languages=fin&contact_email=a%40example.org&price=free";

START_TEST(form_and_submission)
{
    kt_event *e = kt_event_from_form(ut_pool, ut_form(complete));
    ut_errs got = { "", 0 };

    ck_assert_str_eq(e->type, "seminar");
    ck_assert_int_eq(e->audiences->nelts, 2);          /* repeats once */
    ck_assert_str_eq(kt_event_start(ut_pool, e), "2030-04-04 12:30");
    ck_assert_str_eq(kt_event_end(ut_pool, e), "2030-04-04 18:00");   /* the start's day */
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", ut_collect, &got), 0);
}
END_TEST

/* A body read and checked as a draft (submit 0) or a submission (ut_checker), on
 * 1.12.2026. */
static ut_errs check(const char *body, int submit)
{
    ut_errs e;

    ut_errs_clear(&e);
    kt_event_check(ut_pool, kt_event_from_form(ut_pool, ut_form(body)), submit,
                   "2026-12-01", ut_collect, &e);
    return e;
}

/* A draft needs a title in some language, and nothing else. */
static const ut_check_case drafts[] = {
    { "title_sv=Seminarium", 0, NULL, 0 },
    { "description_fi=x", 0, "title_fi=title.none", 1 },
    { NULL, 0, NULL, 0 }
};

START_TEST(a_draft_needs_only_a_title)
{
    ut_checks(check, drafts);
}
END_TEST

START_TEST(submission_asks_for_what_the_public_reads)
{
    ut_errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, ut_form("title_fi=Tapahtuma"));

    kt_event_check(ut_pool, e, 1, "2026-12-01", ut_collect, &got);
    ut_errs_have(&got, "description_fi=description_fi.missing", "type=event_type.missing",
                       "audiences=audiences.missing", "languages=languages.missing",
                       "start_date=start_date.missing", "start_time=start_time.missing",
                       "end_time=end_time.missing", "municipality=event_place.missing",
                       "contact_email=event_contact.missing", NULL);
}
END_TEST

START_TEST(times_over_several_days_and_wrong_ones)
{
    ut_errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, ut_form(complete));

    /* two days: the end may be before the start's time of day */
    e->end_date = "5.4.2030";
    e->end_time = "11";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", ut_collect, &got), 0);
    ck_assert_str_eq(kt_event_end(ut_pool, e), "2030-04-05 11:00");
    /* the same day: the end before the start */
    e->end_date = "";
    kt_event_check(ut_pool, e, 1, "2026-12-01", ut_collect, &got);
    ut_errs_have(&got, "end_time=event_end.before_start", NULL);
    /* ended already */
    ut_errs_clear(&got);
    e->end_time = "18";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2031-01-01", ut_collect, &got), 1);
    ck_assert_str_eq(got.codes, "end_date=event_end.past ");
    /* formats */
    ut_errs_clear(&got);
    e->start_time = "25.00";
    e->end_date = "31.2.2030";
    e->registration_deadline = "1.5.2030";
    kt_event_check(ut_pool, e, 0, "2026-12-01", ut_collect, &got);
    ut_errs_have(&got, "start_time=start_time.invalid", "end_date=end_date.invalid", NULL);
    /* a deadline after the start */
    ut_errs_clear(&got);
    e->start_time = "12.30";
    e->end_date = "";
    kt_event_check(ut_pool, e, 0, "2026-12-01", ut_collect, &got);
    ck_assert_str_eq(got.codes, "registration_deadline=registration_deadline.after_start ");
}
END_TEST

START_TEST(codes_links_and_online_events)
{
    ut_errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, ut_form(complete));

    e->type = "party";
    APR_ARRAY_PUSH(e->audiences, const char *) = "aliens";
    e->online_url = "javascript:alert(1)";
    e->registration_url = "ftp://x";
    kt_event_check(ut_pool, e, 0, NULL, ut_collect, &got);
    ut_errs_have(&got, "type=event_type.invalid", "audiences=audiences.invalid",
                       "online_url=online_url.invalid",
                       "registration_url=registration_url.invalid", NULL);
    /* an online event needs no municipality; a registration link is a way to reach them */
    ut_errs_clear(&got);
    e = kt_event_from_form(ut_pool, ut_form(complete));
    e->municipality = "";
    e->online = 1;
    e->contact_email = "";
    e->registration_url = "https://example.org/ilmoittaudu";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", ut_collect, &got), 0);
}
END_TEST

START_TEST(diff_in_canonical_form)
{
    kt_event *a = kt_event_from_form(ut_pool, ut_form(complete));
    kt_event *b = kt_event_from_form(ut_pool, ut_form(complete));
    apr_array_header_t *rows;

    b->start_date = "2030-04-04";     /* the same day, written otherwise */
    b->end_date = "4.4.2030";         /* the start's day, given */
    b->start_time = "12:30";
    rows = kt_event_diff(ut_pool, a, b);
    ck_assert_int_eq(rows->nelts, 0);
    b->title[1] = "Seminarium";
    b->online = 1;
    rows = kt_event_diff(ut_pool, a, b);
    ck_assert_int_eq(rows->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 0, const char *), "title_sv");
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 1, const char *), "online");
}
END_TEST

/* ---- the filter table ---------------------------------------------------------------- */

/* What the table refuses: the parameter named (where it matters) and why. */
static const ut_refusal refusals[] = {
    { "sort=title", "sort", "unknown-param" },          /* events have their own order */
    { "q=a&q=b", NULL, "repeated" },
    { "from=2027-01-01&from=2027-01-02", NULL, "repeated" },
    { "past=1&past=1", NULL, "repeated" },
    { "type=Seminar", NULL, "unknown-value" },
    { "online=yes", NULL, "unknown-value" },
    { "past=0", NULL, "unknown-value" },
    { "from=2027-02-30", "from", "unknown-value" },
    { "to=2027-02-29", NULL, NULL },
    { "page=0", NULL, "out-of-range" },
    { "page=1001", NULL, NULL },
    { "q=%ff", NULL, "invalid-utf8" },
    { NULL, NULL, NULL }
};

START_TEST(filters_parse_and_refuse)
{
    const kt_filter_table *t = &kt_event_filters;
    kt_search v;
    kt_search_error err;
    char q[400];

    ck_assert(ut_parse(t, "q=+kielikerho+&type=seminar&type=webinar&type=seminar&region=01"
                       "&free=1&from=2027-01-01&page=2&utm_source=x&fbclid=y&municipality=",
                       &v, &err));
    ck_assert_str_eq(v.q, "kielikerho");
    ck_assert_int_eq(v.values[ut_filter(t, "type")]->nelts, 2);
    ck_assert_int_eq(v.values[ut_filter(t, "municipality")]->nelts, 0);   /* empty: absent */
    ck_assert_str_eq(kt_search_one(&v, ut_filter(t, "from")), "2027-01-01");
    ck_assert_int_eq(v.page, 2);
    ck_assert(ut_parse(t, "to=2028-02-29", &v, &err));

    ut_refused(t, refusals);
    memset(q, 'a', sizeof(q));
    memcpy(q, "q=", 2);
    q[sizeof(q) - 1] = '\0';
    ck_assert(!ut_parse(t, q, &v, &err));
    ck_assert_str_eq(err.reason, "too-long");
}
END_TEST

START_TEST(filters_give_urls_and_sql)
{
    kt_search v, w;
    kt_search_error err;
    const char *args[KT_SEARCH_MAX_NARGS];
    const kt_filter_table *t = &kt_event_filters;
    char *sql;
    int n = 0;

    ck_assert(ut_parse(t, "type=webinar&q=a+b&type=seminar&past=1&page=3", &v, &err));
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &v, 1),
                     "/fi/events?q=a+b&type=webinar&type=seminar&past=1");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &v, v.page),
                     "/fi/events?q=a+b&type=webinar&type=seminar&past=1&page=3");
    w = kt_search_without(ut_pool, &v, "type", "webinar");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &w, 2),
                     "/fi/events?q=a+b&type=seminar&past=1&page=2");
    /* the feed's canonical filters: values sorted */
    ck_assert(ut_parse(t, "type=webinar&q=a+b&type=seminar", &v, &err));
    ck_assert_str_eq(kt_feed_filters(ut_pool, &v), "?q=a+b&type=seminar&type=webinar");

    v.tsq = "'a':*";
    kt_search_sql_args(ut_pool, &v, "fi", args);
    ck_assert_str_eq(args[0], "fi");
    ck_assert_str_eq(args[1], "'a':*");
    ck_assert_ptr_null(args[2]);
    ck_assert_str_eq(args[3 + ut_filter(t, "type")], "webinar,seminar");
    ck_assert_ptr_null(args[3 + ut_filter(t, "past")]);
    kt_search_code_args(ut_pool, &v, args);
    ck_assert_str_eq(args[0], "webinar,seminar");

    sql = kt_filter_codes_sql(ut_pool, t, &n);
    ck_assert_int_eq(n, 4);
    ck_assert(strstr(sql, "FROM event_types v") && strstr(sql, "FROM regions v"));
    ck_assert_int_eq(KT_FILTER_NARGS(t), 12);

    /* the page's conditions have past's two sides; the feed's leave past out */
    sql = kt_filter_sql_where(ut_pool, t, 0);
    ck_assert(strstr(sql, "(p.q IS NULL OR v.tsv @@ p.q)"));
    ck_assert(strstr(sql, "CASE WHEN p.f_past THEN (v.ends_at < "));
    ck_assert(strstr(sql, "(p.f_from IS NULL OR (v.ends_at >= p.f_from))"));
    ck_assert(strstr(sql, "(NOT p.f_online OR (v.is_online))"));
    ck_assert(!strstr(kt_filter_sql_where(ut_pool, t, 1), "f_past"));
    sql = kt_filter_sql_params(ut_pool, t);
    ck_assert(strstr(sql, ", %s::date AS f_from, %s::date AS f_to, %s::text IS NOT NULL AS f_past"));
}
END_TEST

Suite *event_suite(void)
{
    Suite *s = suite_create("event");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, form_and_submission);
    tcase_add_test(tc, a_draft_needs_only_a_title);
    tcase_add_test(tc, submission_asks_for_what_the_public_reads);
    tcase_add_test(tc, times_over_several_days_and_wrong_ones);
    tcase_add_test(tc, codes_links_and_online_events);
    tcase_add_test(tc, diff_in_canonical_form);
    tcase_add_test(tc, filters_parse_and_refuse);
    tcase_add_test(tc, filters_give_urls_and_sql);
    suite_add_tcase(s, tc);
    return s;
}
