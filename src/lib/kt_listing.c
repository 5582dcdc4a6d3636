/* Listings as the editor knows them; see kt_listing.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "kt_listing.h"
#include "kt_fields.h"
#include "kt_time.h"
#include "kt_xml.h"

/* The body as large as httpd's LimitRequestBody lets it be (conf/). */
const kt_form_limits kt_listing_form_limits = { 1048576, 600, 64, 524288 };

const char *const kt_listing_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "forms", "themes", "targets", "languages", "place", "address",
    "accessibility_fi", "accessibility_sv", "accessibility_en", "period", "schedule",
    "sessions", "price", "registration", "contact", "url", "project", NULL
};

static void rows_xml(apr_pool_t *p, xmlNodePtr parent, const void *content);
static const char *schedule_text(apr_pool_t *p, const void *content);
static const char *sessions_text(apr_pool_t *p, const void *content);

static const char *price_text(apr_pool_t *p, const void *content)
{
    const kt_listing *l = content;
    return kt_fields_price_text(p, l->price, l->price_amount);
}

/* In the order of the XML (and of the form's values; the weekly times and
 * sessions are the kind's own rows, below). */
static const kt_field listing_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_listing, title),
    KT_FIELD_LANGS("description", KT_FIELD_TEXT, kt_listing, description),
    KT_FIELD_LANGS("accessibility", KT_FIELD_TEXT, kt_listing, accessibility),
    KT_FIELD("forms", KT_FIELD_CODES, kt_listing, forms),
    KT_FIELD("themes", KT_FIELD_CODES, kt_listing, themes),
    KT_FIELD("targets", KT_FIELD_CODES, kt_listing, targets),
    /* languages_other is resolved into it before comparing */
    KT_FIELD("languages", KT_FIELD_CODES, kt_listing, languages),
    KT_FIELD("languages_other", KT_FIELD_LINE, kt_listing, languages_other),
    KT_FIELD("municipality", KT_FIELD_LINE, kt_listing, municipality),
    KT_FIELD("online", KT_FIELD_FLAG, kt_listing, online),
    KT_FIELD("nationwide", KT_FIELD_FLAG, kt_listing, nationwide),
    KT_FIELD("street_address", KT_FIELD_LINE, kt_listing, street_address),
    KT_FIELD("postal_code", KT_FIELD_LINE, kt_listing, postal_code),
    KT_FIELD("post_office", KT_FIELD_LINE, kt_listing, post_office),
    KT_FIELD_CANON("start_date", kt_listing, start_date, kt_listing_date),
    KT_FIELD_CANON("end_date", kt_listing, end_date, kt_listing_date),
    KT_FIELD_OWN_XML("schedule", rows_xml),
    KT_FIELD_CHOOSE("price", kt_listing, price, "free"),
    KT_FIELD_CANON("price_amount", kt_listing, price_amount, kt_listing_amount),
    KT_FIELD_CHOOSE("registration", kt_listing, registration, "drop_in"),
    KT_FIELD("contact_name", KT_FIELD_LINE, kt_listing, contact_name),
    KT_FIELD("contact_email", KT_FIELD_EMAIL, kt_listing, contact_email),
    KT_FIELD("contact_phone", KT_FIELD_PHONE, kt_listing, contact_phone),
    KT_FIELD("url", KT_FIELD_WEB, kt_listing, url),
    KT_FIELD("project", KT_FIELD_LINE, kt_listing, project),
    KT_FIELD_END
};

static const kt_field_row listing_rows[] = {
    { "place", "municipality online nationwide", NULL },
    { "address", "street_address postal_code post_office", NULL },
    { "period", "start_date end_date", NULL },
    { "schedule", NULL, schedule_text },
    { "sessions", NULL, sessions_text },
    { "price", NULL, price_text },
    { "contact", "contact_name contact_email contact_phone", NULL },
    { NULL, NULL, NULL }
};

static const kt_fieldset listing_fieldset = { listing_fields, listing_rows };

kt_listing *kt_listing_new(apr_pool_t *p)
{
    kt_listing *l = apr_pcalloc(p, sizeof(*l));

    kt_fields_blank(p, &listing_fieldset, l);
    l->slots = apr_array_make(p, 2, sizeof(kt_slot_row));
    l->sessions = apr_array_make(p, 2, sizeof(kt_session_row));
    return l;
}

/* ---- reading the form ---------------------------------------------------------- */

/* The i-th value of a repeated field, trimmed; "" past its end. */
static const char *nth(apr_pool_t *p, const apr_array_header_t *vals, int i)
{
    return i < vals->nelts ? kt_trim(p, APR_ARRAY_IDX(vals, i, const char *)) : "";
}

