/* Streaming XML answers: libxml2's xmlTextWriter writing through a bucket
 * brigade down httpd's output filters (mod_deflate included) as it goes, so
 * that an answer of any length needs only a few kilobytes of buffer.  Used by
 * the partner feed and the Atom feed.
 *
 * Every function is a no-op once writing has failed (the client went away, or
 * libxml2 refused); kt_xmlout_ok says whether it has.  Strings pass through
 * kt_xml_safe_text into pool p first, so no text from the database can make the
 * document ill-formed; the caller clears p as it goes to keep memory flat. */
#ifndef KT_XMLOUT_H
#define KT_XMLOUT_H

#include <httpd.h>

typedef struct kt_xmlout kt_xmlout;

/* Starts the document: the XML declaration and <root xmlns="ns">.  Headers
 * (status, Content-Type) must be set before: the first bytes may go out at
 * once.  NULL when libxml2 cannot allocate the writer. */
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
