/* Events as the editor knows them; see kt_event.h.  The formats (dates,
 * times, amounts) are those of activities (kt_listing.h), so that people
 * type them the same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_event.h"
#include "kt_validate.h"
#include "kt_tidy.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

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

kt_event *kt_event_new(apr_pool_t *p)
{
    kt_event *e = apr_pcalloc(p, sizeof(*e));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        e->title[i] = e->description[i] = "";
    }
    e->audiences = apr_array_make(p, 2, sizeof(const char *));
    e->languages = apr_array_make(p, 4, sizeof(const char *));
    e->type = e->start_date = e->start_time = e->end_date = e->end_time = "";
    e->municipality = e->street_address = e->postal_code = e->post_office = "";
    e->online_url = e->registration_url = e->registration_deadline = "";
    e->price_amount = e->languages_other = "";
    e->contact_name = e->contact_email = e->contact_phone = e->url = e->project = "";
    e->price = "free";
    return e;
}

/* ---- reading the form ------------------------------------------------------------ */

static const char *field(apr_pool_t *p, const kt_form *f, const char *name)
{
    return kt_trim(p, kt_form_get(f, name));
}

/* Distinct non-empty values, in the order sent. */
static apr_array_header_t *codes(apr_pool_t *p, const kt_form *f, const char *name)
{
    apr_array_header_t *all = kt_form_values(p, f, name);
    apr_array_header_t *out = apr_array_make(p, all->nelts ? all->nelts : 1, sizeof(const char *));
    int i, j;

    for (i = 0; i < all->nelts; i++) {
        const char *v = kt_trim(p, APR_ARRAY_IDX(all, i, const char *));
        int seen = !*v;
        for (j = 0; !seen && j < out->nelts; j++) {
            seen = strcmp(APR_ARRAY_IDX(out, j, const char *), v) == 0;
        }
        if (!seen) {
            APR_ARRAY_PUSH(out, const char *) = v;
        }
    }
    return out;
}

kt_event *kt_event_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_event *e = kt_event_new(p);
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        e->title[i] = field(p, f, apr_pstrcat(p, "title_", lang_suffix[i], NULL));
        e->description[i] = kt_newlines(p, field(p, f, apr_pstrcat(p, "description_",
                                                                   lang_suffix[i], NULL)));
    }
    e->type = field(p, f, "type");
    e->audiences = codes(p, f, "audiences");
    e->start_date = field(p, f, "start_date");
    e->start_time = field(p, f, "start_time");
    e->end_date = field(p, f, "end_date");
    e->end_time = field(p, f, "end_time");
    e->municipality = field(p, f, "municipality");
    e->street_address = field(p, f, "street_address");
    e->postal_code = field(p, f, "postal_code");
    e->post_office = field(p, f, "post_office");
    e->online = strcmp(field(p, f, "online"), "yes") == 0;
    e->online_url = kt_tidy_web_url(p, field(p, f, "online_url"));
    e->registration_url = kt_tidy_web_url(p, field(p, f, "registration_url"));
    e->registration_deadline = field(p, f, "registration_deadline");
    /* a radio group with nothing chosen is not sent at all */
    e->price = kt_form_get(f, "price") ? field(p, f, "price") : "free";
    e->price_amount = field(p, f, "price_amount");
    e->languages = codes(p, f, "languages");
    e->languages_other = field(p, f, "languages_other");
    e->contact_name = field(p, f, "contact_name");
    e->contact_email = kt_tidy_email(p, field(p, f, "contact_email"));
    e->contact_phone = kt_tidy_phone(p, field(p, f, "contact_phone"));
    e->url = kt_tidy_web_url(p, field(p, f, "url"));
    e->project = field(p, f, "project");
    return e;
}

/* ---- checks ---------------------------------------------------------------------- */

typedef struct {
    apr_pool_t *p;
    kt_listing_err err;
    void *baton;
    int n;
} checker;

static void fail(checker *c, const char *name, const char *code)
{
    c->n++;
    c->err(c->baton, name, code);
}

/* "<field>.missing|too_long|invalid" from a validator's verdict. */
static void verdict(checker *c, const char *name, kt_verdict v)
{
    static const char *const suffix[] = { NULL, "missing", "too_long", "invalid" };
    if (v != KT_V_OK) {
        fail(c, name, apr_pstrcat(c->p, name, ".", suffix[v], NULL));
    }
}

static int filled(const char *s)
{
    return s && *s;
}

static int one_of(const char *const *list, const char *v)
{
    int i;
    for (i = 0; list[i]; i++) {
        if (strcmp(list[i], v) == 0) {
            return 1;
        }
    }
    return 0;
}

