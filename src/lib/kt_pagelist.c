/* Help topics, public pages and sitemap part names; see kt_pagelist.h. */
#include <string.h>
#include "kt_pagelist.h"

const char *const kt_help_topics[] = {
    "listing-rules", "registering", "main-user", "moderation", NULL
};

const char *const kt_sitemap_pages[] = {
    "/", "/activities", "/events", "/jobs", "/networks", "/news", "/projects", "/organisations",
    "/for-organisations", "/help", "/accessibility", "/privacy", "/terms", "/contact", "/feed",
    NULL
};

int kt_help_topic(const char *name)
{
    int i;

    for (i = 0; name && kt_help_topics[i]; i++) {
        if (strcmp(kt_help_topics[i], name) == 0) {
            return i;
        }
    }
    return -1;
}

#define CHUNK_DIGITS_MAX 12

int kt_sitemap_part_parse(const char *name, const char *const *kinds, int *kind,
                          apr_int64_t *chunk)
{
    apr_size_t len = strlen(name), klen, dlen;
    const char *dash, *digits;
    apr_int64_t n;
    int i;

    if (strcmp(name, "pages.xml") == 0) {
        *kind = -1;
        *chunk = 0;
        return 1;
    }
    if (len < 4 || strcmp(name + len - 4, ".xml") != 0 || !(dash = strrchr(name, '-'))) {
        return 0;
    }
    klen = (apr_size_t)(dash - name);
    digits = dash + 1;
    dlen = len - 4 - klen - 1;
    if (dlen == 0 || dlen > CHUNK_DIGITS_MAX || (dlen > 1 && digits[0] == '0')) {
        return 0;
    }
    n = 0;
    for (i = 0; i < (int)dlen; i++) {
        if (digits[i] < '0' || digits[i] > '9') {
            return 0;
        }
        n = n * 10 + (digits[i] - '0');
    }
    for (i = 0; kinds[i]; i++) {
        if (strlen(kinds[i]) == klen && strncmp(kinds[i], name, klen) == 0) {
            *kind = i;
            *chunk = n;
            return 1;
        }
    }
    return 0;
}
