/* Entity tags; see kt_etag.h. */
#include <string.h>
#include <apr_encode.h>
#include <apr_strings.h>
#include "kt_crypto.h"
#include "kt_etag.h"

#define TAG_BYTES 16

char *kt_etag_make(apr_pool_t *p, const char *const *parts, int n)
{
    unsigned char md[KT_SHA256_BYTES];
    apr_size_t len = 0, at = 0;
    char *all;
    int i;

    for (i = 0; i < n; i++) {
        len += (parts[i] ? strlen(parts[i]) : 0) + 1;
    }
    all = apr_palloc(p, len + 1);
    for (i = 0; i < n; i++) {
        apr_size_t k = parts[i] ? strlen(parts[i]) : 0;
        memcpy(all + at, parts[i] ? parts[i] : "", k);
        all[at + k] = '\0';
        at += k + 1;
    }
    kt_sha256(all, len, md);
    return apr_pstrcat(p, "\"", apr_pencode_base16_binary(p, md, TAG_BYTES, APR_ENCODE_LOWER, NULL),
                       "\"", NULL);
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
