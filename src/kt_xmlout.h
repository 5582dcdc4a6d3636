/* Streaming XML answers: kt_xmlw (src/lib, the bytes libxml2's xmlTextWriter
 * wrote) writing through a bucket brigade down httpd's output filters
 * (mod_deflate included) as it goes, so that an answer of any length needs
 * only its 64 KB buffer.  Used by the partner feeds, the Atom feeds and the
 * sitemap.
 *
 * Every function is a no-op once writing has failed (the client went away, or
 * the writer refused); kt_xmlout_ok says whether it has.  Every text is made
 * safe as kt_xml_safe_text does (invalid UTF-8 and characters XML cannot
 * carry become U+FFFD) and escaped as it is copied, so no text from the
 * database can make the document ill-formed.  The pool arguments are no longer
 * used (nothing is copied) and stay for the callers' sake. */
#ifndef KT_XMLOUT_H
#define KT_XMLOUT_H

#include <httpd.h>

typedef struct kt_xmlout kt_xmlout;

/* Starts the document: the XML declaration and <root xmlns="ns">.  Headers
 * (status, Content-Type) must be set before: the first bytes may go out at
 * once.  Never NULL (callers may still check). */
kt_xmlout *kt_xmlout_start(request_rec *r, const char *root, const char *ns);

void kt_xmlout_open(kt_xmlout *o, const char *name);
void kt_xmlout_close(kt_xmlout *o);
/* An attribute of the element just opened; nothing when value is NULL. */
void kt_xmlout_attr(kt_xmlout *o, apr_pool_t *p, const char *name, const char *value);
void kt_xmlout_text(kt_xmlout *o, apr_pool_t *p, const char *text);
/* <name>text</name>, with xml:lang when lang is not NULL; nothing when text is
 * NULL or empty. */
void kt_xmlout_leaf(kt_xmlout *o, apr_pool_t *p, const char *name, const char *lang,
                    const char *text);

int kt_xmlout_ok(const kt_xmlout *o);

/* Ends the document and sends what is left.  With `broken` set (the data
 * source failed half-way) the document is left unfinished and the response is
 * cut off instead (no last chunk, connection closed): a partner must see a
 * failed transfer, not a short list that parses.  Returns APR_SUCCESS when
 * everything reached the network layer. */
apr_status_t kt_xmlout_finish(kt_xmlout *o, int broken);

#endif
