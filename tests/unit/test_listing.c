/* Listings: reading the editor's form, the checks for a draft and for a
 * submission, canonical dates/times/amounts, comparing two versions. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_listing.h"

/* Problems found, as "field:code" joined with spaces. */
typedef struct {
    char *all;
} found;

static void collect(void *baton, const char *field, const char *code)
{
    found *f = baton;
    f->all = apr_pstrcat(ut_pool, f->all, f->all[0] ? " " : "", field, ":", code, NULL);
}

static kt_listing *from(const char *body)
{
    kt_form *f = NULL;
    ck_assert_int_eq(kt_form_decode(ut_pool, body, strlen(body), &kt_form_default_limits, &f),
                     KT_FORM_OK);
    return kt_listing_from_form(ut_pool, f);
}

static const char *problems(const kt_listing *l, int submit)
{
    found f = { "" };
    kt_listing_check(ut_pool, l, submit, "2026-12-02", collect, &f);
    return f.all;
}

static int has(const char *all, const char *item)
{
    const char *s = strstr(all, item);
    return s && (s == all || s[-1] == ' ') && (s[strlen(item)] == '\0' || s[strlen(item)] == ' ');
}

/* A listing that passes every check of a submission. */
#define GOOD_BUT_PLACE "title_fi=Kielikerho&description_fi=Puhutaan+suomea." \
             "&forms=language_club&targets=adults&languages=fin&registration=drop_in" \
             "&contact_email=kerho%40example.org&slot_weekday=2&slot_start=17&slot_end=19.30"
#define GOOD GOOD_BUT_PLACE "&municipality=091"

START_TEST(reads_the_form)
{
    kt_listing *l = from("title_sv=++Spr%C3%A5kcaf%C3%A9+&description_sv=a%0D%0Ab"
                         "&forms=camp&forms=camp&forms=training&forms="
                         "&slot_weekday=1&slot_start=9&slot_end=10"
                         "&slot_weekday=&slot_start=&slot_end="
                         "&slot_weekday=3&slot_start=12"
                         "&session_date=1.2.2027&session_start=18&session_end="
                         "&online=yes&price=fee&price_amount=2%2C5");
    ck_assert_str_eq(l->title[KT_LANG_SV], "Språkcafé");
    ck_assert_str_eq(l->title[KT_LANG_FI], "");
    ck_assert_str_eq(l->description[KT_LANG_SV], "a\nb");
    ck_assert_int_eq(l->forms->nelts, 2);
    ck_assert_str_eq(APR_ARRAY_IDX(l->forms, 1, const char *), "training");
    ck_assert_int_eq(l->slots->nelts, 2);            /* the empty row is dropped */
    ck_assert_str_eq(APR_ARRAY_IDX(l->slots, 1, kt_slot_row).weekday, "3");
    ck_assert_str_eq(APR_ARRAY_IDX(l->slots, 1, kt_slot_row).end, "");
    ck_assert_int_eq(l->sessions->nelts, 1);
    ck_assert_int_eq(l->online, 1);
    ck_assert_int_eq(l->nationwide, 0);
    ck_assert_str_eq(l->price_amount, "2,5");
}
END_TEST

