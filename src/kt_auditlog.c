/* The audit log for moderators, GET /{lang}/moderation/log (ROUTES.md): every
 * decision, newest first, 50 a page, filtered by the type of object and a
 * range of days, and the same entries as a CSV file to download
 * (format=csv).  The request is read by src/lib/kt_logquery.c; the
 * statements, which name listings of every kind, are the engine's
 * (kt_engine_log_statement).
 *
 * The export is streamed: it reads the entries 500 at a time after the last
 * one written (its time and id), in one read-only snapshot, into a pool
 * cleared after each chunk, so a log of any length costs the same memory.
 * A database failure half-way cuts the answer off (no last chunk), so that
 * a spreadsheet never gets a silently short file. */
#include <string.h>
#include <apr_strings.h>
#include <apr_buckets.h>
#include <http_protocol.h>
#include <util_filter.h>
#include "kt_moderation.h"
#include "kt_session.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_formpage.h"
#include "kt_engine.h"
#include "kt_logquery.h"
#include "kt_render.h"
#include "kt_i18n.h"

#define LOG_PAGE 50
#define CSV_CHUNK 500
#define MAX_ARGS (MAX_LANG_ARGS + 10)
#define MAX_LANG_ARGS 16

/* Columns of the engine's log statements.  C_ACTOR and C_SUBJECT are NULL
 * for a deleted account, which appears by its pseudonym only (C_ACTOR_PSEUDONYM,
 * C_SUBJECT_PSEUDONYM; sql/009_accounts.sql). */
enum { C_ID, C_AT, C_ACTION, C_TYPE, C_OBJECT, C_REASON, C_ACTOR, C_SUBJECT, C_NAME, C_VERSION,
       C_AT_TEXT, C_ACTOR_PSEUDONYM, C_SUBJECT_PSEUDONYM };

/* What can be filtered by: organisations, people, contact messages and
 * each kind of listing. */
static const char *const *log_types(apr_pool_t *p)
{
    apr_array_header_t *a = apr_array_make(p, 8, sizeof(const char *));
    int i;

    APR_ARRAY_PUSH(a, const char *) = "organisation";
    APR_ARRAY_PUSH(a, const char *) = "user";
    APR_ARRAY_PUSH(a, const char *) = "contact";
    for (i = 0; kt_kinds[i]; i++) {
        APR_ARRAY_PUSH(a, const char *) = kt_kinds[i]->names.name;
    }
    APR_ARRAY_PUSH(a, const char *) = NULL;
    return (const char *const *)a->elts;
}

static const char *log_path(kt_req *kr)
{
    return apr_pstrcat(kr->r->pool, "/", kt_lang_codes[kr->lang], "/moderation/log", NULL);
}

/* 400 naming the wrong parameter; the retry link is the same request
 * without it. */
static int bad_param(kt_req *kr, kt_logquery *q, const kt_logquery_error *err)
{
    const char *param = err->param ? err->param : "";

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, kr->r,
                  "KT0450: audit log parameter %s refused (%s)", param, err->reason);
    if (strcmp(param, "type") == 0) {
        q->type = NULL;
    }
    else if (strcmp(param, "from") == 0) {
        q->from = NULL;
    }
    else if (strcmp(param, "to") == 0) {
        q->to = NULL;
    }
    return kt_send_bad_param(kr, err->param, err->reason, err->value,
                             kt_logquery_href(kr->r->pool, log_path(kr), q, 1,
                                              q->csv && strcmp(param, "format") != 0));
}

/* The statement's arguments: the page's language for each kind's titles,
 * then each filter twice; *n of them. */
static const kt_stmt *log_args(kt_req *kr, const kt_logquery *q, int csv, const char **args,
                               int *n)
{
    int langs = 0, i;
    const kt_stmt *stmt = kt_engine_log_statement(csv, &langs);

    for (i = 0; i < langs && i < MAX_LANG_ARGS; i++) {
        args[i] = kt_lang_codes[kr->lang];
    }
    args[i++] = q->type;
    args[i++] = q->type;
    args[i++] = q->from;
    args[i++] = q->from;
    args[i++] = q->to;
    args[i++] = q->to;
    *n = i;
    return stmt;
}

