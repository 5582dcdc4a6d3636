/* GET /feed/activities.xml: the partner feed (FEED.md).  See kt_feed_sql.h for
 * how items are chosen and ordered, kt_cursor.h for the paging token.
 *
 * One request runs in one REPEATABLE READ, READ ONLY transaction, so that the
 * ETag and every row of the answer see the same snapshot:
 *   1. the installation's cursor secret; the cursor, if any, is checked;
 *   2. the page's state (its keys' digest, whether a next page exists, the
 *      newest change): ETag and Last-Modified, and a 304 ends it there;
 *   3. the items, in one statement whose rows are streamed (kt_db_stream):
 *      each is written to the client as XML as it arrives, in a pool
 *      cleared after every row.
 *
 * The ETag is SHA-256 over the query's identity (filters, updated_since),
 * the parameters as given (they are repeated in <next>), where the page
 * starts (the cursor's key), the limit, the digest of the page's (kind, id,
 * time) keys and whether there is more, the base URL and the newest
 * migration.  Every change to what a listing shows moves its
 * updated_at (sql/004_feed.sql), so the keys stand for the content: the tag
 * changes exactly when the page's items, their content or its <next> do, and
 * it costs one index scan of at most limit + 1 keys, no row data.  The
 * Last-Modified date is coarser — the newest change anywhere — because a
 * date cannot tell "this page" from "another page" apart; it only errs
 * towards answering 200. */
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>
#include "kt_xml.h"
#include "kt_feed.h"
#include "kt_feed_sql.h"
#include "kt_feed_params.h"
#include "kt_cursor.h"
#include "kt_query.h"
#include "kt_search.h"
#include "kt_search_page.h"
#include "kt_db.h"
#include "kt_etag.h"
#include "kt_http.h"
#include "kt_text.h"
#include "kt_time.h"
#include "kt_xmlout.h"

/* A sync that begins without updated_since announces, on its later pages,
 * deletions after the newest change its first page saw, less this margin: a
 * writer's updated_at is its transaction's start, so a change committing just
 * after that snapshot may carry a slightly earlier time.  A deletion too many
 * costs a partner nothing (it ignores ids it does not have); one too few
 * leaves a listing in its copy. */
#define HORIZON_MARGIN_US APR_INT64_C(300000000)

static const kt_stmt STMT_SECRET KT_STMT_LISTED = { "kt_feed_secret", KT_FEED_SQL_SECRET };
static const kt_stmt STMT_VOCABULARIES KT_STMT_LISTED = {
    "kt_feed_vocabularies", KT_FEED_SQL_VOCABULARIES
};
/* The filters are optional ("… IS NULL OR …"): both are run with
 * kt_db_select_custom, planned for their values each time, where a generic
 * plan would read every row. */
/* Built from the search's filter table (kt_search_sql_init). */
#define STMT_STATE (kt_search_generated.feed_state)
#define STMT_ITEMS (kt_search_generated.feed_items)

/* Columns of KT_FEED_SQL_ITEMS. */
enum {
    C_HIT, C_ID, C_UPDATED, C_US, C_PUBLISHED, C_CONFIRMED,
    C_TITLE, C_DESC = C_TITLE + 3, C_FORMS = C_DESC + 3, C_THEMES, C_TARGETS, C_LANGS,
    C_MUNI, C_MUNI_FI, C_MUNI_SV, C_REGION, C_REGION_FI, C_REGION_SV, C_REGION_EN,
    C_ONLINE, C_NATIONWIDE, C_STREET, C_POSTAL, C_POST_OFFICE, C_ACCESS,
    C_START = C_ACCESS + 3, C_END, C_PRICE, C_REGISTRATION,
    C_CONTACT_NAME, C_CONTACT_EMAIL, C_CONTACT_PHONE, C_URL,
    C_ORG_ID, C_ORG_NAME, C_ORG_BIZID, C_ORG_TYPE, C_PROJECT_ID, C_PROJECT_NAME,
    C_SCHEDULE, C_SESSIONS
};

/* Everything one feed request knows. */
typedef struct {
    kt_req *kr;
    const kt_feed_kind *fk;       /* which feed: its statements, filters and items */
    kt_db *db;
    const char *base;             /* public base URL */
    kt_feed_params fp;
    kt_search s;                  /* the filters, validated by the kind's table */
    apr_array_header_t *pairs;    /* kt_query_pair, as given */
    const char *next_query;       /* "name=value&" of the pairs <next> repeats */
    const char *filters;          /* the filters' canonical text */
    const char *identity;         /* kt_feed_identity */
    unsigned char ident[KT_CURSOR_IDENT_LEN];
    unsigned char *key;           /* cursor secret */
    apr_size_t keylen;
    const char *migration;
    const char *lo_ts;            /* items start after (lo_ts, lo_id); lo_ts NULL: start */
    apr_int64_t lo_id;
    const char *horizon;          /* this page announces deletions after it; NULL: none */
    apr_int64_t next_horizon_us;  /* the horizon the next page's cursor carries */
    int more;                     /* a next page exists */
    apr_int64_t last_ts;          /* key of the last item written */
    apr_int64_t last_id;
    const void *kind_data;        /* the kind's prepare gave it */
} feed_req;

