/* Listings as the editor knows them; see kt_listing.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "kt_listing.h"
#include "kt_validate.h"
#include "kt_tidy.h"
#include "kt_time.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

/* The body as large as httpd's LimitRequestBody lets it be (conf/). */
const kt_form_limits kt_listing_form_limits = { 1048576, 600, 64, 524288 };

const char *const kt_listing_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "forms", "themes", "targets", "languages", "place", "address",
    "accessibility_fi", "accessibility_sv", "accessibility_en", "period", "schedule",
    "sessions", "price", "registration", "contact", "url", "project", NULL
};

kt_listing *kt_listing_new(apr_pool_t *p)
{
    kt_listing *l = apr_pcalloc(p, sizeof(*l));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        l->title[i] = l->description[i] = l->accessibility[i] = "";
    }
    l->forms = apr_array_make(p, 2, sizeof(const char *));
    l->themes = apr_array_make(p, 2, sizeof(const char *));
    l->targets = apr_array_make(p, 2, sizeof(const char *));
    l->languages = apr_array_make(p, 4, sizeof(const char *));
    l->slots = apr_array_make(p, 2, sizeof(kt_slot_row));
    l->sessions = apr_array_make(p, 2, sizeof(kt_session_row));
    l->languages_other = l->municipality = l->street_address = l->postal_code = "";
    l->post_office = l->start_date = l->end_date = l->price_amount = "";
    l->contact_name = l->contact_email = l->contact_phone = l->url = l->project = "";
    l->price = "free";
    l->registration = "drop_in";
    return l;
}

/* ---- reading the form ---------------------------------------------------------- */

static const char *field(apr_pool_t *p, const kt_form *f, const char *name)
{
    return kt_trim(p, kt_form_get(f, name));
}

static const char *text_field(apr_pool_t *p, const kt_form *f, const char *name)
{
    return kt_newlines(p, field(p, f, name));
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
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        l->title[i] = field(p, f, apr_pstrcat(p, "title_", lang_suffix[i], NULL));
        l->description[i] = text_field(p, f, apr_pstrcat(p, "description_", lang_suffix[i], NULL));
        l->accessibility[i] = text_field(p, f, apr_pstrcat(p, "accessibility_", lang_suffix[i],
                                                           NULL));
    }
    l->forms = codes(p, f, "forms");
    l->themes = codes(p, f, "themes");
    l->targets = codes(p, f, "targets");
    l->languages = codes(p, f, "languages");
    l->languages_other = field(p, f, "languages_other");
    l->municipality = field(p, f, "municipality");
    l->online = strcmp(field(p, f, "online"), "yes") == 0;
    l->nationwide = strcmp(field(p, f, "nationwide"), "yes") == 0;
    l->street_address = field(p, f, "street_address");
    l->postal_code = field(p, f, "postal_code");
    l->post_office = field(p, f, "post_office");
    l->start_date = field(p, f, "start_date");
    l->end_date = field(p, f, "end_date");
    /* a radio group with nothing chosen is not sent at all */
    l->price = kt_form_get(f, "price") ? field(p, f, "price") : "free";
    l->price_amount = field(p, f, "price_amount");
    l->registration = kt_form_get(f, "registration") ? field(p, f, "registration") : "drop_in";
    l->contact_name = field(p, f, "contact_name");
    l->contact_email = kt_tidy_email(p, field(p, f, "contact_email"));
    l->contact_phone = kt_tidy_phone(p, field(p, f, "contact_phone"));
    l->url = kt_tidy_web_url(p, field(p, f, "url"));
    l->project = field(p, f, "project");
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

typedef struct {
    apr_pool_t *p;
    kt_listing_err err;
    void *baton;
    int n;
} checker;

static void fail(checker *c, const char *field, const char *code)
{
    c->n++;
    c->err(c->baton, field, code);
}

/* "<field>.missing|too_long|invalid" from a validator's verdict, as
 * kt_form_check names them. */
