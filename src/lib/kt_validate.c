/* Form input validators; see kt_validate.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_validate.h"
#include "kt_text.h"

apr_size_t kt_utf8_chars(const char *s)
{
    apr_size_t n = 0;

    for (; s && *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *kt_trim(apr_pool_t *p, const char *s)
{
    apr_size_t n;

    if (!s) {
        return apr_pstrdup(p, "");
    }
    while (is_space(*s)) {
        s++;
    }
    n = strlen(s);
    while (n && is_space(s[n - 1])) {
        n--;
    }
    return apr_pstrmemdup(p, s, n);
}

char *kt_newlines(apr_pool_t *p, const char *s)
{
    char *out = apr_palloc(p, strlen(s) + 1), *o = out;

    for (; *s; s++) {
        if (*s == '\r') {
            *o++ = '\n';
            if (s[1] == '\n') {
                s++;
            }
        }
        else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

/* Common part of line and text: presence, length, control characters. */
static kt_verdict check_text(const char *s, apr_size_t max, int required, int multiline)
{
    const unsigned char *u = (const unsigned char *)s;

    if (!s || !*s) {
        return required ? KT_V_MISSING : KT_V_OK;
    }
    if (!kt_utf8_valid(s, strlen(s))) {
        return KT_V_INVALID;
    }
    if (kt_utf8_chars(s) > max) {
        return KT_V_TOO_LONG;
    }
    for (; *u; u++) {
        if (*u == 0x7F || (*u < 0x20 && !(multiline && (*u == '\n' || *u == '\r' || *u == '\t')))) {
            return KT_V_INVALID;
        }
    }
    return KT_V_OK;
}

kt_verdict kt_valid_line(const char *s, apr_size_t max_chars, int required)
{
    return check_text(s, max_chars, required, 0);
}

kt_verdict kt_valid_text(const char *s, apr_size_t max_chars, int required)
{
    return check_text(s, max_chars, required, 1);
}

kt_verdict kt_valid_email(const char *s)
{
    const char *at, *dot, *c;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    if (strlen(s) > 254) {
        return KT_V_TOO_LONG;
    }
    at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@') || at - s > 64) {
        return KT_V_INVALID;
    }
    for (c = s; *c; c++) {
        unsigned char u = (unsigned char)*c;
        if (u <= 0x20 || u == 0x7F || strchr("\"<>(),;:[]\\", u)) {
            return KT_V_INVALID;
        }
    }
    dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || !dot[1] || strstr(at + 1, "..") || at[1] == '.'
        || s[strlen(s) - 1] == '.') {
        return KT_V_INVALID;
    }
    return kt_utf8_valid(s, strlen(s)) ? KT_V_OK : KT_V_INVALID;
}

kt_verdict kt_valid_phone(const char *s)
{
    int digits = 0;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    if (strlen(s) > 30) {
        return KT_V_TOO_LONG;
    }
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digits++;
        }
        else if (!strchr(" +()-", *s)) {
            return KT_V_INVALID;
        }
    }
    return digits >= 5 && digits <= 20 ? KT_V_OK : KT_V_INVALID;
}

kt_verdict kt_valid_web_url(const char *s)
{
    const char *host, *c;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    if (strlen(s) > 500) {
        return KT_V_TOO_LONG;
    }
    if (strncasecmp(s, "https://", 8) == 0) {
        host = s + 8;
    }
    else if (strncasecmp(s, "http://", 7) == 0) {
        host = s + 7;
    }
    else {
        return KT_V_INVALID;
    }
    /* a host of at least one character before any path, query or port */
    if (!*host || strchr("/?#:@.", *host)) {
        return KT_V_INVALID;
    }
    for (c = s; *c; c++) {
        unsigned char u = (unsigned char)*c;
        if (u <= 0x20 || u == 0x7F || u == '"' || u == '<' || u == '>' || u == '\\') {
            return KT_V_INVALID;
        }
    }
    return kt_utf8_valid(s, strlen(s)) ? KT_V_OK : KT_V_INVALID;
}

kt_verdict kt_valid_registry_number(const char *s)
{
    int dots = 0;
    apr_size_t n;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    n = strlen(s);
    if (n > 12) {
        return KT_V_TOO_LONG;
    }
    if (s[0] == '.' || s[n - 1] == '.') {
        return KT_V_INVALID;
    }
    for (; *s; s++) {
        if (*s == '.') {
            dots++;
        }
        else if (*s < '0' || *s > '9') {
            return KT_V_INVALID;
        }
    }
    return dots <= 1 ? KT_V_OK : KT_V_INVALID;
}

int kt_valid_local_path(const char *s)
{
    const char *c;

    if (!s || s[0] != '/' || s[1] == '/' || strlen(s) > 1000) {
        return 0;
    }
    for (c = s; *c; c++) {
        if (*c <= 0x20 || *c >= 0x7F || *c == '\\' || (c[0] == '/' && c[1] == '/')) {
            return 0;
        }
    }
    return 1;
}

char *kt_url_origin(apr_pool_t *p, const char *url)
{
    const char *host;
    apr_size_t n;
    char *out, *c;

    if (!url) {
        return NULL;
    }
    if (strncasecmp(url, "https://", 8) == 0) {
        host = url + 8;
    }
    else if (strncasecmp(url, "http://", 7) == 0) {
        host = url + 7;
    }
    else {
        return NULL;
    }
    n = (apr_size_t)(host - url) + strcspn(host, "/?#");
    if (n == (apr_size_t)(host - url)) {
        return NULL;
    }
    out = apr_pstrmemdup(p, url, n);
    for (c = out; *c; c++) {
        if (*c >= 'A' && *c <= 'Z') {
            *c = (char)(*c + 32);
        }
    }
    return out;
}
