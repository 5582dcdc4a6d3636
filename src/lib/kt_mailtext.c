/* Email texts; see kt_mailtext.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_mailtext.h"

/* The variable named by text[0..n), or NULL. */
static const kt_mail_var *find_var(const kt_mail_var *vars, const char *name, apr_size_t n)
{
    for (; vars && vars->name; vars++) {
        if (strlen(vars->name) == n && strncmp(vars->name, name, n) == 0) {
            return vars;
        }
    }
    return NULL;
}

char *kt_mail_fill(apr_pool_t *p, const char *text, const kt_mail_var *vars)
{
    char *out = "";
    const char *s = text;

    for (;;) {
        const char *open = strchr(s, '{'), *close = open ? strchr(open, '}') : NULL;
        const kt_mail_var *v;
        if (!close) {
            return apr_pstrcat(p, out, s, NULL);
        }
        v = find_var(vars, open + 1, (apr_size_t)(close - open - 1));
        out = apr_pstrcat(p, out, apr_pstrmemdup(p, s, (apr_size_t)(open - s)),
                          v ? (v->value ? v->value : "")
                            : apr_pstrmemdup(p, open, (apr_size_t)(close + 1 - open)), NULL);
        s = close + 1;
    }
}

/* A subject is one header line: control characters a name might carry
 * become spaces (the outbox refuses them anyway). */
static char *one_line(apr_pool_t *p, const char *s)
{
    char *out = apr_pstrdup(p, s), *c;
    for (c = out; *c; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7F) {
            *c = ' ';
        }
    }
    return out;
}

static const char *text(const kt_catalog *cat, kt_lang lang, const char *key, int *missing)
{
    const char *v = cat ? kt_msg(cat, lang, key) : NULL;
    if (!v) {
        (*missing)++;
        return key;
    }
    return v;
}

void kt_mail_compose(apr_pool_t *p, const kt_catalog *cat, kt_lang lang, const char *kind,
                     const char *link, const kt_mail_var *vars, const char *site_url,
                     const char **subject, const char **body, int *missing)
{
    const char *note = cat ? kt_msg(cat, lang, apr_pstrcat(p, "mail.", kind, ".note", NULL))
                           : NULL;
    const char *b;

    *missing = 0;
    *subject = one_line(p, kt_mail_fill(p, text(cat, lang, apr_pstrcat(p, "mail.", kind,
                                                                       ".subject", NULL),
                                                missing), vars));
    b = apr_pstrcat(p,
        text(cat, lang, "mail.greeting", missing), "\n\n",
        text(cat, lang, apr_pstrcat(p, "mail.", kind, ".body", NULL), missing), "\n\n",
        link ? link : "", link ? "\n\n" : "",
        note ? note : "", note ? "\n\n" : "",
        "-- \n", text(cat, lang, "site.name", missing), "\n", site_url, "\n", NULL);
    *body = kt_mail_fill(p, b, vars);
}