static int max3(int a, int b, int c)
{
    return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

/* The weekly times and sessions; shown: every row the form had, empty ones
 * too (a form shown again after a row button keeps its rows where they
 * were), else only those with something in them. */
static void read_rows(apr_pool_t *p, const kt_form *f, kt_listing *l, int shown)
{
    apr_array_header_t *wd = kt_form_values(p, f, "slot_weekday");
    apr_array_header_t *ss = kt_form_values(p, f, "slot_start");
    apr_array_header_t *se = kt_form_values(p, f, "slot_end");
    apr_array_header_t *dd = kt_form_values(p, f, "session_date");
    apr_array_header_t *ds = kt_form_values(p, f, "session_start");
    apr_array_header_t *de = kt_form_values(p, f, "session_end");
    int i, n = max3(wd->nelts, ss->nelts, se->nelts);

    for (i = 0; i < n; i++) {
        kt_slot_row r = { nth(p, wd, i), nth(p, ss, i), nth(p, se, i) };
        if (shown || *r.weekday || *r.start || *r.end) {
            *(kt_slot_row *)apr_array_push(l->slots) = r;
        }
    }
    n = max3(dd->nelts, ds->nelts, de->nelts);
    for (i = 0; i < n; i++) {
        kt_session_row r = { nth(p, dd, i), nth(p, ds, i), nth(p, de, i) };
        if (shown || *r.date || *r.start || *r.end) {
            *(kt_session_row *)apr_array_push(l->sessions) = r;
        }
    }
}

kt_listing *kt_listing_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_listing *l = kt_listing_new(p);

    kt_fields_read(p, &listing_fieldset, f, l);
    read_rows(p, f, l, 0);
    return l;
}

/* ---- canonical dates, times, amounts ---------------------------------------------- */

