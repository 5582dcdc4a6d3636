/* The public pages' lists: help topics and the names of the sitemap's parts. */
#include <string.h>
#include "unit.h"
#include "kt_pagelist.h"

START_TEST(help_topics_are_found_by_their_exact_name)
{
    ck_assert_int_eq(kt_help_topic("listing-rules"), 0);
    ck_assert_int_eq(kt_help_topic("moderation"), 3);
    ck_assert_str_eq(kt_help_topics[kt_help_topic("main-user")], "main-user");
    ck_assert_int_eq(kt_help_topic("Moderation"), -1);
    ck_assert_int_eq(kt_help_topic("moderation.xml"), -1);
    ck_assert_int_eq(kt_help_topic(""), -1);
    ck_assert_int_eq(kt_help_topic(NULL), -1);
}
END_TEST

START_TEST(public_pages_are_paths_under_the_language)
{
    int i;

    for (i = 0; kt_sitemap_pages[i]; i++) {
        ck_assert_msg(kt_sitemap_pages[i][0] == '/', "%s", kt_sitemap_pages[i]);
        ck_assert_msg(!strchr(kt_sitemap_pages[i], '?'), "%s", kt_sitemap_pages[i]);
    }
    ck_assert_int_eq(i, 15);
    ck_assert_str_eq(kt_sitemap_pages[0], "/");
}
END_TEST

START_TEST(part_names)
{
    const char *kinds[] = { "activities", "news", "job-ads", NULL };
    apr_int64_t n = -5;
    int k = -5;

    ck_assert(kt_sitemap_part_parse("pages.xml", kinds, &k, &n));
    ck_assert_int_eq(k, -1);
    ck_assert(kt_sitemap_part_parse("activities-0.xml", kinds, &k, &n));
    ck_assert(k == 0 && n == 0);
    ck_assert(kt_sitemap_part_parse("news-17.xml", kinds, &k, &n));
    ck_assert(k == 1 && n == 17);
    ck_assert(kt_sitemap_part_parse("job-ads-999999999999.xml", kinds, &k, &n));
    ck_assert(k == 2 && n == 999999999999LL);

    ck_assert(!kt_sitemap_part_parse("activities-00.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-01.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities--1.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-+1.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-1000000000000.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-1.XML", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities-1", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activity-1.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("activities1.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("-1.xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse(".xml", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("", kinds, &k, &n));
    ck_assert(!kt_sitemap_part_parse("pages-0.xml", kinds, &k, &n));
}
END_TEST

Suite *pagelist_suite(void)
{
    Suite *s = suite_create("pagelist");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, help_topics_are_found_by_their_exact_name);
    tcase_add_test(tc, public_pages_are_paths_under_the_language);
    tcase_add_test(tc, part_names);
    suite_add_tcase(s, tc);
    return s;
}