static void verdict(checker *c, const char *field, kt_verdict v)
{
    static const char *const suffix[] = { NULL, "missing", "too_long", "invalid" };
    if (v != KT_V_OK) {
        fail(c, field, apr_pstrcat(c->p, field, ".", suffix[v], NULL));
    }
}

static int filled(const char *s)
{
    return s && *s;
}

static void check_texts(checker *c, const kt_listing *l, int submit)
{
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = apr_pstrcat(c->p, "title_", lang_suffix[i], NULL);
        const char *d = apr_pstrcat(c->p, "description_", lang_suffix[i], NULL);
        const char *a = apr_pstrcat(c->p, "accessibility_", lang_suffix[i], NULL);
        verdict(c, t, kt_valid_line(l->title[i], KT_LISTING_TITLE_MAX, 0));
        verdict(c, d, kt_valid_text(l->description[i], KT_LISTING_TEXT_MAX, 0));
        verdict(c, a, kt_valid_text(l->accessibility[i], KT_LISTING_NOTE_MAX, 0));
        titles += filled(l->title[i]);
        if (submit && filled(l->title[i]) && !filled(l->description[i])) {
            fail(c, d, apr_pstrcat(c->p, d, ".missing", NULL));
        }
        if (submit && !filled(l->title[i]) && filled(l->description[i])) {
            fail(c, t, apr_pstrcat(c->p, t, ".missing", NULL));
        }
    }
    if (!titles) {
        fail(c, "title_fi", "title.none");
    }
}

static void check_choices(checker *c, const kt_listing *l, int submit)
{
    if (submit && l->forms->nelts == 0) {
        fail(c, "forms", "forms.missing");
    }
    if (submit && l->targets->nelts == 0) {
        fail(c, "targets", "targets.missing");
    }
    verdict(c, "languages_other", kt_valid_line(l->languages_other, 500, 0));
    if (l->languages->nelts > KT_LISTING_MAX_LANGUAGES) {
        fail(c, "languages", "languages.too_many");
    }
    else if (submit && l->languages->nelts == 0 && !filled(l->languages_other)) {
        fail(c, "languages", "languages.missing");
    }
    if (strcmp(l->price, "free") != 0 && strcmp(l->price, "fee") != 0) {
        fail(c, "price", "price.invalid");
    }
    else if (strcmp(l->price, "fee") == 0) {
        if (!filled(l->price_amount)) {
            fail(c, "price_amount", "price_amount.missing");
        }
        else if (!kt_listing_amount(c->p, l->price_amount)) {
            fail(c, "price_amount", "price_amount.invalid");
        }
    }
    if (strcmp(l->registration, "required") != 0 && strcmp(l->registration, "drop_in") != 0) {
        fail(c, "registration", "registration.invalid");
    }
}

static void check_place(checker *c, const kt_listing *l, int submit)
{
    const char *pc = l->postal_code;

    if (submit && !filled(l->municipality) && !l->online && !l->nationwide) {
        fail(c, "municipality", "place.missing");
    }
    verdict(c, "street_address", kt_valid_line(l->street_address, 200, 0));
    if (filled(pc) && (strlen(pc) != 5 || strspn(pc, "0123456789") != 5)) {
        fail(c, "postal_code", "postal_code.invalid");
    }
    verdict(c, "post_office", kt_valid_line(l->post_office, 100, 0));
}

static void check_contact(checker *c, const kt_listing *l, int submit)
{
    verdict(c, "contact_name", kt_valid_line(l->contact_name, 200, 0));
    if (filled(l->contact_email)) {
        verdict(c, "contact_email", kt_valid_email(l->contact_email));
    }
    if (filled(l->contact_phone)) {
        verdict(c, "contact_phone", kt_valid_phone(l->contact_phone));
    }
    if (filled(l->url)) {
        verdict(c, "url", kt_valid_web_url(l->url));
    }
    if (submit && !filled(l->contact_email) && !filled(l->contact_phone) && !filled(l->url)) {
        fail(c, "contact_email", "contact.missing");
    }
    if (filled(l->project) && !kt_parse_id(l->project)) {
        fail(c, "project", "project.invalid");
    }
}

