/* A news item (PRODUCT.md, "News"; issue 12 item 1) as the moderators who
 * write it see it: the content of one version, as typed into the form or
 * read from the database, its checks, its comparison with another version
 * and its place in a page document.  Pure (APR and libxml2 only).
 *
 * The form's field names: title_fi … title_en, summary_fi … summary_en,
 * body_fi … body_en (the markup of kt_markup.h), related ("organisation-ID",
 * "project-ID", "event-ID" or empty: one public item the news is about). */
#ifndef KT_NEWS_ITEM_H
#define KT_NEWS_ITEM_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"

#define KT_NEWS_TITLE_MAX   200     /* characters */
#define KT_NEWS_SUMMARY_MAX 600
#define KT_NEWS_BODY_MAX    20000

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *summary[KT_LANG_COUNT];
    const char *body[KT_LANG_COUNT];
    const char *related;      /* "organisation-12", "project-3", "event-5" or "" */
    /* always empty: an item has no languages besides its texts' (the engine
     * asks every kind for the codes its form must offer) */
    apr_array_header_t *languages;
} kt_news_item;

/* The kinds of item a news item can be about, in the form's order; each is
 * also the path segment of its public page. */
extern const char *const kt_news_related_kinds[];   /* organisation, project, event */

/* An empty item: every text "". */
kt_news_item *kt_news_item_new(apr_pool_t *p);

/* The item in a decoded form body: values trimmed, CR LF made LF. */
kt_news_item *kt_news_item_from_form(apr_pool_t *p, const kt_form *f);

/* "organisation-12" → "organisation" and "12" (a kind of
 * kt_news_related_kinds and an id of kt_parse_id); 0 for anything else. */
int kt_news_related_parse(apr_pool_t *p, const char *related, const char **kind,
                          const char **id);

/* Checks what was typed: lengths and characters of every text
 * (TEXT_LL.too_long, .invalid), at least one title (news_title.none), the
 * related item's shape (related.invalid).  With `publish` also what the
 * public reads: in each language begun the title, the summary and the body
 * (news_title_LL.missing, summary_LL.missing, body_LL.missing).  Returns the
 * number of problems; each goes to err (field, message code). */
int kt_news_item_check(apr_pool_t *p, const kt_news_item *n, int publish, kt_listing_err err,
                       void *baton);

/* The rows of the comparison table, in display order. */
extern const char *const kt_news_rows[];

/* The rows in which a and b differ. */
apr_array_header_t *kt_news_item_diff(apr_pool_t *p, const kt_news_item *a,
                                      const kt_news_item *b);

/* <listing role="…"> with every field: <field name value/>. */
xmlNodePtr kt_news_item_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                            const kt_news_item *n);

/* The form's values from n. */
void kt_news_item_fill(kt_fstate *fs, apr_pool_t *p, const kt_news_item *n);

#endif
