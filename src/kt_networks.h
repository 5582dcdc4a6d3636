/* Networks of organisations (issue 12 item 4): their public pages, their
 * member organisations and the routes that change them.  The network's
 * content goes through the lifecycle engine (the kind kt_kind_network,
 * src/kt_kinds.c); its members do not (no versions, no moderation), but
 * every change is one transaction with its audit line and its mail to the
 * other side.
 *
 *   GET  /{lang}/networks                       list (q, municipality, region,
 *                                                audience, page)
 *   GET  /{lang}/networks/{id}                   one network, its members
 *   POST /{lang}/manage/networks/{id}/members    the coordinator: organisation,
 *                                                action=add|approve|decline|remove
 *   GET/POST /{lang}/manage/networks/{id}/join   an organisation's main user asks
 *                                                to join (organisation)
 *   POST /{lang}/manage/networks/{id}/leave      its main user leaves, or takes
 *                                                back a request (organisation) */
#ifndef KT_NETWORKS_H
#define KT_NETWORKS_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_engine.h"

int kt_page_networks(kt_req *kr, const char *arg);
int kt_page_network(kt_req *kr, const char *arg);
int kt_page_network_members(kt_req *kr, const char *arg);
int kt_page_network_join(kt_req *kr, const char *arg);
int kt_page_network_leave(kt_req *kr, const char *arg);

/* <networks><network id role="coordinator|member"><title lang/></network>…:
 * the public networks an organisation coordinates or belongs to. */
kt_db_status kt_networks_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                                xmlNodePtr parent);

/* <network-memberships><membership network-id organisation-id status>
 * <network lang/><organisation/></membership>…: the networks the person's
 * organisations belong to or asked to join (the workspace); then
 * <network-requests><network id count><title lang/></network>…: the networks
 * an organisation of which the person is an active main user coordinates,
 * with the number of requests to join waiting (none: not listed). */
kt_db_status kt_networks_workspace(kt_req *kr, kt_db *db, xmlNodePtr parent);

/* The editor page's part (kt_kind_ops.extra): <network-members> with each
 * member and request, the organisations that can be added, the form state
 * of the member buttons and their notice. */
kt_db_status kt_networks_members_xml(kt_req *kr, kt_db *db, const kt_listing_meta *m,
                                     xmlNodePtr parent);

/* Built at start-up (kt_kind_ops.init): the statements of the list's filter
 * table (its search, the check of its codes, q's expansion), and their list
 * for the check of labels (kt_kind_ops.statements). */
const char *kt_networks_init(apr_pool_t *p);
const kt_stmt *const *kt_networks_statements(int *n);

#endif
