/* Building page documents for the stylesheets.  Every string goes in as
 * element text or attribute value (escaped by the serializer) after
 * kt_xml_safe_text, so hostile input can neither break the markup nor make
 * the document unserialisable. */
#ifndef KT_XML_H
#define KT_XML_H

#include <apr_pools.h>
#include <libxml/tree.h>
#include "kt_text.h"

/* A new <page lang type status path base> document whose lifetime is tied to
 * pool p.  path_rest is the path after "/{lang}" ("/" for the front page) and
 * is used for the language switcher's links; query (may be NULL/empty) is
 * kept on them. */
xmlDocPtr kt_xml_page(apr_pool_t *p, kt_lang lang, const char *type, int status,
                      const char *path_rest, const char *query, const char *base);

/* <name>text</name> under parent; text NULL gives an empty element. */
xmlNodePtr kt_xml_add(apr_pool_t *p, xmlNodePtr parent, const char *name, const char *text);

/* Sets attribute name=value; does nothing when value is NULL. */
void kt_xml_attr(apr_pool_t *p, xmlNodePtr node, const char *name, const char *value);

/* <name lang="xx">best text for the page</name> from texts[fi, sv, en];
 * nothing is added (NULL returned) when no language has the text. */
xmlNodePtr kt_xml_texts(apr_pool_t *p, xmlNodePtr parent, const char *name,
                        kt_lang page, const char *const texts[KT_LANG_COUNT]);

/* s escaped for XML text or a double-quoted attribute value written by hand
 * (the feed's error bodies): made XML-safe first (kt_xml_safe_text), then &
 * < > " escaped and tab, line feed and carriage return written as character
 * references, which a parser keeps as they are.  Whatever a request held,
 * the result is well-formed. */
char *kt_xml_escape(apr_pool_t *p, const char *s);

/* The document serialised as XML (for debugging and unit tests). */
char *kt_xml_dump(apr_pool_t *p, xmlDocPtr doc);

#endif
