/* For search engines: robots.txt and the sitemap; see kt_sitemap.h.
 *
 * Every public page is in the sitemap in each language, with its
 * alternates (xhtml:link hreflang).  The pages without an id come from
 * kt_sitemap_pages and kt_help_topics (src/lib/kt_pagelist.c); the pages with
 * an id from `kinds` below: a new kind of content (events, jobs …) is one
 * row there, naming its path and the SELECT of the ids its page answers 200
 * for.  Up to the protocol's 50 000 URLs /sitemap.xml lists them all; past
 * that it becomes a sitemap index of parts, /sitemap/pages.xml and
 * /sitemap/KIND-N.xml (ids id / 10 000 == N), which always answer.  Rows are
 * read 1 000 at a time into a pool cleared after each batch and written
 * through the output filters as they come, so memory does not grow with the
 * site.  The ETag comes from each chunk's count, sum of ids and newest change
 * (one aggregate statement), read in the same snapshot as the rows. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>
#include "kt_sitemap.h"
#include "kt_pagelist.h"
#include "kt_http.h"
#include "kt_db.h"
#include "kt_etag.h"
#include "kt_xmlout.h"

#define SITEMAP_NS "http://www.sitemaps.org/schemas/sitemap/0.9"
#define XHTML_NS   "http://www.w3.org/1999/xhtml"
/* Bumped when the shape of the answer changes, so that old ETags stop matching. */
#define SITEMAP_FORMAT "sitemap 1"

#define STR_(x) #x
#define STR(x)  STR_(x)
#define CHUNK   STR(KT_SITEMAP_CHUNK)
#define BATCH   1000
#define ID_MAX  "9223372036854775807"
/* W3C datetime in UTC, as the protocol's <lastmod> wants it. */
#define LASTMOD(x) "to_char((" x ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

typedef struct {
    const char *name;     /* in part names: /sitemap/NAME-N.xml */
    const char *path;     /* after /{lang}: "/activities/" and the id */
    kt_stmt chunks;       /* chunk, count, sum of ids, newest change, in [$1, $2) */
    kt_stmt items;        /* id, its last change: BATCH after $1, below $2 */
} sitemap_kind;

/* ROWS selects (id, last change or NULL) of the public pages of a kind.  The
 * items are ordered by s.id, qualified: a bare "id" would be the text column
 * of the select list, and a batch of "1", "10", "100", "1000" … would skip
 * the ids between. */
#define SITEMAP_KIND(name, path, rows) { name, path, \
    { "kt_sitemap_chunks_" name, \
      "SELECT (id / " CHUNK ")::text, count(*)::text, sum(id)::text, " LASTMOD("max(lastmod)") \
      " FROM (" rows ") s(id, lastmod) WHERE id >= %s::bigint AND id < %s::bigint" \
      " GROUP BY id / " CHUNK " ORDER BY id / " CHUNK }, \
    { "kt_sitemap_items_" name, \
      "SELECT s.id::text, " LASTMOD("s.lastmod") " FROM (" rows ") s(id, lastmod)" \
      " WHERE s.id > %s::bigint AND s.id < %s::bigint ORDER BY s.id LIMIT " STR(BATCH) } }

/* The same conditions as the pages' own statements (kt_activity.c,
 * kt_organisation.c, kt_events.c, kt_networks.c, kt_news.c, kt_projects.c); the integration test fetches
 * every URL.  A last change only where the page's content has a reliable one:
 * an organisation's page also shows its listings. */
static const sitemap_kind kinds[] = {
    SITEMAP_KIND("activities", "/activities/", "SELECT id, updated_at FROM public_activities"),
    SITEMAP_KIND("events", "/events/", "SELECT id, updated_at FROM public_events"),
    SITEMAP_KIND("jobs", "/jobs/", "SELECT id, updated_at FROM public_jobs"),
    SITEMAP_KIND("networks", "/networks/", "SELECT id, updated_at FROM public_networks"),
    SITEMAP_KIND("organisations", "/organisations/",
                 "SELECT id, NULL::timestamptz FROM organisations WHERE status = 'approved'"),
    SITEMAP_KIND("news", "/news/", "SELECT id, updated_at FROM public_news"),
    SITEMAP_KIND("projects", "/projects/",
                 "SELECT id, updated_at FROM public_projects"),
};
#define NKINDS ((int)(sizeof(kinds) / sizeof(kinds[0])))

typedef struct {
    int kind;
    apr_int64_t n;
    const char *count, *sum, *lastmod;
} sitemap_chunk;

