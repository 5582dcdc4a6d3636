/* Jobs as the editor knows them; see kt_job.h.  Dates and times are typed
 * as for activities and events (kt_listing.h), so that people type them the
 * same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_job.h"
#include "kt_tidy.h"
#include "kt_validate.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

const char *const kt_job_types[] = {
    "permanent", "fixed_term", "part_time", "internship", "volunteer", NULL
};

/* The rows are public_jobs `v` with the municipality `m` (for its region),
 * which holds only the jobs whose application time has not closed.  A
 * municipality or a region also matches every remote job, which can be done
 * from anywhere (as online events match any place); the two are ORed
 * (either place will do), so each one's condition reads the other's values.
 * The columns as in kt_activity_filters (kt_filter.c). */
#define JOB_PLACE \
    "v.is_remote OR v.municipality_code::text = ANY (coalesce(p.f_municipality, '{}'))" \
    " OR m.region_code::text = ANY (coalesce(p.f_region, '{}'))"

static const kt_filter job_filters[] = {
    { "type", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "v.job_type = ANY (p.f_type)",
      NULL, "job_types", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "municipality", KT_FILTER_CODES, 50, kt_filter_municipality_code, NULL, JOB_PLACE, NULL,
      "municipalities", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "region", KT_FILTER_CODES, 50, kt_filter_region_code, NULL, JOB_PLACE, NULL, "regions",
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
    { "remote", KT_FILTER_FLAG, 1, NULL, NULL, "v.is_remote", NULL, NULL,
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 1 },
};

/* q as events read it: unaccented stems, prefixes, weak grades and the values
 * words name (sql/018_jobs.sql's tsv, kt_search_expand). */
const kt_filter_table kt_job_filters = {
    "jobs", job_filters, (int)(sizeof(job_filters) / sizeof(job_filters[0])),
    " FROM public_jobs v LEFT JOIN municipalities m ON m.code = v.municipality_code",
    "v.tsv @@ p.q", "prefix,weak,names", NULL
};

const char *const kt_job_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "type", "place", "hours", "languages", "deadline", "apply", "salary", "contact", NULL
};

kt_job *kt_job_new(apr_pool_t *p)
{
    kt_job *j = apr_pcalloc(p, sizeof(*j));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        j->title[i] = j->description[i] = "";
    }
    j->languages = apr_array_make(p, 4, sizeof(const char *));
    j->type = j->municipality = j->hours = j->languages_other = "";
    j->deadline_date = j->deadline_time = j->apply_url = j->apply_email = "";
    j->contact_name = j->contact_email = j->contact_phone = j->salary = "";
    return j;
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
    int i, k;

    for (i = 0; i < all->nelts; i++) {
        const char *v = kt_trim(p, APR_ARRAY_IDX(all, i, const char *));
        int seen = !*v;
        for (k = 0; !seen && k < out->nelts; k++) {
            seen = strcmp(APR_ARRAY_IDX(out, k, const char *), v) == 0;
        }
        if (!seen) {
            APR_ARRAY_PUSH(out, const char *) = v;
        }
    }
    return out;
}

kt_job *kt_job_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_job *j = kt_job_new(p);
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        j->title[i] = field(p, f, apr_pstrcat(p, "title_", lang_suffix[i], NULL));
        j->description[i] = kt_newlines(p, field(p, f, apr_pstrcat(p, "description_",
                                                                   lang_suffix[i], NULL)));
    }
    j->type = field(p, f, "type");
    j->municipality = field(p, f, "municipality");
    j->remote = strcmp(field(p, f, "remote"), "yes") == 0;
    j->hours = field(p, f, "hours");
    j->languages = codes(p, f, "languages");
    j->languages_other = field(p, f, "languages_other");
    j->deadline_date = field(p, f, "deadline_date");
    j->deadline_time = field(p, f, "deadline_time");
    j->apply_url = kt_tidy_web_url(p, field(p, f, "apply_url"));
    j->apply_email = kt_tidy_email(p, field(p, f, "apply_email"));
    j->contact_name = field(p, f, "contact_name");
    j->contact_email = kt_tidy_email(p, field(p, f, "contact_email"));
    j->contact_phone = kt_tidy_phone(p, field(p, f, "contact_phone"));
    j->salary = field(p, f, "salary");
    return j;
}

/* ---- hours a week ---------------------------------------------------------------- */

