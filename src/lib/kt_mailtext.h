/* The text of an email (HACKING.md, "Mail"): subject and body from the
 * catalogs in the recipient's language, {placeholders} filled in.  Pure: the
 * module (kt_mail.c) and the command-line companion (kt-admin daily) write
 * their mails with the same words and layout.
 *
 *   mail.greeting               "Hei {name},"  (mail.greeting.plain "Hei," when
 *                               vars have no {name}: mail to an address nobody has
 *                               confirmed yet never carries what a stranger typed)
 *   mail.<kind>.body            the message, with {placeholders}
 *   <link>                      on a line of its own, when there is one
 *   mail.<kind>.note            optional: a line after the link
 *   "-- ", site.name, the site's address
 *
 * and mail.<kind>.subject, on one line. */
#ifndef KT_MAILTEXT_H
#define KT_MAILTEXT_H

#include <apr_pools.h>
#include "kt_i18n.h"

typedef struct {
    const char *name;    /* {name} in the texts */
    const char *value;
} kt_mail_var;

/* text with every {name} of vars replaced; unknown {names} stay as they
 * are.  vars ends with a {NULL, NULL} entry. */
char *kt_mail_fill(apr_pool_t *p, const char *text, const kt_mail_var *vars);

/* Subject and body of a mail of `kind` to a reader of lang.  link may be
 * NULL; site_url is the site's address for the signature.  A message the
 * catalog lacks is written as its key and counted in *missing. */
void kt_mail_compose(apr_pool_t *p, const kt_catalog *cat, kt_lang lang, const char *kind,
                     const char *link, const kt_mail_var *vars, const char *site_url,
                     const char **subject, const char **body, int *missing);

#endif
