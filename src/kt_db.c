/* Database access; see kt_db.h.
 *
 * Why not mod_dbd's DBDPrepareSQL: apr_dbd_pgsql reconnects a broken
 * connection with PQreset and calls it healthy, but the new server session
 * has none of the statements prepared on the old one (ARCHITECTURE.md
 * pitfall 1).  We prepare lazily into the connection's own `prepared` hash and
 * remember which server process (PQbackendPID) they belong to: when that
 * changes, they are forgotten and prepared again.  A statement that fails on a
 * broken connection is retried once after a reset, so the first request after
 * a PostgreSQL restart already succeeds. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <libpq-fe.h>
#include "kt_private.h"
#include "kt_db.h"
#include "kt_labels.h"
#include "mod_dbd.h"   /* after apr_dbd.h, which it needs */

struct kt_db {
    request_rec *r;
    ap_dbd_t *dbd;
    apr_dbd_transaction_t *txn;
    PGresult *streamed;           /* the row kt_db_stream is handing over */
};

/* Key under which the backend PID is kept in ap_dbd_t->prepared; a colon
 * cannot occur in a statement label. */
#define BACKEND_KEY "kt:backend_pid"
#define LABEL_PREFIX "kt_"

static APR_OPTIONAL_FN_TYPE(ap_dbd_acquire) *dbd_acquire;
static APR_OPTIONAL_FN_TYPE(ap_dbd_open) *dbd_open;
static APR_OPTIONAL_FN_TYPE(ap_dbd_close) *dbd_close;

/* Settings for every server session, given when we first meet it (and again
 * after a reset, which is a new session).  No parallel workers: starting them
 * costs more than our statements take, and under load every core is already
 * busy with another request.  No JIT: compiling a plan takes tens of
 * milliseconds, more than any of our statements runs.
 *
 * Plans: PostgreSQL's default (plan_cache_mode = auto) keeps a generic plan of
 * a prepared statement once it is as good as planning for the values, so a
 * page's fixed lookups are not planned again on every request (that was most
 * of the database's time on an activity page).  Statements whose plan depends
 * on their values (optional filters, "$1 IS NULL OR col && $1": the search) go
 * through kt_db_select_custom instead, which plans them for the values every
 * time. */
static const char SESSION_SETUP[] =
    "SET max_parallel_workers_per_gather = 0; SET jit = off";

int kt_db_init(void)
{
    dbd_acquire = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_acquire);
    dbd_open = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_open);
    dbd_close = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_close);
    return dbd_acquire != NULL;
}

static PGconn *native(kt_db *db)
{
    return apr_dbd_native_handle(db->dbd->driver, db->dbd->handle);
}

/* The value of a "NAME:  value" line of a verbose libpq error message, or "". */
static const char *error_field(apr_pool_t *p, const char *msg, const char *name)
{
    const char *at = msg;
    apr_size_t n = strlen(name);

    while (at && *at) {
        if (strncmp(at, name, n) == 0 && strncmp(at + n, ":  ", 3) == 0) {
            return apr_pstrmemdup(p, at + n + 3, strcspn(at + n + 3, "\n"));
        }
        at = strchr(at, '\n');
        at = at ? at + 1 : NULL;
    }
    return "";
}

/* What a failed statement may say in the error log: its SQLSTATE and the
 * table and constraint it concerns, never the message itself, which carries
 * the values of the row ("Failing row contains (…)": a password hash, an
 * email address, a person's text).  The connection reports verbosely
 * (sync_backend), which puts the SQLSTATE after the severity and the names on
 * lines of their own. */
