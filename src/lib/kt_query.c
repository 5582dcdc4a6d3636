/* application/x-www-form-urlencoded decoding; see kt_query.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_query.h"
#include "kt_text.h"

static int hex_value(char c)
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

/* Tab, line feed and carriage return come from textareas; every other C0
 * control, and DEL, has no business in a form field. */
static int is_bad_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/* Decodes src[0..n) into dst (room for n + 1 bytes), NUL-terminating it and
 * setting *outlen.  The checks that need the decoded bytes come after. */
static kt_query_status decode(const char *src, apr_size_t n, char *dst, apr_size_t *outlen)
{
    apr_size_t i, o = 0;

    for (i = 0; i < n; i++) {
        char c = src[i];
        if (c == '+') {
            c = ' ';
        }
        else if (c == '%') {
            int hi, lo;
            if (n - i < 3) {
                return KT_QUERY_BAD_ESCAPE;
            }
            hi = hex_value(src[i + 1]);
            lo = hex_value(src[i + 2]);
            if (hi < 0 || lo < 0) {
                return KT_QUERY_BAD_ESCAPE;
            }
            c = (char)((hi << 4) | lo);
            i += 2;
        }
        dst[o++] = c;
    }
    dst[o] = '\0';
    *outlen = o;
    return KT_QUERY_OK;
}

/* What is wrong with decoded text s[0..n), if anything. */
static kt_query_status check_text(const char *s, apr_size_t n)
{
    apr_size_t i;

    for (i = 0; i < n; i++) {
        if (is_bad_control((unsigned char)s[i])) {
            return KT_QUERY_CONTROL_CHAR;
        }
    }
    return kt_utf8_valid(s, n) ? KT_QUERY_OK : KT_QUERY_BAD_UTF8;
}

/* Decodes a name or a value and checks it: text, and at most max bytes. */
static kt_query_status decode_part(const char *src, apr_size_t n, apr_size_t max, char *dst,
                                   apr_size_t *len)
{
    kt_query_status st = decode(src, n, dst, len);

    if (st == KT_QUERY_OK) {
        st = check_text(dst, *len);
    }
    if (st == KT_QUERY_OK && *len > max) {
        st = KT_QUERY_TOO_LONG;
    }
    return st;
}

static kt_query_status fail(kt_query_error *err, kt_query_status status, const char *param)
{
    if (err) {
        err->status = status;
        err->param = param;
    }
    return status;
}

/* Decodes one "name=value" piece into *pair. */
static kt_query_status parse_pair(apr_pool_t *p, const char *piece, apr_size_t n,
                                  const kt_query_limits *limits, kt_query_pair *pair,
                                  kt_query_error *err)
{
    const char *eq = memchr(piece, '=', n);
    apr_size_t name_n = eq ? (apr_size_t)(eq - piece) : n;
    apr_size_t value_n = eq ? n - name_n - 1 : 0;
    char *name = apr_palloc(p, name_n + 1);
    char *value = apr_palloc(p, value_n + 1);
    apr_size_t name_len, value_len;
    kt_query_status st;

    st = decode_part(piece, name_n, limits->max_name, name, &name_len);
    if (st != KT_QUERY_OK) {
        return fail(err, st, NULL);
    }
    st = decode_part(eq ? eq + 1 : "", value_n, limits->max_value, value, &value_len);
    if (st != KT_QUERY_OK) {
        return fail(err, st, name);
    }
    pair->name = name;
    pair->value = value;
    pair->value_len = value_len;
    return KT_QUERY_OK;
}

kt_query_status kt_query_parse(apr_pool_t *p, const char *raw, apr_size_t len,
                               const kt_query_limits *limits,
                               apr_array_header_t **pairs, kt_query_error *err)
{
    apr_array_header_t *out = apr_array_make(p, 8, sizeof(kt_query_pair));
    apr_size_t start = 0;

    *pairs = NULL;
    fail(err, KT_QUERY_OK, NULL);
    while (start < len) {
        const char *piece = raw + start;
        const char *amp = memchr(piece, '&', len - start);
        apr_size_t n = amp ? (apr_size_t)(amp - piece) : len - start;
        kt_query_pair pair;
        kt_query_status st;

        start += n + 1;
        if (n == 0) {
            continue;
        }
        if (out->nelts >= limits->max_pairs) {
            return fail(err, KT_QUERY_TOO_MANY, NULL);
        }
        st = parse_pair(p, piece, n, limits, &pair, err);
        if (st != KT_QUERY_OK) {
            return st;
        }
        *(kt_query_pair *)apr_array_push(out) = pair;
    }
    *pairs = out;
    return KT_QUERY_OK;
}

const char *kt_query_status_name(kt_query_status status)
{
    switch (status) {
    case KT_QUERY_OK:           return "ok";
    case KT_QUERY_TOO_MANY:     return "too-many";
    case KT_QUERY_TOO_LONG:     return "too-long";
    case KT_QUERY_BAD_ESCAPE:   return "bad-escape";
    case KT_QUERY_CONTROL_CHAR: return "control-char";
    case KT_QUERY_BAD_UTF8:     return "invalid-utf8";
    }
    return "invalid";
}

char *kt_query_encode(apr_pool_t *p, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    apr_size_t n = strlen(s), o = 0, i;
    char *out = apr_palloc(p, n * 3 + 1);

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~') {
            out[o++] = (char)c;
        }
        else if (c == ' ') {
            out[o++] = '+';
        }
        else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}

int kt_query_is_tracking(const char *name)
{
    static const char *const names[] = { "fbclid", "gclid", "mc_cid", "mc_eid", NULL };
    int i;

    if (strncmp(name, "utm_", 4) == 0) {
        return 1;
    }
    for (i = 0; names[i]; i++) {
        if (strcmp(name, names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

const char *kt_query_strip_tracking(apr_pool_t *p, const char *raw)
{
    apr_array_header_t *kept;
    const char *piece, *amp;
    int dropped = 0;

    if (!raw) {
        return NULL;
    }
    kept = apr_array_make(p, 8, sizeof(const char *));
    for (piece = raw; ; piece = amp + 1) {
        apr_size_t n, name_n;
        const char *eq;
        char name[64];
        apr_size_t len;
        amp = strchr(piece, '&');
        n = amp ? (apr_size_t)(amp - piece) : strlen(piece);
        eq = memchr(piece, '=', n);
        name_n = eq ? (apr_size_t)(eq - piece) : n;
        if (name_n < sizeof(name) && decode(piece, name_n, name, &len) == KT_QUERY_OK
            && strlen(name) == len && kt_query_is_tracking(name)) {
            dropped = 1;
        }
        else if (n) {
            APR_ARRAY_PUSH(kept, const char *) = apr_pstrmemdup(p, piece, n);
        }
        if (!amp) {
            break;
        }
    }
    if (!dropped) {
        return raw;
    }
    return kept->nelts ? apr_array_pstrcat(p, kept, '&') : NULL;
}