/* Digits of s[0..n) as a number, or -1 when they are not all digits. */
static int number(const char *s, apr_size_t n)
{
    int v = 0;
    apr_size_t i;

    if (n == 0 || n > 4) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (!apr_isdigit(s[i])) {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Splits s at the separator sep into exactly three numbers. */
static int three_numbers(const char *s, char sep, int v[3], apr_size_t len[3])
{
    const char *a = strchr(s, sep), *b = a ? strchr(a + 1, sep) : NULL;

    if (!a || !b || strchr(b + 1, sep)) {
        return 0;
    }
    len[0] = (apr_size_t)(a - s);
    len[1] = (apr_size_t)(b - a - 1);
    len[2] = strlen(b + 1);
    v[0] = number(s, len[0]);
    v[1] = number(a + 1, len[1]);
    v[2] = number(b + 1, len[2]);
    return v[0] >= 0 && v[1] >= 0 && v[2] >= 0;
}

const char *kt_listing_date(apr_pool_t *p, const char *s)
{
    int v[3], y, m, d;
    apr_size_t len[3];

    if (!s) {
        return NULL;
    }
    if (three_numbers(s, '-', v, len) && len[0] == 4 && len[1] == 2 && len[2] == 2) {
        y = v[0], m = v[1], d = v[2];
    }
    else if (three_numbers(s, '.', v, len) && len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
        d = v[0], m = v[1], y = v[2];
    }
    else {
        return NULL;
    }
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        return NULL;
    }
    return apr_psprintf(p, "%04d-%02d-%02d", y, m, d);
}

const char *kt_listing_clock(apr_pool_t *p, const char *s)
{
    const char *sep;
    int h, m = 0;

    if (!s || !*s) {
        return NULL;
    }
    sep = strpbrk(s, ":.");
    if (sep) {
        if (strlen(sep + 1) != 2 || (m = number(sep + 1, 2)) < 0) {
            return NULL;
        }
        h = number(s, (apr_size_t)(sep - s));
    }
    else {
        h = number(s, strlen(s));
    }
    if (h < 0 || h > 23 || m > 59 || (sep ? sep - s : (long)strlen(s)) > 2) {
        return NULL;
    }
    return apr_psprintf(p, "%02d:%02d", h, m);
}

const char *kt_listing_amount(apr_pool_t *p, const char *s)
{
    char *copy, *end, *c;
    apr_size_t n;
    long whole = 0, cents = 0;
    int decimals = 0, seen_sep = 0;

    if (!s) {
        return NULL;
    }
    copy = apr_pstrdup(p, s);
    n = strlen(copy);
    /* "5 €", "5€", "5 e", "5 eur" */
    if (n >= 3 && strcmp(copy + n - 3, "\xe2\x82\xac") == 0) {
        copy[n -= 3] = '\0';
    }
    else if (n > 3 && strcasecmp(copy + n - 3, "eur") == 0) {
        copy[n -= 3] = '\0';
    }
    end = copy + strlen(copy);
    while (end > copy && end[-1] == ' ') {
        *--end = '\0';
    }
    if (!*copy) {
        return NULL;
    }
    for (c = copy; *c; c++) {
        if (*c == ',' || *c == '.') {
            if (seen_sep++ || c == copy) {
                return NULL;
            }
        }
        else if (!apr_isdigit(*c)) {
            return NULL;
        }
        else if (seen_sep) {
            if (++decimals > 2) {
                return NULL;
            }
            cents = cents * 10 + (*c - '0');
        }
        else if ((whole = whole * 10 + (*c - '0')) > 9999) {
            return NULL;
        }
    }
    if (seen_sep && decimals == 0) {
        return NULL;
    }
    if (decimals == 1) {
        cents *= 10;
    }
    if (whole == 0 && cents == 0) {
        return NULL;
    }
    return apr_psprintf(p, "%ld.%02ld", whole, cents);
}

/* ---- checks ---------------------------------------------------------------------- */

static void check_choices(kt_checker *c, const kt_listing *l, int submit)
{
    if (submit && l->forms->nelts == 0) {
        kt_check_fail(c, "forms", "forms.missing");
    }
    if (submit && l->targets->nelts == 0) {
        kt_check_fail(c, "targets", "targets.missing");
    }
    kt_check_languages(c, l->languages, l->languages_other, submit, "languages.missing");
    kt_check_price(c, l->price, l->price_amount);
    if (strcmp(l->registration, "required") != 0 && strcmp(l->registration, "drop_in") != 0) {
        kt_check_fail(c, "registration", "registration.invalid");
    }
}

static void check_place(kt_checker *c, const kt_listing *l, int submit)
{
    if (submit && !kt_filled(l->municipality) && !l->online && !l->nationwide) {
        kt_check_fail(c, "municipality", "place.missing");
    }
    kt_check_address(c, l->street_address, l->postal_code, l->post_office);
}

static void check_contact(kt_checker *c, const kt_listing *l, int submit)
{
    kt_check_contact(c, l->contact_name, l->contact_email, l->contact_phone, l->url);
    if (submit && !kt_filled(l->contact_email) && !kt_filled(l->contact_phone)
        && !kt_filled(l->url)) {
        kt_check_fail(c, "contact_email", "contact.missing");
    }
    kt_check_id(c, "project", l->project);
}

static void check_period(kt_checker *c, const kt_listing *l, int submit, const char *today)
{
    const char *start = kt_listing_date(c->p, l->start_date);
    const char *end = kt_listing_date(c->p, l->end_date);

    if (kt_filled(l->start_date) && !start) {
        kt_check_fail(c, "start_date", "start_date.invalid");
    }
    if (kt_filled(l->end_date) && !end) {
        kt_check_fail(c, "end_date", "end_date.invalid");
    }
    else if (start && end && strcmp(end, start) < 0) {
        kt_check_fail(c, "end_date", "end_date.before_start");
    }
    else if (submit && end && today && strcmp(end, today) < 0) {
        kt_check_fail(c, "end_date", "end_date.past");
    }
}

static void check_slots(kt_checker *c, const kt_listing *l)
{
    int i;

    if (l->slots->nelts > KT_LISTING_MAX_SLOTS) {
        kt_check_fail(c, "slot-1", "slots.too_many");
        return;
    }
    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        const char *name = apr_psprintf(c->p, "slot-%d", i + 1);
        const char *s = kt_listing_clock(c->p, r->start), *e = kt_listing_clock(c->p, r->end);
        if (strlen(r->weekday) != 1 || r->weekday[0] < '1' || r->weekday[0] > '7') {
            kt_check_fail(c, name, "slot.weekday");
        }
        else if (!s || !e) {
            kt_check_fail(c, name, "slot.time");
        }
        else if (strcmp(e, s) <= 0) {
            kt_check_fail(c, name, "slot.order");
        }
    }
}

static void check_sessions(kt_checker *c, const kt_listing *l, int submit)
{
    int i;

    if (l->sessions->nelts > KT_LISTING_MAX_SESSIONS) {
        kt_check_fail(c, "session-1", "sessions.too_many");
        return;
    }
    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        const char *name = apr_psprintf(c->p, "session-%d", i + 1);
        const char *s = kt_listing_clock(c->p, r->start), *e = kt_listing_clock(c->p, r->end);
        if (!kt_listing_date(c->p, r->date)) {
            kt_check_fail(c, name, "session.date");
        }
        else if (!s || (kt_filled(r->end) && !e)) {
            kt_check_fail(c, name, "session.time");
        }
        else if (e && strcmp(e, s) == 0) {
            kt_check_fail(c, name, "session.order");
        }
    }
    /* PRODUCT.md: single events may not be listed; several events of one
     * organisation may, as an event series. */
    if (submit && l->slots->nelts == 0 && l->sessions->nelts == 1) {
        kt_check_fail(c, "session-1", "sessions.single");
    }
}