static const char *error_summary(kt_db *db, apr_pool_t *p)
{
    PGconn *conn = native(db);
    const char *msg = conn ? PQerrorMessage(conn) : NULL, *colon, *state = "?";
    const char *table, *constraint;

    if (!msg || !*msg) {
        return "no message";
    }
    colon = strstr(msg, ":  ");
    if (colon && strspn(colon + 3, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5
        && colon[8] == ':') {
        state = apr_pstrmemdup(p, colon + 3, 5);
    }
    table = error_field(p, msg, "TABLE NAME");
    constraint = error_field(p, msg, "CONSTRAINT NAME");
    return apr_pstrcat(p, "SQLSTATE ", state, *table ? ", table " : "", table,
                       *constraint ? ", constraint " : "", constraint, NULL);
}

/* Forget our statements when the connection now talks to another backend. */
static void sync_backend(kt_db *db)
{
    apr_hash_t *prepared = db->dbd->prepared;
    PGconn *conn = native(db);
    int pid = conn ? PQbackendPID(conn) : 0;
    int *known = apr_hash_get(prepared, BACKEND_KEY, APR_HASH_KEY_STRING);
    apr_hash_index_t *hi;

    if (!known) {
        known = apr_pcalloc(db->dbd->pool, sizeof(*known));
        apr_hash_set(prepared, BACKEND_KEY, APR_HASH_KEY_STRING, known);
    }
    if (*known == pid) {
        return;
    }
    for (hi = apr_hash_first(db->r->pool, prepared); hi; hi = apr_hash_next(hi)) {
        const void *key;
        apr_hash_this(hi, &key, NULL, NULL);
        if (strncmp(key, LABEL_PREFIX, sizeof(LABEL_PREFIX) - 1) == 0) {
            apr_hash_set(prepared, key, APR_HASH_KEY_STRING, NULL);
        }
    }
    *known = pid;
    if (conn) {
        /* SQLSTATE and constraint names on lines of their own (error_summary) */
        PQsetErrorVerbosity(conn, PQERRORS_VERBOSE);
    }
    if (pid && apr_dbd_query(db->dbd->driver, db->dbd->handle, &(int){ 0 }, SESSION_SETUP) != 0) {
        /* slower plans, not wrong answers: go on */
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, db->r, "KT0106: session setup failed: %s",
                      error_summary(db, db->r->pool));
    }
}

/* custom: an unnamed statement, which apr_dbd_pgsql sends with its values
 * (PQexecParams), so the server parses and plans it for them each time; else a
 * named one, prepared on the server once per session. */
static apr_dbd_prepared_t *statement(kt_db *db, const kt_stmt *st, int custom)
{
    apr_dbd_prepared_t *ps = apr_hash_get(db->dbd->prepared, st->label, APR_HASH_KEY_STRING);

    if (ps) {
        return ps;
    }
    /* In the connection's pool: the statement lives as long as it does.  Kept
     * under its label either way, so that it is converted only once. */
    if (apr_dbd_prepare(db->dbd->driver, db->dbd->pool, db->dbd->handle, st->sql,
                        custom ? NULL : st->label, &ps) != 0) {
        return NULL;
    }
    apr_hash_set(db->dbd->prepared, st->label, APR_HASH_KEY_STRING, ps);
    return ps;
}

static int connection_ok(kt_db *db)
{
    PGconn *conn = native(db);
    return conn && PQstatus(conn) == CONNECTION_OK;
}

static kt_db_status run(kt_db *db, apr_pool_t *pool, const kt_stmt *st, int custom,
                        kt_rows **res, int *affected, int nargs, const char *const *args)
{
    request_rec *r = db->r;
    int attempt;

    for (attempt = 0; attempt < 2; attempt++) {
        apr_dbd_prepared_t *ps;
        int rv = -1, n = 0;

        sync_backend(db);
        ps = statement(db, st, custom);
        if (ps && res) {
            *res = NULL;
            /* random=1: random=0 sleeps on empty results and hides errors */
            rv = apr_dbd_pselect(db->dbd->driver, pool, db->dbd->handle, res, ps, 1,
                                 nargs, (const char **)args);
        }
        else if (ps) {
            rv = apr_dbd_pquery(db->dbd->driver, r->pool, db->dbd->handle, &n, ps,
                                nargs, (const char **)args);
        }
        if (rv == 0) {
            if (affected) {
                *affected = n;
            }
            return KT_DB_OK;
        }
        if (connection_ok(db)) {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0101: statement %s failed: %s",
                          st->label, error_summary(db, r->pool));
            return KT_DB_ERROR;
        }
        /* Inside a transaction earlier statements are lost with the
         * connection: the caller must start again, not us. */
        if (db->txn || attempt > 0
            || apr_dbd_check_conn(db->dbd->driver, r->pool, db->dbd->handle) != APR_SUCCESS) {
            break;
        }
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "KT0102: database connection was reset, retrying %s", st->label);
    }
    ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r,
                  "KT0103: database unavailable while running %s", st->label);
    return KT_DB_UNAVAILABLE;
}

static apr_status_t rollback_open_txn(void *data)
{
    kt_db *db = data;
    if (db->txn) {
        apr_dbd_transaction_mode_set(db->dbd->driver, db->txn, APR_DBD_TRANSACTION_ROLLBACK);
        apr_dbd_transaction_end(db->dbd->driver, db->r->pool, db->txn);
        db->txn = NULL;
    }
    return APR_SUCCESS;
}

