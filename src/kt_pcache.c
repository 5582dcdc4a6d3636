/* The page cache; see kt_pcache.h and HACKING.md "Page cache".
 *
 * Built as httpd's own socache users are (mod_authn_socache, mod_ssl's
 * session cache): the provider is looked up and created when the directive
 * is read, initialised in post_config with a global mutex around it when it
 * is not safe across processes (shmcb), and the mutex is reattached in each
 * child.  Beside it, an anonymous shared memory segment holds what this node
 * knows of the database: the public generation and the instant a page next
 * changes by time alone.  Each child's watcher thread LISTENs for the
 * generation's notifications on a connection of its own and writes them
 * there; a POST of this node writes them too, before its answer goes out. */
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <apr_strings.h>
#include <apr_shm.h>
#include <apr_thread_proc.h>
#include <apr_global_mutex.h>
#include <ap_provider.h>
#include <ap_socache.h>
#include <util_mutex.h>
#include <http_protocol.h>
#include <libpq-fe.h>
#include "kt_pcache.h"
#include "kt_db.h"
#include "kt_http.h"
#include "kt_etag.h"
#include "kt_pagecache.h"

#define PC_MUTEX "kt-pagecache"
#define PC_DEFAULT_MAX_AGE 300
/* The largest page kept (pages are 20-120 kB): the buffer a lookup reads into. */
#define PC_MAX_ENTRY (512 * 1024)
/* The watcher wakes at least this often: to see that its child is stopping,
 * and that the time of the next change has come. */
#define PC_WAKE_MS 1000
#define PC_REREAD_MS 100

typedef struct {
    apr_int64_t generation;     /* -1: not known yet */
    apr_time_t next_change;
} pc_shared;

/* Set while the configuration is read (the directives) and in post_config,
 * before any child starts; read-only afterwards, except the two flags below,
 * which belong to this child and its watcher. */
static struct {
    const ap_socache_provider_t *provider;    /* NULL: no cache */
    ap_socache_instance_t *instance;
    server_rec *server;          /* the first server of the directive: its database is watched */
    const char *spec;            /* the directive's argument */
    apr_array_header_t *servers; /* every server of the directive (server_rec *) */
    apr_time_t max_age;
    apr_global_mutex_t *mutex;   /* around the provider and the shared state */
    apr_shm_t *shm;
    pc_shared *shared;
} pc;

static volatile int watcher_ok;       /* this child's watcher knows the generation */
static volatile int watcher_stop;

/* ---- directives --------------------------------------------------------- */

void kt_pcache_pre_config(apr_pool_t *pconf)
{
    memset(&pc, 0, sizeof(pc));
    pc.max_age = apr_time_from_sec(PC_DEFAULT_MAX_AGE);
    ap_mutex_register(pconf, PC_MUTEX, NULL, APR_LOCK_DEFAULT, 0);
}

/* KotoutuminenPageCache shmcb:/path(bytes) | shmcb | none */
const char *kt_pcache_set(cmd_parms *cmd, void *dc, const char *arg)
{
    const char *sep = strchr(arg, ':'), *name, *err;
    (void)dc;

    if (strcasecmp(arg, "none") == 0) {
        pc.provider = NULL;
        return NULL;
    }
    if (pc.provider) {
        /* the same cache for several virtual hosts of the site (:80 and :443) */
        if (strcmp(arg, pc.spec) != 0) {
            return "KotoutuminenPageCache: one cache per httpd; another server names another";
        }
        APR_ARRAY_PUSH(pc.servers, server_rec *) = cmd->server;
        return NULL;
    }
    name = sep ? apr_pstrmemdup(cmd->temp_pool, arg, (apr_size_t)(sep - arg)) : arg;
    pc.provider = ap_lookup_provider(AP_SOCACHE_PROVIDER_GROUP, name,
                                     AP_SOCACHE_PROVIDER_VERSION);
    if (!pc.provider) {
        return apr_psprintf(cmd->pool, "KotoutuminenPageCache: unknown socache provider '%s'"
                            " (is mod_socache_%s loaded?)", name, name);
    }
    err = pc.provider->create(&pc.instance, sep ? sep + 1 : NULL, cmd->temp_pool, cmd->pool);
    if (err) {
        pc.provider = NULL;
        return apr_pstrcat(cmd->pool, "KotoutuminenPageCache: ", err, NULL);
    }
    pc.server = cmd->server;
    pc.spec = apr_pstrdup(cmd->pool, arg);
    pc.servers = apr_array_make(cmd->pool, 2, sizeof(server_rec *));
    APR_ARRAY_PUSH(pc.servers, server_rec *) = cmd->server;
    return NULL;
}

