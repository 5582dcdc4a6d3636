/* Events as the editor knows them; see kt_event.h.  The formats (dates,
 * times, amounts) are those of activities (kt_listing.h), so that people
 * type them the same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_event.h"
#include "kt_fields.h"

const char *const kt_event_types[] = {
    "training", "seminar", "network_meeting", "webinar", "other", NULL
};

const char *const kt_event_audiences[] = {
    "professionals", "volunteers", "organisations", "everyone", NULL
};

/* Local time in Helsinki, as starts_at and ends_at are written. */
#define EV_NOW "(now() AT TIME ZONE 'Europe/Helsinki')"

/* The rows are public_events `v` with the municipality `m` (for its region).  A
 * municipality or a region also matches every online event, which is open to
 * people anywhere (as online activities are in the activity search); the two
 * are ORed (either place will do), so each one's condition reads the other's
 * values.  A date range matches the events that take place on some day of it.
 * The columns as in kt_activity_filters (kt_filter.c). */
#define EV_PLACE \
    "v.is_online OR v.municipality_code::text = ANY (coalesce(p.f_municipality, '{}'))" \
    " OR m.region_code::text = ANY (coalesce(p.f_region, '{}'))"

static const kt_filter event_filters[] = {
    { "type", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "v.event_type = ANY (p.f_type)",
      NULL, "event_types", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "audience", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "v.audiences && p.f_audience",
      NULL, "event_audiences", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "municipality", KT_FILTER_CODES, 50, kt_filter_municipality_code, NULL, EV_PLACE, NULL,
      "municipalities", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "region", KT_FILTER_CODES, 50, kt_filter_region_code, NULL, EV_PLACE, NULL, "regions",
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "online", KT_FILTER_FLAG, 1, NULL, NULL, "v.is_online", NULL, NULL,
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "free", KT_FILTER_FLAG, 1, NULL, NULL, "v.price_eur = 0", NULL, NULL,
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "from", KT_FILTER_DATE, 1, kt_filter_date, NULL, "v.ends_at >= p.f_from", NULL, NULL,
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "to", KT_FILTER_DATE, 1, kt_filter_date, NULL, "v.starts_at < p.f_to + 1", NULL, NULL,
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    /* the feed carries every public event, ended ones included */
    { "past", KT_FILTER_SWITCH, 1, NULL, NULL, "v.ends_at < " EV_NOW, "v.ends_at >= " EV_NOW,
      NULL, KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
};

/* q: the texts (sql/017_search_events.sql: unaccented stems, as activities')
 * and the lexemes of the values words name; prefixes and Finnish weak grades,
 * not the activities' lexicon (compounds, near-misses). */
const kt_filter_table kt_event_filters = {
    "events", event_filters, (int)(sizeof(event_filters) / sizeof(event_filters[0])),
    " FROM public_events v LEFT JOIN municipalities m ON m.code = v.municipality_code",
    "v.tsv @@ p.q", "prefix,weak,names", NULL
};

const char *const kt_event_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "type", "audiences", "time", "place", "address", "online", "languages", "registration",
    "price", "contact", "url", "project", NULL
};

/* The end's day as the XML shows it: the start's when none was typed. */
static const char *end_shown(apr_pool_t *p, const void *content)
{
    const kt_event *e = content;
    return kt_fields_canon(p, kt_listing_date, *e->end_date ? e->end_date : e->start_date);
}

/* The start and the end; the end's day compares empty when it is the start's. */
static const char *time_text(apr_pool_t *p, const void *content)
{
    const kt_event *e = content;
    const char *sd = kt_fields_canon(p, kt_listing_date, e->start_date);
    const char *ed = kt_fields_canon(p, kt_listing_date, e->end_date);

    return apr_pstrcat(p, sd, " ", kt_fields_canon(p, kt_listing_clock, e->start_time), " ",
                       strcmp(sd, ed) == 0 ? "" : ed, " ",
                       kt_fields_canon(p, kt_listing_clock, e->end_time), NULL);
}

static const char *price_text(apr_pool_t *p, const void *content)
{
    const kt_event *e = content;
    return kt_fields_price_text(p, e->price, e->price_amount);
}

/* In the order of the XML (and of the form's values). */
static const kt_field event_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_event, title),
    KT_FIELD_LANGS("description", KT_FIELD_TEXT, kt_event, description),
    KT_FIELD("type", KT_FIELD_LINE, kt_event, type),
    KT_FIELD("audiences", KT_FIELD_CODES, kt_event, audiences),
    KT_FIELD_CANON("start_date", kt_event, start_date, kt_listing_date),
    KT_FIELD_CANON("start_time", kt_event, start_time, kt_listing_clock),
    KT_FIELD_SHOWN("end_date", kt_event, end_date, kt_listing_date, end_shown),
    KT_FIELD_CANON("end_time", kt_event, end_time, kt_listing_clock),
    KT_FIELD("municipality", KT_FIELD_LINE, kt_event, municipality),
    KT_FIELD("street_address", KT_FIELD_LINE, kt_event, street_address),
    KT_FIELD("postal_code", KT_FIELD_LINE, kt_event, postal_code),
    KT_FIELD("post_office", KT_FIELD_LINE, kt_event, post_office),
    KT_FIELD("online", KT_FIELD_FLAG, kt_event, online),
    KT_FIELD("online_url", KT_FIELD_WEB, kt_event, online_url),
    KT_FIELD("languages", KT_FIELD_CODES, kt_event, languages),
    KT_FIELD("languages_other", KT_FIELD_LINE, kt_event, languages_other),
    KT_FIELD("registration_url", KT_FIELD_WEB, kt_event, registration_url),
    KT_FIELD_CANON("registration_deadline", kt_event, registration_deadline, kt_listing_date),
    KT_FIELD_CHOOSE("price", kt_event, price, "free"),
    KT_FIELD_CANON("price_amount", kt_event, price_amount, kt_listing_amount),
    KT_FIELD("contact_name", KT_FIELD_LINE, kt_event, contact_name),
    KT_FIELD("contact_email", KT_FIELD_EMAIL, kt_event, contact_email),
    KT_FIELD("contact_phone", KT_FIELD_PHONE, kt_event, contact_phone),
    KT_FIELD("url", KT_FIELD_WEB, kt_event, url),
    KT_FIELD("project", KT_FIELD_LINE, kt_event, project),
    KT_FIELD_END
};

