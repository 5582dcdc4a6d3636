/* Word-level change marks for the comparison tables of the moderators'
 * review: which words of a text were removed and which added between two
 * versions (issue 14).  Pure (APR and libxml2).
 *
 * A text is cut into tokens — words (letters, digits and anything beyond
 * ASCII), runs of white space, single punctuation marks — and the two token
 * lists compared with Myers' O((N+M)·D) algorithm after their common
 * beginning and end are set aside.  The work is bounded: more than
 * KT_WORDDIFF_MAX_TOKENS tokens between the common ends, or more than
 * KT_WORDDIFF_MAX_EDITS tokens added and removed, and there are no word marks
 * (NULL): the table then marks the field as changed as a whole, which is also
 * what a reader wants of a text rewritten from scratch.
 *
 * The parts read in order: kept text, then for each change the removed words
 * followed by the added ones.  White space and punctuation alone between two
 * changes are taken into the change, so that "a b c" → "x y z" is one removal
 * and one addition, not three of each. */
#ifndef KT_WORDDIFF_H
#define KT_WORDDIFF_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <libxml/tree.h>

#define KT_WORDDIFF_MAX_TOKENS 6000
#define KT_WORDDIFF_MAX_EDITS  400
#define KT_WORDDIFF_MAX_BYTES  200000

typedef enum { KT_WD_SAME = 0, KT_WD_DEL, KT_WD_INS } kt_wd_op;

typedef struct {
    kt_wd_op op;
    const char *text;
} kt_wd_part;

/* The parts (kt_wd_part) that turn a into b, or NULL beyond the bounds.
 * Equal texts give one SAME part (none for two empty texts). */
apr_array_header_t *kt_worddiff(apr_pool_t *p, const char *a, const char *b);

/* <words><same>…</same><del>…</del><ins>…</ins>…</words> under parent. */
xmlNodePtr kt_worddiff_xml(apr_pool_t *p, xmlNodePtr parent, const apr_array_header_t *parts);

/* For each <change row="R"/> under `changes` whose row is a text compared
 * word by word in both listings — <field name="R" words="true" value="…"/>
 * under `from` and under `to` — adds the marks as <words> to the change
 * (nothing beyond the bounds).  Any kind's <listing> (kt_listing_xml,
 * kt_event_xml) says which of its fields are such texts. */
void kt_worddiff_changes(apr_pool_t *p, xmlNodePtr changes, xmlNodePtr from, xmlNodePtr to);

#endif
