/* What every kind's database code shares (kt_listing_db.c, kt_event_db.c,
 * kt_job_db.c, kt_project_db.c, kt_network_db.c, kt_news_db.c): one
 * version's row read into texts, the editor's <options> grouped by field,
 * the codes the vocabularies lack reported once a field, and the small
 * conversions between the database's text and the form's.  Each kind keeps
 * its own statements (its columns) and says only what is its own. */
#ifndef KT_CONTENT_DB_H
#define KT_CONTENT_DB_H

#include "kt_private.h"
#include "kt_db.h"
#include "kt_listing.h"
#include <libxml/tree.h>

/* s copied into p, or "" for SQL NULL. */
const char *kt_content_text(apr_pool_t *p, const char *s);

/* The non-empty items of s between any of the characters of sep. */
apr_array_header_t *kt_content_split(apr_pool_t *p, const char *s, const char *sep);

/* Every code of "code US name RS …" (kt_languages_text), in the author's
 * order, appended to codes. */
void kt_content_languages(apr_pool_t *p, const char *packed, apr_array_header_t *codes);

/* A stored price in euros ("2.50", "0"): *price "fee" or "free", *amount as
 * the page's language writes it ("2,50" in Finnish and Swedish; either is
 * read back) or "". */
void kt_content_price(kt_lang lang, char *stored, const char **price, const char **amount);

/* fn(s), the canonical form the database takes, or "" when s is empty or
 * does not parse (the checks said so already). */
const char *kt_content_canon(apr_pool_t *p, const char *(*fn)(apr_pool_t *, const char *),
                             const char *s);

/* Appends the KT_LANG_COUNT texts to args at *n. */
void kt_content_langs(const char **args, int *n, const char *const texts[]);

/* The single row of one version (stmt with args): *col its ncols columns as
 * texts (kt_content_text); *found 0 when there is none. */
kt_db_status kt_content_row(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                            const char *const *args, int ncols, const char ***col, int *found);

/* The editor's <options for="FIELD"><option value>name</option>…</options>
 * from stmt's rows (field, value, name[, group]), one list a field; with
 * `grouped` each option's group (4th column) as its group attribute. */
kt_db_status kt_content_options(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                                const char *const *args, int grouped, xmlNodePtr parent);

/* The codes stmt finds missing from the vocabularies (rows: the field,
 * the code), each field reported once as FIELD.invalid, or as the code its
 * name has in `named` (NULL-terminated pairs: field, message code). */
kt_db_status kt_content_codes(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                              const char *const *args, const char *const *named,
                              kt_listing_err err, void *baton, int *problems);

#endif
