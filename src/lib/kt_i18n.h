/* UI message catalogs (xslt/i18n/{fi,sv,en}.xml) and the choice of content
 * language when a text does not exist in the page's language. */
#ifndef KT_I18N_H
#define KT_I18N_H

#include <apr_pools.h>
#include <apr_hash.h>
#include "kt_text.h"

typedef struct kt_catalog {
    apr_hash_t *msgs[KT_LANG_COUNT];
} kt_catalog;

/* Reads DIR/i18n/fi.xml, sv.xml, en.xml into *out (allocated in p).
 * Returns NULL, or an error message naming the file. */
const char *kt_catalog_load(apr_pool_t *p, const char *xslt_dir, kt_catalog **out);

/* The message for key in lang, or NULL when the key is missing. */
const char *kt_msg(const kt_catalog *cat, kt_lang lang, const char *key);

/* Which of texts[fi, sv, en] to show on a page in `page`: the page's own
 * language when present (non-NULL, non-empty), else the fallback order
 * below; -1 when none exists. */
int kt_text_pick(kt_lang page, const char *const texts[KT_LANG_COUNT]);

#endif
