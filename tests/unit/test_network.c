/* Networks (src/lib/kt_network.c): the form read (the area's choices, lists as typed), the
 * checks of a draft and of a submission, the items of a list, the comparison of two
 * versions, and the list page's filter table. */
#include <string.h>
#include "ut_kinds.h"
#include "kt_network.h"

static const char *complete =
    "title_fi=Verkosto&description_fi=Kuvaus&activities_fi=Kerhot%0D%0ANeuvonta&area=region"
    "&region=08&municipalities=285&audiences=immigrants&audiences=families&audiences=immigrants"
    "&contact_name=Kaisa+Esimerkki&contact_email=a%40example.org";

START_TEST(form_and_submission)
{
    kt_network *n = kt_network_from_form(ut_pool, ut_form(complete));
    ut_errs got = { "", 0 };

    ck_assert_str_eq(n->area, "region");
    ck_assert_str_eq(n->region, "08");
    /* the municipalities belong to the other choice of area: not kept */
    ck_assert_int_eq(n->municipalities->nelts, 0);
    ck_assert_int_eq(n->audiences->nelts, 2);
    ck_assert_str_eq(n->lists[0][0], "Kerhot\nNeuvonta");
    ck_assert_int_eq(kt_network_check(ut_pool, n, 1, ut_collect, &got), 0);
    n = kt_network_from_form(ut_pool, ut_form("area=municipalities&region=08&municipalities=285"
                                              "&municipalities=286&municipalities=285"));
    ck_assert_str_eq(n->region, "");
    ck_assert_int_eq(n->municipalities->nelts, 2);
}
END_TEST

/* A body read and checked as a draft (submit 0) or a submission (ut_checker). */
static ut_errs check(const char *body, int submit)
{
    ut_errs e;

    ut_errs_clear(&e);
    kt_network_check(ut_pool, kt_network_from_form(ut_pool, ut_form(body)), submit,
                     ut_collect, &e);
    return e;
}

/* A draft needs a name in some language, and nothing else. */
static const ut_check_case drafts[] = {
    { "title_sv=N%C3%A4tverk", 0, NULL, 0 },
    { "resources_fi=x", 0, "title_fi=title.none", 1 },
    { NULL, 0, NULL, 0 }
};

START_TEST(a_draft_needs_only_a_name)
{
    ut_checks(check, drafts);
}
END_TEST

START_TEST(submission_asks_for_what_the_public_reads)
{
    ut_errs got = { "", 0 };
    kt_network *n = kt_network_from_form(ut_pool, ut_form("title_fi=V&benefits_en=Gain"));

    kt_network_check(ut_pool, n, 1, ut_collect, &got);
    /* Finnish and English were begun: each needs its name, description, what it does */
    ut_errs_have(&got, "description_fi=description_fi.missing",
                       "activities_fi=activities_fi.missing", "title_en=title_en.missing",
                       "activities_en=activities_en.missing", NULL);
    ck_assert(!strstr(got.codes, "title_sv"));
    ut_errs_have(&got, "area=network_area.missing", "audiences=network_audiences.missing",
                       "contact_name=contact_name.missing", "contact_email=contact_email.missing",
                       NULL);
    ut_errs_clear(&got);
    n = kt_network_from_form(ut_pool, ut_form("title_fi=V&area=municipalities"));
    kt_network_check(ut_pool, n, 1, ut_collect, &got);
    ut_errs_have(&got, "municipalities=municipalities.missing", NULL);
    ut_errs_clear(&got);
    n = kt_network_from_form(ut_pool, ut_form("title_fi=V&area=region"));
    kt_network_check(ut_pool, n, 1, ut_collect, &got);
    ut_errs_have(&got, "region=region.missing", NULL);
}
END_TEST

START_TEST(wrong_values)
{
    ut_errs got = { "", 0 };
    kt_network *n = kt_network_from_form(ut_pool, ut_form(
        "title_fi=V&area=everywhere&audiences=nobody&contact_email=x&url=javascript%3Ax"
        "&evaluation_sv=a%01b"));

    kt_network_check(ut_pool, n, 0, ut_collect, &got);
    ut_errs_have(&got, "area=network_area.invalid", "audiences=network_audiences.invalid",
                       "contact_email=contact_email.invalid", "url=url.invalid",
                       "evaluation_sv=evaluation_sv.invalid", NULL);
    ut_errs_clear(&got);
    n = kt_network_from_form(ut_pool, ut_form("title_fi=V&area=municipalities&municipalities=28"));
    kt_network_check(ut_pool, n, 0, ut_collect, &got);
    ck_assert_str_eq(got.codes, "municipalities=municipalities.invalid ");
}
END_TEST