static void check_period(checker *c, const kt_listing *l, int submit, const char *today)
{
    const char *start = kt_listing_date(c->p, l->start_date);
    const char *end = kt_listing_date(c->p, l->end_date);

    if (filled(l->start_date) && !start) {
        fail(c, "start_date", "start_date.invalid");
    }
    if (filled(l->end_date) && !end) {
        fail(c, "end_date", "end_date.invalid");
    }
    else if (start && end && strcmp(end, start) < 0) {
        fail(c, "end_date", "end_date.before_start");
    }
    else if (submit && end && today && strcmp(end, today) < 0) {
        fail(c, "end_date", "end_date.past");
    }
}

static void check_slots(checker *c, const kt_listing *l)
{
    int i;

    if (l->slots->nelts > KT_LISTING_MAX_SLOTS) {
        fail(c, "slot-1", "slots.too_many");
        return;
    }
    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        const char *name = apr_psprintf(c->p, "slot-%d", i + 1);
        const char *s = kt_listing_clock(c->p, r->start), *e = kt_listing_clock(c->p, r->end);
        if (strlen(r->weekday) != 1 || r->weekday[0] < '1' || r->weekday[0] > '7') {
            fail(c, name, "slot.weekday");
        }
        else if (!s || !e) {
            fail(c, name, "slot.time");
        }
        else if (strcmp(e, s) <= 0) {
            fail(c, name, "slot.order");
        }
    }
}

static void check_sessions(checker *c, const kt_listing *l, int submit)
{
    int i;

    if (l->sessions->nelts > KT_LISTING_MAX_SESSIONS) {
        fail(c, "session-1", "sessions.too_many");
        return;
    }
    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        const char *name = apr_psprintf(c->p, "session-%d", i + 1);
        const char *s = kt_listing_clock(c->p, r->start), *e = kt_listing_clock(c->p, r->end);
        if (!kt_listing_date(c->p, r->date)) {
            fail(c, name, "session.date");
        }
        else if (!s || (filled(r->end) && !e)) {
            fail(c, name, "session.time");
        }
        else if (e && strcmp(e, s) == 0) {
            fail(c, name, "session.order");
        }
    }
    /* PRODUCT.md: single events may not be listed; several events of one
     * organisation may, as an event series. */
    if (submit && l->slots->nelts == 0 && l->sessions->nelts == 1) {
        fail(c, "session-1", "sessions.single");
    }
}

int kt_listing_check(apr_pool_t *p, const kt_listing *l, int submit, const char *today,
                     kt_listing_err err, void *baton)
{
    checker c = { p, err, baton, 0 };

    check_texts(&c, l, submit);
    check_choices(&c, l, submit);
    check_place(&c, l, submit);
    check_period(&c, l, submit, today);
    check_slots(&c, l);
    check_sessions(&c, l, submit);
    check_contact(&c, l, submit);
    return c.n;
}

/* ---- canonical text of each row, for comparing --------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The values sorted and joined: a set's canonical text. */
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

static const char *slots_text(apr_pool_t *p, const kt_listing *l)
{
    apr_array_header_t *rows = apr_array_make(p, l->slots->nelts + 1, sizeof(const char *));
    int i;

    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        APR_ARRAY_PUSH(rows, const char *) = apr_pstrcat(p, r->weekday, " ",
            canon(p, kt_listing_clock, r->start), " ", canon(p, kt_listing_clock, r->end), NULL);
    }
    return set_text(p, rows);
}

