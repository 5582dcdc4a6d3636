/* Funded development projects (PRODUCT.md, "Projects"), public pages of
 * ROUTES.md: GET /{lang}/projects (filters q, funder, objective, active=1,
 * page) and GET /{lang}/projects/{id}, made from the project kind's
 * descriptor (src/kt_kinds.c).  A project is public while its published
 * version is not archived and its organisation is approved; one that has
 * ended stays public, marked as ended. */
#ifndef KT_PROJECTS_H
#define KT_PROJECTS_H

#include "kt_private.h"
#include "kt_db.h"

int kt_page_projects(kt_req *kr, const char *arg);
int kt_page_project(kt_req *kr, const char *id);

/* <projects><project role="run|partner" …/>…</projects>: the public projects
 * organisation org runs or is a partner of (its profile). */
kt_db_status kt_projects_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                xmlNodePtr parent);

/* Built when the module starts (the kind's init): the statements of the
 * list's filter table; and their addresses, for the check of labels. */
const char *kt_projects_init(apr_pool_t *p);
const kt_stmt *const *kt_projects_statements(int *n);

#endif
