/* XSLT rendering: stylesheets compiled once before the children start and
 * shared read-only by every thread; one transform context per request. */
#ifndef KT_RENDER_H
#define KT_RENDER_H

#include <apr_pools.h>
#include <libxml/tree.h>
#include "kt_i18n.h"

#define KT_XSLT_NS "urn:kotoutuminen:xslt"

typedef struct kt_render kt_render;

/* The stylesheets the module compiles (NULL-terminated): here, not in the
 * module, so that build/kt-render measures the very same set. */
extern const char *const kt_render_stylesheets[];

/* Compiles DIR/<name>.xsl for each name in the NULL-terminated list and
 * loads the catalogs.  Must run in the parent (post_config): it also sets
 * libxslt's process-wide loader and extension function.  Returns NULL or an
 * error message; what it builds is freed with pool p. */
const char *kt_render_init(apr_pool_t *p, const char *dir, const char *const *names,
                           kt_render **out);

const kt_catalog *kt_render_catalog(const kt_render *rd);

typedef struct {
    char *html;          /* allocated in the pool passed to kt_render_page */
    apr_size_t len;
    int missing_msgs;    /* kt:msg keys not found in the catalog */
} kt_rendered;

/* Transforms doc with stylesheet `name` for a page in `lang`.  Returns NULL,
 * or an error message (unknown stylesheet, transform failure). */
const char *kt_render_page(const kt_render *rd, apr_pool_t *p, const char *name,
                           xmlDocPtr doc, kt_lang lang, kt_rendered *out);

#endif
