/* Networks as the editor knows them; see kt_network.h.  The formats (contact,
 * links) are those of events and activities, so that people type them the
 * same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_network.h"
#include "kt_validate.h"
#include "kt_tidy.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

const char *const kt_network_areas[] = { "municipalities", "region", "national", NULL };

const char *const kt_network_audiences[] = {
    "immigrants", "asylum_seekers", "students", "families", "professionals", "volunteers",
    "organisations", NULL
};

const char *const kt_network_lists[] = { "activities", "resources", "benefits", "evaluation",
                                         NULL };

/* The rows are public_networks `v`.  A place matches the networks of its
 * municipality or region, those of a municipality in the region asked or of
 * the region of the municipality asked, and every national one (it is open
 * to people anywhere, as online events are); the two are ORed (either place
 * will do), so each one's condition reads the other's values. */
#define NW_PLACE \
    "v.area = 'national' OR v.municipalities && coalesce(p.f_municipality, '{}')" \
    " OR v.region_code::text = ANY (coalesce(p.f_region, '{}'))" \
    " OR EXISTS (SELECT 1 FROM municipalities m" \
    "  WHERE m.code::text = ANY (coalesce(p.f_municipality, '{}'))" \
    "  AND m.region_code = v.region_code)" \
    " OR EXISTS (SELECT 1 FROM municipalities m WHERE m.code::text = ANY (v.municipalities)" \
    "  AND m.region_code::text = ANY (coalesce(p.f_region, '{}')))"

/* No partner feed: `feed` 0 throughout. */
static const kt_filter network_filters[] = {
    { "municipality", KT_FILTER_CODES, 50, kt_filter_municipality_code, NULL, NW_PLACE, NULL,
      "municipalities", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
    { "region", KT_FILTER_CODES, 50, kt_filter_region_code, NULL, NW_PLACE, NULL, "regions",
      KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
    { "audience", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "v.audiences && p.f_audience",
      NULL, "network_audiences", KT_COUNT_NONE, NULL, NULL, NULL, NULL, 0 },
};

/* q: the texts (sql/020_networks.sql: unaccented stems, as events') and the
 * lexemes of the places words name; prefixes and Finnish weak grades, not
 * the activities' lexicon (compounds, near-misses).  The stored vector has
 * the network's own places; a place's name also finds what the place
 * filters find, so the region's municipalities and the municipalities'
 * regions are added here (a generated column reads its own row only; there
 * are a few hundred networks, not the activities' 100 000). */
#define NW_TEXT \
    "(v.tsv || setweight(array_to_tsvector(ARRAY(" \
    "SELECT 'municipality=' || m.code FROM municipalities m WHERE m.region_code = v.region_code" \
    " UNION SELECT 'region=' || m.region_code FROM municipalities m" \
    "  WHERE m.code::text = ANY (v.municipalities))), 'D')) @@ p.q"

const kt_filter_table kt_network_filters = {
    "networks", network_filters, (int)(sizeof(network_filters) / sizeof(network_filters[0])),
    " FROM public_networks v", NW_TEXT, "prefix,weak,names", NULL
};

const char *const kt_network_rows[] = {
    "title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
    "activities_fi", "activities_sv", "activities_en", "resources_fi", "resources_sv",
    "resources_en", "benefits_fi", "benefits_sv", "benefits_en", "evaluation_fi",
    "evaluation_sv", "evaluation_en", "area", "audiences", "contact", "url", NULL
};

kt_network *kt_network_new(apr_pool_t *p)
{
    kt_network *n = apr_pcalloc(p, sizeof(*n));
    int i, l;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = n->description[i] = "";
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            n->lists[l][i] = "";
        }
    }
    n->area = n->region = "";
    n->municipalities = apr_array_make(p, 2, sizeof(const char *));
    n->audiences = apr_array_make(p, 2, sizeof(const char *));
    n->contact_name = n->contact_email = n->contact_phone = n->url = "";
    return n;
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

static const char *lang_field(apr_pool_t *p, const char *name, int lang)
{
    return apr_pstrcat(p, name, "_", lang_suffix[lang], NULL);
}

kt_network *kt_network_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_network *n = kt_network_new(p);
    int i, l;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = field(p, f, lang_field(p, "title", i));
        n->description[i] = kt_newlines(p, field(p, f, lang_field(p, "description", i)));
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            n->lists[l][i] = kt_newlines(p, field(p, f, lang_field(p, kt_network_lists[l], i)));
        }
    }
    n->area = field(p, f, "area");
    /* the area is one of three: what the other choices held is not kept */
    if (strcmp(n->area, "region") == 0) {
        n->region = field(p, f, "region");
    }
    if (strcmp(n->area, "municipalities") == 0) {
        n->municipalities = codes(p, f, "municipalities");
    }
    n->audiences = codes(p, f, "audiences");
    n->contact_name = field(p, f, "contact_name");
    /* tidied rather than refused: "mailto:", spaces, a missing https:// */
    n->contact_email = kt_tidy_email(p, field(p, f, "contact_email"));
    n->contact_phone = kt_tidy_phone(p, field(p, f, "contact_phone"));
    n->url = kt_tidy_web_url(p, field(p, f, "url"));
    return n;
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