/* ---- errors ------------------------------------------------------------- */

int kt_feed_send_error(kt_req *kr, int status, const char *param, const char *reason,
                       const char *message)
{
    return kt_feed_send_error_ns(kr, KT_FEED_NS, status, param, reason, message);
}

int kt_feed_send_error_ns(kt_req *kr, const char *ns, int status, const char *param,
                          const char *reason, const char *message)
{
    request_rec *r = kr->r;
    apr_pool_t *p = r->pool;
    char *body = apr_pstrcat(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<error xmlns=\"", ns, "\" status=\"", apr_itoa(p, status),
                             "\"", NULL);

    /* param may be the name a request gave (control characters, broken
     * UTF-8 and all): kt_xml_escape keeps the body well-formed whatever it
     * holds (issue 10) */
    if (param) {
        body = apr_pstrcat(p, body, " param=\"", kt_xml_escape(p, param), "\"", NULL);
    }
    if (reason) {
        body = apr_pstrcat(p, body, " reason=\"", kt_xml_escape(p, reason), "\"", NULL);
    }
    body = apr_pstrcat(p, body, ">", kt_xml_escape(p, message ? message : ""), "</error>\n",
                       NULL);
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    if (status == HTTP_SERVICE_UNAVAILABLE) {
        apr_table_setn(r->err_headers_out, "Retry-After", apr_itoa(p, kr->conf->retry_after));
    }
    r->status = status;
    ap_set_content_type(r, "application/xml; charset=utf-8");
    ap_set_content_length(r, (apr_off_t)strlen(body));
    if (!r->header_only) {
        ap_rputs(body, r);
    }
    return OK;
}

static const char *param_message(const kt_feed_kind *fk, const kt_feed_error *err)
{
    const char *reason = err->reason, *param = err->param ? err->param : "";
    int f = kt_filter_index(fk->filters, param);
    kt_filter_type type = f >= 0 ? fk->filters->filters[f].type : KT_FILTER_CODES;

    if (strcmp(reason, "unknown-param") == 0) {
        return kt_feed_page_only(fk->filters, param) ? fk->page_only_message
                                                     : "unknown parameter";
    }
    if (strcmp(reason, "repeated") == 0) {
        return "this parameter may be given only once";
    }
    if (strcmp(reason, "unknown-value") == 0) {
        if (type == KT_FILTER_FLAG || type == KT_FILTER_SWITCH) {
            return "this parameter takes only the value 1";
        }
        if (type == KT_FILTER_DATE) {
            return "a date: YYYY-MM-DD";
        }
        if (type == KT_FILTER_VALUES) {
            return "no such value: the values are those of the list page";
        }
        return fk->unknown_value;
    }
    if (strcmp(reason, "too-many") == 0) {
        return err->param ? "at most 50 different values of one parameter"
                          : "too many parameters";
    }
    if (strcmp(reason, "too-long") == 0) {
        return strcmp(param, "q") == 0 ? "q may be at most 200 characters" : "value too long";
    }
    if (strcmp(reason, "invalid-utf8") == 0 || strcmp(reason, "control-char") == 0
        || strcmp(reason, "bad-escape") == 0) {
        return "the query string is not valid: percent escapes of UTF-8 text only, "
               "no control characters";
    }
    if (strcmp(param, "limit") == 0) {
        return "limit must be a whole number from 1 to 1000";
    }
    if (strcmp(param, "updated_since") == 0) {
        return "updated_since must be an RFC 3339 date-time with a time zone, "
               "e.g. 2026-11-20T10:00:00Z";
    }
    return "invalid value";
}

/* Answers 400 and returns 0, for `return bad_param(…)` in the checks below. */
static int bad_param(feed_req *f, const char *param, const char *reason, const char *message)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, f->kr->r, "KT0601: feed: bad parameter %s (%s)",
                  param ? param : "(query string)", reason);
    if (f->db) {
        kt_db_end(f->db, 1);
    }
    kt_feed_send_error_ns(f->kr, f->fk->ns, HTTP_BAD_REQUEST, param, reason, message);
    return 0;
}

static int db_failure(feed_req *f, kt_db_status st, const char *what)
{
    ap_log_rerror(APLOG_MARK, st == KT_DB_UNAVAILABLE ? APLOG_WARNING : APLOG_ERR, 0, f->kr->r,
                  "KT0602: feed: %s failed", what);
    if (f->db) {
        kt_db_end(f->db, 1);
    }
    return kt_feed_send_error_ns(f->kr, f->fk->ns, st == KT_DB_UNAVAILABLE
                                 ? HTTP_SERVICE_UNAVAILABLE : HTTP_INTERNAL_SERVER_ERROR,
                                 NULL, NULL, st == KT_DB_UNAVAILABLE
                                          ? "the database is unavailable, try again shortly"
                                          : "internal error");
}

/* ---- the query ------------------------------------------------------------ */

/* The part of <next> that repeats the request: its pairs in the order given,
 * without empty ones (as if absent) and without the old cursor. */
static const char *repeated_query(feed_req *f, apr_pool_t *p);

