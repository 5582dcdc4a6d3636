/* The organisation workspace (ROUTES.md, "Organisation workspace"): the
 * person's organisations and roles, and one organisation's profile and
 * people.  Page types manage, org-new, join and manage-org, rendered by
 * xslt/manage.xsl.  Someone who is not an active member of an organisation
 * gets 404 for it, the same as for one that does not exist. */
#ifndef KT_MANAGE_H
#define KT_MANAGE_H

#include "kt_private.h"
#include "kt_org.h"
#include "kt_membership.h"

int kt_page_manage(kt_req *kr, const char *arg);
int kt_page_manage_org(kt_req *kr, const char *id);

#endif
