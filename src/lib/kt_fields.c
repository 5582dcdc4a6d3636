/* The fields of every kind's content; see kt_fields.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_fields.h"
#include "kt_tidy.h"
#include "kt_xml.h"

/* ---- where a field lives ------------------------------------------------------------- */

/* The member of the kind's struct (content is written only by blank and
 * read, which have it writable). */
static void *member(const kt_field *f, const void *content)
{
    return (char *)content + f->at;
}

static const char **str_at(const kt_field *f, const void *content, int lang)
{
    const char **s = member(f, content);
    return f->langs ? s + lang : s;
}

static apr_array_header_t **array_at(const kt_field *f, const void *content)
{
    return member(f, content);
}

static int *flag_at(const kt_field *f, const void *content)
{
    return member(f, content);
}

static const kt_field *field_named(const kt_fieldset *fs, const char *name)
{
    const kt_field *f;

    for (f = fs->fields; f->name; f++) {
        if (strcmp(f->name, name) == 0) {
            return f;
        }
    }
    return NULL;
}

const char *kt_fields_lang_name(apr_pool_t *p, const char *stem, int lang)
{
    return apr_pstrcat(p, stem, "_", kt_lang_codes[lang], NULL);
}

/* ---- empty, and from the form ------------------------------------------------------ */

void kt_fields_blank(apr_pool_t *p, const kt_fieldset *fs, void *content)
{
    const kt_field *f;
    int i;

    for (f = fs->fields; f->name; f++) {
        if (f->type == KT_FIELD_OWN) {
            continue;
        }
        if (f->type == KT_FIELD_CODES) {
            *array_at(f, content) = apr_array_make(p, 2, sizeof(const char *));
        }
        else if (f->type == KT_FIELD_FLAG) {
            *flag_at(f, content) = 0;
        }
        else {
            for (i = 0; i < (f->langs ? KT_LANG_COUNT : 1); i++) {
                *str_at(f, content, i) = f->type == KT_FIELD_CHOICE ? f->dflt : "";
            }
        }
    }
}

/* Distinct non-empty values, in the order sent. */
static apr_array_header_t *codes(apr_pool_t *p, const kt_form *form, const char *name)
{
    apr_array_header_t *all = kt_form_values(p, form, name);
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

static const char *read_one(apr_pool_t *p, const kt_field *f, const kt_form *form,
                            const char *name)
{
    const char *v = kt_trim(p, kt_form_get(form, name));

    switch (f->type) {
    case KT_FIELD_TEXT:
    case KT_FIELD_ITEMS:
        return kt_newlines(p, v);
    case KT_FIELD_CHOICE:
        return kt_form_get(form, name) ? v : f->dflt;
    case KT_FIELD_EMAIL:
        return kt_tidy_email(p, v);
    case KT_FIELD_PHONE:
        return kt_tidy_phone(p, v);
    case KT_FIELD_WEB:
        return kt_tidy_web_url(p, v);
    default:
        return v;
    }
}

void kt_fields_read(apr_pool_t *p, const kt_fieldset *fs, const kt_form *form, void *content)
{
    const kt_field *f;
    int i;

    for (f = fs->fields; f->name; f++) {
        if (f->type == KT_FIELD_OWN) {
            continue;
        }
        if (f->type == KT_FIELD_CODES) {
            *array_at(f, content) = codes(p, form, f->name);
        }
        else if (f->type == KT_FIELD_FLAG) {
            *flag_at(f, content) = strcmp(kt_trim(p, kt_form_get(form, f->name)), "yes") == 0;
        }
        else if (!f->langs) {
            *str_at(f, content, 0) = read_one(p, f, form, f->name);
        }
        else {
            for (i = 0; i < KT_LANG_COUNT; i++) {
                *str_at(f, content, i) = read_one(p, f, form,
                                                  kt_fields_lang_name(p, f->name, i));
            }
        }
    }
}

/* ---- the form's values and the XML ------------------------------------------------- */

/* Calls put for each field in the order the form and the XML take them:
 * the fields in every language, language by language, then the others. */
typedef void (*put_fn)(apr_pool_t *p, const kt_field *f, const char *name, int lang,
                       const void *content, void *baton);

static void each_field(apr_pool_t *p, const kt_fieldset *fs, const void *content, put_fn put,
                       void *baton)
{
    const kt_field *f;
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        for (f = fs->fields; f->name; f++) {
            if (f->langs) {
                put(p, f, kt_fields_lang_name(p, f->name, i), i, content, baton);
            }
        }
    }
    for (f = fs->fields; f->name; f++) {
        if (!f->langs) {
            put(p, f, f->name, 0, content, baton);
        }
    }
}