/* ---- the page ------------------------------------------------------------------------- */

static void add_entry(kt_db *db, apr_pool_t *p, apr_dbd_row_t *row, xmlNodePtr list)
{
    xmlNodePtr e = kt_xml_add(p, list, "entry", NULL);
    const kt_kind_ops *k;
    const char *v;

    kt_xml_attr(p, e, "id", kt_db_get(db, row, C_ID));
    kt_xml_attr(p, e, "at", kt_db_get(db, row, C_AT));
    kt_xml_attr(p, e, "action", kt_db_get(db, row, C_ACTION));
    kt_xml_attr(p, e, "object-type", kt_db_get(db, row, C_TYPE));
    if ((k = kt_engine_named(kt_db_get(db, row, C_TYPE)))) {
        kt_xml_attr(p, e, "segment", k->kind->names.segment);
    }
    kt_xml_attr(p, e, "object-id", kt_db_get(db, row, C_OBJECT));
    /* a deleted account appears by its pseudonym only */
    kt_xml_attr(p, kt_xml_add(p, e, "actor", kt_db_get(db, row, C_ACTOR)), "pseudonym",
                kt_db_get(db, row, C_ACTOR_PSEUDONYM));
    if ((v = kt_db_get(db, row, C_SUBJECT)) || kt_db_get(db, row, C_SUBJECT_PSEUDONYM)) {
        kt_xml_attr(p, kt_xml_add(p, e, "subject", v), "pseudonym",
                    kt_db_get(db, row, C_SUBJECT_PSEUDONYM));
    }
    if ((v = kt_db_get(db, row, C_NAME))) {
        kt_xml_add(p, e, "object-name", v);
    }
    if ((v = kt_db_get(db, row, C_REASON))) {
        kt_xml_add(p, e, "reason", v);
    }
    kt_xml_attr(p, e, "version", kt_db_get(db, row, C_VERSION));
}

/* The filter form (a GET form: no token) with the values asked, and the
 * types it offers: <log-types><type name="" kind="true|false"/>…. */
static void add_filters(kt_req *kr, xmlNodePtr root, const kt_logquery *q,
                        const char *const *types)
{
    apr_pool_t *p = kr->r->pool;
    kt_fstate *fs = kt_fstate_new(p, root, "log", log_path(kr), NULL);
    xmlNodePtr list = kt_xml_add(p, root, "log-types", NULL);
    int i;

    kt_fstate_value(fs, "type", q->type);
    kt_fstate_value(fs, "from", q->from);
    kt_fstate_value(fs, "to", q->to);
    for (i = 0; types[i]; i++) {
        xmlNodePtr t = kt_xml_add(p, list, "type", NULL);
        kt_xml_attr(p, t, "name", types[i]);
        kt_xml_attr(p, t, "kind", kt_engine_named(types[i]) ? "true" : "false");
    }
}