typedef struct {
    kt_req *kr;
    kt_db *db;
    const char *base;
    apr_array_header_t *chunks;   /* of sitemap_chunk */
    apr_int64_t urls;             /* pages in every language */
} sitemap_req;

/* ---- reading ------------------------------------------------------------- */

static kt_db_status read_chunks(sitemap_req *sm, int kind, const char *lo, const char *hi)
{
    apr_pool_t *p = sm->kr->r->pool;
    const char *args[2] = { lo, hi };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select_custom(sm->db, &kinds[kind].chunks, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(sm->db, res, &row)) {
        sitemap_chunk *c = apr_array_push(sm->chunks);
        c->kind = kind;
        c->n = apr_atoi64(kt_db_get(sm->db, row, 0));
        c->count = apr_pstrdup(p, kt_db_get(sm->db, row, 1));
        c->sum = apr_pstrdup(p, kt_db_get(sm->db, row, 2));
        c->lastmod = apr_pstrdup(p, kt_db_get(sm->db, row, 3));
        sm->urls += apr_atoi64(c->count) * KT_LANG_COUNT;
    }
    return st;
}

static apr_int64_t static_pages(void)
{
    apr_int64_t n = 0;
    int i;

    for (i = 0; kt_sitemap_pages[i]; i++) {
        n++;
    }
    for (i = 0; kt_help_topics[i]; i++) {
        n++;
    }
    return n;
}

/* Everything the answer depends on, hashed: a crawler's copy is current
 * while no chunk changed its ids or its newest change. */
static const char *sitemap_etag(sitemap_req *sm, const char *what)
{
    apr_pool_t *p = sm->kr->r->pool;
    const char *parts[4];
    const char *list = "";
    int i;

    for (i = 0; kt_sitemap_pages[i]; i++) {
        list = apr_pstrcat(p, list, kt_sitemap_pages[i], " ", NULL);
    }
    for (i = 0; kt_help_topics[i]; i++) {
        list = apr_pstrcat(p, list, "/help/", kt_help_topics[i], " ", NULL);
    }
    parts[0] = SITEMAP_FORMAT;
    parts[1] = apr_pstrcat(p, sm->base, " ", what, NULL);
    parts[2] = list;
    parts[3] = "";
    for (i = 0; sm->chunks && i < sm->chunks->nelts; i++) {
        const sitemap_chunk *c = &APR_ARRAY_IDX(sm->chunks, i, sitemap_chunk);
        parts[3] = apr_psprintf(p, "%s%s-%" APR_INT64_T_FMT ":%s:%s:%s;", parts[3],
                                kinds[c->kind].name, c->n, c->count, c->sum,
                                c->lastmod ? c->lastmod : "");
    }
    return kt_etag_make(p, parts, 4);
}

/* ---- writing ------------------------------------------------------------- */

/* One page in every language, each with the others as alternates. */
static void write_page(sitemap_req *sm, kt_xmlout *o, apr_pool_t *p, const char *path,
                       const char *lastmod)
{
    int l, a;

    for (l = 0; l < KT_LANG_COUNT; l++) {
        kt_xmlout_open(o, "url");
        kt_xmlout_leaf(o, p, "loc", NULL,
                       apr_pstrcat(p, sm->base, "/", kt_lang_codes[l], path, NULL));
        kt_xmlout_leaf(o, p, "lastmod", NULL, lastmod);
        for (a = 0; a < KT_LANG_COUNT; a++) {
            kt_xmlout_open(o, "xhtml:link");
            kt_xmlout_attr(o, p, "rel", "alternate");
            kt_xmlout_attr(o, p, "hreflang", kt_lang_codes[a]);
            kt_xmlout_attr(o, p, "href",
                           apr_pstrcat(p, sm->base, "/", kt_lang_codes[a], path, NULL));
            kt_xmlout_close(o);
        }
        kt_xmlout_close(o);
    }
}

static void write_static_pages(sitemap_req *sm, kt_xmlout *o, apr_pool_t *p)
{
    int i;

    for (i = 0; kt_sitemap_pages[i]; i++) {
        write_page(sm, o, p, kt_sitemap_pages[i], NULL);
    }
    for (i = 0; kt_help_topics[i]; i++) {
        write_page(sm, o, p, apr_pstrcat(p, "/help/", kt_help_topics[i], NULL), NULL);
    }
    apr_pool_clear(p);
}