/* 1 when the query is good; else the 400 has been sent.  The codes of the
 * filters are checked later, in the database (check_codes). */
static int parse_query(feed_req *f)
{
    kt_feed_error err;

    if (!kt_feed_parse(f->kr->r->pool, f->fk->filters, f->kr->r->args, &f->fp, &f->s, &f->pairs,
                       &err)) {
        return bad_param(f, err.param, err.reason, param_message(f->fk, &err));
    }
    f->next_query = repeated_query(f, f->kr->r->pool);
    return 1;
}

/* Checks the filters' codes (unknown ones: 400) and makes them canonical
 * (languages in ISO 639-3), then the query's identity, which cursors and
 * ETags are bound to.  0 when the 400 has been sent or *st failed. */
static int check_codes(feed_req *f, kt_db_status *st)
{
    apr_pool_t *p = f->kr->r->pool;
    kt_feed_error err;
    kt_search_error serr;
    int unknown = 0;

    *st = kt_search_check_codes(f->kr, f->db, &f->s, f->pairs, &unknown, &serr);
    if (*st != KT_DB_OK) {
        return 0;
    }
    if (unknown) {
        err.param = serr.param;
        err.reason = serr.reason;
        return bad_param(f, err.param, err.reason, param_message(f->fk, &err));
    }
    f->filters = kt_feed_filters(p, &f->s);
    f->identity = kt_feed_identity(p, &f->fp, f->filters);
    kt_cursor_ident(f->identity, f->ident);
    return 1;
}

/* form-urlencoding of one name or value for <next>. */
static char *encode(apr_pool_t *p, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = apr_palloc(p, strlen(s) * 3 + 1), *o = out;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (apr_isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            *o++ = (char)c;
        }
        else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

static const char *repeated_query(feed_req *f, apr_pool_t *p)
{
    const char *q = "";
    int i;

    for (i = 0; i < f->pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(f->pairs, i, kt_query_pair);
        if (*pair->value && strcmp(pair->name, "cursor") != 0) {
            q = apr_pstrcat(p, q, encode(p, pair->name), "=", encode(p, pair->value), "&", NULL);
        }
    }
    return q;
}

/* The URL of the page after the last item written: the request's own
 * parameters, filters included, and the new cursor. */
static const char *next_url(feed_req *f, apr_pool_t *p)
{
    kt_cursor c;
    const char *token;

    c.ts_us = f->last_ts;
    c.id = f->last_id;
    c.horizon_us = f->next_horizon_us;
    memcpy(c.ident, f->ident, sizeof(c.ident));
    token = kt_cursor_encode(p, f->key, f->keylen, &c);
    if (!token) {
        return NULL;
    }
    return apr_pstrcat(p, f->base, f->fk->path, "?", f->next_query, "cursor=", token, NULL);
}

/* ---- snapshot, secret, cursor, state --------------------------------------- */

static kt_db_status begin(feed_req *f)
{
    kt_db_status st = kt_db_open(f->kr->r, &f->db);

    if (st == KT_DB_OK) {
        st = kt_db_begin_snapshot(f->db);
    }
    if (st != KT_DB_OK) {
        f->db = NULL;   /* no transaction to end */
    }
    return st;
}

static kt_db_status read_secret(feed_req *f)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(f->db, &STMT_SECRET, &res, 0, NULL);
    int ok = 0;

    while (st == KT_DB_OK && kt_db_next(f->db, res, &row)) {
        ok = kt_cursor_key_from_hex(f->kr->r->pool, kt_db_get(f->db, row, 0), &f->key,
                                    &f->keylen) && f->keylen >= KT_CURSOR_KEY_MIN;
        f->migration = apr_pstrdup(f->kr->r->pool, kt_db_get(f->db, row, 1));
    }
    if (st == KT_DB_OK && !ok) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, f->kr->r,
                      "KT0603: feed: no cursor secret (is sql/004_feed.sql applied?)");
        return KT_DB_ERROR;
    }
    return st;
}

/* Where the page starts: after the cursor's key; on a first page after
 * updated_since (every id of that instant is "not after" it); else at the
 * beginning.  0 when the cursor is refused (the 400 has been sent). */
static int start_key(feed_req *f)
{
    apr_pool_t *p = f->kr->r->pool;

    f->lo_ts = NULL;
    f->lo_id = 0;
    if (f->fp.cursor) {
        kt_cursor c;
        kt_cursor_status cs = kt_cursor_decode(f->fp.cursor, f->key, f->keylen, f->ident, &c);
        if (cs != KT_CURSOR_OK) {
            return bad_param(f, "cursor", kt_cursor_status_name(cs),
                             cs == KT_CURSOR_OTHER_QUERY
                             ? "this cursor belongs to a query with other parameters"
                             : "this is not a cursor the feed gave out");
        }
        f->lo_ts = kt_time_format_rfc3339(p, c.ts_us);
        f->lo_id = c.id;
        f->next_horizon_us = c.horizon_us;
        f->horizon = kt_time_format_rfc3339(p, c.horizon_us);
    }
    else if (f->fp.has_since) {
        f->lo_ts = kt_time_format_rfc3339(p, f->fp.since_us);
        f->lo_id = APR_INT64_MAX;
        f->next_horizon_us = f->fp.since_us;
        f->horizon = f->lo_ts;
    }
    /* else the first page of a full sync: nothing to announce yet, and its
     * next_horizon_us comes from the page's state (check_state) */
    return 1;
}

