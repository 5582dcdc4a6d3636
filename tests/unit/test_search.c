/* Search parameters (kt_search.c): validation, canonical URLs, SQL arguments. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_search.h"
#include "kt_filter.h"
#include "kt_query.h"
#include <apr_strings.h>
#include <string.h>

#define PATH "/fi/activities"

static kt_search ok(const char *raw)
{
    kt_search s;
    kt_search_error err = { NULL, NULL, NULL, -1 };
    int r = kt_search_parse(ut_pool, &kt_activity_filters, raw, &s, NULL, &err);
    ck_assert_msg(r == 1, "%s: %s %s", raw, err.param ? err.param : "-",
                  err.reason ? err.reason : "-");
    return s;
}

/* Parses raw expecting failure; checks the parameter named and the reason. */
static kt_search_error bad(const char *raw, const char *param, const char *reason)
{
    kt_search s;
    kt_search_error err = { NULL, NULL, NULL, -1 };
    ck_assert_msg(!kt_search_parse(ut_pool, &kt_activity_filters, raw, &s, NULL, &err), "accepted: %s", raw);
    if (param) {
        ck_assert_ptr_nonnull(err.param);
        ck_assert_str_eq(err.param, param);
    }
    else {
        ck_assert_ptr_null(err.param);
    }
    ck_assert_str_eq(err.reason, reason);
    return err;
}

static const char *value(const kt_search *s, kt_search_filter f, int i)
{
    return APR_ARRAY_IDX(s->values[f], i, const char *);
}

START_TEST(empty_and_defaults)
{
    kt_search s = ok(NULL);
    ck_assert(kt_search_is_empty(&s));
    ck_assert_int_eq(s.page, 1);
    ck_assert_int_eq(s.sort, KT_SORT_NEWEST);
    s = ok("");
    ck_assert(kt_search_is_empty(&s));
    /* what the front page's form sends with nothing filled in */
    s = ok("q=&region=&municipality=&sort=&page=");
    ck_assert(kt_search_is_empty(&s));
    ck_assert_ptr_null(s.q);
    s = ok("q=+++");                     /* only spaces: no search words */
    ck_assert_ptr_null(s.q);
    s = ok("q=%20kieli%20kerho%20");
    ck_assert_str_eq(s.q, "kieli kerho");
    ck_assert_int_eq(s.sort, KT_SORT_RELEVANCE);   /* default with words */
}
END_TEST

START_TEST(every_parameter)
{
    kt_search s = ok("q=l%C3%A4xhj%C3%A4lp&form=language_club&form=homework_club&theme=language"
                     "&target=adults&language=so&language=ARA&municipality=091&region=01"
                     "&free=1&online=1&sort=title&page=3");
    ck_assert_str_eq(s.q, "läxhjälp");
    ck_assert_int_eq(s.values[KT_SF_FORM]->nelts, 2);
    ck_assert_str_eq(value(&s, KT_SF_FORM, 1), "homework_club");
    ck_assert_str_eq(value(&s, KT_SF_THEME, 0), "language");
    ck_assert_str_eq(value(&s, KT_SF_TARGET, 0), "adults");
    ck_assert_str_eq(value(&s, KT_SF_LANGUAGE, 0), "so");
    ck_assert_str_eq(value(&s, KT_SF_LANGUAGE, 1), "ara");      /* lower-cased */
    ck_assert_str_eq(value(&s, KT_SF_MUNICIPALITY, 0), "091");
    ck_assert_str_eq(value(&s, KT_SF_REGION, 0), "01");
    ck_assert(s.values[KT_SF_FREE]->nelts == 1 && s.values[KT_SF_ONLINE]->nelts == 1);
    ck_assert_int_eq(s.sort, KT_SORT_TITLE);
    ck_assert(s.sort_given);
    ck_assert_int_eq(s.page, 3);
    ck_assert(!kt_search_is_empty(&s));
}
END_TEST

START_TEST(repeated_values_count_once)
{
    kt_search s = ok("form=mentoring&form=mentoring&municipality=091&municipality=091");
    ck_assert_int_eq(s.values[KT_SF_FORM]->nelts, 1);
    ck_assert_int_eq(s.values[KT_SF_MUNICIPALITY]->nelts, 1);
}
END_TEST

