/* Networks as the editor knows them; see kt_network.h.  The formats (contact,
 * links) are those of events and activities, so that people type them the
 * same way everywhere. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_network.h"
#include "kt_fields.h"

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

/* In the order of the XML (and of the form's values): each language's name,
 * description and lists, then the rest. */
static const kt_field network_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_network, title),
    KT_FIELD_LANGS("description", KT_FIELD_TEXT, kt_network, description),
    KT_FIELD_LANGS("activities", KT_FIELD_ITEMS, kt_network, lists[0]),
    KT_FIELD_LANGS("resources", KT_FIELD_ITEMS, kt_network, lists[1]),
    KT_FIELD_LANGS("benefits", KT_FIELD_ITEMS, kt_network, lists[2]),
    KT_FIELD_LANGS("evaluation", KT_FIELD_ITEMS, kt_network, lists[3]),
    KT_FIELD("area", KT_FIELD_LINE, kt_network, area),
    KT_FIELD("region", KT_FIELD_LINE, kt_network, region),
    KT_FIELD("municipalities", KT_FIELD_CODES, kt_network, municipalities),
    KT_FIELD("audiences", KT_FIELD_CODES, kt_network, audiences),
    KT_FIELD("contact_name", KT_FIELD_LINE, kt_network, contact_name),
    KT_FIELD("contact_email", KT_FIELD_EMAIL, kt_network, contact_email),
    KT_FIELD("contact_phone", KT_FIELD_PHONE, kt_network, contact_phone),
    KT_FIELD("url", KT_FIELD_WEB, kt_network, url),
    KT_FIELD_END
};

static const kt_field_row network_rows[] = {
    { "area", "area region municipalities", NULL },
    { "contact", "contact_name contact_email contact_phone", NULL },
    { NULL, NULL, NULL }
};

static const kt_fieldset network_fieldset = { network_fields, network_rows };

kt_network *kt_network_new(apr_pool_t *p)
{
    kt_network *n = apr_pcalloc(p, sizeof(*n));

    kt_fields_blank(p, &network_fieldset, n);
    return n;
}

kt_network *kt_network_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_network *n = kt_network_new(p);

    /* the contact tidied rather than refused: "mailto:", spaces, a missing https:// */
    kt_fields_read(p, &network_fieldset, f, n);
    /* the area is one of three: what the other choices held is not kept */
    if (strcmp(n->area, "region") != 0) {
        n->region = "";
    }
    if (strcmp(n->area, "municipalities") != 0) {
        n->municipalities = apr_array_make(p, 2, sizeof(const char *));
    }
    return n;
}

/* ---- checks ---------------------------------------------------------------------- */

static int digits(const char *s, apr_size_t n)
{
    return strlen(s) == n && strspn(s, "0123456789") == n;
}

apr_array_header_t *kt_network_items(apr_pool_t *p, const char *text)
{
    return kt_fields_items(p, text);
}

/* A list: the text rule, its length, its number of items. */
static void check_list(kt_checker *c, const char *name, const char *text)
{
    kt_verdict v = kt_valid_text(text, KT_LISTING_TEXT_MAX, 0);

    if (v != KT_V_OK) {
        kt_check_verdict(c, name, v);
    }
    else if (kt_network_items(c->p, text)->nelts > KT_NETWORK_LIST_ITEMS) {
        kt_check_fail(c, name, "network_list.too_many");
    }
}

