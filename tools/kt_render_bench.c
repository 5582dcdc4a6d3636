/* build/kt-render: renders page documents with the module's own renderer
 * (kt_render_init and kt_render_page of build/libkt.a, the stylesheets the
 * module compiles), to measure the CPU a page type costs and to keep the
 * output for a byte-for-byte comparison.
 *
 *   kt-render [-d XSLTDIR] [-n N] [-o OUTDIR] [SHEET:]PAGE.xml...
 *
 * PAGE.xml is a page document as the module builds it (tests/fixtures/pages/:
 * HACKING.md, "Page XML"); its stylesheet is /page/@type unless SHEET: names
 * another (news-list pages are rendered by news.xsl, say).  Each page is
 * transformed N times (default 1), each time in a fresh pool as a request
 * would; one line per page: its name, stylesheet, size of the HTML, the CPU
 * milliseconds per transform.  -o writes OUTDIR/PAGE.html.  Fails when a page does not
 * render, names a UI message missing from its catalog, or comes out other
 * than the first time when transformed again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <apr_general.h>
#include <apr_strings.h>
#include <libxml/parser.h>
#include "kt_render.h"
#include "kt_text.h"

static double cpu_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* "dir/search-broad.fi.xml" → "search-broad.fi" */
static const char *page_name(apr_pool_t *p, const char *path)
{
    const char *base = strrchr(path, '/');
    apr_size_t len;

    base = base ? base + 1 : path;
    len = strlen(base);
    if (len > 4 && strcmp(base + len - 4, ".xml") == 0) {
        len -= 4;
    }
    return apr_pstrmemdup(p, base, len);
}

static int write_html(apr_pool_t *p, const char *outdir, const char *name,
                      const kt_rendered *out)
{
    const char *path = apr_pstrcat(p, outdir, "/", name, ".html", NULL);
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(out->html, 1, out->len, f) != out->len || fclose(f) != 0) {
        fprintf(stderr, "kt-render: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

/* Renders one page n times; 0, or -1 after saying why. */
static int render_one(apr_pool_t *p, const kt_render *rd, const char *arg, int n,
                      const char *outdir)
{
    const char *colon = strchr(arg, ':');
    const char *path = colon ? colon + 1 : arg;
    const char *name = page_name(p, path);
    xmlDocPtr parsed = xmlReadFile(path, NULL, XML_PARSE_NONET);
    /* a copy without a dictionary, as the module builds its documents */
    xmlDocPtr doc = parsed ? xmlCopyDoc(parsed, 1) : NULL;
    xmlChar *type, *code;
    const char *sheet;
    int lang, i, rc = -1;
    double start, spent;
    kt_rendered out = { NULL, 0, 0 };
    const char *first = NULL;
    apr_size_t first_len = 0;
    apr_pool_t *req;

    xmlFreeDoc(parsed);
    if (!doc || !xmlDocGetRootElement(doc)) {
        fprintf(stderr, "kt-render: %s is not an XML document\n", path);
        xmlFreeDoc(doc);
        return -1;
    }
    type = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "type");
    code = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "lang");
    sheet = colon ? apr_pstrmemdup(p, arg, (apr_size_t)(colon - arg))
                  : apr_pstrdup(p, type ? (const char *)type : "");
    lang = kt_lang_from_code(code ? (const char *)code : "");
    xmlFree(type);
    xmlFree(code);
    if (lang < 0) {
        fprintf(stderr, "kt-render: %s: /page/@lang is not fi, sv or en\n", path);
        xmlFreeDoc(doc);
        return -1;
    }
    apr_pool_create(&req, p);
    start = cpu_ms();
    for (i = 0; i < n; i++) {
        const char *err;
        apr_pool_clear(req);
        err = kt_render_page(rd, req, sheet, doc, (kt_lang)lang, &out);
        if (err) {
            fprintf(stderr, "kt-render: %s: %s\n", path, err);
            goto done;
        }
        if (i == 0) {
            first = apr_pmemdup(p, out.html, out.len);
            first_len = out.len;
        }
        /* every transform of a page writes the same bytes (nothing a
         * transform leaves behind may change the next) */
        else if (out.len != first_len || memcmp(out.html, first, out.len) != 0) {
            fprintf(stderr, "kt-render: %s: transform %d wrote other bytes than the first\n",
                    path, i + 1);
            goto done;
        }
    }
    spent = cpu_ms() - start;
    if (out.missing_msgs) {
        fprintf(stderr, "kt-render: %s: %d UI message(s) missing from the catalog\n", path,
                out.missing_msgs);
        goto done;
    }
    printf("%-32s %-14s %7.1f KB %8.3f ms\n", name, sheet, (double)out.len / 1024.0, spent / n);
    if (outdir && write_html(p, outdir, name, &out) != 0) {
        goto done;
    }
    rc = 0;
done:
    apr_pool_destroy(req);
    xmlFreeDoc(doc);
    return rc;
}

int main(int argc, const char *const *argv)
{
    apr_pool_t *p;
    kt_render *rd = NULL;
    const char *dir = getenv("KT_XSLT_DIR") ? getenv("KT_XSLT_DIR") : "xslt";
    const char *outdir = NULL, *err;
    int n = 1, opt, failed = 0;

    apr_app_initialize(&argc, &argv, NULL);
    atexit(apr_terminate);
    apr_pool_create(&p, NULL);
    while ((opt = getopt(argc, (char *const *)argv, "d:n:o:")) != -1) {
        switch (opt) {
        case 'd': dir = optarg; break;
        case 'n': n = atoi(optarg); break;
        case 'o': outdir = optarg; break;
        default: n = 0; break;
        }
    }
    if (n < 1 || optind >= argc) {
        fprintf(stderr, "usage: kt-render [-d XSLTDIR] [-n N] [-o OUTDIR] [SHEET:]PAGE.xml...\n");
        return 2;
    }
    err = kt_render_init(p, dir, kt_render_stylesheets, &rd);
    if (err) {
        fprintf(stderr, "kt-render: %s\n", err);
        return 1;
    }
    for (; optind < argc; optind++) {
        failed |= render_one(p, rd, argv[optind], n, outdir) != 0;
    }
    return failed ? 1 : 0;
}