static const kt_field_row event_rows[] = {
    { "time", NULL, time_text },
    { "place", "municipality", NULL },
    { "address", "street_address postal_code post_office", NULL },
    { "online", "online online_url", NULL },
    { "registration", "registration_url registration_deadline", NULL },
    { "price", NULL, price_text },
    { "contact", "contact_name contact_email contact_phone", NULL },
    { NULL, NULL, NULL }
};

static const kt_fieldset event_fieldset = { event_fields, event_rows };

kt_event *kt_event_new(apr_pool_t *p)
{
    kt_event *e = apr_pcalloc(p, sizeof(*e));

    kt_fields_blank(p, &event_fieldset, e);
    return e;
}

kt_event *kt_event_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_event *e = kt_event_new(p);

    kt_fields_read(p, &event_fieldset, f, e);
    return e;
}

/* ---- checks ---------------------------------------------------------------------- */

static void check_choices(kt_checker *c, const kt_event *e, int submit)
{
    int i;

    if (kt_filled(e->type) && !kt_one_of(kt_event_types, e->type)) {
        kt_check_fail(c, "type", "event_type.invalid");
    }
    else if (submit && !kt_filled(e->type)) {
        kt_check_fail(c, "type", "event_type.missing");
    }
    for (i = 0; i < e->audiences->nelts; i++) {
        if (!kt_one_of(kt_event_audiences, APR_ARRAY_IDX(e->audiences, i, const char *))) {
            kt_check_fail(c, "audiences", "audiences.invalid");
            break;
        }
    }
    if (submit && e->audiences->nelts == 0) {
        kt_check_fail(c, "audiences", "audiences.missing");
    }
    kt_check_languages(c, e->languages, e->languages_other, submit, "languages.missing");
    kt_check_price(c, e->price, e->price_amount);
}

/* A date or time in its format; with `submit`, also there.  1 when it is
 * wrong. */
static int bad_format(kt_checker *c, const char *name, const char *typed, const char *canon,
                      int submit)
{
    if (kt_filled(typed) && !canon) {
        kt_check_fail(c, name, apr_pstrcat(c->p, name, ".invalid", NULL));
        return 1;
    }
    if (submit && !canon) {
        kt_check_missing(c, name);
        return 1;
    }
    return 0;
}

