/* Page cache entries and keys; see kt_pagecache.h. */
#include <string.h>
#include <strings.h>
#include <apr_strings.h>
#include "kt_pagecache.h"

#define MAGIC "KTP1"
#define MAGIC_LEN 4
/* Between the parts of a key: no URL, host or header value carries it. */
#define KEY_SEP "\x1f"

typedef struct {
    char *buf;
    apr_size_t len;
} writer;

static void put(writer *w, const void *data, apr_size_t n)
{
    if (w->buf) {
        memcpy(w->buf + w->len, data, n);
    }
    w->len += n;
}

static void put_u64(writer *w, apr_uint64_t v)
{
    unsigned char b[8];
    int i;

    for (i = 0; i < 8; i++) {
        b[i] = (unsigned char)(v >> (8 * i));
    }
    put(w, b, 8);
}

static void put_str(writer *w, const char *s, apr_size_t n)
{
    put_u64(w, n);
    put(w, s, n);
}

typedef struct {
    writer *w;
    apr_uint64_t n;
} header_writer;

static int put_header(void *rec, const char *key, const char *value)
{
    header_writer *hw = rec;

    if (strcasecmp(key, "Set-Cookie") != 0) {
        hw->n++;
        put_str(hw->w, key, strlen(key));
        put_str(hw->w, value, strlen(value));
    }
    return 1;
}

static void write_entry(writer *w, const kt_pc_entry *e)
{
    header_writer hw = { w, 0 };

    put(w, MAGIC, MAGIC_LEN);
    put_u64(w, (apr_uint64_t)e->generation);
    put_u64(w, (apr_uint64_t)e->expires);
    /* the count first: a dry run of the same walk */
    if (e->headers) {
        writer count = { NULL, 0 };
        header_writer hc = { &count, 0 };
        apr_table_do(put_header, &hc, e->headers, NULL);
        put_u64(w, hc.n);
        apr_table_do(put_header, &hw, e->headers, NULL);
    }
    else {
        put_u64(w, 0);
    }
    put_str(w, e->etag ? e->etag : "", e->etag ? strlen(e->etag) : 0);
    put_str(w, e->body, e->body_len);
}

char *kt_pc_encode(apr_pool_t *p, const kt_pc_entry *e, apr_size_t *len)
{
    writer size = { NULL, 0 }, out;

    write_entry(&size, e);
    out.buf = apr_palloc(p, size.len);
    out.len = 0;
    write_entry(&out, e);
    *len = out.len;
    return out.buf;
}

typedef struct {
    const char *buf;
    apr_size_t len, at;
} reader;

static int get_u64(reader *r, apr_uint64_t *v)
{
    int i;

    if (r->len - r->at < 8) {
        return 0;
    }
    *v = 0;
    for (i = 0; i < 8; i++) {
        *v |= (apr_uint64_t)(unsigned char)r->buf[r->at + (apr_size_t)i] << (8 * i);
    }
    r->at += 8;
    return 1;
}

/* A string of the buffer, copied with its NUL into p (header values must be
 * C strings); the body is not copied (get_span). */
static int get_span(reader *r, const char **s, apr_size_t *n)
{
    apr_uint64_t len;

    if (!get_u64(r, &len) || len > r->len - r->at) {
        return 0;
    }
    *s = r->buf + r->at;
    *n = (apr_size_t)len;
    r->at += (apr_size_t)len;
    return 1;
}

static int get_str(apr_pool_t *p, reader *r, const char **s)
{
    const char *at;
    apr_size_t n;

    if (!get_span(r, &at, &n)) {
        return 0;
    }
    *s = apr_pstrmemdup(p, at, n);
    return 1;
}

int kt_pc_decode(apr_pool_t *p, const char *buf, apr_size_t len, kt_pc_entry *e)
{
    reader r = { buf, len, 0 };
    apr_uint64_t gen, exp, n, i;

    if (len < MAGIC_LEN || memcmp(buf, MAGIC, MAGIC_LEN) != 0) {
        return 0;
    }
    r.at = MAGIC_LEN;
    if (!get_u64(&r, &gen) || !get_u64(&r, &exp) || !get_u64(&r, &n) || n > 1000) {
        return 0;
    }
    e->generation = (apr_int64_t)gen;
    e->expires = (apr_time_t)exp;
    e->headers = apr_table_make(p, (int)n + 1);
    for (i = 0; i < n; i++) {
        const char *k, *v;
        if (!get_str(p, &r, &k) || !get_str(p, &r, &v)) {
            return 0;
        }
        apr_table_addn(e->headers, k, v);
    }
    if (!get_str(p, &r, &e->etag) || !get_span(&r, &e->body, &e->body_len)) {
        return 0;
    }
    if (!*e->etag) {
        e->etag = NULL;
    }
    return r.at == len;
}

const char *kt_pc_key(apr_pool_t *p, const char *host, const char *path, const char *args,
                      const char *back)
{
    int q = args && *args;
    return apr_pstrcat(p, host ? host : "", KEY_SEP, path, KEY_SEP, q ? "?" : "",
                       q ? args : "", KEY_SEP, back ? back : "", NULL);
}

apr_time_t kt_pc_expires(apr_time_t now, apr_time_t next_change, apr_time_t max_age)
{
    apr_time_t cap = now + max_age;
    return next_change > 0 && next_change < cap ? next_change : cap;
}
