/* Decoding an application/x-www-form-urlencoded request body.  Pure (no
 * httpd headers): the unit tests and the fuzzer call it directly, and
 * src/kt_body.c feeds it what the client sent.
 *
 * Why not ap_parse_form_data: it accepts any content type silently (an
 * empty form for multipart), decodes %00 into a NUL that cuts C strings
 * short, and neither checks UTF-8 nor bounds the number of pairs
 * (ARCHITECTURE.md pitfall 5).  Here every name and value is checked to be
 * well-formed UTF-8 without NUL, and the counts and sizes are bounded. */
#ifndef KT_FORM_H
#define KT_FORM_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef struct {
    apr_size_t max_body;    /* bytes of the encoded body */
    int max_pairs;          /* name=value pairs */
    apr_size_t max_name;    /* bytes of a decoded name */
    apr_size_t max_value;   /* bytes of a decoded value */
} kt_form_limits;

/* Limits that fit every form of the account and workspace pages. */
extern const kt_form_limits kt_form_default_limits;

typedef enum {
    KT_FORM_OK = 0,
    KT_FORM_TOO_LARGE,   /* the body, a name or a value is over its limit: 413 */
    KT_FORM_TOO_MANY,    /* more pairs than max_pairs: 413 */
    KT_FORM_BAD_ESCAPE,  /* '%' not followed by two hex digits: 400 */
    KT_FORM_NUL,         /* a NUL byte, raw or as %00: 400 */
    KT_FORM_BAD_UTF8     /* a decoded name or value is not UTF-8: 400 */
} kt_form_status;

typedef struct {
    const char *name;
    const char *value;   /* "" for "name" or "name=" */
} kt_form_pair;

typedef struct kt_form {
    apr_array_header_t *pairs;   /* of kt_form_pair, in the order sent */
} kt_form;

/* Decodes body[0..len) ('+' is a space, %XX a byte) into *out.  Empty
 * segments ("a=1&&b=2") are skipped.  On any status but KT_FORM_OK, *out
 * is left NULL: a form is used whole or not at all. */
kt_form_status kt_form_decode(apr_pool_t *p, const char *body, apr_size_t len,
                              const kt_form_limits *lim, kt_form **out);

/* The first value of name, or NULL when the form has no such pair. */
const char *kt_form_get(const kt_form *f, const char *name);

/* Every value of name in order (checkbox groups, repeated fields). */
apr_array_header_t *kt_form_values(apr_pool_t *p, const kt_form *f, const char *name);

/* 1 when a Content-Type header names application/x-www-form-urlencoded (any
 * case, parameters allowed, but a charset other than UTF-8 is not: we
 * would misread the bytes).  0 otherwise, also for NULL. */
int kt_form_content_type_ok(const char *content_type);

/* Short English text for logs. */
const char *kt_form_status_text(kt_form_status st);

#endif
