/* Projects as the editor knows them; see kt_project.h.  Dates are typed as
 * activities' are (kt_listing.h), so that people type them the same way
 * everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "kt_project.h"
#include "kt_validate.h"
#include "kt_tidy.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

/* A funder's or an objective's code: lower-case letters, digits and
 * underscores, a letter first ("amif_2_1"), as project_funders and
 * project_objectives spell them. */
static int project_code(char *v)
{
    return *v >= 'a' && *v <= 'z' && strlen(v) <= 40
           && strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(v);
}

/* Helsinki's today, for "active". */
#define PR_TODAY "(now() AT TIME ZONE 'Europe/Helsinki')::date"

/* The rows are public_projects `v` (section "Filters" of HACKING.md). */
static const kt_filter project_filters[] = {
    { "funder", KT_FILTER_CODES, 50, project_code, NULL, "v.funder = ANY (p.f_funder)", NULL,
      "project_funders", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
    { "objective", KT_FILTER_CODES, 50, project_code, NULL, "v.objective = ANY (p.f_objective)",
      NULL, "project_objectives", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
    /* running today: an open end counts as running */
    { "active", KT_FILTER_FLAG, 1, NULL, NULL,
      "coalesce(v.start_date <= " PR_TODAY ", true) AND coalesce(v.end_date >= " PR_TODAY
      ", true)", NULL, NULL, KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
};

/* q: names, descriptions and another funder's name, in the search's unaccented
 * configurations (sql/019_projects.sql), with prefixes and Finnish weak grades
 * as events' ("Matching"). */
const kt_filter_table kt_project_filters = {
    "projects", project_filters, (int)(sizeof(project_filters) / sizeof(project_filters[0])),
    " FROM public_projects v", "v.tsv @@ p.q", "prefix,weak", NULL
};

const char *const kt_project_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "period", "funder", "objective", "grant", "area", "partners", "contact", "url", NULL
};

/* A funder's name, and the funder that has objectives. */
#define FUNDER_OTHER "other"
#define FUNDER_AMIF "amif"

kt_project *kt_project_new(apr_pool_t *p)
{
    kt_project *pr = apr_pcalloc(p, sizeof(*pr));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        pr->title[i] = pr->description[i] = "";
    }
    pr->start_date = pr->end_date = pr->funder = pr->funder_name = pr->objective = "";
    pr->grant = pr->contact_name = pr->contact_email = pr->contact_phone = pr->url = "";
    pr->regions = apr_array_make(p, 2, sizeof(const char *));
    pr->partners = apr_array_make(p, 2, sizeof(const char *));
    pr->languages = apr_array_make(p, 1, sizeof(const char *));
    return pr;
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

kt_project *kt_project_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_project *pr = kt_project_new(p);
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        pr->title[i] = field(p, f, apr_pstrcat(p, "title_", lang_suffix[i], NULL));
        pr->description[i] = kt_newlines(p, field(p, f, apr_pstrcat(p, "description_",
                                                                    lang_suffix[i], NULL)));
    }
    pr->start_date = field(p, f, "start_date");
    pr->end_date = field(p, f, "end_date");
    pr->funder = field(p, f, "funder");
    pr->funder_name = field(p, f, "funder_name");
    pr->objective = field(p, f, "objective");
    pr->grant = field(p, f, "grant");
    pr->regions = codes(p, f, "regions");
    pr->nationwide = strcmp(field(p, f, "nationwide"), "yes") == 0;
    pr->contact_name = field(p, f, "contact_name");
    pr->contact_email = kt_tidy_email(p, field(p, f, "contact_email"));
    pr->contact_phone = kt_tidy_phone(p, field(p, f, "contact_phone"));
    pr->url = kt_tidy_web_url(p, field(p, f, "url"));
    pr->partners = codes(p, f, "partners");
    return pr;
}

/* ---- the grant ---------------------------------------------------------------------- */

