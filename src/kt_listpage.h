/* A kind's public pages on its filter table (kt_filter.h, parsed by
 * kt_search.h), written once for every kind that has them: events, jobs,
 * projects, networks and the organisations directory.  A kind says what is
 * its own in a descriptor (kt_listpage: its path, table, log tag, page names,
 * statements and card writer; kt_itempage for one item) and calls
 * kt_listpage_serve / kt_itempage_serve from its handler; the cards of an
 * organisation's profile (by_org) and of the front page are kt_cards. */
#ifndef KT_LISTPAGE_H
#define KT_LISTPAGE_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_search.h"
#include "kt_fields.h"

/* Results a list page shows; the search statements' "LIMIT 20". */
#define KT_LISTPAGE_SIZE 20
#define KT_LISTPAGE_VOCAB_MAXARGS 8

/* Writes one item (a card) from the row's column `at` on into parent, and
 * returns it. */
typedef xmlNodePtr (*kt_card_fn)(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                                 int at, xmlNodePtr parent);

/* ---- the list: GET /{lang}/SEGMENT ------------------------------------------------------ */

/* One statement of a kind's table: its template (@PARAMS@, @WHERE@) expanded
 * into *stmt when the module starts; feed: only the rows the feed takes. */
typedef struct {
    kt_stmt *stmt;
    const char *label;
    const char *sql;
    int feed;
} kt_listpage_template;

#define KT_LISTPAGE_MAX_BUILT 8

/* What a kind built, for the start-up check of labels (its descriptor's
 * `statements`). */
typedef struct {
    const kt_stmt *all[KT_LISTPAGE_MAX_BUILT];
    int n;
} kt_listpage_built;

typedef struct {
    const char *segment;              /* after the language: "/projects" */
    const kt_filter_table *t;
    const char *log;                  /* the refusal's log tag, "KT0920: projects" */
    const char *type;                 /* the page type (/page/@type): "projects" */
    const char *sheet;                /* its stylesheet: "projects" */
    const char *root;                 /* the list's element: "projects-search" */
    /* The statements of the table, built by kt_listpage_init into `built`;
     * the first is the list's: its parameters, then the offset; one row
     * always, the number of hits then a card from column 1 (NULLs past the
     * end).  A feed's follow. */
    const kt_listpage_template *templates;
    kt_listpage_built *built;
    /* The form's vocabularies: rows (for, value, name, group) in order, each
     * parameter the page's language. */
    const kt_stmt *vocab;
    int vocab_nargs;                  /* at most KT_LISTPAGE_VOCAB_MAXARGS */
    kt_card_fn card;
    /* A KT_FILTER_SWITCH of the table that shows another list rather than a
     * narrower one (events' "past"), or NULL: the list's element says which
     * list it is (@past="true|false") and links the other (@switch-href). */
    const char *toggle;
} kt_listpage;

/* The page: parse and check the query (a 400 naming the wrong pair, with a
 * link to the same list without it, logged at info with lp->log), then
 * <ROOT [TOGGLE] page new-href [switch-href]><asked/><options/>…<results/>
 * <pages/></ROOT> (HACKING.md, "Page types"). */
int kt_listpage_serve(kt_req *kr, const kt_listpage *lp);

/* The kind's init (post_config): the statements that check lp's codes and
 * read its q (kt_search_kind_init), and its templates; NULL, or why the
 * module cannot start. */
const char *kt_listpage_init(apr_pool_t *p, const kt_listpage *lp);

/* What it built, for the start-up check of labels (the kind's `statements`). */
const kt_stmt *const *kt_listpage_statements(const kt_listpage *lp, int *n);

/* ---- one item: GET /{lang}/SEGMENT/{id} -------------------------------------------------- */

typedef struct {
    const char *type;                 /* the page type: "job" */
    const char *sheet;                /* its stylesheet: "jobs" */
    /* lang, id: whether it is archived (410), the card, the details; no row:
     * not public (404). */
    const kt_stmt *full;
    kt_card_fn card;                  /* the card, from column 1 */
    int card_ncols;
    /* the rest of the item, from column 1 + card_ncols */
    void (*details)(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, int at,
                    xmlNodePtr item);
    /* What the page shows besides the item's row (networks' members, a
     * project's activities), or NULL. */
    kt_db_status (*more)(kt_req *kr, kt_db *db, const char *id, xmlNodePtr item);
} kt_itempage;

int kt_itempage_serve(kt_req *kr, const kt_itempage *ip, const char *id);

/* ---- cards ------------------------------------------------------------------------------ */

/* <LIST> under parent with a card for each row of stmt (from column 0): an
 * organisation's items on its profile, the front page's next events. */
kt_db_status kt_cards(kt_db *db, apr_pool_t *p, kt_lang lang, const kt_stmt *stmt, int nargs,
                      const char *const *args, const char *list, kt_card_fn card,
                      xmlNodePtr parent);

/* "key US name RS …" (a statement's string_agg) as
 * <LIST><ITEM KEY="key">name</ITEM>…</LIST>; the empty <LIST> for NULL. */
void kt_packed_list(apr_pool_t *p, xmlNodePtr parent, const char *list, const char *item,
                    const char *key, const char *packed);

/* A boolean column true.  (A column given, not NULL, not empty: kt_filled,
 * kt_fields.h.) */
int kt_is_true(const char *s);

/* <contact name email phone/> under item when any of the three is given. */
void kt_card_contact(apr_pool_t *p, xmlNodePtr item, const char *name, const char *email,
                     const char *phone);

/* <link href/> under item when href is given. */
void kt_card_link(apr_pool_t *p, xmlNodePtr item, const char *href);

/* item's first child element named name, or NULL. */
xmlNodePtr kt_card_child(xmlNodePtr item, const char *name);

/* The full page's @region-code and @region on the card's
 * <place><municipality> (place may be NULL, or without one). */
void kt_card_region(apr_pool_t *p, xmlNodePtr place, const char *code, const char *name);

/* The full page's @business-id on the card's <organisation>. */
void kt_card_business_id(apr_pool_t *p, xmlNodePtr item, const char *business_id);

#endif
