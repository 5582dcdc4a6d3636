/* The search index; see kt_sindex.h and HACKING.md "Search index".
 *
 * One index per child, shared by its threads: requests take a reference
 * under a mutex and give it back when their pool goes; the builder thread
 * puts a new one in place under the same mutex, and the last reference to
 * the old one frees it.  The builder reads the listings on a connection it
 * borrows from the child's mod_dbd pool (so that a child opens no more than
 * DBDMax), row by row (libpq's single-row mode), so that reading 100 000
 * listings never holds them all twice. */
#include <string.h>
#include <apr_strings.h>
#include <apr_thread_proc.h>
#include <apr_thread_mutex.h>
#include <apr_thread_cond.h>
#include <libpq-fe.h>
#include "kt_sindex.h"
#include "kt_db.h"
#include "kt_search_sql.h"

#define SX_WAKE_MS 1000      /* the builder looks at least this often whether to stop */
#define SX_RETRY_MS 2000     /* after a failed build, before the next; doubled after each
                                further failure up to SX_RETRY_MAX_MS (mod_dbd logs an
                                error for each connection it cannot open) */
#define SX_RETRY_MAX_MS 60000
#define SX_BORROW_MS 100     /* a request waiting for the index stops waiting once the
                                builder has waited this long for a connection of the pool:
                                the requests waiting may hold them all (DBDMax) */

typedef struct {
    kt_facets *x;
    int refs;                /* requests holding it */
    apr_time_t built_at;
} sx_held;

/* `off` and `servers` are set while the configuration is read; the rest
 * belongs to this child, behind `lock` except `stop`. */
static struct {
    int off;
    apr_array_header_t *servers; /* the servers of "KotoutuminenSearchIndex On" (server_rec *) */
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *wake;     /* the builder's: a request wants another generation */
    apr_thread_cond_t *built;    /* the requests': a build ended, well or not */
    apr_time_t failed_at;        /* when the last build failed; 0 when it did not */
    apr_time_t borrowing_since;  /* the builder waits for a connection since; 0: it does not */
    int building;
    sx_held *current;        /* NULL until the first build */
    server_rec *server;      /* whose database: the directive's first server, else
                                the first that asked */
    apr_int64_t wanted;      /* the generation a request saw last; 0: none yet */
    volatile int stop;
} sx;

void kt_sindex_pre_config(apr_pool_t *pconf)
{
    sx.off = 0;
    sx.servers = apr_array_make(pconf, 2, sizeof(server_rec *));
}

/* On in one or several virtual hosts of the site (:80 and :443), which share
 * a database: their requests share the index, read from the first one's
 * database as soon as a child starts.  Without the directive it is on too,
 * for the first server whose request asks. */
const char *kt_sindex_set(cmd_parms *cmd, void *dc, int on)
{
    (void)dc;
    sx.off = !on;
    if (on) {
        APR_ARRAY_PUSH(sx.servers, server_rec *) = cmd->server;
    }
    return NULL;
}

/* Whether request r may use the index (lock held). */
static int ours(request_rec *r)
{
    int i;

    if (!sx.server) {
        sx.server = r->server;
    }
    for (i = 0; sx.servers && i < sx.servers->nelts; i++) {
        if (APR_ARRAY_IDX(sx.servers, i, server_rec *) == r->server) {
            return 1;
        }
    }
    return r->server == sx.server;
}

/* ---- building ------------------------------------------------------------- */

/* Reads INDEX_ROWS on conn into a new index; NULL when the statement failed
 * (the reason in *err) or the child is stopping. */
static kt_facets *read_index(PGconn *conn, apr_pool_t *p, const char **err)
{
    kt_facets *x = kt_facets_create();
    apr_int64_t generation = -1;
    PGresult *res;
    int ok = x && PQsendQuery(conn, KT_SEARCH_SQL_INDEX_ROWS) && PQsetSingleRowMode(conn);

    *err = NULL;
    while ((res = PQgetResult(conn)) != NULL) {
        ExecStatusType st = PQresultStatus(res);
        if (ok && !sx.stop && st == PGRES_SINGLE_TUPLE) {
            generation = apr_atoi64(PQgetvalue(res, 0, 3));
            if (!PQgetisnull(res, 0, 0)) {
                apr_int64_t id = apr_atoi64(PQgetvalue(res, 0, 0));
                ok = kt_facets_add(x, id, (apr_uint32_t)apr_atoi64(PQgetvalue(res, 0, 5)),
                                   PQgetvalue(res, 0, 1), '\x1e',
                                   (apr_uint32_t)apr_atoi64(PQgetvalue(res, 0, 2)))
                     && kt_facets_add_vector(x, id, PQgetvalue(res, 0, 4));
            }
        }
        else if (st != PGRES_TUPLES_OK && ok) {
            ok = 0;
            *err = apr_pstrdup(p, sx.stop ? "stopping" : PQerrorMessage(conn));
        }
        PQclear(res);
    }
    if (!ok || sx.stop || generation < 0 || !kt_facets_seal(x, generation)) {
        if (!*err) {
            *err = sx.stop ? "stopping" : "a listing id beyond the index's range";
        }
        kt_facets_destroy(x);
        return NULL;
    }
    return x;
}