/* The byte length of a space at s (" ", U+00A0, U+202F), or 0. */
static apr_size_t space_at(const char *s, apr_size_t left)
{
    const unsigned char *u = (const unsigned char *)s;

    if (u[0] == ' ') {
        return 1;
    }
    if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0) {
        return 2;
    }
    if (left >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xaf) {
        return 3;
    }
    return 0;
}

const char *kt_project_amount(apr_pool_t *p, const char *typed)
{
    apr_size_t n = typed ? strlen(typed) : 0, i = 0, d = 0, whole = 0, group = 0, sp;
    char *digits;
    int seen_sep = 0, decimals = 0, spaced = 0;

    if (!n) {
        return NULL;
    }
    /* "258 695 €", "258 695 eur" */
    if (n >= 3 && strcmp(typed + n - 3, "\xe2\x82\xac") == 0) {
        n -= 3;
    }
    else if (n > 3 && strncasecmp(typed + n - 3, "eur", 3) == 0) {
        n -= 3;
    }
    while (n && typed[n - 1] == ' ') {
        n--;
    }
    digits = apr_palloc(p, n + 1);
    while (i < n) {
        char c = typed[i];
        if (!seen_sep && (sp = space_at(typed + i, n - i)) != 0) {
            /* thousands apart: 1-3 digits, then groups of exactly 3 */
            if (!group || (spaced ? group != 3 : group > 3)) {
                return NULL;
            }
            spaced = 1;
            group = 0;
            i += sp;
            continue;
        }
        if (c == ',' || c == '.') {
            if (seen_sep++ || !whole || (spaced && group != 3)) {
                return NULL;
            }
            digits[d++] = '.';
        }
        else if (apr_isdigit(c)) {
            digits[d++] = c;
            if (seen_sep) {
                if (++decimals > 2) {
                    return NULL;
                }
            }
            else if (++whole > 10) {
                return NULL;
            }
            else {
                group++;
            }
        }
        else {
            return NULL;
        }
        i++;
    }
    if (!whole || (seen_sep && !decimals) || (!seen_sep && spaced && group != 3)) {
        return NULL;
    }
    digits[d] = '\0';
    return apr_psprintf(p, "%.2f", strtod(digits, NULL));
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

/* A code's shape (the vocabulary is the database's): [a-z0-9_], 1-40 bytes. */
static int code_shape(const char *s)
{
    apr_size_t n = strlen(s);
    return n > 0 && n <= 40 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static void check_texts(checker *c, const kt_project *pr, int submit)
{
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = apr_pstrcat(c->p, "title_", lang_suffix[i], NULL);
        const char *d = apr_pstrcat(c->p, "description_", lang_suffix[i], NULL);
        verdict(c, t, kt_valid_line(pr->title[i], KT_LISTING_TITLE_MAX, 0));
        verdict(c, d, kt_valid_text(pr->description[i], KT_LISTING_TEXT_MAX, 0));
        titles += filled(pr->title[i]);
        if (submit && filled(pr->title[i]) && !filled(pr->description[i])) {
            fail(c, d, apr_pstrcat(c->p, d, ".missing", NULL));
        }
        if (submit && !filled(pr->title[i]) && filled(pr->description[i])) {
            fail(c, t, apr_pstrcat(c->p, t, ".missing", NULL));
        }
    }
    if (!titles) {
        fail(c, "title_fi", "title.none");
    }
}

static void check_period(checker *c, const kt_project *pr, int submit)
{
    const char *sd = kt_listing_date(c->p, pr->start_date);
    const char *ed = kt_listing_date(c->p, pr->end_date);

    if (filled(pr->start_date) && !sd) {
        fail(c, "start_date", "start_date.invalid");
    }
    else if (submit && !sd) {
        fail(c, "start_date", "start_date.missing");
    }
    if (filled(pr->end_date) && !ed) {
        fail(c, "end_date", "end_date.invalid");
    }
    else if (submit && !ed) {
        fail(c, "end_date", "project_end.missing");
    }
    else if (sd && ed && strcmp(ed, sd) < 0) {
        fail(c, "end_date", "end_date.before_start");
    }
}

static void check_funding(checker *c, const kt_project *pr, int submit)
{
    int amif = strcmp(pr->funder, FUNDER_AMIF) == 0;
    int other = strcmp(pr->funder, FUNDER_OTHER) == 0;

    if (filled(pr->funder) && !code_shape(pr->funder)) {
        fail(c, "funder", "funder.invalid");
    }
    else if (submit && !filled(pr->funder)) {
        fail(c, "funder", "funder.missing");
    }
    verdict(c, "funder_name", kt_valid_line(pr->funder_name, 200, 0));
    if (filled(pr->funder_name) && !other) {
        fail(c, "funder_name", "funder_name.not_other");
    }
    else if (submit && other && !filled(pr->funder_name)) {
        fail(c, "funder_name", "funder_name.missing");
    }
    if (filled(pr->objective) && !code_shape(pr->objective)) {
        fail(c, "objective", "objective.invalid");
    }
    else if (filled(pr->objective) && !amif) {
        fail(c, "objective", "objective.not_amif");
    }
    else if (submit && amif && !filled(pr->objective)) {
        fail(c, "objective", "objective.missing");
    }
    if (filled(pr->grant) && !kt_project_amount(c->p, pr->grant)) {
        fail(c, "grant", "grant.invalid");
    }
}

static void check_area(checker *c, const kt_project *pr, int submit)
{
    int i;

    for (i = 0; i < pr->regions->nelts; i++) {
        const char *r = APR_ARRAY_IDX(pr->regions, i, const char *);
        if (strlen(r) != 2 || strspn(r, "0123456789") != 2) {
            fail(c, "regions", "regions.invalid");
            break;
        }
    }
    if (pr->regions->nelts > KT_PROJECT_MAX_REGIONS) {
        fail(c, "regions", "regions.invalid");
    }
    if (pr->nationwide && pr->regions->nelts) {
        fail(c, "regions", "project_area.both");
    }
    else if (submit && !pr->nationwide && !pr->regions->nelts) {
        fail(c, "regions", "project_area.missing");
    }
}

static void check_contact(checker *c, const kt_project *pr, int submit)
{
    int i;

    verdict(c, "contact_name", kt_valid_line(pr->contact_name, 200, 0));
    if (filled(pr->contact_email)) {
        verdict(c, "contact_email", kt_valid_email(pr->contact_email));
    }
    if (filled(pr->contact_phone)) {
        verdict(c, "contact_phone", kt_valid_phone(pr->contact_phone));
    }
    if (filled(pr->url)) {
        verdict(c, "url", kt_valid_web_url(pr->url));
    }
    if (submit && !filled(pr->contact_email) && !filled(pr->contact_phone) && !filled(pr->url)) {
        fail(c, "contact_email", "project_contact.missing");
    }
    for (i = 0; i < pr->partners->nelts; i++) {
        if (!kt_parse_id(APR_ARRAY_IDX(pr->partners, i, const char *))) {
            fail(c, "partners", "partners.invalid");
            break;
        }
    }
    if (pr->partners->nelts > KT_PROJECT_MAX_PARTNERS) {
        fail(c, "partners", "partners.too_many");
    }
}

int kt_project_check(apr_pool_t *p, const kt_project *pr, int submit, kt_listing_err err,
                     void *baton)
{
    checker c = { p, err, baton, 0 };

    check_texts(&c, pr, submit);
    check_period(&c, pr, submit);
    check_funding(&c, pr, submit);
    check_area(&c, pr, submit);
    check_contact(&c, pr, submit);
    return c.n;
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

static const char *row_text(apr_pool_t *p, const kt_project *pr, const char *name)
{
    const char *us = strrchr(name, '_');
    int i;

    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        if (strcmp(us + 1, lang_suffix[i]) != 0) {
            continue;
        }
        if (strncmp(name, "title_", 6) == 0) {
            return pr->title[i];
        }
        if (strncmp(name, "description_", 12) == 0) {
            return pr->description[i];
        }
    }
    if (strcmp(name, "period") == 0) {
        return apr_pstrcat(p, canon(p, kt_listing_date, pr->start_date), "\x1f",
                           canon(p, kt_listing_date, pr->end_date), NULL);
    }
    if (strcmp(name, "funder") == 0) {
        return apr_pstrcat(p, pr->funder, "\x1f", pr->funder_name, NULL);
    }
    if (strcmp(name, "objective") == 0) {
        return pr->objective;
    }
    if (strcmp(name, "grant") == 0) {
        return canon(p, kt_project_amount, pr->grant);
    }
    if (strcmp(name, "area") == 0) {
        return apr_psprintf(p, "%d %s", pr->nationwide, set_text(p, pr->regions));
    }
    if (strcmp(name, "partners") == 0) {
        return set_text(p, pr->partners);
    }
    if (strcmp(name, "contact") == 0) {
        return apr_pstrcat(p, pr->contact_name, "\x1f", pr->contact_email, "\x1f",
                           pr->contact_phone, NULL);
    }
    return pr->url;
}

apr_array_header_t *kt_project_diff(apr_pool_t *p, const kt_project *a, const kt_project *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_project_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_project_rows[i]), row_text(p, b, kt_project_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_project_rows[i];
        }
    }
    return out;
}

