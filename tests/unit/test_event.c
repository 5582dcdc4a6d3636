/* Events (src/lib/kt_event.c) and their filter table, read by the one machinery of
 * list pages (src/lib/kt_search.c, kt_filter.c):
 * the form read, the checks of a draft and of a submission, times over several days,
 * the comparison of two versions; the filters' parsing, 400 reasons, canonical text,
 * SQL arguments and the statement that checks codes. */
#include <string.h>
#include "unit.h"
#include "kt_event.h"
#include "kt_filter.h"
#include "kt_search.h"
#include "kt_feed_params.h"
#include "kt_query.h"
#include "kt_query.h"

typedef struct {
    char codes[2048];
    int n;
} errs;

static void collect(void *baton, const char *field, const char *code)
{
    errs *e = baton;
    strcat(e->codes, field);
    strcat(e->codes, "=");
    strcat(e->codes, code);
    strcat(e->codes, " ");
    e->n++;
}

static kt_form *form(const char *body)
{
    kt_form *f = NULL;
    ck_assert_int_eq(kt_form_decode(ut_pool, body, strlen(body), &kt_form_default_limits, &f),
                     KT_FORM_OK);
    return f;
}

static const char *complete =
    "title_fi=Seminaari&description_fi=Kuvaus&type=seminar&audiences=professionals"
    "&audiences=volunteers&audiences=professionals&start_date=4.4.2030&start_time=12.30"
    "&end_time=18&municipality=091&languages=fin&contact_email=a%40example.org&price=free";

START_TEST(form_and_submission)
{
    kt_event *e = kt_event_from_form(ut_pool, form(complete));
    errs got = { "", 0 };

    ck_assert_str_eq(e->type, "seminar");
    ck_assert_int_eq(e->audiences->nelts, 2);          /* repeats once */
    ck_assert_str_eq(kt_event_start(ut_pool, e), "2030-04-04 12:30");
    ck_assert_str_eq(kt_event_end(ut_pool, e), "2030-04-04 18:00");   /* the start's day */
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", collect, &got), 0);
}
END_TEST

START_TEST(a_draft_needs_only_a_title)
{
    errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, form("title_sv=Seminarium"));

    ck_assert_int_eq(kt_event_check(ut_pool, e, 0, "2026-12-01", collect, &got), 0);
    e = kt_event_from_form(ut_pool, form("description_fi=x"));
    ck_assert_int_eq(kt_event_check(ut_pool, e, 0, "2026-12-01", collect, &got), 1);
    ck_assert_str_eq(got.codes, "title_fi=title.none ");
}
END_TEST

START_TEST(submission_asks_for_what_the_public_reads)
{
    errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, form("title_fi=Tapahtuma"));

    kt_event_check(ut_pool, e, 1, "2026-12-01", collect, &got);
    ck_assert(strstr(got.codes, "description_fi=description_fi.missing"));
    ck_assert(strstr(got.codes, "type=event_type.missing"));
    ck_assert(strstr(got.codes, "audiences=audiences.missing"));
    ck_assert(strstr(got.codes, "languages=languages.missing"));
    ck_assert(strstr(got.codes, "start_date=start_date.missing"));
    ck_assert(strstr(got.codes, "start_time=start_time.missing"));
    ck_assert(strstr(got.codes, "end_time=end_time.missing"));
    ck_assert(strstr(got.codes, "municipality=event_place.missing"));
    ck_assert(strstr(got.codes, "contact_email=event_contact.missing"));
}
END_TEST

START_TEST(times_over_several_days_and_wrong_ones)
{
    errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, form(complete));

    /* two days: the end may be before the start's time of day */
    e->end_date = "5.4.2030";
    e->end_time = "11";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", collect, &got), 0);
    ck_assert_str_eq(kt_event_end(ut_pool, e), "2030-04-05 11:00");
    /* the same day: the end before the start */
    e->end_date = "";
    kt_event_check(ut_pool, e, 1, "2026-12-01", collect, &got);
    ck_assert(strstr(got.codes, "end_time=event_end.before_start"));
    /* ended already */
    memset(&got, 0, sizeof(got));
    e->end_time = "18";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2031-01-01", collect, &got), 1);
    ck_assert_str_eq(got.codes, "end_date=event_end.past ");
    /* formats */
    memset(&got, 0, sizeof(got));
    e->start_time = "25.00";
    e->end_date = "31.2.2030";
    e->registration_deadline = "1.5.2030";
    kt_event_check(ut_pool, e, 0, "2026-12-01", collect, &got);
    ck_assert(strstr(got.codes, "start_time=start_time.invalid"));
    ck_assert(strstr(got.codes, "end_date=end_date.invalid"));
    /* a deadline after the start */
    memset(&got, 0, sizeof(got));
    e->start_time = "12.30";
    e->end_date = "";
    kt_event_check(ut_pool, e, 0, "2026-12-01", collect, &got);
    ck_assert_str_eq(got.codes, "registration_deadline=registration_deadline.after_start ");
}
END_TEST

