/* An activity listing as its editor and its moderator see it: the content of
 * one version (PRODUCT.md, "Content"), as typed into the form or as read from
 * the database, its checks, its comparison with another version and its
 * place in a page document.  Pure (APR and libxml2 only): the unit tests call
 * it without httpd.
 *
 * The form's field names are the names used everywhere here (HACKING.md,
 * "Listings"): title_fi … description_en, forms, themes, targets, languages
 * (ISO 639-3 codes ticked) and languages_other (more of them, typed),
 * municipality, online, nationwide, street_address, postal_code, post_office,
 * accessibility_fi …, start_date, end_date, slot_weekday / slot_start /
 * slot_end (one triple a weekly time), session_date / session_start /
 * session_end (one a dated session), price (free | fee), price_amount,
 * registration (required | drop_in), contact_name, contact_email,
 * contact_phone, url, project. */
#ifndef KT_LISTING_H
#define KT_LISTING_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"

#define KT_LISTING_MAX_SLOTS     14      /* weekly times: twice a day every day */
#define KT_LISTING_MAX_SESSIONS  60      /* dated sessions of one event series */
#define KT_LISTING_MAX_LANGUAGES 30
#define KT_LISTING_TITLE_MAX     200     /* characters */
#define KT_LISTING_TEXT_MAX      5000
#define KT_LISTING_NOTE_MAX      1000    /* accessibility */

/* The editor's body: long texts in three languages, up to 60 sessions.  A
 * field over its length still decodes (up to max_value), so that the form
 * comes back with a message and the text kept instead of a bare 413. */
extern const kt_form_limits kt_listing_form_limits;

typedef struct {
    const char *weekday;     /* "1" (Monday) … "7", as sent */
    const char *start;       /* as typed: "17:00", "17.00", "17" */
    const char *end;
} kt_slot_row;

typedef struct {
    const char *date;        /* as typed: "2027-01-15" or "15.1.2027" */
    const char *start;
    const char *end;         /* may be empty */
} kt_session_row;

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *description[KT_LANG_COUNT];
    const char *accessibility[KT_LANG_COUNT];
    apr_array_header_t *forms;        /* const char *: vocabulary codes */
    apr_array_header_t *themes;
    apr_array_header_t *targets;
    apr_array_header_t *languages;    /* ISO 639-3 codes */
    const char *languages_other;      /* typed: "tir, amharic"; resolved by the caller */
    const char *municipality;         /* Statistics Finland code or "" */
    int online;
    int nationwide;
    const char *street_address;
    const char *postal_code;
    const char *post_office;
    const char *start_date;           /* as typed, or ISO from the database */
    const char *end_date;
    apr_array_header_t *slots;        /* kt_slot_row */
    apr_array_header_t *sessions;     /* kt_session_row */
    const char *price;                /* "free" or "fee" */
    const char *price_amount;         /* as typed: "5", "2,50", "3.5 €" */
    const char *registration;         /* "required" or "drop_in" */
    const char *contact_name;
    const char *contact_email;
    const char *contact_phone;
    const char *url;
    const char *project;              /* a project id of the organisation, or "" */
} kt_listing;

/* Called for every problem found: field (a form field name, or "slot-N" /
 * "session-N" for the Nth row, 1-based) and a message code (HACKING.md,
 * "Forms": the message is form.error.CODE). */
typedef void (*kt_listing_err)(void *baton, const char *field, const char *code);

/* An empty listing: every text "", every list empty, free, drop-in. */
kt_listing *kt_listing_new(apr_pool_t *p);

/* The listing in a decoded form body: values trimmed, CR LF made LF, codes
 * without repeats, rows zipped by position (a row whose fields are all
 * empty is dropped), the contact's email, phone and web address tidied
 * (kt_tidy.h). */
kt_listing *kt_listing_from_form(apr_pool_t *p, const kt_form *f);

/* Checks what was typed.  Always: lengths, characters, formats (dates,
 * times, the amount, addresses), the order of times and dates, at least one
 * title.  With `submit` also what a listing needs before a moderator sees it:
 * title and description together per language, a form of activity, a target
 * group, a language, a place, a way to contact, an end date not passed, and
 * the event-series rule (one dated session alone is a single event).  `today`
 * is "YYYY-MM-DD" in Helsinki.  Codes are checked by the caller against the
 * database.  Returns the number of problems. */
int kt_listing_check(apr_pool_t *p, const kt_listing *l, int submit, const char *today,
                     kt_listing_err err, void *baton);

/* Canonical forms; NULL when s does not parse.  Dates "YYYY-MM-DD" from ISO
 * or Finnish "D.M.YYYY"; times "HH:MM" from "H:MM", "H.MM" or "H"; amounts
 * "N.NN" from "5", "5,5", "5.50 €" (0 < amount ≤ 9999.99). */
const char *kt_listing_date(apr_pool_t *p, const char *s);
const char *kt_listing_clock(apr_pool_t *p, const char *s);
const char *kt_listing_amount(apr_pool_t *p, const char *s);

/* The rows of the comparison table (the review page, the edit conflict), in
 * display order; each stands for one or more fields. */
extern const char *const kt_listing_rows[];

/* The names of the rows in which a and b differ, compared in canonical form
 * (a date typed "15.1.2027" equals the stored "2027-01-15"; codes and times
 * as sets; languages by their codes, so typed ones must have been resolved
 * into l->languages first). */
apr_array_header_t *kt_listing_diff(apr_pool_t *p, const kt_listing *a, const kt_listing *b);

/* <listing role="…"> under parent with every field (canonical where it
 * parses), for the comparison table:
 *   <field name="title_fi" value="…"/>  <field name="forms"><value>…</value></field>
 *   <field name="schedule"><row weekday="2" start="17:00" end="19:00"/></field>
 *   <field name="sessions"><row date="2027-01-15" start="18:00" end=""/></field> */
xmlNodePtr kt_listing_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_listing *l);

/* The form's values (<form-state>, kt_formstate.h) from l: every field,
 * and the weekly times and sessions as repeated fields with extra_slots /
 * extra_sessions empty rows more (at least one row of each). */
void kt_listing_fill(kt_fstate *fs, apr_pool_t *p, const kt_listing *l, int extra_slots,
                     int extra_sessions);

/* The row buttons of the form: "add_slot" and "add_session" (one empty row
 * more: *extra_slots / *extra_sessions 1), "remove_slot_N" and
 * "remove_session_N" (row N as the form showed it, taken out of l).  1 when
 * action is one of them, 0 otherwise.  l's rows are then the form's as it
 * showed them, empty ones included, for the form shown again: the row added
 * is the last one, and a removed row's number is the next row's. */
int kt_listing_row_button(apr_pool_t *p, const kt_form *f, kt_listing *l, const char *action,
                          int *extra_slots, int *extra_sessions);

/* Text for SQL: codes joined with commas (for string_to_array), the rows as
 * three comma-joined lists each (weekday, start, end; date + start as
 * "YYYY-MM-DD HH:MM", end likewise or empty).  Only for a listing that
 * kt_listing_check passed. */
const char *kt_listing_join(apr_pool_t *p, const apr_array_header_t *codes);
void kt_listing_slot_lists(apr_pool_t *p, const kt_listing *l, const char **weekdays,
                           const char **starts, const char **ends);
void kt_listing_session_lists(apr_pool_t *p, const kt_listing *l, const char **starts,
                              const char **ends);

#endif