static void check_texts(checker *c, const kt_event *e, int submit)
{
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = apr_pstrcat(c->p, "title_", lang_suffix[i], NULL);
        const char *d = apr_pstrcat(c->p, "description_", lang_suffix[i], NULL);
        verdict(c, t, kt_valid_line(e->title[i], KT_LISTING_TITLE_MAX, 0));
        verdict(c, d, kt_valid_text(e->description[i], KT_LISTING_TEXT_MAX, 0));
        titles += filled(e->title[i]);
        if (submit && filled(e->title[i]) && !filled(e->description[i])) {
            fail(c, d, apr_pstrcat(c->p, d, ".missing", NULL));
        }
        if (submit && !filled(e->title[i]) && filled(e->description[i])) {
            fail(c, t, apr_pstrcat(c->p, t, ".missing", NULL));
        }
    }
    if (!titles) {
        fail(c, "title_fi", "title.none");
    }
}

static void check_choices(checker *c, const kt_event *e, int submit)
{
    int i;

    if (filled(e->type) && !one_of(kt_event_types, e->type)) {
        fail(c, "type", "event_type.invalid");
    }
    else if (submit && !filled(e->type)) {
        fail(c, "type", "event_type.missing");
    }
    for (i = 0; i < e->audiences->nelts; i++) {
        if (!one_of(kt_event_audiences, APR_ARRAY_IDX(e->audiences, i, const char *))) {
            fail(c, "audiences", "audiences.invalid");
            break;
        }
    }
    if (submit && e->audiences->nelts == 0) {
        fail(c, "audiences", "audiences.missing");
    }
    verdict(c, "languages_other", kt_valid_line(e->languages_other, 500, 0));
    if (e->languages->nelts > KT_LISTING_MAX_LANGUAGES) {
        fail(c, "languages", "languages.too_many");
    }
    else if (submit && e->languages->nelts == 0 && !filled(e->languages_other)) {
        fail(c, "languages", "languages.missing");
    }
    if (strcmp(e->price, "free") != 0 && strcmp(e->price, "fee") != 0) {
        fail(c, "price", "price.invalid");
    }
    else if (strcmp(e->price, "fee") == 0) {
        if (!filled(e->price_amount)) {
            fail(c, "price_amount", "price_amount.missing");
        }
        else if (!kt_listing_amount(c->p, e->price_amount)) {
            fail(c, "price_amount", "price_amount.invalid");
        }
    }
}

/* Start and end: each date and time in its format, the end after the
 * start, not passed on submitting. */
static void check_time(checker *c, const kt_event *e, int submit, const char *today)
{
    const char *sd = kt_listing_date(c->p, e->start_date), *st = kt_listing_clock(c->p, e->start_time);
    const char *ed = kt_listing_date(c->p, e->end_date), *et = kt_listing_clock(c->p, e->end_time);
    int bad = 0;

    if (filled(e->start_date) && !sd) {
        fail(c, "start_date", "start_date.invalid");
        bad = 1;
    }
    else if (submit && !sd) {
        fail(c, "start_date", "start_date.missing");
        bad = 1;
    }
    if (filled(e->start_time) && !st) {
        fail(c, "start_time", "start_time.invalid");
        bad = 1;
    }
    else if (submit && !st) {
        fail(c, "start_time", "start_time.missing");
        bad = 1;
    }
    if (filled(e->end_date) && !ed) {
        fail(c, "end_date", "end_date.invalid");
        bad = 1;
    }
    if (filled(e->end_time) && !et) {
        fail(c, "end_time", "end_time.invalid");
        bad = 1;
    }
    else if (submit && !et) {
        fail(c, "end_time", "end_time.missing");
        bad = 1;
    }
    if (!bad && sd && st && et) {
        const char *start = kt_event_start(c->p, e), *end = kt_event_end(c->p, e);
        if (strcmp(end, start) <= 0) {
            fail(c, filled(e->end_date) ? "end_date" : "end_time", "event_end.before_start");
        }
        else if (submit && today && strncmp(end, today, 10) < 0) {
            fail(c, "end_date", "event_end.past");
        }
    }
    else if (!bad && sd && ed && strcmp(ed, sd) < 0) {
        fail(c, "end_date", "end_date.before_start");
    }
}

static void check_place(checker *c, const kt_event *e, int submit)
{
    const char *pc = e->postal_code;

    if (submit && !filled(e->municipality) && !e->online) {
        fail(c, "municipality", "event_place.missing");
    }
    verdict(c, "street_address", kt_valid_line(e->street_address, 200, 0));
    if (filled(pc) && (strlen(pc) != 5 || strspn(pc, "0123456789") != 5)) {
        fail(c, "postal_code", "postal_code.invalid");
    }
    verdict(c, "post_office", kt_valid_line(e->post_office, 100, 0));
    if (filled(e->online_url)) {
        verdict(c, "online_url", kt_valid_web_url(e->online_url));
    }
}

