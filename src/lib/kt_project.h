/* A funded project (PRODUCT.md, "Projects"; issue 12 item 3), as its editor
 * and its moderator see it: the content of one version, as typed into the
 * form or read from the database, its checks, its comparison with another
 * version and its place in a page document.  Pure (APR and libxml2 only).
 *
 * The form's field names: title_fi … title_en (the project's name in each
 * language), description_fi … description_en, start_date, end_date, funder
 * (a code of project_funders), funder_name (only with "other"), objective
 * (a code of project_objectives: one of AMIF's national objectives, only
 * with "amif"), grant (euros), regions (codes), nationwide (yes),
 * contact_name, contact_email, contact_phone, url, partners (organisation
 * ids). */
#ifndef KT_PROJECT_H
#define KT_PROJECT_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"
#include "kt_filter.h"

/* At most this many partner organisations and regions (the table's CHECK). */
#define KT_PROJECT_MAX_PARTNERS 30
#define KT_PROJECT_MAX_REGIONS 30

/* The filters of /{lang}/projects (ROUTES.md: q, funder, objective,
 * active=1, page), one table read by the one parser, URL builder and SQL
 * writer (kt_search.h, kt_filter.h; HACKING.md, "Filters"). */
extern const kt_filter_table kt_project_filters;

typedef struct {
    const char *title[KT_LANG_COUNT];       /* the project's name */
    const char *description[KT_LANG_COUNT];
    const char *start_date;                 /* as typed, or D.M.YYYY from the database */
    const char *end_date;
    const char *funder;                     /* a funder's code, or "" */
    const char *funder_name;                /* another funder's name */
    const char *objective;                  /* an objective's code, or "" */
    const char *grant;                      /* euros as typed ("258 695,00"), or "" */
    apr_array_header_t *regions;            /* const char *: 2-digit codes */
    int nationwide;
    const char *contact_name;
    const char *contact_email;
    const char *contact_phone;
    const char *url;
    apr_array_header_t *partners;           /* const char *: organisation ids */
    /* empty: a project's editor offers no languages to choose (the engine
     * asks each kind for the codes its form must offer) */
    apr_array_header_t *languages;
} kt_project;

kt_project *kt_project_new(apr_pool_t *p);

/* The project in a decoded form body: values trimmed, CR LF made LF, codes
 * and ids without repeats. */
kt_project *kt_project_from_form(apr_pool_t *p, const kt_form *f);

/* Checks what was typed: lengths, characters, formats (dates, the amount,
 * addresses, links), the shape of codes and ids, the end not before the
 * start, at least one name; a funder's name only for "other", an objective
 * only for AMIF.  With `submit` also what the public reads: name and
 * description together per language, the period, the funder (and for AMIF
 * its objective, for another its name), an area (regions or the whole
 * country) and a way to contact or read more.  The number of problems; each
 * goes to err (field, message code). */
int kt_project_check(apr_pool_t *p, const kt_project *pr, int submit, kt_listing_err err,
                     void *baton);

/* The grant as the database takes it ("258695.00"), or NULL when it does not
 * parse: digits with spaces between thousands, a decimal comma or point. */
const char *kt_project_amount(apr_pool_t *p, const char *typed);

/* The rows of the comparison table, in display order. */
extern const char *const kt_project_rows[];

/* The rows in which a and b differ, compared in canonical form. */
apr_array_header_t *kt_project_diff(apr_pool_t *p, const kt_project *a, const kt_project *b);

/* <listing role="…"> with every field (canonical where it parses). */
xmlNodePtr kt_project_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_project *pr);

/* The form's values from pr. */
void kt_project_fill(kt_fstate *fs, apr_pool_t *p, const kt_project *pr);

#endif