kt_db_status kt_db_open(request_rec *r, kt_db **out)
{
    request_rec *main_r = r;
    kt_db *db;
    ap_dbd_t *dbd;

    while (main_r->main) {
        main_r = main_r->main;
    }
    db = ap_get_module_config(main_r->request_config, &kotoutuminen_module);
    if (db) {
        *out = db;
        return KT_DB_OK;
    }
    dbd = dbd_acquire ? dbd_acquire(r) : NULL;
    if (!dbd) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r,
                      "KT0104: no database connection available");
        return KT_DB_UNAVAILABLE;
    }
    db = apr_pcalloc(main_r->pool, sizeof(*db));
    db->r = main_r;
    db->dbd = dbd;
    /* Registered after mod_dbd's release cleanup, so it runs before it:
     * a connection never goes back to the pool inside a transaction. */
    apr_pool_cleanup_register(main_r->pool, db, rollback_open_txn, apr_pool_cleanup_null);
    ap_set_module_config(main_r->request_config, &kotoutuminen_module, db);
    *out = db;
    return KT_DB_OK;
}

kt_db *kt_db_current(request_rec *r)
{
    while (r->main) {
        r = r->main;
    }
    return ap_get_module_config(r->request_config, &kotoutuminen_module);
}

kt_db_status kt_db_conninfo(server_rec *s, apr_pool_t *p, const char *const **keywords,
                            const char *const **values)
{
    ap_dbd_t *dbd = dbd_open ? dbd_open(p, s) : NULL;
    PGconn *conn = dbd ? apr_dbd_native_handle(dbd->driver, dbd->handle) : NULL;
    PQconninfoOption *opts = conn ? PQconninfo(conn) : NULL, *o;
    apr_array_header_t *k, *v;

    if (opts) {
        k = apr_array_make(p, 16, sizeof(const char *));
        v = apr_array_make(p, 16, sizeof(const char *));
        for (o = opts; o->keyword; o++) {
            if (o->val && *o->val) {
                APR_ARRAY_PUSH(k, const char *) = apr_pstrdup(p, o->keyword);
                APR_ARRAY_PUSH(v, const char *) = apr_pstrdup(p, o->val);
            }
        }
        APR_ARRAY_PUSH(k, const char *) = NULL;
        APR_ARRAY_PUSH(v, const char *) = NULL;
        *keywords = (const char *const *)k->elts;
        *values = (const char *const *)v->elts;
        PQconninfoFree(opts);
    }
    if (dbd) {
        dbd_close(s, dbd);
    }
    return opts ? KT_DB_OK : KT_DB_UNAVAILABLE;
}

PGconn *kt_db_borrow(server_rec *s, apr_pool_t *p, void **held)
{
    ap_dbd_t *dbd = dbd_open ? dbd_open(p, s) : NULL;

    *held = dbd;
    return dbd ? apr_dbd_native_handle(dbd->driver, dbd->handle) : NULL;
}

void kt_db_give_back(server_rec *s, void *held)
{
    if (held) {
        dbd_close(s, held);
    }
}

kt_db_status kt_db_select(kt_db *db, const kt_stmt *stmt, kt_rows **res,
                          int nargs, const char *const *args)
{
    return run(db, db->r->pool, stmt, 0, res, NULL, nargs, args);
}

kt_db_status kt_db_select_custom(kt_db *db, const kt_stmt *stmt, kt_rows **res,
                                 int nargs, const char *const *args)
{
    return run(db, db->r->pool, stmt, 1, res, NULL, nargs, args);
}

kt_db_status kt_db_select_custom_p(kt_db *db, apr_pool_t *p, const kt_stmt *stmt,
                                   kt_rows **res, int nargs, const char *const *args)
{
    return run(db, p, stmt, 1, res, NULL, nargs, args);
}

kt_db_status kt_db_select_p(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, kt_rows **res,
                            int nargs, const char *const *args)
{
    return run(db, p, stmt, 0, res, NULL, nargs, args);
}

kt_db_status kt_db_exec(kt_db *db, const kt_stmt *stmt, int *affected,
                        int nargs, const char *const *args)
{
    return run(db, db->r->pool, stmt, 0, NULL, affected, nargs, args);
}

int kt_db_next(kt_db *db, kt_rows *res, apr_dbd_row_t **row)
{
    return apr_dbd_get_row(db->dbd->driver, db->r->pool, res, row, -1) == 0;
}

