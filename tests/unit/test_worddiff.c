/* Word-level change marks (kt_worddiff.h): the parts, their cleanup, the
 * bounds on long texts, and the marks added to a comparison's changes. */
#include <string.h>
#include <time.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_worddiff.h"
#include "kt_xml.h"

/* The parts as "=kept|-removed|+added|…", for compact assertions. */
static const char *show(const apr_array_header_t *parts)
{
    static const char marks[] = { '=', '-', '+' };
    const char *out = "";
    int i;

    if (!parts) {
        return "NULL";
    }
    for (i = 0; i < parts->nelts; i++) {
        const kt_wd_part *part = &APR_ARRAY_IDX(parts, i, kt_wd_part);
        out = apr_psprintf(ut_pool, "%s%s%c%s", out, i ? "|" : "", marks[part->op], part->text);
    }
    return out;
}

#define DIFF(a, b, want) ck_assert_str_eq(show(kt_worddiff(ut_pool, a, b)), want)

/* Applying the parts gives back both texts. */
static void round_trip(const char *a, const char *b)
{
    const apr_array_header_t *parts = kt_worddiff(ut_pool, a, b);
    const char *old = "", *new = "";
    int i;

    ck_assert_ptr_nonnull(parts);
    for (i = 0; i < parts->nelts; i++) {
        const kt_wd_part *part = &APR_ARRAY_IDX(parts, i, kt_wd_part);
        if (part->op != KT_WD_INS) {
            old = apr_pstrcat(ut_pool, old, part->text, NULL);
        }
        if (part->op != KT_WD_DEL) {
            new = apr_pstrcat(ut_pool, new, part->text, NULL);
        }
    }
    ck_assert_str_eq(old, a);
    ck_assert_str_eq(new, b);
}

START_TEST(words_added_removed_replaced)
{
    DIFF("Suomen kielen kerho", "Suomen kielen kerho", "=Suomen kielen kerho");
    DIFF("", "", "");
    DIFF("", "Uusi", "+Uusi");
    DIFF("Vanha", "", "-Vanha");
    DIFF("Suomen kielen kerho", "Suomen kielen iltakerho", "=Suomen kielen |-kerho|+iltakerho");
    DIFF("Kerho tiistaisin", "Kerho tiistaisin ja torstaisin",
         "=Kerho tiistaisin|+ ja torstaisin");
    DIFF("Kerho tiistaisin ja torstaisin", "Kerho torstaisin",
         "=Kerho |-tiistaisin ja |=torstaisin");
    /* punctuation is its own token */
    DIFF("Tervetuloa!", "Tervetuloa mukaan!", "=Tervetuloa|+ mukaan|=!");
    /* letters beyond ASCII belong to words */
    DIFF("Ääkköset ovat", "Öljyt ovat", "-Ääkköset|+Öljyt|= ovat");
}
END_TEST

START_TEST(white_space_between_changes_joins_them)
{
    DIFF("a b c", "x y z", "-a b c|+x y z");
    DIFF("yksi, kaksi", "kolme; neljä", "-yksi, kaksi|+kolme; neljä");
    /* a kept word keeps the changes apart */
    DIFF("a b c", "x b z", "-a|+x|= b |-c|+z");
    /* paragraphs stay in the text */
    DIFF("Eka.\n\nToka.", "Eka.\n\nKolmas.", "=Eka.\n\n|-Toka|+Kolmas|=.");
}
END_TEST

START_TEST(parts_rebuild_both_texts)
{
    round_trip("Harjoittelemme suomea rennosti kahvin äärellä.",
               "Harjoittelemme suomea ja ruotsia rennosti teen äärellä, tervetuloa!");
    round_trip("a b c d e f g", "g f e d c b a");
    round_trip("  alussa välejä", "alussa  välejä  ");
    round_trip("<b>merkit</b> & \"lainaus\"", "<i>merkit</i> &amp; 'lainaus'");
}
END_TEST

/* A text of n words: word i is w<i>, every `step`th one renamed. */
static const char *text_of(int n, int step, const char *renamed)
{
    apr_array_header_t *w = apr_array_make(ut_pool, n, sizeof(const char *));
    int i;

    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(w, const char *) = step && i % step == 0
            ? apr_psprintf(ut_pool, "%s%d", renamed, i) : apr_psprintf(ut_pool, "w%d", i);
    }
    return apr_array_pstrcat(ut_pool, w, ' ');
}

