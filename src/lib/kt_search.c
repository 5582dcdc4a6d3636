/* Search parameters; see kt_search.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_search.h"
#include "kt_text.h"

const char *const kt_search_sort_names[KT_SORT_COUNT] = {
    "relevance", "newest", "title", "next"
};

#define TABLE (&kt_activity_filters)
#define N(s) ((s)->t->n)

/* Bytes of a decoded name or value: q's characters can take up to 4 bytes each,
 * and a longer value is rejected before it is looked at. */
static const kt_query_limits limits = {
    KT_SEARCH_MAX_PAIRS, 32, KT_SEARCH_MAX_Q * 4
};

static int set_error(kt_search_error *err, const char *param, const char *reason,
                     const char *value, int index)
{
    err->param = param;
    err->reason = reason;
    err->value = value;
    err->index = index;
    return 0;
}

static int all_in(const char *s, const char *chars)
{
    return *s && strspn(s, chars) == strlen(s);
}

#define DIGITS "0123456789"

int kt_search_filter_from_name(const char *name)
{
    return kt_filter_index(TABLE, name);
}

const char *kt_search_filter_name(int f)
{
    return TABLE->filters[f].name;
}

int kt_search_has(const kt_search *s, int f, const char *code)
{
    const apr_array_header_t *v = s->values[f];
    int i;
    for (i = 0; i < v->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(v, i, const char *), code) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Characters (not bytes) of valid UTF-8. */
static apr_size_t utf8_chars(const char *s)
{
    apr_size_t n = 0;
    for (; *s; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

/* q without leading and trailing white space; NULL when nothing is left. */
static const char *trimmed(apr_pool_t *p, const char *v)
{
    const char *end;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r') {
        v++;
    }
    end = v + strlen(v);
    while (end > v && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) {
        end--;
    }
    return end > v ? apr_pstrmemdup(p, v, (apr_size_t)(end - v)) : NULL;
}

static void init(apr_pool_t *p, const kt_filter_table *t, kt_search *s)
{
    int i;
    memset(s, 0, sizeof(*s));
    s->t = t;
    for (i = 0; i < t->n; i++) {
        s->values[i] = apr_array_make(p, 2, sizeof(const char *));
    }
    s->sort = KT_SORT_NEWEST;
    s->page = 1;
    s->named = apr_array_make(p, 1, sizeof(kt_search_named));
}

/* The parameters given at most once, in the order of single()'s cases. */
static const char *const single_names[] = { "q", "sort", "page", NULL };

static int single_index(const kt_filter_table *t, const char *name)
{
    int i;
    for (i = 0; single_names[i]; i++) {
        if (i == 1 && !t->sorts) {
            continue;   /* a kind with an order of its own has no sort= */
        }
        if (strcmp(name, single_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* page: a whole number from 1 to KT_SEARCH_MAX_PAGE.  A number outside that
 * ("-1", "0", "99999999999") is out of range, anything else ("abc", "1.5") an
 * unknown value. */
static int page_number(kt_search *s, const kt_query_pair *pair, int index,
                       kt_search_error *err)
{
    const char *digits = pair->value + (pair->value[0] == '-' || pair->value[0] == '+');
    apr_int64_t n;

    if (!all_in(digits, DIGITS)) {
        return set_error(err, pair->name, "unknown-value", pair->value, index);
    }
    n = kt_parse_id(pair->value);
    if (n < 1 || n > KT_SEARCH_MAX_PAGE) {
        return set_error(err, pair->name, "out-of-range", pair->value, index);
    }
    s->page = (int)n;
    return 1;
}

/* One of the single-valued parameters; `seen` remembers which came already. */
static int single(apr_pool_t *p, kt_search *s, const kt_query_pair *pair, int index,
                  unsigned *seen, kt_search_error *err)
{
    const char *n = pair->name, *v = pair->value;
    int i = single_index(s->t, n);
    unsigned bit;

    if (i < 0) {
        return set_error(err, n, "unknown-param", v, index);
    }
    bit = 1u << i;
    if (*seen & bit) {
        return set_error(err, n, "repeated", v, index);
    }
    *seen |= bit;
    switch (i) {
    case 0:
        if (utf8_chars(v) > KT_SEARCH_MAX_Q) {
            return set_error(err, n, "too-long", v, index);
        }
        s->q = trimmed(p, v);
        return 1;
    case 1:
        for (i = 0; s->t->sorts[i] && strcmp(v, s->t->sorts[i]) != 0; i++) {
        }
        if (!s->t->sorts[i]) {
            return set_error(err, n, "unknown-value", v, index);
        }
        s->sort = (kt_search_sort)i;
        s->sort_given = 1;
        return 1;
    default:
        return page_number(s, pair, index, err);
    }
}

/* A value of filter f: its shape or choice checked here (codes are checked
 * against the database later); a flag, a switch or a date only once. */
static int filter_value(apr_pool_t *p, kt_search *s, int f, const kt_query_pair *pair,
                        int index, kt_search_error *err)
{
    const kt_filter *def = &s->t->filters[f];
    char *v = apr_pstrdup(p, pair->value);

    if (!kt_filter_value_ok(def, v)) {
        return set_error(err, pair->name, "unknown-value", pair->value, index);
    }
    if (kt_filter_once(def) && s->values[f]->nelts) {
        return set_error(err, pair->name, "repeated", pair->value, index);
    }
    if (kt_search_has(s, f, v)) {
        return 1;
    }
    if (s->values[f]->nelts >= def->max_values) {
        return set_error(err, pair->name, "too-many", pair->value, index);
    }
    APR_ARRAY_PUSH(s->values[f], const char *) = v;
    return 1;
}

int kt_search_from_pairs(apr_pool_t *p, const kt_filter_table *t,
                         const apr_array_header_t *pairs, kt_search *s, kt_search_error *err)
{
    unsigned seen = 0;
    int i;

    init(p, t, s);
    for (i = 0; i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        int f = kt_filter_index(t, pair->name);
        int ok;

        if (!*pair->value) {
            if (f < 0 && single_index(t, pair->name) < 0) {
                return set_error(err, pair->name, "unknown-param", NULL, i);
            }
            continue;   /* an empty value of a known name: as if absent */
        }
        ok = f >= 0 ? filter_value(p, s, f, pair, i, err)
                    : single(p, s, pair, i, &seen, err);
        if (!ok) {
            return 0;
        }
    }
    if (!s->sort_given) {
        s->sort = s->q ? KT_SORT_RELEVANCE : KT_SORT_NEWEST;
    }
    return 1;
}

int kt_search_parse(apr_pool_t *p, const kt_filter_table *t, const char *raw, kt_search *s,
                    apr_array_header_t **pairs_out, kt_search_error *err)
{
    apr_array_header_t *pairs;
    kt_query_error qerr;

    if (pairs_out) {
        *pairs_out = NULL;
    }
    if (kt_query_parse(p, raw, raw ? strlen(raw) : 0, &limits, &pairs, &qerr) != KT_QUERY_OK) {
        return set_error(err, qerr.param, kt_query_status_name(qerr.status), NULL, -1);
    }
    if (pairs_out) {
        *pairs_out = pairs;
    }
    return kt_search_from_pairs(p, t, pairs, s, err);
}

kt_search_sort kt_search_effective_sort(const kt_search *s)
{
    if (s->t->sorts && s->sort == KT_SORT_RELEVANCE && !s->q) {
        return KT_SORT_NEWEST;
    }
    return s->sort;
}

/* Appends "&name=value" (or "?name=value" first) to the URL being built. */
static void add_param(apr_pool_t *p, apr_array_header_t *parts, const char *name,
                      const char *value)
{
    APR_ARRAY_PUSH(parts, const char *) = parts->nelts ? "&" : "?";
    APR_ARRAY_PUSH(parts, const char *) = name;
    APR_ARRAY_PUSH(parts, const char *) = "=";
    APR_ARRAY_PUSH(parts, const char *) = kt_query_encode(p, value);
}

char *kt_search_href(apr_pool_t *p, const char *path, const kt_search *s, int page)
{
    apr_array_header_t *parts = apr_array_make(p, 16, sizeof(const char *));
    kt_search_sort dflt = s->q ? KT_SORT_RELEVANCE : KT_SORT_NEWEST;
    kt_search_sort sort = kt_search_effective_sort(s);
    int f, i;

    if (s->q) {
        add_param(p, parts, "q", s->q);
    }
    for (f = 0; f < N(s); f++) {
        for (i = 0; i < s->values[f]->nelts; i++) {
            add_param(p, parts, s->t->filters[f].name,
                      APR_ARRAY_IDX(s->values[f], i, const char *));
        }
    }
    if (s->t->sorts && sort != dflt) {
        add_param(p, parts, "sort", s->t->sorts[sort]);
    }
    if (page > 1) {
        add_param(p, parts, "page", apr_itoa(p, page));
    }
    return apr_pstrcat(p, path, apr_array_pstrcat(p, parts, '\0'), NULL);
}

kt_search kt_search_without(apr_pool_t *p, const kt_search *s, const char *param,
                            const char *value)
{
    kt_search c = *s;
    int f = kt_filter_index(s->t, param), i;

    c.page = 1;
    if (strcmp(param, "q") == 0) {
        c.q = NULL;
    }
    else if (f >= 0) {
        c.values[f] = apr_array_make(p, s->values[f]->nelts, sizeof(const char *));
        for (i = 0; i < s->values[f]->nelts; i++) {
            const char *v = APR_ARRAY_IDX(s->values[f], i, const char *);
            if (value && strcmp(v, value) != 0) {
                APR_ARRAY_PUSH(c.values[f], const char *) = v;
            }
        }
    }
    return c;
}

kt_search kt_search_with(apr_pool_t *p, const kt_search *s, int f, const char *value,
                         const char *q)
{
    kt_search c = *s;

    c.page = 1;
    if (q) {
        c.q = *q ? q : NULL;
    }
    if (!kt_search_has(s, f, value)) {
        c.values[f] = apr_array_copy(p, s->values[f]);
        APR_ARRAY_PUSH(c.values[f], const char *) = value;
    }
    return c;
}

kt_search kt_search_sorted(const kt_search *s, kt_search_sort sort)
{
    kt_search c = *s;
    c.sort = sort;
    c.sort_given = 1;
    c.page = 1;
    return c;
}

char *kt_search_href_without(apr_pool_t *p, const char *path, const apr_array_header_t *pairs,
                             int index)
{
    apr_array_header_t *parts = apr_array_make(p, 16, sizeof(const char *));
    int i;

    for (i = 0; pairs && i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        if (i != index && *pair->value) {
            add_param(p, parts, kt_query_encode(p, pair->name), pair->value);
        }
    }
    return apr_pstrcat(p, path, apr_array_pstrcat(p, parts, '\0'), NULL);
}

const char *kt_search_list(apr_pool_t *p, const kt_search *s, int f)
{
    const apr_array_header_t *v = s->values[f];
    return v->nelts ? apr_array_pstrcat(p, v, ',') : NULL;
}

const char *kt_search_one(const kt_search *s, int f)
{
    const apr_array_header_t *v = f >= 0 ? s->values[f] : NULL;
    return v && v->nelts ? APR_ARRAY_IDX(v, 0, const char *) : NULL;
}

void kt_search_sql_args(apr_pool_t *p, const kt_search *s, const char *lang, const char **args)
{
    int f;

    args[0] = lang;
    /* a q of stop words only is a query no listing matches: a lexeme no vector has */
    args[1] = s->q ? (s->tsq && *s->tsq ? s->tsq : "'='") : NULL;
    args[2] = s->q && s->tsq_exact && *s->tsq_exact ? s->tsq_exact : NULL;
    for (f = 0; f < N(s); f++) {
        args[3 + f] = kt_search_list(p, s, f);
    }
}

void kt_search_code_args(apr_pool_t *p, const kt_search *s, const char **args)
{
    int f, n = 0;

    for (f = 0; f < N(s); f++) {
        if (s->t->filters[f].type == KT_FILTER_CODES && s->t->filters[f].vocabulary) {
            args[n++] = kt_search_list(p, s, f);
        }
    }
}

void kt_search_set_values(apr_pool_t *p, kt_search *s, int f, const apr_array_header_t *codes)
{
    int i;
    s->values[f] = apr_array_make(p, codes->nelts ? codes->nelts : 1, sizeof(const char *));
    for (i = 0; i < codes->nelts; i++) {
        const char *c = APR_ARRAY_IDX(codes, i, const char *);
        if (!kt_search_has(s, f, c)) {
            APR_ARRAY_PUSH(s->values[f], const char *) = c;
        }
    }
}

int kt_search_is_empty(const kt_search *s)
{
    int f;
    for (f = 0; f < N(s); f++) {
        if (s->values[f]->nelts) {
            return 0;
        }
    }
    return !s->q;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *kt_search_cache_key(apr_pool_t *p, const kt_search *s)
{
    /* Fields separated by chr(31), the values of one by commas: neither occurs
     * in a code, and q is the last field, so whatever it holds cannot be
     * taken for another field. */
    apr_array_header_t *parts = apr_array_make(p, 2 * N(s) + 4, sizeof(const char *));
    int f;

    APR_ARRAY_PUSH(parts, const char *) = apr_pstrcat(p, "v2", s->t == TABLE ? "" : s->t->kind,
                                                      NULL);
    for (f = 0; f < N(s); f++) {
        apr_array_header_t *v = apr_array_copy(p, s->values[f]);
        qsort(v->elts, (size_t)v->nelts, sizeof(const char *), by_string);
        APR_ARRAY_PUSH(parts, const char *) = apr_array_pstrcat(p, v, ',');
    }
    APR_ARRAY_PUSH(parts, const char *) = s->q ? apr_pstrcat(p, "q=", s->q, NULL) : "";
    return apr_array_pstrcat(p, parts, '\x1f');
}
