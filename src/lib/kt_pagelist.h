/* The site's public pages, shared by the sitemap and the help pages (pure, so
 * that unit tests see it): the help topics, the public pages without an id,
 * and the names of the sitemap's parts (src/kt_sitemap.c has the kinds of
 * pages with an id). */
#ifndef KT_PAGELIST_H
#define KT_PAGELIST_H

#include <apr_pools.h>

/* /{lang}/help/{topic}, in the order the help index lists them; NULL-ended. */
extern const char *const kt_help_topics[];

/* Index of a topic in kt_help_topics, -1 when there is none of that name. */
int kt_help_topic(const char *name);

/* Public pages without an id, as the path after /{lang} ("/" is the front
 * page); the help topics come after these in the sitemap.  NULL-ended. */
extern const char *const kt_sitemap_pages[];

/* The protocol's limit of URLs in one sitemap file (sitemaps.org). */
#define KT_SITEMAP_MAX_URLS 50000

/* Ids per part: a part lists the ids id / KT_SITEMAP_CHUNK == n of one kind,
 * in every language, so at most 3 × 10 000 URLs (each with its alternates,
 * some 13 MB): within the protocol's 50 000 URLs and 50 MB. */
#define KT_SITEMAP_CHUNK 10000

/* The name of a part, "/sitemap/KIND-N.xml" after the prefix: "activities-0.xml".
 * On success *kind is the index of KIND in the NULL-ended kinds and *chunk is
 * N (0 to 10^12, decimal, no sign or leading zeros); "pages.xml" gives *kind
 * -1.  Returns 0 for anything else. */
int kt_sitemap_part_parse(const char *name, const char *const *kinds, int *kind,
                          apr_int64_t *chunk);

#endif
