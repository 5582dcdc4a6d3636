/* Handlers of the public pages.  Each takes the request state and the one
 * variable path segment of its route (NULL when the route has none). */
#ifndef KT_PAGES_H
#define KT_PAGES_H

#include "kt_private.h"

typedef int (*kt_handler)(kt_req *kr, const char *arg);

int kt_page_root(kt_req *kr, const char *arg);
int kt_page_health(kt_req *kr, const char *arg);
int kt_page_error_document(kt_req *kr, const char *arg);
int kt_page_front(kt_req *kr, const char *arg);
int kt_page_activity(kt_req *kr, const char *arg);
int kt_page_organisation(kt_req *kr, const char *arg);

#endif
