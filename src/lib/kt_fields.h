/* The fields of a kind's content, written once for every kind (activities,
 * events, jobs, projects, networks, news): each kind declares a table of
 * its fields (kt_fieldset: the form's name, how the value is read, where it
 * lives in the kind's struct, how it is shown and compared), and the
 * functions below read the form, fill the form's values, write the
 * <listing> XML of the comparison tables and find the rows that differ
 * from that table.  The checks stay the kind's own code (their messages
 * and their order are the kind's), on the checker helpers at the end.
 * Pure (APR and libxml2 only).
 *
 * A field in every content language ("title": title_fi, title_sv,
 * title_en) is an array of KT_LANG_COUNT strings in the struct; such fields
 * come first in a table, and the form's values and the XML take them
 * language by language (title_fi, description_fi, title_sv, …). */
#ifndef KT_FIELDS_H
#define KT_FIELDS_H

#include <stddef.h>
#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"
#include "kt_validate.h"

/* How a field's value is read from the form, kept, shown and compared. */
typedef enum {
    KT_FIELD_LINE,     /* const char *: one line, trimmed */
    KT_FIELD_TEXT,     /* const char *: several lines, trimmed, CR LF made LF */
    KT_FIELD_ITEMS,    /* const char *: as TEXT, one item a line; the XML lists the items
                        * and the comparison reads them (kt_fields_items) */
    KT_FIELD_CODES,    /* apr_array_header_t * of const char *: a repeated field, its
                        * distinct non-empty values in the order sent; compared as a set */
    KT_FIELD_FLAG,     /* int: a checkbox sent as "yes" */
    KT_FIELD_CHOICE,   /* const char *: a radio group; `dflt` when none is chosen (a group
                        * with nothing chosen is not sent at all) */
    KT_FIELD_EMAIL,    /* const char *: one line, tidied as an address (kt_tidy.h) */
    KT_FIELD_PHONE,    /* const char *: one line, tidied as a phone number */
    KT_FIELD_WEB,      /* const char *: one line, tidied as a web address */
    KT_FIELD_OWN       /* the kind's own (activities' weekly times): only its place in
                        * the XML, written by `own_xml`; the kind reads, fills and
                        * compares it itself */
} kt_field_type;

typedef struct {
    const char *name;      /* the form's name; of a field in every language its stem */
    kt_field_type type;
    size_t at;             /* offsetof the member in the kind's struct */
    int langs;             /* 1: an array of KT_LANG_COUNT, one a content language */
    int words;             /* the XML says words="true": the review marks its words */
    /* the canonical form the XML shows and the comparison reads (NULL when
     * it does not parse: the value as typed is kept), or NULL: as typed */
    const char *(*canon)(apr_pool_t *p, const char *s);
    const char *dflt;      /* KT_FIELD_CHOICE: the value when none is chosen */
    /* the XML's value made from the whole content, or NULL (events' end
     * day, the start's when none was typed) */
    const char *(*shown)(apr_pool_t *p, const void *content);
    void (*own_xml)(apr_pool_t *p, xmlNodePtr parent, const void *content);
} kt_field;

/* A row of the comparison table that stands for several fields, or whose
 * text is the kind's own.  Other rows are a field's name (or a field's in
 * one language, "title_fi") and read that field alone. */
typedef struct {
    const char *name;
    const char *fields;    /* the fields' names, space-separated, or NULL */
    /* the row's canonical text, or NULL: the fields' texts joined */
    const char *(*text)(apr_pool_t *p, const void *content);
} kt_field_row;

typedef struct {
    const kt_field *fields;     /* ends with a NULL name */
    const kt_field_row *rows;   /* ends with a NULL name; NULL: none */
} kt_fieldset;

/* Table entries: member m of struct type T. */
#define KT_FIELD(name, type, T, m) { name, type, offsetof(T, m), 0, 0, NULL, NULL, NULL, NULL }
#define KT_FIELD_LANGS(name, type, T, m) { name, type, offsetof(T, m), 1, 1, NULL, NULL, NULL, NULL }
#define KT_FIELD_WORDS(name, T, m) { name, KT_FIELD_LINE, offsetof(T, m), 0, 1, NULL, NULL, NULL, NULL }
#define KT_FIELD_CANON(name, T, m, canon) \
    { name, KT_FIELD_LINE, offsetof(T, m), 0, 0, canon, NULL, NULL, NULL }
#define KT_FIELD_SHOWN(name, T, m, canon, shown) \
    { name, KT_FIELD_LINE, offsetof(T, m), 0, 0, canon, NULL, shown, NULL }
#define KT_FIELD_CHOOSE(name, T, m, dflt) \
    { name, KT_FIELD_CHOICE, offsetof(T, m), 0, 0, NULL, dflt, NULL, NULL }
#define KT_FIELD_OWN_XML(name, fn) { name, KT_FIELD_OWN, 0, 0, 0, NULL, NULL, NULL, fn }
#define KT_FIELD_END { NULL, KT_FIELD_LINE, 0, 0, 0, NULL, NULL, NULL, NULL }