static kt_facets *build(server_rec *s, apr_pool_t *p)
{
    static int warned;       /* since the last build that worked (the builder's own) */
    const char *err = "no database connection";
    apr_time_t began = apr_time_now();
    kt_facets *x = NULL;
    void *held;
    PGconn *conn;

    apr_thread_mutex_lock(sx.lock);
    sx.borrowing_since = began;
    apr_thread_mutex_unlock(sx.lock);
    conn = kt_db_borrow(s, p, &held);
    apr_thread_mutex_lock(sx.lock);
    sx.borrowing_since = 0;
    apr_thread_mutex_unlock(sx.lock);
    if (conn && PQstatus(conn) == CONNECTION_OK) {
        x = read_index(conn, p, &err);
    }
    kt_db_give_back(s, held);
    if (x) {
        warned = 0;
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, s,
                     "KT2601: search index of generation %" APR_INT64_T_FMT ": %" APR_INT64_T_FMT
                     " listings, %" APR_SIZE_T_FMT " bytes of bitmaps, read in %" APR_TIME_T_FMT
                     " ms", kt_facets_generation(x), kt_facets_rows(x), kt_facets_bytes(x),
                     apr_time_as_msec(apr_time_now() - began));
    }
    else if (!sx.stop && !warned) {
        warned = 1;            /* once: it is tried again every SX_RETRY_MS */
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     "KT2602: cannot read the search index (%s); searches count in the "
                     "database until it is read", err);
    }
    return x;
}

static void drop(sx_held *h)
{
    if (h) {
        kt_facets_destroy(h->x);
        free(h);
    }
}

/* Puts x in place; the one it replaces goes now, or with its last reference. */
static void install(kt_facets *x)
{
    sx_held *h = malloc(sizeof(*h)), *old;

    if (!h) {
        kt_facets_destroy(x);
        return;
    }
    h->x = x;
    h->refs = 0;
    h->built_at = apr_time_now();
    apr_thread_mutex_lock(sx.lock);
    old = sx.current;
    sx.current = h;
    if (sx.wanted == 0 || sx.wanted < kt_facets_generation(x)) {
        sx.wanted = kt_facets_generation(x);   /* newer than asked for: nothing more to do */
    }
    if (old && old->refs > 0) {
        old = NULL;                            /* freed by its last release */
    }
    apr_thread_cond_broadcast(sx.built);
    apr_thread_mutex_unlock(sx.lock);
    drop(old);
}

/* Whether to read the listings (lock held): a request saw a generation other
 * than the index's, or the child has none yet and knows whose database to read. */
static int stale(void)
{
    return sx.server && (!sx.current || (sx.wanted > 0
                                         && kt_facets_generation(sx.current->x) != sx.wanted));
}

static void *APR_THREAD_FUNC builder(apr_thread_t *t, void *data)
{
    apr_pool_t *p;
    int retry_ms = SX_RETRY_MS;

    (void)data;
    apr_pool_create(&p, NULL);
    apr_thread_mutex_lock(sx.lock);
    while (!sx.stop) {
        if (stale()) {
            server_rec *s = sx.server;
            kt_facets *x;
            sx.building = 1;
            apr_thread_mutex_unlock(sx.lock);
            x = build(s, p);
            apr_pool_clear(p);
            if (x) {
                install(x);
            }
            apr_thread_mutex_lock(sx.lock);
            sx.building = 0;
            sx.failed_at = x ? 0 : apr_time_now();
            if (!x) {
                apr_thread_cond_broadcast(sx.built);
            }
            if (!x && !sx.stop) {
                apr_thread_cond_timedwait(sx.wake, sx.lock, apr_time_from_msec(retry_ms));
                retry_ms = retry_ms * 2 > SX_RETRY_MAX_MS ? SX_RETRY_MAX_MS : retry_ms * 2;
            }
            else if (x) {
                retry_ms = SX_RETRY_MS;
            }
            continue;
        }
        apr_thread_cond_timedwait(sx.wake, sx.lock, apr_time_from_msec(SX_WAKE_MS));
    }
    apr_thread_mutex_unlock(sx.lock);
    apr_pool_destroy(p);
    (void)t;
    return NULL;   /* as the page cache's watcher: no apr_thread_exit (AddressSanitizer) */
}

