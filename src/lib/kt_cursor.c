/* Feed cursors; see kt_cursor.h. */
#include <string.h>
#include <apr_encode.h>
#include <apr_strings.h>
#include <openssl/crypto.h>
#include "kt_crypto.h"
#include "kt_cursor.h"
#include "kt_time.h"

/* 1 had no horizon; its cursors are refused as malformed (a partner starts
 * that sync again). */
#define VERSION 2
#define MAC_LEN 16
#define IDENT_AT (1 + 8 + 8 + 8)
#define BODY_LEN (IDENT_AT + KT_CURSOR_IDENT_LEN)
#define RAW_LEN (BODY_LEN + MAC_LEN)

void kt_cursor_ident(const char *canonical, unsigned char out[KT_CURSOR_IDENT_LEN])
{
    unsigned char md[KT_SHA256_BYTES];
    kt_sha256(canonical, strlen(canonical), md);
    memcpy(out, md, KT_CURSOR_IDENT_LEN);
}

static void put64(unsigned char *b, apr_int64_t v)
{
    apr_uint64_t u = (apr_uint64_t)v;
    int i;
    for (i = 7; i >= 0; i--) {
        b[i] = (unsigned char)(u & 0xFF);
        u >>= 8;
    }
}

static apr_int64_t get64(const unsigned char *b)
{
    apr_uint64_t u = 0;
    int i;
    for (i = 0; i < 8; i++) {
        u = (u << 8) | b[i];
    }
    return (apr_int64_t)u;
}

static void mac(const unsigned char *key, apr_size_t keylen, const unsigned char *body,
                unsigned char out[MAC_LEN])
{
    unsigned char md[KT_SHA256_BYTES];
    kt_hmac_sha256(key, keylen, body, BODY_LEN, md);
    memcpy(out, md, MAC_LEN);
}

/* Strict: exactly RAW_LEN bytes in base64url without padding (RFC 7515), and
 * only in the spelling the encoder writes.  APR's decoder also takes the
 * other alphabet, padding and stray low bits, so the bytes are encoded again
 * and must give the same text: every cursor has exactly one spelling. */
static int decode64(const char *text, unsigned char out[RAW_LEN])
{
    unsigned char raw[RAW_LEN + 3];
    char again[KT_CURSOR_TEXT_LEN + 4];
    apr_size_t n = 0, m = 0;

    if (strlen(text) != KT_CURSOR_TEXT_LEN
        || apr_decode_base64_binary(raw, text, KT_CURSOR_TEXT_LEN, APR_ENCODE_NONE,
                                    &n) != APR_SUCCESS
        || n != RAW_LEN
        || apr_encode_base64_binary(again, raw, RAW_LEN, APR_ENCODE_BASE64URL,
                                    &m) != APR_SUCCESS
        || m != KT_CURSOR_TEXT_LEN || memcmp(again, text, KT_CURSOR_TEXT_LEN) != 0) {
        return 0;
    }
    memcpy(out, raw, RAW_LEN);
    return 1;
}

char *kt_cursor_encode(apr_pool_t *p, const unsigned char *key, apr_size_t keylen,
                       const kt_cursor *c)
{
    unsigned char raw[RAW_LEN];

    if (!key || keylen < KT_CURSOR_KEY_MIN) {
        return NULL;
    }
    raw[0] = VERSION;
    put64(raw + 1, c->ts_us);
    put64(raw + 9, c->id);
    put64(raw + 17, c->horizon_us);
    memcpy(raw + IDENT_AT, c->ident, KT_CURSOR_IDENT_LEN);
    mac(key, keylen, raw, raw + BODY_LEN);
    return (char *)apr_pencode_base64_binary(p, raw, RAW_LEN, APR_ENCODE_BASE64URL, NULL);
}

kt_cursor_status kt_cursor_decode(const char *text, const unsigned char *key, apr_size_t keylen,
                                  const unsigned char ident[KT_CURSOR_IDENT_LEN], kt_cursor *out)
{
    unsigned char raw[RAW_LEN], expected[MAC_LEN];
    apr_int64_t ts, id, horizon;

    if (!text || !decode64(text, raw) || raw[0] != VERSION) {
        return KT_CURSOR_MALFORMED;
    }
    if (!key || keylen < KT_CURSOR_KEY_MIN) {
        return KT_CURSOR_FORGED;
    }
    mac(key, keylen, raw, expected);
    if (CRYPTO_memcmp(expected, raw + BODY_LEN, MAC_LEN) != 0) {
        return KT_CURSOR_FORGED;
    }
    if (memcmp(raw + IDENT_AT, ident, KT_CURSOR_IDENT_LEN) != 0) {
        return KT_CURSOR_OTHER_QUERY;
    }
    ts = get64(raw + 1);
    id = get64(raw + 9);
    horizon = get64(raw + 17);
    /* We only sign what we wrote; this guards against a leaked secret. */
    if (ts < KT_TIME_MIN_US || ts > KT_TIME_MAX_US || id < 1
        || horizon < KT_TIME_MIN_US || horizon > KT_TIME_MAX_US) {
        return KT_CURSOR_MALFORMED;
    }
    out->ts_us = ts;
    out->id = id;
    out->horizon_us = horizon;
    memcpy(out->ident, ident, KT_CURSOR_IDENT_LEN);
    return KT_CURSOR_OK;
}

const char *kt_cursor_status_name(kt_cursor_status status)
{
    switch (status) {
    case KT_CURSOR_OK:
        return "ok";
    case KT_CURSOR_FORGED:
        return "forged";
    case KT_CURSOR_OTHER_QUERY:
        return "other-query";
    default:
        return "malformed";
    }
}

int kt_cursor_key_from_hex(apr_pool_t *p, const char *hex, unsigned char **key,
                           apr_size_t *keylen)
{
    apr_size_t n = hex ? strlen(hex) : 0, len = 0;
    unsigned char *k;

    if (!hex || n % 2) {
        return 0;
    }
    k = apr_palloc(p, n / 2 + 1);
    if (apr_decode_base16_binary(k, hex, (apr_ssize_t)n, APR_ENCODE_NONE, &len) != APR_SUCCESS
        || len != n / 2) {
        return 0;
    }
    *key = k;
    *keylen = len;
    return 1;
}
