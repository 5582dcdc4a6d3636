/* Moderation of organisations (ROUTES.md, "Moderation"): the queue of those
 * waiting, oldest first; one organisation with its approve/reject decision
 * (a reason is required to reject, and emailed); the audit log of every
 * decision.  Page types moderation, moderation-org and moderation-log,
 * rendered by xslt/moderation.xsl.  Only moderators reach these handlers
 * (the route table asks for KT_MODERATOR). */
#ifndef KT_MODERATION_H
#define KT_MODERATION_H

#include "kt_private.h"

int kt_page_moderation(kt_req *kr, const char *arg);
int kt_page_moderation_org(kt_req *kr, const char *id);
int kt_page_moderation_log(kt_req *kr, const char *arg);

#endif
