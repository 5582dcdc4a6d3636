/* libFuzzer target for the markup of moderators' texts (src/lib/kt_markup.c):
 * make fuzz  (FUZZ_SECONDS=60 by default).
 *
 * Beyond "no crash, no sanitizer report": whatever is typed, the XML it makes
 * serialises and parses back, holds only <p>, <br> and <a>, every link's
 * address is an http(s) one (any case, as layout.xsl's is-web-url reads it)
 * that kt_valid_web_url takes, and the excerpt
 * keeps to its length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>
#include <libxml/parser.h>
#include "kt_markup.h"
#include "kt_validate.h"

static apr_pool_t *root;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    apr_initialize();
    xmlInitParser();
    apr_pool_create(&root, NULL);
    return 0;
}

static void check(xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (depth == 0 && strcmp((const char *)n->name, "p") != 0) {
            abort();
        }
        if (depth == 1 && strcmp((const char *)n->name, "br") != 0
            && strcmp((const char *)n->name, "a") != 0) {
            abort();
        }
        if (depth == 1 && strcmp((const char *)n->name, "a") == 0) {
            xmlChar *href = xmlGetProp(n, BAD_CAST "href");
            if (!href || kt_valid_web_url((const char *)href) != KT_V_OK
                || (strncasecmp((const char *)href, "http://", 7) != 0
                    && strncasecmp((const char *)href, "https://", 8) != 0)) {
                abort();
            }
            xmlFree(href);
        }
        if (depth > 1 || (depth == 1 && strcmp((const char *)n->name, "a") != 0 && n->children)) {
            abort();
        }
        check(n->children, depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    xmlDocPtr doc, back;
    xmlNodePtr body;
    xmlChar *xml = NULL;
    int len = 0;
    char *text, *excerpt;

    apr_pool_create(&p, root);
    text = apr_pstrmemdup(p, (const char *)data, size);
    doc = xmlNewDoc(BAD_CAST "1.0");
    body = xmlNewDocNode(doc, NULL, BAD_CAST "body", NULL);
    xmlDocSetRootElement(doc, body);
    kt_markup_xml(p, body, text);
    check(body->children, 0);
    xmlDocDumpMemoryEnc(doc, &xml, &len, "UTF-8");
    back = xmlReadMemory((const char *)xml, len, "markup.xml", "UTF-8", XML_PARSE_NONET);
    if (!back) {
        abort();
    }
    xmlFreeDoc(back);
    xmlFree(xml);
    xmlFreeDoc(doc);
    excerpt = kt_markup_excerpt(p, text, 300);
    if (strlen(excerpt) > 300 + strlen("…")) {
        abort();
    }
    apr_pool_destroy(p);
    return 0;
}
