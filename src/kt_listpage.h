/* What a public list page on a filter table (kt_filter.h, parsed by
 * kt_search.h) shows besides its own results: the 400 for a wrong parameter
 * (with a link to the same list without it), the choices made (q first) with
 * links that remove each, and the page links.  The projects' list and the
 * organisations directory use it (the events' list has the same of its own,
 * with its switch between upcoming and ended events). */
#ifndef KT_LISTPAGE_H
#define KT_LISTPAGE_H

#include "kt_private.h"
#include "kt_search.h"

typedef struct {
    const char *segment;              /* after the language: "/projects" */
    const kt_filter_table *t;
    const char *log;                  /* the refusal's log tag, "KT0920: projects" */
} kt_listpage;

/* "/{lang}SEGMENT". */
const char *kt_listpage_path(apr_pool_t *p, kt_lang lang, const kt_listpage *lp);

/* The 400 page (logged at info). */
int kt_listpage_bad_param(kt_req *kr, const kt_listpage *lp, const kt_search_error *err,
                          const apr_array_header_t *pairs);

/* <asked><filter param value remove-href>value</filter>…</asked>: q, then
 * each filter's values in the table's order. */
void kt_listpage_asked(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v);

/* <pages current last><prev/><page-link n href current/><gap/><next/></pages>;
 * past the last page, links to the first and the last. */
void kt_listpage_pages(apr_pool_t *p, const char *path, xmlNodePtr parent, const kt_search *v,
                       int last);

#endif