static int log_page(kt_req *kr, kt_db *db, const kt_logquery *q, const char *const *types)
{
    apr_pool_t *p = kr->r->pool;
    xmlDocPtr doc = kt_page_doc(kr, "moderation-log", HTTP_OK);
    xmlNodePtr root = xmlDocGetRootElement(doc), list;
    const char *args[MAX_ARGS], *path = log_path(kr);
    const kt_stmt *stmt;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int n = 0, nargs = 0;

    add_filters(kr, root, q, types);
    list = kt_xml_add(p, root, "log", NULL);
    kt_xml_attr(p, list, "page", apr_itoa(p, q->page));
    kt_xml_attr(p, list, "filtered", q->type || q->from || q->to ? "true" : "false");
    kt_xml_attr(p, list, "csv-href", kt_logquery_href(p, path, q, 1, 1));
    stmt = log_args(kr, q, 0, args, &nargs);
    /* one row more than shown tells whether there is a next page */
    args[nargs++] = apr_itoa(p, LOG_PAGE + 1);
    args[nargs++] = apr_ltoa(p, (long)(q->page - 1) * LOG_PAGE);
    st = kt_db_select_custom(db, stmt, &res, nargs, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        if (++n <= LOG_PAGE) {
            add_entry(db, p, row, list);
        }
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    if (q->page > 1) {
        kt_xml_attr(p, list, "newer-href", kt_logquery_href(p, path, q, q->page - 1, 0));
    }
    if (n > LOG_PAGE && q->page < KT_LOG_MAX_PAGE) {
        kt_xml_attr(p, list, "more", "true");
        kt_xml_attr(p, list, "older-href", kt_logquery_href(p, path, q, q->page + 1, 0));
    }
    return kt_send_page(kr, "moderation", doc, HTTP_OK);
}

/* ---- the export ------------------------------------------------------------------------ */

/* An action's name in the page's language; the code itself for one the
 * catalogs do not name (it is in its own column too). */
static const char *action_text(kt_req *kr, apr_pool_t *p, const char *action)
{
    const char *v = kr->conf->render
        ? kt_msg(kt_render_catalog(kr->conf->render), kr->lang,
                 apr_pstrcat(p, "audit.", action, NULL))
        : NULL;
    return v ? v : action;
}

/* A person's cell as the page shows it: the name, or for a deleted account
 * "deleted user" and its pseudonym (never the name it had); NULL (an empty
 * cell) for no one. */
static const char *csv_person(kt_req *kr, apr_pool_t *p, const char *name,
                              const char *pseudonym)
{
    if (pseudonym) {
        return apr_pstrcat(p, kt_text(kr, "log.deleted-user"), " ", pseudonym, NULL);
    }
    return name;
}

static apr_status_t csv_write_row(kt_req *kr, apr_bucket_brigade *bb, apr_pool_t *p,
                                  kt_db *db, apr_dbd_row_t *row)
{
    const char *cells[10];
    const char *at = kt_db_get(db, row, C_AT);
    char *line;

    /* "2026-01-02 10:00": a date and time spreadsheet programs read as one */
    cells[0] = at ? apr_pstrcat(p, apr_pstrndup(p, at, 10), " ", at + 11, NULL) : NULL;
    cells[1] = csv_person(kr, p, kt_db_get(db, row, C_ACTOR),
                          kt_db_get(db, row, C_ACTOR_PSEUDONYM));
    cells[2] = action_text(kr, p, kt_db_get(db, row, C_ACTION));
    cells[3] = kt_db_get(db, row, C_ACTION);
    cells[4] = kt_db_get(db, row, C_TYPE);
    cells[5] = kt_db_get(db, row, C_OBJECT);
    cells[6] = kt_db_get(db, row, C_NAME);
    cells[7] = kt_db_get(db, row, C_VERSION);
    cells[8] = csv_person(kr, p, kt_db_get(db, row, C_SUBJECT),
                          kt_db_get(db, row, C_SUBJECT_PSEUDONYM));
    cells[9] = kt_db_get(db, row, C_REASON);
    line = kt_csv_row(p, cells, 10);
    return ap_fwrite(kr->r->output_filters, bb, line, strlen(line));
}

/* Where the export goes on: the last row written, its time (as the
 * database wrote it) and id, in buffers of their own so that nothing grows
 * with the number of rows. */
typedef struct {
    char at[64];
    char id[24];
    int set;
} csv_key;

static void keep_key(csv_key *k, const char *at, const char *id)
{
    apr_cpystrn(k->at, at ? at : "", sizeof(k->at));
    apr_cpystrn(k->id, id ? id : "", sizeof(k->id));
    k->set = 1;
}

/* Reads and writes one chunk after key (none set: from the newest), in pool
 * p; *got rows, the last one's key into key. */
static kt_db_status csv_chunk(kt_req *kr, kt_db *db, const kt_logquery *q, apr_pool_t *p,
                              apr_bucket_brigade *bb, csv_key *key, int *got, int *write_failed)
{
    const char *args[MAX_ARGS];
    const kt_stmt *stmt;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int nargs = 0;

    stmt = log_args(kr, q, 1, args, &nargs);
    args[nargs++] = key->set ? key->at : NULL;
    args[nargs++] = key->set ? key->at : NULL;
    args[nargs++] = key->set ? key->id : NULL;
    args[nargs++] = apr_itoa(p, CSV_CHUNK);
    st = kt_db_select_custom_p(db, p, stmt, &res, nargs, args);
    *got = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        if (!*write_failed && csv_write_row(kr, bb, p, db, row) != APR_SUCCESS) {
            *write_failed = 1;
        }
        /* copied as it goes: reading past the last row frees the result */
        keep_key(key, kt_db_get(db, row, C_AT_TEXT), kt_db_get(db, row, C_ID));
        (*got)++;
    }
    return st;
}

