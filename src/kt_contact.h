/* The contact form (issue 14, ROUTES.md "Public"): feedback to the
 * service's moderators, also the feedback channel of the accessibility
 * statement.  A message is stored (contact_messages), mailed to every
 * moderator through the outbox, and listed in /moderation until a moderator
 * marks it handled.  Page types contact (the form, and after sending
 * <notice code="contact_sent"/>) and moderation-contact.
 *
 * Throttled per client address and per reply address; nothing is ever
 * mailed to the reply address a stranger types. */
#ifndef KT_CONTACT_H
#define KT_CONTACT_H

#include "kt_private.h"
#include "kt_db.h"

/* GET/POST /{lang}/contact */
int kt_page_contact(kt_req *kr, const char *arg);

/* GET/POST /{lang}/moderation/contact/{id}: one message; POST
 * action=handled marks it handled. */
int kt_page_contact_message(kt_req *kr, const char *id);

/* <contact-queue><message id created topic lang><name/><email/>
 * <excerpt/></message>…</contact-queue>: messages not handled yet, oldest
 * first, for the moderation queue. */
kt_db_status kt_contact_queue(kt_req *kr, kt_db *db, xmlNodePtr parent);

#endif
