/* Moderation of organisations (ROUTES.md, "Moderation"): the queue of those
 * waiting, oldest first, and those waiting for their applicant's answer;
 * one organisation with its decision — approve, reject (a reason is required,
 * and emailed) or ask for more information (kt_orgquestion.h); the audit log
 * of every decision with its filters and CSV export (src/kt_auditlog.c).
 * Page types moderation, moderation-org and moderation-log, rendered by
 * xslt/moderation.xsl.  Only moderators reach these handlers (the route
 * table asks for KT_MODERATOR). */
#ifndef KT_MODERATION_H
#define KT_MODERATION_H

#include "kt_private.h"

int kt_page_moderation(kt_req *kr, const char *arg);
int kt_page_moderation_org(kt_req *kr, const char *id);
int kt_page_moderation_log(kt_req *kr, const char *arg);

#endif
