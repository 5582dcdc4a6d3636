/* The field machinery every kind shares (src/lib/kt_fields.c), on a kind of
 * its own made for the test: reading the form, the form's values, the
 * <listing> XML, the rows that differ, and the checker's helpers. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "kt_fields.h"
#include "kt_xml.h"

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *notes[KT_LANG_COUNT];
    const char *date;
    apr_array_header_t *tags;
    int online;
    const char *price;
    const char *email;
    const char *url;
} thing;

static const char *date_shown(apr_pool_t *p, const void *content)
{
    const thing *t = content;
    return apr_pstrcat(p, "on ", t->date, NULL);
}

static void own_xml(apr_pool_t *p, xmlNodePtr parent, const void *content)
{
    (void)content;
    kt_fields_value_xml(p, parent, "own", "x");
}

static const char *upper_text(apr_pool_t *p, const void *content)
{
    const thing *t = content;
    return apr_pstrcat(p, t->price, t->email, NULL);
}

static const kt_field thing_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, thing, title),
    KT_FIELD_LANGS("notes", KT_FIELD_ITEMS, thing, notes),
    KT_FIELD_SHOWN("date", thing, date, kt_listing_date, date_shown),
    KT_FIELD("tags", KT_FIELD_CODES, thing, tags),
    KT_FIELD_OWN_XML("own", own_xml),
    KT_FIELD("online", KT_FIELD_FLAG, thing, online),
    KT_FIELD_CHOOSE("price", thing, price, "free"),
    KT_FIELD("email", KT_FIELD_EMAIL, thing, email),
    KT_FIELD("url", KT_FIELD_WEB, thing, url),
    KT_FIELD_END
};

static const kt_field_row thing_rows[] = {
    { "where", "online url", NULL },
    { "money", NULL, upper_text },
    { NULL, NULL, NULL }
};

static const kt_fieldset things = { thing_fields, thing_rows };
static const char *const rows[] = { "title_fi", "title_sv", "notes_fi", "date", "tags", "where",
                                    "money", NULL };

static kt_form *form(const char *body)
{
    kt_form *f = NULL;
    ck_assert_int_eq(kt_form_decode(ut_pool, body, strlen(body), &kt_form_default_limits, &f),
                     KT_FORM_OK);
    return f;
}

static thing *read_thing(const char *body)
{
    thing *t = apr_pcalloc(ut_pool, sizeof(*t));
    kt_fields_read(ut_pool, &things, form(body), t);
    return t;
}

static const char *dump(xmlNodePtr n)
{
    xmlBufferPtr b = xmlBufferCreate();
    const char *s;

    xmlNodeDump(b, n->doc, n, 0, 0);
    s = apr_pstrdup(ut_pool, (const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return s;
}

static const char *diff_text(const thing *a, const thing *b)
{
    return apr_array_pstrcat(ut_pool, kt_fields_diff(ut_pool, &things, rows, a, b), ' ');
}

START_TEST(blank_and_read)
{
    thing *t = apr_pcalloc(ut_pool, sizeof(*t));

    kt_fields_blank(ut_pool, &things, t);
    ck_assert_str_eq(t->title[2], "");
    ck_assert_str_eq(t->price, "free");            /* a choice's default */
    ck_assert_int_eq(t->tags->nelts, 0);
    t = read_thing("title_sv=+Hej+&notes_fi=a%0D%0Ab&tags=x&tags=&tags=y&tags=x&online=yes"
                   "&email=MAILTO:A%40B.EXAMPLE&url=www.c.example");
    ck_assert_str_eq(t->title[1], "Hej");           /* trimmed */
    ck_assert_str_eq(t->title[0], "");              /* not sent */
    ck_assert_str_eq(t->notes[0], "a\nb");           /* CR LF made LF */
    ck_assert_int_eq(t->tags->nelts, 2);             /* distinct, not empty, in order */
    ck_assert_str_eq(APR_ARRAY_IDX(t->tags, 1, const char *), "y");
    ck_assert_int_eq(t->online, 1);
    ck_assert_str_eq(t->price, "free");             /* a radio group not sent */
    ck_assert_str_eq(t->email, "A@b.example");      /* tidied */
    ck_assert_str_eq(t->url, "https://www.c.example");
    ck_assert_str_eq(read_thing("price=fee&online=no")->price, "fee");
    ck_assert_int_eq(read_thing("online=no")->online, 0);
}
END_TEST

