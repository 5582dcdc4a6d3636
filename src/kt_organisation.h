/* Public organisation profiles. */
#ifndef KT_ORGANISATION_H
#define KT_ORGANISATION_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_activity.h"

/* Adds <organisation> for an approved organisation, then for every kind with
 * a list of an organisation's published items (kt_kind_ops.by_org) a
 * <published kind segment> with that list. */
kt_db_status kt_organisation_profile(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     xmlNodePtr parent, kt_found *found);

/* GET /{lang}/organisations: the directory of approved organisations (q,
 * municipality, type, page). */
int kt_page_organisations(kt_req *kr, const char *arg);

/* Built when the module starts (post_config): the directory's statements,
 * from its filter table (kt_directory.h); and their addresses, for the check
 * of labels.  NULL, or why the module cannot start. */
const char *kt_organisations_init(apr_pool_t *p);
const kt_stmt *const *kt_organisations_statements(int *n);

#endif