START_TEST(codes_links_and_online_events)
{
    errs got = { "", 0 };
    kt_event *e = kt_event_from_form(ut_pool, form(complete));

    e->type = "party";
    APR_ARRAY_PUSH(e->audiences, const char *) = "aliens";
    e->online_url = "javascript:alert(1)";
    e->registration_url = "ftp://x";
    kt_event_check(ut_pool, e, 0, NULL, collect, &got);
    ck_assert(strstr(got.codes, "type=event_type.invalid"));
    ck_assert(strstr(got.codes, "audiences=audiences.invalid"));
    ck_assert(strstr(got.codes, "online_url=online_url.invalid"));
    ck_assert(strstr(got.codes, "registration_url=registration_url.invalid"));
    /* an online event needs no municipality; a registration link is a way to reach them */
    memset(&got, 0, sizeof(got));
    e = kt_event_from_form(ut_pool, form(complete));
    e->municipality = "";
    e->online = 1;
    e->contact_email = "";
    e->registration_url = "https://example.org/ilmoittaudu";
    ck_assert_int_eq(kt_event_check(ut_pool, e, 1, "2026-12-01", collect, &got), 0);
}
END_TEST

START_TEST(diff_in_canonical_form)
{
    kt_event *a = kt_event_from_form(ut_pool, form(complete));
    kt_event *b = kt_event_from_form(ut_pool, form(complete));
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

/* As a request reaches the list page: tracking parameters dropped by the
 * dispatcher (kt_query_strip_tracking), the rest parsed by the table. */
static int parse(const char *q, kt_search *v, kt_search_error *err)
{
    apr_array_header_t *pairs;
    return kt_search_parse(ut_pool, &kt_event_filters, kt_query_strip_tracking(ut_pool, q), v,
                           &pairs, err);
}

static int filter(const char *name)
{
    int f = kt_filter_index(&kt_event_filters, name);
    ck_assert_int_ge(f, 0);
    return f;
}

START_TEST(filters_parse_and_refuse)
{
    kt_search v;
    kt_search_error err;

    ck_assert(parse("q=+kielikerho+&type=seminar&type=webinar&type=seminar&region=01&free=1"
                    "&from=2027-01-01&page=2&utm_source=x&fbclid=y&municipality=", &v, &err));
    ck_assert_str_eq(v.q, "kielikerho");
    ck_assert_int_eq(v.values[filter("type")]->nelts, 2);
    ck_assert_int_eq(v.values[filter("municipality")]->nelts, 0);   /* empty: absent */
    ck_assert_str_eq(kt_search_one(&v, filter("from")), "2027-01-01");
    ck_assert_int_eq(v.page, 2);

    ck_assert(!parse("sort=title", &v, &err));      /* events have their own order */
    ck_assert_str_eq(err.reason, "unknown-param");
    ck_assert_str_eq(err.param, "sort");
    ck_assert(!parse("q=a&q=b", &v, &err));
    ck_assert_str_eq(err.reason, "repeated");
    ck_assert(!parse("from=2027-01-01&from=2027-01-02", &v, &err));
    ck_assert_str_eq(err.reason, "repeated");
    ck_assert(!parse("past=1&past=1", &v, &err));
    ck_assert_str_eq(err.reason, "repeated");
    ck_assert(!parse("type=Seminar", &v, &err));
    ck_assert_str_eq(err.reason, "unknown-value");
    ck_assert(!parse("online=yes", &v, &err));
    ck_assert_str_eq(err.reason, "unknown-value");
    ck_assert(!parse("past=0", &v, &err));
    ck_assert_str_eq(err.reason, "unknown-value");
    ck_assert(!parse("from=2027-02-30", &v, &err));
    ck_assert_str_eq(err.param, "from");
    ck_assert_str_eq(err.reason, "unknown-value");
    ck_assert(parse("to=2028-02-29", &v, &err));
    ck_assert(!parse("to=2027-02-29", &v, &err));
    ck_assert(!parse("page=0", &v, &err));
    ck_assert_str_eq(err.reason, "out-of-range");
    ck_assert(!parse("page=1001", &v, &err));
    ck_assert(!parse("q=%ff", &v, &err));
    ck_assert_str_eq(err.reason, "invalid-utf8");
    {
        char q[400];
        memset(q, 'a', sizeof(q));
        memcpy(q, "q=", 2);
        q[sizeof(q) - 1] = '\0';
        ck_assert(!parse(q, &v, &err));
        ck_assert_str_eq(err.reason, "too-long");
    }
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

    ck_assert(parse("type=webinar&q=a+b&type=seminar&past=1&page=3", &v, &err));
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &v, 1),
                     "/fi/events?q=a+b&type=webinar&type=seminar&past=1");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &v, v.page),
                     "/fi/events?q=a+b&type=webinar&type=seminar&past=1&page=3");
    w = kt_search_without(ut_pool, &v, "type", "webinar");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/events", &w, 2),
                     "/fi/events?q=a+b&type=seminar&past=1&page=2");
    /* the feed's canonical filters: values sorted */
    ck_assert(parse("type=webinar&q=a+b&type=seminar", &v, &err));
    ck_assert_str_eq(kt_feed_filters(ut_pool, &v), "?q=a+b&type=seminar&type=webinar");

    v.tsq = "'a':*";
    kt_search_sql_args(ut_pool, &v, "fi", args);
    ck_assert_str_eq(args[0], "fi");
    ck_assert_str_eq(args[1], "'a':*");
    ck_assert_ptr_null(args[2]);
    ck_assert_str_eq(args[3 + filter("type")], "webinar,seminar");
    ck_assert_ptr_null(args[3 + filter("past")]);
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
