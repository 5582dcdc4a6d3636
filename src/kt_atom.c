/* GET /feed/SEGMENT.atom?lang=fi|sv|en: the newest published listings of a
 * kind (activities, events, news) as an Atom 1.0 feed (RFC 4287), for feed readers and sites that show "latest
 * listings".  Texts in the requested language, falling back like the pages
 * do, each with the xml:lang it really has.  The partner feed (kt_feed.c) is
 * the complete, incremental one; this is the short news-style list.
 *
 * Validators as for the partner feed: an ETag over the entries' (id, updated)
 * keys, the language, the base URL and the catalog's titles, read in the same
 * snapshot as the entries. */
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_feed.h"
#include "kt_db.h"
#include "kt_etag.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_text.h"
#include "kt_xmlout.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define ENTRIES "50"
#define SUMMARY_MAX 300

/* The newest first, as on the front page. */
#define NEWEST \
    " FROM public_activities a JOIN organisations o ON o.id = a.organisation_id" \
    " ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT " ENTRIES

static const kt_stmt STMT_STATE KT_STMT_LISTED = { "kt_atom_state",
    "SELECT md5(string_agg(x.id || '@' || kt_feed_us(x.updated_at), ',' ORDER BY x.n)),"
    " kt_feed_us(max(x.updated_at)), kt_feed_time(max(x.updated_at))"
    " FROM (SELECT a.id, a.updated_at, row_number() OVER (ORDER BY a.published_at DESC NULLS LAST,"
    " a.id DESC) AS n" NEWEST ") x" };

static const kt_stmt STMT_ENTRIES KT_STMT_LISTED = { "kt_atom_entries",
    "SELECT a.id, kt_feed_time(a.updated_at), kt_feed_time(coalesce(a.published_at, a.updated_at)),"
    " a.title_fi, a.title_sv, a.title_en, a.description_fi, a.description_sv, a.description_en,"
    " o.id, o.name, kt_forms_text(a.forms, %s::text)" NEWEST };

enum { C_ID, C_UPDATED, C_PUBLISHED, C_TITLE, C_DESC = C_TITLE + 3, C_ORG_ID = C_DESC + 3,
       C_ORG_NAME, C_FORMS };

typedef struct {
    kt_req *kr;
    const kt_atom_kind *ak;
    kt_db *db;
    const char *base;
    kt_lang lang;
    const char *self;       /* this feed's URL, also its id */
    const char *title;
    const char *digest;
    const char *updated;    /* newest entry, RFC 3339 */
    apr_time_t last_modified;
} atom_req;

/* ?lang= (default fi) and nothing else.  0 when the 400 has been sent. */
static int parse_query(atom_req *a)
{
    request_rec *r = a->kr->r;
    char *args = apr_pstrdup(r->pool, r->args ? r->args : ""), *piece, *state = NULL;
    int seen = 0;

    a->lang = KT_LANG_FI;
    for (piece = apr_strtok(args, "&", &state); piece; piece = apr_strtok(NULL, "&", &state)) {
        char *eq = strchr(piece, '=');
        int l;
        if (eq) {
            *eq = '\0';
        }
        if (ap_unescape_urlencoded(piece) != OK || strcmp(piece, "lang") != 0) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0630: atom: unknown parameter");
            kt_feed_send_error(a->kr, HTTP_BAD_REQUEST,
                               kt_utf8_valid(piece, strlen(piece)) ? piece : "query",
                               "unknown-param", "the only parameter is lang (fi, sv or en)");
            return 0;
        }
        if (!eq || !eq[1]) {
            continue;
        }
        l = kt_lang_from_code(eq + 1);
        if (seen++ || l < 0) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, "KT0631: atom: bad lang");
            kt_feed_send_error(a->kr, HTTP_BAD_REQUEST, "lang",
                               seen > 1 ? "repeated" : "unknown-value",
                               "lang must be fi, sv or en");
            return 0;
        }
        a->lang = (kt_lang)l;
    }
    return 1;
}

static kt_db_status read_state(atom_req *a)
{
    request_rec *r = a->kr->r;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(a->db, a->ak->state, &res, 0, NULL);

    while (st == KT_DB_OK && kt_db_next(a->db, res, &row)) {
        const char *last = kt_db_get(a->db, row, 1);
        a->digest = apr_pstrdup(r->pool, kt_db_get(a->db, row, 0));
        a->last_modified = last ? apr_atoi64(last) : 0;
        a->updated = apr_pstrdup(r->pool, kt_db_get(a->db, row, 2));
    }
    return st;
}