static void put_value(apr_pool_t *p, const kt_field *f, const char *name, int lang,
                      const void *content, void *baton)
{
    kt_fstate *st = baton;

    (void)p;
    if (f->type == KT_FIELD_OWN) {
        return;
    }
    if (f->type == KT_FIELD_CODES) {
        kt_fstate_values(st, name, *array_at(f, content));
    }
    else if (f->type == KT_FIELD_FLAG) {
        kt_fstate_value(st, name, *flag_at(f, content) ? "yes" : "");
    }
    else {
        kt_fstate_value(st, name, *str_at(f, content, lang));
    }
}

void kt_fields_fill(kt_fstate *st, apr_pool_t *p, const kt_fieldset *fs, const void *content)
{
    each_field(p, fs, content, put_value, st);
}

static void put_xml(apr_pool_t *p, const kt_field *f, const char *name, int lang,
                    const void *content, void *baton)
{
    xmlNodePtr parent = baton;
    const char *v;

    if (f->type == KT_FIELD_OWN) {
        f->own_xml(p, parent, content);
        return;
    }
    if (f->type == KT_FIELD_CODES) {
        kt_fields_list_xml(p, parent, name, *array_at(f, content));
        return;
    }
    if (f->type == KT_FIELD_FLAG) {
        kt_fields_value_xml(p, parent, name, *flag_at(f, content) ? "yes" : "");
        return;
    }
    v = *str_at(f, content, lang);
    if (f->type == KT_FIELD_ITEMS) {
        /* each item a <value>: the comparison table lists them */
        kt_fields_list_xml(p, parent, name, kt_fields_items(p, v));
        return;
    }
    v = f->shown ? f->shown(p, content) : f->canon ? kt_fields_canon(p, f->canon, v) : v;
    (f->words ? kt_fields_words_xml : kt_fields_value_xml)(p, parent, name, v);
}

xmlNodePtr kt_fields_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                         const kt_fieldset *fs, const void *content)
{
    xmlNodePtr n = kt_xml_add(p, parent, "listing", NULL);

    kt_xml_attr(p, n, "role", role);
    each_field(p, fs, content, put_xml, n);
    return n;
}

void kt_fields_value_xml(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "value", value);
}

/* A text written in words: the review compares it word by word
 * (kt_worddiff_changes). */
void kt_fields_words_xml(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    kt_xml_attr(p, f, "name", name);
    kt_xml_attr(p, f, "words", "true");
    kt_xml_attr(p, f, "value", value);
}

void kt_fields_list_xml(apr_pool_t *p, xmlNodePtr parent, const char *name,
                        const apr_array_header_t *vals)
{
    xmlNodePtr f = kt_xml_add(p, parent, "field", NULL);
    int i;

    kt_xml_attr(p, f, "name", name);
    for (i = 0; i < vals->nelts; i++) {
        kt_xml_add(p, f, "value", APR_ARRAY_IDX(vals, i, const char *));
    }
}

/* ---- comparing --------------------------------------------------------------------- */

apr_array_header_t *kt_fields_items(apr_pool_t *p, const char *text)
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *kt_fields_set_text(apr_pool_t *p, const apr_array_header_t *vals)
{
    apr_array_header_t *copy = apr_array_copy(p, vals);
    qsort(copy->elts, (size_t)copy->nelts, sizeof(const char *), cmp_str);
    return apr_array_pstrcat(p, copy, '\x1e');
}