const char *kt_pcache_set_max_age(cmd_parms *cmd, void *dc, const char *arg)
{
    apr_int64_t v = apr_atoi64(arg);
    (void)dc;
    if (v < 1 || v > 86400 || strspn(arg, "0123456789") != strlen(arg)) {
        return apr_psprintf(cmd->pool, "%s takes seconds, 1 to 86400",
                            cmd->directive->directive);
    }
    pc.max_age = apr_time_from_sec(v);
    return NULL;
}

/* ---- start-up ----------------------------------------------------------- */

static apr_status_t destroy_cache(void *data)
{
    (void)data;
    if (pc.provider && pc.instance) {
        pc.provider->destroy(pc.instance, pc.server);
        pc.instance = NULL;
    }
    return APR_SUCCESS;
}

int kt_pcache_post_config(apr_pool_t *pconf, server_rec *s)
{
    /* Pages of 20-120 kB: shmcb sizes its subcaches from this (an object must
     * fit in one), instead of its default of 150 bytes. */
    static const struct ap_socache_hints hints = { 256, 48 * 1024, 300 };
    apr_status_t rv;

    if (!pc.provider) {
        return OK;
    }
    rv = ap_global_mutex_create(&pc.mutex, NULL, PC_MUTEX, NULL, s, pconf, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s, "KT2501: cannot create the page cache's mutex");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    rv = pc.provider->init(pc.instance, PC_MUTEX, &hints, s, pconf);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s, "KT2502: cannot initialise the page cache");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    apr_pool_cleanup_register(pconf, NULL, destroy_cache, apr_pool_cleanup_null);
    rv = apr_shm_create(&pc.shm, sizeof(pc_shared), NULL, pconf);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s,
                     "KT2503: cannot create the page cache's shared memory");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    pc.shared = apr_shm_baseaddr_get(pc.shm);
    pc.shared->generation = -1;
    pc.shared->next_change = 0;
    return OK;
}

/* ---- the shared state ----------------------------------------------------- */

/* How shared_store takes a value. */
#define PC_NEWER_OR_SAME 0   /* never back: a read overtaken by a newer one of another
                              * process does not undo it */
#define PC_NEWER 1           /* a generation already known keeps its next change (the
                              * notification of this node's own write, which the request
                              * that made it has read) */
#define PC_ANY 2             /* a watcher's first read on a new connection: the database
                              * may be another (restored) one, whose generation is lower */

static void shared_store(apr_int64_t generation, apr_time_t next_change, int how)
{
    if (apr_global_mutex_lock(pc.mutex) != APR_SUCCESS) {
        return;
    }
    if (how == PC_ANY || generation > pc.shared->generation
        || (how == PC_NEWER_OR_SAME && generation == pc.shared->generation)) {
        pc.shared->generation = generation;
        pc.shared->next_change = next_change;
    }
    apr_global_mutex_unlock(pc.mutex);
}

static void shared_write(apr_int64_t generation, apr_time_t next_change)
{
    shared_store(generation, next_change, PC_NEWER_OR_SAME);
}

/* "generation", "next change in microseconds since the epoch" as the
 * database says them (kt_public_state). */
static int parse_state(const char *g, const char *t, apr_int64_t *gen, apr_time_t *next)
{
    if (!g || !t || !*g || !*t) {
        return 0;
    }
    *gen = apr_atoi64(g);
    *next = (apr_time_t)apr_atoi64(t);
    return *gen > 0;
}

/* ---- the watcher ------------------------------------------------------------ */

