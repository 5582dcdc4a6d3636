/* Form bodies; see kt_body.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_buckets.h>
#include <http_protocol.h>
#include <http_request.h>
#include <util_filter.h>
#include "kt_body.h"

/* Reads the whole body into *out; 413 as soon as it passes max. */
static int read_all(request_rec *r, apr_size_t max, char **out, apr_size_t *len)
{
    apr_bucket_brigade *bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    char *buf = apr_palloc(r->pool, max + 1);
    int eos = 0;

    *len = 0;
    while (!eos) {
        apr_bucket *b;
        apr_status_t rv = ap_get_brigade(r->input_filters, bb, AP_MODE_READBYTES,
                                         APR_BLOCK_READ, HUGE_STRING_LEN);
        if (rv != APR_SUCCESS) {
            /* LimitRequestBody gives APR_ENOSPC: 413; a client gone: 400 */
            return ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
        }
        for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb); b = APR_BUCKET_NEXT(b)) {
            const char *data;
            apr_size_t n;
            if (APR_BUCKET_IS_EOS(b)) {
                eos = 1;
                break;
            }
            if (APR_BUCKET_IS_METADATA(b)) {
                continue;
            }
            if (apr_bucket_read(b, &data, &n, APR_BLOCK_READ) != APR_SUCCESS) {
                return HTTP_BAD_REQUEST;
            }
            if (n > max - *len) {
                return HTTP_REQUEST_ENTITY_TOO_LARGE;
            }
            memcpy(buf + *len, data, n);
            *len += n;
        }
        apr_brigade_cleanup(bb);
    }
    buf[*len] = '\0';
    *out = buf;
    return OK;
}

int kt_body_read_form(kt_req *kr, const kt_form_limits *lim)
{
    request_rec *r = kr->r;
    const char *ctype = apr_table_get(r->headers_in, "Content-Type");
    const char *length = apr_table_get(r->headers_in, "Content-Length");
    kt_form_status fst;
    char *body = NULL;
    apr_size_t len = 0;
    int rv;

    if (!kt_form_content_type_ok(ctype)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "KT0401: form POST with Content-Type %s", ctype ? ctype : "(none)");
        return HTTP_UNSUPPORTED_MEDIA_TYPE;
    }
    /* Refuse a declared size at once, before reading a byte of it. */
    if (length && apr_strtoi64(length, NULL, 10) > (apr_int64_t)lim->max_body) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0402: form body of %s bytes refused",
                      length);
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    rv = read_all(r, lim->max_body, &body, &len);
    if (rv != OK) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0403: form body not read (status %d)", rv);
        return rv;
    }
    fst = kt_form_decode(r->pool, body, len, lim, &kr->form);
    if (fst != KT_FORM_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0404: form body refused: %s",
                      kt_form_status_text(fst));
        return fst == KT_FORM_TOO_LARGE || fst == KT_FORM_TOO_MANY
             ? HTTP_REQUEST_ENTITY_TOO_LARGE : HTTP_BAD_REQUEST;
    }
    return OK;
}
