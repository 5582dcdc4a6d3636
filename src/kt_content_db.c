/* What every kind's database code shares; see kt_content_db.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_content_db.h"
#include "kt_xml.h"

const char *kt_content_text(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : "";
}

apr_array_header_t *kt_content_split(apr_pool_t *p, const char *s, const char *sep)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    char *c, *state = NULL, *item;

    if (!s || !*s) {
        return out;
    }
    c = apr_pstrdup(p, s);
    for (item = apr_strtok(c, sep, &state); item; item = apr_strtok(NULL, sep, &state)) {
        APR_ARRAY_PUSH(out, const char *) = item;
    }
    return out;
}

void kt_content_languages(apr_pool_t *p, const char *packed, apr_array_header_t *codes)
{
    apr_array_header_t *items = kt_content_split(p, packed, "\x1e");
    int i;

    for (i = 0; i < items->nelts; i++) {
        char *item = apr_pstrdup(p, APR_ARRAY_IDX(items, i, const char *));
        char *sep = strchr(item, '\x1f');
        if (sep) {
            *sep = '\0';
            APR_ARRAY_PUSH(codes, const char *) = item;
        }
    }
}

void kt_content_price(kt_lang lang, char *stored, const char **price, const char **amount)
{
    int fee = strtod(stored, NULL) > 0.0;
    char *c;

    *price = fee ? "fee" : "free";
    *amount = fee ? stored : "";
    if (fee && lang != KT_LANG_EN && (c = strchr(stored, '.')) != NULL) {
        *c = ',';
    }
}

const char *kt_content_canon(apr_pool_t *p, const char *(*fn)(apr_pool_t *, const char *),
                             const char *s)
{
    const char *v = *s ? fn(p, s) : NULL;
    return v ? v : "";
}

void kt_content_langs(const char **args, int *n, const char *const texts[])
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        args[(*n)++] = texts[i];
    }
}

kt_db_status kt_content_row(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                            const char *const *args, int ncols, const char ***col, int *found)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);
    int i;

    *found = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        *col = apr_palloc(p, sizeof(const char *) * (apr_size_t)ncols);
        for (i = 0; i < ncols; i++) {
            (*col)[i] = kt_content_text(p, kt_db_get(db, row, i));
        }
        *found = 1;
    }
    return st;
}

kt_db_status kt_content_options(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                                const char *const *args, int grouped, xmlNodePtr parent)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL, o;
    const char *current = "";
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *name = kt_db_get(db, row, 0);
        if (strcmp(name, current) != 0) {
            current = apr_pstrdup(p, name);
            list = kt_xml_add(p, parent, "options", NULL);
            kt_xml_attr(p, list, "for", current);
        }
        o = kt_xml_add(p, list, "option", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "value", kt_db_get(db, row, 1));
        if (grouped) {
            kt_xml_attr(p, o, "group", kt_db_get(db, row, 3));
        }
    }
    return st;
}

/* The message code of a field's wrong code. */
static const char *invalid_code(apr_pool_t *p, const char *field, const char *const *named)
{
    int i;

    for (i = 0; named && named[i]; i += 2) {
        if (strcmp(named[i], field) == 0) {
            return named[i + 1];
        }
    }
    return apr_pstrcat(p, field, ".invalid", NULL);
}

kt_db_status kt_content_codes(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, int nargs,
                              const char *const *args, const char *const *named,
                              kt_listing_err err, void *baton, int *problems)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_hash_t *reported = apr_hash_make(p);
    kt_db_status st = kt_db_select(db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *field = apr_pstrdup(p, kt_db_get(db, row, 0));
        if (apr_hash_get(reported, field, APR_HASH_KEY_STRING)) {
            continue;
        }
        apr_hash_set(reported, field, APR_HASH_KEY_STRING, field);
        err(baton, field, invalid_code(p, field, named));
        (*problems)++;
    }
    return st;
}
