/* Facet counts from bitmaps; see kt_facets.h. */
#include <string.h>
#include <apr_hash.h>
#include <apr_tables.h>
#include <apr_strings.h>
#include <roaring/roaring.h>
#include "kt_facets.h"

#define US '\x1f'
#define SLOT_BITS 21              /* 7 weekdays x 3 times of day (sql/010_search.sql) */
#define ALL_SLOTS 2097151u        /* (1 << 21) - 1 */
#define EACH_DAY_MORNING 299593u  /* bit 0 of every weekday's three */

typedef struct {
    const char *code;
    roaring_bitmap_t *ids;
} fx_code;

typedef struct {
    apr_array_header_t *codes;   /* fx_code, in the order first seen */
    apr_hash_t *by_code;         /* code -> fx_code index + 1 (as a pointer-sized int) */
} fx_facet;

struct kt_facets {
    apr_pool_t *pool;
    apr_hash_t *facets;          /* facet -> fx_facet */
    apr_int64_t generation, rows;
    int broken;                  /* an id did not fit */
};

static apr_status_t free_bitmaps(void *data)
{
    kt_facets *x = data;
    apr_hash_index_t *hi;

    for (hi = apr_hash_first(NULL, x->facets); hi; hi = apr_hash_next(hi)) {
        fx_facet *f = apr_hash_this_val(hi);
        int i;
        for (i = 0; i < f->codes->nelts; i++) {
            roaring_bitmap_free(APR_ARRAY_IDX(f->codes, i, fx_code).ids);
        }
    }
    return APR_SUCCESS;
}

kt_facets *kt_facets_create(void)
{
    apr_pool_t *p;
    kt_facets *x;

    if (apr_pool_create(&p, NULL) != APR_SUCCESS) {
        return NULL;
    }
    x = apr_pcalloc(p, sizeof(*x));
    x->pool = p;
    x->facets = apr_hash_make(p);
    x->generation = -1;
    apr_pool_cleanup_register(p, x, free_bitmaps, apr_pool_cleanup_null);
    return x;
}

void kt_facets_destroy(kt_facets *x)
{
    if (x) {
        apr_pool_destroy(x->pool);
    }
}

/* The bitmap of (facet, code), made when make is set; NULL when there is none. */
static roaring_bitmap_t *bitmap(const kt_facets *x, const char *facet, apr_ssize_t flen,
                                const char *code, apr_ssize_t clen, int make)
{
    fx_facet *f = apr_hash_get(x->facets, facet, flen);
    apr_size_t at;
    fx_code *c;

    if (!f) {
        if (!make) {
            return NULL;
        }
        f = apr_palloc(x->pool, sizeof(*f));
        f->codes = apr_array_make(x->pool, 16, sizeof(fx_code));
        f->by_code = apr_hash_make(x->pool);
        apr_hash_set(x->facets, apr_pstrmemdup(x->pool, facet, (apr_size_t)flen), flen, f);
    }
    at = (apr_size_t)apr_hash_get(f->by_code, code, clen);
    if (at) {
        return APR_ARRAY_IDX(f->codes, at - 1, fx_code).ids;
    }
    if (!make) {
        return NULL;
    }
    c = apr_array_push(f->codes);
    c->code = apr_pstrmemdup(x->pool, code, (apr_size_t)clen);
    c->ids = roaring_bitmap_create();
    apr_hash_set(f->by_code, c->code, clen, (void *)(apr_size_t)f->codes->nelts);
    return c->ids;
}

int kt_facets_add(kt_facets *x, apr_int64_t id, const char *keys, char sep)
{
    const char *k = keys;

    if (id < 0 || id > (apr_int64_t)UINT32_MAX) {
        x->broken = 1;
        return 0;
    }
    while (k && *k) {
        const char *end = strchr(k, sep), *us;
        apr_ssize_t len = end ? end - k : (apr_ssize_t)strlen(k);
        us = memchr(k, US, (size_t)len);
        if (us) {
            roaring_bitmap_add(bitmap(x, k, us - k, us + 1, len - (us - k) - 1, 1),
                               (uint32_t)id);
        }
        k = end ? end + 1 : NULL;
    }
    x->rows++;
    return 1;
}

int kt_facets_seal(kt_facets *x, apr_int64_t generation)
{
    apr_hash_index_t *hi;

    for (hi = apr_hash_first(NULL, x->facets); hi; hi = apr_hash_next(hi)) {
        fx_facet *f = apr_hash_this_val(hi);
        int i;
        for (i = 0; i < f->codes->nelts; i++) {
            roaring_bitmap_run_optimize(APR_ARRAY_IDX(f->codes, i, fx_code).ids);
        }
    }
    x->generation = generation;
    return !x->broken;
}