START_TEST(unknown_names_and_values)
{
    kt_search_error e = bad("q=x&utm_source=mail", "utm_source", "unknown-param");
    ck_assert_int_eq(e.index, 1);
    bad("utm_source=", "utm_source", "unknown-param");
    bad("Q=x", "Q", "unknown-param");                /* names are case-sensitive */
    bad("municipality=abc", "municipality", "unknown-value");
    bad("municipality=91", "municipality", "unknown-value");
    bad("municipality=0910", "municipality", "unknown-value");
    bad("region=1", "region", "unknown-value");
    bad("region=x1", "region", "unknown-value");
    bad("form=Language_Club", "form", "unknown-value");
    bad("form=language-club", "form", "unknown-value");
    bad("form=%3Cscript%3E", "form", "unknown-value");
    bad("theme=a,b", "theme", "unknown-value");      /* a comma would split the SQL list */
    bad("language=suomi", "language", "unknown-value");
    bad("language=f", "language", "unknown-value");
    bad("free=0", "free", "unknown-value");
    bad("free=yes", "free", "unknown-value");
    bad("online=true", "online", "unknown-value");
    bad("sort=oldest", "sort", "unknown-value");
    bad("sort=Title", "sort", "unknown-value");
}
END_TEST

START_TEST(pages)
{
    ck_assert_int_eq(ok("page=1").page, 1);
    ck_assert_int_eq(ok("page=1000").page, KT_SEARCH_MAX_PAGE);
    ck_assert_int_eq(ok("page=007").page, 7);
    bad("page=0", "page", "out-of-range");
    bad("page=-1", "page", "out-of-range");
    bad("page=1001", "page", "out-of-range");
    bad("page=99999999999", "page", "out-of-range");
    bad("page=99999999999999999999999999", "page", "out-of-range");
    bad("page=abc", "page", "unknown-value");
    bad("page=1.5", "page", "unknown-value");
    bad("page=%201", "page", "unknown-value");
    bad("page=2&page=3", "page", "repeated");
}
END_TEST

START_TEST(single_parameters_once)
{
    kt_search_error e = bad("q=a&q=b", "q", "repeated");
    ck_assert_int_eq(e.index, 1);
    ck_assert_str_eq(e.value, "b");
    bad("free=1&free=1", "free", "repeated");
    bad("sort=title&sort=newest", "sort", "repeated");
    /* an empty repeat (an empty second search box) is no repeat */
    ck_assert_str_eq(ok("q=a&q=").q, "a");
}
END_TEST

START_TEST(lengths_and_counts)
{
    char q[KT_SEARCH_MAX_Q + 2];
    char *many = "";
    int i;

    memset(q, 'a', sizeof(q) - 1);
    q[KT_SEARCH_MAX_Q] = '\0';
    ok(apr_pstrcat(ut_pool, "q=", q, NULL));
    q[KT_SEARCH_MAX_Q] = 'a';
    q[KT_SEARCH_MAX_Q + 1] = '\0';
    bad(apr_pstrcat(ut_pool, "q=", q, NULL), "q", "too-long");
    /* characters, not bytes: 200 × "ä" is fine */
    for (i = 0; i < KT_SEARCH_MAX_Q; i++) {
        many = apr_pstrcat(ut_pool, many, "%C3%A4", NULL);
    }
    ck_assert_int_eq((int)strlen(ok(apr_pstrcat(ut_pool, "q=", many, NULL)).q), 2 * KT_SEARCH_MAX_Q);
    /* 10 000 characters: refused by the decoder already, naming q */
    many = apr_palloc(ut_pool, 10003);
    memcpy(many, "q=", 2);
    memset(many + 2, 'x', 10000);
    many[10002] = '\0';
    bad(many, "q", "too-long");
    /* more different values of one filter than allowed */
    many = "";
    for (i = 0; i <= 50; i++) {
        many = apr_psprintf(ut_pool, "%s&municipality=%03d", many, i);
    }
    bad(many + 1, "municipality", "too-many");
    /* more pairs than the decoder takes */
    many = "";
    for (i = 0; i <= KT_SEARCH_MAX_PAIRS; i++) {
        many = apr_pstrcat(ut_pool, many, "&q=", NULL);
    }
    bad(many, NULL, "too-many");
}
END_TEST

