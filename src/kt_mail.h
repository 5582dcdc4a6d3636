/* Emails, written to the outbox table (sql/005_accounts.sql) in the
 * transaction of the change that causes them; `kt-admin send-mail` delivers
 * them.  Plain text in the recipient's language, from the catalogs:
 *
 *   mail.greeting               "Hei {name},"
 *   mail.<kind>.body            the message, with {placeholders}
 *   <link>                      on a line of its own, when there is one
 *   mail.<kind>.note            optional: a line after the link
 *   mail.signature              the site's name, then its address
 *
 * and mail.<kind>.subject. */
#ifndef KT_MAIL_H
#define KT_MAIL_H

#include "kt_private.h"
#include "kt_db.h"

typedef struct {
    const char *name;    /* {name} in the texts */
    const char *value;
} kt_mail_var;

/* Queues one email.  vars ends with a {NULL, NULL} entry; link may be NULL.
 * Must run inside the caller's transaction (kt_db_begin). */
kt_db_status kt_mail_queue(kt_req *kr, kt_db *db, const char *to, kt_lang lang,
                           const char *kind, const char *link, const kt_mail_var *vars);

/* The absolute URL of a path of this site, from KotoutuminenBaseURL (or,
 * when it is not set, from this request's scheme and Host). */
const char *kt_site_url(kt_req *kr, const char *path);

/* text with every {name} of vars replaced; unknown {names} stay as they
 * are.  Pure. */
char *kt_mail_fill(apr_pool_t *p, const char *text, const kt_mail_var *vars);

#endif