apr_int64_t kt_facets_generation(const kt_facets *x)
{
    return x->generation;
}

apr_int64_t kt_facets_rows(const kt_facets *x)
{
    return x->rows;
}

apr_size_t kt_facets_bytes(const kt_facets *x)
{
    apr_hash_index_t *hi;
    apr_size_t n = 0;

    for (hi = apr_hash_first(NULL, x->facets); hi; hi = apr_hash_next(hi)) {
        fx_facet *f = apr_hash_this_val(hi);
        int i;
        for (i = 0; i < f->codes->nelts; i++) {
            n += roaring_bitmap_portable_size_in_bytes(APR_ARRAY_IDX(f->codes, i, fx_code).ids);
        }
    }
    return n;
}

/* ---- the slots ------------------------------------------------------------ */

static int listed(const char *list, const char *value)
{
    apr_size_t n = strlen(value);
    const char *s = list;

    while (s) {
        if (strncmp(s, value, n) == 0 && (s[n] == ',' || s[n] == '\0')) {
            return 1;
        }
        s = strchr(s, ',');
        s = s ? s + 1 : NULL;
    }
    return 0;
}

apr_uint32_t kt_facets_slots(const char *weekdays, const char *times)
{
    static const char *const days[] = { "1", "2", "3", "4", "5", "6", "7" };
    static const char *const parts[] = { "morning", "afternoon", "evening" };
    apr_uint32_t w = weekdays ? 0 : ALL_SLOTS, t = times ? 0 : ALL_SLOTS;
    int i;

    for (i = 0; weekdays && i < 7; i++) {
        if (listed(weekdays, days[i])) {
            w |= 7u << (3 * i);
        }
    }
    for (i = 0; times && i < 3; i++) {
        if (listed(times, parts[i])) {
            t |= EACH_DAY_MORNING << i;
        }
    }
    return w & t;
}

/* ---- counting ------------------------------------------------------------- */

/* How the index reads a filter, from the columns the statements read. */
typedef enum { FX_UNKNOWN, FX_KEYS, FX_PLACE, FX_SLOTS, FX_FLAG } fx_kind;

static fx_kind kind_of(const kt_filter *f)
{
    switch (f->count) {
    case KT_COUNT_FLAG:
        return f->type == KT_FILTER_FLAG ? FX_FLAG : FX_UNKNOWN;
    case KT_COUNT_PLACE:
        return FX_PLACE;
    case KT_COUNT_BITS:
        /* a mask that reads the parameters: the slots of weekday and time */
        return f->mask ? FX_SLOTS : FX_KEYS;
    case KT_COUNT_ARRAY:
        return FX_KEYS;
    default:
        return FX_UNKNOWN;
    }
}

typedef struct {
    const kt_facets *x;
    const kt_filter_table *t;
    const char *vals[KT_FILTER_MAX];   /* NULL: the filter is off */
    apr_pool_t *p;
} fx_search;

static const char *values_of(const fx_search *s, const char *name)
{
    int i = kt_filter_index(s->t, name);
    return i >= 0 ? s->vals[i] : NULL;
}

/* The ids of the slots in mask: a new bitmap. */
static roaring_bitmap_t *slot_ids(const kt_facets *x, apr_uint32_t mask)
{
    roaring_bitmap_t *u = roaring_bitmap_create();
    int b;

    for (b = 0; b < SLOT_BITS; b++) {
        char code[4];
        roaring_bitmap_t *ids;
        if (!(mask & (1u << b))) {
            continue;
        }
        apr_snprintf(code, sizeof(code), "%d", b);
        ids = bitmap(x, "slot", 4, code, (apr_ssize_t)strlen(code), 0);
        if (ids) {
            roaring_bitmap_or_inplace(u, ids);
        }
    }
    return u;
}

/* The union of the keys (name, v) for each v of the comma-joined list: a new bitmap. */
static roaring_bitmap_t *codes_ids(const fx_search *s, const char *name, const char *list)
{
    roaring_bitmap_t *u = roaring_bitmap_create();
    char *copy = apr_pstrdup(s->p, list), *v, *state = NULL;

    for (v = apr_strtok(copy, ",", &state); v; v = apr_strtok(NULL, ",", &state)) {
        roaring_bitmap_t *ids = bitmap(s->x, name, APR_HASH_KEY_STRING, v, APR_HASH_KEY_STRING, 0);
        if (ids) {
            roaring_bitmap_or_inplace(u, ids);
        }
    }
    return u;
}