/* The pages of one kind with ids in (lo, hi), BATCH rows at a time. */
static kt_db_status write_kind(sitemap_req *sm, kt_xmlout *o, apr_pool_t *p, int kind,
                               apr_int64_t lo, const char *hi)
{
    kt_db_status st = KT_DB_OK;
    int got = BATCH;

    while (st == KT_DB_OK && got == BATCH && kt_xmlout_ok(o)) {
        const char *args[2] = { apr_psprintf(p, "%" APR_INT64_T_FMT, lo), hi };
        kt_rows *res;
        apr_dbd_row_t *row = NULL;

        got = 0;
        st = kt_db_select_p(sm->db, p, &kinds[kind].items, &res, 2, args);
        while (st == KT_DB_OK && kt_db_next(sm->db, res, &row)) {
            const char *id = kt_db_get(sm->db, row, 0);
            write_page(sm, o, p, apr_pstrcat(p, kinds[kind].path, id, NULL),
                       kt_db_get(sm->db, row, 1));
            lo = apr_atoi64(id);
            got++;
        }
        apr_pool_clear(p);
    }
    return st;
}

static kt_xmlout *start_urlset(request_rec *r)
{
    kt_xmlout *o = kt_xmlout_start(r, "urlset", SITEMAP_NS);

    if (o) {
        kt_xmlout_attr(o, r->pool, "xmlns:xhtml", XHTML_NS);
    }
    return o;
}

static void write_index(sitemap_req *sm, kt_xmlout *o, apr_pool_t *p)
{
    int i;

    kt_xmlout_open(o, "sitemap");
    kt_xmlout_leaf(o, p, "loc", NULL, apr_pstrcat(p, sm->base, "/sitemap/pages.xml", NULL));
    kt_xmlout_close(o);
    for (i = 0; i < sm->chunks->nelts; i++) {
        const sitemap_chunk *c = &APR_ARRAY_IDX(sm->chunks, i, sitemap_chunk);
        kt_xmlout_open(o, "sitemap");
        kt_xmlout_leaf(o, p, "loc", NULL,
                       apr_psprintf(p, "%s/sitemap/%s-%" APR_INT64_T_FMT ".xml", sm->base,
                                    kinds[c->kind].name, c->n));
        kt_xmlout_leaf(o, p, "lastmod", NULL, c->lastmod);
        kt_xmlout_close(o);
    }
}

/* ---- answers ------------------------------------------------------------- */

static int db_failure(sitemap_req *sm, kt_db_status st, const char *what)
{
    if (sm->db) {
        kt_db_end(sm->db, 1);
    }
    ap_log_rerror(APLOG_MARK, st == KT_DB_UNAVAILABLE ? APLOG_WARNING : APLOG_ERR, 0,
                  sm->kr->r, "KT0910: sitemap: the database failed %s", what);
    return kt_send_db_failure(sm->kr, st);
}

/* Headers, then 304 or the body (nothing for HEAD); 1 when a body is due. */
static int answer_head(sitemap_req *sm, const char *etag)
{
    request_rec *r = sm->kr->r;

    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    ap_set_content_type(r, "application/xml; charset=utf-8");
    if (kt_http_not_modified(r, etag, 0)) {
        r->status = HTTP_NOT_MODIFIED;
        return 0;
    }
    r->status = HTTP_OK;
    return !r->header_only;
}

/* The end of a streamed answer: a failure half-way cuts the response off
 * (kt_xmlout_finish), so that no crawler takes a short list for the site. */
static int finish(sitemap_req *sm, kt_xmlout *o, kt_db_status st, apr_pool_t *p)
{
    request_rec *r = sm->kr->r;

    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r,
                      "KT0911: sitemap: the database failed in the middle of the answer; cut off");
    }
    kt_db_end(sm->db, 1);
    if (kt_xmlout_finish(o, st != KT_DB_OK) != APR_SUCCESS && st == KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                      "KT0912: sitemap: the client went away before the end of the answer");
    }
    apr_pool_destroy(p);
    return OK;
}

static int start(sitemap_req *sm, kt_req *kr)
{
    kt_db_status st;

    memset(sm, 0, sizeof(*sm));
    sm->kr = kr;
    sm->base = kt_http_base_url(kr);
    sm->chunks = apr_array_make(kr->r->pool, 16, sizeof(sitemap_chunk));
    sm->urls = static_pages() * KT_LANG_COUNT;
    st = kt_db_open(kr->r, &sm->db);
    if (st == KT_DB_OK) {
        st = kt_db_begin_snapshot(sm->db);
    }
    if (st != KT_DB_OK) {
        sm->db = NULL;
        db_failure(sm, st, "starting a snapshot");
        return 0;
    }
    return 1;
}

