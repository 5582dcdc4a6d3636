/* The kinds' rules (kt_kind.h): which rules are about which content. */
#include <string.h>
#include <apr_tables.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_kind.h"
#include "kt_listing.h"
#include "kt_event.h"

START_TEST(volunteering_rule_only_for_volunteering)
{
    kt_listing *l = kt_listing_new(ut_pool);
    const char *all = "immigrants,non_commercial,open,non_aligned,equality,not_authority,"
                      "not_single_event";

    ck_assert_str_eq(kt_kind_rules_for(ut_pool, &kt_kind_activity, l), all);
    APR_ARRAY_PUSH(l->forms, const char *) = "language_club";
    ck_assert_str_eq(kt_kind_rules_for(ut_pool, &kt_kind_activity, l), all);
    APR_ARRAY_PUSH(l->forms, const char *) = "volunteering";
    ck_assert_str_eq(kt_kind_rules_for(ut_pool, &kt_kind_activity, l),
                     apr_pstrcat(ut_pool, all, ",volunteering", NULL));
    /* without content only the rules for every listing */
    ck_assert_int_eq(kt_kind_rule_applies(&kt_kind_activity.rules[7], NULL), 0);
    ck_assert_int_eq(kt_kind_rule_applies(&kt_kind_activity.rules[0], NULL), 1);
}
END_TEST

START_TEST(every_event_rule_always)
{
    kt_event *e = kt_event_new(ut_pool);
    ck_assert_str_eq(kt_kind_rules_for(ut_pool, &kt_kind_event, e),
                     "event_relevant,event_organiser,equality");
}
END_TEST

START_TEST(listed)
{
    ck_assert(kt_kind_rule_listed("open,equality", "equality"));
    ck_assert(kt_kind_rule_listed("open,equality", "open"));
    ck_assert(!kt_kind_rule_listed("open,equality", "equal"));
    ck_assert(!kt_kind_rule_listed("open,equality", "pen"));
    ck_assert(!kt_kind_rule_listed("", "open"));
    ck_assert(!kt_kind_rule_listed(NULL, "open"));
}
END_TEST

Suite *kind_suite(void)
{
    Suite *s = suite_create("kind");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, volunteering_rule_only_for_volunteering);
    tcase_add_test(tc, every_event_rule_always);
    tcase_add_test(tc, listed);
    suite_add_tcase(s, tc);
    return s;
}