START_TEST(encoding_errors_name_the_parameter)
{
    bad("q=%FF%FE", "q", "invalid-utf8");
    bad("q=a%00b", "q", "control-char");
    bad("q=100%", "q", "bad-escape");
    bad("%FF=1", NULL, "invalid-utf8");
}
END_TEST

START_TEST(effective_sort)
{
    kt_search s = ok("sort=relevance");
    ck_assert_int_eq(s.sort, KT_SORT_RELEVANCE);
    ck_assert_int_eq(kt_search_effective_sort(&s), KT_SORT_NEWEST);  /* no words to rank */
    s = ok("q=x&sort=relevance");
    ck_assert_int_eq(kt_search_effective_sort(&s), KT_SORT_RELEVANCE);
    s = ok("q=x&sort=newest");
    ck_assert_int_eq(kt_search_effective_sort(&s), KT_SORT_NEWEST);
}
END_TEST

START_TEST(canonical_urls)
{
    kt_search s = ok("page=2&online=1&municipality=091&q=l%C3%A4xhj%C3%A4lp+%26+co"
                     "&form=b_b&form=a&sort=relevance&free=1&language=ara");
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, s.page),
                     PATH "?q=l%C3%A4xhj%C3%A4lp+%26+co&form=b_b&form=a&language=ara"
                     "&municipality=091&free=1&online=1&page=2");
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 1),
                     PATH "?q=l%C3%A4xhj%C3%A4lp+%26+co&form=b_b&form=a&language=ara"
                     "&municipality=091&free=1&online=1");
    s = ok("");
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 1), PATH);
    s = ok("sort=title");
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 5), PATH "?sort=title&page=5");
    s = ok("q=x&sort=newest");      /* not the default with words: kept */
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 1), PATH "?q=x&sort=newest");
    s = ok("sort=newest");          /* the default without: dropped */
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 1), PATH);
}
END_TEST

START_TEST(variations)
{
    kt_search s = ok("q=x&form=a&form=b&free=1&online=1&page=4&sort=title");
    kt_search w = kt_search_without(ut_pool, &s, "form", "a");
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &w, w.page),
                     PATH "?q=x&form=b&free=1&online=1&sort=title");
    ck_assert_int_eq(s.values[KT_SF_FORM]->nelts, 2);             /* the original stays */
    w = kt_search_without(ut_pool, &s, "q", NULL);
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &w, w.page),
                     PATH "?form=a&form=b&free=1&online=1&sort=title");
    w = kt_search_without(ut_pool, &s, "free", NULL);
    w = kt_search_without(ut_pool, &w, "online", NULL);
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &w, w.page), PATH "?q=x&form=a&form=b&sort=title");
    w = kt_search_sorted(&s, KT_SORT_RELEVANCE);
    ck_assert_int_eq(w.page, 1);
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &w, w.page), PATH "?q=x&form=a&form=b&free=1&online=1");
}
END_TEST

START_TEST(new_filters_of_the_table)
{
    kt_search s = ok("weekday=2&weekday=5&weekday=2&time=evening&in_person=1&sort=next");
    ck_assert_int_eq(s.values[KT_SF_WEEKDAY]->nelts, 2);
    ck_assert_int_eq(s.values[KT_SF_TIME]->nelts, 1);
    ck_assert_int_eq(s.values[KT_SF_IN_PERSON]->nelts, 1);
    ck_assert_int_eq(s.sort, KT_SORT_NEXT);
    ck_assert_int_eq(kt_search_effective_sort(&s), KT_SORT_NEXT);   /* no q needed */
    ck_assert_str_eq(kt_search_href(ut_pool, PATH, &s, 1),
                     PATH "?weekday=2&weekday=5&time=evening&in_person=1&sort=next");
    bad("weekday=0", "weekday", "unknown-value");
    bad("weekday=8", "weekday", "unknown-value");
    bad("weekday=mon", "weekday", "unknown-value");
    bad("time=night", "time", "unknown-value");
    bad("in_person=yes", "in_person", "unknown-value");
    bad("in_person=1&in_person=1", "in_person", "repeated");
    bad("free=1&free=1", "free", "repeated");
}
END_TEST