/* The statements' parameters (kt_feed_sql.h): the search's, then where the
 * page starts, the horizon of deletions and how many keys. */
static void key_args(feed_req *f, apr_pool_t *p, int lim, const char **args)
{
    int n = KT_FILTER_NARGS(f->fk->filters), i;

    kt_search_sql_args(p, &f->s, "fi", args);
    args[n] = f->lo_ts;
    args[n + 1] = apr_psprintf(p, "%" APR_INT64_T_FMT, f->lo_id);
    args[n + 2] = f->horizon;
    for (i = n + 3; i < KT_FEED_NARGS(f->fk->filters); i++) {
        args[i] = apr_itoa(p, lim);
    }
}

/* Sets the validators; 1 when the client's copy is current. */
static kt_db_status check_state(feed_req *f, int *not_modified)
{
    request_rec *r = f->kr->r;
    const char *args[KT_FEED_MAX_ARGS], *count = NULL, *digest = NULL, *last = NULL;
    const char *names = NULL;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;

    key_args(f, r->pool, f->fp.limit + 1, args);
    st = kt_db_select_custom(f->db, f->fk->state, &res, KT_FEED_NARGS(f->fk->filters), args);
    while (st == KT_DB_OK && kt_db_next(f->db, res, &row)) {
        count = apr_pstrdup(r->pool, kt_db_get(f->db, row, 0));
        digest = apr_pstrdup(r->pool, kt_db_get(f->db, row, 1));
        last = apr_pstrdup(r->pool, kt_db_get(f->db, row, 2));
        names = apr_pstrdup(r->pool, kt_db_get(f->db, row, 4));
    }
    if (st == KT_DB_OK) {
        apr_int64_t newest = last ? apr_atoi64(last) : 0;
        const char *parts[12];
        if (!f->horizon) {
            /* so the first page of a full sync has the coarser tag of the
             * newest change: its <next> carries it */
            f->next_horizon_us = newest - HORIZON_MARGIN_US;
        }
        parts[0] = f->fk->format;
        parts[1] = f->base;
        parts[2] = f->identity;
        parts[3] = f->next_query;
        parts[4] = f->lo_ts;
        parts[5] = args[KT_FILTER_NARGS(f->fk->filters) + 1];
        parts[6] = apr_itoa(r->pool, f->fp.limit);
        parts[7] = count;
        parts[8] = digest;
        parts[9] = f->migration;
        f->more = kt_parse_id(count) > f->fp.limit;
        parts[10] = f->more ? apr_psprintf(r->pool, "%" APR_INT64_T_FMT, f->next_horizon_us)
                            : "";
        /* the vocabularies' names are in the page: a renamed language is a new page */
        parts[11] = names;
        *not_modified = kt_http_not_modified(r, kt_etag_make(r->pool, parts, 12), newest);
    }
    return st;
}

/* ---- writing items ---------------------------------------------------------- */

#define COL(i) kt_db_get(db, row, (i))

static int filled(const char *v)
{
    return v && *v;
}

/* <name xml:lang="fi">…</name> for each language that has the text. */
void kt_feed_texts(kt_xmlout *o, apr_pool_t *p, const char *name, kt_db *db, apr_dbd_row_t *row,
                   int col)
{
    int i;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_xmlout_leaf(o, p, name, kt_lang_codes[i], COL(col + i));
    }
}

/* Splits packed "f0 US f1 … RS f0 US …" text; calls back with the fields of
 * each record (missing trailing fields as NULL). */
#define MAX_FIELDS KT_FEED_MAX_FIELDS
typedef kt_feed_record_fn record_fn;

void kt_feed_records(kt_xmlout *o, apr_pool_t *p, const char *item, const char *packed,
                     kt_feed_record_fn fn)
{
    char *copy, *rec, *state = NULL;

    if (!packed) {
        return;
    }
    copy = apr_pstrdup(p, packed);
    for (rec = apr_strtok(copy, "\x1e", &state); rec; rec = apr_strtok(NULL, "\x1e", &state)) {
        char *fields[MAX_FIELDS] = { NULL };
        char *s = rec;
        int i;
        for (i = 0; i < MAX_FIELDS && s; i++) {
            char *sep = strchr(s, '\x1f');
            fields[i] = s;
            if (sep) {
                *sep = '\0';
            }
            s = sep ? sep + 1 : NULL;
        }
        fn(o, p, item, fields);
    }
}

/* Names in fi, sv, en starting at fields[first]. */
static void names(kt_xmlout *o, apr_pool_t *p, char *fields[MAX_FIELDS], int first)
{
    int i;
    for (i = 0; i < KT_LANG_COUNT && first + i < MAX_FIELDS; i++) {
        kt_xmlout_leaf(o, p, "name", kt_lang_codes[i], fields[first + i]);
    }
}

