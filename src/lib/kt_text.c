/* Pure text helpers; see kt_text.h. */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include "kt_text.h"

const char *const kt_lang_codes[KT_LANG_COUNT] = { "fi", "sv", "en" };

static apr_size_t utf8_seq(const unsigned char *s, apr_size_t n, unsigned long *cp);

int kt_lang_from_code(const char *code)
{
    int i;
    if (!code) {
        return -1;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        if (strcmp(code, kt_lang_codes[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* Parses one "tag;q=0.8" item; returns its language (or -1) and sets *q in
 * thousandths.  Primary subtag only: "sv-FI" counts as sv. */
static int accept_item(const char *item, apr_size_t len, int *q)
{
    char tag[3];
    const char *semi = memchr(item, ';', len);
    apr_size_t taglen = semi ? (apr_size_t)(semi - item) : len;
    const char *dash = memchr(item, '-', taglen);

    *q = 1000;
    if (dash) {
        taglen = (apr_size_t)(dash - item);
    }
    if (semi) {
        const char *qp = semi + 1;
        while (qp < item + len && (*qp == ' ' || *qp == '\t')) {
            qp++;
        }
        if (item + len - qp >= 3 && (qp[0] == 'q' || qp[0] == 'Q') && qp[1] == '=') {
            double v = 0;
            char buf[8];
            apr_size_t n = (apr_size_t)(item + len - qp - 2);
            if (n >= sizeof(buf)) {
                n = sizeof(buf) - 1;
            }
            memcpy(buf, qp + 2, n);
            buf[n] = '\0';
            v = atof(buf);
            *q = v < 0 ? 0 : v > 1 ? 1000 : (int)(v * 1000 + 0.5);
        }
    }
    if (taglen != 2) {
        return -1;
    }
    tag[0] = (char)(item[0] | 0x20);
    tag[1] = (char)(item[1] | 0x20);
    tag[2] = '\0';
    return kt_lang_from_code(tag);
}

kt_lang kt_lang_negotiate(const char *header)
{
    int best = KT_LANG_FI, best_q = 0;
    const char *p = header;

    while (p && *p) {
        const char *end = strchr(p, ',');
        apr_size_t len = end ? (apr_size_t)(end - p) : strlen(p);
        int q, lang;
        while (len && (*p == ' ' || *p == '\t')) {
            p++;
            len--;
        }
        lang = accept_item(p, len, &q);
        /* strictly greater: on equal q the earlier (preferred) tag wins */
        if (lang >= 0 && q > best_q) {
            best = lang;
            best_q = q;
        }
        p = end ? end + 1 : NULL;
    }
    return (kt_lang)best;
}

/* Length of the well-formed UTF-8 sequence at s (max n bytes) and its code
 * point in *cp, or 0 when it is malformed. */
apr_size_t kt_utf8_next(const char *s, apr_size_t n, unsigned long *cp)
{
    return n ? utf8_seq((const unsigned char *)s, n, cp) : 0;
}

static apr_size_t utf8_seq(const unsigned char *s, apr_size_t n, unsigned long *cp)
{
    unsigned long c;
    apr_size_t len, i;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2;
        c = s[0] & 0x1F;
    }
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3;
        c = s[0] & 0x0F;
    }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4;
        c = s[0] & 0x07;
    }
    else {
        return 0;
    }
    if (n < len) {
        return 0;
    }
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF))
        || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return len;
}

int kt_utf8_valid(const char *s, apr_size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t i = 0;
    unsigned long cp;

    while (i < len) {
        apr_size_t n = utf8_seq(u + i, len - i, &cp);
        if (n == 0) {
            return 0;
        }
        i += n;
    }
    return 1;
}

apr_size_t kt_utf8_prefix(const char *s, apr_size_t max)
{
    apr_size_t n = strlen(s);

    if (n <= max) {
        return n;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
        max--;   /* s[max] continues the character before it: cut before that one */
    }
    return max;
}

int kt_text_char_ok(unsigned long cp, int multiline)
{
    if (cp < 0x20) {
        return multiline && (cp == 0x09 || cp == 0x0A || cp == 0x0D);
    }
    if (cp < 0x7F) {
        return 1;
    }
    return !(cp <= 0x9F
             || cp == 0x2028 || cp == 0x2029
             || (cp >= 0x206A && cp <= 0x206F)
             || cp == 0xFEFF
             || (cp >= 0xFFF9 && cp <= 0xFFFB)
             || (cp >= 0xFDD0 && cp <= 0xFDEF)
             || cp == 0xFFFE || cp == 0xFFFF);
}

int kt_char_blank(unsigned long cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0xAD
        || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029
        || cp == 0x202F || cp == 0x205F || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3000
        || cp == 0xFEFF;
}