START_TEST(tracking_parameters_are_stripped)
{
    ck_assert_str_eq(kt_query_strip_tracking(ut_pool, "q=kieli&utm_source=fb&fbclid=x&form=a"),
                     "q=kieli&form=a");
    ck_assert_ptr_null(kt_query_strip_tracking(ut_pool, "utm_campaign=x&gclid=1&mc_cid=2&mc_eid=3"));
    ck_assert_str_eq(kt_query_strip_tracking(ut_pool, "utm%5Fmedium=x&page=2"), "page=2");
    ck_assert_str_eq(kt_query_strip_tracking(ut_pool, "utmx=1&q=a"), "utmx=1&q=a");
    ck_assert_ptr_null(kt_query_strip_tracking(ut_pool, NULL));
    /* nothing to drop: the string itself */
    {
        const char *raw = "q=a&&b";
        ck_assert_ptr_eq(kt_query_strip_tracking(ut_pool, raw), raw);
    }
    ck_assert(kt_query_is_tracking("utm_source") && kt_query_is_tracking("fbclid"));
    ck_assert(!kt_query_is_tracking("q") && !kt_query_is_tracking("utm"));
}
END_TEST

START_TEST(statements_come_from_the_table)
{
    const kt_filter_table *t = &kt_activity_filters;
    const char *r = kt_filter_sql_counts_r(ut_pool, t);
    const char *d = kt_filter_sql_counts_dim(ut_pool, t);
    const char *w = kt_filter_sql_expand(ut_pool, t, "@PARAMS@) SELECT 1 WHERE @WHERE@", 0);
    int i;

    ck_assert_int_eq(t->n, KT_SF_COUNT);
    for (i = 0; i < t->n; i++) {
        const char *param = apr_pstrcat(ut_pool, " AS f_", t->filters[i].name, NULL);
        ck_assert_ptr_nonnull(strstr(w, param));
        ck_assert_ptr_nonnull(strstr(w, t->filters[i].cond));
        ck_assert_ptr_nonnull(strstr(r, apr_pstrcat(ut_pool, "'", t->filters[i].name, "'", NULL)));
    }
    ck_assert_ptr_nonnull(strstr(d, "p.dim = 'weekday'"));
    ck_assert_ptr_null(strstr(d, "p.dim = 'free'"));
    /* COUNTS_DIM leaves the counted facet's own values out (NULL), so that a
     * condition reading them too (weekday and time: one slot) holds without them */
    ck_assert_ptr_nonnull(strstr(d, "CASE WHEN p0.dim = 'time' THEN NULL ELSE p0.f_time END"));
    ck_assert_ptr_null(strstr(d, "p0.dim = 'free'"));
    ck_assert_ptr_nonnull(strstr(w, "s.slots & kt_search_slots(p.f_weekday, p.f_time) <> 0"));
    /* weekday and time count from one grouping set of the slots */
    ck_assert_ptr_nonnull(strstr(r, "GROUPING(forms_bits,themes_bits,targets_bits,languages,"
                                    "region_code,municipality_code,slots)"));
    ck_assert_ptr_null(strstr(w, "@PARAMS@"));
    ck_assert_ptr_null(strstr(w, "@WHERE@"));
    /* as many placeholders as kt_search_sql_args gives */
    for (i = 0; (w = strstr(w, "%s")) != NULL; w += 2) {
        i++;
    }
    ck_assert_int_eq(i, KT_SEARCH_NARGS);
}
END_TEST

START_TEST(href_without_the_bad_pair)
{
    kt_search s;
    kt_search_error err;
    apr_array_header_t *pairs;
    ck_assert(!kt_search_parse(ut_pool, &kt_activity_filters, "q=a+b&fbclid=xyz&form=mentoring&region=", &s, &pairs, &err));
    ck_assert_int_eq(err.index, 1);
    ck_assert_str_eq(kt_search_href_without(ut_pool, PATH, pairs, err.index),
                     PATH "?q=a+b&form=mentoring");
    ck_assert_str_eq(kt_search_href_without(ut_pool, PATH, NULL, -1), PATH);
}
END_TEST

