/* Tidying typed values; see kt_tidy.h. */
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "kt_tidy.h"

/* The bytes of a space of any kind at s (tab, no-break, the typographic
 * spaces U+2000–U+200A, narrow no-break, medium mathematical, ideographic),
 * or 0. */
static int space_at(const unsigned char *s)
{
    if (s[0] == ' ' || s[0] == '\t') {
        return 1;
    }
    if (s[0] == 0xC2 && s[1] == 0xA0) {
        return 2;
    }
    if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xAF)) {
        return 3;
    }
    if ((s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        || (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)) {
        return 3;
    }
    return 0;
}

/* The bytes of a dash of any kind at s (hyphen-minus, the dashes
 * U+2010–U+2015, minus sign, small and full-width hyphen-minus), or 0. */
static int dash_at(const unsigned char *s)
{
    if (s[0] == '-') {
        return 1;
    }
    if ((s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95)
        || (s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
        || (s[0] == 0xEF && s[1] == 0xB9 && s[2] == 0xA3)
        || (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8D)) {
        return 3;
    }
    return 0;
}

static int all_digits(const char *s, apr_size_t n)
{
    return strlen(s) == n && strspn(s, "0123456789") == n;
}

const char *kt_tidy_business_id(apr_pool_t *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out, *o;
    apr_size_t n;
    int k;

    if (!s || !*s) {
        return s;
    }
    out = o = apr_palloc(p, strlen(s) + 3);
    while (*u) {
        if ((k = space_at(u))) {
            u += k;
        }
        else if ((k = dash_at(u))) {
            *o++ = '-';
            u += k;
        }
        else {
            *o++ = (char)*u++;
        }
    }
    *o = '\0';
    n = strlen(out);
    /* the VAT number is FI and the eight digits */
    if (n == 10 && (out[0] == 'F' || out[0] == 'f') && (out[1] == 'I' || out[1] == 'i')
        && all_digits(out + 2, 8)) {
        return apr_psprintf(p, "%.7s-%c", out + 2, out[9]);
    }
    if (all_digits(out, 8)) {
        return apr_psprintf(p, "%.7s-%c", out, out[7]);
    }
    /* business IDs of before 1990 are often written without their leading zero */
    if (n == 8 && out[6] == '-' && strspn(out, "0123456789") == 6 && apr_isdigit(out[7])) {
        return apr_pstrcat(p, "0", out, NULL);
    }
    return out;
}

/* 1 when s[0..n) is a host name with at least one dot and letters in its
 * last label, and nothing that cannot be in one ("www.kaneli.example",
 * "kaneli.example:8080", "pääkaupunki.fi"; not "1.5" or "user@host"). */
static int host_like(const char *s, apr_size_t n)
{
    apr_size_t i, port = n, dot = 0;
    int letters = 0;

    for (i = 0; i < n && s[i] != ':'; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            if (i == 0 || s[i - 1] == '.') {
                return 0;
            }
            dot = i;
            letters = 0;
        }
        else if (apr_isalpha(c) || c >= 0x80) {
            letters = 1;
        }
        else if (!apr_isdigit(c) && c != '-') {
            return 0;
        }
    }
    if (i < n) {
        port = i;
        if (port + 1 == n || strspn(s + port + 1, "0123456789") < n - port - 1) {
            return 0;
        }
    }
    return dot > 0 && dot + 1 < port && letters;
}

static char *lower_ascii(char *s, apr_size_t n)
{
    apr_size_t i;

    for (i = 0; i < n; i++) {
        s[i] = (char)apr_tolower((unsigned char)s[i]);
    }
    return s;
}

const char *kt_tidy_web_url(apr_pool_t *p, const char *s)
{
    apr_size_t scheme = 0, host;
    char *out;

    if (!s || !*s || strpbrk(s, " \t\r\n")) {
        return s;
    }
    if (strncasecmp(s, "https://", 8) == 0) {
        scheme = 8;
    }
    else if (strncasecmp(s, "http://", 7) == 0) {
        scheme = 7;
    }
    if (scheme) {
        out = apr_pstrdup(p, s);
        host = strcspn(out + scheme, "/?#");
        /* user information keeps its case */
        if (!memchr(out + scheme, '@', host)) {
            lower_ascii(out + scheme, host);
        }
        return lower_ascii(out, scheme);
    }
    host = strcspn(s, "/?#");
    if (!host_like(s, host)) {
        return s;
    }
    out = apr_pstrcat(p, "https://", s, NULL);
    lower_ascii(out + 8, host);
    return out;
}

const char *kt_tidy_phone(apr_pool_t *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    char *out, *o;
    int k;

    if (!s || !*s) {
        return s;
    }
    out = o = apr_palloc(p, strlen(s) + 1);
    while (*u) {
        if ((k = space_at(u))) {
            if (o > out && o[-1] != ' ') {
                *o++ = ' ';
            }
            u += k;
        }
        else if ((k = dash_at(u))) {
            *o++ = '-';
            u += k;
        }
        else if ((*u == '.' || *u == '/') && o > out && apr_isdigit(o[-1])
                 && apr_isdigit(u[1])) {
            *o++ = ' ';
            u++;
        }
        else {
            *o++ = (char)*u++;
        }
    }
    while (o > out && o[-1] == ' ') {
        o--;
    }
    *o = '\0';
    return out;
}

const char *kt_tidy_email(apr_pool_t *p, const char *s)
{
    const char *at;
    char *out;

    if (!s || !*s) {
        return s;
    }
    while (strncasecmp(s, "mailto:", 7) == 0) {
        s += 7;
    }
    at = strchr(s, '@');
    out = apr_pstrdup(p, s);
    if (at && !strchr(at + 1, '@')) {
        lower_ascii(out + (at - s) + 1, strlen(at + 1));
    }
    return out;
}
