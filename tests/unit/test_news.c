/* News (src/lib/kt_news_item.c) and the markup of their bodies (src/lib/kt_markup.c):
 * paragraphs, line breaks and links built as XML, everything else kept as text (markup,
 * javascript: and other addresses, broken links); excerpts; the item's form, the checks
 * of a draft and of a publication, the related item, the comparison of two versions. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_markup.h"
#include "kt_news_item.h"
#include "kt_xml.h"

/* The markup of text as XML: what the stylesheet receives under <body>. */
static const char *markup(const char *text)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
    xmlBufferPtr buf = xmlBufferCreate();
    const char *out;

    xmlDocSetRootElement(doc, root);
    kt_markup_xml(ut_pool, root, text);
    xmlNodeDump(buf, doc, root, 0, 0);
    out = apr_pstrdup(ut_pool, (const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return out;
}

START_TEST(paragraphs_and_lines)
{
    ck_assert_str_eq(markup("Yksi.\n\nKaksi\nrivi.\n \t\n\n\nKolme."),
                     "<body><p>Yksi.</p><p>Kaksi<br/>rivi.</p><p>Kolme.</p></body>");
    /* browsers' CR LF, blank lines first and last */
    ck_assert_str_eq(markup("\r\n\r\nA\r\nB\r\n\r\nC\r\n"),
                     "<body><p>A<br/>B</p><p>C</p></body>");
    ck_assert_str_eq(markup(""), "<body/>");
    ck_assert_str_eq(markup(" \n\n \n"), "<body/>");
    ck_assert_str_eq(markup(NULL), "<body/>");
}
END_TEST

START_TEST(links)
{
    ck_assert_str_eq(markup("Lue [lisää](https://example.org/a?b=1&c=2) täältä."),
                     "<body><p>Lue <a href=\"https://example.org/a?b=1&amp;c=2\">lisää</a>"
                     " täältä.</p></body>");
    ck_assert_str_eq(markup("[a](http://x.fi)[b](https://y.fi/)"),
                     "<body><p><a href=\"http://x.fi\">a</a><a href=\"https://y.fi/\">b</a>"
                     "</p></body>");
    /* a bracket that starts no link is text, and the next one may start one */
    ck_assert_str_eq(markup("[1] ja [tämä](https://e.fi)"),
                     "<body><p>[1] ja <a href=\"https://e.fi\">tämä</a></p></body>");
    ck_assert_str_eq(markup("[[x](https://e.fi)"),
                     "<body><p>[<a href=\"https://e.fi\">x</a></p></body>");
}
END_TEST

START_TEST(anything_else_is_text)
{
    /* addresses that are not http(s) with a host */
    ck_assert_str_eq(markup("[klikkaa](javascript:alert(1))"),
                     "<body><p>[klikkaa](javascript:alert(1))</p></body>");
    ck_assert_str_eq(markup("[x](data:text/html,<b>)"),
                     "<body><p>[x](data:text/html,&lt;b&gt;)</p></body>");
    ck_assert_str_eq(markup("[x](HTTPS://)"), "<body><p>[x](HTTPS://)</p></body>");
    ck_assert_str_eq(markup("[x](//e.fi)"), "<body><p>[x](//e.fi)</p></body>");
    /* no label, a space or a line break in the address, nothing closed */
    ck_assert_str_eq(markup("[](https://e.fi)"), "<body><p>[](https://e.fi)</p></body>");
    ck_assert_str_eq(markup("[ ](https://e.fi)"), "<body><p>[ ](https://e.fi)</p></body>");
    ck_assert_str_eq(markup("[x](https://e.fi/a b)"),
                     "<body><p>[x](https://e.fi/a b)</p></body>");
    ck_assert_str_eq(markup("[x](https://e.fi"), "<body><p>[x](https://e.fi</p></body>");
    ck_assert_str_eq(markup("[x]\n(https://e.fi)"), "<body><p>[x]<br/>(https://e.fi)</p></body>");
    ck_assert_str_eq(markup("[x\ny](https://e.fi)"), "<body><p>[x<br/>y](https://e.fi)</p></body>");
    /* HTML is text, escaped by the serializer; a control character cannot break XML */
    ck_assert_str_eq(markup("<script>alert(\"x\")</script> & <b onmouseover=y>"),
                     "<body><p>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; "
                     "&lt;b onmouseover=y&gt;</p></body>");
    ck_assert_str_eq(markup("a\001b"), "<body><p>a\xef\xbf\xbd" "b</p></body>");
    /* a label with markup in it stays text inside the link */
    ck_assert_str_eq(markup("[<i>x</i>](https://e.fi)"),
                     "<body><p><a href=\"https://e.fi\">&lt;i&gt;x&lt;/i&gt;</a></p></body>");
}
END_TEST

START_TEST(long_labels_and_many_brackets)
{
    char label[KT_MARKUP_LABEL_MAX + 2];
    char *brackets = apr_palloc(ut_pool, 20001);

    memset(label, 'a', sizeof(label) - 1);
    label[sizeof(label) - 1] = '\0';
    /* one character too many: text */
    ck_assert(!strstr(markup(apr_pstrcat(ut_pool, "[", label, "](https://e.fi)", NULL)), "<a"));
    label[KT_MARKUP_LABEL_MAX] = '\0';
    ck_assert(strstr(markup(apr_pstrcat(ut_pool, "[", label, "](https://e.fi)", NULL)), "<a"));
    /* thousands of brackets are read once each */
    memset(brackets, '[', 20000);
    brackets[20000] = '\0';
    ck_assert_int_eq(strlen(markup(brackets)), 20000 + strlen("<body><p></p></body>"));
}
END_TEST

START_TEST(excerpts)
{
    ck_assert_str_eq(kt_markup_excerpt(ut_pool, "\n\nLue [lisää](https://e.fi)\ntästä.\n\nToinen.",
                                       300),
                     "Lue lisää tästä.");
    ck_assert_str_eq(kt_markup_excerpt(ut_pool, "[x](javascript:y) <b>", 300),
                     "[x](javascript:y) <b>");
    ck_assert_str_eq(kt_markup_excerpt(ut_pool, "yksi kaksi kolme", 10), "yksi kaksi…");
    ck_assert_str_eq(kt_markup_excerpt(ut_pool, "", 10), "");
    ck_assert_str_eq(kt_markup_excerpt(ut_pool, NULL, 10), "");
}
END_TEST

/* ---- the item ---------------------------------------------------------------------- */

typedef struct {
    char codes[2048];
    int n;
} errs;

static void collect(void *baton, const char *field, const char *code)
{
    errs *e = baton;
    strcat(e->codes, field);
    strcat(e->codes, "=");
    strcat(e->codes, code);
    strcat(e->codes, " ");
    e->n++;
}

static kt_form *form(const char *body)
{
    kt_form *f = NULL;
    ck_assert_int_eq(kt_form_decode(ut_pool, body, strlen(body), &kt_listing_form_limits, &f),
                     KT_FORM_OK);
    return f;
}

START_TEST(a_draft_needs_only_a_title)
{
    errs got = { "", 0 };
    kt_news_item *n = kt_news_item_from_form(ut_pool, form("title_sv=+Nyhet+&body_fi=a%0D%0Ab"));

    ck_assert_str_eq(n->title[KT_LANG_SV], "Nyhet");
    ck_assert_str_eq(n->body[KT_LANG_FI], "a\nb");
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 0);
    n = kt_news_item_from_form(ut_pool, form("summary_fi=x"));
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 1);
    ck_assert_str_eq(got.codes, "title_fi=news_title.none ");
}
END_TEST

