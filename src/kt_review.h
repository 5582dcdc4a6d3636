/* Moderation of listings of every kind (ROUTES.md; the route is made from
 * each kind's descriptor, kr->kind):
 *   GET/POST /{lang}/moderation/SEGMENT/{id}
 *        review: the submitted version beside the published one, field by
 *        field; the rules the author confirmed; POST decision=
 *        approve|return|reject with a reason
 * The queue of every kind is kt_engine_queue's.  Every decision is one
 * transaction: the listing's state, the audit line with the version it
 * concerned, and the emails to its organisation (kt_engine_decide). */
#ifndef KT_REVIEW_H
#define KT_REVIEW_H

#include "kt_private.h"

int kt_page_review(kt_req *kr, const char *id);

#endif
