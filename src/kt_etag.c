/* Entity tags; see kt_etag.h. */
#include <string.h>
#include <apr_strings.h>
#include <openssl/evp.h>
#include "kt_etag.h"

#define TAG_BYTES 16

char *kt_etag_make(apr_pool_t *p, const char *const *parts, int n)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    char *out = apr_palloc(p, TAG_BYTES * 2 + 3), *o = out;
    int i, ok;

    ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    for (i = 0; ok && i < n; i++) {
        const char *part = parts[i] ? parts[i] : "";
        ok = EVP_DigestUpdate(ctx, part, strlen(part) + 1);
    }
    ok = ok && EVP_DigestFinal_ex(ctx, md, &mdlen) && mdlen >= TAG_BYTES;
    EVP_MD_CTX_free(ctx);
    if (!ok) {
        return NULL;
    }
    *o++ = '"';
    for (i = 0; i < TAG_BYTES; i++) {
        *o++ = hex[md[i] >> 4];
        *o++ = hex[md[i] & 15];
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* The opaque part of ours (between the quotes) against a candidate's. */
static int same_tag(const char *ours, apr_size_t ours_len, const char *cand, apr_size_t cand_len)
{
    static const char *const suffixes[] = { "", "-gzip", "-br" };
    apr_size_t i;

    for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        apr_size_t sl = strlen(suffixes[i]);
        if (cand_len == ours_len + sl && memcmp(cand, ours, ours_len) == 0
            && memcmp(cand + ours_len, suffixes[i], sl) == 0) {
            return 1;
        }
    }
    return 0;
}

int kt_etag_match(const char *header, const char *etag)
{
    const char *s = header, *ours;
    apr_size_t ours_len;

    if (!header || !etag) {
        return 0;
    }
    ours = etag[0] == 'W' && etag[1] == '/' ? etag + 2 : etag;
    ours_len = strlen(ours);
    if (ours_len < 2 || ours[0] != '"' || ours[ours_len - 1] != '"') {
        return 0;
    }
    ours++;
    ours_len -= 2;
    for (;;) {
        const char *end;
        while (*s == ' ' || *s == '\t' || *s == ',') {
            s++;
        }
        if (!*s) {
            return 0;
        }
        if (*s == '*') {
            return 1;
        }
        if (s[0] == 'W' && s[1] == '/') {
            s += 2;
        }
        if (*s != '"' || !(end = strchr(s + 1, '"'))) {
            return 0;
        }
        if (same_tag(ours, ours_len, s + 1, (apr_size_t)(end - s - 1))) {
            return 1;
        }
        s = end + 1;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s && *s != ',') {
            return 0;
        }
    }
}
