/* The render arena (kt_xmlmem.h) and the renderer on it (kt_render.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>
#include "unit.h"
#include "kt_render.h"
#include "kt_xmlmem.h"

START_TEST(blocks_are_reused_within_a_page_and_all_given_back_at_its_end)
{
    char *a, *b, *big, *after;

    if (!kt_xmlmem_install(ut_pool)) {
        return;     /* a sanitizer build: malloc throughout */
    }
    kt_xmlmem_begin();
    a = xmlMalloc(40);
    memset(a, 'x', 40);
    xmlFree(a);
    b = xmlMalloc(33);          /* the same size class: the same block */
    ck_assert_ptr_eq(a, b);
    big = xmlMalloc(100000);    /* above the classes: from the arena all the same */
    memset(big, 'y', 100000);
    xmlFree(big);
    kt_xmlmem_end();
    ck_assert_uint_ge(kt_xmlmem_peak(), 100000);
    ck_assert_uint_lt(kt_xmlmem_peak(), 100000 + 1024);

    /* after the page: malloc's blocks again, and a late free of an arena
     * block is ignored (the C library would abort on it) */
    after = xmlMalloc(40);
    ck_assert(after < b || after > big + 100000);
    xmlFree(b);
    xmlFree(after);

    /* the next page starts from the beginning of the arena */
    kt_xmlmem_begin();
    ck_assert_ptr_eq(xmlMalloc(40), a);
    kt_xmlmem_end();

    /* the pool's end gives libxml2 its own allocator back */
    apr_pool_clear(ut_pool);
    {
        xmlFreeFunc f;
        xmlMallocFunc m;
        xmlReallocFunc r;
        xmlStrdupFunc d;
        ck_assert_int_eq(xmlMemGet(&f, &m, &r, &d), 0);
        ck_assert_ptr_eq((void *)m, (void *)malloc);
        ck_assert_ptr_eq((void *)f, (void *)free);
    }
}
END_TEST

START_TEST(realloc_keeps_the_content_and_a_full_arena_falls_back_to_malloc)
{
    char *s, *blocks[40];
    int i;

    kt_xmlmem_install(ut_pool);
    kt_xmlmem_begin();
    s = xmlMalloc(10);
    strcpy(s, "kotoutuja");
    s = xmlRealloc(s, 5000);
    ck_assert_str_eq(s, "kotoutuja");
    s = xmlRealloc(s, 8);       /* shrinking keeps the block */
    ck_assert_str_eq(s, "kotoutuja");
    s = xmlMemStrdup("Jyväskylä");
    ck_assert_str_eq(s, "Jyväskylä");
    /* 40 MB: more than the arena holds; the rest comes from malloc */
    for (i = 0; i < 40; i++) {
        blocks[i] = xmlMalloc(1 << 20);
        ck_assert_ptr_nonnull(blocks[i]);
        memset(blocks[i], i, 1 << 20);
    }
    for (i = 0; i < 40; i++) {
        ck_assert_int_eq(blocks[i][12345], i);
        xmlFree(blocks[i]);
    }
    kt_xmlmem_end();
}
END_TEST

/* libxml2 keeps one thing of a call beyond it: the thread's last error.  A
 * failed XPath expression leaves its texts there, in the arena, and the next
 * error frees them: during a later page, whose blocks may by then be at the
 * same addresses (a free list would give one block out twice; it did, and
 * the C library aborted on a render after a failed one).  kt_xmlmem_end
 * clears it; a late free of a block inside an earlier page's block is
 * ignored. */
START_TEST(an_error_of_one_page_leaves_nothing_for_the_next)
{
    char *old, *now, *next;
    xmlXPathContextPtr xp;
    xmlDocPtr doc;

    if (!kt_xmlmem_install(ut_pool)) {
        return;
    }
    kt_xmlmem_begin();
    old = xmlMalloc(200);
    next = xmlMalloc(16);
    kt_xmlmem_end();
    kt_xmlmem_begin();
    xmlFree(next);      /* an earlier page's block, not begun again: ignored */
    now = xmlMalloc(200);
    ck_assert_ptr_eq(now, old);
    now = xmlMalloc(48);    /* this page's block where next was */
    ck_assert_ptr_ne(xmlMalloc(16), next);
    ck_assert_ptr_ne(xmlMalloc(16), next);
    kt_xmlmem_end();

    /* an XPath error during a page leaves no text of the arena behind */
    doc = xmlReadMemory("<page/>", 7, NULL, NULL, 0);
    for (int i = 0; i < 3; i++) {
        kt_xmlmem_begin();
        xp = xmlXPathNewContext(doc);
        ck_assert_ptr_null(xmlXPathEval(BAD_CAST "$undeclared", xp));
        ck_assert_ptr_nonnull(xmlGetLastError());
        xmlXPathFreeContext(xp);
        kt_xmlmem_end();
        ck_assert_ptr_null(xmlGetLastError());
    }
    xmlFreeDoc(doc);
}
END_TEST

static char *slurp_render(const kt_render *rd, const char *page, kt_lang lang)
{
    char path[1024];
    xmlDocPtr parsed, doc;
    kt_rendered out;
    const char *err;

    snprintf(path, sizeof(path), "%s/../tests/fixtures/pages/%s", getenv("KT_XSLT_DIR"), page);
    parsed = xmlReadFile(path, NULL, XML_PARSE_NONET);
    ck_assert_msg(parsed != NULL, "cannot read %s", path);
    doc = xmlCopyDoc(parsed, 1);    /* no dictionary, as the module's documents */
    xmlFreeDoc(parsed);
    err = kt_render_page(rd, ut_pool, strstr(page, "front") ? "front" : "search", doc, lang, &out);
    ck_assert_msg(err == NULL, "%s", err);
    ck_assert_int_eq(out.missing_msgs, 0);
    xmlFreeDoc(doc);
    return out.html;
}

/* Pages rendered one after another on the same thread's arena come out the
 * same every time: nothing of one page is left for the next to read. */
START_TEST(renders_on_the_arena_repeat_byte_for_byte)
{
    kt_render *rd = NULL;
    const char *err;
    char *search, *front;
    int i;

    ck_assert_ptr_nonnull(getenv("KT_XSLT_DIR"));
    err = kt_render_init(ut_pool, getenv("KT_XSLT_DIR"), kt_render_stylesheets, &rd);
    ck_assert_msg(err == NULL, "%s", err);
    search = slurp_render(rd, "bench-search-word.fi.xml", KT_LANG_FI);
    front = slurp_render(rd, "bench-front.fi.xml", KT_LANG_FI);
    ck_assert(strstr(search, "<option value=\"091\">") != NULL);
    for (i = 0; i < 3; i++) {
        ck_assert_str_eq(slurp_render(rd, "bench-search-word.fi.xml", KT_LANG_FI), search);
        ck_assert_str_eq(slurp_render(rd, "bench-front.fi.xml", KT_LANG_FI), front);
    }
}
END_TEST

Suite *xmlmem_suite(void)
{
    Suite *s = suite_create("xmlmem");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, blocks_are_reused_within_a_page_and_all_given_back_at_its_end);
    tcase_add_test(tc, realloc_keeps_the_content_and_a_full_arena_falls_back_to_malloc);
    tcase_add_test(tc, an_error_of_one_page_leaves_nothing_for_the_next);
    tcase_add_test(tc, renders_on_the_arena_repeat_byte_for_byte);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}
