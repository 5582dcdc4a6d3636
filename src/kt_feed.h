/* The partner feeds (../shared/spec/FEED.md): GET /feed/activities.xml, its
 * schema /feed/activities.xsd, the Atom feed /feed/activities.atom, and the
 * partner guide /{lang}/feed. */
#ifndef KT_FEED_H
#define KT_FEED_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_feed_params.h"
#include "kt_xmlout.h"
#include "kt_filter.h"

#define KT_FEED_NS "urn:kotoutuminen:feed:1"

/* Arguments of a feed's statements: its table's, then eight; at most. */
#define KT_FEED_NARGS(t) (KT_FILTER_NARGS(t) + 8)
#define KT_FEED_MAX_ARGS (3 + KT_FILTER_MAX + 8)

/* One partner feed (FEED.md) of one kind of listing.  The machinery —
 * parameters, cursor, snapshot, ETag and 304, rows streamed, <next>,
 * <deleted> — is kt_feed_serve's; the kind supplies its filter table (the
 * one its list page has: the feed parses, checks and passes its filters as
 * the page does, kt_search.h), its two statements and its item writer.  The
 * statements take the table's arguments (kt_search_sql_args,
 * KT_FILTER_NARGS of them), then lo_ts, lo_id, horizon, the limit, and the
 * limit again for each of four LIMITs (KT_FEED_NARGS; kt_feed_sql.h says
 * how); ITEMS' first columns are hit, id, time (RFC 3339), time (µs),
 * published. */
typedef struct {
    const char *root;             /* the document's root element: "activities" */
    const char *ns;               /* its namespace */
    const char *path;             /* "/feed/activities.xml", for <next> */
    const char *format;           /* part of every ETag; changes with the document's shape */
    const kt_stmt *state;
    const kt_stmt *items;
    const kt_filter_table *filters;
    /* one public item (ITEMS' row); data: what prepare gave */
    void (*write)(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, const char *base,
                  const void *data);
    /* the message of the list page's own parameters (kt_feed_page_only) */
    const char *page_only_message;
    const char *unknown_value;    /* the message of a code no vocabulary has */
    /* NULL, or what the writer needs besides the rows, read in the page's
     * snapshot before its items (into p, the request's) */
    kt_db_status (*prepare)(kt_db *db, apr_pool_t *p, const void **data);
} kt_feed_kind;

/* The Atom feed of a kind's newest listings (kt_atom.c).  STATE gives the
 * entries' digest, the newest change in µs and as RFC 3339; ENTRIES (%s:
 * lang) id, updated, published, titles (3), descriptions (3), organisation
 * id and name (NULL for a kind of no organisation: the service is the
 * author), categories "code US name RS …". */
typedef struct {
    const char *path;             /* "/feed/activities.atom" */
    const char *segment;          /* "activities": the entries' pages */
    const char *title_key;        /* the catalog's name of the list */
    const char *scheme;           /* the categories' scheme */
    const char *format;           /* part of every ETag */
    const kt_stmt *state;
    const kt_stmt *entries;
} kt_atom_kind;

int kt_atom_serve(kt_req *kr, const kt_atom_kind *ak);

/* Serves one page of the feed fk (FEED.md).  Returns OK. */
int kt_feed_serve(kt_req *kr, const kt_feed_kind *fk);

/* Pieces of an item every kind's writer uses: texts in each language
 * (<name xml:lang>), titles (at least one <title>), "f0 US f1 … RS …"
 * records, lists of them, vocabulary terms and languages with their names,
 * the item's pages on the site. */
#define KT_FEED_MAX_FIELDS 5
typedef void (*kt_feed_record_fn)(kt_xmlout *o, apr_pool_t *p, const char *item,
                                  char *fields[KT_FEED_MAX_FIELDS]);
void kt_feed_texts(kt_xmlout *o, apr_pool_t *p, const char *name, kt_db *db, apr_dbd_row_t *row,
                   int col);
void kt_feed_titles(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col);
void kt_feed_records(kt_xmlout *o, apr_pool_t *p, const char *item, const char *packed,
                     kt_feed_record_fn fn);
void kt_feed_list(kt_xmlout *o, apr_pool_t *p, const char *name, const char *item,
                  const char *packed, kt_feed_record_fn fn);
void kt_feed_vocab_record(kt_xmlout *o, apr_pool_t *p, const char *item,
                          char *fields[KT_FEED_MAX_FIELDS]);
void kt_feed_language_record(kt_xmlout *o, apr_pool_t *p, const char *item,
                             char *fields[KT_FEED_MAX_FIELDS]);
void kt_feed_canonical(kt_xmlout *o, apr_pool_t *p, const char *base, const char *segment,
                       const char *id);

/* The parts the kinds' items share, each read from consecutive columns of the
 * row (every feed statement keeps them in this order), each written only
 * when given: <municipality code><name xml:lang="fi"/><name xml:lang="sv"/>
 * (code, fi, sv at muni) and <region code><name xml:lang/>…</region> (code,
 * fi, sv, en at region); <address street postal-code post-office/>;
 * <contact name email phone/>; <organisation id business-id type>name
 * (id, name, business ID, type at org) and, project >= 0, <project id>name
 * (id, name).  <price free amount currency/> (always), <website href/>. */
void kt_feed_area(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int muni,
                  int region);
void kt_feed_address(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col);
void kt_feed_contact(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int col);
void kt_feed_owner(kt_xmlout *o, apr_pool_t *p, kt_db *db, apr_dbd_row_t *row, int org,
                   int project);
void kt_feed_price(kt_xmlout *o, apr_pool_t *p, const char *price);
void kt_feed_website(kt_xmlout *o, apr_pool_t *p, const char *href);

int kt_feed_xml(kt_req *kr, const char *arg);
/* arg: the file name under /feed/ (activities.xsd, xml.xsd), served from
 * what kt_feed_xsd_load read at start-up. */
int kt_feed_xsd(kt_req *kr, const char *arg);
/* Read the schema files of XSLT_DIR/feed/ into p; an error message (KT0610/KT0611) or NULL. */
const char *kt_feed_xsd_load(apr_pool_t *p, const char *xslt_dir, kt_feed_schemas **out);
int kt_feed_atom(kt_req *kr, const char *arg);
int kt_feed_guide(kt_req *kr, const char *arg);

/* A feed error as XML in the feed's namespace (the schema's <error>):
 * <error status param reason>message</error>, never cached.  503 adds
 * Retry-After.  param and reason may be NULL.  Returns OK. */
int kt_feed_send_error(kt_req *kr, int status, const char *param, const char *reason,
                       const char *message);

/* The same in another feed's namespace. */
int kt_feed_send_error_ns(kt_req *kr, const char *ns, int status, const char *param,
                          const char *reason, const char *message);

#endif