const char *kt_job_hours(apr_pool_t *p, const char *s)
{
    apr_size_t n, whole;
    long hours, tenths = 0;

    if (!s) {
        return NULL;
    }
    n = strlen(s);
    whole = strspn(s, "0123456789");
    if (whole < 1 || whole > 2) {
        return NULL;
    }
    if (whole < n) {
        /* one decimal after a comma or a point, nothing else */
        if ((s[whole] != ',' && s[whole] != '.') || n != whole + 2
            || s[whole + 1] < '0' || s[whole + 1] > '9') {
            return NULL;
        }
        tenths = s[whole + 1] - '0';
    }
    hours = strtol(apr_pstrmemdup(p, s, whole), NULL, 10);
    if ((hours == 0 && tenths == 0) || hours > KT_JOB_HOURS_MAX
        || (hours == KT_JOB_HOURS_MAX && tenths > 0)) {
        return NULL;
    }
    return tenths ? apr_psprintf(p, "%ld.%ld", hours, tenths) : apr_psprintf(p, "%ld", hours);
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

static void check_texts(checker *c, const kt_job *j, int submit)
{
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = apr_pstrcat(c->p, "title_", lang_suffix[i], NULL);
        const char *d = apr_pstrcat(c->p, "description_", lang_suffix[i], NULL);
        verdict(c, t, kt_valid_line(j->title[i], KT_LISTING_TITLE_MAX, 0));
        verdict(c, d, kt_valid_text(j->description[i], KT_LISTING_TEXT_MAX, 0));
        titles += filled(j->title[i]);
        if (submit && filled(j->title[i]) && !filled(j->description[i])) {
            fail(c, d, apr_pstrcat(c->p, d, ".missing", NULL));
        }
        if (submit && !filled(j->title[i]) && filled(j->description[i])) {
            fail(c, t, apr_pstrcat(c->p, t, ".missing", NULL));
        }
    }
    if (!titles) {
        fail(c, "title_fi", "title.none");
    }
}

static void check_choices(checker *c, const kt_job *j, int submit)
{
    if (filled(j->type) && !one_of(kt_job_types, j->type)) {
        fail(c, "type", "job_type.invalid");
    }
    else if (submit && !filled(j->type)) {
        fail(c, "type", "job_type.missing");
    }
    if (submit && !filled(j->municipality) && !j->remote) {
        fail(c, "municipality", "job_place.missing");
    }
    if (filled(j->hours) && !kt_job_hours(c->p, j->hours)) {
        fail(c, "hours", "hours.invalid");
    }
    verdict(c, "languages_other", kt_valid_line(j->languages_other, 500, 0));
    if (j->languages->nelts > KT_LISTING_MAX_LANGUAGES) {
        fail(c, "languages", "languages.too_many");
    }
    else if (submit && j->languages->nelts == 0 && !filled(j->languages_other)) {
        fail(c, "languages", "job_languages.missing");
    }
}

/* The deadline: a day in its format and an optional time; not passed on
 * submitting (a deadline today is still open). */
static void check_deadline(checker *c, const kt_job *j, int submit, const char *today)
{
    const char *d = kt_listing_date(c->p, j->deadline_date);

    if (filled(j->deadline_date) && !d) {
        fail(c, "deadline_date", "deadline_date.invalid");
    }
    else if (submit && !d) {
        fail(c, "deadline_date", "deadline_date.missing");
    }
    else if (submit && d && today && strcmp(d, today) < 0) {
        fail(c, "deadline_date", "deadline_date.past");
    }
    if (filled(j->deadline_time) && !kt_listing_clock(c->p, j->deadline_time)) {
        fail(c, "deadline_time", "deadline_time.invalid");
    }
}

static void check_apply(checker *c, const kt_job *j, int submit)
{
    if (filled(j->apply_url)) {
        kt_verdict v = kt_valid_web_url(j->apply_url);
        verdict(c, "apply_url", v);
        /* applications carry personal data: only over an encrypted link */
        if (v == KT_V_OK && strncmp(j->apply_url, "https://", 8) != 0) {
            fail(c, "apply_url", "apply_url.https");
        }
    }
    if (filled(j->apply_email)) {
        verdict(c, "apply_email", kt_valid_email(j->apply_email));
    }
    if (submit && !filled(j->apply_url) && !filled(j->apply_email)) {
        fail(c, "apply_url", "job_apply.missing");
    }
    verdict(c, "contact_name", kt_valid_line(j->contact_name, 200, 0));
    if (filled(j->contact_email)) {
        verdict(c, "contact_email", kt_valid_email(j->contact_email));
    }
    if (filled(j->contact_phone)) {
        verdict(c, "contact_phone", kt_valid_phone(j->contact_phone));
    }
    verdict(c, "salary", kt_valid_line(j->salary, KT_JOB_SALARY_MAX, 0));
}