/* <form code="…"><name xml:lang="fi">…</name>…</form> */
void kt_feed_vocab_record(kt_xmlout *o, apr_pool_t *p, const char *item,
                          char *fields[KT_FEED_MAX_FIELDS])
{
    kt_xmlout_open(o, item);
    kt_xmlout_attr(o, p, "code", fields[0]);
    names(o, p, fields, 1);
    kt_xmlout_close(o);
}

void kt_feed_language_record(kt_xmlout *o, apr_pool_t *p, const char *item,
                             char *fields[KT_FEED_MAX_FIELDS])
{
    kt_xmlout_open(o, item);
    kt_xmlout_attr(o, p, "code", fields[0]);
    if (filled(fields[1])) {
        kt_xmlout_attr(o, p, "iso639-1", fields[1]);
    }
    names(o, p, fields, 2);
    kt_xmlout_close(o);
}

static void slot_record(kt_xmlout *o, apr_pool_t *p, const char *item, char *fields[MAX_FIELDS])
{
    kt_xmlout_open(o, item);
    kt_xmlout_attr(o, p, "weekday", fields[0]);
    kt_xmlout_attr(o, p, "start", fields[1]);
    kt_xmlout_attr(o, p, "end", fields[2]);
    kt_xmlout_close(o);
}

static void session_record(kt_xmlout *o, apr_pool_t *p, const char *item,
                           char *fields[MAX_FIELDS])
{
    kt_xmlout_open(o, item);
    kt_xmlout_attr(o, p, "start", fields[0]);
    if (filled(fields[1])) {
        kt_xmlout_attr(o, p, "end", fields[1]);
    }
    kt_xmlout_close(o);
}

/* <list><item …/>…</list>; the list is there even when empty. */
void kt_feed_list(kt_xmlout *o, apr_pool_t *p, const char *name, const char *item,
                  const char *packed, kt_feed_record_fn fn)
{
    kt_xmlout_open(o, name);
    kt_feed_records(o, p, item, packed, fn);
    kt_xmlout_close(o);
}

void kt_feed_titles(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col)
{
    int i, any = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        any |= filled(COL(col + i));
    }
    if (any) {
        kt_feed_texts(o, p, "title", db, row, col);
        return;
    }
    /* the database insists on a title in some language; if it is blank, the
     * schema still gets its <title> */
    for (i = 0; i < KT_LANG_COUNT && !COL(col + i); i++) {
    }
    kt_xmlout_open(o, "title");
    kt_xmlout_attr(o, p, "xml:lang", kt_lang_codes[i < KT_LANG_COUNT ? i : 0]);
    kt_xmlout_text(o, p, "");
    kt_xmlout_close(o);
}

void kt_feed_canonical(kt_xmlout *o, apr_pool_t *p, const char *base, const char *segment,
                       const char *id)
{
    int i;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_xmlout_open(o, "canonical");
        kt_xmlout_attr(o, p, "hreflang", kt_lang_codes[i]);
        kt_xmlout_attr(o, p, "href", apr_pstrcat(p, base, "/", kt_lang_codes[i], "/", segment,
                                                 "/", id, NULL));
        kt_xmlout_close(o);
    }
}

/* Shared parts of the items; see kt_feed.h. */
#define OPT(i) (filled(COL(i)) ? COL(i) : NULL)

void kt_feed_area(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int muni,
                  int region)
{
    if (filled(COL(muni))) {
        kt_xmlout_open(o, "municipality");
        kt_xmlout_attr(o, p, "code", COL(muni));
        kt_xmlout_leaf(o, p, "name", "fi", COL(muni + 1));
        kt_xmlout_leaf(o, p, "name", "sv", COL(muni + 2));
        kt_xmlout_close(o);
    }
    if (filled(COL(region))) {
        kt_xmlout_open(o, "region");
        kt_xmlout_attr(o, p, "code", COL(region));
        kt_feed_texts(o, p, "name", db, row, region + 1);
        kt_xmlout_close(o);
    }
}

/* name, a, b, c: <name a b c/> with the columns from col that are given,
 * when one of them is. */
static void three(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, const char *name,
                  const char *a, const char *b, const char *c, int col)
{
    if (filled(COL(col)) || filled(COL(col + 1)) || filled(COL(col + 2))) {
        kt_xmlout_open(o, name);
        kt_xmlout_attr(o, p, a, OPT(col));
        kt_xmlout_attr(o, p, b, OPT(col + 1));
        kt_xmlout_attr(o, p, c, OPT(col + 2));
        kt_xmlout_close(o);
    }
}

void kt_feed_address(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col)
{
    three(o, p, db, row, "address", "street", "postal-code", "post-office", col);
}

void kt_feed_contact(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col)
{
    three(o, p, db, row, "contact", "name", "email", "phone", col);
}

void kt_feed_owner(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int org,
                   int project)
{
    kt_xmlout_open(o, "organisation");
    kt_xmlout_attr(o, p, "id", COL(org));
    kt_xmlout_attr(o, p, "business-id", COL(org + 2));
    kt_xmlout_attr(o, p, "type", COL(org + 3));
    kt_xmlout_text(o, p, COL(org + 1));
    kt_xmlout_close(o);
    if (project >= 0 && COL(project)) {
        kt_xmlout_open(o, "project");
        kt_xmlout_attr(o, p, "id", COL(project));
        kt_xmlout_text(o, p, COL(project + 1));
        kt_xmlout_close(o);
    }
}