/* The content's fields empty: texts "", lists empty, flags 0, choices their
 * default.  Members the table does not name are left as they are. */
void kt_fields_blank(apr_pool_t *p, const kt_fieldset *fs, void *content);

/* The content's fields from a decoded form body (types above). */
void kt_fields_read(apr_pool_t *p, const kt_fieldset *fs, const kt_form *f, void *content);

/* The form's values: each field as stored (as typed), codes as values. */
void kt_fields_fill(kt_fstate *st, apr_pool_t *p, const kt_fieldset *fs, const void *content);

/* <listing role="…"> under parent with every field: <field name value/>
 * (canonical where it parses; words="true" for texts compared word by
 * word), <field name><value/>…</field> for codes and items. */
xmlNodePtr kt_fields_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                         const kt_fieldset *fs, const void *content);

/* The names of rows (of the NULL-terminated `rows`) in which a and b
 * differ, each compared in canonical form (sets sorted, items without the
 * blank lines and spaces around them). */
apr_array_header_t *kt_fields_diff(apr_pool_t *p, const kt_fieldset *fs,
                                   const char *const *rows, const void *a, const void *b);

/* The canonical text of row `row` of content (kt_fields_diff compares it). */
const char *kt_fields_row_text(apr_pool_t *p, const kt_fieldset *fs, const char *row,
                               const void *content);

/* ---- pieces for the kinds' own code ---------------------------------------------------- */

/* "STEM_LL" of language lang ("title_fi"). */
const char *kt_fields_lang_name(apr_pool_t *p, const char *stem, int lang);

/* The items of a text written one item a line: its non-blank lines, trimmed. */
apr_array_header_t *kt_fields_items(apr_pool_t *p, const char *text);

/* The values sorted and joined: a set's canonical text. */
const char *kt_fields_set_text(apr_pool_t *p, const apr_array_header_t *vals);

/* The canonical text of a price: "free", or "fee" and its amount. */
const char *kt_fields_price_text(apr_pool_t *p, const char *price, const char *amount);

/* fn(s), or s itself when it does not parse. */
const char *kt_fields_canon(apr_pool_t *p, const char *(*fn)(apr_pool_t *, const char *),
                            const char *s);

/* <field name value/>, <field name words="true" value/>, <field name><value/>…</field>. */
void kt_fields_value_xml(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value);
void kt_fields_words_xml(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *value);
void kt_fields_list_xml(apr_pool_t *p, xmlNodePtr parent, const char *name,
                        const apr_array_header_t *vals);

/* ---- checks -------------------------------------------------------------------------- */

/* Where a kind's checks report: every problem goes to err (field, message
 * code) and is counted in n. */
typedef struct {
    apr_pool_t *p;
    kt_listing_err err;
    void *baton;
    int n;
} kt_checker;

void kt_check_fail(kt_checker *c, const char *field, const char *code);

/* "FIELD.missing|too_long|invalid" from a validator's verdict, as
 * kt_form_check names them; 1 when the verdict is OK. */
int kt_check_verdict(kt_checker *c, const char *field, kt_verdict v);

/* FIELD.missing ("title_sv.missing"). */
void kt_check_missing(kt_checker *c, const char *field);

/* 1 when s has something in it. */
int kt_filled(const char *s);

/* 1 when v is one of the NULL-terminated list. */
int kt_one_of(const char *const *list, const char *v);

/* The titles and descriptions of every language (title_LL a line of
 * KT_LISTING_TITLE_MAX, description_LL a text of KT_LISTING_TEXT_MAX; with
 * `note`, also note_name_LL a text of note_max, checked after them), at
 * least one title (title.none); with `submit` each language's title and
 * description together (title_LL.missing, description_LL.missing). */
void kt_check_titled(kt_checker *c, const char *const title[], const char *const description[],
                     const char *note_name, const char *const note[], apr_size_t note_max,
                     int submit);

/* A contact's name (a line of 200), email address, phone number and web
 * address (url), each checked when given; NULL: the kind checks it itself
 * or has none. */
void kt_check_contact(kt_checker *c, const char *name, const char *email, const char *phone,
                      const char *url);

/* A web address checked when given. */
void kt_check_web(kt_checker *c, const char *field, const char *url);

/* An id (kt_parse_id) checked when given: FIELD.invalid. */
void kt_check_id(kt_checker *c, const char *field, const char *id);

/* The languages ticked and typed (languages_other, a line of 500): at most
 * KT_LISTING_MAX_LANGUAGES; with `submit` at least one (the message code
 * `missing`, the kind's). */
void kt_check_languages(kt_checker *c, const apr_array_header_t *languages, const char *other,
                        int submit, const char *missing);

/* price "free" or "fee", and a fee's amount (kt_listing_amount). */
void kt_check_price(kt_checker *c, const char *price, const char *amount);

/* A street address (street_address, postal_code of five digits, post_office). */
void kt_check_address(kt_checker *c, const char *street, const char *postal_code,
                      const char *office);

#endif
