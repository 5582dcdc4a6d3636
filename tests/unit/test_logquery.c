/* The audit log's request (kt_logquery.h): filters, 400 reasons, the
 * canonical links, and the CSV cells with their formula guard. */
#include <string.h>
#include "unit.h"
#include "kt_logquery.h"

static const char *const types[] = { "organisation", "user", "activity", "event", NULL };

static kt_logquery q;
static kt_logquery_error err;

static int parse(const char *raw)
{
    memset(&err, 0, sizeof(err));
    return kt_logquery_parse(ut_pool, raw, types, &q, &err);
}

#define REFUSED(raw, want_param, want_reason)                                          \
    do {                                                                               \
        ck_assert_msg(!parse(raw), "accepted %s", raw);                                \
        ck_assert_str_eq(err.param ? err.param : "(none)", want_param);                \
        ck_assert_str_eq(err.reason, want_reason);                                     \
    } while (0)

START_TEST(filters)
{
    ck_assert(parse(NULL));
    ck_assert_ptr_null(q.type);
    ck_assert_int_eq(q.page, 1);
    ck_assert_int_eq(q.csv, 0);
    ck_assert(parse("type=activity&from=2026-01-01&to=31.1.2026&page=3&format=csv"));
    ck_assert_str_eq(q.type, "activity");
    ck_assert_str_eq(q.from, "2026-01-01");
    ck_assert_str_eq(q.to, "2026-01-31");
    ck_assert_int_eq(q.page, 3);
    ck_assert_int_eq(q.csv, 1);
    /* empty values are absent (the form's "every type" and empty boxes) */
    ck_assert(parse("type=&from=&to=&page=&format="));
    ck_assert_ptr_null(q.type);
    ck_assert_ptr_null(q.from);
    /* tracking parameters are ignored; one day is a range */
    ck_assert(parse("utm_source=x&fbclid=y&from=2026-02-28&to=2026-02-28"));
    ck_assert(parse("page=10000"));
}
END_TEST

START_TEST(refusals)
{
    REFUSED("kind=activity", "kind", "unknown-param");
    REFUSED("Type=activity", "Type", "unknown-param");
    REFUSED("type=news", "type", "unknown-value");
    REFUSED("type=activity&type=event", "type", "repeated");
    REFUSED("from=2026-02-30", "from", "unknown-value");
    REFUSED("from=yesterday", "from", "unknown-value");
    REFUSED("to=2026-1-1x", "to", "unknown-value");
    REFUSED("from=2026-03-01&to=2026-02-01", "to", "out-of-range");
    REFUSED("page=0", "page", "out-of-range");
    REFUSED("page=-1", "page", "out-of-range");
    REFUSED("page=10001", "page", "out-of-range");
    REFUSED("page=1e3", "page", "out-of-range");
    REFUSED("format=xlsx", "format", "unknown-value");
    REFUSED("format=CSV", "format", "unknown-value");
    REFUSED("type=%ZZ", "type", "bad-escape");
    REFUSED("type=%C3%28", "type", "invalid-utf8");
}
END_TEST

START_TEST(links_keep_the_filters)
{
    ck_assert(parse("to=2026-02-01&type=organisation&from=1.1.2026&utm_x=1"));
    ck_assert_str_eq(kt_logquery_href(ut_pool, "/fi/moderation/log", &q, 1, 0),
                     "/fi/moderation/log?type=organisation&from=2026-01-01&to=2026-02-01");
    ck_assert_str_eq(kt_logquery_href(ut_pool, "/fi/moderation/log", &q, 2, 0),
                     "/fi/moderation/log?type=organisation&from=2026-01-01&to=2026-02-01&page=2");
    ck_assert_str_eq(kt_logquery_href(ut_pool, "/fi/moderation/log", &q, 1, 1),
                     "/fi/moderation/log?type=organisation&from=2026-01-01&to=2026-02-01"
                     "&format=csv");
    ck_assert(parse(NULL));
    ck_assert_str_eq(kt_logquery_href(ut_pool, "/sv/moderation/log", &q, 1, 0),
                     "/sv/moderation/log");
}
END_TEST

START_TEST(csv_cells)
{
    const char *row[] = { "2026-01-02T10:00", "Maija \"Mod\" M", "a,b", "rivi\nrivi", NULL,
                          "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "ok" };

    ck_assert_str_eq(kt_csv_cell(ut_pool, "plain"), "plain");
    ck_assert_str_eq(kt_csv_cell(ut_pool, ""), "");
    ck_assert_str_eq(kt_csv_cell(ut_pool, NULL), "");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "say \"hi\""), "\"say \"\"hi\"\"\"");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "a,b"), "\"a,b\"");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "a\r\nb"), "\"a\r\nb\"");
    /* formula injection: a leading =, +, -, @, tab or CR is made text */
    ck_assert_str_eq(kt_csv_cell(ut_pool, "=1+1"), "'=1+1");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "+358 40"), "'+358 40");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "-1"), "'-1");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "@x"), "'@x");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "=A1,\"x\""), "\"'=A1,\"\"x\"\"\"");
    ck_assert_str_eq(kt_csv_cell(ut_pool, "a=b"), "a=b");
    ck_assert_str_eq(kt_csv_row(ut_pool, row, 11),
                     "2026-01-02T10:00,\"Maija \"\"Mod\"\" M\",\"a,b\",\"rivi\nrivi\",,"
                     "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,ok\r\n");
}
END_TEST

Suite *logquery_suite(void)
{
    Suite *s = suite_create("logquery");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, filters);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, links_keep_the_filters);
    tcase_add_test(tc, csv_cells);
    suite_add_tcase(s, tc);
    return s;
}
