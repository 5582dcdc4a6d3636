/* Projects as the editor knows them; see kt_project.h.  Dates are typed as
 * activities' are (kt_listing.h), so that people type them the same way
 * everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "kt_project.h"
#include "kt_fields.h"

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

/* In the order of the XML (and of the form's values). */
static const kt_field project_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_project, title),
    KT_FIELD_LANGS("description", KT_FIELD_TEXT, kt_project, description),
    KT_FIELD_CANON("start_date", kt_project, start_date, kt_listing_date),
    KT_FIELD_CANON("end_date", kt_project, end_date, kt_listing_date),
    KT_FIELD("funder", KT_FIELD_LINE, kt_project, funder),
    KT_FIELD("funder_name", KT_FIELD_LINE, kt_project, funder_name),
    KT_FIELD("objective", KT_FIELD_LINE, kt_project, objective),
    KT_FIELD_CANON("grant", kt_project, grant, kt_project_amount),
    KT_FIELD("regions", KT_FIELD_CODES, kt_project, regions),
    KT_FIELD("nationwide", KT_FIELD_FLAG, kt_project, nationwide),
    KT_FIELD("partners", KT_FIELD_CODES, kt_project, partners),
    KT_FIELD("contact_name", KT_FIELD_LINE, kt_project, contact_name),
    KT_FIELD("contact_email", KT_FIELD_EMAIL, kt_project, contact_email),
    KT_FIELD("contact_phone", KT_FIELD_PHONE, kt_project, contact_phone),
    KT_FIELD("url", KT_FIELD_WEB, kt_project, url),
    KT_FIELD_END
};

static const kt_field_row project_rows[] = {
    { "period", "start_date end_date", NULL },
    { "funder", "funder funder_name", NULL },
    { "area", "nationwide regions", NULL },
    { "contact", "contact_name contact_email contact_phone", NULL },
    { NULL, NULL, NULL }
};

static const kt_fieldset project_fieldset = { project_fields, project_rows };

kt_project *kt_project_new(apr_pool_t *p)
{
    kt_project *pr = apr_pcalloc(p, sizeof(*pr));

    kt_fields_blank(p, &project_fieldset, pr);
    pr->languages = apr_array_make(p, 1, sizeof(const char *));
    return pr;
}

kt_project *kt_project_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_project *pr = kt_project_new(p);

    kt_fields_read(p, &project_fieldset, f, pr);
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

/* A code's shape (the vocabulary is the database's): [a-z0-9_], 1-40 bytes. */
static int code_shape(const char *s)
{
    apr_size_t n = strlen(s);
    return n > 0 && n <= 40 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static void check_period(kt_checker *c, const kt_project *pr, int submit)
{
    const char *sd = kt_listing_date(c->p, pr->start_date);
    const char *ed = kt_listing_date(c->p, pr->end_date);

    if (kt_filled(pr->start_date) && !sd) {
        kt_check_fail(c, "start_date", "start_date.invalid");
    }
    else if (submit && !sd) {
        kt_check_fail(c, "start_date", "start_date.missing");
    }
    if (kt_filled(pr->end_date) && !ed) {
        kt_check_fail(c, "end_date", "end_date.invalid");
    }
    else if (submit && !ed) {
        kt_check_fail(c, "end_date", "project_end.missing");
    }
    else if (sd && ed && strcmp(ed, sd) < 0) {
        kt_check_fail(c, "end_date", "end_date.before_start");
    }
}

static void check_funding(kt_checker *c, const kt_project *pr, int submit)
{
    int amif = strcmp(pr->funder, FUNDER_AMIF) == 0;
    int other = strcmp(pr->funder, FUNDER_OTHER) == 0;

    if (kt_filled(pr->funder) && !code_shape(pr->funder)) {
        kt_check_fail(c, "funder", "funder.invalid");
    }
    else if (submit && !kt_filled(pr->funder)) {
        kt_check_fail(c, "funder", "funder.missing");
    }
    kt_check_verdict(c, "funder_name", kt_valid_line(pr->funder_name, 200, 0));
    if (kt_filled(pr->funder_name) && !other) {
        kt_check_fail(c, "funder_name", "funder_name.not_other");
    }
    else if (submit && other && !kt_filled(pr->funder_name)) {
        kt_check_fail(c, "funder_name", "funder_name.missing");
    }
    if (kt_filled(pr->objective) && !code_shape(pr->objective)) {
        kt_check_fail(c, "objective", "objective.invalid");
    }
    else if (kt_filled(pr->objective) && !amif) {
        kt_check_fail(c, "objective", "objective.not_amif");
    }
    else if (submit && amif && !kt_filled(pr->objective)) {
        kt_check_fail(c, "objective", "objective.missing");
    }
    if (kt_filled(pr->grant) && !kt_project_amount(c->p, pr->grant)) {
        kt_check_fail(c, "grant", "grant.invalid");
    }
}

static void check_area(kt_checker *c, const kt_project *pr, int submit)
{
    int i;

    for (i = 0; i < pr->regions->nelts; i++) {
        const char *r = APR_ARRAY_IDX(pr->regions, i, const char *);
        if (strlen(r) != 2 || strspn(r, "0123456789") != 2) {
            kt_check_fail(c, "regions", "regions.invalid");
            break;
        }
    }
    if (pr->regions->nelts > KT_PROJECT_MAX_REGIONS) {
        kt_check_fail(c, "regions", "regions.invalid");
    }
    if (pr->nationwide && pr->regions->nelts) {
        kt_check_fail(c, "regions", "project_area.both");
    }
    else if (submit && !pr->nationwide && !pr->regions->nelts) {
        kt_check_fail(c, "regions", "project_area.missing");
    }
}

static void check_contact(kt_checker *c, const kt_project *pr, int submit)
{
    int i;

    kt_check_contact(c, pr->contact_name, pr->contact_email, pr->contact_phone, pr->url);
    if (submit && !kt_filled(pr->contact_email) && !kt_filled(pr->contact_phone)
        && !kt_filled(pr->url)) {
        kt_check_fail(c, "contact_email", "project_contact.missing");
    }
    for (i = 0; i < pr->partners->nelts; i++) {
        if (!kt_parse_id(APR_ARRAY_IDX(pr->partners, i, const char *))) {
            kt_check_fail(c, "partners", "partners.invalid");
            break;
        }
    }
    if (pr->partners->nelts > KT_PROJECT_MAX_PARTNERS) {
        kt_check_fail(c, "partners", "partners.too_many");
    }
}

int kt_project_check(apr_pool_t *p, const kt_project *pr, int submit, kt_listing_err err,
                     void *baton)
{
    kt_checker c = { p, err, baton, 0 };

    kt_check_titled(&c, pr->title, pr->description, NULL, NULL, 0, submit);
    check_period(&c, pr, submit);
    check_funding(&c, pr, submit);
    check_area(&c, pr, submit);
    check_contact(&c, pr, submit);
    return c.n;
}

/* ---- comparing, the page document, the form ----------------------------------------- */

apr_array_header_t *kt_project_diff(apr_pool_t *p, const kt_project *a, const kt_project *b)
{
    return kt_fields_diff(p, &project_fieldset, kt_project_rows, a, b);
}

xmlNodePtr kt_project_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_project *pr)
{
    return kt_fields_xml(p, parent, role, &project_fieldset, pr);
}

void kt_project_fill(kt_fstate *fs, apr_pool_t *p, const kt_project *pr)
{
    kt_fields_fill(fs, p, &project_fieldset, pr);
}
