/* The public search page (GET /{lang}/activities) and its OpenSearch
 * description (GET /opensearch.xml, /{lang}/opensearch.xml). */
#ifndef KT_SEARCH_PAGE_H
#define KT_SEARCH_PAGE_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_search.h"

int kt_page_search(kt_req *kr, const char *arg);

int kt_page_opensearch(kt_req *kr, const char *arg);

/* The statements built from the activities' filter table (kt_filter.h): the
 * search's and the partner feed's, whose filters are the search's. */
typedef struct {
    kt_stmt counts_r, counts_dim, results, order, feed_state, feed_items;
} kt_search_stmts;
extern kt_search_stmts kt_search_generated;

/* Builds them, once, before children start (post_config: the activities'
 * kind's init); NULL, or why the module cannot start. */
const char *kt_search_sql_init(apr_pool_t *p);
/* Their addresses, for the start-up check of labels. */
const kt_stmt *const *kt_search_statements(int *n);

/* Another kind's table t (events…): builds the statements that check its
 * codes (kt_filter_codes_sql, label kt_KIND_codes) and read its q
 * (kt_search_expand with t->expand, label kt_KIND_expand), once before
 * children start, and keeps them for kt_search_check_codes; *codes and
 * *expand point at them, for the check of labels (*codes NULL when t has no
 * vocabulary).  NULL, or why the module cannot start. */
const char *kt_search_kind_init(apr_pool_t *p, const kt_filter_table *t, const kt_stmt **codes,
                                const kt_stmt **expand);

/* <back href=""/> on an activity page reached from a search of this site
 * (its Referer): the same search, in its canonical form, for "Back to the
 * search results".  Nothing for any other referrer. */
void kt_search_back_link(kt_req *kr, xmlNodePtr page);

/* The link kt_search_back_link puts on the page (the search of the Referer,
 * made again), or NULL: also part of the page cache's key (kt_pcache.h). */
const char *kt_search_back_href(kt_req *kr);

/* Checks every code of s in the database: *unknown 1 and *err naming the
 * first pair (of the decoded pairs, in URL order) whose code the site does not
 * know; then q is read by the database (kt_search_expand: s->tsq, …).
 * Activities' codes are checked as the search page does, against the
 * vocabularies it keeps with the connection, and their languages become ISO
 * 639-3 codes; another kind's by the statement kt_search_kind_init built from
 * its table.  For every kind's list page and partner feed.  A search without
 * codes or q costs no statement. */
kt_db_status kt_search_check_codes(kt_req *kr, kt_db *db, kt_search *s,
                                   const apr_array_header_t *pairs, int *unknown,
                                   kt_search_error *err);

#endif
