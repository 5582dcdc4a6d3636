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

/* Common part of line and text: presence, length, the characters of
 * kt_text_char_ok (the same rule as the database's kt_text_ok). */
static kt_verdict check_text(const char *s, apr_size_t max, int required, int multiline)
{
    apr_size_t len, i = 0, n;
    unsigned long cp;

    if (!s || !*s) {
        return required ? KT_V_MISSING : KT_V_OK;
    }
    len = strlen(s);
    if (!kt_utf8_valid(s, len)) {
        return KT_V_INVALID;
    }
    for (; i < len; i += n) {
        n = kt_utf8_next(s + i, len - i, &cp);
        if (!kt_text_char_ok(cp, multiline)) {
            return KT_V_INVALID;
        }
    }
    return kt_utf8_chars(s) > max ? KT_V_TOO_LONG : KT_V_OK;
}

kt_verdict kt_valid_line(const char *s, apr_size_t max_chars, int required)
{
    return check_text(s, max_chars, required, 0);
}

kt_verdict kt_valid_text(const char *s, apr_size_t max_chars, int required)
{
    return check_text(s, max_chars, required, 1);
}

/* Characters of a local part besides letters and digits: RFC 5322 atext
 * without those that mean something in a mailto: link or a URL (% & = ? #
 * and /), so that a mailto: made of the address carries nothing else. */
#define LOCAL_SPECIALS "!$'*+-^_`{|}~"

/* One character of an address at s (n bytes left): its length, or 0 when it
 * may not stand there.  Non-ASCII letters are allowed (internationalised
 * addresses and domains), blank and format characters never. */
static apr_size_t address_char(const char *s, apr_size_t n, int local)
{
    unsigned long cp;
    apr_size_t len = kt_utf8_next(s, n, &cp);

    if (!len) {
        return 0;
    }
    if (cp >= 0x80) {
        return kt_text_char_ok(cp, 0) && !kt_char_blank(cp) ? len : 0;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
        || cp == '.' || cp == '-' || (local && strchr(LOCAL_SPECIALS, (int)cp))) {
        return 1;
    }
    return 0;
}

/* Dot-separated parts, none empty; for a domain, at least two labels of at
 * most 63 bytes that neither begin nor end with a hyphen. */
static int dot_atoms(const char *s, apr_size_t n, int local)
{
    apr_size_t i = 0, label = 0, len;
    int labels = 1;

    if (!n || s[0] == '.' || s[n - 1] == '.') {
        return 0;
    }
    while (i < n) {
        if (s[i] == '.') {
            if (s[i + 1] == '.' || (!local && (s[i - 1] == '-' || s[i + 1] == '-'))) {
                return 0;
            }
            labels++;
            label = 0;
            i++;
            continue;
        }
        len = address_char(s + i, n - i, local);
        if (!len || (!local && ++label > 63)) {
            return 0;
        }
        i += len;
    }
    return local || (labels >= 2 && s[0] != '-' && s[n - 1] != '-');
}

kt_verdict kt_valid_email(const char *s)
{
    const char *at;
    apr_size_t len;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    len = strlen(s);
    if (len > 254) {
        return KT_V_TOO_LONG;
    }
    if (!kt_utf8_valid(s, len)) {
        return KT_V_INVALID;
    }
    at = strchr(s, '@');
    if (!at || at == s || at - s > 64 || strchr(at + 1, '@')) {
        return KT_V_INVALID;
    }
    return dot_atoms(s, (apr_size_t)(at - s), 1)
           && dot_atoms(at + 1, len - (apr_size_t)(at + 1 - s), 0) ? KT_V_OK : KT_V_INVALID;
}

kt_verdict kt_valid_login_email(const char *s)
{
    apr_size_t len, i, n;
    unsigned long cp;

    if (!s || !*s) {
        return KT_V_MISSING;
    }
    len = strlen(s);
    if (len > 254) {
        return KT_V_TOO_LONG;
    }
    if (!kt_utf8_valid(s, len) || !strchr(s, '@')) {
        return KT_V_INVALID;
    }
    for (i = 0; i < len; i += n) {
        n = kt_utf8_next(s + i, len - i, &cp);
        if (!kt_text_char_ok(cp, 0) || kt_char_blank(cp)) {
            return KT_V_INVALID;
        }
    }
    return KT_V_OK;
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
    apr_size_t n;

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
    if (!kt_utf8_valid(s, strlen(s))) {
        return KT_V_INVALID;
    }
    for (c = s; *c; c += n) {
        unsigned long cp;
        n = kt_utf8_next(c, strlen(c), &cp);
        if (cp <= 0x20 || cp == '"' || cp == '<' || cp == '>' || cp == '\\'
            || !kt_text_char_ok(cp, 0) || kt_char_blank(cp)) {
            return KT_V_INVALID;
        }
    }
    return KT_V_OK;
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
