/* The list of every listing of a kind owned by no organisation (news),
 * which moderators write: GET /{lang}/moderation/SEGMENT (?page=N), each
 * with its state and times, and the way to write a new one (ROUTES.md).
 * What an organisation's workspace list is for its own kinds. */
#ifndef KT_DESK_H
#define KT_DESK_H

#include "kt_private.h"

#define KT_DESK_PAGE 50
#define KT_DESK_MAX_PAGE 10000

int kt_page_listing_desk(kt_req *kr, const char *arg);

#endif
