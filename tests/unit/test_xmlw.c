/* kt_xmlw writes the bytes libxml2's xmlTextWriter wrote (indented by one
 * space, UTF-8) for the same calls, texts made safe first as kt_xmlout did
 * (kt_xml_safe_text): the feeds' bytes are a contract.  Random documents with
 * random texts (every byte value, broken UTF-8, markup characters, white
 * space), nested, empty, text-only, mixed, written through a small buffer so
 * that flushes fall everywhere, are compared byte for byte. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <libxml/xmlwriter.h>
#include "unit.h"
#include "kt_text.h"
#include "kt_xmlw.h"

typedef struct {
    char *data;
    apr_size_t len, cap;
    int calls;
} sink_buf;

static void grow(sink_buf *b, const char *s, apr_size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static int xmlw_sink(void *ctx, const char *buf, apr_size_t len)
{
    sink_buf *b = ctx;
    b->calls++;
    grow(b, buf, len);
    return 0;
}

static int lx_write(void *ctx, const char *buf, int len)
{
    grow(ctx, buf, (apr_size_t)len);
    return len;
}

static int lx_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* A small deterministic generator, so a failure repeats. */
static unsigned long seed;
static unsigned rnd(unsigned n)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)((seed >> 33) % n);
}

static const char *random_text(apr_pool_t *p)
{
    static const char *pieces[] = {
        "a", "Hämeenlinna", "€", "\xF0\x9D\x84\x9E", "&", "<", ">", "\"", "'", "]]>", "\t",
        "\n", "\r", "\r\n", " ", "\x01", "\x7F", "\xC2\x85", "\xEF\xB7\x90", "\xEF\xBF\xBE",
        "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "&amp;", "x y z", "\xC2\xA0", "0123456789"
    };
    unsigned n = rnd(8), i;
    char *s = "";

    for (i = 0; i < n; i++) {
        if (rnd(6) == 0) {
            char one[2] = { (char)(1 + rnd(255)), 0 };
            s = apr_pstrcat(p, s, one, NULL);
        }
        else {
            s = apr_pstrcat(p, s, pieces[rnd(sizeof(pieces) / sizeof(pieces[0]))], NULL);
        }
    }
    return s;
}

/* One random document written by both; 1 when the bytes agree. */
static int compare_one(apr_pool_t *p, apr_size_t bufsize, char **ours, char **theirs)
{
    static const char *names[] = { "activity", "title", "name", "x", "forms", "deleted" };
    sink_buf a = { NULL, 0, 0, 0 }, b = { NULL, 0, 0, 0 };
    kt_xmlw *w = kt_xmlw_create(p, bufsize, xmlw_sink, &a);
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(lx_write, lx_close, &b, NULL);
    xmlTextWriterPtr lx = xmlNewTextWriter(out);
    int depth = 1, steps = (int)rnd(60), i, ok;

    grow(&a, "", 0);
    grow(&b, "", 0);
    xmlTextWriterSetIndent(lx, 1);
    xmlTextWriterSetIndentString(lx, BAD_CAST " ");
    xmlTextWriterStartDocument(lx, "1.0", "UTF-8", NULL);
    xmlTextWriterStartElementNS(lx, NULL, BAD_CAST "root", BAD_CAST "urn:kotoutuminen:feed:1");
    kt_xmlw_start(w, "root", "urn:kotoutuminen:feed:1");
    for (i = 0; i < steps; i++) {
        unsigned what = rnd(10);
        const char *name = names[rnd(sizeof(names) / sizeof(names[0]))];
        if (what < 3 && depth < 8) {
            unsigned attrs = rnd(3), k;
            xmlTextWriterStartElement(lx, BAD_CAST name);
            kt_xmlw_open(w, name);
            depth++;
            for (k = 0; k < attrs; k++) {
                const char *v = random_text(p);
                const char *an = k == 0 ? "code" : k == 1 ? "xml:lang" : "href";
                xmlTextWriterWriteAttribute(lx, BAD_CAST an,
                                            BAD_CAST kt_xml_safe_text(p, v));
                kt_xmlw_attr(w, an, v);
            }
        }
        else if (what < 6) {
            const char *t = random_text(p);
            xmlTextWriterWriteString(lx, BAD_CAST kt_xml_safe_text(p, t));
            kt_xmlw_text(w, t);
        }
        else if (depth > 1) {
            xmlTextWriterEndElement(lx);
            kt_xmlw_close(w);
            depth--;
        }
    }
    xmlTextWriterEndDocument(lx);
    xmlTextWriterFlush(lx);
    xmlFreeTextWriter(lx);
    kt_xmlw_end(w);
    kt_xmlw_flush(w);
    ok = !kt_xmlw_failed(w) && a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
    *ours = apr_pstrdup(p, a.data);
    *theirs = apr_pstrdup(p, b.data);
    free(a.data);
    free(b.data);
    return ok;
}

START_TEST(writes_what_xmltextwriter_wrote)
{
    int i;

    seed = 20261206;
    for (i = 0; i < 3000; i++) {
        char *ours, *theirs;
        /* buffers from the smallest up, so flushes fall inside escapes too */
        apr_size_t bufsize = i % 3 == 0 ? 256 : i % 3 == 1 ? 300 : 16384;
        ck_assert_msg(compare_one(ut_pool, bufsize, &ours, &theirs),
                      "document %d differs:\n--- kt_xmlw\n%s\n--- xmlTextWriter\n%s", i, ours,
                      theirs);
    }
}
END_TEST

START_TEST(the_sink_gets_it_in_pieces_and_a_failure_stops_it)
{
    sink_buf a = { NULL, 0, 0, 0 };
    kt_xmlw *w = kt_xmlw_create(ut_pool, 256, xmlw_sink, &a);
    int i;

    kt_xmlw_start(w, "root", NULL);
    for (i = 0; i < 100; i++) {
        kt_xmlw_open(w, "item");
        kt_xmlw_attr(w, "id", "1");
        kt_xmlw_text(w, "Språkcafé & <kielikahvila>");
        kt_xmlw_close(w);
    }
    ck_assert_int_gt(a.calls, 10);            /* handed over as the buffer fills */
    kt_xmlw_end(w);
    kt_xmlw_flush(w);
    ck_assert(!kt_xmlw_failed(w));
    ck_assert_ptr_nonnull(strstr(a.data, " <item id=\"1\">Språkcafé &amp; &lt;kielikahvila&gt;"
                                          "</item>\n"));
    ck_assert_ptr_nonnull(strstr(a.data, "</root>\n"));
    free(a.data);
    /* an attribute where xmlTextWriter refuses one fails the writer */
    w = kt_xmlw_create(ut_pool, 256, xmlw_sink, &a);
    a.data = NULL;
    a.len = a.cap = 0;
    kt_xmlw_start(w, "root", NULL);
    kt_xmlw_text(w, "x");
    kt_xmlw_attr(w, "late", "1");
    ck_assert(kt_xmlw_failed(w));
    free(a.data);
}
END_TEST

Suite *xmlw_suite(void)
{
    Suite *s = suite_create("xmlw");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, writes_what_xmltextwriter_wrote);
    tcase_add_test(tc, the_sink_gets_it_in_pieces_and_a_failure_stops_it);
    suite_add_tcase(s, tc);
    return s;
}
