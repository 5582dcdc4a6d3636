/* What a public list page with a filter table (kt_filter.h) does besides its
 * own statement: the 400 for a wrong parameter (with a link to the same list
 * without it), the check of codes in the database, the chosen filters with
 * links that remove each, and the page links.  The projects' list and the
 * organisations directory use it; events have the same code of their own
 * (src/kt_events.c), which the search branch's filter table replaces. */
#ifndef KT_LISTPAGE_H
#define KT_LISTPAGE_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_filter.h"

typedef struct {
    const char *path;                 /* after the language: "/projects" */
    const kt_filter *filters;         /* the filters, in the statement's order */
    const kt_filter *const *tables;   /* filters, then the page's own (page) */
    const kt_stmt *codes;             /* finds unknown codes (kt_filter_codes_sql's shape) */
    int codes_nargs;
    const char *log;                  /* the refusal's log tag, "KT0920: projects" */
} kt_listpage;

/* "/{lang}PATH?query". */
const char *kt_listpage_href(apr_pool_t *p, kt_lang lang, const kt_listpage *lp,
                             const char *query);

/* The first unknown code in the order given, as err; *unknown 0 when none. */
kt_db_status kt_listpage_check_codes(kt_db *db, apr_pool_t *p, const kt_listpage *lp,
                                     const kt_filter_values *v,
                                     const apr_array_header_t *pairs, int *unknown,
                                     kt_filter_error *err);

/* The 400 page (logged at info). */
int kt_listpage_bad_param(kt_req *kr, const kt_listpage *lp, const kt_filter_error *err,
                          const apr_array_header_t *pairs);

/* <asked><filter param value remove-href>value</filter>…</asked> */
void kt_listpage_asked(apr_pool_t *p, kt_lang lang, const kt_listpage *lp, xmlNodePtr parent,
                       const kt_filter_values *v);

/* <pages current last><prev/><page-link n href current/><gap/><next/></pages>;
 * past the last page, links to the first and the last. */
void kt_listpage_pages(apr_pool_t *p, kt_lang lang, const kt_listpage *lp, xmlNodePtr parent,
                       const kt_filter_values *v, int page, int last);

#endif