static int digits(const char *s, apr_size_t n)
{
    return strlen(s) == n && strspn(s, "0123456789") == n;
}

apr_array_header_t *kt_network_items(apr_pool_t *p, const char *text)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    const char *s = text ? text : "";

    while (*s) {
        apr_size_t len = strcspn(s, "\n");
        char *line = kt_trim(p, apr_pstrmemdup(p, s, len));
        if (*line) {
            APR_ARRAY_PUSH(out, const char *) = line;
        }
        s += len;
        if (*s) {
            s++;
        }
    }
    return out;
}

/* A list: the text rule, its length, its number of items. */
static void check_list(checker *c, const char *name, const char *text)
{
    kt_verdict v = kt_valid_text(text, KT_LISTING_TEXT_MAX, 0);

    if (v != KT_V_OK) {
        verdict(c, name, v);
    }
    else if (kt_network_items(c->p, text)->nelts > KT_NETWORK_LIST_ITEMS) {
        fail(c, name, "network_list.too_many");
    }
}

static void check_texts(checker *c, const kt_network *n, int submit)
{
    int i, l, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = lang_field(c->p, "title", i), *d = lang_field(c->p, "description", i);
        const char *a = lang_field(c->p, "activities", i);
        int begun = filled(n->title[i]) || filled(n->description[i]);

        verdict(c, t, kt_valid_line(n->title[i], KT_LISTING_TITLE_MAX, 0));
        verdict(c, d, kt_valid_text(n->description[i], KT_LISTING_TEXT_MAX, 0));
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            check_list(c, lang_field(c->p, kt_network_lists[l], i), n->lists[l][i]);
            begun = begun || filled(n->lists[l][i]);
        }
        titles += filled(n->title[i]);
        if (!submit || !begun) {
            continue;
        }
        /* what the public page of a language needs: its name, a description, what it does */
        if (!filled(n->title[i])) {
            fail(c, t, apr_pstrcat(c->p, t, ".missing", NULL));
        }
        if (!filled(n->description[i])) {
            fail(c, d, apr_pstrcat(c->p, d, ".missing", NULL));
        }
        if (!filled(n->lists[0][i])) {
            fail(c, a, apr_pstrcat(c->p, a, ".missing", NULL));
        }
    }
    if (!titles) {
        fail(c, "title_fi", "title.none");
    }
}

static void check_area(checker *c, const kt_network *n, int submit)
{
    int i;

    if (filled(n->area) && !one_of(kt_network_areas, n->area)) {
        fail(c, "area", "network_area.invalid");
        return;
    }
    if (!filled(n->area)) {
        if (submit) {
            fail(c, "area", "network_area.missing");
        }
        return;
    }
    if (filled(n->region) && !digits(n->region, 2)) {
        fail(c, "region", "region.invalid");
    }
    else if (submit && strcmp(n->area, "region") == 0 && !filled(n->region)) {
        fail(c, "region", "region.missing");
    }
    for (i = 0; i < n->municipalities->nelts; i++) {
        if (!digits(APR_ARRAY_IDX(n->municipalities, i, const char *), 3)) {
            fail(c, "municipalities", "municipalities.invalid");
            return;
        }
    }
    if (n->municipalities->nelts > KT_NETWORK_MAX_MUNICIPALITIES) {
        fail(c, "municipalities", "municipalities.too_many");
    }
    else if (submit && strcmp(n->area, "municipalities") == 0 && !n->municipalities->nelts) {
        fail(c, "municipalities", "municipalities.missing");
    }
}

