/* The search index (issue 15 item 2): each child keeps the bitmaps of the
 * public listings (src/lib/kt_facets.h) for the generation of the listings it
 * read them under, and matches, counts and orders a search from them when
 * that is the generation the request sees.  A thread of the child reads them
 * again, on a connection borrowed from its pool, when a request sees another
 * generation; until then requests use the database as before, so nothing is
 * ever answered from older listings.  HACKING.md "Search index". */
#ifndef KT_SINDEX_H
#define KT_SINDEX_H

#include "kt_private.h"
#include "kt_facets.h"

/* Directive KotoutuminenSearchIndex On|Off (default On). */
const char *kt_sindex_set(cmd_parms *cmd, void *dc, int on);

/* Hooks: forgets the directives of the last reading; starts the builder
 * thread, which reads the listings at once when the directive said whose. */
void kt_sindex_pre_config(apr_pool_t *pconf);
void kt_sindex_child_init(apr_pool_t *pchild, server_rec *s);

/* The index of the listings' generation `generation` for request r's
 * server, until r's pool goes; NULL when this child has none of that
 * generation: the builder is then asked to read it, and the request waits
 * for it up to wait_ms (a text search: the database's way takes seconds on
 * 100 000 listings, the index's two).  The wait ends early when a build
 * fails, when the index is of listings newer than the request saw, or when the
 * builder has waited 100 ms for a pool connection (the waiting requests may
 * hold them all). */
const kt_facets *kt_sindex_acquire(request_rec *r, apr_int64_t generation, int wait_ms);

/* The access log's word for how a search was counted (%{kt-search}n): index,
 * or db when any of its counts came from the database. */
void kt_sindex_note(request_rec *r, const char *how);

#endif
