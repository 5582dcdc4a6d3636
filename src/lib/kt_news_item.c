/* News items as their writers know them; see kt_news_item.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_news_item.h"
#include "kt_validate.h"
#include "kt_xml.h"

static const char *const lang_suffix[KT_LANG_COUNT] = { "fi", "sv", "en" };

const char *const kt_news_related_kinds[] = { "organisation", "project", "event", NULL };

const char *const kt_news_rows[] = {
    "title_fi", "title_sv", "title_en", "summary_fi", "summary_sv", "summary_en",
    "body_fi", "body_sv", "body_en", "related", NULL
};

kt_news_item *kt_news_item_new(apr_pool_t *p)
{
    kt_news_item *n = apr_pcalloc(p, sizeof(*n));
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = n->summary[i] = n->body[i] = "";
    }
    n->related = "";
    n->languages = apr_array_make(p, 1, sizeof(const char *));
    return n;
}

static const char *named(apr_pool_t *p, const char *field, int lang)
{
    return apr_pstrcat(p, field, "_", lang_suffix[lang], NULL);
}

kt_news_item *kt_news_item_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_news_item *n = kt_news_item_new(p);
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = kt_trim(p, kt_form_get(f, named(p, "title", i)));
        n->summary[i] = kt_newlines(p, kt_trim(p, kt_form_get(f, named(p, "summary", i))));
        n->body[i] = kt_newlines(p, kt_trim(p, kt_form_get(f, named(p, "body", i))));
    }
    n->related = kt_trim(p, kt_form_get(f, "related"));
    return n;
}

int kt_news_related_parse(apr_pool_t *p, const char *related, const char **kind,
                          const char **id)
{
    const char *dash = related ? strrchr(related, '-') : NULL;
    int i;

    if (!dash || !kt_parse_id(dash + 1)) {
        return 0;
    }
    for (i = 0; kt_news_related_kinds[i]; i++) {
        apr_size_t len = strlen(kt_news_related_kinds[i]);
        if ((apr_size_t)(dash - related) == len
            && strncmp(related, kt_news_related_kinds[i], len) == 0) {
            *kind = kt_news_related_kinds[i];
            *id = apr_pstrdup(p, dash + 1);
            return 1;
        }
    }
    return 0;
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

/* "<field>.missing|too_long|invalid" from a validator's verdict; 1 when OK. */
static int verdict(checker *c, const char *name, kt_verdict v)
{
    static const char *const suffix[] = { NULL, "missing", "too_long", "invalid" };
    if (v != KT_V_OK) {
        fail(c, name, apr_pstrcat(c->p, name, ".", suffix[v], NULL));
    }
    return v == KT_V_OK;
}

static int filled(const char *s)
{
    return s && *s;
}

int kt_news_item_check(apr_pool_t *p, const kt_news_item *n, int publish, kt_listing_err err,
                       void *baton)
{
    checker c = { p, err, baton, 0 };
    const char *kind, *id;
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = named(p, "title", i), *s = named(p, "summary", i);
        const char *b = named(p, "body", i);
        int any = filled(n->title[i]) || filled(n->summary[i]) || filled(n->body[i]);
        /* a language begun is finished before the public reads it */
        int need = publish && any;
        if (verdict(&c, t, kt_valid_line(n->title[i], KT_NEWS_TITLE_MAX, 0))
            && need && !filled(n->title[i])) {
            fail(&c, t, apr_pstrcat(p, "news_", t, ".missing", NULL));
        }
        verdict(&c, s, kt_valid_text(n->summary[i], KT_NEWS_SUMMARY_MAX, need));
        verdict(&c, b, kt_valid_text(n->body[i], KT_NEWS_BODY_MAX, need));
        titles += filled(n->title[i]);
    }
    /* (a language begun has asked for its title already) */
    if (!titles && (!publish || !c.n)) {
        fail(&c, "title_fi", "news_title.none");
    }
    if (filled(n->related) && !kt_news_related_parse(p, n->related, &kind, &id)) {
        fail(&c, "related", "related.invalid");
    }
    return c.n;
}

/* ---- comparing and showing ---------------------------------------------------------- */

static const char *row_text(apr_pool_t *p, const kt_news_item *n, const char *row)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        if (strcmp(row, named(p, "title", i)) == 0) {
            return n->title[i];
        }
        if (strcmp(row, named(p, "summary", i)) == 0) {
            return n->summary[i];
        }
        if (strcmp(row, named(p, "body", i)) == 0) {
            return n->body[i];
        }
    }
    return n->related;
}

apr_array_header_t *kt_news_item_diff(apr_pool_t *p, const kt_news_item *a,
                                      const kt_news_item *b)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    int i;

    for (i = 0; kt_news_rows[i]; i++) {
        if (strcmp(row_text(p, a, kt_news_rows[i]), row_text(p, b, kt_news_rows[i])) != 0) {
            APR_ARRAY_PUSH(out, const char *) = kt_news_rows[i];
        }
    }
    return out;
}

xmlNodePtr kt_news_item_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                            const kt_news_item *n)
{
    xmlNodePtr l = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, l, "role", role);
    for (i = 0; kt_news_rows[i]; i++) {
        xmlNodePtr f = kt_xml_add(p, l, "field", NULL);
        kt_xml_attr(p, f, "name", kt_news_rows[i]);
        kt_xml_attr(p, f, "value", row_text(p, n, kt_news_rows[i]));
    }
    return l;
}

void kt_news_item_fill(kt_fstate *fs, apr_pool_t *p, const kt_news_item *n)
{
    int i;

    for (i = 0; kt_news_rows[i]; i++) {
        kt_fstate_value(fs, kt_news_rows[i], row_text(p, n, kt_news_rows[i]));
    }
}
