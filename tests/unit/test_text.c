/* UTF-8 validation, XML-safe text, language negotiation, strict ids. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_text.h"

START_TEST(utf8_validity)
{
    ck_assert(kt_utf8_valid("", 0));
    ck_assert(kt_utf8_valid("Hyvää päivää", strlen("Hyvää päivää")));
    ck_assert(kt_utf8_valid("\xF0\x9F\x98\x80", 4));                 /* emoji */
    ck_assert(kt_utf8_valid("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", 8)); /* Arabic, RTL */
    ck_assert(!kt_utf8_valid("\xC3", 1));                            /* truncated */
    ck_assert(!kt_utf8_valid("\xC0\xAF", 2));                        /* overlong '/' */
    ck_assert(!kt_utf8_valid("\xED\xA0\x80", 3));                    /* surrogate */
    ck_assert(!kt_utf8_valid("\xF4\x90\x80\x80", 4));                /* > U+10FFFF */
    ck_assert(!kt_utf8_valid("\xFF", 1));
}
END_TEST

START_TEST(xml_safe_text_replaces_what_xml_cannot_carry)
{
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "a\x01" "b"), "a\xEF\xBF\xBD" "b");
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "x\xFFy"), "x\xEF\xBF\xBDy");
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "tab\there\nnl\r"), "tab\there\nnl\r");
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "\xEF\xBF\xBE"), "\xEF\xBF\xBD"); /* U+FFFE */
    /* what HTML forbids: DEL, C1 (U+0085), noncharacters; their neighbours stay */
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "a\x7F" "b\xC2\x85" "c\xC2\x9F"),
                     "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "\xEF\xB7\x90\xF0\x9F\xBF\xBF"),
                     "\xEF\xBF\xBD\xEF\xBF\xBD");                 /* U+FDD0, U+1FFFF */
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "~\xC2\xA0\xEF\xB7\xB0\xEF\xBF\xBD"),
                     "~\xC2\xA0\xEF\xB7\xB0\xEF\xBF\xBD");     /* ~, U+00A0, U+FDF0, U+FFFD */
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "<b>&amp;]]>"), "<b>&amp;]]>"); /* escaping is the serializer's job */
    ck_assert_str_eq(kt_xml_safe_text(ut_pool, "\xC3"), "\xEF\xBF\xBD");
}
END_TEST

START_TEST(language_negotiation)
{
    ck_assert_int_eq(kt_lang_negotiate(NULL), KT_LANG_FI);
    ck_assert_int_eq(kt_lang_negotiate(""), KT_LANG_FI);
    ck_assert_int_eq(kt_lang_negotiate("sv-FI,sv;q=0.9,en;q=0.8"), KT_LANG_SV);
    ck_assert_int_eq(kt_lang_negotiate("de-DE, en;q=0.5, fi;q=0.4"), KT_LANG_EN);
    ck_assert_int_eq(kt_lang_negotiate("fi;q=0.2, EN;q=0.9"), KT_LANG_EN);
    ck_assert_int_eq(kt_lang_negotiate("ar, so"), KT_LANG_FI);
    ck_assert_int_eq(kt_lang_negotiate("en;q=0, sv;q=0.1"), KT_LANG_SV);
    ck_assert_int_eq(kt_lang_negotiate(";;;,,,q=,=en"), KT_LANG_FI);
    ck_assert_int_eq(kt_lang_from_code("sv"), KT_LANG_SV);
    ck_assert_int_eq(kt_lang_from_code("SV"), -1);
    ck_assert_int_eq(kt_lang_from_code("swe"), -1);
}
END_TEST

START_TEST(strict_ids)
{
    ck_assert(kt_parse_id("1") == 1);
    ck_assert(kt_parse_id("900") == 900);
    ck_assert(kt_parse_id("999999999999999999") == 999999999999999999LL);
    ck_assert(kt_parse_id("9999999999999999999") == 0);   /* 19 digits */
    ck_assert(kt_parse_id("0") == 0);
    ck_assert(kt_parse_id("-1") == 0);
    ck_assert(kt_parse_id("12abc") == 0);
    ck_assert(kt_parse_id(" 1") == 0);
    ck_assert(kt_parse_id("") == 0);
    ck_assert(kt_parse_id(NULL) == 0);
}
END_TEST

START_TEST(excerpts)
{
    char *long_text;
    const char *e;
    int i;

    ck_assert_str_eq(kt_text_excerpt(ut_pool, "  One  line\n of text.\n\nSecond.", 100),
                     "One line of text.");
    ck_assert_str_eq(kt_text_excerpt(ut_pool, "First.\r\n\r\nSecond.", 100), "First.");
    ck_assert_str_eq(kt_text_excerpt(ut_pool, NULL, 10), "");
    ck_assert_str_eq(kt_text_excerpt(ut_pool, "alpha beta gamma", 12), "alpha beta\xE2\x80\xA6");
    ck_assert_str_eq(kt_text_excerpt(ut_pool, "alpha beta gamma", 16), "alpha beta gamma");
    /* no space to cut at: cut inside the word, between characters */
    ck_assert_str_eq(kt_text_excerpt(ut_pool, "ääääää", 5), "ää\xE2\x80\xA6");
    long_text = apr_pstrdup(ut_pool, "");
    for (i = 0; i < 200; i++) {
        long_text = apr_pstrcat(ut_pool, long_text, "sana ä ", NULL);
    }
    e = kt_text_excerpt(ut_pool, long_text, 300);
    ck_assert_uint_le(strlen(e), 303);
    ck_assert(kt_utf8_valid(e, strlen(e)));
}
END_TEST