START_TEST(long_texts_stay_fast_and_bounded)
{
    clock_t t0 = clock();
    const char *a = text_of(2500, 0, NULL);            /* 5 000 tokens, ~17 000 bytes */
    const apr_array_header_t *parts;
    double seconds;

    /* one word changed in the middle of a long text: marked */
    DIFF("alku keski loppu", "alku KESKI loppu", "=alku |-keski|+KESKI|= loppu");
    parts = kt_worddiff(ut_pool, a, text_of(2500, 1249, "x"));
    ck_assert_ptr_nonnull(parts);
    round_trip(a, text_of(2500, 1249, "x"));
    /* many scattered changes, still within the bounds */
    ck_assert_ptr_nonnull(kt_worddiff(ut_pool, a, text_of(2500, 25, "y")));
    /* rewritten from scratch: no word marks (the field is marked as a whole) */
    ck_assert_ptr_null(kt_worddiff(ut_pool, a, text_of(2500, 1, "z")));
    /* too long between the common ends */
    ck_assert_ptr_null(kt_worddiff(ut_pool, text_of(4000, 1, "p"), text_of(4000, 1, "q")));
    /* over the byte limit */
    {
        char *big = apr_palloc(ut_pool, KT_WORDDIFF_MAX_BYTES + 2);
        memset(big, 'a', KT_WORDDIFF_MAX_BYTES + 1);
        big[KT_WORDDIFF_MAX_BYTES + 1] = '\0';
        ck_assert_ptr_null(kt_worddiff(ut_pool, big, "a"));
    }
    seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* the worst of these is bounded by (N + M) * MAX_EDITS comparisons */
    ck_assert_msg(seconds < 2.0, "took %.3f s", seconds);
}
END_TEST

START_TEST(marks_on_a_comparison)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page"), a, b, changes, f;
    char *xml;

    xmlDocSetRootElement(doc, root);
    a = kt_xml_add(ut_pool, root, "listing", NULL);
    b = kt_xml_add(ut_pool, root, "listing", NULL);
    f = kt_xml_add(ut_pool, a, "field", NULL);
    kt_xml_attr(ut_pool, f, "name", "title_fi");
    kt_xml_attr(ut_pool, f, "words", "true");
    kt_xml_attr(ut_pool, f, "value", "Kielikerho tiistaisin");
    f = kt_xml_add(ut_pool, b, "field", NULL);
    kt_xml_attr(ut_pool, f, "name", "title_fi");
    kt_xml_attr(ut_pool, f, "words", "true");
    kt_xml_attr(ut_pool, f, "value", "Kielikerho torstaisin");
    /* a code is not a text: no word marks */
    f = kt_xml_add(ut_pool, a, "field", NULL);
    kt_xml_attr(ut_pool, f, "name", "price");
    kt_xml_attr(ut_pool, f, "value", "free");
    f = kt_xml_add(ut_pool, b, "field", NULL);
    kt_xml_attr(ut_pool, f, "name", "price");
    kt_xml_attr(ut_pool, f, "value", "fee");
    changes = kt_xml_add(ut_pool, root, "changes", NULL);
    kt_xml_attr(ut_pool, kt_xml_add(ut_pool, changes, "change", NULL), "row", "title_fi");
    kt_xml_attr(ut_pool, kt_xml_add(ut_pool, changes, "change", NULL), "row", "price");
    kt_worddiff_changes(ut_pool, changes, a, b);
    xml = kt_xml_dump(ut_pool, doc);
    ck_assert_msg(strstr(xml, "<change row=\"title_fi\"><words><same>Kielikerho </same>"
                              "<del>tiistaisin</del><ins>torstaisin</ins></words></change>"), "%s", xml);
    ck_assert_msg(strstr(xml, "<change row=\"price\"/>"), "%s", xml);
    xmlFreeDoc(doc);
}
END_TEST

Suite *worddiff_suite(void)
{
    Suite *s = suite_create("worddiff");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, words_added_removed_replaced);
    tcase_add_test(tc, white_space_between_changes_joins_them);
    tcase_add_test(tc, parts_rebuild_both_texts);
    tcase_add_test(tc, long_texts_stay_fast_and_bounded);
    tcase_add_test(tc, marks_on_a_comparison);
    suite_add_tcase(s, tc);
    return s;
}