/* The watcher's statements are plain PQexec on a connection of its own, not
 * kt_stmt: that connection is not mod_dbd's, and it runs two fixed
 * statements, neither with a parameter. */
#define STATE_SQL "SELECT generation, next_change FROM kt_public_state()"

static int read_state(PGconn *conn, apr_time_t *next, int how)
{
    PGresult *res = PQexec(conn, STATE_SQL);
    apr_int64_t gen;
    int ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1
             && parse_state(PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1), &gen, next);

    PQclear(res);
    if (ok) {
        shared_store(gen, *next, how);
    }
    return ok;
}

static void nap(int ms)
{
    while (ms > 0 && !watcher_stop) {
        apr_sleep(apr_time_from_msec(ms < 100 ? ms : 100));
        ms -= 100;
    }
}

/* The notifications libpq holds (read from the socket by PQconsumeInput, or
 * while a statement's result was read): each generation goes into the shared
 * state at once, with a next change of now, so that nothing rendered
 * meanwhile is stored; read_state then reads the real one.  1 when any. */
static int drain_notifications(PGconn *conn)
{
    PGnotify *n;
    int any = 0;

    while ((n = PQnotifies(conn)) != NULL) {
        apr_int64_t g = apr_atoi64(n->extra);
        if (g > 0) {
            shared_store(g, apr_time_now(), PC_NEWER);
        }
        any = 1;
        PQfreemem(n);
    }
    return any;
}

/* One connection's life: LISTEN first, then read (a change between the two
 * is then read or notified, never lost); then wait for notifications.  Those
 * that arrive while the state is read are taken before waiting again: libpq
 * has already read them off the socket, which poll() would not wake for. */
static void watch(server_rec *s, PGconn *conn)
{
    apr_time_t next = 0, read_at = apr_time_now();
    PGresult *res = PQexec(conn, "LISTEN kt_public");
    int ok = PQresultStatus(res) == PGRES_COMMAND_OK;

    PQclear(res);
    if (!ok || !read_state(conn, &next, PC_ANY)) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     "KT2504: page cache watcher cannot read the public generation: %s",
                     PQerrorMessage(conn));
        return;
    }
    watcher_ok = 1;
    while (!watcher_stop) {
        struct pollfd fd = { PQsocket(conn), POLLIN, 0 };
        apr_time_t left;
        int ms;

        /* (the time again no more than every PC_REREAD_MS: with a clock a bit
         * ahead of the database's, the database still says the same instant) */
        if (drain_notifications(conn)
            || (apr_time_now() >= next
                && apr_time_now() - read_at >= apr_time_from_msec(PC_REREAD_MS))) {
            if (!read_state(conn, &next, PC_NEWER_OR_SAME)) {
                break;
            }
            read_at = apr_time_now();
            continue;
        }
        left = next - apr_time_now();
        ms = left <= 0 ? PC_REREAD_MS : left < apr_time_from_msec(PC_WAKE_MS)
                                        ? (int)apr_time_as_msec(left) + 1 : PC_WAKE_MS;
        if (poll(&fd, 1, ms) < 0 && errno != EINTR) {
            break;
        }
        if (fd.revents && !PQconsumeInput(conn)) {
            break;
        }
    }
    watcher_ok = 0;
    if (!watcher_stop) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     "KT2505: page cache watcher lost its database connection; "
                     "pages are rendered without the cache until it is back");
    }
}

static void *APR_THREAD_FUNC watcher(apr_thread_t *t, void *data)
{
    server_rec *s = data;
    apr_pool_t *p;
    const char *const *keywords = NULL, *const *values = NULL;

    apr_pool_create(&p, NULL);
    while (!watcher_stop) {
        PGconn *conn;

        if (!keywords && kt_db_conninfo(s, p, &keywords, &values) != KT_DB_OK) {
            nap(PC_WAKE_MS);
            continue;
        }
        conn = PQconnectdbParams(keywords, values, 0);
        if (PQstatus(conn) == CONNECTION_OK) {
            watch(s, conn);
        }
        PQfinish(conn);
        nap(PC_WAKE_MS);
    }
    apr_pool_destroy(p);
    /* Returning ends the thread as apr_thread_exit would (apr_thread_join
     * sees it), without pthread_exit's unwinding, after which AddressSanitizer
     * reported the thread's end as a stack overflow. */
    (void)t;
    return NULL;
}