START_TEST(a_publication_needs_each_language_begun_complete)
{
    errs got = { "", 0 };
    kt_news_item *n = kt_news_item_from_form(
        ut_pool, form("title_fi=Otsikko&summary_fi=Tiivis&body_fi=Teksti"));

    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 1, collect, &got), 0);
    n = kt_news_item_from_form(
        ut_pool, form("title_fi=Otsikko&summary_fi=Tiivis&body_fi=Teksti&summary_sv=Kort"
                      "&body_en=Text"));
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 1, collect, &got), 4);
    ck_assert_str_eq(got.codes, "title_sv=news_title_sv.missing body_sv=body_sv.missing "
                                "title_en=news_title_en.missing summary_en=summary_en.missing ");
    /* nothing at all: one message */
    got.codes[0] = '\0';
    n = kt_news_item_from_form(ut_pool, form("related="));
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 1, collect, &got), 1);
    ck_assert_str_eq(got.codes, "title_fi=news_title.none ");
}
END_TEST

START_TEST(lengths_and_characters)
{
    errs got = { "", 0 };
    kt_news_item *n = kt_news_item_new(ut_pool);
    char *body = apr_palloc(ut_pool, KT_NEWS_BODY_MAX + 2);

    memset(body, 'x', KT_NEWS_BODY_MAX + 1);
    body[KT_NEWS_BODY_MAX + 1] = '\0';
    n->title[KT_LANG_FI] = "Rivi\trivi";
    n->summary[KT_LANG_FI] = "Yksi\nkaksi";          /* lines are allowed */
    n->body[KT_LANG_FI] = body;
    n->body[KT_LANG_EN] = "bell\007";                /* a control character */
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 3);
    ck_assert_str_eq(got.codes, "title_fi=title_fi.invalid body_fi=body_fi.too_long "
                                "body_en=body_en.invalid ");
    body[KT_NEWS_BODY_MAX] = '\0';
    n->title[KT_LANG_FI] = "Rivi";
    n->body[KT_LANG_EN] = "";
    got.codes[0] = '\0';
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 0);
}
END_TEST

