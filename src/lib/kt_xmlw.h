/* A streaming XML writer for long documents (the partner feeds, through
 * kt_xmlout.c): elements, attributes and text written straight into a buffer
 * that is handed to a sink whenever it fills, so an answer of any length needs
 * the buffer and nothing more.
 *
 * Its bytes are those of libxml2's xmlTextWriter with indentation on (one
 * space a level) and UTF-8 output, which wrote the feeds before: the feeds'
 * bytes are a contract (FEED.md), and test_xmlw.c compares the two writers
 * over random documents and texts.  It does what that took per call — a
 * linked stack, a copy of every text made safe (kt_xml_safe_text), another
 * escaped, each piece appended to a buffer through a conversion — in one pass:
 * every text is made safe (invalid UTF-8 and characters XML cannot carry
 * become U+FFFD) and escaped as it is copied into the buffer.
 *
 * Escaping is xmlTextWriter's: in text & < > " and CR; in attribute values
 * also tab and newline (as character references), so that they survive
 * attribute-value normalisation.  Names are written as given (the callers'
 * own constants).  Pure: no httpd, no libxml2. */
#ifndef KT_XMLW_H
#define KT_XMLW_H

#include <apr_pools.h>

/* Receives len bytes of output; returns 0, or non-zero to fail the writer. */
typedef int (*kt_xmlw_sink)(void *ctx, const char *buf, apr_size_t len);

typedef struct kt_xmlw kt_xmlw;

/* A writer whose buffer (bufsize bytes, at least 256) lives in p. */
kt_xmlw *kt_xmlw_create(apr_pool_t *p, apr_size_t bufsize, kt_xmlw_sink sink, void *ctx);

/* <?xml version="1.0" encoding="UTF-8"?> and <root xmlns="ns"> (ns may be
 * NULL). */
void kt_xmlw_start(kt_xmlw *w, const char *root, const char *ns);
void kt_xmlw_open(kt_xmlw *w, const char *name);
/* An attribute of the element just opened (nothing once it has content). */
void kt_xmlw_attr(kt_xmlw *w, const char *name, const char *value);
/* Text content of the element open ("" still ends its start tag). */
void kt_xmlw_text(kt_xmlw *w, const char *text);
void kt_xmlw_close(kt_xmlw *w);
/* Closes every element still open. */
void kt_xmlw_end(kt_xmlw *w);
/* Hands what the buffer holds to the sink. */
void kt_xmlw_flush(kt_xmlw *w);
/* 1 once the sink has failed (or the document nests deeper than the writer
 * keeps: 64 levels); every call is then a no-op. */
int kt_xmlw_failed(const kt_xmlw *w);

#endif
