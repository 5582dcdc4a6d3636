/* Page documents built from hostile strings stay well-formed and carry the
 * strings as text: the round trip through a serialiser and a parser gives
 * back exactly what went in (after XML-impossible characters are replaced). */
#include <string.h>
#include <apr_strings.h>
#include <libxml/parser.h>
#include "unit.h"
#include "kt_xml.h"

static xmlDocPtr reparse(const char *xml)
{
    return xmlReadMemory(xml, (int)strlen(xml), NULL, "UTF-8", XML_PARSE_NONET);
}

START_TEST(hostile_text_round_trips)
{
    const char *hostile[] = {
        "<script>alert(1)</script>", "]]><x>", "a & b &amp; c", "\"quoted\" 'single'",
        "<!-- c -->", "<?pi x?>", "&#x3C;script&#x3E;", "\xE2\x80\xAE" "RTL override",
        "emoji \xF0\x9F\x98\x80", "<![CDATA[x]]>"
    };
    size_t i;
    for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
        xmlDocPtr doc = kt_xml_page(ut_pool, KT_LANG_FI, "front", 200, "/", NULL, NULL);
        xmlNodePtr n = kt_xml_add(ut_pool, xmlDocGetRootElement(doc), "t", hostile[i]);
        xmlDocPtr back;
        xmlNodePtr bt;
        xmlChar *content;
        kt_xml_attr(ut_pool, n, "a", hostile[i]);
        back = reparse(kt_xml_dump(ut_pool, doc));
        ck_assert_msg(back != NULL, "not well-formed for %s", hostile[i]);
        bt = xmlDocGetRootElement(back)->last;
        ck_assert_str_eq((const char *)bt->name, "t");
        content = xmlNodeGetContent(bt);
        ck_assert_str_eq((const char *)content, hostile[i]);
        xmlFree(content);
        content = xmlGetProp(bt, BAD_CAST "a");
        ck_assert_str_eq((const char *)content, hostile[i]);
        xmlFree(content);
        ck_assert(bt->children == NULL || bt->children->next == NULL);   /* one text node, no elements */
        ck_assert_int_eq(bt->children ? bt->children->type : XML_TEXT_NODE, XML_TEXT_NODE);
        xmlFreeDoc(back);
    }
}
END_TEST

START_TEST(control_chars_and_bad_utf8_become_replacement)
{
    xmlDocPtr doc = kt_xml_page(ut_pool, KT_LANG_SV, "front", 200, "/", NULL, NULL);
    xmlDocPtr back;
    xmlChar *content;
    kt_xml_add(ut_pool, xmlDocGetRootElement(doc), "t", "a\x01\x1b[31m\xC3(\xFF" "b");
    back = reparse(kt_xml_dump(ut_pool, doc));
    ck_assert(back != NULL);
    content = xmlNodeGetContent(xmlDocGetRootElement(back)->last);
    ck_assert_str_eq((const char *)content,
                     "a\xEF\xBF\xBD\xEF\xBF\xBD[31m\xEF\xBF\xBD(\xEF\xBF\xBD" "b");
    xmlFree(content);
    xmlFreeDoc(back);
}
END_TEST

START_TEST(page_has_language_alternates_keeping_the_query)
{
    xmlDocPtr doc = kt_xml_page(ut_pool, KT_LANG_SV, "activity", 200, "/activities/7",
                                "q=a&b=\"<>\"", "http://x");
    const char *xml = kt_xml_dump(ut_pool, doc);
    ck_assert_ptr_nonnull(strstr(xml, "<page lang=\"sv\" type=\"activity\" status=\"200\" "
                                      "path=\"/sv/activities/7\""));
    ck_assert_ptr_nonnull(strstr(xml, "href=\"/fi/activities/7?q=a&amp;b=&quot;&lt;&gt;&quot;\""));
    ck_assert_ptr_nonnull(strstr(xml, "<alternate lang=\"sv\" href=\"/sv/activities/7?"));
    ck_assert_ptr_nonnull(strstr(xml, "current=\"true\""));
}
END_TEST

START_TEST(texts_mark_the_language_they_are_in)
{
    xmlDocPtr doc = kt_xml_page(ut_pool, KT_LANG_EN, "front", 200, "/", NULL, NULL);
    const char *only_fi[KT_LANG_COUNT] = { "Kielikerho", NULL, NULL };
    const char *none[KT_LANG_COUNT] = { NULL, NULL, NULL };
    xmlNodePtr n = kt_xml_texts(ut_pool, xmlDocGetRootElement(doc), "title", KT_LANG_EN, only_fi);
    xmlChar *lang = xmlGetProp(n, BAD_CAST "lang");
    ck_assert_str_eq((const char *)lang, "fi");
    xmlFree(lang);
    ck_assert(kt_xml_texts(ut_pool, xmlDocGetRootElement(doc), "title", KT_LANG_EN, none) == NULL);
}
END_TEST

/* The feed's error bodies are written by hand: whatever a request named,
 * escaped it parses, and gives back what it said (XML-impossible characters
 * replaced, tab and line breaks kept as character references). */
START_TEST(escaped_text_parses_back)
{
    const char *hostile[] = {
        "\x01\r\n", "a\"b", "<x>&amp;", "\xFF\xFE", "tab\there", "\xEF\xBF\xBE", ""
    };
    const char *expect[] = {
        "\xEF\xBF\xBD\r\n", "a\"b", "<x>&amp;", "\xEF\xBF\xBD\xEF\xBF\xBD", "tab\there",
        "\xEF\xBF\xBD", ""
    };
    size_t i;

    for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
        const char *e = kt_xml_escape(ut_pool, hostile[i]);
        const char *doc = apr_pstrcat(ut_pool, "<e a=\"", e, "\">", e, "</e>", NULL);
        xmlDocPtr back = reparse(doc);
        xmlChar *v;
        ck_assert_msg(back != NULL, "not well-formed: %s", doc);
        v = xmlGetProp(xmlDocGetRootElement(back), BAD_CAST "a");
        ck_assert_str_eq((const char *)v, expect[i]);
        xmlFree(v);
        v = xmlNodeGetContent(xmlDocGetRootElement(back));
        ck_assert_str_eq((const char *)v, expect[i]);
        xmlFree(v);
        xmlFreeDoc(back);
    }
}
END_TEST

Suite *xml_suite(void)
{
    Suite *s = suite_create("xml");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, hostile_text_round_trips);
    tcase_add_test(tc, escaped_text_parses_back);
    tcase_add_test(tc, control_chars_and_bad_utf8_become_replacement);
    tcase_add_test(tc, page_has_language_alternates_keeping_the_query);
    tcase_add_test(tc, texts_mark_the_language_they_are_in);
    suite_add_tcase(s, tc);
    return s;
}
