/* The mail outbox; see kt_mail.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_core.h>
#include "kt_mail.h"
#include "kt_http.h"

static const kt_stmt STMT_QUEUE = { "kt_mail_queue",
    "INSERT INTO mail_outbox (kind, recipient, lang, subject, body)"
    " VALUES (%s, %s, %s, %s, %s)" };

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

const char *kt_site_url(kt_req *kr, const char *path)
{
    if (kr->conf->base_url) {
        return apr_pstrcat(kr->r->pool, kr->conf->base_url, path, NULL);
    }
    return ap_construct_url(kr->r->pool, path, kr->r);
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

kt_db_status kt_mail_queue(kt_req *kr, kt_db *db, const char *to, kt_lang lang,
                           const char *kind, const char *link, const kt_mail_var *vars)
{
    apr_pool_t *p = kr->r->pool;
    const kt_catalog *cat = kt_render_catalog(kr->conf->render);
    const char *note = kt_msg(cat, lang, apr_pstrcat(p, "mail.", kind, ".note", NULL));
    const char *subject, *body, *args[5];

    subject = kt_text_in(kr, lang, apr_pstrcat(p, "mail.", kind, ".subject", NULL));
    body = apr_pstrcat(p,
        kt_text_in(kr, lang, "mail.greeting"), "\n\n",
        kt_text_in(kr, lang, apr_pstrcat(p, "mail.", kind, ".body", NULL)), "\n\n",
        link ? link : "", link ? "\n\n" : "",
        note ? note : "", note ? "\n\n" : "",
        "-- \n", kt_text_in(kr, lang, "site.name"), "\n", kt_site_url(kr, "/"), "\n", NULL);
    args[0] = kind;
    args[1] = to;
    args[2] = kt_lang_codes[lang];
    args[3] = one_line(p, kt_mail_fill(p, subject, vars));
    args[4] = kt_mail_fill(p, body, vars);
    return kt_db_exec(db, &STMT_QUEUE, NULL, 5, args);
}
