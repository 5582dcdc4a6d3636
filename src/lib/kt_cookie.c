/* Cookies; see kt_cookie.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_cookie.h"

const char *kt_cookie_get(apr_pool_t *p, const char *header, const char *name)
{
    apr_size_t nlen = strlen(name);
    const char *s = header;

    while (s && *s) {
        const char *end, *val;
        apr_size_t vlen;
        while (*s == ' ' || *s == '\t' || *s == ';' || *s == ',') {
            s++;
        }
        end = s + strcspn(s, ";,");
        if (strncmp(s, name, nlen) == 0 && s[nlen] == '=') {
            val = s + nlen + 1;
            vlen = (apr_size_t)(end - val);
            while (vlen && (val[vlen - 1] == ' ' || val[vlen - 1] == '\t')) {
                vlen--;
            }
            if (vlen >= 2 && val[0] == '"' && val[vlen - 1] == '"') {
                val++;
                vlen -= 2;
            }
            return apr_pstrmemdup(p, val, vlen);
        }
        s = end;
    }
    return NULL;
}

char *kt_cookie_make(apr_pool_t *p, const char *name, const char *value, int secure,
                     int expire_now)
{
    return apr_pstrcat(p, name, "=", expire_now ? "" : value,
                       "; Path=/; HttpOnly; SameSite=Lax",
                       secure ? "; Secure" : "",
                       expire_now ? "; Max-Age=0" : "", NULL);
}
