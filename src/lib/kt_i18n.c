/* Message catalogs and content-language fallback; see kt_i18n.h. */
#include <string.h>
#include <apr_strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "kt_i18n.h"

static const char *load_one(apr_pool_t *p, const char *path, const char *lang,
                            apr_hash_t *into)
{
    xmlDocPtr doc;
    xmlNodePtr root, n;
    xmlChar *root_lang;
    const char *err = NULL;

    /* NONET and no entity expansion: catalogs are data, not programs. */
    doc = xmlReadFile(path, "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        return apr_psprintf(p, "cannot parse message catalog %s", path);
    }
    root = xmlDocGetRootElement(doc);
    if (!root || strcmp((const char *)root->name, "messages") != 0) {
        xmlFreeDoc(doc);
        return apr_psprintf(p, "%s: root element must be <messages>", path);
    }
    root_lang = xmlGetProp(root, BAD_CAST "lang");
    if (!root_lang || strcmp((const char *)root_lang, lang) != 0) {
        err = apr_psprintf(p, "%s: <messages lang> must be \"%s\"", path, lang);
    }
    xmlFree(root_lang);
    for (n = root->children; n && !err; n = n->next) {
        xmlChar *key, *text;
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "msg") != 0) {
            continue;
        }
        key = xmlGetProp(n, BAD_CAST "key");
        text = xmlNodeGetContent(n);
        if (!key || !*key) {
            err = apr_psprintf(p, "%s: <msg> without key", path);
        }
        else if (apr_hash_get(into, key, APR_HASH_KEY_STRING)) {
            err = apr_psprintf(p, "%s: key %s defined twice", path, (const char *)key);
        }
        else {
            apr_hash_set(into, apr_pstrdup(p, (const char *)key), APR_HASH_KEY_STRING,
                         apr_pstrdup(p, text ? (const char *)text : ""));
        }
        xmlFree(key);
        xmlFree(text);
    }
    xmlFreeDoc(doc);
    return err;
}

const char *kt_catalog_load(apr_pool_t *p, const char *xslt_dir, kt_catalog **out)
{
    kt_catalog *cat = apr_pcalloc(p, sizeof(*cat));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *path = apr_psprintf(p, "%s/i18n/%s.xml", xslt_dir, kt_lang_codes[i]);
        const char *err;
        cat->msgs[i] = apr_hash_make(p);
        err = load_one(p, path, kt_lang_codes[i], cat->msgs[i]);
        if (err) {
            return err;
        }
    }
    *out = cat;
    return NULL;
}

const char *kt_msg(const kt_catalog *cat, kt_lang lang, const char *key)
{
    if (!cat || (int)lang < 0 || lang >= KT_LANG_COUNT || !key) {
        return NULL;
    }
    return apr_hash_get(cat->msgs[lang], key, APR_HASH_KEY_STRING);
}

int kt_text_pick(kt_lang page, const char *const texts[KT_LANG_COUNT])
{
    /* English before the other national language: our readers are mostly
     * people still learning Finnish or Swedish, and English is the language
     * most of them share.  An English page falls back to Finnish first, the
     * language of most listings. */
    static const kt_lang order[KT_LANG_COUNT][KT_LANG_COUNT] = {
        { KT_LANG_FI, KT_LANG_EN, KT_LANG_SV },
        { KT_LANG_SV, KT_LANG_EN, KT_LANG_FI },
        { KT_LANG_EN, KT_LANG_FI, KT_LANG_SV },
    };
    int i;

    if ((int)page < 0 || page >= KT_LANG_COUNT) {
        page = KT_LANG_FI;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = texts[order[page][i]];
        if (t && *t) {
            return order[page][i];
        }
    }
    return -1;
}