START_TEST(the_related_item)
{
    const char *kind = NULL, *id = NULL;
    errs got = { "", 0 };
    kt_news_item *n = kt_news_item_from_form(ut_pool, form("title_fi=x&related=event-12"));

    ck_assert(kt_news_related_parse(ut_pool, "organisation-3", &kind, &id));
    ck_assert_str_eq(kind, "organisation");
    ck_assert_str_eq(id, "3");
    ck_assert(kt_news_related_parse(ut_pool, "project-26", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, "events-1", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, "event-", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, "event-0", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, "event-1x", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, "-1", &kind, &id));
    ck_assert(!kt_news_related_parse(ut_pool, NULL, &kind, &id));
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 0);
    n->related = "activity-1";
    ck_assert_int_eq(kt_news_item_check(ut_pool, n, 0, collect, &got), 1);
    ck_assert_str_eq(got.codes, "related=related.invalid ");
}
END_TEST

START_TEST(versions_compared_and_shown)
{
    kt_news_item *a = kt_news_item_from_form(ut_pool, form("title_fi=A&body_fi=x&related=event-1"));
    kt_news_item *b = kt_news_item_from_form(ut_pool, form("title_fi=A&body_fi=y&summary_en=s"));
    apr_array_header_t *rows = kt_news_item_diff(ut_pool, a, b);
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL), l;

    ck_assert_int_eq(rows->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 0, const char *), "summary_en");
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 1, const char *), "body_fi");
    ck_assert_str_eq(APR_ARRAY_IDX(rows, 2, const char *), "related");
    ck_assert_int_eq(kt_news_item_diff(ut_pool, a, a)->nelts, 0);
    xmlDocSetRootElement(doc, root);
    l = kt_news_item_xml(ut_pool, root, "latest", a);
    ck_assert_str_eq((const char *)xmlGetProp(l->children, BAD_CAST "name"), "title_fi");
    ck_assert_int_eq((int)xmlChildElementCount(l), 10);
    ck_assert_int_eq(a->languages->nelts, 0);
    xmlFreeDoc(doc);
}
END_TEST

Suite *news_suite(void)
{
    Suite *s = suite_create("news");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, paragraphs_and_lines);
    tcase_add_test(tc, links);
    tcase_add_test(tc, anything_else_is_text);
    tcase_add_test(tc, long_labels_and_many_brackets);
    tcase_add_test(tc, excerpts);
    tcase_add_test(tc, a_draft_needs_only_a_title);
    tcase_add_test(tc, a_publication_needs_each_language_begun_complete);
    tcase_add_test(tc, lengths_and_characters);
    tcase_add_test(tc, the_related_item);
    tcase_add_test(tc, versions_compared_and_shown);
    suite_add_tcase(s, tc);
    return s;
}