static apr_status_t stop_watcher(void *data)
{
    apr_status_t rv;
    watcher_stop = 1;
    apr_thread_join(&rv, data);
    return APR_SUCCESS;
}

void kt_pcache_child_init(apr_pool_t *pchild, server_rec *s)
{
    apr_thread_t *t;
    apr_status_t rv;

    if (!pc.provider) {
        return;
    }
    rv = apr_global_mutex_child_init(&pc.mutex, apr_global_mutex_lockfile(pc.mutex), pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s,
                     "KT2506: page cache mutex unusable in this child; the cache is off here");
        return;
    }
    watcher_stop = 0;
    rv = apr_thread_create(&t, NULL, watcher, pc.server, pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s,
                     "KT2507: cannot start the page cache watcher; the cache is off here");
        return;
    }
    /* A pre-cleanup: the thread's own pool is a child of pchild, which
     * apr_pool_destroy destroys before it runs pchild's ordinary cleanups. */
    apr_pool_pre_cleanup_register(pchild, t, stop_watcher);
}

/* ---- requests ----------------------------------------------------------------- */

void kt_pcache_note(request_rec *r, const char *what)
{
    apr_table_setn(r->notes, "kt-cache", what);
}

int kt_pcache_usable(request_rec *r)
{
    int i;

    if (!pc.provider || !pc.instance || !watcher_ok) {
        return 0;
    }
    for (i = 0; i < pc.servers->nelts; i++) {
        if (APR_ARRAY_IDX(pc.servers, i, server_rec *) == r->server) {
            return 1;
        }
    }
    return 0;
}

static int set_header(void *rec, const char *key, const char *value)
{
    request_rec *r = rec;
    if (strcasecmp(key, "Content-Type") == 0) {
        ap_set_content_type(r, value);
    }
    else {
        apr_table_addn(r->headers_out, key, value);
    }
    return 1;
}