/* ---- the project in a page document ---------------------------------------------------- */

static void value_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
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

/* A text written in words: compared word by word in the review
 * (kt_worddiff_changes), as events' and activities' texts. */
static void words_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "words", "true");
    kt_xml_attr(p, f, "value", value);
}

xmlNodePtr kt_project_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_project *pr)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, n, "role", role);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        words_field(p, n, apr_pstrcat(p, "title_", lang_suffix[i], NULL), pr->title[i]);
        words_field(p, n, apr_pstrcat(p, "description_", lang_suffix[i], NULL),
                    pr->description[i]);
    }
    value_field(p, n, "start_date", canon(p, kt_listing_date, pr->start_date));
    value_field(p, n, "end_date", canon(p, kt_listing_date, pr->end_date));
    value_field(p, n, "funder", pr->funder);
    value_field(p, n, "funder_name", pr->funder_name);
    value_field(p, n, "objective", pr->objective);
    value_field(p, n, "grant", canon(p, kt_project_amount, pr->grant));
    list_field(p, n, "regions", pr->regions);
    value_field(p, n, "nationwide", pr->nationwide ? "yes" : "");
    list_field(p, n, "partners", pr->partners);
    value_field(p, n, "contact_name", pr->contact_name);
    value_field(p, n, "contact_email", pr->contact_email);
    value_field(p, n, "contact_phone", pr->contact_phone);
    value_field(p, n, "url", pr->url);
    return n;
}

void kt_project_fill(kt_fstate *fs, apr_pool_t *p, const kt_project *pr)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, apr_pstrcat(p, "title_", lang_suffix[i], NULL), pr->title[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "description_", lang_suffix[i], NULL),
                        pr->description[i]);
    }
    kt_fstate_value(fs, "start_date", pr->start_date);
    kt_fstate_value(fs, "end_date", pr->end_date);
    kt_fstate_value(fs, "funder", pr->funder);
    kt_fstate_value(fs, "funder_name", pr->funder_name);
    kt_fstate_value(fs, "objective", pr->objective);
    kt_fstate_value(fs, "grant", pr->grant);
    kt_fstate_values(fs, "regions", pr->regions);
    kt_fstate_value(fs, "nationwide", pr->nationwide ? "yes" : "");
    kt_fstate_values(fs, "partners", pr->partners);
    kt_fstate_value(fs, "contact_name", pr->contact_name);
    kt_fstate_value(fs, "contact_email", pr->contact_email);
    kt_fstate_value(fs, "contact_phone", pr->contact_phone);
    kt_fstate_value(fs, "url", pr->url);
}
