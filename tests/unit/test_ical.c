/* iCalendar text: escaping, folding, the components of a calendar. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_ical.h"

static char *fold(const char *line)
{
    apr_array_header_t *out = apr_array_make(ut_pool, 64, sizeof(char));
    kt_ical_fold(out, line);
    APR_ARRAY_PUSH(out, char) = '\0';
    return out->elts;
}

START_TEST(text_escaping)
{
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "a,b;c\\d"), "a\\,b\\;c\\\\d");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "one\r\ntwo\nthree\rfour"),
                     "one\\ntwo\\nthree\\nfour");
    /* no input can end the line and start a property of its own */
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "x\r\nEND:VEVENT"), "x\\nEND:VEVENT");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "tab\there"), "tab\there");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "nul\x01" "del\x7F"),
                     "nul\xEF\xBF\xBD" "del\xEF\xBF\xBD");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "bad \xFF utf8"), "bad \xEF\xBF\xBD utf8");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, NULL), "");
    ck_assert_str_eq(kt_ical_escape_text(ut_pool, "Kielikerho: \"äö\" – ok"),
                     "Kielikerho: \"äö\" – ok");
}
END_TEST

START_TEST(short_lines_are_not_folded)
{
    ck_assert_str_eq(fold("VERSION:2.0"), "VERSION:2.0\r\n");
    {
        char line[76];
        memset(line, 'x', 75);
        line[75] = '\0';
        ck_assert_str_eq(fold(line), apr_pstrcat(ut_pool, line, "\r\n", NULL));
    }
}
END_TEST

/* Every physical line at most 75 octets, continuation lines start with a
 * space, and unfolding gives the original back. */
static void check_folding(const char *line)
{
    char *out = fold(line), *s = out, *unfolded = apr_pstrdup(ut_pool, ""), *eol;
    int first = 1;

    while ((eol = strstr(s, "\r\n")) != NULL) {
        apr_size_t n = (apr_size_t)(eol - s);
        ck_assert_msg(n <= 75, "line of %u octets", (unsigned)n);
        ck_assert(!memchr(s, '\n', n) && !memchr(s, '\r', n));
        if (!first) {
            ck_assert(s[0] == ' ');
            s++;
            n--;
        }
        /* never starts inside a UTF-8 sequence */
        ck_assert(n == 0 || ((unsigned char)s[0] & 0xC0) != 0x80);
        unfolded = apr_pstrcat(ut_pool, unfolded, apr_pstrndup(ut_pool, s, n), NULL);
        s = eol + 2;
        first = 0;
    }
    ck_assert_str_eq(s, "");
    ck_assert_str_eq(unfolded, line);
}

START_TEST(long_lines_fold_at_75_octets_between_characters)
{
    int i;
    char *ascii = apr_pstrdup(ut_pool, "DESCRIPTION:");
    char *mixed = apr_pstrdup(ut_pool, "SUMMARY:");
    for (i = 0; i < 40; i++) {
        ascii = apr_pstrcat(ut_pool, ascii, "abcdefghij", NULL);
        /* 2-, 3- and 4-byte characters at every alignment */
        mixed = apr_pstrcat(ut_pool, mixed, "ä€😀x", NULL);
        check_folding(ascii);
        check_folding(mixed);
    }
}
END_TEST

static kt_ical_calendar sample(apr_array_header_t **events)
{
    kt_ical_calendar cal;
    kt_ical_event *ev;

    memset(&cal, 0, sizeof(cal));
    cal.name = "Kerho; \"testi\", osa\n2";
    cal.summary = cal.name;
    cal.summary_lang = "fi";
    cal.description = "Kuvaus";
    cal.description_lang = "fi";
    cal.location = "Katu 1, 00100 Helsinki";
    cal.url = "https://example.org/fi/activities/1";
    cal.stamp = "20261120T080000Z";
    *events = cal.events = apr_array_make(ut_pool, 2, sizeof(kt_ical_event));
    ev = apr_array_push(cal.events);
    ev->uid = "activity-1-slot-1@example.org";
    ev->start = "20260818T170000";
    ev->end = "20260818T183000";
    ev->weekday = 2;
    ev->until = "20270527T205959Z";
    ev = apr_array_push(cal.events);
    ev->uid = "activity-1-session-1@example.org";
    ev->start = "20261201T180000";
    ev->end = NULL;
    ev->weekday = 0;
    ev->until = NULL;
    return cal;
}

START_TEST(calendar_components)
{
    apr_array_header_t *events;
    kt_ical_calendar cal = sample(&events);
    apr_size_t len;
    char *text = kt_ical_render(ut_pool, &cal, &len);

    ck_assert_uint_eq(strlen(text), len);
    ck_assert(strncmp(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
    ck_assert(strstr(text, "\r\nEND:VCALENDAR\r\n") == text + len - 17);
    ck_assert_ptr_nonnull(strstr(text, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nDTSTART;TZID=Europe/Helsinki:20260818T170000\r\n"
                                       "DTEND;TZID=Europe/Helsinki:20260818T183000\r\n"
                                       "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270527T205959Z\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nSUMMARY;LANGUAGE=fi:Kerho\\; \"testi\"\\, osa\\n2\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nLOCATION:Katu 1\\, 00100 Helsinki\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nURL:https://example.org/fi/activities/1\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nUID:activity-1-session-1@example.org\r\n"
                                       "DTSTAMP:20261120T080000Z\r\n"));
    /* the single session has no RRULE and no DTEND */
    ck_assert_ptr_null(strstr(strstr(text, "activity-1-session-1"), "RRULE"));
    ck_assert_ptr_null(strstr(strstr(text, "activity-1-session-1"), "DTEND"));
    /* bare LF nowhere: every line ends in CRLF */
    {
        const char *s;
        for (s = text; *s; s++) {
            if (*s == '\n') {
                ck_assert(s > text && s[-1] == '\r');
            }
        }
    }
}
END_TEST

START_TEST(no_events_is_still_a_calendar)
{
    apr_array_header_t *events;
    kt_ical_calendar cal = sample(&events);
    apr_size_t len;
    char *text;

    cal.events = NULL;
    cal.description = NULL;
    text = kt_ical_render(ut_pool, &cal, &len);
    ck_assert_ptr_null(strstr(text, "VEVENT"));
    ck_assert_ptr_nonnull(strstr(text, "END:VTIMEZONE\r\nEND:VCALENDAR\r\n"));
}
END_TEST

Suite *ical_suite(void)
{
    Suite *s = suite_create("ical");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, text_escaping);
    tcase_add_test(tc, short_lines_are_not_folded);
    tcase_add_test(tc, long_lines_fold_at_75_octets_between_characters);
    tcase_add_test(tc, calendar_components);
    tcase_add_test(tc, no_events_is_still_a_calendar);
    suite_add_tcase(s, tc);
    return s;
}
