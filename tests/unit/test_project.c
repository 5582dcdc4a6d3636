/* Projects (src/lib/kt_project.c): the form read, the checks of a draft and of a
 * submission (the funder's rules: AMIF and its objectives, another funder by name; the
 * area; partners), the grant as people type it, the comparison of two versions; the
 * project kind's descriptor; the list's filter table. */
#include <string.h>
#include "ut_kinds.h"
#include "kt_project.h"
#include "kt_kind.h"

static kt_project *from(const char *body)
{
    return kt_project_from_form(ut_pool, ut_form(body));
}

static const char *complete =
    "title_fi=Kielipolku&description_fi=Kuvaus&start_date=1.2.2026&end_date=31.1.2028"
    "&funder=amif&objective=amif_2_2&grant=258+695&regions=01&regions=01&regions=05"
    "&contact_email=a%40example.org&partners=2&partners=5&partners=2";

static ut_errs check(const char *body, int submit)
{
    ut_errs e;
    ut_errs_clear(&e);
    kt_project_check(ut_pool, from(body), submit, ut_collect, &e);
    return e;
}

START_TEST(form_and_submission)
{
    kt_project *pr = from(complete);
    ut_errs e = check(complete, 1);

    ck_assert_int_eq(e.n, 0);
    ck_assert_str_eq(pr->title[0], "Kielipolku");
    ck_assert_int_eq(pr->regions->nelts, 2);       /* repeats dropped */
    ck_assert_int_eq(pr->partners->nelts, 2);
    ck_assert_int_eq(pr->languages->nelts, 0);
}
END_TEST

/* Contact details and links are tidied (kt_tidy.h) rather than refused; the
 * review compares names and descriptions word by word. */
START_TEST(tidied_and_compared_in_words)
{
    kt_project *pr = from("title_fi=Kielipolku&url=www.kielipolku.example%2Fhanke"
                          "&contact_email=mailto%3AMaija%40Kaneli.EXAMPLE"
                          "&contact_phone=040.123.4567");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page"), n, f;
    int words = 0, others = 0;

    ck_assert_str_eq(pr->url, "https://www.kielipolku.example/hanke");
    ck_assert_str_eq(pr->contact_email, "Maija@kaneli.example");
    ck_assert_str_eq(pr->contact_phone, "040 123 4567");
    n = kt_project_xml(ut_pool, root, "current", pr);
    for (f = n->children; f; f = f->next) {
        xmlChar *name = xmlGetProp(f, BAD_CAST "name"), *w = xmlGetProp(f, BAD_CAST "words");
        int text = strncmp((const char *)name, "title_", 6) == 0
                   || strncmp((const char *)name, "description_", 12) == 0;
        ck_assert_int_eq(text, w != NULL);
        words += text;
        others += !text;
        xmlFree(name);
        xmlFree(w);
    }
    ck_assert_int_eq(words, 6);
    ck_assert_int_gt(others, 0);
    xmlFreeNode(root);
}
END_TEST

/* A draft needs a name in some language; a submission what the public reads (below). */
static const ut_check_case drafts[] = {
    { "title_sv=Spr%C3%A5kstigen", 0, NULL, 0 },
    { "description_fi=x", 0, "title_fi=title.none", -1 },
    { NULL, 0, NULL, 0 }
};

START_TEST(a_draft_needs_only_a_name)
{
    ut_errs e = check("title_sv=x", 1);

    ut_checks(check, drafts);
    ut_errs_have(&e, "description_sv=description_sv.missing", "start_date=start_date.missing",
                     "end_date=project_end.missing", "funder=funder.missing",
                     "regions=project_area.missing", "contact_email=project_contact.missing",
                     NULL);
}
END_TEST

/* The funder decides the objective and the name. */
static const ut_check_case funders[] = {
    { "title_fi=x&funder=esr&objective=amif_2_1", 0, "objective=objective.not_amif", -1 },
    { "title_fi=x&funder=amif", 1, "objective=objective.missing", -1 },
    { "title_fi=x&funder=amif&funder_name=S%C3%A4%C3%A4ti%C3%B6", 0,
      "funder_name=funder_name.not_other", -1 },
    { "title_fi=x&funder=other", 1, "funder_name=funder_name.missing", -1 },
    { "title_fi=x&funder=other&funder_name=S%C3%A4%C3%A4ti%C3%B6", 0, NULL, 0 },
    { "title_fi=x&funder=AMIF", 0, "funder=funder.invalid", -1 },
    { "title_fi=x&funder=other&funder_name=a%C2%85b", 0, "funder_name=funder_name.invalid", -1 },
    { NULL, 0, NULL, 0 }
};

START_TEST(the_funder_decides_the_objective_and_the_name)
{
    ut_checks(check, funders);
}
END_TEST

/* The area, the partners and the dates. */
static const ut_check_case areas[] = {
    { "title_fi=x&nationwide=yes&regions=01", 0, "regions=project_area.both", -1 },
    { "title_fi=x&regions=1", 0, "regions=regions.invalid", -1 },
    { "title_fi=x&partners=0", 0, "partners=partners.invalid", -1 },
    { "title_fi=x&partners=99999999999999999999", 0, "partners=partners.invalid", -1 },
    { "title_fi=x&start_date=2.1.2027&end_date=1.1.2027", 0, "end_date=end_date.before_start",
      -1 },
    { "title_fi=x&start_date=1.1.2027&end_date=1.1.2027", 0, NULL, 0 },
    { "title_fi=x&end_date=31.2.2027", 0, "end_date=end_date.invalid", -1 },
    { NULL, 0, NULL, 0 }
};