/* Element <name type="text" xml:lang="xx"> with the best text for the feed's
 * language; nothing when no language has one. */
static void text_construct(kt_xmlout *o, apr_pool_t *p, const char *name, kt_lang lang,
                           const char *texts[KT_LANG_COUNT], int excerpt)
{
    int pick = kt_text_pick(lang, texts);

    if (pick < 0) {
        return;
    }
    kt_xmlout_open(o, name);
    kt_xmlout_attr(o, p, "type", "text");
    kt_xmlout_attr(o, p, "xml:lang", kt_lang_codes[pick]);
    kt_xmlout_text(o, p, excerpt ? kt_text_excerpt(p, texts[pick], SUMMARY_MAX) : texts[pick]);
    kt_xmlout_close(o);
}

static void atom_link(kt_xmlout *o, apr_pool_t *p, const char *rel, const char *type,
                      const char *hreflang, const char *href)
{
    kt_xmlout_open(o, "link");
    kt_xmlout_attr(o, p, "rel", rel);
    kt_xmlout_attr(o, p, "type", type);
    kt_xmlout_attr(o, p, "hreflang", hreflang);
    kt_xmlout_attr(o, p, "href", href);
    kt_xmlout_close(o);
}

/* One <category> per form of activity, "code US name RS …". */
static void categories(kt_xmlout *o, apr_pool_t *p, const char *scheme, const char *packed)
{
    char *copy, *item, *state = NULL;

    if (!packed) {
        return;
    }
    copy = apr_pstrdup(p, packed);
    for (item = apr_strtok(copy, "\x1e", &state); item; item = apr_strtok(NULL, "\x1e", &state)) {
        char *sep = strchr(item, '\x1f');
        if (!sep) {
            continue;
        }
        *sep = '\0';
        kt_xmlout_open(o, "category");
        kt_xmlout_attr(o, p, "scheme", scheme);
        kt_xmlout_attr(o, p, "term", item);
        kt_xmlout_attr(o, p, "label", sep + 1);
        kt_xmlout_close(o);
    }
}

#define COL(i) kt_db_get(db, row, (i))

static void entry(atom_req *a, kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row)
{
    const char *lang = kt_lang_codes[a->lang];
    const char *url = apr_pstrcat(p, a->base, "/", lang, "/", a->ak->segment, "/", COL(C_ID),
                                  NULL);
    const char *t[KT_LANG_COUNT];
    int i;

    kt_xmlout_open(o, "entry");
    kt_xmlout_leaf(o, p, "id", NULL, url);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = COL(C_TITLE + i);
    }
    text_construct(o, p, "title", a->lang, t, 0);
    kt_xmlout_leaf(o, p, "updated", NULL, COL(C_UPDATED));
    kt_xmlout_leaf(o, p, "published", NULL, COL(C_PUBLISHED));
    atom_link(o, p, "alternate", "text/html", lang, url);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = COL(C_DESC + i);
    }
    text_construct(o, p, "summary", a->lang, t, 1);
    /* an entry of no organisation (news) is the service's own */
    kt_xmlout_open(o, "author");
    if (COL(C_ORG_ID)) {
        kt_xmlout_leaf(o, p, "name", NULL, COL(C_ORG_NAME));
        kt_xmlout_leaf(o, p, "uri", NULL,
                       apr_pstrcat(p, a->base, "/", lang, "/organisations/", COL(C_ORG_ID), NULL));
    }
    else {
        kt_xmlout_leaf(o, p, "name", NULL, kt_text_in(a->kr, a->lang, "site.name"));
        kt_xmlout_leaf(o, p, "uri", NULL, apr_pstrcat(p, a->base, "/", lang, "/", NULL));
    }
    kt_xmlout_close(o);
    categories(o, p, a->ak->scheme, COL(C_FORMS));
    kt_xmlout_close(o);
}

#undef COL

/* The feed's own elements, then the entries.  0 when the database failed
 * half-way (the answer is cut off). */