int kt_sitemap_xml(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    sitemap_req sm;
    kt_xmlout *o;
    apr_pool_t *p;
    kt_db_status st = KT_DB_OK;
    int k, index;
    (void)arg;

    if (!start(&sm, kr)) {
        return OK;
    }
    for (k = 0; k < NKINDS && st == KT_DB_OK; k++) {
        st = read_chunks(&sm, k, "0", ID_MAX);
    }
    if (st != KT_DB_OK) {
        return db_failure(&sm, st, "counting the pages");
    }
    index = sm.urls > KT_SITEMAP_MAX_URLS;
    if (!answer_head(&sm, sitemap_etag(&sm, index ? "index" : "all"))) {
        kt_db_end(sm.db, 1);
        return OK;
    }
    o = index ? kt_xmlout_start(r, "sitemapindex", SITEMAP_NS) : start_urlset(r);
    if (!o) {
        kt_db_end(sm.db, 1);
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0913: sitemap: no XML writer");
        return OK;
    }
    apr_pool_create(&p, r->pool);
    if (index) {
        write_index(&sm, o, p);
    }
    else {
        write_static_pages(&sm, o, p);
        for (k = 0; k < NKINDS && st == KT_DB_OK && kt_xmlout_ok(o); k++) {
            st = write_kind(&sm, o, p, k, 0, ID_MAX);
        }
    }
    return finish(&sm, o, st, p);
}

int kt_sitemap_part(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    const char *names[NKINDS + 1];
    sitemap_req sm;
    kt_xmlout *o;
    apr_pool_t *p;
    apr_int64_t n;
    const char *lo = "0", *hi = "0";
    kt_db_status st = KT_DB_OK;
    int k;

    for (k = 0; k < NKINDS; k++) {
        names[k] = kinds[k].name;
    }
    names[NKINDS] = NULL;
    if (!kt_sitemap_part_parse(arg, names, &k, &n)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    if (!start(&sm, kr)) {
        return OK;
    }
    if (k >= 0) {
        lo = apr_psprintf(r->pool, "%" APR_INT64_T_FMT, n * KT_SITEMAP_CHUNK);
        hi = apr_psprintf(r->pool, "%" APR_INT64_T_FMT, (n + 1) * KT_SITEMAP_CHUNK);
        st = read_chunks(&sm, k, lo, hi);
        if (st != KT_DB_OK) {
            return db_failure(&sm, st, "counting the pages");
        }
        if (sm.chunks->nelts == 0) {
            /* no public page has an id there (any more) */
            kt_db_end(sm.db, 1);
            return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
        }
    }
    if (!answer_head(&sm, sitemap_etag(&sm, arg)) || !(o = start_urlset(r))) {
        kt_db_end(sm.db, 1);
        return OK;
    }
    apr_pool_create(&p, r->pool);
    if (k < 0) {
        write_static_pages(&sm, o, p);
    }
    else {
        /* ids from lo on: the batches start after lo - 1 */
        st = write_kind(&sm, o, p, k, n * KT_SITEMAP_CHUNK - 1, hi);
    }
    return finish(&sm, o, st, p);
}

/* ---- robots.txt ----------------------------------------------------------- */

/* Under each /{lang}: what no search engine has any use for (forms, signed-in
 * pages), and every list that takes filters, with parameters: their
 * combinations would be an endless crawl (every item is in the sitemap; each
 * list itself, without a query, is allowed; the news list has pages only). */
static const char *const robots_disallow_lang[] = {
    "/manage", "/moderation", "/account", "/login", "/logout", "/register", "/verify/",
    "/password-reset", "/activities?", "/events?", "/jobs?", "/projects?", "/networks?",
    "/organisations?", NULL
};

int kt_robots_txt(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    apr_pool_t *p = r->pool;
    const char *body = "User-agent: *\n";
    int l, i;
    (void)arg;

    for (l = 0; l < KT_LANG_COUNT; l++) {
        for (i = 0; robots_disallow_lang[i]; i++) {
            body = apr_pstrcat(p, body, "Disallow: /", kt_lang_codes[l], robots_disallow_lang[i],
                               "\n", NULL);
        }
    }
    /* The partner feed pages itself with cursors; Atom is for feed readers. */
    body = apr_pstrcat(p, body, "Allow: /feed/activities.atom\n", "Disallow: /feed/\n",
                       "Disallow: /error/\n", "Disallow: /health\n",
                       "\nSitemap: ", kt_http_base_url(kr), "/sitemap.xml\n", NULL);
    apr_table_setn(r->headers_out, "Cache-Control", "public, max-age=86400");
    ap_set_content_type(r, "text/plain; charset=utf-8");
    ap_set_content_length(r, (apr_off_t)strlen(body));
    if (!r->header_only) {
        ap_rputs(body, r);
    }
    return OK;
}