static void check_texts(kt_checker *c, const kt_network *n, int submit)
{
    int i, l, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = kt_fields_lang_name(c->p, "title", i);
        const char *d = kt_fields_lang_name(c->p, "description", i);
        const char *a = kt_fields_lang_name(c->p, "activities", i);
        int begun = kt_filled(n->title[i]) || kt_filled(n->description[i]);

        kt_check_verdict(c, t, kt_valid_line(n->title[i], KT_LISTING_TITLE_MAX, 0));
        kt_check_verdict(c, d, kt_valid_text(n->description[i], KT_LISTING_TEXT_MAX, 0));
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            check_list(c, kt_fields_lang_name(c->p, kt_network_lists[l], i), n->lists[l][i]);
            begun = begun || kt_filled(n->lists[l][i]);
        }
        titles += kt_filled(n->title[i]);
        if (!submit || !begun) {
            continue;
        }
        /* what the public page of a language needs: its name, a description, what it does */
        if (!kt_filled(n->title[i])) {
            kt_check_missing(c, t);
        }
        if (!kt_filled(n->description[i])) {
            kt_check_missing(c, d);
        }
        if (!kt_filled(n->lists[0][i])) {
            kt_check_missing(c, a);
        }
    }
    if (!titles) {
        kt_check_fail(c, "title_fi", "title.none");
    }
}

static void check_area(kt_checker *c, const kt_network *n, int submit)
{
    int i;

    if (kt_filled(n->area) && !kt_one_of(kt_network_areas, n->area)) {
        kt_check_fail(c, "area", "network_area.invalid");
        return;
    }
    if (!kt_filled(n->area)) {
        if (submit) {
            kt_check_fail(c, "area", "network_area.missing");
        }
        return;
    }
    if (kt_filled(n->region) && !digits(n->region, 2)) {
        kt_check_fail(c, "region", "region.invalid");
    }
    else if (submit && strcmp(n->area, "region") == 0 && !kt_filled(n->region)) {
        kt_check_fail(c, "region", "region.missing");
    }
    for (i = 0; i < n->municipalities->nelts; i++) {
        if (!digits(APR_ARRAY_IDX(n->municipalities, i, const char *), 3)) {
            kt_check_fail(c, "municipalities", "municipalities.invalid");
            return;
        }
    }
    if (n->municipalities->nelts > KT_NETWORK_MAX_MUNICIPALITIES) {
        kt_check_fail(c, "municipalities", "municipalities.too_many");
    }
    else if (submit && strcmp(n->area, "municipalities") == 0 && !n->municipalities->nelts) {
        kt_check_fail(c, "municipalities", "municipalities.missing");
    }
}

static void check_others(kt_checker *c, const kt_network *n, int submit)
{
    int i;

    for (i = 0; i < n->audiences->nelts; i++) {
        if (!kt_one_of(kt_network_audiences, APR_ARRAY_IDX(n->audiences, i, const char *))) {
            kt_check_fail(c, "audiences", "network_audiences.invalid");
            break;
        }
    }
    if (submit && n->audiences->nelts == 0) {
        kt_check_fail(c, "audiences", "network_audiences.missing");
    }
    /* the contact person is asked for, unlike other kinds' */
    kt_check_verdict(c, "contact_name", kt_valid_line(n->contact_name, 200, submit));
    if (kt_filled(n->contact_email) || submit) {
        kt_check_verdict(c, "contact_email", kt_valid_email(n->contact_email));
    }
    kt_check_contact(c, NULL, NULL, n->contact_phone, n->url);
}

int kt_network_check(apr_pool_t *p, const kt_network *n, int submit, kt_listing_err err,
                     void *baton)
{
    kt_checker c = { p, err, baton, 0 };

    check_texts(&c, n, submit);
    check_area(&c, n, submit);
    check_others(&c, n, submit);
    return c.n;
}

/* ---- comparing, the page document, the form ----------------------------------------- */

apr_array_header_t *kt_network_diff(apr_pool_t *p, const kt_network *a, const kt_network *b)
{
    return kt_fields_diff(p, &network_fieldset, kt_network_rows, a, b);
}

xmlNodePtr kt_network_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_network *n)
{
    return kt_fields_xml(p, parent, role, &network_fieldset, n);
}

void kt_network_fill(kt_fstate *fs, apr_pool_t *p, const kt_network *n)
{
    kt_fields_fill(fs, p, &network_fieldset, n);
}