/* The one text rule (kt_text_char_ok), code point by code point, as
 * sql/009_accounts.sql kt_text_class() has it; test_text_rule.py checks the
 * database against the forms at every boundary. */
START_TEST(text_rule)
{
    static const unsigned long refused[] = {
        0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0x2028, 0x2029, 0x206A,
        0x206F, 0xFEFF, 0xFFF9, 0xFFFB, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF
    };
    static const unsigned long allowed[] = {
        0x20, 0x41, 0x7E, 0xA0, 0xAD, 0xE4, 0x600, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x2027, 0x202A, 0x202E, 0x202F, 0x2066, 0x2069, 0x2070, 0x3000, 0xFDCF, 0xFDF0, 0xFEFE, 0xFFF8, 0xFFFC,
        0xFFFD, 0x1F600, 0x10FFFD
    };
    size_t i;

    for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        ck_assert_msg(!kt_text_char_ok(refused[i], 0), "U+%04lX in a line", refused[i]);
        ck_assert_msg(!kt_text_char_ok(refused[i], 1), "U+%04lX in a text", refused[i]);
    }
    for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
        ck_assert_msg(kt_text_char_ok(allowed[i], 0), "U+%04lX in a line", allowed[i]);
        ck_assert_msg(kt_text_char_ok(allowed[i], 1), "U+%04lX in a text", allowed[i]);
    }
    /* tab and line breaks: several lines only */
    ck_assert(!kt_text_char_ok(0x09, 0) && kt_text_char_ok(0x09, 1));
    ck_assert(!kt_text_char_ok(0x0A, 0) && kt_text_char_ok(0x0A, 1));
    ck_assert(!kt_text_char_ok(0x0D, 0) && kt_text_char_ok(0x0D, 1));
    /* what no address may hold besides */
    ck_assert(kt_char_blank(0x20) && kt_char_blank(0xA0) && kt_char_blank(0x3000));
    ck_assert(kt_char_blank(0x200B) && kt_char_blank(0xAD) && !kt_char_blank('a'));
}
END_TEST

START_TEST(strict_integers)
{
    apr_int64_t v = 7;

    ck_assert(kt_parse_int("2147483647", 1, KT_INT32_MAX, &v) && v == 2147483647);
    ck_assert(!kt_parse_int("2147483648", 1, KT_INT32_MAX, &v));        /* 2^31 */
    ck_assert(!kt_parse_int("99999999999999999999", 0, APR_INT64_MAX, &v)); /* > int64 */
    ck_assert(!kt_parse_int("18446744073709551616", 0, APR_INT64_MAX, &v));
    ck_assert(kt_parse_int("9223372036854775807", 0, APR_INT64_MAX, &v) && v == APR_INT64_MAX);
    ck_assert(!kt_parse_int("9223372036854775808", 0, APR_INT64_MAX, &v));
    ck_assert(kt_parse_int("-9223372036854775808", APR_INT64_MIN, 0, &v) && v == APR_INT64_MIN);
    ck_assert(kt_parse_int("-5", -10, 10, &v) && v == -5);
    ck_assert(!kt_parse_int("-5", 0, 10, &v));
    ck_assert(!kt_parse_int("", 0, 10, &v));
    ck_assert(!kt_parse_int("-", 0, 10, &v));
    ck_assert(!kt_parse_int("+1", 0, 10, &v));
    ck_assert(!kt_parse_int(" 1", 0, 10, &v));
    ck_assert(!kt_parse_int("1e3", 0, 10000, &v));
    ck_assert(!kt_parse_int(NULL, 0, 10, &v));
    ck_assert(v == APR_INT64_MIN || v == -5);   /* untouched by refusals */
}
END_TEST

START_TEST(prefixes_end_on_characters)
{
    ck_assert_uint_eq(kt_utf8_prefix("abc", 10), 3);
    ck_assert_uint_eq(kt_utf8_prefix("abc", 2), 2);
    ck_assert_uint_eq(kt_utf8_prefix("a\xC3\xA4" "b", 2), 1);          /* not inside ä */
    ck_assert_uint_eq(kt_utf8_prefix("a\xC3\xA4" "b", 3), 3);
    ck_assert_uint_eq(kt_utf8_prefix("\xF0\x9F\x98\x80x", 3), 0);      /* emoji */
    ck_assert_uint_eq(kt_utf8_prefix("\xF0\x9F\x98\x80x", 4), 4);
}
END_TEST

START_TEST(postgres_text_arrays)
{
    const char *out[4];

    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{}", out, 4), 0);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{language_club}", out, 4), 1);
    ck_assert_str_eq(out[0], "language_club");
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{a,NULL,\"b c\",\"q\\\"x\\\\\",\"NULL\"}", out, 4), 4);
    ck_assert_str_eq(out[0], "a");
    ck_assert_str_eq(out[1], "b c");
    ck_assert_str_eq(out[2], "q\"x\\");
    ck_assert_str_eq(out[3], "NULL");
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{a,b,c,d,e}", out, 4), -1);   /* more than max */
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{a,b", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{a}x", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{{a}}", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{a,,b}", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, "{\"a}", out, 4), -1);
    ck_assert_int_eq(kt_pg_text_array(ut_pool, NULL, out, 4), -1);
}
END_TEST

Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, utf8_validity);
    tcase_add_test(tc, xml_safe_text_replaces_what_xml_cannot_carry);
    tcase_add_test(tc, language_negotiation);
    tcase_add_test(tc, strict_ids);
    tcase_add_test(tc, excerpts);
    tcase_add_test(tc, text_rule);
    tcase_add_test(tc, strict_integers);
    tcase_add_test(tc, prefixes_end_on_characters);
    tcase_add_test(tc, postgres_text_arrays);
    suite_add_tcase(s, tc);
    return s;
}
