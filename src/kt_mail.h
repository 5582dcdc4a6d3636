/* Emails, written to the outbox table (sql/005_accounts.sql) in the
 * transaction of the change that causes them; `kt-admin send-mail` delivers
 * them.  Plain text in the recipient's language, composed by kt_mailtext.h. */
#ifndef KT_MAIL_H
#define KT_MAIL_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_mailtext.h"

/* Queues one email.  vars ends with a {NULL, NULL} entry; link may be NULL.
 * Must run inside the caller's transaction (kt_db_begin). */
kt_db_status kt_mail_queue(kt_req *kr, kt_db *db, const char *to, kt_lang lang,
                           const char *kind, const char *link, const kt_mail_var *vars);

/* The absolute URL of a path of this site, from KotoutuminenBaseURL (or,
 * when it is not set, from this request's scheme and Host). */
const char *kt_site_url(kt_req *kr, const char *path);

#endif