START_TEST(xml_and_form_values)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "r", NULL);
    thing *t = read_thing("title_fi=Otsikko&notes_sv=+a+%0A%0Ab&date=1.2.2030&tags=x&online=yes");
    kt_fstate *fs;

    xmlDocSetRootElement(doc, root);
    /* language by language, then the rest in the table's order; items as
     * values, the shown value, the kind's own part where the table puts it */
    ck_assert_str_eq(dump(kt_fields_xml(ut_pool, root, "latest", &things, t)),
        "<listing role=\"latest\">"
        "<field name=\"title_fi\" words=\"true\" value=\"Otsikko\"/><field name=\"notes_fi\"/>"
        "<field name=\"title_sv\" words=\"true\" value=\"\"/>"
        "<field name=\"notes_sv\"><value>a</value><value>b</value></field>"
        "<field name=\"title_en\" words=\"true\" value=\"\"/><field name=\"notes_en\"/>"
        "<field name=\"date\" value=\"on 1.2.2030\"/>"
        "<field name=\"tags\"><value>x</value></field><field name=\"own\" value=\"x\"/>"
        "<field name=\"online\" value=\"yes\"/><field name=\"price\" value=\"free\"/>"
        "<field name=\"email\" value=\"\"/><field name=\"url\" value=\"\"/></listing>");
    fs = kt_fstate_new(ut_pool, root, "f", "/a", "c");
    kt_fields_fill(fs, ut_pool, &things, t);
    /* the form gets the values as typed (the text, not its items) */
    ck_assert_ptr_nonnull(strstr(dump(kt_fstate_node(fs)),
        "<field name=\"notes_sv\" value=\"a &#10;&#10;b\"/>"));
    ck_assert_ptr_nonnull(strstr(dump(kt_fstate_node(fs)), "<field name=\"date\" value=\"1.2.2030\"/>"));
    ck_assert_ptr_null(strstr(dump(kt_fstate_node(fs)), "own"));
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(rows_that_differ)
{
    thing *a = read_thing("title_fi=A&notes_fi=x%0Ay&date=2030-02-01&tags=1&tags=2&url=a.example");
    thing *b = read_thing("title_fi=A&notes_fi=+x%0A%0Ay+&date=1.2.2030&tags=2&tags=1&url=a.example");

    /* canonical dates, sets in any order, items without blank lines */
    ck_assert_str_eq(diff_text(a, b), "");
    ck_assert_str_eq(diff_text(a, read_thing("title_sv=A")), "title_fi title_sv notes_fi date tags where");
    ck_assert_str_eq(diff_text(a, read_thing("title_fi=A&notes_fi=x%0Ay&date=1.2.2030&tags=1&tags=2"
                                             "&url=a.example&online=yes")), "where");
    ck_assert_str_eq(diff_text(a, read_thing("title_fi=A&notes_fi=x%0Ay&date=1.2.2030&tags=1&tags=2"
                                             "&url=a.example&price=fee")), "money");
    ck_assert_str_eq(kt_fields_row_text(ut_pool, &things, "nothing", a), "");
    ck_assert_str_eq(kt_fields_row_text(ut_pool, &things, "date", b), "2030-02-01");
}
END_TEST

typedef struct {
    char codes[1024];
} errs;

static void collect(void *baton, const char *field, const char *code)
{
    errs *e = baton;
    strcat(e->codes, field);
    strcat(e->codes, "=");
    strcat(e->codes, code);
    strcat(e->codes, " ");
}

START_TEST(checks)
{
    errs got = { "" };
    kt_checker c = { ut_pool, collect, &got, 0 };
    const char *none[KT_LANG_COUNT] = { "", "", "" };
    const char *title[KT_LANG_COUNT] = { "T", "", "" };
    const char *desc[KT_LANG_COUNT] = { "", "D", "" };
    const char *note[KT_LANG_COUNT] = { "", "", "xxxx" };
    apr_array_header_t *langs = apr_array_make(ut_pool, 1, sizeof(const char *));

    kt_check_titled(&c, none, none, NULL, NULL, 0, 1);
    ck_assert_str_eq(got.codes, "title_fi=title.none ");
    got.codes[0] = '\0';
    kt_check_titled(&c, title, desc, "note", note, 3, 1);
    ck_assert_str_eq(got.codes, "description_fi=description_fi.missing title_sv=title_sv.missing "
                                "note_en=note_en.too_long ");
    got.codes[0] = '\0';
    kt_check_titled(&c, title, desc, NULL, NULL, 0, 0);   /* a draft: one title is enough */
    ck_assert_str_eq(got.codes, "");
    kt_check_price(&c, "fee", "abc");
    kt_check_price(&c, "gift", "");
    kt_check_languages(&c, langs, "", 1, "kind_languages.missing");
    kt_check_address(&c, "", "1234", "");
    kt_check_id(&c, "project", "x1");
    kt_check_id(&c, "project", "");
    kt_check_contact(&c, "", "not an address", "", "ftp://x");
    ck_assert_str_eq(got.codes, "price_amount=price_amount.invalid price=price.invalid "
                     "languages=kind_languages.missing postal_code=postal_code.invalid "
                     "project=project.invalid contact_email=contact_email.invalid "
                     "url=url.invalid ");
    ck_assert_int_eq(c.n, 11);
    ck_assert_int_eq(kt_check_verdict(&c, "x", KT_V_OK), 1);
    ck_assert_int_eq(kt_one_of((const char *const[]){ "a", "b", NULL }, "b"), 1);
    ck_assert_int_eq(kt_one_of((const char *const[]){ "a", "b", NULL }, "c"), 0);
}
END_TEST

Suite *fields_suite(void)
{
    Suite *s = suite_create("fields");
    TCase *tc = tcase_create("fields");

    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, blank_and_read);
    tcase_add_test(tc, xml_and_form_values);
    tcase_add_test(tc, rows_that_differ);
    tcase_add_test(tc, checks);
    suite_add_tcase(s, tc);
    return s;
}
