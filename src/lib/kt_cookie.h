/* Cookie header parsing and Set-Cookie values.  Pure, unit-tested. */
#ifndef KT_COOKIE_H
#define KT_COOKIE_H

#include <apr_pools.h>

/* The value of the first cookie called name in a Cookie request header
 * ("a=1; b=2"), or NULL.  Surrounding double quotes are removed. */
const char *kt_cookie_get(apr_pool_t *p, const char *header, const char *name);

/* A Set-Cookie value for our own cookies: always Path=/, HttpOnly and
 * SameSite=Lax; Secure when asked (the site is served over TLS).  A
 * session cookie (no Max-Age) unless expire_now, which deletes it. */
char *kt_cookie_make(apr_pool_t *p, const char *name, const char *value, int secure,
                     int expire_now);

#endif
