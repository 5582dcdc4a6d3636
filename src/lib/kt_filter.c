/* Filters described by a table; see kt_filter.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "kt_filter.h"
#include "kt_query.h"
#include "kt_validate.h"

/* The search's own bounds (kt_search.h): a URL of a list page carries at most
 * 120 pairs; a value's bytes are bounded before it is looked at. */
static const kt_query_limits limits = { 120, 32, 200 * 4 };

static int set_error(kt_filter_error *err, const char *param, const char *reason,
                     const char *value, int index)
{
    err->param = param;
    err->reason = reason;
    err->value = value;
    err->index = index;
    return 0;
}

int kt_filter_tracking(const char *name)
{
    return strncmp(name, "utm_", 4) == 0 || strcmp(name, "fbclid") == 0
           || strcmp(name, "gclid") == 0 || strcmp(name, "mc_cid") == 0
           || strcmp(name, "mc_eid") == 0;
}

static const kt_filter *lookup(const kt_filter *const *tables, const char *name)
{
    int t, i;

    for (t = 0; tables[t]; t++) {
        for (i = 0; tables[t][i].name; i++) {
            if (strcmp(tables[t][i].name, name) == 0) {
                return &tables[t][i];
            }
        }
    }
    return NULL;
}

/* A code's shape: lower-case letters, digits and underscores (the
 * vocabularies' codes; municipalities and regions are digits). */
static int code_shape(const char *v, apr_size_t max)
{
    apr_size_t n = strlen(v);
    return n >= 1 && n <= max && strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_") == n;
}

static int date_shape(const char *v)
{
    int y, m, d;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    if (strlen(v) != 10 || v[4] != '-' || v[7] != '-'
        || strspn(v, "0123456789") != 4 || strspn(v + 5, "0123456789") != 2
        || strspn(v + 8, "0123456789") != 2) {
        return 0;
    }
    y = atoi(v);
    m = atoi(v + 5);
    d = atoi(v + 8);
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
        return 0;
    }
    return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* One value of filter f; 1 when good. */
static int check_value(const kt_filter *f, const char *value, int index, kt_filter_error *err)
{
    switch (f->type) {
    case KT_FILTER_TEXT:
        if (kt_utf8_chars(value) > f->max) {
            return set_error(err, f->name, "too-long", value, index);
        }
        return 1;
    case KT_FILTER_CODE:
        return code_shape(value, f->max) ? 1
               : set_error(err, f->name, "unknown-value", value, index);
    case KT_FILTER_FLAG:
        return strcmp(value, "1") == 0 ? 1
               : set_error(err, f->name, "unknown-value", value, index);
    case KT_FILTER_DATE:
        return date_shape(value) ? 1 : set_error(err, f->name, "unknown-value", value, index);
    case KT_FILTER_PAGE:
        {
            apr_size_t n = strlen(value);
            long page = n && n <= 6 && strspn(value, "0123456789") == n ? atol(value) : -1;
            return page >= 1 && page <= KT_FILTER_MAX_PAGE ? 1
                   : set_error(err, f->name, "out-of-range", value, index);
        }
    }
    return 0;
}

static int add_value(apr_pool_t *p, kt_filter_values *values, const kt_filter *f,
                     const char *value, int index, kt_filter_error *err)
{
    apr_array_header_t *a = apr_hash_get(values, f->name, APR_HASH_KEY_STRING);
    int i;

    if (!check_value(f, value, index, err)) {
        return 0;
    }
    if (!a) {
        a = apr_array_make(p, 2, sizeof(const char *));
        apr_hash_set(values, f->name, APR_HASH_KEY_STRING, a);
    }
    else if (f->type != KT_FILTER_CODE) {
        return set_error(err, f->name, "repeated", value, index);
    }
    for (i = 0; i < a->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(a, i, const char *), value) == 0) {
            return 1;   /* the same value twice means it once */
        }
    }
    if (a->nelts >= KT_FILTER_MAX_VALUES) {
        return set_error(err, f->name, "too-many", value, index);
    }
    APR_ARRAY_PUSH(a, const char *) = f->type == KT_FILTER_TEXT ? kt_trim(p, value) : value;
    return 1;
}

int kt_filter_parse(apr_pool_t *p, const char *raw, const kt_filter *const *tables,
                    int pages, kt_filter_take take, void *baton, kt_filter_values **values,
                    apr_array_header_t **pairs, kt_filter_error *err)
{
    apr_array_header_t *all;
    kt_query_error qerr;
    kt_filter_values *v = apr_hash_make(p);
    int i;

    *values = NULL;
    *pairs = NULL;
    if (kt_query_parse(p, raw, raw ? strlen(raw) : 0, &limits, &all, &qerr) != KT_QUERY_OK) {
        return set_error(err, qerr.param, kt_query_status_name(qerr.status), NULL, -1);
    }
    /* decoded: the caller may name the wrong pair and leave it out of a link */
    *pairs = all;
    for (i = 0; i < all->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(all, i, kt_query_pair);
        const kt_filter *f = lookup(tables, pair->name);
        const char *param = NULL, *reason = NULL;
        int taken = 0;

        if (!f && take) {
            taken = take(baton, pair->name, pair->value, &param, &reason);
            if (taken < 0) {
                return set_error(err, param, reason, pair->value, i);
            }
        }
        if (taken || (!f && pages && kt_filter_tracking(pair->name))) {
            continue;
        }
        if (!f) {
            return set_error(err, pair->name, "unknown-param", NULL, i);
        }
        /* an empty value (an empty box, a select's "all") is as if absent */
        if ((f->type == KT_FILTER_TEXT ? *kt_trim(p, pair->value) : *pair->value)
            && !add_value(p, v, f, pair->value, i, err)) {
            return 0;
        }
    }
    *values = v;
    return 1;
}

