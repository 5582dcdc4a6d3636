/* The organisations directory's parameters (ROUTES.md, GET
 * /{lang}/organisations: search by name, municipality and type), one table
 * as every list page's (kt_filter.h).  Pure. */
#ifndef KT_DIRECTORY_H
#define KT_DIRECTORY_H

#include "kt_filter.h"

/* q (name or business ID), municipality, type, in the order of the list
 * statement's parameters; and the page's own (page). */
#define KT_DIRECTORY_FILTERS 3
extern const kt_filter kt_directory_filters[];
extern const kt_filter kt_directory_page_params[];

#endif
