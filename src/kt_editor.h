/* The listing editor of the workspace, for every kind (ROUTES.md; the routes
 * are made from each kind's descriptor, kr->kind):
 *   GET/POST /{lang}/manage/SEGMENT/new    a new listing, saved as a draft
 *   GET/POST /{lang}/manage/SEGMENT/{id}   edit; POST action=save|submit|archive|
 *                                          confirm, and the kind's row buttons
 *                                          (activities: add_slot, add_session,
 *                                          remove_slot_N, remove_session_N)
 * for active members of the listing's approved organisation.  A kind owned
 * by no organisation (news) has the same pages for moderators under
 * /{lang}/moderation/SEGMENT/new and …/{id}, with POST
 * action=save|publish|schedule|withdraw (publish_date and publish_time for a
 * scheduled publication).  Every form carries the revision it was made
 * from: a save on an older one is a 409 that shows the person's text beside
 * the current one. */
#ifndef KT_EDITOR_H
#define KT_EDITOR_H

#include "kt_private.h"

int kt_page_listing_new(kt_req *kr, const char *arg);
int kt_page_listing_edit(kt_req *kr, const char *id);

#endif