void kt_feed_price(kt_xmlout *o, apr_pool_t *p, const char *price)
{
    int free_of_charge = !price || strtod(price, NULL) <= 0.0;

    kt_xmlout_open(o, "price");
    kt_xmlout_attr(o, p, "free", free_of_charge ? "true" : "false");
    if (!free_of_charge) {
        kt_xmlout_attr(o, p, "amount", price);
        kt_xmlout_attr(o, p, "currency", "EUR");
    }
    kt_xmlout_close(o);
}

void kt_feed_website(kt_xmlout *o, apr_pool_t *p, const char *href)
{
    if (filled(href)) {
        kt_xmlout_open(o, "website");
        kt_xmlout_attr(o, p, "href", href);
        kt_xmlout_close(o);
    }
}

#undef OPT

static void write_place(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_xmlout_open(o, "place");
    kt_xmlout_attr(o, p, "online", COL(C_ONLINE)[0] == 't' ? "true" : "false");
    kt_xmlout_attr(o, p, "nationwide", COL(C_NATIONWIDE)[0] == 't' ? "true" : "false");
    kt_feed_area(o, p, db, row, C_MUNI, C_REGION);
    kt_feed_address(o, p, db, row, C_STREET);
    kt_feed_texts(o, p, "accessibility", db, row, C_ACCESS);
    kt_xmlout_close(o);
}

static void write_times(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    if (COL(C_START) || COL(C_END)) {
        kt_xmlout_open(o, "period");
        kt_xmlout_attr(o, p, "start", COL(C_START));
        kt_xmlout_attr(o, p, "end", COL(C_END));
        kt_xmlout_close(o);
    }
    if (filled(COL(C_SCHEDULE))) {
        kt_xmlout_open(o, "schedule");
        kt_xmlout_attr(o, p, "timezone", "Europe/Helsinki");
        kt_feed_records(o, p, "slot", COL(C_SCHEDULE), slot_record);
        kt_xmlout_close(o);
    }
    if (filled(COL(C_SESSIONS))) {
        kt_xmlout_open(o, "sessions");
        kt_feed_records(o, p, "session", COL(C_SESSIONS), session_record);
        kt_xmlout_close(o);
    }
}

static void write_terms(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    kt_feed_price(o, p, COL(C_PRICE));
    kt_xmlout_open(o, "registration");
    kt_xmlout_attr(o, p, "required",
                   strcmp(COL(C_REGISTRATION), "required") == 0 ? "true" : "false");
    kt_xmlout_close(o);
    kt_feed_contact(o, p, db, row, C_CONTACT_NAME);
    kt_feed_website(o, p, COL(C_URL));
}

/* ---- forms, themes, target groups and languages, by name ----------------------------- */

/* One term: code, then (a language) its ISO 639-1 code, then names in fi, sv,
 * en — the fields kt_feed_vocab_record (fields 0, 2, 3, 4 as 0, 1, 2, 3) and
 * kt_feed_language_record read. */
typedef char *term[KT_FEED_MAX_FIELDS];

/* The vocabularies as the connection keeps them (kt_db_conn_data), for one
 * generation of the reference data: forms, themes, target groups in their
 * order, the languages by code.  In a pool of their own (the connection
 * pool's allocator is shared with the child's other connections). */
typedef struct {
    apr_pool_t *pool;
    const char *stamp;
    apr_array_header_t *lists[3];   /* term: code, NULL, fi, sv, en */
    apr_hash_t *languages;          /* code -> term: code, code1, fi, sv, en */
} vocabularies;

#define VOCAB_KEY "feed-vocabularies"

static apr_status_t vocabularies_free(void *data)
{
    vocabularies *v = data;
    if (v->pool) {
        apr_pool_destroy(v->pool);
        v->pool = NULL;
    }
    return APR_SUCCESS;
}

/* Reads the rows VOCABULARIES sent (after its stamp row) into v, anew. */
static kt_db_status vocabularies_read(kt_db *db, kt_rows *res, apr_dbd_row_t *row,
                                      const char *stamp, vocabularies *v)
{
    apr_allocator_t *allocator;
    apr_pool_t *pool;
    int i;

    if (apr_allocator_create(&allocator) != APR_SUCCESS
        || apr_pool_create_unmanaged_ex(&pool, NULL, allocator) != APR_SUCCESS) {
        return KT_DB_ERROR;
    }
    apr_allocator_owner_set(allocator, pool);
    vocabularies_free(v);
    v->pool = pool;
    v->stamp = apr_pstrdup(pool, stamp);
    for (i = 0; i < 3; i++) {
        v->lists[i] = apr_array_make(pool, 16, sizeof(term));
    }
    v->languages = apr_hash_make(pool);
    do {
        int w = atoi(kt_db_get(db, row, 0)), k;
        char **t;
        if (w < 1 || w > 4) {
            continue;
        }
        t = w < 4 ? apr_array_push(v->lists[w - 1]) : apr_pcalloc(pool, sizeof(term));
        for (k = 0; k < 5; k++) {
            const char *value = kt_db_get(db, row, 2 + k);
            t[k] = value ? apr_pstrdup(pool, value) : NULL;
        }
        if (w == 4) {
            apr_hash_set(v->languages, t[0], APR_HASH_KEY_STRING, t);
        }
    } while (kt_db_next(db, res, &row));
    return KT_DB_OK;
}