static int serve(request_rec *r, const kt_pc_entry *e)
{
    apr_table_do(set_header, r, e->headers, NULL);
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    kt_pcache_note(r, "hit");
    if (kt_http_not_modified(r, e->etag, 0)) {
        r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    r->status = HTTP_OK;
    ap_set_content_length(r, (apr_off_t)e->body_len);
    if (!r->header_only) {
        ap_rwrite(e->body, (int)e->body_len, r);
    }
    return OK;
}

int kt_pcache_lookup(kt_req *kr, const char *key)
{
    request_rec *r = kr->r;
    unsigned char *buf;
    unsigned int len = PC_MAX_ENTRY;
    apr_int64_t gen;
    apr_time_t next;
    apr_status_t rv;
    kt_pc_entry e;

    if (!kt_pcache_usable(r) || apr_global_mutex_lock(pc.mutex) != APR_SUCCESS) {
        kt_pcache_note(r, "bypass");
        return DECLINED;
    }
    buf = apr_palloc(r->pool, PC_MAX_ENTRY);
    gen = pc.shared->generation;
    next = pc.shared->next_change;
    rv = pc.provider->retrieve(pc.instance, r->server, (const unsigned char *)key,
                               (unsigned int)strlen(key), buf, &len, r->pool);
    apr_global_mutex_unlock(pc.mutex);
    if (gen < 0) {
        kt_pcache_note(r, "bypass");
        return DECLINED;
    }
    if (rv == APR_SUCCESS && kt_pc_decode(r->pool, (const char *)buf, len, &e)
        && e.generation == gen && apr_time_now() < e.expires) {
        return serve(r, &e);
    }
    kr->pcache = apr_palloc(r->pool, sizeof(*kr->pcache));
    kr->pcache->key = key;
    kr->pcache->generation = gen;
    kr->pcache->next_change = next;
    kt_pcache_note(r, "miss");
    return DECLINED;
}

/* apr_table_do callback: 0 (stop) at a header that makes a page personal. */
static int impersonal(void *rec, const char *key, const char *value)
{
    (void)rec;
    return !(strcasecmp(key, "Set-Cookie") == 0
             || (strcasecmp(key, "Cache-Control") == 0 && ap_strstr_c(value, "no-store")));
}

/* The headers every answer gets anyway (kt_http_security_headers), the ones
 * made again when it is sent, and the validators set on a hit. */
static int kept_header(const char *key)
{
    static const char *const skip[] = {
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
        "X-Frame-Options", "Permissions-Policy", "Strict-Transport-Security",
        "Content-Length", "ETag", "Cache-Control", NULL };
    int i;
    for (i = 0; skip[i]; i++) {
        if (strcasecmp(key, skip[i]) == 0) {
            return 0;
        }
    }
    return 1;
}

static int copy_kept(void *rec, const char *key, const char *value)
{
    if (kept_header(key)) {
        apr_table_addn(rec, key, value);
    }
    return 1;
}

int kt_pcache_store(kt_req *kr, const char *ctype, const char *html, apr_size_t len)
{
    request_rec *r = kr->r;
    kt_pcache_req *want = kr->pcache;
    kt_pc_entry e;
    const char *parts[2];
    apr_time_t now = apr_time_now();

    if (!want) {
        return 0;
    }
    kr->pcache = NULL;
    if (kr->session || !apr_table_do(impersonal, NULL, r->headers_out, NULL)
        || !apr_table_do(impersonal, NULL, r->err_headers_out, NULL)) {
        kt_pcache_note(r, "bypass");
        return 0;
    }
    parts[0] = apr_ltoa(r->pool, (long)want->generation);
    parts[1] = html;
    e.etag = kt_etag_make(r->pool, parts, 2);
    e.generation = want->generation;
    e.expires = kt_pc_expires(now, want->next_change, pc.max_age);
    e.headers = apr_table_make(r->pool, 8);
    apr_table_setn(e.headers, "Content-Type", ctype);
    apr_table_do(copy_kept, e.headers, r->headers_out, NULL);
    apr_table_do(copy_kept, e.headers, r->err_headers_out, NULL);
    e.body = html;
    e.body_len = len;
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    if (kt_pcache_usable(r) && e.expires > now && len < PC_MAX_ENTRY - 4096) {
        apr_size_t n;
        char *buf = kt_pc_encode(r->pool, &e, &n);
        apr_status_t rv = APR_EGENERAL;

        if (n <= PC_MAX_ENTRY && apr_global_mutex_lock(pc.mutex) == APR_SUCCESS) {
            rv = pc.provider->store(pc.instance, r->server, (const unsigned char *)want->key,
                                    (unsigned int)strlen(want->key), e.expires,
                                    (unsigned char *)buf, (unsigned int)n, r->pool);
            apr_global_mutex_unlock(pc.mutex);
        }
        kt_pcache_note(r, rv == APR_SUCCESS ? "stored" : "miss");
    }
    return kt_http_not_modified(r, e.etag, 0);
}

void kt_pcache_forget(kt_req *kr)
{
    if (kr->pcache) {
        kr->pcache = NULL;
        kt_pcache_note(kr->r, "bypass");
    }
}

static const kt_stmt STMT_STATE KT_STMT_LISTED = { "kt_pcache_state", STATE_SQL };

void kt_pcache_after_write(kt_req *kr)
{
    kt_db *db;

    if (pc.shared && kr->r->method_number == M_POST && (db = kt_db_current(kr->r)) != NULL) {
        kt_pcache_refresh(db);
    }
}

void kt_pcache_refresh(kt_db *db)
{
    const char *c[2];
    int found = 0;
    apr_int64_t gen;
    apr_time_t next;

    if (!pc.provider || !pc.shared) {
        return;
    }
    if (kt_db_row(db, &STMT_STATE, 0, NULL, 2, c, &found) == KT_DB_OK && found
        && parse_state(c[0], c[1], &gen, &next)) {
        shared_write(gen, next);
    }
}