const char *kt_db_get(kt_db *db, apr_dbd_row_t *row, int col)
{
    /* apr_dbd_get_entry gives "" for SQL NULL with the pgsql driver;
     * apr_dbd_datum_get tells NULL apart (APR_ENOENT). */
    char *value = NULL;

    if (!row) {
        /* kt_db_stream's row */
        if (!db->streamed || col < 0 || col >= PQnfields(db->streamed)
            || PQgetisnull(db->streamed, 0, col)) {
            return NULL;
        }
        return PQgetvalue(db->streamed, 0, col);
    }

    if (apr_dbd_datum_get(db->dbd->driver, row, col, APR_DBD_TYPE_STRING, &value) != APR_SUCCESS) {
        return NULL;
    }
    return value;
}

/* APR DBD's placeholders as libpq's, as apr_dbd_pgsql converts them: %s is
 * $1, $2, … in order, %% is %; every other character as it is. */
static const char *numbered_sql(apr_pool_t *p, const char *sql)
{
    char *out = apr_palloc(p, strlen(sql) * 2 + 1), *o = out;
    int n = 0;

    for (; *sql; sql++) {
        if (sql[0] == '%' && sql[1] == 's') {
            o += apr_snprintf(o, 12, "$%d", ++n);
            sql++;
        }
        else if (sql[0] == '%' && sql[1] == '%') {
            *o++ = '%';
            sql++;
        }
        else {
            *o++ = *sql;
        }
    }
    *o = '\0';
    return out;
}

/* Reads and drops what is left of the answer, so that the connection is
 * idle again for apr_dbd. */
static void stream_drain(PGconn *conn)
{
    PGresult *res;

    while ((res = PQgetResult(conn)) != NULL) {
        PQclear(res);
    }
}

kt_db_status kt_db_stream(kt_db *db, const kt_stmt *stmt, int nargs, const char *const *args,
                          kt_db_row_fn fn, void *ctx, int *rows)
{
    PGconn *conn;
    PGresult *res;
    kt_db_status st = KT_DB_OK;
    int more = 1;

    *rows = 0;
    if (!db->txn) {
        return KT_DB_ERROR;
    }
    sync_backend(db);
    conn = native(db);
    /* an unnamed statement with its values, as apr_dbd_pgsql sends one that
     * is planned for them (kt_db_select_custom) */
    if (!conn || !PQsendQueryParams(conn, numbered_sql(db->r->pool, stmt->sql), nargs, NULL,
                                    args, NULL, NULL, 0)) {
        st = connection_ok(db) ? KT_DB_ERROR : KT_DB_UNAVAILABLE;
    }
    else if (!PQsetSingleRowMode(conn)) {
        stream_drain(conn);
        st = KT_DB_ERROR;
    }
    while (st == KT_DB_OK && (res = PQgetResult(conn)) != NULL) {
        ExecStatusType rs = PQresultStatus(res);
        if (rs == PGRES_SINGLE_TUPLE && more) {
            db->streamed = res;
            more = fn(ctx, db, NULL);
            db->streamed = NULL;
            (*rows)++;
        }
        else if (rs != PGRES_SINGLE_TUPLE && rs != PGRES_TUPLES_OK) {
            st = connection_ok(db) ? KT_DB_ERROR : KT_DB_UNAVAILABLE;
        }
        /* the rows after a stop are read and dropped */
        PQclear(res);
    }
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, st == KT_DB_UNAVAILABLE ? APLOG_WARNING : APLOG_ERR, 0, db->r,
                      "KT2601: statement %s failed while streaming: %s", stmt->label,
                      error_summary(db, db->r->pool));
        if (conn) {
            stream_drain(conn);
        }
    }
    return st;
}

kt_db_status kt_db_value(kt_db *db, const kt_stmt *stmt, const char **value,
                         int nargs, const char *const *args)
{
    kt_rows *res = NULL;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);

    *value = NULL;
    if (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *v = kt_db_get(db, row, 0);
        *value = v ? apr_pstrdup(db->r->pool, v) : NULL;
        while (kt_db_next(db, res, &row)) {
            /* drain, so the result is cleared */
        }
    }
    return st;
}

kt_db_status kt_db_row(kt_db *db, const kt_stmt *stmt, int nargs, const char *const *args,
                       int ncols, const char **cols, int *found)
{
    kt_rows *res = NULL;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);
    int c;

    *found = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        for (c = 0; !*found && c < ncols; c++) {
            const char *v = kt_db_get(db, row, c);
            cols[c] = v ? apr_pstrdup(db->r->pool, v) : NULL;
        }
        *found = 1;   /* later rows are read to the end and ignored */
    }
    return st;
}