int kt_job_check(apr_pool_t *p, const kt_job *j, int submit, const char *today,
                 kt_listing_err err, void *baton)
{
    checker c = { p, err, baton, 0 };

    check_texts(&c, j, submit);
    check_choices(&c, j, submit);
    check_deadline(&c, j, submit, today);
    check_apply(&c, j, submit);
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

static const char *row_text(apr_pool_t *p, const kt_job *j, const char *name)
{
    const char *us = strrchr(name, '_');
    int i;

    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        if (strcmp(us + 1, lang_suffix[i]) != 0) {
            continue;
        }
        if (strncmp(name, "title_", 6) == 0) {
            return j->title[i];
        }
        if (strncmp(name, "description_", 12) == 0) {
            return j->description[i];
        }
    }
    if (strcmp(name, "type") == 0) {
        return j->type;
    }
    if (strcmp(name, "place") == 0) {
        return apr_psprintf(p, "%s %d", j->municipality, j->remote);
    }
    if (strcmp(name, "hours") == 0) {
        return canon(p, kt_job_hours, j->hours);
    }
    if (strcmp(name, "languages") == 0) {
        return set_text(p, j->languages);
    }
    if (strcmp(name, "deadline") == 0) {
        return apr_pstrcat(p, canon(p, kt_listing_date, j->deadline_date), " ",
                           canon(p, kt_listing_clock, j->deadline_time), NULL);
    }
    if (strcmp(name, "apply") == 0) {
        return apr_pstrcat(p, j->apply_url, "\x1f", j->apply_email, NULL);
    }
    if (strcmp(name, "salary") == 0) {
        return j->salary;
    }
    return apr_pstrcat(p, j->contact_name, "\x1f", j->contact_email, "\x1f", j->contact_phone,
                       NULL);
}

apr_array_header_t *kt_job_diff(apr_pool_t *p, const kt_job *a, const kt_job *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_job_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_job_rows[i]), row_text(p, b, kt_job_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_job_rows[i];
        }
    }
    return out;
}

/* ---- the job in a page document ------------------------------------------------------ */

static void value_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "value", value);
}

/* A text written in words: the review compares it word by word
 * (kt_worddiff_changes). */
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

xmlNodePtr kt_job_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_job *j)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, n, "role", role);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        words_field(p, n, apr_pstrcat(p, "title_", lang_suffix[i], NULL), j->title[i]);
        words_field(p, n, apr_pstrcat(p, "description_", lang_suffix[i], NULL), j->description[i]);
    }
    value_field(p, n, "type", j->type);
    value_field(p, n, "municipality", j->municipality);
    value_field(p, n, "remote", j->remote ? "yes" : "");
    value_field(p, n, "hours", canon(p, kt_job_hours, j->hours));
    list_field(p, n, "languages", j->languages);
    value_field(p, n, "languages_other", j->languages_other);
    value_field(p, n, "deadline_date", canon(p, kt_listing_date, j->deadline_date));
    value_field(p, n, "deadline_time", canon(p, kt_listing_clock, j->deadline_time));
    value_field(p, n, "apply_url", j->apply_url);
    value_field(p, n, "apply_email", j->apply_email);
    words_field(p, n, "salary", j->salary);
    value_field(p, n, "contact_name", j->contact_name);
    value_field(p, n, "contact_email", j->contact_email);
    value_field(p, n, "contact_phone", j->contact_phone);
    return n;
}

void kt_job_fill(kt_fstate *fs, apr_pool_t *p, const kt_job *j)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, apr_pstrcat(p, "title_", lang_suffix[i], NULL), j->title[i]);
        kt_fstate_value(fs, apr_pstrcat(p, "description_", lang_suffix[i], NULL),
                        j->description[i]);
    }
    kt_fstate_value(fs, "type", j->type);
    kt_fstate_value(fs, "municipality", j->municipality);
    kt_fstate_value(fs, "remote", j->remote ? "yes" : "");
    kt_fstate_value(fs, "hours", j->hours);
    kt_fstate_values(fs, "languages", j->languages);
    kt_fstate_value(fs, "languages_other", j->languages_other);
    kt_fstate_value(fs, "deadline_date", j->deadline_date);
    kt_fstate_value(fs, "deadline_time", j->deadline_time);
    kt_fstate_value(fs, "apply_url", j->apply_url);
    kt_fstate_value(fs, "apply_email", j->apply_email);
    kt_fstate_value(fs, "contact_name", j->contact_name);
    kt_fstate_value(fs, "contact_email", j->contact_email);
    kt_fstate_value(fs, "contact_phone", j->contact_phone);
    kt_fstate_value(fs, "salary", j->salary);
}
