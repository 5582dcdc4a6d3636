/* Tokens, hashes, constant-time comparison; see kt_crypto.h.
 *
 * SHA-256 and HMAC come from OpenSSL's libcrypto (httpd's mod_ssl already
 * depends on it) rather than a hand-written copy; randomness and the
 * comparison from APR, as ARCHITECTURE.md asks. */
#include <string.h>
#include <apr_general.h>
#include <apr_strings.h>
#include <apr_crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include "kt_crypto.h"

static const char b64url_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

char *kt_b64url(apr_pool_t *p, const unsigned char *d, apr_size_t n)
{
    char *out = apr_palloc(p, (n + 2) / 3 * 4 + 1), *o = out;
    apr_size_t i;

    for (i = 0; i + 2 < n; i += 3) {
        unsigned long v = ((unsigned long)d[i] << 16) | ((unsigned long)d[i + 1] << 8) | d[i + 2];
        *o++ = b64url_alphabet[(v >> 18) & 63];
        *o++ = b64url_alphabet[(v >> 12) & 63];
        *o++ = b64url_alphabet[(v >> 6) & 63];
        *o++ = b64url_alphabet[v & 63];
    }
    if (n - i == 1) {
        unsigned long v = (unsigned long)d[i] << 16;
        *o++ = b64url_alphabet[(v >> 18) & 63];
        *o++ = b64url_alphabet[(v >> 12) & 63];
    }
    else if (n - i == 2) {
        unsigned long v = ((unsigned long)d[i] << 16) | ((unsigned long)d[i + 1] << 8);
        *o++ = b64url_alphabet[(v >> 18) & 63];
        *o++ = b64url_alphabet[(v >> 12) & 63];
        *o++ = b64url_alphabet[(v >> 6) & 63];
    }
    *o = '\0';
    return out;
}

char *kt_hex(apr_pool_t *p, const unsigned char *d, apr_size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char *out = apr_palloc(p, n * 2 + 1);
    apr_size_t i;

    for (i = 0; i < n; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[2 * n] = '\0';
    return out;
}

apr_status_t kt_token_new(apr_pool_t *p, char **out)
{
    unsigned char buf[KT_TOKEN_BYTES];
    apr_status_t rv = apr_generate_random_bytes(buf, sizeof(buf));

    if (rv != APR_SUCCESS) {
        return rv;
    }
    *out = kt_b64url(p, buf, sizeof(buf));
    memset(buf, 0, sizeof(buf));
    return APR_SUCCESS;
}

int kt_token_well_formed(const char *s)
{
    apr_size_t i;

    if (!s) {
        return 0;
    }
    for (i = 0; i < KT_TOKEN_CHARS; i++) {
        if (!s[i] || !strchr(b64url_alphabet, s[i])) {
            return 0;
        }
    }
    return s[KT_TOKEN_CHARS] == '\0';
}

void kt_sha256(const void *data, apr_size_t n, unsigned char out[KT_SHA256_BYTES])
{
    unsigned int len = KT_SHA256_BYTES;
    EVP_Digest(data, n, out, &len, EVP_sha256(), NULL);
}

char *kt_sha256_hex(apr_pool_t *p, const char *s)
{
    unsigned char md[KT_SHA256_BYTES];
    kt_sha256(s, strlen(s), md);
    return kt_hex(p, md, sizeof(md));
}

void kt_hmac_sha256(const void *key, apr_size_t keylen, const void *msg, apr_size_t msglen,
                    unsigned char out[KT_SHA256_BYTES])
{
    unsigned int len = KT_SHA256_BYTES;
    HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, out, &len);
}

int kt_str_equals(const char *a, const char *b)
{
    apr_size_t n;

    if (!a || !b) {
        return 0;
    }
    n = strlen(a);
    /* The lengths of our tokens are public; their contents are not. */
    return n == strlen(b) && apr_crypto_equals(a, b, n);
}

#define CSRF_LABEL "kt-csrf-v1"
#define PRESESSION_LABEL "kt-csrf-anon-v1:"

char *kt_csrf_for_session(apr_pool_t *p, const char *secret_hex)
{
    unsigned char mac[KT_SHA256_BYTES];
    kt_hmac_sha256(secret_hex, strlen(secret_hex), CSRF_LABEL, sizeof(CSRF_LABEL) - 1, mac);
    return kt_b64url(p, mac, sizeof(mac));
}

char *kt_csrf_for_presession(apr_pool_t *p, const unsigned char *secret, apr_size_t secret_len,
                             const char *cookie_token)
{
    unsigned char mac[KT_SHA256_BYTES];
    const char *msg = apr_pstrcat(p, PRESESSION_LABEL, cookie_token, NULL);
    kt_hmac_sha256(secret, secret_len, msg, strlen(msg), mac);
    return kt_b64url(p, mac, sizeof(mac));
}
