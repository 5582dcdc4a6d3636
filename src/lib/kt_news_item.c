/* News items as their writers know them; see kt_news_item.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_news_item.h"
#include "kt_fields.h"
#include "kt_xml.h"

const char *const kt_news_related_kinds[] = { "organisation", "project", "event", NULL };

const char *const kt_news_rows[] = {
    "title_fi", "title_sv", "title_en", "summary_fi", "summary_sv", "summary_en",
    "body_fi", "body_sv", "body_en", "related", NULL
};

/* Read from the form and compared by this table; the XML and the form's
 * values take the rows above in their order, as stored. */
static const kt_field news_fields[] = {
    KT_FIELD_LANGS("title", KT_FIELD_LINE, kt_news_item, title),
    KT_FIELD_LANGS("summary", KT_FIELD_TEXT, kt_news_item, summary),
    KT_FIELD_LANGS("body", KT_FIELD_TEXT, kt_news_item, body),
    KT_FIELD("related", KT_FIELD_LINE, kt_news_item, related),
    KT_FIELD_END
};

static const kt_fieldset news_fieldset = { news_fields, NULL };

kt_news_item *kt_news_item_new(apr_pool_t *p)
{
    kt_news_item *n = apr_pcalloc(p, sizeof(*n));

    kt_fields_blank(p, &news_fieldset, n);
    n->languages = apr_array_make(p, 1, sizeof(const char *));
    return n;
}

kt_news_item *kt_news_item_from_form(apr_pool_t *p, const kt_form *f)
{
    kt_news_item *n = kt_news_item_new(p);

    kt_fields_read(p, &news_fieldset, f, n);
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

int kt_news_item_check(apr_pool_t *p, const kt_news_item *n, int publish, kt_listing_err err,
                       void *baton)
{
    kt_checker c = { p, err, baton, 0 };
    const char *kind, *id;
    int i, titles = 0;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        const char *t = kt_fields_lang_name(p, "title", i), *s = kt_fields_lang_name(p, "summary", i);
        const char *b = kt_fields_lang_name(p, "body", i);
        int any = kt_filled(n->title[i]) || kt_filled(n->summary[i]) || kt_filled(n->body[i]);
        /* a language begun is finished before the public reads it */
        int need = publish && any;
        if (kt_check_verdict(&c, t, kt_valid_line(n->title[i], KT_NEWS_TITLE_MAX, 0))
            && need && !kt_filled(n->title[i])) {
            kt_check_fail(&c, t, apr_pstrcat(p, "news_", t, ".missing", NULL));
        }
        kt_check_verdict(&c, s, kt_valid_text(n->summary[i], KT_NEWS_SUMMARY_MAX, need));
        kt_check_verdict(&c, b, kt_valid_text(n->body[i], KT_NEWS_BODY_MAX, need));
        titles += kt_filled(n->title[i]);
    }
    /* (a language begun has asked for its title already) */
    if (!titles && (!publish || !c.n)) {
        kt_check_fail(&c, "title_fi", "news_title.none");
    }
    if (kt_filled(n->related) && !kt_news_related_parse(p, n->related, &kind, &id)) {
        kt_check_fail(&c, "related", "related.invalid");
    }
    return c.n;
}

/* ---- comparing and showing ---------------------------------------------------------- */

apr_array_header_t *kt_news_item_diff(apr_pool_t *p, const kt_news_item *a,
                                      const kt_news_item *b)
{
    return kt_fields_diff(p, &news_fieldset, kt_news_rows, a, b);
}

/* Plain values, row by row: a news item's texts are not compared word by
 * word. */
xmlNodePtr kt_news_item_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                            const kt_news_item *n)
{
    xmlNodePtr l = kt_xml_add(p, parent, "listing", NULL);
    int i;

    kt_xml_attr(p, l, "role", role);
    for (i = 0; kt_news_rows[i]; i++) {
        kt_fields_value_xml(p, l, kt_news_rows[i],
                            kt_fields_row_text(p, &news_fieldset, kt_news_rows[i], n));
    }
    return l;
}

void kt_news_item_fill(kt_fstate *fs, apr_pool_t *p, const kt_news_item *n)
{
    int i;

    for (i = 0; kt_news_rows[i]; i++) {
        kt_fstate_value(fs, kt_news_rows[i],
                        kt_fields_row_text(p, &news_fieldset, kt_news_rows[i], n));
    }
}