/* What XML 1.0 can carry and HTML allows: the pages are XML turned into HTML,
 * which forbids DEL, the C1 controls and the noncharacters that XML lets
 * through (a form shows back what was typed, U+0085 included). */
static int xml_char_ok(unsigned long cp)
{
    if (cp < 0x20) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    }
    if (cp >= 0x7F && cp <= 0x9F) {
        return 0;
    }
    return !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
}

int kt_pg_text_array(apr_pool_t *p, const char *lit, const char **out, int max)
{
    const char *s = lit;
    int n = 0;

    if (!s || *s++ != '{') {
        return -1;
    }
    if (*s == '}') {
        return s[1] ? -1 : 0;
    }
    for (;;) {
        char *el = apr_palloc(p, strlen(s) + 1), *e = el;
        int quoted = *s == '"';
        if (quoted) {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && s[1]) {
                    s++;
                }
                *e++ = *s;
            }
            if (*s++ != '"') {
                return -1;
            }
        }
        else {
            for (; *s && *s != ',' && *s != '}'; s++) {
                if (*s == '"' || *s == '{' || *s == '\\') {
                    return -1;
                }
                *e++ = *s;
            }
        }
        *e = '\0';
        if (quoted || strcmp(el, "NULL") != 0) {
            if (n == max || (!quoted && !*el)) {
                return -1;
            }
            out[n++] = el;
        }
        if (*s == '}') {
            return s[1] ? -1 : n;
        }
        if (*s++ != ',') {
            return -1;
        }
    }
}

int kt_xml_char_ok(unsigned long cp)
{
    return xml_char_ok(cp);
}

char *kt_xml_safe_text(apr_pool_t *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t len = strlen(s), i = 0, o = 0;
    char *out;
    unsigned long cp;

    /* worst case: every byte becomes the 3-byte U+FFFD */
    out = apr_palloc(p, len * 3 + 1);
    while (i < len) {
        apr_size_t n = utf8_seq(u + i, len - i, &cp);
        if (n == 0 || !xml_char_ok(cp)) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += n ? n : 1;
            continue;
        }
        memcpy(out + o, s + i, n);
        o += n;
        i += n;
    }
    out[o] = '\0';
    return out;
}

apr_int64_t kt_parse_id(const char *s)
{
    apr_int64_t v = 0;
    int digits = 0;

    if (!s || !*s) {
        return 0;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || ++digits > 18) {
            return 0;
        }
        v = v * 10 + (*s - '0');
    }
    return v;
}

int kt_parse_int(const char *s, apr_int64_t min, apr_int64_t max, apr_int64_t *out)
{
    apr_uint64_t v = 0;
    int neg = 0, digits = 0;

    if (!s) {
        return 0;
    }
    if (*s == '-') {
        neg = 1;
        s++;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            return 0;
        }
        if (++digits > 19 || v > (APR_UINT64_MAX - 9) / 10) {
            return 0;   /* beyond any int64: refused, never wrapped */
        }
        v = v * 10 + (apr_uint64_t)(*s - '0');
    }
    if (!digits || v > (apr_uint64_t)APR_INT64_MAX + (apr_uint64_t)neg) {
        return 0;
    }
    {
        apr_int64_t x = neg ? (v == (apr_uint64_t)APR_INT64_MAX + 1 ? APR_INT64_MIN
                                                                      : -(apr_int64_t)v)
                            : (apr_int64_t)v;
        if (x < min || x > max) {
            return 0;
        }
        *out = x;
    }
    return 1;
}

char *kt_text_excerpt(apr_pool_t *p, const char *text, apr_size_t max)
{
    apr_size_t len = 0, cut;
    char *out = apr_palloc(p, strlen(text ? text : "") + 4), *o = out;
    const char *s = text ? text : "";
    int space = 0;

    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
        s++;
    }
    for (; *s; s++) {
        if (*s == '\n' && (s[1] == '\n' || (s[1] == '\r' && s[2] == '\n'))) {
            break;   /* a blank line ends the first paragraph */
        }
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
            space = 1;
            continue;
        }
        if (space && o > out) {
            *o++ = ' ';
        }
        space = 0;
        *o++ = *s;
    }
    *o = '\0';
    len = (apr_size_t)(o - out);
    if (len <= max) {
        return out;
    }
    cut = kt_utf8_prefix(out, max);   /* not inside a character */
    {
        apr_size_t word = cut;
        while (word > max / 2 && out[word] != ' ') {
            word--;
        }
        if (out[word] == ' ') {
            cut = word;
        }
    }
    while (cut > 0 && out[cut - 1] == ' ') {
        cut--;
    }
    memcpy(out + cut, "\xE2\x80\xA6", 4);   /* "…" and the terminating NUL */
    return out;
}