START_TEST(canonical_dates_times_amounts)
{
    ck_assert_str_eq(kt_listing_date(ut_pool, "2027-01-15"), "2027-01-15");
    ck_assert_str_eq(kt_listing_date(ut_pool, "5.1.2027"), "2027-01-05");
    ck_assert_str_eq(kt_listing_date(ut_pool, "29.02.2028"), "2028-02-29");
    ck_assert_ptr_null(kt_listing_date(ut_pool, "29.2.2027"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, "31.4.2027"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, "2027-1-5"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, "1.1.27"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, "2027-01-15x"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, "+1.1.2027"));
    ck_assert_ptr_null(kt_listing_date(ut_pool, ""));

    ck_assert_str_eq(kt_listing_clock(ut_pool, "9"), "09:00");
    ck_assert_str_eq(kt_listing_clock(ut_pool, "17.30"), "17:30");
    ck_assert_str_eq(kt_listing_clock(ut_pool, "7:05"), "07:05");
    ck_assert_str_eq(kt_listing_clock(ut_pool, "00:00"), "00:00");
    ck_assert_ptr_null(kt_listing_clock(ut_pool, "24:00"));
    ck_assert_ptr_null(kt_listing_clock(ut_pool, "12:60"));
    ck_assert_ptr_null(kt_listing_clock(ut_pool, "12:5"));
    ck_assert_ptr_null(kt_listing_clock(ut_pool, "123"));
    ck_assert_ptr_null(kt_listing_clock(ut_pool, ":30"));
    ck_assert_ptr_null(kt_listing_clock(ut_pool, "-1"));

    ck_assert_str_eq(kt_listing_amount(ut_pool, "5"), "5.00");
    ck_assert_str_eq(kt_listing_amount(ut_pool, "2,5"), "2.50");
    ck_assert_str_eq(kt_listing_amount(ut_pool, "3.75 €"), "3.75");
    ck_assert_str_eq(kt_listing_amount(ut_pool, "10EUR"), "10.00");
    ck_assert_str_eq(kt_listing_amount(ut_pool, "9999.99"), "9999.99");
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "0"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "10000"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "1.234"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "-5"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "5,"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, ",5"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "1,2,3"));
    ck_assert_ptr_null(kt_listing_amount(ut_pool, "€"));
}
END_TEST

START_TEST(a_good_listing_passes_both_checks)
{
    kt_listing *l = from(GOOD);
    ck_assert_str_eq(problems(l, 0), "");
    ck_assert_str_eq(problems(l, 1), "");
}
END_TEST

START_TEST(a_draft_needs_only_a_title)
{
    ck_assert_str_eq(problems(from("title_en=Club"), 0), "");
    ck_assert_str_eq(problems(from("description_fi=ilman+otsikkoa"), 0), "title_fi:title.none");
}
END_TEST

START_TEST(a_submission_needs_what_the_public_reads)
{
    const char *all = problems(from("title_sv=Klubb&description_en=No+title"), 1);
    ck_assert(has(all, "description_sv:description_sv.missing"));
    ck_assert(has(all, "title_en:title_en.missing"));
    ck_assert(has(all, "forms:forms.missing"));
    ck_assert(has(all, "targets:targets.missing"));
    ck_assert(has(all, "languages:languages.missing"));
    ck_assert(has(all, "municipality:place.missing"));
    ck_assert(has(all, "contact_email:contact.missing"));
    /* online or nationwide is a place too, and a typed language counts */
    all = problems(from("title_fi=Kielikerho&description_fi=Puhutaan+suomea."
                        "&forms=language_club&targets=adults&languages_other=tir"
                        "&contact_email=kerho%40example.org&online=yes"), 1);
    ck_assert_str_eq(all, "");
    ck_assert_str_eq(problems(from(GOOD_BUT_PLACE "&nationwide=yes"), 1), "");
    ck_assert_str_eq(problems(from(GOOD_BUT_PLACE), 1), "municipality:place.missing");
}
END_TEST

START_TEST(formats_are_checked_on_every_save)
{
    const char *all = problems(from("title_fi=T&postal_code=0010&start_date=32.1.2027"
                                    "&end_date=2027-13-01&price=fee&price_amount=viisi"
                                    "&registration=maybe&contact_email=nobody&contact_phone=12"
                                    "&url=javascript%3Aalert(1)&project=x"
                                    "&slot_weekday=8&slot_start=1&slot_end=2"
                                    "&slot_weekday=1&slot_start=25&slot_end=2"
                                    "&slot_weekday=1&slot_start=12&slot_end=11"
                                    "&session_date=1.1&session_start=1&session_end="
                                    "&session_date=1.1.2027&session_start=&session_end="
                                    "&session_date=1.1.2027&session_start=12&session_end=12"), 0);
    ck_assert(has(all, "postal_code:postal_code.invalid"));
    ck_assert(has(all, "start_date:start_date.invalid"));
    ck_assert(has(all, "end_date:end_date.invalid"));
    ck_assert(has(all, "price_amount:price_amount.invalid"));
    ck_assert(has(all, "registration:registration.invalid"));
    ck_assert(has(all, "contact_email:contact_email.invalid"));
    ck_assert(has(all, "contact_phone:contact_phone.invalid"));
    ck_assert(has(all, "url:url.invalid"));
    ck_assert(has(all, "project:project.invalid"));
    ck_assert(has(all, "slot-1:slot.weekday"));
    ck_assert(has(all, "slot-2:slot.time"));
    ck_assert(has(all, "slot-3:slot.order"));
    ck_assert(has(all, "session-1:session.date"));
    ck_assert(has(all, "session-2:session.time"));
    ck_assert(has(all, "session-3:session.order"));
    ck_assert(!has(all, "title_fi:title.none"));
}
END_TEST