START_TEST(sql_arguments)
{
    const char *args[KT_SEARCH_NARGS];
    kt_search s = ok("form=a&form=b&municipality=091&free=1&q=x");
    apr_array_header_t *codes = apr_array_make(ut_pool, 2, sizeof(const char *));

    kt_search_sql_args(ut_pool, &s, "sv", args);
    ck_assert_str_eq(args[0], "sv");
    /* q not read by the database yet: a query nothing matches */
    ck_assert_str_eq(args[1], "'='");
    ck_assert_ptr_null(args[2]);
    ck_assert_str_eq(args[3 + KT_SF_FORM], "a,b");
    ck_assert_ptr_null(args[3 + KT_SF_THEME]);
    ck_assert_ptr_null(args[3 + KT_SF_LANGUAGE]);
    ck_assert_str_eq(args[3 + KT_SF_MUNICIPALITY], "091");
    ck_assert_str_eq(args[3 + KT_SF_FREE], "1");
    ck_assert_ptr_null(args[3 + KT_SF_ONLINE]);
    s.tsq = "'x':*";
    s.tsq_exact = "'x'";
    kt_search_sql_args(ut_pool, &s, "sv", args);
    ck_assert_str_eq(args[1], "'x':*");
    ck_assert_str_eq(args[2], "'x'");

    s = ok("language=ar&language=ara&language=fi");
    APR_ARRAY_PUSH(codes, const char *) = "ara";
    APR_ARRAY_PUSH(codes, const char *) = "ara";
    APR_ARRAY_PUSH(codes, const char *) = "fin";
    kt_search_set_values(ut_pool, &s, KT_SF_LANGUAGE, codes);
    ck_assert_str_eq(kt_search_list(ut_pool, &s, KT_SF_LANGUAGE), "ara,fin");
    ck_assert(kt_search_has(&s, KT_SF_LANGUAGE, "fin"));
    ck_assert(!kt_search_has(&s, KT_SF_LANGUAGE, "fi"));
}
END_TEST

START_TEST(cache_keys)
{
    /* the same counts: another order of values, page, sort */
    kt_search a = ok("form=b&form=a&municipality=091&q=kieli%20kerho&free=1");
    kt_search b = ok("free=1&q=kieli+kerho&municipality=091&form=a&form=b&page=3&sort=title");
    kt_search none = ok("");
    ck_assert_str_eq(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &b));
    ck_assert_str_eq(kt_search_cache_key(ut_pool, &a),
                     "v2\x1f" "a,b\x1f\x1f\x1f\x1f\x1f" "091\x1f\x1f\x1f" "1\x1f\x1f\x1f"
                     "q=kieli kerho");
    /* other counts: a filter fewer, a flag, another text, the same codes under
     * another filter (q cannot hold the separator: control characters are
     * refused) */
    ck_assert_str_ne(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &none));
    b = ok("form=a&municipality=091&q=kieli%20kerho&free=1");
    ck_assert_str_ne(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &b));
    b = ok("form=b&form=a&municipality=091&q=kieli%20kerho&free=1&online=1");
    ck_assert_str_ne(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &b));
    b = ok("form=b&form=a&municipality=091&q=kielikerho&free=1");
    ck_assert_str_ne(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &b));
    a = ok("theme=a");
    b = ok("target=a");
    ck_assert_str_ne(kt_search_cache_key(ut_pool, &a), kt_search_cache_key(ut_pool, &b));
    bad("q=x%1Fonline", "q", "control-char");
}
END_TEST

Suite *search_suite(void)
{
    Suite *s = suite_create("search");
    TCase *tc = tcase_create("parameters");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, empty_and_defaults);
    tcase_add_test(tc, every_parameter);
    tcase_add_test(tc, repeated_values_count_once);
    tcase_add_test(tc, unknown_names_and_values);
    tcase_add_test(tc, pages);
    tcase_add_test(tc, single_parameters_once);
    tcase_add_test(tc, lengths_and_counts);
    tcase_add_test(tc, encoding_errors_name_the_parameter);
    tcase_add_test(tc, effective_sort);
    tcase_add_test(tc, canonical_urls);
    tcase_add_test(tc, variations);
    tcase_add_test(tc, href_without_the_bad_pair);
    tcase_add_test(tc, cache_keys);
    tcase_add_test(tc, sql_arguments);
    tcase_add_test(tc, new_filters_of_the_table);
    tcase_add_test(tc, tracking_parameters_are_stripped);
    tcase_add_test(tc, statements_come_from_the_table);
    suite_add_tcase(s, tc);
    return s;
}
