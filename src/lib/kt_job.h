/* A job: a paid post or a volunteer opening in integration work (PRODUCT.md,
 * "Jobs"; issue 12 item 2), as its editor and its moderator see it: the
 * content of one version, as typed into the form or read from the database,
 * its checks, its comparison with another version and its place in a page
 * document.  Pure (APR and libxml2 only).
 *
 * The form's field names: title_fi … description_en, type (one of
 * kt_job_types), municipality, remote (yes), hours (hours a week, "37,5"),
 * languages and languages_other (as for activities: the languages asked
 * for), deadline_date, deadline_time (optional; Europe/Helsinki),
 * apply_url (https://), apply_email, contact_name, contact_email,
 * contact_phone, salary_fi, salary_sv, salary_en (one line each). */
#ifndef KT_JOB_H
#define KT_JOB_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"
#include "kt_filter.h"

/* The vocabulary (sql/018_jobs.sql has its names), in display order. */
extern const char *const kt_job_types[];   /* permanent, fixed_term, part_time, … */

/* The filters of /{lang}/jobs and /feed/jobs.xml (ROUTES.md, kt_filter.h),
 * in URL order: type, municipality, region, remote.  q and page are every
 * list page's (kt_search.h); the feed takes every filter. */
extern const kt_filter_table kt_job_filters;

#define KT_JOB_SALARY_MAX 200   /* characters, in each language */
#define KT_JOB_HOURS_MAX  80    /* hours a week */

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *description[KT_LANG_COUNT];
    const char *type;                 /* a code of kt_job_types, or "" */
    const char *municipality;         /* Statistics Finland code or "" */
    int remote;                       /* can be done remotely (from anywhere) */
    const char *hours;                /* as typed: "37,5", "20" */
    apr_array_header_t *languages;    /* ISO 639-3 codes asked for */
    const char *languages_other;      /* typed; resolved by the caller */
    const char *deadline_date;        /* as typed, or D.M.YYYY from the database */
    const char *deadline_time;        /* "" (the end of the day), or as typed */
    const char *apply_url;            /* https:// */
    const char *apply_email;
    const char *contact_name;
    const char *contact_email;
    const char *contact_phone;
    const char *salary[KT_LANG_COUNT]; /* salary or benefits, one line a language */
} kt_job;

/* An empty job: every text "", every list empty. */
kt_job *kt_job_new(apr_pool_t *p);

/* The job in a decoded form body: values trimmed, CR LF made LF, codes
 * without repeats, the link, the email addresses and the phone tidied
 * (kt_tidy.h). */
kt_job *kt_job_from_form(apr_pool_t *p, const kt_form *f);

/* Checks what was typed: lengths, characters, formats (the deadline, the
 * hours, addresses, the link, which must be https), at least one title.
 * With `submit` also what the public reads: title and description together
 * per language, a type, a language, a place (a municipality or remote), a
 * deadline not passed (`today` "YYYY-MM-DD" in Helsinki) and a way to apply
 * (a link or an address).  Returns the number of problems; each goes to err
 * (field, message code). */
int kt_job_check(apr_pool_t *p, const kt_job *j, int submit, const char *today,
                 kt_listing_err err, void *baton);

/* Hours a week in canonical form ("37.5", "20"): a number with at most one
 * decimal, typed with a comma or a point, more than 0 and at most
 * KT_JOB_HOURS_MAX; NULL when s is not one. */
const char *kt_job_hours(apr_pool_t *p, const char *s);

/* The rows of the comparison table, in display order. */
extern const char *const kt_job_rows[];

/* The rows in which a and b differ, compared in canonical form. */
apr_array_header_t *kt_job_diff(apr_pool_t *p, const kt_job *a, const kt_job *b);

/* <listing role="…"> with every field (canonical where it parses). */
xmlNodePtr kt_job_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_job *j);

/* The form's values from j. */
void kt_job_fill(kt_fstate *fs, apr_pool_t *p, const kt_job *j);

#endif