static void check_contact(checker *c, const kt_event *e, int submit)
{
    const char *sd = kt_listing_date(c->p, e->start_date);
    const char *dl = kt_listing_date(c->p, e->registration_deadline);

    if (filled(e->registration_url)) {
        verdict(c, "registration_url", kt_valid_web_url(e->registration_url));
    }
    if (filled(e->registration_deadline) && !dl) {
        fail(c, "registration_deadline", "registration_deadline.invalid");
    }
    else if (dl && sd && strcmp(dl, sd) > 0) {
        fail(c, "registration_deadline", "registration_deadline.after_start");
    }
    verdict(c, "contact_name", kt_valid_line(e->contact_name, 200, 0));
    if (filled(e->contact_email)) {
        verdict(c, "contact_email", kt_valid_email(e->contact_email));
    }
    if (filled(e->contact_phone)) {
        verdict(c, "contact_phone", kt_valid_phone(e->contact_phone));
    }
    if (filled(e->url)) {
        verdict(c, "url", kt_valid_web_url(e->url));
    }
    if (submit && !filled(e->contact_email) && !filled(e->contact_phone) && !filled(e->url)
        && !filled(e->registration_url)) {
        fail(c, "contact_email", "event_contact.missing");
    }
    if (filled(e->project) && !kt_parse_id(e->project)) {
        fail(c, "project", "project.invalid");
    }
}

int kt_event_check(apr_pool_t *p, const kt_event *e, int submit, const char *today,
                   kt_listing_err err, void *baton)
{
    checker c = { p, err, baton, 0 };

    check_texts(&c, e, submit);
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
    const char *d = kt_listing_date(p, filled(e->end_date) ? e->end_date : e->start_date);
    const char *t = kt_listing_clock(p, e->end_time);
    return d && t ? apr_pstrcat(p, d, " ", t, NULL) : NULL;
}

/* ---- canonical text of each row, for comparing --------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *set_text(apr_pool_t *p, const apr_array_header_t *vals)
{
    apr_array_header_t *copy = apr_array_copy(p, vals);
    qsort(copy->elts, (size_t)copy->nelts, sizeof(const char *), cmp_str);
    return apr_array_pstrcat(p, copy, '\x1e');
}

static const char *canon(apr_pool_t *p, const char *(*fn)(apr_pool_t *, const char *),
                         const char *s)
{
    const char *v = fn(p, s);
    return v ? v : s;
}

/* The end's date as canonical text: empty when it is the start's day. */
static const char *end_day(apr_pool_t *p, const kt_event *e)
{
    const char *sd = canon(p, kt_listing_date, e->start_date);
    const char *ed = canon(p, kt_listing_date, e->end_date);
    return strcmp(sd, ed) == 0 ? "" : ed;
}

static const char *row_text(apr_pool_t *p, const kt_event *e, const char *name)
{
    const char *us = strrchr(name, '_');
    int i;

    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        if (strcmp(us + 1, lang_suffix[i]) != 0) {
            continue;
        }
        if (strncmp(name, "title_", 6) == 0) {
            return e->title[i];
        }
        if (strncmp(name, "description_", 12) == 0) {
            return e->description[i];
        }
    }
    if (strcmp(name, "type") == 0) {
        return e->type;
    }
    if (strcmp(name, "audiences") == 0) {
        return set_text(p, e->audiences);
    }
    if (strcmp(name, "time") == 0) {
        return apr_pstrcat(p, canon(p, kt_listing_date, e->start_date), " ",
                           canon(p, kt_listing_clock, e->start_time), " ", end_day(p, e), " ",
                           canon(p, kt_listing_clock, e->end_time), NULL);
    }
    if (strcmp(name, "place") == 0) {
        return e->municipality;
    }
    if (strcmp(name, "address") == 0) {
        return apr_pstrcat(p, e->street_address, "\x1f", e->postal_code, "\x1f", e->post_office,
                           NULL);
    }
    if (strcmp(name, "online") == 0) {
        return apr_psprintf(p, "%d %s", e->online, e->online_url);
    }
    if (strcmp(name, "languages") == 0) {
        return set_text(p, e->languages);
    }
    if (strcmp(name, "registration") == 0) {
        return apr_pstrcat(p, e->registration_url, "\x1f",
                           canon(p, kt_listing_date, e->registration_deadline), NULL);
    }
    if (strcmp(name, "price") == 0) {
        return strcmp(e->price, "fee") != 0 ? e->price
               : apr_pstrcat(p, "fee ", canon(p, kt_listing_amount, e->price_amount), NULL);
    }
    if (strcmp(name, "contact") == 0) {
        return apr_pstrcat(p, e->contact_name, "\x1f", e->contact_email, "\x1f",
                           e->contact_phone, NULL);
    }
    if (strcmp(name, "url") == 0) {
        return e->url;
    }
    return e->project;
}