static int stream(atom_req *a)
{
    request_rec *r = a->kr->r;
    const char *lang = kt_lang_codes[a->lang];
    const char *args[1] = { lang };
    kt_xmlout *o = kt_xmlout_start(r, "feed", ATOM_NS);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;

    if (!o) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0632: atom: cannot create the XML writer");
        kt_db_end(a->db, 1);
        return 0;
    }
    kt_xmlout_attr(o, r->pool, "xml:lang", lang);
    kt_xmlout_leaf(o, r->pool, "id", NULL, a->self);
    kt_xmlout_leaf(o, r->pool, "title", NULL, a->title);
    /* an empty directory still has a valid feed: the epoch as its time */
    kt_xmlout_leaf(o, r->pool, "updated", NULL, a->updated ? a->updated : "1970-01-01T00:00:00Z");
    atom_link(o, r->pool, "self", "application/atom+xml", NULL, a->self);
    atom_link(o, r->pool, "alternate", "text/html", lang,
              apr_pstrcat(r->pool, a->base, "/", lang, "/", NULL));
    kt_xmlout_open(o, "author");
    kt_xmlout_leaf(o, r->pool, "name", NULL,
                   kt_text_in(a->kr, a->lang, "site.name"));
    kt_xmlout_leaf(o, r->pool, "uri", NULL, apr_pstrcat(r->pool, a->base, "/", lang, "/", NULL));
    kt_xmlout_close(o);
    st = kt_db_select(a->db, a->ak->entries, &res, 1, args);
    while (st == KT_DB_OK && kt_db_next(a->db, res, &row)) {
        entry(a, o, r->pool, a->db, row);
    }
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "KT0633: atom: the database failed; cut off");
    }
    kt_db_end(a->db, 1);
    kt_xmlout_finish(o, st != KT_DB_OK);
    return st == KT_DB_OK;
}

int kt_atom_serve(kt_req *kr, const kt_atom_kind *ak)
{
    request_rec *r = kr->r;
    atom_req a;
    const char *parts[6];
    kt_db_status st;
    int not_modified;

    memset(&a, 0, sizeof(a));
    a.kr = kr;
    a.ak = ak;
    a.base = kt_http_base_url(kr);
    if (!parse_query(&a)) {
        return OK;
    }
    a.self = apr_pstrcat(r->pool, a.base, ak->path, "?lang=", kt_lang_codes[a.lang], NULL);
    a.title = apr_pstrcat(r->pool, kt_text_in(kr, a.lang, "site.name"), ": ",
                          kt_text_in(kr, a.lang, ak->title_key), NULL);
    st = kt_db_open(r, &a.db);
    if (st == KT_DB_OK) {
        st = kt_db_begin_snapshot(a.db);
    }
    if (st == KT_DB_OK && (st = read_state(&a)) != KT_DB_OK) {
        kt_db_end(a.db, 1);
    }
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r,
                      "KT0635: atom: database unavailable or failing");
        return kt_feed_send_error(kr, st == KT_DB_UNAVAILABLE ? HTTP_SERVICE_UNAVAILABLE
                                                              : HTTP_INTERNAL_SERVER_ERROR,
                                  NULL, NULL, "the feed cannot be read right now");
    }
    parts[0] = ak->format;
    parts[1] = a.base;
    parts[2] = kt_lang_codes[a.lang];
    parts[3] = a.title;
    parts[4] = a.digest;
    parts[5] = kt_text_in(kr, a.lang, "site.name");
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    ap_set_content_type(r, "application/atom+xml; charset=utf-8");
    not_modified = kt_http_not_modified(r, kt_etag_make(r->pool, parts, 6), a.last_modified);
    if (not_modified || r->header_only) {
        kt_db_end(a.db, 1);
        r->status = not_modified ? HTTP_NOT_MODIFIED : HTTP_OK;
        return OK;
    }
    stream(&a);
    return OK;
}

/* ---- the activities' Atom feed ----------------------------------------------------- */

static const kt_atom_kind activity_atom = {
    "/feed/activities.atom", "activities", "front.newest.heading", "urn:kotoutuminen:form",
    "feed-atom:1", &STMT_STATE, &STMT_ENTRIES
};

int kt_feed_atom(kt_req *kr, const char *arg)
{
    (void)arg;
    return kt_atom_serve(kr, &activity_atom);
}
