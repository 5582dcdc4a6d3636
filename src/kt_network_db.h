/* Networks in the database (sql/020_networks.sql): one version's content as
 * a kt_network, saving a version, the codes only the database knows, the
 * editor's vocabularies.  The network kind's descriptor (kt_kinds.c) hands
 * these to the engine. */
#ifndef KT_NETWORK_DB_H
#define KT_NETWORK_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_network.h"

/* One version's content; *found 0 when there is no such version. */
kt_db_status kt_network_version_load(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     kt_network *n, const char **rules, int *found);

/* Writes n as version `version` of network id.  In a transaction. */
kt_db_status kt_network_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *author, const kt_network *n,
                                     const char *rules);

/* The audiences, region and municipalities against the database. */
kt_db_status kt_network_check_codes(kt_db *db, apr_pool_t *p, kt_network *n,
                                    kt_listing_err err, void *baton, int *problems);

/* The editor's <options>: audiences, region, municipalities (group: the
 * region's code). */
kt_db_status kt_network_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent);

#endif
