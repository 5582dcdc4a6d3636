/* Funded development projects (PRODUCT.md, "Projects"), public pages of
 * ROUTES.md: GET /{lang}/projects and GET /{lang}/projects/{id}.  A project
 * is public while its organisation is approved. */
#ifndef KT_PROJECTS_H
#define KT_PROJECTS_H

#include "kt_private.h"

int kt_page_projects(kt_req *kr, const char *arg);
int kt_page_project(kt_req *kr, const char *id);

#endif
