/* The public search page (GET /{lang}/activities) and its OpenSearch
 * description (GET /opensearch.xml, /{lang}/opensearch.xml). */
#ifndef KT_SEARCH_PAGE_H
#define KT_SEARCH_PAGE_H

#include "kt_private.h"

int kt_page_search(kt_req *kr, const char *arg);
int kt_page_opensearch(kt_req *kr, const char *arg);

#endif