static const char *csv_filename(kt_req *kr, const kt_logquery *q)
{
    return apr_pstrcat(kr->r->pool, "attachment; filename=\"audit-log",
                       q->type ? "-" : "", q->type ? q->type : "",
                       q->from ? "-from-" : "", q->from ? q->from : "",
                       q->to ? "-to-" : "", q->to ? q->to : "", ".csv\"", NULL);
}

static int log_csv(kt_req *kr, kt_db *db, const kt_logquery *q)
{
    request_rec *r = kr->r;
    conn_rec *c = r->connection;
    apr_bucket_brigade *bb = apr_brigade_create(r->pool, c->bucket_alloc);
    const char *head[10];
    csv_key key;
    apr_pool_t *chunk;
    kt_db_status st = kt_db_begin_snapshot(db);
    int got = 0, write_failed = 0, rows = 0;
    char *line;

    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    /* the first chunk before anything is sent: a failure is still a 503 page */
    memset(&key, 0, sizeof(key));
    apr_pool_create(&chunk, r->pool);
    ap_set_content_type(r, "text/csv; charset=utf-8");
    apr_table_setn(r->headers_out, "Content-Disposition", csv_filename(kr, q));
    head[0] = kt_text(kr, "log.when");
    head[1] = kt_text(kr, "log.who");
    head[2] = kt_text(kr, "log.what");
    head[3] = kt_text(kr, "log.csv.action");
    head[4] = kt_text(kr, "log.csv.type");
    head[5] = kt_text(kr, "log.csv.id");
    head[6] = kt_text(kr, "log.object");
    head[7] = kt_text(kr, "log.csv.version");
    head[8] = kt_text(kr, "log.csv.person");
    head[9] = kt_text(kr, "log.reason");
    line = apr_pstrcat(r->pool, KT_CSV_BOM, kt_csv_row(r->pool, head, 10), NULL);
    ap_fwrite(r->output_filters, bb, line, strlen(line));
    do {
        st = csv_chunk(kr, db, q, chunk, bb, &key, &got, &write_failed);
        apr_pool_clear(chunk);
        if (st != KT_DB_OK && rows == 0) {
            kt_db_end(db, 1);
            apr_brigade_cleanup(bb);
            apr_table_unset(r->headers_out, "Content-Disposition");
            return kt_send_db_failure(kr, st);
        }
        rows += got;
    } while (st == KT_DB_OK && got == CSV_CHUNK && !write_failed && !c->aborted);
    kt_db_end(db, 1);
    apr_pool_destroy(chunk);
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "KT0451: audit log export: the database failed after %d rows; cut off", rows);
        c->keepalive = AP_CONN_CLOSE;
        APR_BRIGADE_INSERT_TAIL(bb, ap_bucket_error_create(HTTP_BAD_GATEWAY, NULL, r->pool,
                                                           c->bucket_alloc));
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(c->bucket_alloc));
    }
    if (ap_pass_brigade(r->output_filters, bb) != APR_SUCCESS || write_failed) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "KT0452: audit log export: the client went away after %d rows", rows);
    }
    apr_brigade_cleanup(bb);
    return OK;
}

/* ---- the handler --------------------------------------------------------------------- */

int kt_page_moderation_log(kt_req *kr, const char *arg)
{
    const char *const *types = log_types(kr->r->pool);
    kt_logquery q;
    kt_logquery_error err;
    kt_db *db;
    kt_db_status st;
    (void)arg;

    if (!kt_logquery_parse(kr->r->pool, kr->r->args, types, &q, &err)) {
        return bad_param(kr, &q, &err);
    }
    st = kt_db_open(kr->r, &db);
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    return q.csv ? log_csv(kr, db, &q) : log_page(kr, db, &q, types);
}
