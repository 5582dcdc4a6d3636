/* The page cache's entries and keys (issue 15 item 1; the httpd side is
 * src/kt_pcache.c).  Pure: unit-tested without httpd.
 *
 * An entry is one flat buffer, as socache stores it: the generation of the
 * public data it was rendered under, the instant it expires, the headers the
 * handler set, the ETag and the body.  Decoding points into the buffer. */
#ifndef KT_PAGECACHE_H
#define KT_PAGECACHE_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>

typedef struct {
    apr_int64_t generation;
    apr_time_t expires;
    apr_table_t *headers;   /* name → value, in order; never Set-Cookie */
    const char *etag;
    const char *body;
    apr_size_t body_len;
} kt_pc_entry;

/* The buffer of e (headers as they are, Set-Cookie left out), in p. */
char *kt_pc_encode(apr_pool_t *p, const kt_pc_entry *e, apr_size_t *len);

/* Reads buf (len bytes, from kt_pc_encode) into *e: 1, or 0 when it is not a
 * whole entry.  The strings point into buf; the header table is made in p. */
int kt_pc_decode(apr_pool_t *p, const char *buf, apr_size_t len, kt_pc_entry *e);

/* The key of a page: everything of the request a public page is made from.
 * host: scheme and host the page's absolute links are made of, NULL when
 * the configured base URL makes them (KotoutuminenBaseURL); path; args: the
 * query without tracking parameters (kt_query_strip_tracking), NULL for
 * none; back: the canonical "Back to results" link the page shows
 * (kt_search_back_href), NULL for none.  Distinct inputs give distinct keys:
 * each part is separated by a byte that none of them can contain. */
const char *kt_pc_key(apr_pool_t *p, const char *host, const char *path, const char *args,
                      const char *back);

/* The entry's expiry: the earlier of the instant public data next changes
 * by time alone (as known when rendering began; 0 when unknown) and now +
 * max_age. */
apr_time_t kt_pc_expires(apr_time_t now, apr_time_t next_change, apr_time_t max_age);

#endif
