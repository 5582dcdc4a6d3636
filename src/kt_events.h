/* Events and trainings for professionals and volunteers, as the public sees
 * them (ROUTES.md):
 *   GET /{lang}/events            upcoming ones, soonest first (past=1: ended ones,
 *                                 newest first); the filters q, type, audience,
 *                                 municipality, region, online=1, free=1, from, to,
 *                                 page (400s as the activity search gives them)
 *   GET /{lang}/events/{id}       one event (an ended one says so); 404, 410
 *   GET /{lang}/events/{id}.ics   its calendar file
 *   GET /feed/events.xml          the partner feed (FEED.md), with /feed/events.xsd
 *   GET /feed/events.atom?lang=   Atom 1.0 of the newest
 * and the lists other pages show: the front page's next events, an
 * organisation's events. */
#ifndef KT_EVENTS_H
#define KT_EVENTS_H

#include "kt_private.h"
#include "kt_db.h"
#include <libxml/tree.h>

#define KT_EVENTS_NS "urn:kotoutuminen:feed:events:1"

/* Builds the statements of the filter table kt_event_filters: the list
 * page's, the feed's, and those that check codes and read q (post_config);
 * their addresses for the check of labels. */
const char *kt_events_init(apr_pool_t *p);
const kt_stmt *const *kt_events_statements(int *n);

int kt_page_events(kt_req *kr, const char *arg);
int kt_page_event(kt_req *kr, const char *arg);
int kt_ics_event(kt_req *kr, const char *arg);
int kt_feed_events_xml(kt_req *kr, const char *arg);
int kt_feed_events_atom(kt_req *kr, const char *arg);

/* <next-events> with the soonest upcoming events (cards), for the front page. */
kt_db_status kt_events_next(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent);

/* <events> of an organisation's public events (cards). */
kt_db_status kt_events_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org,
                              xmlNodePtr parent);

#endif
