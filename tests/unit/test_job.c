/* Jobs (src/lib/kt_job.c): the form read, the checks of a draft and of a
 * submission, the hours and the deadline, the application link, the
 * comparison of two versions; what the form tidies; the filter table of the
 * list and the feed, read by the one machinery (kt_search.h). */
#include <string.h>
#include "ut_kinds.h"
#include "kt_job.h"
#include "kt_feed_params.h"

static const char *complete =
    "title_fi=Ohjaaja&description_fi=Kuvaus&type=fixed_term&municipality=091"
    "&hours=37%2C5&languages=fin&languages=ara&languages=fin&deadline_date=31.1.2030"
    "&apply_url=https%3A%2F%2Fexample.org%2Fhae";

START_TEST(form_and_submission)
{
    kt_job *j = kt_job_from_form(ut_pool, ut_form(complete));
    ut_errs got = { "", 0 };

    ck_assert_str_eq(j->type, "fixed_term");
    ck_assert_int_eq(j->languages->nelts, 2);          /* repeats once */
    ck_assert_str_eq(j->hours, "37,5");
    ck_assert_int_eq(j->remote, 0);
    ck_assert_int_eq(kt_job_check(ut_pool, j, 1, "2026-12-01", ut_collect, &got), 0);
    /* a deadline today is still open; yesterday's is not */
    ck_assert_int_eq(kt_job_check(ut_pool, j, 1, "2030-01-31", ut_collect, &got), 0);
    ck_assert_int_eq(kt_job_check(ut_pool, j, 1, "2030-02-01", ut_collect, &got), 1);
    ck_assert_str_eq(got.codes, "deadline_date=deadline_date.past ");
}
END_TEST

/* A body read and checked as a draft (submit 0) or a submission (ut_checker), on
 * 1.12.2026. */
static ut_errs check(const char *body, int submit)
{
    ut_errs e;

    ut_errs_clear(&e);
    kt_job_check(ut_pool, kt_job_from_form(ut_pool, ut_form(body)), submit, "2026-12-01",
                 ut_collect, &e);
    return e;
}

/* A draft needs a title in some language, and nothing else. */
static const ut_check_case drafts[] = {
    { "title_sv=Handledare", 0, NULL, 0 },
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
    kt_job *j = kt_job_from_form(ut_pool, ut_form("title_fi=Ohjaaja&description_en=Text"));

    ck_assert_int_eq(kt_job_check(ut_pool, j, 1, "2026-12-01", ut_collect, &got), 7);
    ut_errs_have(&got, "description_fi=description_fi.missing", "title_en=title_en.missing",
                       "type=job_type.missing", "municipality=job_place.missing",
                       "languages=job_languages.missing", "deadline_date=deadline_date.missing",
                       "apply_url=job_apply.missing", NULL);
    /* remote work needs no municipality; an address is a way to apply */
    ut_errs_clear(&got);
    j = kt_job_from_form(ut_pool, ut_form("title_fi=Ohjaaja&description_fi=K&type=volunteer"
                                          "&remote=yes&languages_other=somali"
                                          "&deadline_date=2030-01-31&deadline_time=16"
                                          "&apply_email=rekry%40example.org"));
    ck_assert_int_eq(kt_job_check(ut_pool, j, 1, "2026-12-01", ut_collect, &got), 0);
}
END_TEST

START_TEST(hours_deadline_and_links)
{
    ut_errs got = { "", 0 };
    kt_job *j;

    ck_assert_str_eq(kt_job_hours(ut_pool, "37,5"), "37.5");
    ck_assert_str_eq(kt_job_hours(ut_pool, "37.5"), "37.5");
    ck_assert_str_eq(kt_job_hours(ut_pool, "20"), "20");
    ck_assert_str_eq(kt_job_hours(ut_pool, "0,5"), "0.5");
    ck_assert_str_eq(kt_job_hours(ut_pool, "80"), "80");
    ck_assert_ptr_null(kt_job_hours(ut_pool, "80,5"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "0"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "0,0"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "37,25"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "37 h"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, ",5"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "-5"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "100"));
    ck_assert_ptr_null(kt_job_hours(ut_pool, "99999999999999999999"));

    j = kt_job_from_form(ut_pool, ut_form("title_fi=T&hours=lots&deadline_date=31.2.2030"
                                          "&deadline_time=25.00&apply_url=http%3A%2F%2Fexample.org"
                                          "&apply_email=not-an-address&type=gig"
                                          "&contact_phone=abc&salary_sv=%C2%85"));
    ck_assert_int_eq(kt_job_check(ut_pool, j, 0, "2026-12-01", ut_collect, &got), 8);
    ut_errs_have(&got, "hours=hours.invalid", "deadline_date=deadline_date.invalid",
                       "deadline_time=deadline_time.invalid", "apply_url=apply_url.https",
                       "apply_email=apply_email.invalid", "type=job_type.invalid",
                       "contact_phone=contact_phone.invalid", "salary_sv=salary_sv.invalid", NULL);
}
END_TEST

