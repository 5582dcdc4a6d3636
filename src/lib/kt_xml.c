/* Page document building; see kt_xml.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_xml.h"
#include "kt_i18n.h"

static apr_status_t free_doc(void *doc)
{
    xmlFreeDoc(doc);
    return APR_SUCCESS;
}

xmlNodePtr kt_xml_add(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *text)
{
    /* xmlNewTextChild escapes &, < and > in text (xmlNewChild would not). */
    return xmlNewTextChild(parent, NULL, BAD_CAST name,
                           text ? BAD_CAST kt_xml_safe_text(p, text) : NULL);
}

void kt_xml_attr(apr_pool_t *p, xmlNodePtr node, const char *name, const char *value)
{
    if (value) {
        xmlSetProp(node, BAD_CAST name, BAD_CAST kt_xml_safe_text(p, value));
    }
}

xmlDocPtr kt_xml_page(apr_pool_t *p, kt_lang lang, const char *type, int status,
                      const char *path_rest, const char *query, const char *base)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "page", NULL);
    xmlNodePtr alts;
    const char *q = (query && *query) ? apr_pstrcat(p, "?", query, NULL) : "";
    int i;

    apr_pool_cleanup_register(p, doc, free_doc, apr_pool_cleanup_null);
    xmlDocSetRootElement(doc, root);
    kt_xml_attr(p, root, "lang", kt_lang_codes[lang]);
    kt_xml_attr(p, root, "type", type);
    kt_xml_attr(p, root, "status", apr_itoa(p, status));
    kt_xml_attr(p, root, "path", apr_pstrcat(p, "/", kt_lang_codes[lang], path_rest, NULL));
    kt_xml_attr(p, root, "base", base ? base : "");

    alts = kt_xml_add(p, root, "alternates", NULL);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        xmlNodePtr a = kt_xml_add(p, alts, "alternate", NULL);
        kt_xml_attr(p, a, "lang", kt_lang_codes[i]);
        kt_xml_attr(p, a, "href", apr_pstrcat(p, "/", kt_lang_codes[i], path_rest, q, NULL));
        if (i == (int)lang) {
            kt_xml_attr(p, a, "current", "true");
        }
    }
    return doc;
}

xmlNodePtr kt_xml_texts(apr_pool_t *p, xmlNodePtr parent, const char *name,
                        kt_lang page, const char *const texts[KT_LANG_COUNT])
{
    int pick = kt_text_pick(page, texts);
    xmlNodePtr n;

    if (pick < 0) {
        return NULL;
    }
    n = kt_xml_add(p, parent, name, texts[pick]);
    kt_xml_attr(p, n, "lang", kt_lang_codes[pick]);
    return n;
}

char *kt_xml_dump(apr_pool_t *p, xmlDocPtr doc)
{
    xmlChar *buf = NULL;
    int len = 0;
    char *out;

    xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
    out = apr_pstrmemdup(p, (const char *)buf, (apr_size_t)len);
    xmlFree(buf);
    return out;
}

char *kt_xml_escape(apr_pool_t *p, const char *s)
{
    const char *safe = kt_xml_safe_text(p, s ? s : ""), *c;
    char *out = apr_palloc(p, strlen(safe) * 6 + 1), *o = out;

    for (c = safe; *c; c++) {
        const char *ref = *c == '&' ? "&amp;" : *c == '<' ? "&lt;" : *c == '>' ? "&gt;"
                        : *c == '"' ? "&quot;" : *c == '\t' ? "&#9;" : *c == '\n' ? "&#10;"
                        : *c == '\r' ? "&#13;" : NULL;
        if (ref) {
            memcpy(o, ref, strlen(ref));
            o += strlen(ref);
        }
        else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return out;
}
