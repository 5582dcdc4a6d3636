/* A network of organisations (PRODUCT.md, "Networks"; issue 12 item 4, seed
 * 004_…), as its editor and its moderator see it: the content of one
 * version, as typed into the form or read from the database, its checks, its
 * comparison with another version and its place in a page document.  Pure
 * (APR and libxml2 only).  Its member organisations are not content: they
 * change without moderation (src/kt_networks.c, network_members).
 *
 * The form's field names: title_fi … title_en (the network's name),
 * description_LANG, and the lists, one item a line: activities_LANG (what it
 * does), resources_LANG, benefits_LANG (what members gain), evaluation_LANG
 * (evaluation and quality); area (KT_NETWORK_AREAS), region (a region's
 * code, for area=region), municipalities (codes, repeated, for
 * area=municipalities), audiences (KT_NETWORK_AUDIENCES, repeated),
 * contact_name, contact_email, contact_phone, url. */
#ifndef KT_NETWORK_H
#define KT_NETWORK_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>
#include "kt_text.h"
#include "kt_form.h"
#include "kt_formstate.h"
#include "kt_listing.h"
#include "kt_filter.h"

#define KT_NETWORK_MAX_MUNICIPALITIES 100
#define KT_NETWORK_LIST_ITEMS 50          /* lines of one list */

/* The vocabularies (sql/020_networks.sql has the audiences' names), in
 * display order. */
extern const char *const kt_network_areas[];       /* municipalities, region, national */
extern const char *const kt_network_audiences[];   /* immigrants, asylum_seekers, … */

/* The lists, in display order: activities, resources, benefits, evaluation. */
extern const char *const kt_network_lists[];
#define KT_NETWORK_LIST_COUNT 4

/* The filters of /{lang}/networks (ROUTES.md; HACKING.md, "Filters"):
 * municipality, region, audience, in URL order; with q and page, which every
 * table has.  Its statements are the templates of kt_network_sql.h. */
extern const kt_filter_table kt_network_filters;

typedef struct {
    const char *title[KT_LANG_COUNT];
    const char *description[KT_LANG_COUNT];
    /* one item a line, as typed (CR LF made LF), per list and language */
    const char *lists[KT_NETWORK_LIST_COUNT][KT_LANG_COUNT];
    const char *area;                   /* a code of kt_network_areas, or "" */
    const char *region;                 /* a region's code when area is region, else "" */
    apr_array_header_t *municipalities; /* const char *: codes, when area is municipalities */
    apr_array_header_t *audiences;      /* const char *: codes of kt_network_audiences */
    const char *contact_name;
    const char *contact_email;
    const char *contact_phone;
    const char *url;
} kt_network;

/* An empty network: every text "", every list empty. */
kt_network *kt_network_new(apr_pool_t *p);

/* The network in a decoded form body: values trimmed, CR LF made LF, codes
 * without repeats; the region only with area=region, the municipalities only
 * with area=municipalities (what the other choice showed is not kept). */
kt_network *kt_network_from_form(apr_pool_t *p, const kt_form *f);

/* Checks what was typed: lengths, characters, formats, the codes' shape, at
 * least one name.  With `submit` also what the public reads: in each
 * language begun the name, the description and what it does; an area (its
 * region, or at least one municipality); who it is for; the contact
 * person's name and email.  The number of problems; each goes to err. */
int kt_network_check(apr_pool_t *p, const kt_network *n, int submit, kt_listing_err err,
                     void *baton);

/* The items of a list text: its non-blank lines, trimmed. */
apr_array_header_t *kt_network_items(apr_pool_t *p, const char *text);

/* The rows of the comparison table, in display order. */
extern const char *const kt_network_rows[];

/* The rows in which a and b differ, compared in canonical form (lists by
 * their items, sets sorted). */
apr_array_header_t *kt_network_diff(apr_pool_t *p, const kt_network *a, const kt_network *b);

/* <listing role="…"> with every field: <field name value/>,
 * <field name><value/>…</field>. */
xmlNodePtr kt_network_xml(apr_pool_t *p, xmlNodePtr parent, const char *role,
                          const kt_network *n);

/* The form's values from n. */
void kt_network_fill(kt_fstate *fs, apr_pool_t *p, const kt_network *n);

#endif
