/* The small markup of texts that moderators write (news bodies), turned
 * into page XML that the stylesheets render as text and links.  Nobody's
 * HTML ever reaches a page: what is not this markup is text.
 *
 *   - A blank line (nothing but spaces or tabs on it) separates paragraphs.
 *   - A line break inside a paragraph is kept as one.
 *   - [text](https://address) is a link: the text in brackets (not empty,
 *     no brackets or line breaks in it, at most KT_MARKUP_LABEL_MAX
 *     characters), the address right after it in parentheses: http:// or
 *     https:// with a host (kt_valid_web_url), no spaces and no ")"
 *     (write %29).  Anything else, [x](javascript:…) and <b> included, is
 *     shown exactly as written.
 *
 * Pure (APR and libxml2). */
#ifndef KT_MARKUP_H
#define KT_MARKUP_H

#include <apr_pools.h>
#include <libxml/tree.h>

#define KT_MARKUP_LABEL_MAX 200

/* Appends the paragraphs of text to parent:
 *   <p>text <a href="https://…">label</a> text<br/>next line</p><p>…</p>
 * Text goes in as text nodes (escaped by the serializer, made XML-safe by
 * kt_xml_safe_text).  Nothing for an empty or blank text.  Returns the
 * number of paragraphs. */
int kt_markup_xml(apr_pool_t *p, xmlNodePtr parent, const char *text);

/* The first paragraph as plain text: links as their text, white space
 * runs as one space, cut at a word to at most max bytes with "…" (as
 * kt_text_excerpt).  For teasers and feed summaries. */
char *kt_markup_excerpt(apr_pool_t *p, const char *text, apr_size_t max);

#endif