START_TEST(items_and_too_many)
{
    apr_array_header_t *items = kt_network_items(ut_pool, "  a \n\n\tb\n \n");
    ut_errs got = { "", 0 };
    char body[4096] = "title_fi=V&resources_fi=";
    kt_network *n;
    int i;

    ck_assert_int_eq(items->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(items, 0, const char *), "a");
    ck_assert_str_eq(APR_ARRAY_IDX(items, 1, const char *), "b");
    ck_assert_int_eq(kt_network_items(ut_pool, "")->nelts, 0);
    for (i = 0; i <= KT_NETWORK_LIST_ITEMS; i++) {
        strcat(body, "x%0A");
    }
    n = kt_network_from_form(ut_pool, ut_form(body));
    kt_network_check(ut_pool, n, 0, ut_collect, &got);
    ck_assert_str_eq(got.codes, "resources_fi=network_list.too_many ");
}
END_TEST

START_TEST(diff_in_canonical_form)
{
    kt_network *a = kt_network_from_form(ut_pool, ut_form(complete));
    kt_network *b = kt_network_from_form(ut_pool, ut_form(
        "title_fi=Verkosto&description_fi=Kuvaus&activities_fi=Kerhot%0A%0A++Neuvonta+"
        "&area=region&region=08&audiences=families&audiences=immigrants"
        "&contact_name=Kaisa+Esimerkki&contact_email=a%40example.org"));
    apr_array_header_t *rows = kt_network_diff(ut_pool, a, b);

    /* blank lines and spaces around items, and the audiences' order, are no change */
    ck_assert_int_eq(rows->nelts, 0);
    b->region = "07";
    b->url = "https://example.org";
    rows = kt_network_diff(ut_pool, a, b);
    ck_assert_int_eq(rows->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 0, const char *), "area");
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 1, const char *), "url");
}
END_TEST

/* What the table refuses, and why. */
static const ut_refusal refusals[] = {
    { "type=x", NULL, "unknown-param" },
    { "sort=title", NULL, "unknown-param" },        /* networks are listed by name */
    { "region=8", NULL, "unknown-value" },
    { "municipality=Kotka", NULL, "unknown-value" },
    { "page=0", NULL, "out-of-range" },
    { NULL, NULL, NULL }
};

START_TEST(filters)
{
    const kt_filter_table *t = &kt_network_filters;
    kt_search v, w;
    kt_search_error err;
    const char *args[KT_SEARCH_MAX_NARGS];
    char *sql;
    int n = 0, fr = ut_filter(t, "region"), fa = ut_filter(t, "audience");

    ck_assert_int_eq(kt_filter_index(t, "municipality"), 0);
    ck_assert(ut_parse(t, "q=kerho&region=08&audience=families&page=2&utm_source=x", &v, &err));
    ck_assert_str_eq(v.q, "kerho");
    ck_assert_int_eq(v.page, 2);
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/networks", &v, v.page),
                     "/fi/networks?q=kerho&region=08&audience=families&page=2");
    w = kt_search_without(ut_pool, &v, "audience", "families");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/networks", &w, 1),
                     "/fi/networks?q=kerho&region=08");
    v.tsq = "'kerho':*";
    kt_search_sql_args(ut_pool, &v, "fi", args);
    ck_assert_str_eq(args[0], "fi");
    ck_assert_ptr_null(args[3]);                    /* municipality */
    ck_assert_str_eq(args[3 + fr], "08");
    ck_assert_str_eq(args[3 + fa], "families");

    ut_refused(t, refusals);

    sql = kt_filter_codes_sql(ut_pool, t, &n);
    ck_assert_int_eq(n, 3);
    ck_assert(strstr(sql, "network_audiences"));
    sql = kt_filter_sql_expand(ut_pool, t, "@PARAMS@) SELECT 1 FROM public_networks v"
                               " CROSS JOIN p WHERE @WHERE@", 0);
    ck_assert(!strstr(sql, "@PARAMS@") && !strstr(sql, "@WHERE@"));
    ck_assert(strstr(sql, "@@ p.q"));
    ck_assert(strstr(sql, "v.audiences && p.f_audience"));
}
END_TEST

Suite *network_suite(void)
{
    Suite *s = suite_create("network");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, form_and_submission);
    tcase_add_test(tc, a_draft_needs_only_a_name);
    tcase_add_test(tc, submission_asks_for_what_the_public_reads);
    tcase_add_test(tc, wrong_values);
    tcase_add_test(tc, items_and_too_many);
    tcase_add_test(tc, diff_in_canonical_form);
    tcase_add_test(tc, filters);
    suite_add_tcase(s, tc);
    return s;
}