START_TEST(lengths_and_characters)
{
    char *long_title = apr_palloc(ut_pool, 202), *all;
    memset(long_title, 'a', 201);
    long_title[201] = '\0';
    all = (char *)problems(from(apr_pstrcat(ut_pool, "title_fi=", long_title,
                                            "&title_sv=a%09b&contact_name=x%0Ay"
                                            "&description_en=line%0Aline%09tab", NULL)), 0);
    ck_assert(has(all, "title_fi:title_fi.too_long"));
    ck_assert(has(all, "title_sv:title_sv.invalid"));      /* a tab in a one-line field */
    ck_assert(has(all, "contact_name:contact_name.invalid"));
    ck_assert(!strstr(all, "description_en"));             /* lines and tabs are text */
    /* 200 characters of 2-byte letters is not too long */
    long_title = "";
    for (int i = 0; i < 200; i++) {
        long_title = apr_pstrcat(ut_pool, long_title, "%C3%A4", NULL);
    }
    ck_assert_str_eq(problems(from(apr_pstrcat(ut_pool, "title_fi=", long_title, NULL)), 0), "");
}
END_TEST

START_TEST(dates_in_order_and_not_past)
{
    ck_assert(has(problems(from(GOOD "&start_date=2.2.2027&end_date=1.2.2027"), 0),
                  "end_date:end_date.before_start"));
    ck_assert_str_eq(problems(from(GOOD "&end_date=1.12.2026"), 0), "");
    ck_assert(has(problems(from(GOOD "&end_date=1.12.2026"), 1), "end_date:end_date.past"));
    ck_assert_str_eq(problems(from(GOOD "&end_date=2.12.2026"), 1), "");
}
END_TEST

START_TEST(one_dated_session_is_a_single_event)
{
    const char *one = "title_fi=Juhla&description_fi=x&forms=meeting_place&targets=adults"
                      "&languages=fin&municipality=091&contact_phone=040+123+4567"
                      "&session_date=1.3.2027&session_start=18";
    ck_assert_str_eq(problems(from(one), 0), "");        /* a draft may have it */
    ck_assert_str_eq(problems(from(one), 1), "session-1:sessions.single");
    ck_assert_str_eq(problems(from(apr_pstrcat(ut_pool, one,
                     "&session_date=8.3.2027&session_start=18", NULL)), 1), "");
    ck_assert_str_eq(problems(from(apr_pstrcat(ut_pool, one,
                     "&slot_weekday=1&slot_start=10&slot_end=11", NULL)), 1), "");
}
END_TEST

START_TEST(too_many_rows)
{
    char *body = "title_fi=T";
    int i;
    for (i = 0; i <= KT_LISTING_MAX_SLOTS; i++) {
        body = apr_pstrcat(ut_pool, body, "&slot_weekday=1&slot_start=10&slot_end=11", NULL);
    }
    ck_assert_str_eq(problems(from(body), 0), "slot-1:slots.too_many");
}
END_TEST