/* The activity feed's prepare: the connection's vocabularies, read again
 * when the reference data's generation in this page's snapshot is not the one
 * they were read for (a few thousand rows: the languages), so they are current
 * on every use. */
static kt_db_status activity_prepare(kt_db *db, apr_pool_t *p, const void **data)
{
    vocabularies *v = kt_db_conn_data(db, VOCAB_KEY);
    const char *args[1] = { v && v->pool ? v->stamp : NULL }, *stamp = NULL;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_VOCABULARIES, &res, 1, args);

    if (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        /* copied: the next row's fetch frees this one (apr_dbd_pgsql reads
         * row by row) */
        stamp = apr_pstrdup(p, kt_db_get(db, row, 2));
        if (kt_db_next(db, res, &row)) {
            if (!v) {
                /* once per connection: in its pool, like its prepared statements */
                v = apr_pcalloc(kt_db_conn_pool(db), sizeof(*v));
                apr_pool_cleanup_register(kt_db_conn_pool(db), v, vocabularies_free,
                                          apr_pool_cleanup_null);
                kt_db_conn_set_data(db, VOCAB_KEY, v);
            }
            st = vocabularies_read(db, res, row, stamp, v);
        }
    }
    if (st == KT_DB_OK && !(v && v->pool && stamp && strcmp(stamp, v->stamp) == 0)) {
        st = KT_DB_ERROR;   /* no generation, or none kept for it: cannot be */
    }
    *data = v;
    return st;
}

/* The codes of an array literal (PostgreSQL's text of a text[]), in p. */
static int codes_of(apr_pool_t *p, const char *codes, const char ***out)
{
    int max = 1, i;

    for (i = 0; codes && codes[i]; i++) {
        max += codes[i] == ',';
    }
    *out = apr_palloc(p, max * sizeof(**out));
    /* -1 (not an array) cannot come from PostgreSQL: then nothing */
    return codes ? kt_pg_text_array(p, codes, *out, max) : 0;
}

/* <name><item code>names</item>…</name>: the terms of list whose codes the
 * array literal codes holds, in the list's order, each once, unknown codes
 * left out — what kt_feed_forms() and the others (sql/004_feed.sql) gave. */
static void vocab_list(kt_xmlout *o, apr_pool_t *p, const char *name, const char *item,
                       const apr_array_header_t *list, const char *codes)
{
    const char **given;
    int n = codes_of(p, codes, &given), i, j;

    kt_xmlout_open(o, name);
    for (i = 0; i < list->nelts; i++) {
        term *t = &APR_ARRAY_IDX(list, i, term);
        for (j = 0; j < n; j++) {
            if (strcmp((*t)[0], given[j]) == 0) {
                char *fields[KT_FEED_MAX_FIELDS] = { (*t)[0], (*t)[2], (*t)[3], (*t)[4], NULL };
                kt_feed_vocab_record(o, p, item, fields);
                break;
            }
        }
    }
    kt_xmlout_close(o);
}

/* <languages><language code iso639-1>names</language>…</languages>: in the
 * author's order, as given (a code twice comes twice), unknown codes left out
 * — what kt_feed_languages() gave. */
static void language_list(kt_xmlout *o, apr_pool_t *p, const vocabularies *v,
                          const char *codes)
{
    const char **given;
    int n = codes_of(p, codes, &given), j;

    kt_xmlout_open(o, "languages");
    for (j = 0; j < n; j++) {
        char **t = apr_hash_get(v->languages, given[j], APR_HASH_KEY_STRING);
        if (t) {
            kt_feed_language_record(o, p, "language", t);
        }
    }
    kt_xmlout_close(o);
}

/* One <activity>, in the order the schema's sequence has. */
static void activity_write(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row,
                           const char *base, const void *data)
{
    const vocabularies *v = data;

    kt_xmlout_open(o, "activity");
    kt_xmlout_attr(o, p, "id", COL(C_ID));
    kt_xmlout_attr(o, p, "updated", COL(C_UPDATED));
    kt_xmlout_attr(o, p, "published", COL(C_PUBLISHED));
    kt_xmlout_attr(o, p, "confirmed", COL(C_CONFIRMED));
    kt_feed_titles(o, p, db, row, C_TITLE);
    kt_feed_texts(o, p, "description", db, row, C_DESC);
    kt_feed_canonical(o, p, base, "activities", COL(C_ID));
    vocab_list(o, p, "forms", "form", v->lists[0], COL(C_FORMS));
    vocab_list(o, p, "themes", "theme", v->lists[1], COL(C_THEMES));
    vocab_list(o, p, "targets", "target", v->lists[2], COL(C_TARGETS));
    language_list(o, p, v, COL(C_LANGS));
    write_place(o, p, db, row);
    write_times(o, p, db, row);
    write_terms(o, p, db, row);
    kt_feed_owner(o, p, db, row, C_ORG_ID, C_PROJECT_ID);
    kt_xmlout_close(o);
}