const char *kt_fields_canon(apr_pool_t *p, const char *(*fn)(apr_pool_t *, const char *),
                            const char *s)
{
    const char *v = fn(p, s);
    return v ? v : s;
}

const char *kt_fields_price_text(apr_pool_t *p, const char *price, const char *amount)
{
    if (strcmp(price, "fee") != 0) {
        return price;
    }
    return apr_pstrcat(p, "fee ", kt_fields_canon(p, kt_listing_amount, amount), NULL);
}

/* One field's canonical text in one language. */
static const char *field_text(apr_pool_t *p, const kt_field *f, int lang, const void *content)
{
    const char *v;

    switch (f->type) {
    case KT_FIELD_OWN:
        return "";
    case KT_FIELD_CODES:
        return kt_fields_set_text(p, *array_at(f, content));
    case KT_FIELD_FLAG:
        return *flag_at(f, content) ? "1" : "0";
    case KT_FIELD_ITEMS:
        /* the items, not the blank lines or spaces around them */
        return apr_array_pstrcat(p, kt_fields_items(p, *str_at(f, content, lang)), '\x1e');
    default:
        v = *str_at(f, content, lang);
        return f->canon ? kt_fields_canon(p, f->canon, v) : v;
    }
}

/* The fields of a composite row, their texts joined. */
static const char *joined_text(apr_pool_t *p, const kt_fieldset *fs, const char *names,
                               const void *content)
{
    apr_array_header_t *texts = apr_array_make(p, 4, sizeof(const char *));
    char *copy = apr_pstrdup(p, names), *state = NULL, *name;

    for (name = apr_strtok(copy, " ", &state); name; name = apr_strtok(NULL, " ", &state)) {
        const kt_field *f = field_named(fs, name);
        APR_ARRAY_PUSH(texts, const char *) = f ? field_text(p, f, 0, content) : "";
    }
    return apr_array_pstrcat(p, texts, '\x1f');
}

const char *kt_fields_row_text(apr_pool_t *p, const kt_fieldset *fs, const char *row,
                               const void *content)
{
    const kt_field_row *r;
    const kt_field *f;
    const char *us = strrchr(row, '_');
    int i;

    for (r = fs->rows; r && r->name; r++) {
        if (strcmp(r->name, row) == 0) {
            return r->text ? r->text(p, content) : joined_text(p, fs, r->fields, content);
        }
    }
    if ((f = field_named(fs, row)) != NULL && !f->langs && f->type != KT_FIELD_OWN) {
        return field_text(p, f, 0, content);
    }
    for (i = 0; us && i < KT_LANG_COUNT; i++) {
        if (strcmp(us + 1, kt_lang_codes[i]) == 0) {
            f = field_named(fs, apr_pstrmemdup(p, row, (apr_size_t)(us - row)));
            return f && f->langs ? field_text(p, f, i, content) : "";
        }
    }
    return "";
}

apr_array_header_t *kt_fields_diff(apr_pool_t *p, const kt_fieldset *fs,
                                   const char *const *rows, const void *a, const void *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; rows[i]; i++) {
        if (strcmp(kt_fields_row_text(p, fs, rows[i], a),
                   kt_fields_row_text(p, fs, rows[i], b)) != 0) {
            APR_ARRAY_PUSH(out, const char *) = rows[i];
        }
    }
    return out;
}

/* ---- checks -------------------------------------------------------------------------- */

void kt_check_fail(kt_checker *c, const char *field, const char *code)
{
    c->n++;
    c->err(c->baton, field, code);
}

int kt_check_verdict(kt_checker *c, const char *field, kt_verdict v)
{
    static const char *const suffix[] = { NULL, "missing", "too_long", "invalid" };

    if (v != KT_V_OK) {
        kt_check_fail(c, field, apr_pstrcat(c->p, field, ".", suffix[v], NULL));
    }
    return v == KT_V_OK;
}