apr_array_header_t *kt_event_diff(apr_pool_t *p, const kt_event *a, const kt_event *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_event_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_event_rows[i]), row_text(p, b, kt_event_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_event_rows[i];
        }
    }
    return out;
}

/* ---- the event in a page document ------------------------------------------------------ */

static void value_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "value", value);
}

/* A text written in words: compared word by word (kt_worddiff_changes). */
static void words_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "words", "true");
    kt_xml_attr(p, f, "value", value);
}

static void list_field(apr_pool_t *p, xmlNodePtr parent, const char *name,
                       const apr_array_header_t *vals)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    int i;

    kt_xml_attr(p, f, "name", name);
    for (i = 0; i < vals->nelts; i++) {
        kt_xml_add(p, f, "value", APR_ARRAY_IDX(vals, i, const char *));
    }
}

xmlNodePtr kt_event_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_event *e)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, n, "role", role);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        words_field(p, n, apr_pstrcat(p, "title_", lang_suffix[i], NULL), e->title[i]);
        words_field(p, n, apr_pstrcat(p, "description_", lang_suffix[i], NULL), e->description[i]);
    }
    value_field(p, n, "type", e->type);
    list_field(p, n, "audiences", e->audiences);
    value_field(p, n, "start_date", canon(p, kt_listing_date, e->start_date));
    value_field(p, n, "start_time", canon(p, kt_listing_clock, e->start_time));
    value_field(p, n, "end_date", canon(p, kt_listing_date, *e->end_date ? e->end_date
                                                                         : e->start_date));
    value_field(p, n, "end_time", canon(p, kt_listing_clock, e->end_time));
    value_field(p, n, "municipality", e->municipality);
    value_field(p, n, "street_address", e->street_address);
    value_field(p, n, "postal_code", e->postal_code);
    value_field(p, n, "post_office", e->post_office);
    value_field(p, n, "online", e->online ? "yes" : "");
    value_field(p, n, "online_url", e->online_url);
    list_field(p, n, "languages", e->languages);
    value_field(p, n, "languages_other", e->languages_other);
    value_field(p, n, "registration_url", e->registration_url);
    value_field(p, n, "registration_deadline",
                canon(p, kt_listing_date, e->registration_deadline));
    value_field(p, n, "price", e->price);
    value_field(p, n, "price_amount", canon(p, kt_listing_amount, e->price_amount));
    value_field(p, n, "contact_name", e->contact_name);
    value_field(p, n, "contact_email", e->contact_email);
    value_field(p, n, "contact_phone", e->contact_phone);
    value_field(p, n, "url", e->url);
    value_field(p, n, "project", e->project);
    return n;
}

void kt_event_fill(kt_fstate *fs, apr_pool_t *p, const kt_event *e)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, apr_pstrcat(p, "title_", lang_suffix[i], NULL), e->title[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "description_", lang_suffix[i], NULL),
                        e->description[i]);
    }
    kt_fstate_value(fs, "type", e->type);
    kt_fstate_values(fs, "audiences", e->audiences);
    kt_fstate_value(fs, "start_date", e->start_date);
    kt_fstate_value(fs, "start_time", e->start_time);
    kt_fstate_value(fs, "end_date", e->end_date);
    kt_fstate_value(fs, "end_time", e->end_time);
    kt_fstate_value(fs, "municipality", e->municipality);
    kt_fstate_value(fs, "street_address", e->street_address);
    kt_fstate_value(fs, "postal_code", e->postal_code);
    kt_fstate_value(fs, "post_office", e->post_office);
    kt_fstate_value(fs, "online", e->online ? "yes" : "");
    kt_fstate_value(fs, "online_url", e->online_url);
    kt_fstate_value(fs, "registration_url", e->registration_url);
    kt_fstate_value(fs, "registration_deadline", e->registration_deadline);
    kt_fstate_value(fs, "price", e->price);
    kt_fstate_value(fs, "price_amount", e->price_amount);
    kt_fstate_values(fs, "languages", e->languages);
    kt_fstate_value(fs, "languages_other", e->languages_other);
    kt_fstate_value(fs, "contact_name", e->contact_name);
    kt_fstate_value(fs, "contact_email", e->contact_email);
    kt_fstate_value(fs, "contact_phone", e->contact_phone);
    kt_fstate_value(fs, "url", e->url);
    kt_fstate_value(fs, "project", e->project);
}
