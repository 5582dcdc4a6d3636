/* Database access through mod_dbd's pooled connections.  Statements are
 * prepared lazily per connection, with labels that are SQL identifiers, and
 * re-prepared when the connection was reset behind our back (pitfall 1).
 * Prepared statements keep a generic plan once PostgreSQL finds it as good as
 * a fresh one (plan_cache_mode auto); kt_db_select_custom is for those that
 * must be planned for their values. */
#ifndef KT_DB_H
#define KT_DB_H

#include <httpd.h>
#include <apr_dbd.h>

typedef struct {
    const char *label;   /* kt_[a-z0-9_]*, unique across the module */
    const char *sql;     /* APR DBD placeholders: %s (text); cast in SQL */
} kt_stmt;

/* Put after the name of every statement defined in a file,
 *     static const kt_stmt STMT_X KT_STMT_LISTED = { "kt_x", "SELECT …" };
 * it places the statement in a section of its own ("kt_stmts"), where
 * kt_db_check_labels finds every one of them when the module starts.  The
 * alignment is that of the type, so the section is an array of kt_stmt. */
#define KT_STMT_LISTED __attribute__((used, section("kt_stmts"), aligned(16)))

/* Checks the label of every statement of the module (those KT_STMT_LISTED
 * and the n `more` built at start-up): NULL when each is a good identifier
 * and used once, else why not (kt_labels.h).  For post_config, which then
 * refuses to start. */
const char *kt_db_check_labels(apr_pool_t *p, const kt_stmt *const *more, int n);

typedef enum {
    KT_DB_OK = 0,
    KT_DB_UNAVAILABLE,   /* no connection: answer 503 */
    KT_DB_ERROR          /* the statement failed: a bug or bad data, 500 */
} kt_db_status;

typedef struct kt_db kt_db;
typedef apr_dbd_results_t kt_rows;

/* Looks up mod_dbd's optional functions; 0 when mod_dbd is not loaded. */
int kt_db_init(void);

/* The request's connection (shared by subrequests), or UNAVAILABLE. */
kt_db_status kt_db_open(request_rec *r, kt_db **out);

/* The request's connection when it has opened one, else NULL (opens none). */
kt_db *kt_db_current(request_rec *r);

/* The connection parameters of server s's mod_dbd pool (libpq keywords and
 * values, NULL-terminated), for a connection of the module's own that the
 * pool must not hand out (LISTEN): borrows one of the pool's connections to
 * read them.  KT_DB_UNAVAILABLE when none can be had. */
kt_db_status kt_db_conninfo(server_rec *s, apr_pool_t *p, const char *const **keywords,
                            const char *const **values);

/* One of server s's pool connections, as libpq's, for a thread of the module's
 * own that reads outside any request (the search index): given back with
 * kt_db_give_back(s, *held).  NULL when none can be had.  The connection
 * counts within DBDMax, so it adds none to the database's. */
struct pg_conn *kt_db_borrow(server_rec *s, apr_pool_t *p, void **held);
void kt_db_give_back(server_rec *s, void *held);

/* Runs a SELECT; args[i] NULL passes SQL NULL. */
kt_db_status kt_db_select(kt_db *db, const kt_stmt *stmt, kt_rows **res,
                          int nargs, const char *const *args);

/* As kt_db_select, for a statement whose best plan depends on its values
 * (optional filters: "$1 IS NULL OR col && $1"): planned for them on every
 * execution, where a prepared statement would settle on a generic plan that
 * uses no index.  Costs a parse and a plan each time.  A statement is run
 * either always this way or never (its label keys the connection's cache). */
kt_db_status kt_db_select_custom(kt_db *db, const kt_stmt *stmt, kt_rows **res,
                                 int nargs, const char *const *args);

/* kt_db_select_custom with the result set in pool p, as kt_db_select_p. */
kt_db_status kt_db_select_custom_p(kt_db *db, apr_pool_t *p, const kt_stmt *stmt,
                                   kt_rows **res, int nargs, const char *const *args);

/* As kt_db_select, with the result set allocated in pool p instead of the
 * request's: a long answer read in chunks clears p after each one, so memory
 * stays flat however many rows the request reads in all. */
kt_db_status kt_db_select_p(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, kt_rows **res,
                            int nargs, const char *const *args);

/* Runs a statement without result rows; *affected may be NULL. */
kt_db_status kt_db_exec(kt_db *db, const kt_stmt *stmt, int *affected,
                        int nargs, const char *const *args);

/* Next row (1) or end (0).  Keep *row between calls; start it at NULL. */
int kt_db_next(kt_db *db, kt_rows *res, apr_dbd_row_t **row);

/* Column col of row as text; NULL for SQL NULL.  Row NULL: the row
 * kt_db_stream is handing to its callback. */
const char *kt_db_get(kt_db *db, apr_dbd_row_t *row, int col);

/* Runs a SELECT planned for its values (as kt_db_select_custom) inside the
 * open transaction and hands its rows to fn one at a time as the server sends
 * them (libpq's single-row mode), for answers too long to hold whole: memory
 * stays that of one row, one statement is planned for all the rows, and the
 * server computes the next rows while the caller writes out this one.  fn
 * reads its row with kt_db_get(db, NULL, col), valid until it returns; it
 * returns 0 to stop (the rest is read and dropped).  *rows: how many it was
 * given.  A failure part-way (KT2601) comes after fn has seen some rows. */
typedef int (*kt_db_row_fn)(void *ctx, kt_db *db, apr_dbd_row_t *row);
kt_db_status kt_db_stream(kt_db *db, const kt_stmt *stmt, int nargs, const char *const *args,
                          kt_db_row_fn fn, void *ctx, int *rows);

/* The first column of the single row of a SELECT, or NULL. */
kt_db_status kt_db_value(kt_db *db, const kt_stmt *stmt, const char **value,
                         int nargs, const char *const *args);

/* The first row of a SELECT as ncols strings (copied; NULL for SQL NULL)
 * into cols, *found 1; *found 0 and cols untouched when there is no row. */
kt_db_status kt_db_row(kt_db *db, const kt_stmt *stmt, int nargs, const char *const *args,
                       int ncols, const char **cols, int *found);

/* Data kept with the connection (in its pool, under a name) from one request
 * to the next, as prepared statements are: for caches whose rows the database
 * tells to be current or not on every use, never for anything that could be
 * stale.  The connection serves one request at a time.  NULL when none yet. */
void *kt_db_conn_data(kt_db *db, const char *name);
void kt_db_conn_set_data(kt_db *db, const char *name, void *data);
apr_pool_t *kt_db_conn_pool(kt_db *db);

/* Transactions: every multi-statement write is one.  end() commits, or
 * rolls back when any statement in it failed or rollback was asked. */
kt_db_status kt_db_begin(kt_db *db);
kt_db_status kt_db_end(kt_db *db, int rollback);

/* Ends the transaction as st says: commit when st is KT_DB_OK, else roll
 * back.  Returns st when it had failed, else the commit's own status. */
kt_db_status kt_db_finish(kt_db *db, kt_db_status st);

/* A READ ONLY transaction with one snapshot for all its statements
 * (REPEATABLE READ): for an answer read in several statements that must
 * agree with each other.  End it with kt_db_end. */
kt_db_status kt_db_begin_snapshot(kt_db *db);

#endif
