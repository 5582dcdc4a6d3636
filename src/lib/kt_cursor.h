/* The feed's paging cursor: an opaque, tamper-evident token for "the page after
 * the item with key (updated, id), of this query".  Pure (APR, kt_crypto and
 * OpenSSL's constant-time compare): unit-tested and fuzzed without httpd.
 *
 * Layout before base64url (no padding), 49 bytes, 66 characters:
 *   version (2) (1) | updated, µs since the epoch (8) | id (8) | horizon, µs (8)
 *   | query identity (8) | MAC (16)
 * The horizon is the time after which the sync announces deletions: the
 * updated_since it began with, or for a sync that began without one, the
 * newest change its first page saw (less a margin).  It travels with the sync
 * so that a listing that leaves the set while a partner pages through it
 * comes as a <deleted> further on (kt_feed_sql.h).
 * The MAC is HMAC-SHA-256 over everything before it, with a secret each
 * installation keeps in its database (feed_secret, sql/004_feed.sql), cut to
 * 128 bits.  A changed byte, another installation's cursor or one carried over
 * to other filters is refused; nothing in a cursor is trusted before its MAC
 * has been checked in constant time. */
#ifndef KT_CURSOR_H
#define KT_CURSOR_H

#include <apr_pools.h>

#define KT_CURSOR_IDENT_LEN 8
#define KT_CURSOR_TEXT_LEN 66
#define KT_CURSOR_KEY_MIN 16      /* bytes of secret we insist on */

typedef struct {
    apr_int64_t ts_us;                          /* the last item's `updated` / `at` */
    apr_int64_t id;                             /* the last item's id, ≥ 1 */
    apr_int64_t horizon_us;                     /* deletions after this time, µs */
    unsigned char ident[KT_CURSOR_IDENT_LEN];   /* kt_cursor_ident of its query */
} kt_cursor;

typedef enum {
    KT_CURSOR_OK = 0,
    KT_CURSOR_MALFORMED,     /* not a cursor at all: length, alphabet, version, values */
    KT_CURSOR_FORGED,        /* the MAC does not match: altered, or not ours */
    KT_CURSOR_OTHER_QUERY    /* genuine, but issued for other parameters */
} kt_cursor_status;

/* The identity of a query: the first bytes of SHA-256 over its canonical text
 * (parameters that select rows, in a fixed order; not limit or cursor). */
void kt_cursor_ident(const char *canonical, unsigned char out[KT_CURSOR_IDENT_LEN]);

/* The token for c; NULL when the key is shorter than KT_CURSOR_KEY_MIN. */
char *kt_cursor_encode(apr_pool_t *p, const unsigned char *key, apr_size_t keylen,
                       const kt_cursor *c);

/* Checks and reads a token.  ident is the identity of the query it arrived
 * with.  *out is filled only on KT_CURSOR_OK. */
kt_cursor_status kt_cursor_decode(const char *text, const unsigned char *key, apr_size_t keylen,
                                  const unsigned char ident[KT_CURSOR_IDENT_LEN], kt_cursor *out);

/* Short machine name of a status: "malformed", "forged", "other-query". */
const char *kt_cursor_status_name(kt_cursor_status status);

/* Lower-case or upper-case hex (as PostgreSQL's encode(…, 'hex') gives it)
 * into bytes; 0 on odd length or a non-hex character. */
int kt_cursor_key_from_hex(apr_pool_t *p, const char *hex, unsigned char **key,
                           apr_size_t *keylen);

#endif
