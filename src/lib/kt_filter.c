/* Filters described once; see kt_filter.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include "kt_filter.h"

/* ---- the activities' table ----------------------------------------------- */

static int all_in(const char *s, const char *chars)
{
    return *s && strspn(s, chars) == strlen(s);
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define DIGITS "0123456789"
#define MAX_CODE 40       /* longest code any vocabulary uses */

int kt_filter_term_code(char *v)
{
    return strlen(v) <= MAX_CODE && strchr(LOWER, v[0]) && all_in(v, LOWER "_");
}

/* ISO 639-1 or 639-3, any case: "FI" and "Ara" are what people type. */
int kt_filter_language_code(char *v)
{
    apr_size_t n = strlen(v), i;
    for (i = 0; i < n; i++) {
        if (v[i] >= 'A' && v[i] <= 'Z') {
            v[i] = (char)(v[i] - 'A' + 'a');
        }
    }
    return (n == 2 || n == 3) && all_in(v, LOWER);
}

int kt_filter_region_code(char *v)
{
    return strlen(v) == 2 && all_in(v, DIGITS);
}

int kt_filter_municipality_code(char *v)
{
    return strlen(v) == 3 && all_in(v, DIGITS);
}

int kt_filter_date(char *v)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, d;

    if (strlen(v) != 10 || v[4] != '-' || v[7] != '-' || strspn(v, DIGITS) != 4
        || strspn(v + 5, DIGITS) != 2 || strspn(v + 8, DIGITS) != 2) {
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

static const char *const weekdays[] = { "1", "2", "3", "4", "5", "6", "7", NULL };
static const char *const times[] = { "morning", "afternoon", "evening", NULL };

/* weekday and time read one bit mask of the search row, a bit per (day, time of day)
 * of the listing's weekly times and dated sessions (sql/010_search.sql): both given,
 * they ask for one slot that is on such a day and at such a time of day.  Each
 * condition therefore reads the other's values (NULL: any), and a facet's count of
 * one value reads the other's values too. */
#define KT_SLOTS_COND "s.slots & kt_search_slots(p.f_weekday, p.f_time) <> 0"

/* The columns of a row, in order: name, type, max_values, valid, choices, cond,
 * cond_off, vocabulary, count, column, terms, mask, markup, feed. */
static const kt_filter activity_filters[] = {
    { "form", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "s.forms && p.f_form", NULL, NULL,
      KT_COUNT_BITS, "forms_bits", "activity_forms v", NULL, "checkboxes", 1 },
    { "theme", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "s.themes && p.f_theme", NULL,
      NULL, KT_COUNT_BITS, "themes_bits", "themes v", NULL, "checkboxes", 1 },
    { "target", KT_FILTER_CODES, 50, kt_filter_term_code, NULL, "s.targets && p.f_target", NULL,
      NULL, KT_COUNT_BITS, "targets_bits", "target_groups v", NULL, "checkboxes", 1 },
    { "language", KT_FILTER_CODES, 50, kt_filter_language_code, NULL,
      "s.languages && p.f_language", NULL, NULL,
      KT_COUNT_ARRAY, "languages", NULL, NULL, "checkboxes", 1 },
    /* online and nationwide activities are available in every place */
    { "region", KT_FILTER_CODES, 50, kt_filter_region_code, NULL,
      "s.region_code = ANY (p.f_region) OR s.is_anywhere", NULL, NULL,
      KT_COUNT_PLACE, "region_code", NULL, NULL, "select", 1 },
    { "municipality", KT_FILTER_CODES, 50, kt_filter_municipality_code, NULL,
      "s.municipality_code = ANY (p.f_municipality) OR s.is_anywhere", NULL, NULL,
      KT_COUNT_PLACE, "municipality_code", NULL, NULL, "select", 1 },
    { "weekday", KT_FILTER_VALUES, 7, NULL, weekdays, KT_SLOTS_COND, NULL, NULL,
      KT_COUNT_BITS, "slots", NULL, "kt_search_slots(ARRAY[v.code], p.f_time)", "days", 1 },
    { "time", KT_FILTER_VALUES, 3, NULL, times, KT_SLOTS_COND, NULL, NULL,
      KT_COUNT_BITS, "slots", NULL, "kt_search_slots(p.f_weekday, ARRAY[v.code])",
      "checkboxes", 1 },
    { "free", KT_FILTER_FLAG, 1, NULL, NULL, "s.is_free", NULL, NULL,
      KT_COUNT_FLAG, "is_free", NULL, NULL, "flag", 1 },
    { "online", KT_FILTER_FLAG, 1, NULL, NULL, "s.is_online", NULL, NULL,
      KT_COUNT_FLAG, "is_online", NULL, NULL, "flag", 1 },
    { "in_person", KT_FILTER_FLAG, 1, NULL, NULL, "s.in_person", NULL, NULL,
      KT_COUNT_FLAG, "in_person", NULL, NULL, "flag", 1 },
};

static const char *const activity_sorts[] = { "relevance", "newest", "title", "next", NULL };

/* The codes are checked against the vocabularies the search page reads anyway
 * (kt_search_page.c), which also know ISO 639-1 languages: no `vocabulary`. */
const kt_filter_table kt_activity_filters = {
    "activities", activity_filters, (int)(sizeof(activity_filters) / sizeof(activity_filters[0])),
    " FROM activity_search s LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id",
    "t.tsv @@ p.q", "prefix,weak,compound,names,fuzzy", activity_sorts
};

int kt_filter_index(const kt_filter_table *t, const char *name)
{
    int i;
    for (i = 0; i < t->n; i++) {
        if (strcmp(t->filters[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

int kt_filter_once(const kt_filter *f)
{
    return f->type == KT_FILTER_FLAG || f->type == KT_FILTER_DATE || f->type == KT_FILTER_SWITCH;
}

int kt_filter_value_ok(const kt_filter *f, char *value)
{
    int i;

    switch (f->type) {
    case KT_FILTER_FLAG:
    case KT_FILTER_SWITCH:
        return strcmp(value, "1") == 0;
    case KT_FILTER_DATE:
        return kt_filter_date(value);
    case KT_FILTER_VALUES:
        if (!f->choices) {
            return f->valid(value);
        }
        for (i = 0; f->choices[i]; i++) {
            if (strcmp(value, f->choices[i]) == 0) {
                return 1;
            }
        }
        return 0;
    default:
        return f->valid(value);
    }
}

/* ---- statements ---------------------------------------------------------- */

static void add(apr_array_header_t *parts, const char *s)
{
    APR_ARRAY_PUSH(parts, const char *) = s;
}

static char *joined(apr_pool_t *p, apr_array_header_t *parts)
{
    return apr_array_pstrcat(p, parts, '\0');
}

/* The CTE `name` of the parameters (left open). */
static char *params_cte(apr_pool_t *p, const kt_filter_table *t, const char *name)
{
    apr_array_header_t *parts = apr_array_make(p, 4 * t->n + 4, sizeof(const char *));
    int i;

    add(parts, apr_pstrcat(p, "WITH ", name, " AS NOT MATERIALIZED (SELECT %s::text AS lang,"
                              " %s::tsquery AS q, %s::tsquery AS qx", NULL));
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        add(parts, f->type == KT_FILTER_FLAG || f->type == KT_FILTER_SWITCH
                   ? ", %s::text IS NOT NULL AS f_"
                   : f->type == KT_FILTER_DATE ? ", %s::date AS f_"
                   : ", string_to_array(%s::text, ',') AS f_");
        add(parts, f->name);
    }
    return joined(p, parts);
}

char *kt_filter_sql_params(apr_pool_t *p, const kt_filter_table *t)
{
    return params_cte(p, t, "p");
}

/* Whether f has a facet of its own that COUNTS_DIM counts. */
static int dim_counted(const kt_filter *f)
{
    return f->count != KT_COUNT_NONE && f->count != KT_COUNT_FLAG;
}

char *kt_filter_sql_where(apr_pool_t *p, const kt_filter_table *t, int feed)
{
    apr_array_header_t *parts = apr_array_make(p, 8 * t->n + 2, sizeof(const char *));
    int i;

    add(parts, apr_pstrcat(p, "(p.q IS NULL OR ", t->text, ")", NULL));
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        if (feed && !f->feed) {
            continue;
        }
        switch (f->type) {
        case KT_FILTER_FLAG:
            add(parts, apr_pstrcat(p, " AND (NOT p.f_", f->name, " OR (", f->cond, "))", NULL));
            break;
        case KT_FILTER_SWITCH:
            add(parts, apr_pstrcat(p, " AND (CASE WHEN p.f_", f->name, " THEN (", f->cond,
                                   ") ELSE (", f->cond_off, ") END)", NULL));
            break;
        default:
            add(parts, apr_pstrcat(p, " AND (p.f_", f->name, " IS NULL OR (", f->cond, "))",
                                   NULL));
        }
    }
    return joined(p, parts);
}

static char *replace_all(apr_pool_t *p, const char *s, const char *mark, const char *with)
{
    apr_array_header_t *parts = apr_array_make(p, 8, sizeof(const char *));
    const char *at;
    apr_size_t n = strlen(mark);

    while ((at = strstr(s, mark)) != NULL) {
        add(parts, apr_pstrmemdup(p, s, (apr_size_t)(at - s)));
        add(parts, with);
        s = at + n;
    }
    add(parts, s);
    return joined(p, parts);
}

char *kt_filter_sql_expand(apr_pool_t *p, const kt_filter_table *t, const char *template,
                           int feed)
{
    char *s = replace_all(p, template, "@PARAMS@", kt_filter_sql_params(p, t));
    return replace_all(p, s, "@WHERE@", kt_filter_sql_where(p, t, feed));
}

/* The relation of f's values (v.code) that COUNT_BITS joins: its vocabulary's
 * table, or its choices. */
static const char *terms(apr_pool_t *p, const kt_filter *f)
{
    apr_array_header_t *v;
    int i;

    if (f->terms) {
        return f->terms;
    }
    v = apr_array_make(p, 8, sizeof(const char *));
    for (i = 0; f->choices[i]; i++) {
        APR_ARRAY_PUSH(v, const char *) = f->choices[i];
    }
    return apr_pstrcat(p, "unnest('{", apr_array_pstrcat(p, v, ','), "}'::text[]) v(code)", NULL);
}

/* One facet's (facet, code, n) rows from grouped rows `rows` (g: COUNTS_R's
 * groups, which carry n; d: COUNTS_DIM's rows, counted) restricted by where. */
static const char *facet_rows(apr_pool_t *p, const kt_filter *f, const char *rows,
                              const char *where)
{
    const char *n = strcmp(rows, "g") == 0 ? "sum(n)" : "count(*)";

    switch (f->count) {
    case KT_COUNT_BITS:
        return apr_pstrcat(p, " SELECT '", f->name, "', v.code::text, sum(g.n)::bigint FROM (SELECT ",
                           f->column, " AS b, ", n, " AS n FROM ", rows, where,
                           " GROUP BY 1) g CROSS JOIN p JOIN ", terms(p, f), " ON g.b & (",
                           f->mask ? f->mask : "1::bigint << v.search_bit",
                           ") <> 0 GROUP BY v.code", NULL);
    case KT_COUNT_ARRAY:
        return apr_pstrcat(p, " SELECT '", f->name, "', x, sum(g.n)::bigint FROM (SELECT ",
                           f->column, " AS l, ", n, " AS n FROM ", rows, where,
                           " GROUP BY 1) g CROSS JOIN LATERAL unnest(g.l) x GROUP BY x", NULL);
    case KT_COUNT_PLACE:
        return apr_pstrcat(p, " SELECT CASE WHEN is_anywhere THEN '", f->name, "*' ELSE '",
                           f->name, "' END, CASE WHEN is_anywhere THEN '' ELSE ", f->column,
                           " END, ", n, "::bigint FROM ", rows, where, " GROUP BY 1, 2", NULL);
    default:
        return "";
    }
}

/* Index of column in cols, or -1. */
static int column_index(const apr_array_header_t *cols, const char *column)
{
    int i;
    for (i = 0; i < cols->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(cols, i, const char *), column) == 0) {
            return i;
        }
    }
    return -1;
}

/* The first counted filter grouped by column. */
static int filter_of_column(const kt_filter_table *t, const char *column)
{
    int i;
    for (i = 0; i < t->n; i++) {
        if (dim_counted(&t->filters[i]) && strcmp(t->filters[i].column, column) == 0) {
            return i;
        }
    }
    return 0;
}

/* The distinct columns that the counted facets group by (weekday and time share
 * one), in table order. */
static apr_array_header_t *group_columns(apr_pool_t *p, const kt_filter_table *t)
{
    apr_array_header_t *cols = apr_array_make(p, t->n, sizeof(const char *));
    int i;

    for (i = 0; i < t->n; i++) {
        if (dim_counted(&t->filters[i]) && column_index(cols, t->filters[i].column) < 0) {
            APR_ARRAY_PUSH(cols, const char *) = t->filters[i].column;
        }
    }
    return cols;
}

/* The columns joined with commas, each after prefix. */
static const char *column_list(apr_pool_t *p, const apr_array_header_t *cols, const char *prefix)
{
    apr_array_header_t *out = apr_array_make(p, cols->nelts, sizeof(const char *));
    int i;

    for (i = 0; i < cols->nelts; i++) {
        APR_ARRAY_PUSH(out, const char *) =
            apr_pstrcat(p, prefix, APR_ARRAY_IDX(cols, i, const char *), NULL);
    }
    return apr_array_pstrcat(p, out, ',');
}

char *kt_filter_sql_counts_r(apr_pool_t *p, const kt_filter_table *t)
{
    apr_array_header_t *parts = apr_array_make(p, 64, sizeof(const char *));
    apr_array_header_t *cols = group_columns(p, t);
    apr_array_header_t *sets = apr_array_make(p, t->n, sizeof(const char *));
    apr_array_header_t *flags = apr_array_make(p, t->n, sizeof(const char *));
    apr_array_header_t *totals = apr_array_make(p, t->n + 1, sizeof(const char *));
    const char *all = column_list(p, cols, "");
    int i, full = (1 << cols->nelts) - 1;

    APR_ARRAY_PUSH(totals, const char *) = "('total', '', g.n)";
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        if (f->count == KT_COUNT_FLAG) {
            APR_ARRAY_PUSH(flags, const char *) =
                apr_pstrcat(p, ", count(*) FILTER (WHERE ", f->column, ") AS c_", f->name, NULL);
            APR_ARRAY_PUSH(totals, const char *) =
                apr_pstrcat(p, "('", f->name, "', '1', g.c_", f->name, ")", NULL);
        }
    }
    for (i = 0; i < cols->nelts; i++) {
        const char *col = APR_ARRAY_IDX(cols, i, const char *);
        const kt_filter *f = &t->filters[filter_of_column(t, col)];
        APR_ARRAY_PUSH(sets, const char *) =
            apr_pstrcat(p, f->count == KT_COUNT_PLACE ? "(is_anywhere, " : "(", col, ")", NULL);
    }
    APR_ARRAY_PUSH(sets, const char *) = "()";
    add(parts, kt_filter_sql_params(p, t));
    add(parts, ")");
    /* One pass over the results, a hash table per grouped column; GROUPING gives a
     * bit per column not grouped by, so g.gs tells the sets apart.  The rows are a
     * subquery: with grouping sets PostgreSQL would not fold p's values into the
     * conditions. */
    add(parts, apr_pstrcat(p, ", g AS MATERIALIZED (SELECT ", all, ", is_anywhere, GROUPING(",
                           all, ") AS gs, count(*) AS n", apr_array_pstrcat(p, flags, '\0'),
                           " FROM (SELECT ", column_list(p, cols, "s."), ", s.is_anywhere", NULL));
    for (i = 0; i < t->n; i++) {
        if (t->filters[i].count == KT_COUNT_FLAG) {
            add(parts, apr_pstrcat(p, ", s.", t->filters[i].column, NULL));
        }
    }
    add(parts, t->rows);
    add(parts, " CROSS JOIN p WHERE ");
    add(parts, kt_filter_sql_where(p, t, 0));
    add(parts, apr_pstrcat(p, ") r GROUP BY GROUPING SETS (", apr_array_pstrcat(p, sets, ','),
                           "))", NULL));
    add(parts, apr_pstrcat(p, " SELECT x.facet, x.code, x.n FROM g, LATERAL (VALUES ",
                           apr_array_pstrcat(p, totals, ','), ") x(facet, code, n)"
                           " WHERE g.gs = ", apr_itoa(p, full), NULL));
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        int k;
        if (!dim_counted(f)) {
            continue;
        }
        k = column_index(cols, f->column);
        add(parts, " UNION ALL");
        add(parts, facet_rows(p, f, "g", apr_pstrcat(p, " WHERE gs = ",
                                                     apr_itoa(p, full - (1 << (cols->nelts - 1 - k))),
                                                     NULL)));
    }
    return joined(p, parts);
}

/* COUNTS_DIM's parameters: p0 as given, p with the counted facet's own values
 * left out (NULL), so that every condition, also one that reads another
 * filter's values (weekday and time), holds as if that filter were not given. */
static const char *dim_params(apr_pool_t *p, const kt_filter_table *t)
{
    apr_array_header_t *parts = apr_array_make(p, 4 * t->n + 4, sizeof(const char *));
    int i;

    add(parts, params_cte(p, t, "p0"));
    add(parts, ", %s::text AS dim), p AS NOT MATERIALIZED (SELECT p0.lang, p0.q, p0.qx");
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        add(parts, dim_counted(f)
                   ? apr_pstrcat(p, ", CASE WHEN p0.dim = '", f->name, "' THEN NULL ELSE p0.f_",
                                 f->name, " END AS f_", f->name, NULL)
                   : apr_pstrcat(p, ", p0.f_", f->name, NULL));
    }
    add(parts, ", p0.dim FROM p0)");
    return joined(p, parts);
}