int kt_listing_check(apr_pool_t *p, const kt_listing *l, int submit, const char *today,
                     kt_listing_err err, void *baton)
{
    kt_checker c = { p, err, baton, 0 };

    kt_check_titled(&c, l->title, l->description, "accessibility", l->accessibility,
                    KT_LISTING_NOTE_MAX, submit);
    check_choices(&c, l, submit);
    check_place(&c, l, submit);
    check_period(&c, l, submit, today);
    check_slots(&c, l);
    check_sessions(&c, l, submit);
    check_contact(&c, l, submit);
    return c.n;
}

/* ---- comparing, the page document -------------------------------------------------- */

static const char *schedule_text(apr_pool_t *p, const void *content)
{
    const kt_listing *l = content;
    apr_array_header_t *rows = apr_array_make(p, l->slots->nelts + 1, sizeof(const char *));
    int i;

    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        APR_ARRAY_PUSH(rows, const char *) = apr_pstrcat(p, r->weekday, " ",
            kt_fields_canon(p, kt_listing_clock, r->start), " ", kt_fields_canon(p, kt_listing_clock, r->end), NULL);
    }
    return kt_fields_set_text(p, rows);
}

static const char *sessions_text(apr_pool_t *p, const void *content)
{
    const kt_listing *l = content;
    apr_array_header_t *rows = apr_array_make(p, l->sessions->nelts + 1, sizeof(const char *));
    int i;

    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        APR_ARRAY_PUSH(rows, const char *) = apr_pstrcat(p, kt_fields_canon(p, kt_listing_date, r->date),
            " ", kt_fields_canon(p, kt_listing_clock, r->start), " ",
            kt_filled(r->end) ? kt_fields_canon(p, kt_listing_clock, r->end) : "", NULL);
    }
    return kt_fields_set_text(p, rows);
}

apr_array_header_t *kt_listing_diff(apr_pool_t *p, const kt_listing *a, const kt_listing *b)
{
    return kt_fields_diff(p, &listing_fieldset, kt_listing_rows, a, b);
}

static void rows_xml(apr_pool_t *p, xmlNodePtr parent, const void *content)
{
    const kt_listing *l = content;
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL), row;
    int i;

    kt_xml_attr(p, f, "name", "schedule");
    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        row = kt_xml_add(p, f, "row", NULL);
        kt_xml_attr(p, row, "weekday", r->weekday);
        kt_xml_attr(p, row, "start", kt_fields_canon(p, kt_listing_clock, r->start));
        kt_xml_attr(p, row, "end", kt_fields_canon(p, kt_listing_clock, r->end));
    }
    f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", "sessions");
    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        row = kt_xml_add(p, f, "row", NULL);
        kt_xml_attr(p, row, "date", kt_fields_canon(p, kt_listing_date, r->date));
        kt_xml_attr(p, row, "start", kt_fields_canon(p, kt_listing_clock, r->start));
        kt_xml_attr(p, row, "end", kt_filled(r->end) ? kt_fields_canon(p, kt_listing_clock, r->end) : "");
    }
}

xmlNodePtr kt_listing_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_listing *l)
{
    return kt_fields_xml(p, parent, role, &listing_fieldset, l);
}

/* ---- text for SQL ---------------------------------------------------------------- */

const char *kt_listing_join(apr_pool_t *p, const apr_array_header_t *codes_)
{
    return apr_array_pstrcat(p, codes_, ',');
}

void kt_listing_slot_lists(apr_pool_t *p, const kt_listing *l, const char **weekdays,
                           const char **starts, const char **ends)
{
    apr_array_header_t *w = apr_array_make(p, 4, sizeof(const char *));
    apr_array_header_t *s = apr_array_make(p, 4, sizeof(const char *));
    apr_array_header_t *e = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        APR_ARRAY_PUSH(w, const char *) = r->weekday;
        APR_ARRAY_PUSH(s, const char *) = kt_listing_clock(p, r->start);
        APR_ARRAY_PUSH(e, const char *) = kt_listing_clock(p, r->end);
    }
    *weekdays = apr_array_pstrcat(p, w, ',');
    *starts = apr_array_pstrcat(p, s, ',');
    *ends = apr_array_pstrcat(p, e, ',');
}