/* Names under the connection pool's user data, apart from APR's own. */
#define CONN_DATA_PREFIX "kotoutuminen:"

void *kt_db_conn_data(kt_db *db, const char *name)
{
    void *data = NULL;
    apr_pool_userdata_get(&data, apr_pstrcat(db->r->pool, CONN_DATA_PREFIX, name, NULL),
                          db->dbd->pool);
    return data;
}

void kt_db_conn_set_data(kt_db *db, const char *name, void *data)
{
    /* APR copies a new key into the pool, and keeps it for a known one */
    apr_pool_userdata_set(data, apr_pstrcat(db->r->pool, CONN_DATA_PREFIX, name, NULL),
                          NULL, db->dbd->pool);
}

apr_pool_t *kt_db_conn_pool(kt_db *db)
{
    return db->dbd->pool;
}

kt_db_status kt_db_begin(kt_db *db)
{
    sync_backend(db);
    if (apr_dbd_transaction_start(db->dbd->driver, db->r->pool, db->dbd->handle, &db->txn) != 0) {
        db->txn = NULL;
        if (!connection_ok(db)
            && apr_dbd_check_conn(db->dbd->driver, db->r->pool, db->dbd->handle) == APR_SUCCESS
            && apr_dbd_transaction_start(db->dbd->driver, db->r->pool, db->dbd->handle,
                                         &db->txn) == 0) {
            return KT_DB_OK;
        }
        db->txn = NULL;
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, db->r, "KT0105: cannot begin a transaction");
        return KT_DB_UNAVAILABLE;
    }
    return KT_DB_OK;
}

kt_db_status kt_db_end(kt_db *db, int rollback)
{
    if (!db->txn) {
        return KT_DB_ERROR;
    }
    /* apr_dbd_pgsql itself rolls back when a statement inside failed */
    if (rollback) {
        apr_dbd_transaction_mode_set(db->dbd->driver, db->txn, APR_DBD_TRANSACTION_ROLLBACK);
    }
    if (apr_dbd_transaction_end(db->dbd->driver, db->r->pool, db->txn) != 0) {
        db->txn = NULL;
        return connection_ok(db) ? KT_DB_ERROR : KT_DB_UNAVAILABLE;
    }
    db->txn = NULL;
    return KT_DB_OK;
}

kt_db_status kt_db_finish(kt_db *db, kt_db_status st)
{
    kt_db_status end = kt_db_end(db, st != KT_DB_OK);
    return st != KT_DB_OK ? st : end;
}

kt_db_status kt_db_begin_snapshot(kt_db *db)
{
    /* A constant run with apr_dbd_query, not a kt_stmt: apr_dbd_pgsql prepares
     * with SQL PREPARE, which does not take utility statements. */
    static const char sql[] = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
    int n = 0;
    kt_db_status st = kt_db_begin(db);

    if (st != KT_DB_OK) {
        return st;
    }
    if (apr_dbd_query(db->dbd->driver, db->dbd->handle, &n, sql) != 0) {
        int ok = connection_ok(db);
        ap_log_rerror(APLOG_MARK, ok ? APLOG_ERR : APLOG_WARNING, 0, db->r,
                      "KT0620: cannot start a read-only snapshot: %s",
                      error_summary(db, db->r->pool));
        kt_db_end(db, 1);
        return ok ? KT_DB_ERROR : KT_DB_UNAVAILABLE;
    }
    return KT_DB_OK;
}

/* The section of KT_STMT_LISTED statements: the linker names its bounds. */
extern const kt_stmt __start_kt_stmts[] __attribute__((weak, visibility("hidden")));
extern const kt_stmt __stop_kt_stmts[] __attribute__((weak, visibility("hidden")));

const char *kt_db_check_labels(apr_pool_t *p, const kt_stmt *const *more, int n)
{
    apr_array_header_t *labels = apr_array_make(p, 128, sizeof(const char *));
    const kt_stmt *s;
    int i;

    for (s = __start_kt_stmts; s && s < __stop_kt_stmts; s++) {
        /* a gap the linker left for alignment reads as zeros */
        if (s->label || s->sql) {
            APR_ARRAY_PUSH(labels, const char *) = s->label;
        }
    }
    if (!labels->nelts) {
        return "no statements found in the kt_stmts section (was the module linked with"
               " a linker that names section bounds?)";
    }
    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(labels, const char *) = more[i]->label;
    }
    return kt_labels_check(p, (const char *const *)labels->elts, labels->nelts);
}
