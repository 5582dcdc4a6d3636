/* The mail outbox; see kt_mail.h. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_core.h>
#include "kt_mail.h"
#include "kt_http.h"

static const kt_stmt STMT_QUEUE KT_STMT_LISTED = { "kt_mail_queue",
    "INSERT INTO mail_outbox (kind, recipient, lang, subject, body)"
    " VALUES (%s, %s, %s, %s, %s)" };

const char *kt_site_url(kt_req *kr, const char *path)
{
    if (kr->conf->base_url) {
        return apr_pstrcat(kr->r->pool, kr->conf->base_url, path, NULL);
    }
    return ap_construct_url(kr->r->pool, path, kr->r);
}

kt_db_status kt_mail_queue(kt_req *kr, kt_db *db, const char *to, kt_lang lang,
                           const char *kind, const char *link, const kt_mail_var *vars)
{
    const char *subject, *body, *args[5];
    int missing = 0;

    kt_mail_compose(kr->r->pool, kt_render_catalog(kr->conf->render), lang, kind, link, vars,
                    kt_site_url(kr, "/"), &subject, &body, &missing);
    if (missing) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, kr->r,
                      "KT0203: %d UI message(s) of mail %s missing from the %s catalog",
                      missing, kind, kt_lang_codes[lang]);
    }
    args[0] = kind;
    args[1] = to;
    args[2] = kt_lang_codes[lang];
    args[3] = subject;
    args[4] = body;
    return kt_db_exec(db, &STMT_QUEUE, NULL, 5, args);
}