static const char *sessions_text(apr_pool_t *p, const kt_listing *l)
{
    apr_array_header_t *rows = apr_array_make(p, l->sessions->nelts + 1, sizeof(const char *));
    int i;

    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        APR_ARRAY_PUSH(rows, const char *) = apr_pstrcat(p, canon(p, kt_listing_date, r->date),
            " ", canon(p, kt_listing_clock, r->start), " ",
            filled(r->end) ? canon(p, kt_listing_clock, r->end) : "", NULL);
    }
    return set_text(p, rows);
}

static const char *price_text(apr_pool_t *p, const kt_listing *l)
{
    if (strcmp(l->price, "fee") != 0) {
        return l->price;
    }
    return apr_pstrcat(p, "fee ", canon(p, kt_listing_amount, l->price_amount), NULL);
}

/* The canonical text of row `name` of l. */
static const char *row_text(apr_pool_t *p, const kt_listing *l, const char *name)
{
    const char *us = strrchr(name, '_');
    int i;

    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        if (strcmp(us + 1, lang_suffix[i]) != 0) {
            continue;
        }
        if (strncmp(name, "title_", 6) == 0) {
            return l->title[i];
        }
        if (strncmp(name, "description_", 12) == 0) {
            return l->description[i];
        }
        if (strncmp(name, "accessibility_", 14) == 0) {
            return l->accessibility[i];
        }
    }
    if (strcmp(name, "forms") == 0) {
        return set_text(p, l->forms);
    }
    if (strcmp(name, "themes") == 0) {
        return set_text(p, l->themes);
    }
    if (strcmp(name, "targets") == 0) {
        return set_text(p, l->targets);
    }
    if (strcmp(name, "languages") == 0) {
        return set_text(p, l->languages);      /* languages_other is resolved into it */
    }
    if (strcmp(name, "place") == 0) {
        return apr_psprintf(p, "%s %d %d", l->municipality, l->online, l->nationwide);
    }
    if (strcmp(name, "address") == 0) {
        return apr_pstrcat(p, l->street_address, "\x1f", l->postal_code, "\x1f", l->post_office,
                           NULL);
    }
    if (strcmp(name, "period") == 0) {
        return apr_pstrcat(p, canon(p, kt_listing_date, l->start_date), " ",
                           canon(p, kt_listing_date, l->end_date), NULL);
    }
    if (strcmp(name, "schedule") == 0) {
        return slots_text(p, l);
    }
    if (strcmp(name, "sessions") == 0) {
        return sessions_text(p, l);
    }
    if (strcmp(name, "price") == 0) {
        return price_text(p, l);
    }
    if (strcmp(name, "registration") == 0) {
        return l->registration;
    }
    if (strcmp(name, "contact") == 0) {
        return apr_pstrcat(p, l->contact_name, "\x1f", l->contact_email, "\x1f",
                           l->contact_phone, NULL);
    }
    if (strcmp(name, "url") == 0) {
        return l->url;
    }
    return l->project;
}

apr_array_header_t *kt_listing_diff(apr_pool_t *p, const kt_listing *a, const kt_listing *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_listing_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_listing_rows[i]), row_text(p, b, kt_listing_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_listing_rows[i];
        }
    }
    return out;
}

/* ---- the listing in a page document ------------------------------------------------ */

static void value_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "value", value);
}

/* A text written in words (titles, descriptions): its changes are marked
 * word by word in comparisons (kt_worddiff_changes). */
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

static void rows_xml(apr_pool_t *p, xmlNodePtr parent, const kt_listing *l)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL), row;
    int i;

    kt_xml_attr(p, f, "name", "schedule");
    for (i = 0; i < l->slots->nelts; i++) {
        const kt_slot_row *r = &APR_ARRAY_IDX(l->slots, i, kt_slot_row);
        row = kt_xml_add(p, f, "row", NULL);
        kt_xml_attr(p, row, "weekday", r->weekday);
        kt_xml_attr(p, row, "start", canon(p, kt_listing_clock, r->start));
        kt_xml_attr(p, row, "end", canon(p, kt_listing_clock, r->end));
    }
    f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", "sessions");
    for (i = 0; i < l->sessions->nelts; i++) {
        const kt_session_row *r = &APR_ARRAY_IDX(l->sessions, i, kt_session_row);
        row = kt_xml_add(p, f, "row", NULL);
        kt_xml_attr(p, row, "date", canon(p, kt_listing_date, r->date));
        kt_xml_attr(p, row, "start", canon(p, kt_listing_clock, r->start));
        kt_xml_attr(p, row, "end", filled(r->end) ? canon(p, kt_listing_clock, r->end) : "");
    }
}