static apr_status_t stop_builder(void *data)
{
    apr_status_t rv;

    apr_thread_mutex_lock(sx.lock);
    sx.stop = 1;
    apr_thread_cond_signal(sx.wake);
    apr_thread_mutex_unlock(sx.lock);
    apr_thread_join(&rv, data);
    drop(sx.current);
    sx.current = NULL;
    return APR_SUCCESS;
}

void kt_sindex_child_init(apr_pool_t *pchild, server_rec *s)
{
    apr_thread_t *t;
    apr_status_t rv;

    if (sx.off) {
        return;
    }
    sx.stop = 0;
    sx.server = sx.servers && sx.servers->nelts ? APR_ARRAY_IDX(sx.servers, 0, server_rec *)
                                                : NULL;
    if ((rv = apr_thread_mutex_create(&sx.lock, APR_THREAD_MUTEX_DEFAULT, pchild)) != APR_SUCCESS
        || (rv = apr_thread_cond_create(&sx.wake, pchild)) != APR_SUCCESS
        || (rv = apr_thread_cond_create(&sx.built, pchild)) != APR_SUCCESS
        || (rv = apr_thread_create(&t, NULL, builder, NULL, pchild)) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s,
                     "KT2603: cannot start the search index's thread; searches count in the "
                     "database");
        sx.lock = NULL;
        return;
    }
    /* before pchild's ordinary cleanups, which destroy the mutex (as the watcher) */
    apr_pool_pre_cleanup_register(pchild, t, stop_builder);
}

/* ---- requests --------------------------------------------------------------- */

/* Whether a request that saw `generation` asks for a new index (lock held).
 * One older than the index's read its stamp before the index was read; only
 * when that goes on (a database restored from a backup) is it read again. */
static int wants(apr_int64_t generation)
{
    return !sx.current || generation > kt_facets_generation(sx.current->x)
           || apr_time_now() - sx.current->built_at > apr_time_from_msec(SX_RETRY_MS);
}

static apr_status_t release(void *data)
{
    sx_held *h = data, *gone = NULL;

    apr_thread_mutex_lock(sx.lock);
    if (--h->refs == 0 && h != sx.current) {
        gone = h;
    }
    apr_thread_mutex_unlock(sx.lock);
    drop(gone);
    return APR_SUCCESS;
}

/* The current index when it is of `generation` (lock held); asks for it
 * otherwise. */
static sx_held *take(apr_int64_t generation)
{
    if (sx.current && kt_facets_generation(sx.current->x) == generation) {
        sx.current->refs++;
        return sx.current;
    }
    if (sx.wanted != generation && wants(generation)) {
        sx.wanted = generation;
        apr_thread_cond_signal(sx.wake);
    }
    return NULL;
}

const kt_facets *kt_sindex_acquire(request_rec *r, apr_int64_t generation, int wait_ms)
{
    apr_time_t began = apr_time_now(), until = began + apr_time_from_msec(wait_ms);
    sx_held *h = NULL;

    if (sx.off || !sx.lock || generation <= 0) {
        return NULL;
    }
    apr_thread_mutex_lock(sx.lock);
    if (!sx.current) {
        apr_thread_cond_signal(sx.wake);       /* the first server that asks, without the directive */
    }
    while (ours(r) && !(h = take(generation))) {
        apr_time_t now = apr_time_now(), slice = apr_time_from_msec(SX_BORROW_MS);
        /* no wait, or its end; the last build failed and none is under way (the
         * database away: its answer comes sooner); an index newer than what the
         * request saw (it read its generation before the index was read); the
         * builder still waiting for a connection, which this request may hold
         * (it gives it back sooner by counting in the database) */
        if (now >= until || (sx.failed_at && !sx.building)
            || (sx.current && kt_facets_generation(sx.current->x) > generation)
            || (sx.borrowing_since && now - sx.borrowing_since >= slice)) {
            break;
        }
        apr_thread_cond_timedwait(sx.built, sx.lock, until - now < slice ? until - now : slice);
    }
    apr_thread_mutex_unlock(sx.lock);
    if (!h) {
        return NULL;
    }
    apr_pool_cleanup_register(r->pool, h, release, apr_pool_cleanup_null);
    return h->x;
}

void kt_sindex_note(request_rec *r, const char *how)
{
    apr_table_setn(r->notes, "kt-search", how);
}