START_TEST(diff_in_canonical_form)
{
    kt_job *a = kt_job_from_form(ut_pool, ut_form(complete));
    kt_job *b = kt_job_from_form(ut_pool, ut_form(
        "title_fi=Ohjaaja&description_fi=Kuvaus&type=fixed_term&municipality=091"
        "&hours=37.5&languages=ara&languages=fin&deadline_date=2030-01-31"
        "&apply_url=https%3A%2F%2Fexample.org%2Fhae"));
    apr_array_header_t *d = kt_job_diff(ut_pool, a, b);
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page"), n;

    ck_assert_int_eq(d->nelts, 0);
    b->remote = 1;
    b->deadline_time = "16.00";
    b->salary[KT_LANG_FI] = "TVA";
    d = kt_job_diff(ut_pool, a, b);
    ck_assert_int_eq(d->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(d, 0, const char *), "place");
    ck_assert_str_eq(APR_ARRAY_IDX(d, 1, const char *), "deadline");
    ck_assert_str_eq(APR_ARRAY_IDX(d, 2, const char *), "salary_fi");
    xmlDocSetRootElement(doc, root);
    n = kt_job_xml(ut_pool, root, "latest", b);
    ck_assert_ptr_nonnull(n);
    {
        xmlChar *hours = NULL;
        xmlNodePtr c;
        int words = 0;
        for (c = n->children; c; c = c->next) {
            xmlChar *name = xmlGetProp(c, BAD_CAST "name");
            xmlChar *w = xmlGetProp(c, BAD_CAST "words");
            if (name && strcmp((const char *)name, "hours") == 0) {
                hours = xmlGetProp(c, BAD_CAST "value");
            }
            /* free texts are compared word by word in the review: titles,
             * descriptions, the salary notes; nothing else */
            if (w) {
                ck_assert(strncmp((const char *)name, "title_", 6) == 0
                          || strncmp((const char *)name, "description_", 12) == 0
                          || strncmp((const char *)name, "salary_", 7) == 0);
                words++;
            }
            xmlFree(w);
            xmlFree(name);
        }
        ck_assert_str_eq((const char *)hours, "37.5");
        ck_assert_int_eq(words, 9);
        xmlFree(hours);
    }
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(links_addresses_and_phone_tidied)
{
    kt_job *j = kt_job_from_form(ut_pool, ut_form(
        "title_fi=Ohjaaja&apply_url=www.Kaneli.example%2FHae&apply_email=mailto%3AHaku%40Kaneli.FI"
        "&contact_email=Maija%40KANELI.fi&contact_phone=040.123.4567"));

    ck_assert_str_eq(j->apply_url, "https://www.kaneli.example/Hae");
    ck_assert_str_eq(j->apply_email, "Haku@kaneli.fi");
    ck_assert_str_eq(j->contact_email, "Maija@kaneli.fi");
    ck_assert_str_eq(j->contact_phone, "040 123 4567");
    /* an http link is no https one: the check says so, tidying does not guess */
    j = kt_job_from_form(ut_pool,
                         ut_form("title_fi=Ohjaaja&apply_url=http%3A%2F%2Fkaneli.example"));
    ck_assert_str_eq(j->apply_url, "http://kaneli.example");
}
END_TEST

/* What the table refuses: the parameter named (where it matters) and why. */
static const ut_refusal refusals[] = {
    { "remote=yes", NULL, "unknown-value" },
    { "past=1", NULL, "unknown-param" },
    { "sort=newest", NULL, "unknown-param" },       /* one order: soonest deadline */
    { "municipality=91", "municipality", NULL },
    { NULL, NULL, NULL }
};

START_TEST(filters_of_the_list)
{
    const kt_filter_table *t = &kt_job_filters;
    const char *args[KT_SEARCH_MAX_NARGS];
    kt_search v, w;
    kt_search_error err;
    int n = 0;
    char *sql;

    ck_assert(ut_parse(t, "type=volunteer&remote=1&q=ohjaaja&region=01&page=2", &v, &err));
    ck_assert_int_eq(v.page, 2);
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/jobs", &v, v.page),
                     "/fi/jobs?q=ohjaaja&type=volunteer&region=01&remote=1&page=2");
    w = kt_search_without(ut_pool, &v, "remote", NULL);
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/jobs", &w, 1),
                     "/fi/jobs?q=ohjaaja&type=volunteer&region=01");
    ck_assert_str_eq(kt_feed_filters(ut_pool, &w), "?q=ohjaaja&type=volunteer&region=01");
    kt_search_sql_args(ut_pool, &v, "sv", args);
    ck_assert_str_eq(args[0], "sv");
    ck_assert_str_eq(args[3 + ut_filter(t, "type")], "volunteer");
    ck_assert_ptr_null(args[3 + ut_filter(t, "municipality")]);
    ck_assert_str_eq(args[3 + ut_filter(t, "region")], "01");
    ck_assert_str_eq(args[3 + ut_filter(t, "remote")], "1");

    ut_refused(t, refusals);

    sql = kt_filter_codes_sql(ut_pool, t, &n);
    ck_assert_int_eq(n, 3);
    ck_assert(strstr(sql, "FROM job_types v") && strstr(sql, "FROM municipalities v"));
    ck_assert_int_eq(KT_FILTER_NARGS(t), 7);
    /* a place also matches every remote job; the feed takes every filter */
    sql = kt_filter_sql_where(ut_pool, t, 0);
    ck_assert(strstr(sql, "(p.q IS NULL OR v.tsv @@ p.q)"));
    ck_assert(strstr(sql, "(p.f_region IS NULL OR (v.is_remote OR "));
    ck_assert(strstr(sql, "(NOT p.f_remote OR (v.is_remote))"));
    ck_assert_str_eq(kt_filter_sql_where(ut_pool, t, 1), sql);
}
END_TEST

Suite *job_suite(void)
{
    Suite *s = suite_create("job");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, form_and_submission);
    tcase_add_test(tc, a_draft_needs_only_a_title);
    tcase_add_test(tc, submission_asks_for_what_the_public_reads);
    tcase_add_test(tc, hours_deadline_and_links);
    tcase_add_test(tc, diff_in_canonical_form);
    tcase_add_test(tc, links_addresses_and_phone_tidied);
    tcase_add_test(tc, filters_of_the_list);
    suite_add_tcase(s, tc);
    return s;
}
