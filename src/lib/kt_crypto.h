/* Random tokens, hashes and constant-time comparison for sessions, CSRF and
 * the single-use links we email.  Pure: no httpd headers, so the unit tests,
 * the fuzzers and tools/kt-admin link it directly.
 *
 * A token is 256 random bits written as 43 base64url characters (no
 * padding): safe in cookies, URLs and form fields without escaping.  Only
 * its SHA-256 is ever stored, so a copy of the database lets nobody in. */
#ifndef KT_CRYPTO_H
#define KT_CRYPTO_H

#include <apr_pools.h>

#define KT_TOKEN_BYTES 32
#define KT_TOKEN_CHARS 43
#define KT_SHA256_BYTES 32

/* A fresh token (KT_TOKEN_CHARS characters) in *out, from
 * apr_generate_random_bytes.  APR_SUCCESS, or the error of the generator
 * (callers must then refuse the operation, never fall back). */
apr_status_t kt_token_new(apr_pool_t *p, char **out);

/* 1 when s is exactly KT_TOKEN_CHARS base64url characters: anything else
 * cannot be one of our tokens and is rejected before touching the database. */
int kt_token_well_formed(const char *s);

/* base64url without padding of n bytes. */
char *kt_b64url(apr_pool_t *p, const unsigned char *data, apr_size_t n);

/* Lower-case hex of n bytes. */
char *kt_hex(apr_pool_t *p, const unsigned char *data, apr_size_t n);

void kt_sha256(const void *data, apr_size_t n, unsigned char out[KT_SHA256_BYTES]);

/* SHA-256 of a string as hex: what the database stores for a token
 * (the SQL decodes it with decode(%s, 'hex')). */
char *kt_sha256_hex(apr_pool_t *p, const char *s);

void kt_hmac_sha256(const void *key, apr_size_t keylen, const void *msg, apr_size_t msglen,
                    unsigned char out[KT_SHA256_BYTES]);

/* Equality of two strings in time that depends only on their lengths (and
 * not on where they first differ).  NULL never equals anything. */
int kt_str_equals(const char *a, const char *b);

/* The CSRF token of a signed-in session: HMAC of a fixed label under the
 * session's own secret (hex text as the database returns it). */
char *kt_csrf_for_session(apr_pool_t *p, const char *secret_hex);

/* The CSRF token of an anonymous visitor: an HMAC of the pre-session
 * cookie's token under the installation's secret (csrf_secret, in the
 * database).  The page never shows the cookie, and without the secret
 * nobody can make a token for a cookie they planted. */
char *kt_csrf_for_presession(apr_pool_t *p, const unsigned char *secret, apr_size_t secret_len,
                             const char *cookie_token);

#endif