START_TEST(area_partners_dates)
{
    ut_checks(check, areas);
}
END_TEST

START_TEST(grants_as_people_type_them)
{
    ck_assert_str_eq(kt_project_amount(ut_pool, "258 695"), "258695.00");
    ck_assert_str_eq(kt_project_amount(ut_pool, "258695,5"), "258695.50");
    ck_assert_str_eq(kt_project_amount(ut_pool, "1 258 695.00 \xe2\x82\xac"), "1258695.00");
    ck_assert_str_eq(kt_project_amount(ut_pool, "258\xc2\xa0" "695 eur"), "258695.00");
    ck_assert_str_eq(kt_project_amount(ut_pool, "258\xe2\x80\xaf" "695"), "258695.00");
    ck_assert_str_eq(kt_project_amount(ut_pool, "0"), "0.00");
    ck_assert_str_eq(kt_project_amount(ut_pool, "9999999999,99"), "9999999999.99");
    ck_assert_ptr_null(kt_project_amount(ut_pool, "99999999999"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "1 2 3"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "1234 567"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "12 34"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "12  345"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "-5"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "5,"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, ",5"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "5,123"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "5.1.2"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, "1e5"));
    ck_assert_ptr_null(kt_project_amount(ut_pool, ""));
    ck_assert_ptr_null(kt_project_amount(ut_pool, NULL));
}
END_TEST

START_TEST(diff_in_canonical_form)
{
    kt_project *a = from(complete);
    kt_project *b = from("title_fi=Kielipolku&description_fi=Kuvaus&start_date=2026-02-01"
                         "&end_date=31.01.2028&funder=amif&objective=amif_2_2&grant=258695,00"
                         "&regions=05&regions=01&contact_email=a%40example.org"
                         "&partners=5&partners=2");
    apr_array_header_t *d = kt_project_diff(ut_pool, a, b);
    ck_assert_int_eq(d->nelts, 0);
    b->nationwide = 1;
    b->funder_name = "x";
    d = kt_project_diff(ut_pool, a, b);
    ck_assert_int_eq(d->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(d, 0, const char *), "funder");
    ck_assert_str_eq(APR_ARRAY_IDX(d, 1, const char *), "area");
}
END_TEST

/* What the table refuses: the parameter named (where it matters) and why. */
static const ut_refusal refusals[] = {
    { "active=yes", "active", "unknown-value" },
    { "active=1&active=1", NULL, "repeated" },
    { "funder=AMIF", NULL, "unknown-value" },
    { "objective=2.2", NULL, NULL },
    { "region=01", NULL, "unknown-param" },
    { "sort=title", NULL, "unknown-param" },
    { NULL, NULL, NULL }
};

START_TEST(the_kind_and_its_filters)
{
    const kt_kind *k = kt_kind_named("project");
    const kt_filter_table *t = &kt_project_filters;
    kt_search v, w;
    kt_search_error err;
    const char *args[KT_SEARCH_MAX_NARGS];
    char *sql;

    /* reviewed, owned by organisations; never ends nor expires: history stays public */
    ck_assert_ptr_eq(k, &kt_kind_project);
    ck_assert_str_eq(k->names.segment, "projects");
    ck_assert_int_eq(k->owner, KT_KIND_ORGANISATION);
    ck_assert_int_eq(k->publication, KT_LC_REVIEWED);
    ck_assert_ptr_null(k->ended);
    ck_assert_int_eq(k->expires, 0);
    ck_assert(ut_parse(t, "funder=amif&objective=amif_2_1&objective=amif_2_2&active=1&q=kieli"
                       "&page=2&utm_source=x", &v, &err));
    ck_assert_str_eq(v.q, "kieli");
    ck_assert_int_eq(v.page, 2);
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/projects", &v, v.page),
                     "/fi/projects?q=kieli&funder=amif&objective=amif_2_1&objective=amif_2_2"
                     "&active=1&page=2");
    w = kt_search_without(ut_pool, &v, "objective", "amif_2_1");
    ck_assert_str_eq(kt_search_href(ut_pool, "/fi/projects", &w, 1),
                     "/fi/projects?q=kieli&funder=amif&objective=amif_2_2&active=1");
    v.tsq = "'kiel':*";
    kt_search_sql_args(ut_pool, &v, "fi", args);
    ck_assert_str_eq(args[1], "'kiel':*");
    ck_assert_str_eq(args[3 + ut_filter(t, "funder")], "amif");
    ck_assert_str_eq(args[3 + ut_filter(t, "objective")], "amif_2_1,amif_2_2");
    ck_assert_str_eq(args[3 + ut_filter(t, "active")], "1");
    /* the conditions on public_projects, q on the versions' vector */
    sql = kt_filter_sql_where(ut_pool, t, 0);
    ck_assert(strstr(sql, "v.tsv @@ p.q"));
    ck_assert(strstr(sql, "v.objective = ANY (p.f_objective)"));
    ut_refused(t, refusals);
}
END_TEST

Suite *project_suite(void)
{
    Suite *s = suite_create("project");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, form_and_submission);
    tcase_add_test(tc, tidied_and_compared_in_words);
    tcase_add_test(tc, a_draft_needs_only_a_name);
    tcase_add_test(tc, the_funder_decides_the_objective_and_the_name);
    tcase_add_test(tc, area_partners_dates);
    tcase_add_test(tc, grants_as_people_type_them);
    tcase_add_test(tc, diff_in_canonical_form);
    tcase_add_test(tc, the_kind_and_its_filters);
    suite_add_tcase(s, tc);
    return s;
}
