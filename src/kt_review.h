/* Moderation of listings (ROUTES.md):
 *   GET /{lang}/moderation                    the queue; listings waiting are added
 *                                             by kt_review_queue
 *   GET/POST /{lang}/moderation/activities/{id}
 *                                             review: the submitted version beside the
 *                                             published one, field by field; the rules
 *                                             the author confirmed; POST decision=
 *                                             approve|return|reject with a reason
 * Every decision is one transaction: the listing's state, the audit line
 * with the version it concerned, and the emails to its organisation. */
#ifndef KT_REVIEW_H
#define KT_REVIEW_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

/* <listing-queue> of the listings waiting, oldest first, under parent. */
kt_db_status kt_review_queue(kt_req *kr, kt_db *db, xmlNodePtr parent);

int kt_page_review(kt_req *kr, const char *id);

#endif
