/* Decoding application/x-www-form-urlencoded text: a URL's query string or a
 * POSTed form body.  Pure (APR only): no httpd headers, so unit tests and the
 * fuzzer call it directly.
 *
 * Stricter than browsers need to be lenient: a bad percent escape, a NUL byte,
 * another control character (other than tab, line feed and carriage return, which
 * a textarea sends), invalid UTF-8 or more than the limits allow is an error that
 * names the pair, never a silently shortened or dropped value (ARCHITECTURE.md
 * pitfall 5). */
#ifndef KT_QUERY_H
#define KT_QUERY_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef struct {
    int max_pairs;            /* more pairs than this: KT_QUERY_TOO_MANY */
    apr_size_t max_name;      /* bytes of a decoded name */
    apr_size_t max_value;     /* bytes of a decoded value */
} kt_query_limits;

/* One decoded pair.  Both strings are NUL-terminated and contain no NUL. */
typedef struct {
    const char *name;
    const char *value;
    apr_size_t value_len;
} kt_query_pair;

typedef enum {
    KT_QUERY_OK = 0,
    KT_QUERY_TOO_MANY,        /* more pairs than max_pairs */
    KT_QUERY_TOO_LONG,        /* a name or value longer than allowed */
    KT_QUERY_BAD_ESCAPE,      /* '%' not followed by two hex digits */
    KT_QUERY_CONTROL_CHAR,    /* NUL or another control character */
    KT_QUERY_BAD_UTF8         /* not well-formed UTF-8 */
} kt_query_status;

typedef struct {
    kt_query_status status;
    /* Decoded name of the pair at fault when it is itself printable UTF-8,
     * else NULL (the name was the bad part, or the count was exceeded). */
    const char *param;
} kt_query_error;

/* Splits raw[0..len) at '&', each piece at its first '=' (a piece without '=' is
 * a name with an empty value), turns '+' into a space and %XX into its byte.
 * Empty pieces ("a=1&&b=2") are skipped.  On success *pairs is an array of
 * kt_query_pair in the order given (names may repeat) and KT_QUERY_OK is
 * returned; on failure *pairs is NULL and err (which may be NULL) says why.
 * raw may be NULL when len is 0. */
kt_query_status kt_query_parse(apr_pool_t *p, const char *raw, apr_size_t len,
                               const kt_query_limits *limits,
                               apr_array_header_t **pairs, kt_query_error *err);

/* 1 for a tracking parameter that links shared on social media and in
 * newsletters carry (utm_*, fbclid, gclid, mc_cid, mc_eid): every GET page
 * ignores them (ROUTES.md). */
int kt_query_is_tracking(const char *name);

/* The query string raw[0..len) without its tracking pairs (names compared
 * decoded; a pair that does not decode is kept for the parser to refuse), in
 * p; NULL when nothing is left.  raw itself when it has none. */
const char *kt_query_strip_tracking(apr_pool_t *p, const char *raw);

/* The short machine name of a status ("too-long", "invalid-utf8", …), as used in
 * error page documents (HACKING.md) and log lines. */
const char *kt_query_status_name(kt_query_status status);

/* application/x-www-form-urlencoded encoding of s: unreserved characters
 * (A-Z a-z 0-9 - . _ ~) as they are, space as '+', every other byte as %XX. */
char *kt_query_encode(apr_pool_t *p, const char *s);

#endif
