/* Email texts; see kt_mailtext.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_mailtext.h"
#include "kt_text.h"

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

/* A subject is one header line: whatever the one text rule refuses in a
 * line (kt_text_char_ok: controls, U+2028, …) becomes a space, and so does a
 * malformed byte.  The outbox's CHECK refuses the same, so a title stored
 * before the rule can never make a mail, and the decision that sends it,
 * fail. */
static char *one_line(apr_pool_t *p, const char *s)
{
    apr_size_t len = strlen(s), i = 0, n;
    char *out = apr_palloc(p, len + 1), *o = out;
    unsigned long cp;

    while (i < len) {
        n = kt_utf8_next(s + i, len - i, &cp);
        if (!n || !kt_text_char_ok(cp, 0)) {
            *o++ = ' ';
            i += n ? n : 1;
            continue;
        }
        memcpy(o, s + i, n);
        o += n;
        i += n;
    }
    *o = '\0';
    return out;
}

/* The name to greet with, or NULL: {name} among vars, not empty. */
static const char *greeted(const kt_mail_var *vars)
{
    for (; vars && vars->name; vars++) {
        if (strcmp(vars->name, "name") == 0) {
            return vars->value && *vars->value ? vars->value : NULL;
        }
    }
    return NULL;
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
        text(cat, lang, greeted(vars) ? "mail.greeting" : "mail.greeting.plain", missing),
        "\n\n",
        text(cat, lang, apr_pstrcat(p, "mail.", kind, ".body", NULL), missing), "\n\n",
        link ? link : "", link ? "\n\n" : "",
        note ? note : "", note ? "\n\n" : "",
        "-- \n", text(cat, lang, "site.name", missing), "\n", site_url, "\n", NULL);
    *body = kt_mail_fill(p, b, vars);
}
