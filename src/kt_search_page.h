/* The public search page (GET /{lang}/activities) and its OpenSearch
 * description (GET /opensearch.xml, /{lang}/opensearch.xml). */
#ifndef KT_SEARCH_PAGE_H
#define KT_SEARCH_PAGE_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_search.h"

int kt_page_search(kt_req *kr, const char *arg);

int kt_page_opensearch(kt_req *kr, const char *arg);

/* The statements built from the filter table (kt_filter.h): the search's and
 * the partner feed's, whose filters are the search's. */
typedef struct {
    kt_stmt counts_r, counts_dim, results, order, feed_state, feed_items;
} kt_search_stmts;

/* Builds them, once, before children start (post_config). */
void kt_search_sql_init(apr_pool_t *p);
const kt_search_stmts *kt_search_statements(void);

/* <back href=""/> on an activity page reached from a search of this site
 * (its Referer): the same search, in its canonical form, for "Back to the
 * search results".  Nothing for any other referrer. */
void kt_search_back_link(kt_req *kr, xmlNodePtr page);

/* Checks every code of s in the database the way the search page does
 * (against the vocabularies it keeps with the connection): *unknown 1 and *err naming the first pair (of the
 * decoded pairs, in URL order) whose code the site does not know; else the
 * languages of s become their ISO 639-3 codes, and q is read by the database
 * (kt_search_expand: s->tsq, …).  For the partner feed, which takes the same
 * filters.  A search without codes or q costs no statement. */
kt_db_status kt_search_check_codes(kt_req *kr, kt_db *db, kt_search *s,
                                   const apr_array_header_t *pairs, int *unknown,
                                   kt_search_error *err);

#endif