START_TEST(diff_compares_canonical_forms)
{
    kt_listing *a = from(GOOD "&forms=training&start_date=15.1.2027&price=fee&price_amount=5"
                         "&slot_weekday=4&slot_start=9&slot_end=10");
    kt_listing *b = from("title_fi=Kielikerho&description_fi=Puhutaan+suomea.&forms=training"
                         "&forms=language_club&targets=adults&languages=fin&municipality=091"
                         "&registration=drop_in&contact_email=kerho%40example.org"
                         "&start_date=2027-01-15&price=fee&price_amount=5%2C00"
                         "&slot_weekday=4&slot_start=09:00&slot_end=10.00"
                         "&slot_weekday=2&slot_start=17:00&slot_end=19:30");
    apr_array_header_t *d = kt_listing_diff(ut_pool, a, b);
    ck_assert_int_eq(d->nelts, 0);

    b->title[KT_LANG_EN] = "Language club";
    b->online = 1;
    b->contact_phone = "040 1";
    d = kt_listing_diff(ut_pool, a, b);
    ck_assert_int_eq(d->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(d, 0, const char *), "title_en");
    ck_assert_str_eq(APR_ARRAY_IDX(d, 1, const char *), "place");
    ck_assert_str_eq(APR_ARRAY_IDX(d, 2, const char *), "contact");
}
END_TEST

START_TEST(sql_lists)
{
    kt_listing *l = from(GOOD "&slot_weekday=5&slot_start=8&slot_end=9"
                         "&session_date=31.12.2026&session_start=22&session_end=1"
                         "&session_date=2027-01-05&session_start=18.15&session_end=");
    const char *w, *s, *e;
    kt_listing_slot_lists(ut_pool, l, &w, &s, &e);
    ck_assert_str_eq(w, "2,5");
    ck_assert_str_eq(s, "17:00,08:00");
    ck_assert_str_eq(e, "19:30,09:00");
    kt_listing_session_lists(ut_pool, l, &s, &e);
    ck_assert_str_eq(s, "2026-12-31 22:00,2027-01-05 18:15");
    ck_assert_str_eq(e, "2027-01-01 01:00,");             /* past midnight: the next day */
    ck_assert_str_eq(kt_listing_join(ut_pool, l->forms), "language_club");
}
END_TEST

START_TEST(xml_carries_canonical_values)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
    xmlBufferPtr buf = xmlBufferCreate();
    const char *out;

    xmlDocSetRootElement(doc, root);
    kt_listing_xml(ut_pool, root, "mine",
                   from("title_fi=%3Cscript%3E&start_date=1.2.2027&price=fee&price_amount=3"
                        "&session_date=5.2.2027&session_start=9"));
    xmlNodeDump(buf, doc, root, 0, 0);
    out = (const char *)xmlBufferContent(buf);
    ck_assert(strstr(out, "<listing role=\"mine\">"));
    ck_assert(strstr(out, "name=\"title_fi\" words=\"true\" value=\"&lt;script&gt;\""));
    ck_assert(strstr(out, "name=\"start_date\" value=\"2027-02-01\""));
    ck_assert(strstr(out, "name=\"price_amount\" value=\"3.00\""));
    ck_assert(strstr(out, "<row date=\"2027-02-05\" start=\"09:00\" end=\"\"/>"));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
}
END_TEST

Suite *listing_suite(void)
{
    Suite *s = suite_create("listing");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, reads_the_form);
    tcase_add_test(tc, canonical_dates_times_amounts);
    tcase_add_test(tc, a_good_listing_passes_both_checks);
    tcase_add_test(tc, a_draft_needs_only_a_title);
    tcase_add_test(tc, a_submission_needs_what_the_public_reads);
    tcase_add_test(tc, formats_are_checked_on_every_save);
    tcase_add_test(tc, lengths_and_characters);
    tcase_add_test(tc, dates_in_order_and_not_past);
    tcase_add_test(tc, one_dated_session_is_a_single_event);
    tcase_add_test(tc, too_many_rows);
    tcase_add_test(tc, diff_compares_canonical_forms);
    tcase_add_test(tc, sql_lists);
    tcase_add_test(tc, xml_carries_canonical_values);
    suite_add_tcase(s, tc);
    return s;
}
