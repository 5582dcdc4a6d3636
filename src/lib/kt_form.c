/* Form body decoding; see kt_form.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "kt_form.h"
#include "kt_text.h"

const kt_form_limits kt_form_default_limits = {
    65536,   /* the editor of issue 5 passes its own, larger limits */
    200,
    64,
    16384
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Decodes s[0..n) into a new string; max is the size limit of the result. */
static kt_form_status decode_part(apr_pool_t *p, const char *s, apr_size_t n, apr_size_t max,
                                  const char **out)
{
    char *buf = apr_palloc(p, n + 1);
    apr_size_t i, o = 0;

    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '+') {
            c = ' ';
        }
        else if (c == '%') {
            if (i + 2 >= n || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) {
                return KT_FORM_BAD_ESCAPE;
            }
            c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
            i += 2;
        }
        if (c == 0) {
            return KT_FORM_NUL;
        }
        if (o >= max) {
            return KT_FORM_TOO_LARGE;
        }
        buf[o++] = (char)c;
    }
    buf[o] = '\0';
    if (!kt_utf8_valid(buf, o)) {
        return KT_FORM_BAD_UTF8;
    }
    *out = buf;
    return KT_FORM_OK;
}

static kt_form_status decode_pair(apr_pool_t *p, const char *seg, apr_size_t n,
                                  const kt_form_limits *lim, kt_form_pair *pair)
{
    const char *eq = memchr(seg, '=', n);
    apr_size_t nlen = eq ? (apr_size_t)(eq - seg) : n;
    kt_form_status st = decode_part(p, seg, nlen, lim->max_name, &pair->name);

    if (st != KT_FORM_OK) {
        return st;
    }
    if (!eq) {
        pair->value = "";
        return KT_FORM_OK;
    }
    return decode_part(p, eq + 1, n - nlen - 1, lim->max_value, &pair->value);
}

kt_form_status kt_form_decode(apr_pool_t *p, const char *body, apr_size_t len,
                              const kt_form_limits *lim, kt_form **out)
{
    kt_form *f;
    apr_size_t start = 0;

    *out = NULL;
    if (len > lim->max_body) {
        return KT_FORM_TOO_LARGE;
    }
    f = apr_palloc(p, sizeof(*f));
    f->pairs = apr_array_make(p, 8, sizeof(kt_form_pair));
    while (start < len) {
        const char *amp = memchr(body + start, '&', len - start);
        apr_size_t end = amp ? (apr_size_t)(amp - body) : len;
        if (end > start) {
            kt_form_pair pair;
            kt_form_status st;
            if (f->pairs->nelts >= lim->max_pairs) {
                return KT_FORM_TOO_MANY;
            }
            st = decode_pair(p, body + start, end - start, lim, &pair);
            if (st != KT_FORM_OK) {
                return st;
            }
            *(kt_form_pair *)apr_array_push(f->pairs) = pair;
        }
        start = end + 1;
    }
    *out = f;
    return KT_FORM_OK;
}

const char *kt_form_get(const kt_form *f, const char *name)
{
    int i;

    if (!f) {
        return NULL;
    }
    for (i = 0; i < f->pairs->nelts; i++) {
        const kt_form_pair *pair = &APR_ARRAY_IDX(f->pairs, i, kt_form_pair);
        if (strcmp(pair->name, name) == 0) {
            return pair->value;
        }
    }
    return NULL;
}

apr_array_header_t *kt_form_values(apr_pool_t *p, const kt_form *f, const char *name)
{
    apr_array_header_t *vals = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; f && i < f->pairs->nelts; i++) {
        const kt_form_pair *pair = &APR_ARRAY_IDX(f->pairs, i, kt_form_pair);
        if (strcmp(pair->name, name) == 0) {
            APR_ARRAY_PUSH(vals, const char *) = pair->value;
        }
    }
    return vals;
}

/* Case-insensitive compare of s[0..n) with the lower-case word w. */
static int word_is(const char *s, apr_size_t n, const char *w)
{
    return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return s;
}

/* Checks the "; name=value" parameters after the media type: only a UTF-8
 * charset (quoted or not) may be named. */
static int params_ok(const char *s)
{
    while (*s) {
        const char *name, *val, *end;
        apr_size_t nlen, vlen;
        s = skip_ws(s);
        if (*s != ';') {
            return 0;
        }
        name = skip_ws(s + 1);
        end = name + strcspn(name, "=;");
        nlen = (apr_size_t)(end - name);
        while (nlen && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t')) {
            nlen--;
        }
        val = *end == '=' ? skip_ws(end + 1) : end;
        s = val + strcspn(val, ";");
        vlen = (apr_size_t)(s - val);
        while (vlen && (val[vlen - 1] == ' ' || val[vlen - 1] == '\t')) {
            vlen--;
        }
        if (vlen >= 2 && val[0] == '"' && val[vlen - 1] == '"') {
            val++;
            vlen -= 2;
        }
        if (word_is(name, nlen, "charset") && !word_is(val, vlen, "utf-8")
            && !word_is(val, vlen, "utf8")) {
            return 0;
        }
    }
    return 1;
}

int kt_form_content_type_ok(const char *ct)
{
    static const char type[] = "application/x-www-form-urlencoded";
    const char *s;

    if (!ct) {
        return 0;
    }
    s = skip_ws(ct);
    if (strncasecmp(s, type, sizeof(type) - 1) != 0) {
        return 0;
    }
    s = skip_ws(s + sizeof(type) - 1);
    return *s == '\0' || params_ok(s);
}

const char *kt_form_status_text(kt_form_status st)
{
    switch (st) {
    case KT_FORM_OK:         return "ok";
    case KT_FORM_TOO_LARGE:  return "body, name or value too large";
    case KT_FORM_TOO_MANY:   return "too many fields";
    case KT_FORM_BAD_ESCAPE: return "malformed percent escape";
    case KT_FORM_NUL:        return "NUL byte";
    case KT_FORM_BAD_UTF8:   return "invalid UTF-8";
    }
    return "unknown";
}