xmlNodePtr kt_listing_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_listing *l)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, n, "role", role);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        words_field(p, n, apr_pstrcat(p, "title_", lang_suffix[i], NULL), l->title[i]);
        words_field(p, n, apr_pstrcat(p, "description_", lang_suffix[i], NULL), l->description[i]);
        words_field(p, n, apr_pstrcat(p, "accessibility_", lang_suffix[i], NULL),
                    l->accessibility[i]);
    }
    list_field(p, n, "forms", l->forms);
    list_field(p, n, "themes", l->themes);
    list_field(p, n, "targets", l->targets);
    list_field(p, n, "languages", l->languages);
    value_field(p, n, "languages_other", l->languages_other);
    value_field(p, n, "municipality", l->municipality);
    value_field(p, n, "online", l->online ? "yes" : "");
    value_field(p, n, "nationwide", l->nationwide ? "yes" : "");
    value_field(p, n, "street_address", l->street_address);
    value_field(p, n, "postal_code", l->postal_code);
    value_field(p, n, "post_office", l->post_office);
    value_field(p, n, "start_date", canon(p, kt_listing_date, l->start_date));
    value_field(p, n, "end_date", canon(p, kt_listing_date, l->end_date));
    rows_xml(p, n, l);
    value_field(p, n, "price", l->price);
    value_field(p, n, "price_amount", canon(p, kt_listing_amount, l->price_amount));
    value_field(p, n, "registration", l->registration);
    value_field(p, n, "contact_name", l->contact_name);
    value_field(p, n, "contact_email", l->contact_email);
    value_field(p, n, "contact_phone", l->contact_phone);
    value_field(p, n, "url", l->url);
    value_field(p, n, "project", l->project);
    return n;
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
        const char *end = filled(r->end) ? kt_listing_clock(p, r->end) : NULL;
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
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, apr_pstrcat(p, "title_", lang_suffix[i], NULL), l->title[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "description_", lang_suffix[i], NULL),
                        l->description[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "accessibility_", lang_suffix[i], NULL),
                        l->accessibility[i]);
    }
    kt_fstate_values(fs, "forms", l->forms);
    kt_fstate_values(fs, "themes", l->themes);
    kt_fstate_values(fs, "targets", l->targets);
    kt_fstate_values(fs, "languages", l->languages);
    kt_fstate_value(fs, "languages_other", l->languages_other);
    kt_fstate_value(fs, "municipality", l->municipality);
    kt_fstate_value(fs, "online", l->online ? "yes" : "");
    kt_fstate_value(fs, "nationwide", l->nationwide ? "yes" : "");
    kt_fstate_value(fs, "street_address", l->street_address);
    kt_fstate_value(fs, "postal_code", l->postal_code);
    kt_fstate_value(fs, "post_office", l->post_office);
    kt_fstate_value(fs, "start_date", l->start_date);
    kt_fstate_value(fs, "end_date", l->end_date);
    kt_fstate_value(fs, "price", l->price);
    kt_fstate_value(fs, "price_amount", l->price_amount);
    kt_fstate_value(fs, "registration", l->registration);
    kt_fstate_value(fs, "contact_name", l->contact_name);
    kt_fstate_value(fs, "contact_email", l->contact_email);
    kt_fstate_value(fs, "contact_phone", l->contact_phone);
    kt_fstate_value(fs, "url", l->url);
    kt_fstate_value(fs, "project", l->project);
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