void kt_check_missing(kt_checker *c, const char *field)
{
    kt_check_fail(c, field, apr_pstrcat(c->p, field, ".missing", NULL));
}

int kt_filled(const char *s)
{
    return s && *s;
}

int kt_one_of(const char *const *list, const char *v)
{
    int i;

    for (i = 0; list[i]; i++) {
        if (strcmp(list[i], v) == 0) {
            return 1;
        }
    }
    return 0;
}

void kt_check_titled(kt_checker *c, const char *const title[], const char *const description[],
                     const char *note_name, const char *const note[], apr_size_t note_max,
                     int submit)
{
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = kt_fields_lang_name(c->p, "title", i);
        const char *d = kt_fields_lang_name(c->p, "description", i);
        kt_check_verdict(c, t, kt_valid_line(title[i], KT_LISTING_TITLE_MAX, 0));
        kt_check_verdict(c, d, kt_valid_text(description[i], KT_LISTING_TEXT_MAX, 0));
        if (note) {
            kt_check_verdict(c, kt_fields_lang_name(c->p, note_name, i),
                             kt_valid_text(note[i], note_max, 0));
        }
        titles += kt_filled(title[i]);
        if (submit && kt_filled(title[i]) && !kt_filled(description[i])) {
            kt_check_missing(c, d);
        }
        if (submit && !kt_filled(title[i]) && kt_filled(description[i])) {
            kt_check_missing(c, t);
        }
    }
    if (!titles) {
        kt_check_fail(c, "title_fi", "title.none");
    }
}

void kt_check_web(kt_checker *c, const char *field, const char *url)
{
    if (kt_filled(url)) {
        kt_check_verdict(c, field, kt_valid_web_url(url));
    }
}

void kt_check_contact(kt_checker *c, const char *name, const char *email, const char *phone,
                      const char *url)
{
    if (name) {
        kt_check_verdict(c, "contact_name", kt_valid_line(name, 200, 0));
    }
    if (kt_filled(email)) {
        kt_check_verdict(c, "contact_email", kt_valid_email(email));
    }
    if (kt_filled(phone)) {
        kt_check_verdict(c, "contact_phone", kt_valid_phone(phone));
    }
    if (url) {
        kt_check_web(c, "url", url);
    }
}

void kt_check_id(kt_checker *c, const char *field, const char *id)
{
    if (kt_filled(id) && !kt_parse_id(id)) {
        kt_check_fail(c, field, apr_pstrcat(c->p, field, ".invalid", NULL));
    }
}

void kt_check_languages(kt_checker *c, const apr_array_header_t *languages, const char *other,
                        int submit, const char *missing)
{
    kt_check_verdict(c, "languages_other", kt_valid_line(other, 500, 0));
    if (languages->nelts > KT_LISTING_MAX_LANGUAGES) {
        kt_check_fail(c, "languages", "languages.too_many");
    }
    else if (submit && languages->nelts == 0 && !kt_filled(other)) {
        kt_check_fail(c, "languages", missing);
    }
}

void kt_check_price(kt_checker *c, const char *price, const char *amount)
{
    if (strcmp(price, "free") != 0 && strcmp(price, "fee") != 0) {
        kt_check_fail(c, "price", "price.invalid");
    }
    else if (strcmp(price, "fee") == 0) {
        if (!kt_filled(amount)) {
            kt_check_fail(c, "price_amount", "price_amount.missing");
        }
        else if (!kt_listing_amount(c->p, amount)) {
            kt_check_fail(c, "price_amount", "price_amount.invalid");
        }
    }
}

void kt_check_address(kt_checker *c, const char *street, const char *postal_code,
                      const char *office)
{
    kt_check_verdict(c, "street_address", kt_valid_line(street, 200, 0));
    if (kt_filled(postal_code)
        && (strlen(postal_code) != 5 || strspn(postal_code, "0123456789") != 5)) {
        kt_check_fail(c, "postal_code", "postal_code.invalid");
    }
    kt_check_verdict(c, "post_office", kt_valid_line(office, 100, 0));
}
