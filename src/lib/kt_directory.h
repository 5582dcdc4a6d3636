/* The organisations directory's parameters (ROUTES.md, GET
 * /{lang}/organisations: search by name, municipality and type): q,
 * municipality, type and page, one filter table as every list page's
 * (kt_filter.h; HACKING.md, "Filters").  Pure. */
#ifndef KT_DIRECTORY_H
#define KT_DIRECTORY_H

#include "kt_filter.h"

extern const kt_filter_table kt_directory_filters;

#endif