static void check_others(checker *c, const kt_network *n, int submit)
{
    int i;

    for (i = 0; i < n->audiences->nelts; i++) {
        if (!one_of(kt_network_audiences, APR_ARRAY_IDX(n->audiences, i, const char *))) {
            fail(c, "audiences", "network_audiences.invalid");
            break;
        }
    }
    if (submit && n->audiences->nelts == 0) {
        fail(c, "audiences", "network_audiences.missing");
    }
    verdict(c, "contact_name", kt_valid_line(n->contact_name, 200, submit));
    if (filled(n->contact_email) || submit) {
        verdict(c, "contact_email", kt_valid_email(n->contact_email));
    }
    if (filled(n->contact_phone)) {
        verdict(c, "contact_phone", kt_valid_phone(n->contact_phone));
    }
    if (filled(n->url)) {
        verdict(c, "url", kt_valid_web_url(n->url));
    }
}

int kt_network_check(apr_pool_t *p, const kt_network *n, int submit, kt_listing_err err,
                     void *baton)
{
    checker c = { p, err, baton, 0 };

    check_texts(&c, n, submit);
    check_area(&c, n, submit);
    check_others(&c, n, submit);
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

static const char *row_text(apr_pool_t *p, const kt_network *n, const char *name)
{
    const char *us = strrchr(name, '_');
    int i, l;

    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        apr_size_t base = (apr_size_t)(us - name);
        if (strcmp(us + 1, lang_suffix[i]) != 0) {
            continue;
        }
        if (strncmp(name, "title", base) == 0 && base == 5) {
            return n->title[i];
        }
        if (strncmp(name, "description", base) == 0 && base == 11) {
            return n->description[i];
        }
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            if (strlen(kt_network_lists[l]) == base && strncmp(name, kt_network_lists[l], base) == 0) {
                /* the items, not the blank lines or spaces around them */
                return apr_array_pstrcat(p, kt_network_items(p, n->lists[l][i]), '\x1e');
            }
        }
    }
    if (strcmp(name, "area") == 0) {
        return apr_pstrcat(p, n->area, "\x1f", n->region, "\x1f", set_text(p, n->municipalities),
                           NULL);
    }
    if (strcmp(name, "audiences") == 0) {
        return set_text(p, n->audiences);
    }
    if (strcmp(name, "contact") == 0) {
        return apr_pstrcat(p, n->contact_name, "\x1f", n->contact_email, "\x1f",
                           n->contact_phone, NULL);
    }
    return n->url;
}

apr_array_header_t *kt_network_diff(apr_pool_t *p, const kt_network *a, const kt_network *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_network_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_network_rows[i]), row_text(p, b, kt_network_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_network_rows[i];
        }
    }
    return out;
}

/* ---- the network in a page document ---------------------------------------------------- */

static void value_field(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "value", value);
}

/* A text written in words: compared word by word in the review
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

xmlNodePtr kt_network_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_network *n)
{
    xmlNodePtr x = kt_xml_add(p, parent, "listing", NULL);
    int i, l;

    kt_xml_attr(p, x, "role", role);
    for (i = 0; i < KT_LANG_COUNT; i++) {
        words_field(p, x, lang_field(p, "title", i), n->title[i]);
        words_field(p, x, lang_field(p, "description", i), n->description[i]);
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            /* each item a <value>: the comparison table lists them */
            list_field(p, x, lang_field(p, kt_network_lists[l], i),
                       kt_network_items(p, n->lists[l][i]));
        }
    }
    value_field(p, x, "area", n->area);
    value_field(p, x, "region", n->region);
    list_field(p, x, "municipalities", n->municipalities);
    list_field(p, x, "audiences", n->audiences);
    value_field(p, x, "contact_name", n->contact_name);
    value_field(p, x, "contact_email", n->contact_email);
    value_field(p, x, "contact_phone", n->contact_phone);
    value_field(p, x, "url", n->url);
    return x;
}

void kt_network_fill(kt_fstate *fs, apr_pool_t *p, const kt_network *n)
{
    int i, l;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        kt_fstate_value(fs, lang_field(p, "title", i), n->title[i]);
        kt_fstate_value(fs, lang_field(p, "description", i), n->description[i]);
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            kt_fstate_value(fs, lang_field(p, kt_network_lists[l], i), n->lists[l][i]);
        }
    }
    kt_fstate_value(fs, "area", n->area);
    kt_fstate_value(fs, "region", n->region);
    kt_fstate_values(fs, "municipalities", n->municipalities);
    kt_fstate_values(fs, "audiences", n->audiences);
    kt_fstate_value(fs, "contact_name", n->contact_name);
    kt_fstate_value(fs, "contact_email", n->contact_email);
    kt_fstate_value(fs, "contact_phone", n->contact_phone);
    kt_fstate_value(fs, "url", n->url);
}