/* A public item, by its kind's writer, or <deleted>. */
static void write_item(feed_req *f, kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    if (COL(C_HIT)[0] != 't') {
        kt_xmlout_open(o, "deleted");
        kt_xmlout_attr(o, p, "id", COL(C_ID));
        kt_xmlout_attr(o, p, "at", COL(C_UPDATED));
        kt_xmlout_close(o);
        return;
    }
    f->fk->write(o, p, db, row, f->base, f->kind_data);
}

#undef COL

/* What writing the rows of a page needs. */
typedef struct {
    feed_req *f;
    kt_xmlout *o;
    apr_pool_t *one;              /* what writing one row allocates */
} stream_ctx;

/* kt_db_row_fn: one item written; 0 (stop) once the client has gone. */
static int stream_row(void *data, kt_db *db, apr_dbd_row_t *row)
{
    stream_ctx *c = data;

    write_item(c->f, c->o, c->one, db, row);
    /* kt_xml_safe_text copies each text, at up to three times its size:
     * that lives for this row only */
    apr_pool_clear(c->one);
    c->f->last_ts = apr_atoi64(kt_db_get(db, row, C_US));
    c->f->last_id = apr_atoi64(kt_db_get(db, row, C_ID));
    return kt_xmlout_ok(c->o);
}

/* The whole answer body.  Returns 0 when it was cut off. */
static int stream(feed_req *f)
{
    request_rec *r = f->kr->r;
    const char *args[KT_FEED_MAX_ARGS];
    stream_ctx c;
    int got = 0, broken = 0;
    kt_db_status st;

    c.f = f;
    c.o = kt_xmlout_start(r, f->fk->root, f->fk->ns);
    if (!c.o) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0604: feed: cannot create the XML writer");
        return 0;
    }
    apr_pool_create(&c.one, r->pool);
    /* one statement for the page, its rows streamed one at a time: the page
     * is planned once, and memory is one row's whatever the limit */
    key_args(f, r->pool, f->fp.limit, args);
    st = kt_db_stream(f->db, f->fk->items, KT_FEED_NARGS(f->fk->filters), args, stream_row, &c,
                      &got);
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "KT0605: feed: the database failed in the middle of the answer; cut off");
        broken = 1;
    }
    else if (f->more && got == f->fp.limit && kt_xmlout_ok(c.o)) {
        kt_xmlout_leaf(c.o, c.one, "next", NULL, next_url(f, c.one));
    }
    kt_db_end(f->db, 1);
    if (kt_xmlout_finish(c.o, broken) != APR_SUCCESS && !broken) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "KT0606: feed: the client went away before the end of the answer");
    }
    apr_pool_destroy(c.one);
    return !broken;
}

/* ---- the handler --------------------------------------------------------------- */

int kt_feed_serve(kt_req *kr, const kt_feed_kind *fk)
{
    request_rec *r = kr->r;
    feed_req f;
    kt_db_status st;
    int not_modified = 0;

    memset(&f, 0, sizeof(f));
    f.kr = kr;
    f.fk = fk;
    f.base = kt_http_base_url(kr);
    if (!parse_query(&f)) {
        return OK;
    }
    st = begin(&f);
    if (st == KT_DB_OK) {
        st = read_secret(&f);
    }
    if (st != KT_DB_OK) {
        return db_failure(&f, st, "starting a snapshot");
    }
    if (!check_codes(&f, &st)) {
        return st == KT_DB_OK ? OK : db_failure(&f, st, "checking the filters' codes");
    }
    if (!start_key(&f)) {
        return OK;
    }
    st = check_state(&f, &not_modified);
    if (st != KT_DB_OK) {
        return db_failure(&f, st, "reading the page's state");
    }
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    if (not_modified || r->header_only) {
        kt_db_end(f.db, 1);
        r->status = not_modified ? HTTP_NOT_MODIFIED : HTTP_OK;
        ap_set_content_type(r, "application/xml; charset=utf-8");
        return OK;
    }
    if (fk->prepare && (st = fk->prepare(f.db, r->pool, &f.kind_data)) != KT_DB_OK) {
        return db_failure(&f, st, "reading what the items need");
    }
    ap_set_content_type(r, "application/xml; charset=utf-8");
    stream(&f);
    return OK;
}

/* ---- the activity feed (GET /feed/activities.xml) --------------------------------- */

/* The filters are the search's: parsed, checked and made canonical by it, so
 * that the feed finds what /{lang}/activities finds. */
static const kt_feed_kind activity_feed = {
    "activities", KT_FEED_NS, "/feed/activities.xml", "feed-xml:1",
    &STMT_STATE, &STMT_ITEMS, &kt_activity_filters, activity_write,
    "sort and page belong to the search page: the feed has its own order "
    "(by time of change, then id) and pages with cursor",
    "no such code: the codes are those of the search at /fi/activities "
    "(and of the feed's schema)",
    activity_prepare
};

int kt_feed_xml(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_feed_serve(kr, &activity_feed);
}
