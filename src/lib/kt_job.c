/* Jobs as the editor knows them; see kt_job.h.  Dates and times are typed
 * as for activities and events (kt_listing.h), so that people type them the
 * same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_job.h"
#include "kt_fields.h"

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
    "type", "place", "hours", "languages", "deadline", "apply", "salary_fi", "salary_sv",
    "salary_en", "contact", NULL
};

/* In the order of the XML (and of the form's values). */
static const kt_field job_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_job, title),
    KT_FIELD_LANGS("description", KT_FIELD_TEXT, kt_job, description),
    KT_FIELD_LANGS("salary", KT_FIELD_LINE, kt_job, salary),
    KT_FIELD("type", KT_FIELD_LINE, kt_job, type),
    KT_FIELD("municipality", KT_FIELD_LINE, kt_job, municipality),
    KT_FIELD("remote", KT_FIELD_FLAG, kt_job, remote),
    KT_FIELD_CANON("hours", kt_job, hours, kt_job_hours),
    KT_FIELD("languages", KT_FIELD_CODES, kt_job, languages),
    KT_FIELD("languages_other", KT_FIELD_LINE, kt_job, languages_other),
    KT_FIELD_CANON("deadline_date", kt_job, deadline_date, kt_listing_date),
    KT_FIELD_CANON("deadline_time", kt_job, deadline_time, kt_listing_clock),
    KT_FIELD("apply_url", KT_FIELD_WEB, kt_job, apply_url),
    KT_FIELD("apply_email", KT_FIELD_EMAIL, kt_job, apply_email),
    KT_FIELD("contact_name", KT_FIELD_LINE, kt_job, contact_name),
    KT_FIELD("contact_email", KT_FIELD_EMAIL, kt_job, contact_email),
    KT_FIELD("contact_phone", KT_FIELD_PHONE, kt_job, contact_phone),
    KT_FIELD_END
};

static const kt_field_row job_rows[] = {
    { "place", "municipality remote", NULL },
    { "deadline", "deadline_date deadline_time", NULL },
    { "apply", "apply_url apply_email", NULL },
    { "contact", "contact_name contact_email contact_phone", NULL },
    { NULL, NULL, NULL }
};

static const kt_fieldset job_fieldset = { job_fields, job_rows };

kt_job *kt_job_new(apr_pool_t *p)
{
    kt_job *j = apr_pcalloc(p, sizeof(*j));

    kt_fields_blank(p, &job_fieldset, j);
    return j;
}

kt_job *kt_job_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_job *j = kt_job_new(p);

    kt_fields_read(p, &job_fieldset, f, j);
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

static void check_choices(kt_checker *c, const kt_job *j, int submit)
{
    if (kt_filled(j->type) && !kt_one_of(kt_job_types, j->type)) {
        kt_check_fail(c, "type", "job_type.invalid");
    }
    else if (submit && !kt_filled(j->type)) {
        kt_check_fail(c, "type", "job_type.missing");
    }
    if (submit && !kt_filled(j->municipality) && !j->remote) {
        kt_check_fail(c, "municipality", "job_place.missing");
    }
    if (kt_filled(j->hours) && !kt_job_hours(c->p, j->hours)) {
        kt_check_fail(c, "hours", "hours.invalid");
    }
    kt_check_languages(c, j->languages, j->languages_other, submit, "job_languages.missing");
}

/* The deadline: a day in its format and an optional time; not passed on
 * submitting (a deadline today is still open). */
static void check_deadline(kt_checker *c, const kt_job *j, int submit, const char *today)
{
    const char *d = kt_listing_date(c->p, j->deadline_date);

    if (kt_filled(j->deadline_date) && !d) {
        kt_check_fail(c, "deadline_date", "deadline_date.invalid");
    }
    else if (submit && !d) {
        kt_check_fail(c, "deadline_date", "deadline_date.missing");
    }
    else if (submit && d && today && strcmp(d, today) < 0) {
        kt_check_fail(c, "deadline_date", "deadline_date.past");
    }
    if (kt_filled(j->deadline_time) && !kt_listing_clock(c->p, j->deadline_time)) {
        kt_check_fail(c, "deadline_time", "deadline_time.invalid");
    }
}

static void check_apply(kt_checker *c, const kt_job *j, int submit)
{
    int i;

    /* applications carry personal data: only over an encrypted link */
    if (kt_filled(j->apply_url) && kt_check_verdict(c, "apply_url", kt_valid_web_url(j->apply_url))
        && strncmp(j->apply_url, "https://", 8) != 0) {
        kt_check_fail(c, "apply_url", "apply_url.https");
    }
    if (kt_filled(j->apply_email)) {
        kt_check_verdict(c, "apply_email", kt_valid_email(j->apply_email));
    }
    if (submit && !kt_filled(j->apply_url) && !kt_filled(j->apply_email)) {
        kt_check_fail(c, "apply_url", "job_apply.missing");
    }
    kt_check_contact(c, j->contact_name, j->contact_email, j->contact_phone, NULL);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_check_verdict(c, kt_fields_lang_name(c->p, "salary", i),
                         kt_valid_line(j->salary[i], KT_JOB_SALARY_MAX, 0));
    }
}

int kt_job_check(apr_pool_t *p, const kt_job *j, int submit, const char *today,
                 kt_listing_err err, void *baton)
{
    kt_checker c = { p, err, baton, 0 };

    kt_check_titled(&c, j->title, j->description, NULL, NULL, 0, submit);
    check_choices(&c, j, submit);
    check_deadline(&c, j, submit, today);
    check_apply(&c, j, submit);
    return c.n;
}

/* ---- comparing, the page document, the form ----------------------------------------- */

apr_array_header_t *kt_job_diff(apr_pool_t *p, const kt_job *a, const kt_job *b)
{
    return kt_fields_diff(p, &job_fieldset, kt_job_rows, a, b);
}

xmlNodePtr kt_job_xml(apr_pool_t *p, xmlNodePtr parent, const char *role, const kt_job *j)
{
    return kt_fields_xml(p, parent, role, &job_fieldset, j);
}

void kt_job_fill(kt_fstate *fs, apr_pool_t *p, const kt_job *j)
{
    kt_fields_fill(fs, p, &job_fieldset, j);
}
