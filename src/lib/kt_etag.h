/* Entity tags for the feed's conditional GETs.  Pure: unit-tested without httpd. */
#ifndef KT_ETAG_H
#define KT_ETAG_H

#include <apr_pools.h>

/* A strong entity tag, quotes included: the first 128 bits of SHA-256 over
 * the n parts (each followed by a NUL, so that ("ab", "c") and ("a", "bc")
 * differ), in hex.  NULL parts count as empty. */
char *kt_etag_make(apr_pool_t *p, const char *const *parts, int n);

/* 1 when an If-None-Match header value names etag: "*", or an entry equal to
 * it under the weak comparison (a W/ prefix is ignored).  mod_deflate, when
 * it compresses, sends our tag with "-gzip" added inside the quotes (and
 * mod_brotli "-br"); a client then sends that back, so an entry with one of
 * those suffixes matches too.  A malformed header matches nothing. */
int kt_etag_match(const char *if_none_match, const char *etag);

#endif