/* The rows filter f lets through, as its SQL condition does: a new bitmap. */
static roaring_bitmap_t *condition(const fx_search *s, int f)
{
    const kt_filter *def = &s->t->filters[f];
    roaring_bitmap_t *u, *star;

    switch (kind_of(def)) {
    case FX_FLAG:
        u = bitmap(s->x, def->name, APR_HASH_KEY_STRING, "1", 1, 0);
        return u ? roaring_bitmap_copy(u) : roaring_bitmap_create();
    case FX_PLACE:
        u = codes_ids(s, def->name, s->vals[f]);
        star = bitmap(s->x, apr_pstrcat(s->p, def->name, "*", NULL), APR_HASH_KEY_STRING, "", 0, 0);
        if (star) {
            roaring_bitmap_or_inplace(u, star);
        }
        return u;
    case FX_SLOTS:
        return slot_ids(s->x, kt_facets_slots(values_of(s, "weekday"), values_of(s, "time")));
    default:
        return codes_ids(s, def->name, s->vals[f]);
    }
}

static void emit_codes(const fx_search *s, const roaring_bitmap_t *r, const char *facet,
                       kt_facets_emit emit, void *ctx)
{
    fx_facet *f = apr_hash_get(s->x->facets, facet, APR_HASH_KEY_STRING);
    int i;

    for (i = 0; f && i < f->codes->nelts; i++) {
        const fx_code *c = &APR_ARRAY_IDX(f->codes, i, fx_code);
        apr_int64_t n = (apr_int64_t)roaring_bitmap_and_cardinality(r, c->ids);
        if (n > 0) {
            emit(ctx, facet, c->code, n);
        }
    }
}

/* Facet f over the rows r, as COUNTS_R and COUNTS_DIM give it. */
static void emit_facet(fx_search *s, const roaring_bitmap_t *r, int f, kt_facets_emit emit,
                       void *ctx)
{
    const kt_filter *def = &s->t->filters[f];
    roaring_bitmap_t *ids;
    const char *saved;
    apr_int64_t n;
    int i;

    switch (kind_of(def)) {
    case FX_FLAG:
        ids = bitmap(s->x, def->name, APR_HASH_KEY_STRING, "1", 1, 0);
        emit(ctx, def->name, "1", ids ? (apr_int64_t)roaring_bitmap_and_cardinality(r, ids) : 0);
        break;
    case FX_PLACE:
        emit_codes(s, r, def->name, emit, ctx);
        ids = bitmap(s->x, apr_pstrcat(s->p, def->name, "*", NULL), APR_HASH_KEY_STRING, "", 0, 0);
        n = ids ? (apr_int64_t)roaring_bitmap_and_cardinality(r, ids) : 0;
        if (n > 0) {
            emit(ctx, apr_pstrcat(s->p, def->name, "*", NULL), "", n);
        }
        break;
    case FX_SLOTS:
        /* each value's slots with the other filter's values (kt_search_slots(ARRAY[v.code], …)) */
        saved = s->vals[f];
        for (i = 0; def->choices && def->choices[i]; i++) {
            s->vals[f] = def->choices[i];
            ids = slot_ids(s->x, kt_facets_slots(values_of(s, "weekday"), values_of(s, "time")));
            n = (apr_int64_t)roaring_bitmap_and_cardinality(r, ids);
            roaring_bitmap_free(ids);
            if (n > 0) {
                emit(ctx, def->name, def->choices[i], n);
            }
        }
        s->vals[f] = saved;
        break;
    default:
        emit_codes(s, r, def->name, emit, ctx);
        break;
    }
}

int kt_facets_count(const kt_facets *x, const kt_filter_table *t, const char *const *args,
                    int dim, kt_facets_emit emit, void *ctx, apr_pool_t *p)
{
    fx_search s = { x, t, { NULL }, p };
    roaring_bitmap_t *r, *all;
    int f;

    if (args[1] || x->broken || x->generation < 0 || t->n > KT_FILTER_MAX) {
        return 0;
    }
    for (f = 0; f < t->n; f++) {
        s.vals[f] = f == dim ? NULL : args[3 + f];
        if ((s.vals[f] || f == dim) && kind_of(&t->filters[f]) == FX_UNKNOWN) {
            return 0;
        }
    }
    all = bitmap(x, "total", 5, "", 0, 0);
    r = all ? roaring_bitmap_copy(all) : roaring_bitmap_create();
    for (f = 0; f < t->n; f++) {
        if (s.vals[f]) {
            roaring_bitmap_t *c = condition(&s, f);
            roaring_bitmap_and_inplace(r, c);
            roaring_bitmap_free(c);
        }
    }
    if (dim >= 0) {
        emit_facet(&s, r, dim, emit, ctx);
    }
    else {
        emit(ctx, "total", "", (apr_int64_t)roaring_bitmap_get_cardinality(r));
        for (f = 0; f < t->n; f++) {
            if (kind_of(&t->filters[f]) != FX_UNKNOWN) {
                emit_facet(&s, r, f, emit, ctx);
            }
        }
    }
    roaring_bitmap_free(r);
    return 1;
}