/* The day after an ISO date, for a session that ends after midnight. */
static const char *next_day(apr_pool_t *p, const char *iso)
{
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    kt_time_civil_from_days(kt_time_days_from_civil(y, m, d) + 1, &y, &m, &d);
    return apr_psprintf(p, "%04d-%02d-%02d", y, m, d);
}

void kt_listing_session_lists(apr_pool_t *p, const kt_listing *l, const char **starts,
                              const char **ends)
{
    apr_array_header_t *s = apr_array_make(p, 4, sizeof(const char *));
    apr_array_header_t *e = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        const char *date = kt_listing_date(p, r->date), *start = kt_listing_clock(p, r->start);
        const char *end = kt_filled(r->end) ? kt_listing_clock(p, r->end) : NULL;
        APR_ARRAY_PUSH(s, const char *) = apr_pstrcat(p, date, " ", start, NULL);
        APR_ARRAY_PUSH(e, const char *) = !end ? ""
            : apr_pstrcat(p, strcmp(end, start) < 0 ? next_day(p, date) : date, " ", end, NULL);
    }
    *starts = apr_array_pstrcat(p, s, ',');
    *ends = apr_array_pstrcat(p, e, ',');
}

/* ---- the form's values ------------------------------------------------------------- */

/* One kind of row (weekly times or sessions) as three repeated fields: the
 * rows' values, then `extra` empty ones, at least one row in all so that
 * there is always one to fill in.  A row is three strings (kt_slot_row,
 * kt_session_row), read at the offsets given. */
static void put_rows(kt_fstate *fs, apr_pool_t *p, const apr_array_header_t *rows, int extra,
                     const char *const names[3], const size_t offsets[3])
{
    int n = rows->nelts + extra, i, k;

    n = n < 1 ? 1 : n;
    for (k = 0; k < 3; k++) {
        apr_array_header_t *v = apr_array_make(p, n, sizeof(const char *));
        for (i = 0; i < n; i++) {
            const char *row = i < rows->nelts ? rows->elts + (size_t)i * (size_t)rows->elt_size
                                              : NULL;
            APR_ARRAY_PUSH(v, const char *) = row ? *(const char *const *)(row + offsets[k]) : "";
        }
        kt_fstate_values(fs, names[k], v);
    }
}

void kt_listing_fill(kt_fstate *fs, apr_pool_t *p, const kt_listing *l, int extra_slots,
                     int extra_sessions)
{
    static const char *const slot_names[3] = { "slot_weekday", "slot_start", "slot_end" };
    static const char *const session_names[3] = { "session_date", "session_start",
                                                   "session_end" };
    static const size_t slot_at[3] = { offsetof(kt_slot_row, weekday),
                                       offsetof(kt_slot_row, start),
                                       offsetof(kt_slot_row, end) };
    static const size_t session_at[3] = { offsetof(kt_session_row, date),
                                          offsetof(kt_session_row, start),
                                          offsetof(kt_session_row, end) };

    kt_fields_fill(fs, p, &listing_fieldset, l);
    put_rows(fs, p, l->slots, extra_slots, slot_names, slot_at);
    put_rows(fs, p, l->sessions, extra_sessions, session_names, session_at);
}

int kt_listing_row_button(apr_pool_t *p, const kt_form *f, kt_listing *l, const char *action,
                          int *extra_slots, int *extra_sessions)
{
    int add_slot = action && strcmp(action, "add_slot") == 0;
    int add_session = action && strcmp(action, "add_session") == 0;
    int sessions = action && strncmp(action, "remove_session_", 15) == 0;
    int remove = sessions || (action && strncmp(action, "remove_slot_", 12) == 0);

    *extra_slots = add_slot;
    *extra_sessions = add_session;
    if (!add_slot && !add_session && !remove) {
        return 0;
    }
    /* the rows as the form showed them, so that the one added is the last
     * and the one after a removed row takes its number (the page's links to
     * them, listing.xsl) */
    l->slots->nelts = l->sessions->nelts = 0;
    read_rows(p, f, l, 1);
    if (remove) {
        apr_int64_t n = kt_parse_id(action + (sessions ? 15 : 12));
        apr_array_header_t *rows = sessions ? l->sessions : l->slots;
        int i = n > 0 && n <= rows->nelts ? (int)n - 1 : -1;
        if (i >= 0) {
            memmove(rows->elts + i * rows->elt_size, rows->elts + (i + 1) * rows->elt_size,
                    (size_t)(rows->nelts - i - 1) * (size_t)rows->elt_size);
            rows->nelts--;
        }
    }
    return 1;
}