char *kt_filter_sql_counts_dim(apr_pool_t *p, const kt_filter_table *t)
{
    apr_array_header_t *parts = apr_array_make(p, 64, sizeof(const char *));
    int i, first = 1;

    add(parts, dim_params(p, t));
    add(parts, apr_pstrcat(p, ", d AS NOT MATERIALIZED (SELECT ",
                           column_list(p, group_columns(p, t), "s."), ", s.is_anywhere", t->rows,
                           " CROSS JOIN p WHERE ", kt_filter_sql_where(p, t, 0), ")", NULL));
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        if (!dim_counted(f)) {
            continue;
        }
        add(parts, first ? " SELECT x.* FROM (" : " UNION ALL SELECT x.* FROM (");
        add(parts, facet_rows(p, f, "d", ""));
        add(parts, apr_pstrcat(p, ") x CROSS JOIN p WHERE p.dim = '", f->name, "'", NULL));
        first = 0;
    }
    return joined(p, parts);
}

char *kt_filter_codes_sql(apr_pool_t *p, const kt_filter_table *t, int *nargs)
{
    apr_array_header_t *parts = apr_array_make(p, 4, sizeof(const char *));
    int i;

    *nargs = 0;
    for (i = 0; i < t->n; i++) {
        const kt_filter *f = &t->filters[i];
        if (f->type != KT_FILTER_CODES || !f->vocabulary) {
            continue;
        }
        /* names and vocabularies come from our own tables, never from a request */
        add(parts, apr_pstrcat(p, *nargs ? " UNION ALL " : "", "SELECT '", f->name,
                               "', x FROM unnest(string_to_array(%s::text, ',')) x"
                               " WHERE NOT EXISTS (SELECT 1 FROM ", f->vocabulary,
                               " v WHERE v.code::text = x)", NULL));
        (*nargs)++;
    }
    return *nargs ? joined(p, parts) : NULL;
}