const apr_array_header_t *kt_filter_get(const kt_filter_values *v, const char *name)
{
    return v ? apr_hash_get((apr_hash_t *)v, name, APR_HASH_KEY_STRING) : NULL;
}

const char *kt_filter_one(const kt_filter_values *v, const char *name)
{
    const apr_array_header_t *a = kt_filter_get(v, name);
    return a && a->nelts ? APR_ARRAY_IDX(a, 0, const char *) : NULL;
}

int kt_filter_page(const kt_filter_values *v)
{
    const char *page = kt_filter_one(v, "page");
    return page ? atoi(page) : 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *kt_filter_query(apr_pool_t *p, const kt_filter *const *tables, const kt_filter_values *v,
                      int sorted, const char *skip_name, const char *skip_value, int page)
{
    apr_array_header_t *parts = apr_array_make(p, 16, sizeof(const char *));
    int t, i, j;

    for (t = 0; tables[t]; t++) {
        for (i = 0; tables[t][i].name; i++) {
            const char *name = tables[t][i].name;
            const apr_array_header_t *a = kt_filter_get(v, name);
            apr_array_header_t *vals;
            if (!a || strcmp(name, "page") == 0) {
                continue;
            }
            vals = apr_array_copy(p, a);
            if (sorted) {
                qsort(vals->elts, (size_t)vals->nelts, sizeof(const char *), cmp_str);
            }
            for (j = 0; j < vals->nelts; j++) {
                const char *value = APR_ARRAY_IDX(vals, j, const char *);
                if (skip_name && strcmp(skip_name, name) == 0
                    && (!skip_value || strcmp(skip_value, value) == 0)) {
                    continue;
                }
                APR_ARRAY_PUSH(parts, const char *) = apr_pstrcat(p, kt_query_encode(p, name),
                    "=", kt_query_encode(p, value), NULL);
            }
        }
    }
    if (page > 1) {
        APR_ARRAY_PUSH(parts, const char *) = apr_psprintf(p, "page=%d", page);
    }
    return apr_array_pstrcat(p, parts, '&');
}

void kt_filter_sql_args(apr_pool_t *p, const kt_filter *table, const kt_filter_values *v,
                        const char **args)
{
    int i;

    for (i = 0; table[i].name; i++) {
        const apr_array_header_t *a = kt_filter_get(v, table[i].name);
        args[i] = !a || !a->nelts ? NULL
                  : table[i].type == KT_FILTER_CODE ? apr_array_pstrcat(p, a, ',')
                  : APR_ARRAY_IDX(a, 0, const char *);
    }
}

int kt_filter_count(const kt_filter *table)
{
    int n = 0;
    while (table[n].name) {
        n++;
    }
    return n;
}

char *kt_filter_codes_sql(apr_pool_t *p, const kt_filter *table, int *nargs)
{
    apr_array_header_t *parts = apr_array_make(p, 4, sizeof(const char *));
    int i;

    *nargs = 0;
    for (i = 0; table[i].name; i++) {
        if (table[i].type != KT_FILTER_CODE) {
            continue;
        }
        /* names and vocabularies come from our own tables, never from a request */
        APR_ARRAY_PUSH(parts, const char *) = apr_pstrcat(p,
            "SELECT '", table[i].name, "', x FROM unnest(string_to_array(%s, ',')) x"
            " WHERE NOT EXISTS (SELECT 1 FROM ", table[i].vocabulary,
            " t WHERE t.code::text = x)", NULL);
        (*nargs)++;
    }
    if (!*nargs) {
        return NULL;
    }
    {
        char *sql = APR_ARRAY_IDX(parts, 0, char *);
        for (i = 1; i < parts->nelts; i++) {
            sql = apr_pstrcat(p, sql, " UNION ALL ", APR_ARRAY_IDX(parts, i, const char *), NULL);
        }
        return sql;
    }
}

void kt_filter_code_args(apr_pool_t *p, const kt_filter *table, const kt_filter_values *v,
                         const char **args)
{
    int i, n = 0;

    for (i = 0; table[i].name; i++) {
        if (table[i].type == KT_FILTER_CODE) {
            const apr_array_header_t *a = kt_filter_get(v, table[i].name);
            args[n++] = a && a->nelts ? apr_array_pstrcat(p, a, ',') : NULL;
        }
    }
}
