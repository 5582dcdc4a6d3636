/* Public organisation profiles. */
#ifndef KT_ORGANISATION_H
#define KT_ORGANISATION_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_activity.h"

/* Adds <organisation> and <projects> for an approved organisation. */
kt_db_status kt_organisation_profile(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     xmlNodePtr parent, kt_found *found);

#endif