/* Start and end: each date and time in its format, the end after the
 * start, not passed on submitting. */
static void check_time(kt_checker *c, const kt_event *e, int submit, const char *today)
{
    const char *sd = kt_listing_date(c->p, e->start_date), *st = kt_listing_clock(c->p, e->start_time);
    const char *ed = kt_listing_date(c->p, e->end_date), *et = kt_listing_clock(c->p, e->end_time);
    int bad = bad_format(c, "start_date", e->start_date, sd, submit);

    bad |= bad_format(c, "start_time", e->start_time, st, submit);
    bad |= bad_format(c, "end_date", e->end_date, ed, 0);
    bad |= bad_format(c, "end_time", e->end_time, et, submit);
    if (!bad && sd && st && et) {
        const char *start = kt_event_start(c->p, e), *end = kt_event_end(c->p, e);
        if (strcmp(end, start) <= 0) {
            kt_check_fail(c, kt_filled(e->end_date) ? "end_date" : "end_time",
                          "event_end.before_start");
        }
        else if (submit && today && strncmp(end, today, 10) < 0) {
            kt_check_fail(c, "end_date", "event_end.past");
        }
    }
    else if (!bad && sd && ed && strcmp(ed, sd) < 0) {
        kt_check_fail(c, "end_date", "end_date.before_start");
    }
}

static void check_place(kt_checker *c, const kt_event *e, int submit)
{
    if (submit && !kt_filled(e->municipality) && !e->online) {
        kt_check_fail(c, "municipality", "event_place.missing");
    }
    kt_check_address(c, e->street_address, e->postal_code, e->post_office);
    kt_check_web(c, "online_url", e->online_url);
}

static void check_contact(kt_checker *c, const kt_event *e, int submit)
{
    const char *sd = kt_listing_date(c->p, e->start_date);
    const char *dl = kt_listing_date(c->p, e->registration_deadline);

    kt_check_web(c, "registration_url", e->registration_url);
    if (kt_filled(e->registration_deadline) && !dl) {
        kt_check_fail(c, "registration_deadline", "registration_deadline.invalid");
    }
    else if (dl && sd && strcmp(dl, sd) > 0) {
        kt_check_fail(c, "registration_deadline", "registration_deadline.after_start");
    }
    kt_check_contact(c, e->contact_name, e->contact_email, e->contact_phone, e->url);
    if (submit && !kt_filled(e->contact_email) && !kt_filled(e->contact_phone)
        && !kt_filled(e->url) && !kt_filled(e->registration_url)) {
        kt_check_fail(c, "contact_email", "event_contact.missing");
    }
    kt_check_id(c, "project", e->project);
}

int kt_event_check(apr_pool_t *p, const kt_event *e, int submit, const char *today,
                   kt_listing_err err, void *baton)
{
    kt_checker c = { p, err, baton, 0 };

    kt_check_titled(&c, e->title, e->description, NULL, NULL, 0, submit);
    check_choices(&c, e, submit);
    check_time(&c, e, submit, today);
    check_place(&c, e, submit);
    check_contact(&c, e, submit);
    return c.n;
}

const char *kt_event_start(apr_pool_t *p, const kt_event *e)
{
    const char *d = kt_listing_date(p, e->start_date), *t = kt_listing_clock(p, e->start_time);
    return d && t ? apr_pstrcat(p, d, " ", t, NULL) : NULL;
}

const char *kt_event_end(apr_pool_t *p, const kt_event *e)
{
    const char *d = kt_listing_date(p, kt_filled(e->end_date) ? e->end_date : e->start_date);
    const char *t = kt_listing_clock(p, e->end_time);
    return d && t ? apr_pstrcat(p, d, " ", t, NULL) : NULL;
}

/* ---- comparing, the page document, the form ----------------------------------------- */

apr_array_header_t *kt_event_diff(apr_pool_t *p, const kt_event *a, const kt_event *b)
{
    return kt_fields_diff(p, &event_fieldset, kt_event_rows, a, b);
}

xmlNodePtr kt_event_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_event *e)
{
    return kt_fields_xml(p, parent, role, &event_fieldset, e);
}

void kt_event_fill(kt_fstate *fs, apr_pool_t *p, const kt_event *e)
{
    kt_fields_fill(fs, p, &event_fieldset, e);
}
