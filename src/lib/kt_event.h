/* An event or training for professionals and volunteers (PRODUCT.md,
 * "Events and trainings"; issue 11 part 2), as its editor and its moderator
 * see it: the content of one version, as typed into the form or read from
 * the database, its checks, its comparison with another version and its
 * place in a page document.  Pure (APR and libxml2 only).
 *
 * Unlike an activity, one dated event is what it is, also over several days:
 * a start and an end (date and time, Europe/Helsinki).
 *
 * The form's field names: title_fi … description_en, type (one of
 * KT_EVENT_TYPES), audiences (KT_EVENT_AUDIENCES), start_date, start_time,
 * end_date (empty: the start's day), end_time, municipality, street_address,
 * postal_code, post_office, online (yes), online_url, registration_url,
 * registration_deadline, price (free | fee), price_amount, languages and
 * languages_other (as for activities), contact_name, contact_email,
 * contact_phone, url, project. */
#ifndef KT_EVENT_H
#define KT_EVENT_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"
#include "kt_filter.h"

/* The vocabularies (sql/012_events.sql has their names), in display order. */
extern const char *const kt_event_types[];       /* training, seminar, network_meeting, … */
extern const char *const kt_event_audiences[];   /* professionals, volunteers, … */

/* The filters of /{lang}/events and /feed/events.xml (ROUTES.md, kt_filter.h),
 * in URL order: type, audience, municipality, region, online, free, from, to,
 * and the list page's past (ended events, newest first), which the feed does
 * not take.  q and page are every list page's (kt_search.h). */
extern const kt_filter_table kt_event_filters;

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *description[KT_LANG_COUNT];
    const char *type;                 /* a code of kt_event_types, or "" */
    apr_array_header_t *audiences;    /* const char *: codes of kt_event_audiences */
    const char *start_date;           /* as typed, or D.M.YYYY from the database */
    const char *start_time;           /* as typed: "9", "9.30", "09:30" */
    const char *end_date;             /* "" for the start's day */
    const char *end_time;
    const char *municipality;         /* Statistics Finland code or "" */
    const char *street_address;
    const char *postal_code;
    const char *post_office;
    int online;                       /* online, or also online */
    const char *online_url;           /* where to join, if given now */
    const char *registration_url;
    const char *registration_deadline;
    const char *price;                /* "free" or "fee" */
    const char *price_amount;
    apr_array_header_t *languages;    /* ISO 639-3 codes */
    const char *languages_other;      /* typed; resolved by the caller */
    const char *contact_name;
    const char *contact_email;
    const char *contact_phone;
    const char *url;                  /* more information, the programme */
    const char *project;              /* a project id of the organisation, or "" */
} kt_event;

/* An empty event: every text "", every list empty, free. */
kt_event *kt_event_new(apr_pool_t *p);

/* The event in a decoded form body: values trimmed, CR LF made LF, codes
 * without repeats, the web addresses, email and phone tidied (kt_tidy.h). */
kt_event *kt_event_from_form(apr_pool_t *p, const kt_form *f);

/* Checks what was typed: lengths, characters, formats (dates, times,
 * addresses, links, the amount), the codes' shape, the end after the start,
 * a registration deadline not after the start, at least one title.  With
 * `submit` also what the public reads: title and description together per
 * language, a type, an audience, a language, the start and end times, a
 * place (a municipality or online), a way to contact or register, and an end
 * not passed (`today` "YYYY-MM-DD" in Helsinki).  Returns the number of
 * problems; each goes to err (field, message code). */
int kt_event_check(apr_pool_t *p, const kt_event *e, int submit, const char *today,
                   kt_listing_err err, void *baton);

/* "YYYY-MM-DD HH:MM" of the start and of the end (the end's day is the
 * start's when not given); NULL when they do not parse. */
const char *kt_event_start(apr_pool_t *p, const kt_event *e);
const char *kt_event_end(apr_pool_t *p, const kt_event *e);

/* The rows of the comparison table, in display order. */
extern const char *const kt_event_rows[];

/* The rows in which a and b differ, compared in canonical form. */
apr_array_header_t *kt_event_diff(apr_pool_t *p, const kt_event *a, const kt_event *b);

/* <listing role="…"> with every field (canonical where it parses):
 * <field name value/>, <field name><value/>…</field>. */
xmlNodePtr kt_event_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_event *e);

/* The form's values from e. */
void kt_event_fill(kt_fstate *fs, apr_pool_t *p, const kt_event *e);

#endif
