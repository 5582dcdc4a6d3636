/* The page cache (issue 15 item 1): public pages as rendered, kept in httpd's
 * socache (shmcb) and served again while the public data's generation
 * (sql/024_page_cache.sql) is the one they were rendered under and their
 * time has not run out.  Each child keeps a watcher thread LISTENing on the
 * database, which puts the generation into shared memory; a child whose
 * watcher is not connected neither serves nor stores.  HACKING.md "Page
 * cache" tells what is stored and under which key. */
#ifndef KT_PCACHE_H
#define KT_PCACHE_H

#include "kt_private.h"

struct kt_db;

/* A page being rendered for the cache: what was known when it began. */
typedef struct kt_pcache_req {
    const char *key;
    apr_int64_t generation;
    apr_time_t next_change;
} kt_pcache_req;

/* Directives (mod_kotoutuminen.c's table). */
const char *kt_pcache_set(cmd_parms *cmd, void *dc, const char *arg);
const char *kt_pcache_set_max_age(cmd_parms *cmd, void *dc, const char *arg);

/* Hooks. */
void kt_pcache_pre_config(apr_pool_t *pconf);
int kt_pcache_post_config(apr_pool_t *pconf, server_rec *s);
void kt_pcache_child_init(apr_pool_t *pchild, server_rec *s);

/* Whether this request's server has a cache that knows the generation now. */
int kt_pcache_usable(request_rec *r);

/* A GET of a cacheable page, keyed by key: serves the entry and returns OK
 * (the request is answered), or returns DECLINED and sets kr->pcache so that
 * kt_pcache_store keeps what is rendered.  Notes kt-cache hit or miss. */
int kt_pcache_lookup(kt_req *kr, const char *key);

/* Called by kt_send_page with a 200 page about to be sent: when kr->pcache
 * is set and nothing personal was added on the way (a session, a cookie,
 * no-store), gives the page its ETag and Cache-Control and stores it.
 * Returns 1 when the client's If-None-Match matched (send a 304, no body). */
int kt_pcache_store(kt_req *kr, const char *ctype, const char *html, apr_size_t len);

/* The page being rendered is not to be stored (it carries a form token). */
void kt_pcache_forget(kt_req *kr);

/* After a write of this request (a POST that used the database): reads the
 * generation in the request's own connection into shared memory, so that the
 * very next request on this node sees it. */
void kt_pcache_after_write(kt_req *kr);

/* Reads the generation in db (a request's connection) into shared memory:
 * kt_pcache_after_write, and /health, which so brings the node up to date
 * whenever it is asked (a load balancer's poll, a test after a change made
 * by hand), beside the notifications. */
void kt_pcache_refresh(struct kt_db *db);

/* Sets the request note kt-cache (hit, miss, stored, bypass). */
void kt_pcache_note(request_rec *r, const char *what);

#endif
