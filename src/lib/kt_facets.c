/* Facet counts from bitmaps; see kt_facets.h. */
#include <string.h>
#include <apr_hash.h>
#include <apr_tables.h>
#include <apr_strings.h>
#include <stdlib.h>
#include <roaring/roaring.h>
#include "kt_facets.h"
#include "kt_tsq.h"

#define US '\x1f'
#define SLOT_BITS 21              /* 7 weekdays x 3 times of day (sql/010_search.sql) */
#define ALL_SLOTS 2097151u        /* (1 << 21) - 1 */
#define EACH_DAY_MORNING 299593u  /* bit 0 of every weekday's three */

typedef struct {
    const char *code;
    roaring_bitmap_t *ids;
    apr_uint32_t key;            /* its number among all the keys: 0 .. nkeys - 1 */
} fx_code;

typedef struct {
    apr_array_header_t *codes;   /* fx_code, in the order first seen */
    apr_hash_t *by_code;         /* code -> fx_code index + 1 (as a pointer-sized int) */
} fx_facet;

/* A lexeme of the listings' text: who has it, by the best weight it has there
 * (KT_FACETS_A .. KT_FACETS_REST): each listing in one of the four only. */
typedef struct {
    roaring_bitmap_t *cls[KT_FACETS_CLASSES];
} fx_word;

struct kt_facets {
    apr_pool_t *pool;
    apr_hash_t *facets;          /* facet -> fx_facet */
    apr_hash_t *words;           /* lexeme -> fx_word */
    const char **lexicon;        /* the lexemes in byte order (seal), for prefixes */
    int nlex;
    apr_array_header_t *added;   /* apr_uint64_t: id << 32 | its number as added */
    apr_array_header_t *places;  /* apr_uint32_t: each one's place in newest order, as added */
    apr_uint32_t *ids;           /* seal: the ids in ascending order ... */
    apr_uint32_t *newest;        /* ... each one's place in newest first order */
    apr_uint32_t *by_place;      /* seal: place in newest order -> id */
    apr_uint32_t nkeys;          /* fx_codes in all */
    apr_array_header_t *keys;    /* apr_uint32_t: each listing's keys, as added, then
                                    (seal) in the order of ids ... */
    apr_array_header_t *starts;  /* apr_uint32_t: ... from its place here (and one more) */
    apr_int64_t generation, rows;
    int broken;                  /* an id did not fit, or the places were not each once */
};

/* Calls fn on every bitmap of x.  Only while no other thread reads x (building,
 * sealing, destroying): apr_hash_first(NULL, …) uses the table's own iterator. */
static void each_bitmap(const kt_facets *x, void (*fn)(roaring_bitmap_t *, void *), void *ctx)
{
    apr_hash_index_t *hi;

    for (hi = apr_hash_first(NULL, x->facets); hi; hi = apr_hash_next(hi)) {
        fx_facet *f = apr_hash_this_val(hi);
        int i;
        for (i = 0; i < f->codes->nelts; i++) {
            fn(APR_ARRAY_IDX(f->codes, i, fx_code).ids, ctx);
        }
    }
    for (hi = apr_hash_first(NULL, x->words); hi; hi = apr_hash_next(hi)) {
        fx_word *w = apr_hash_this_val(hi);
        int k;
        for (k = 0; k < KT_FACETS_CLASSES; k++) {
            if (w->cls[k]) {                  /* (CRoaring 0.2 takes no NULL) */
                fn(w->cls[k], ctx);
            }
        }
    }
}

static void free_one(roaring_bitmap_t *b, void *ctx)
{
    (void)ctx;
    roaring_bitmap_free(b);
}

static void optimize_one(roaring_bitmap_t *b, void *ctx)
{
    (void)ctx;
    roaring_bitmap_run_optimize(b);
}

static void size_one(roaring_bitmap_t *b, void *ctx)
{
    *(apr_size_t *)ctx += roaring_bitmap_portable_size_in_bytes(b);
}

static apr_status_t free_bitmaps(void *data)
{
    each_bitmap(data, free_one, NULL);
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
    x->words = apr_hash_make(p);
    x->added = apr_array_make(p, 1024, sizeof(apr_uint64_t));
    x->places = apr_array_make(p, 1024, sizeof(apr_uint32_t));
    x->keys = apr_array_make(p, 16384, sizeof(apr_uint32_t));
    x->starts = apr_array_make(p, 1024, sizeof(apr_uint32_t));
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

/* The key (facet, code), made when make is set; NULL when there is none. */
static fx_code *key_of(const kt_facets *x, const char *facet, apr_ssize_t flen, const char *code,
                       apr_ssize_t clen, int make)
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
        return &APR_ARRAY_IDX(f->codes, at - 1, fx_code);
    }
    if (!make) {
        return NULL;
    }
    c = apr_array_push(f->codes);
    c->code = apr_pstrmemdup(x->pool, code, (apr_size_t)clen);
    c->ids = roaring_bitmap_create();
    c->key = ((kt_facets *)x)->nkeys++;       /* (make: only while building) */
    apr_hash_set(f->by_code, c->code, clen, (void *)(apr_size_t)f->codes->nelts);
    return c;
}

/* The bitmap of (facet, code); NULL when there is none. */
static roaring_bitmap_t *bitmap(const kt_facets *x, const char *facet, apr_ssize_t flen,
                                const char *code, apr_ssize_t clen)
{
    fx_code *c = key_of(x, facet, flen, code, clen, 0);
    return c ? c->ids : NULL;
}

/* Listing id, the row added last, has key c. */
static void add_key(kt_facets *x, fx_code *c, apr_int64_t id)
{
    roaring_bitmap_add(c->ids, (uint32_t)id);
    APR_ARRAY_PUSH(x->keys, apr_uint32_t) = c->key;
}

static const char *const slot_names[SLOT_BITS] = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20"
};

int kt_facets_add(kt_facets *x, apr_int64_t id, apr_uint32_t place, const char *keys, char sep,
                  apr_uint32_t slots)
{
    const char *k = keys;
    int b;

    APR_ARRAY_PUSH(x->starts, apr_uint32_t) = (apr_uint32_t)x->keys->nelts;
    if (id < 0 || id > (apr_int64_t)UINT32_MAX) {
        x->broken = 1;
        return 0;
    }
    while (k && *k) {
        const char *end = strchr(k, sep), *us;
        apr_ssize_t len = end ? end - k : (apr_ssize_t)strlen(k);
        us = memchr(k, US, (size_t)len);
        if (us) {
            add_key(x, key_of(x, k, us - k, us + 1, len - (us - k) - 1, 1), id);
        }
        k = end ? end + 1 : NULL;
    }
    for (b = 0; b < SLOT_BITS; b++) {
        if (slots & (1u << b)) {
            add_key(x, key_of(x, "slot", 4, slot_names[b], (apr_ssize_t)strlen(slot_names[b]), 1),
                    id);
        }
    }
    APR_ARRAY_PUSH(x->added, apr_uint64_t) = ((apr_uint64_t)id << 32) | (apr_uint64_t)x->rows;
    APR_ARRAY_PUSH(x->places, apr_uint32_t) = place;
    x->rows++;
    return 1;
}

/* The best class of a lexeme's positions "1A,5B,7" (none: REST). */
static int best_class(const char **s)
{
    int best = KT_FACETS_REST;

    while (**s && **s != ' ') {
        char c = **s;
        if (c >= 'A' && c <= 'C' && c - 'A' < best) {
            best = c - 'A';
        }
        (*s)++;
    }
    return best;
}

int kt_facets_add_vector(kt_facets *x, apr_int64_t id, const char *tsv)
{
    char w[2048];                             /* PostgreSQL's lexemes: below 2 kB */
    const char *s = tsv;

    if (id < 0 || id > (apr_int64_t)UINT32_MAX) {
        x->broken = 1;
        return 0;
    }
    while (s && *s) {
        apr_size_t n = 0;
        fx_word *fw;
        int cls = KT_FACETS_REST;
        if (*s == ' ') {
            s++;
            continue;
        }
        if (*s++ != '\'') {
            x->broken = 1;                    /* not tsvector's text */
            return 0;
        }
        while (*s && n < sizeof(w) - 1) {
            if ((*s == '\'' && s[1] == '\'') || (*s == '\\' && s[1])) {
                w[n++] = s[1];
                s += 2;
            }
            else if (*s == '\'') {
                break;
            }
            else {
                w[n++] = *s++;
            }
        }
        if (*s++ != '\'') {
            x->broken = 1;
            return 0;
        }
        if (*s == ':') {
            cls = best_class(&s);
        }
        fw = apr_hash_get(x->words, w, (apr_ssize_t)n);
        if (!fw) {
            fw = apr_pcalloc(x->pool, sizeof(*fw));
            apr_hash_set(x->words, apr_pstrmemdup(x->pool, w, n), (apr_ssize_t)n, fw);
        }
        if (!fw->cls[cls]) {
            fw->cls[cls] = roaring_bitmap_create();
        }
        roaring_bitmap_add(fw->cls[cls], (uint32_t)id);
    }
    return 1;
}

static int by_value(const void *a, const void *b)
{
    apr_uint64_t x = *(const apr_uint64_t *)a, y = *(const apr_uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lexicon in byte order, the ids in order with their places in newest
 * order; into as, each one's number as added. */
static void seal_lists(kt_facets *x, apr_uint32_t *as)
{
    const apr_uint32_t *places = (const apr_uint32_t *)x->places->elts;
    apr_hash_index_t *hi;
    int i, n = x->added->nelts;

    x->lexicon = apr_palloc(x->pool, sizeof(*x->lexicon) * (apr_hash_count(x->words) + 1));
    x->nlex = 0;
    for (hi = apr_hash_first(NULL, x->words); hi; hi = apr_hash_next(hi)) {
        x->lexicon[x->nlex++] = apr_hash_this_key(hi);
    }
    qsort(x->lexicon, (size_t)x->nlex, sizeof(*x->lexicon), by_bytes);
    qsort(x->added->elts, (size_t)n, sizeof(apr_uint64_t), by_value);
    x->ids = apr_palloc(x->pool, sizeof(apr_uint32_t) * (apr_size_t)(n + 1));
    x->newest = apr_palloc(x->pool, sizeof(apr_uint32_t) * (apr_size_t)(n + 1));
    x->by_place = apr_palloc(x->pool, sizeof(apr_uint32_t) * (apr_size_t)(n + 1));
    memset(x->by_place, 0xff, sizeof(apr_uint32_t) * (apr_size_t)(n + 1));
    for (i = 0; i < n; i++) {
        apr_uint64_t v = APR_ARRAY_IDX(x->added, i, apr_uint64_t);
        as[i] = (apr_uint32_t)(v & 0xffffffffu);
        x->ids[i] = (apr_uint32_t)(v >> 32);
        x->newest[i] = places[as[i]];
        if (x->newest[i] >= (apr_uint32_t)n || x->by_place[x->newest[i]] != UINT32_MAX
            || (i > 0 && x->ids[i] == x->ids[i - 1])) {
            x->broken = 1;                    /* not the rows we know */
            return;
        }
        x->by_place[x->newest[i]] = x->ids[i];
    }
}

/* Each listing's keys in the order of ids (x->ids), which count_keys walks:
 * the results come in that order, and so reading their keys moves forward
 * through memory instead of jumping around 6 MB (100 000 listings). */
static void keys_by_id(kt_facets *x, const apr_uint32_t *as)
{
    const apr_uint32_t *starts = (const apr_uint32_t *)x->starts->elts;
    const apr_uint32_t *keys = (const apr_uint32_t *)x->keys->elts;
    apr_array_header_t *k2 = apr_array_make(x->pool, x->keys->nelts + 1, sizeof(apr_uint32_t));
    apr_array_header_t *s2 = apr_array_make(x->pool, x->starts->nelts, sizeof(apr_uint32_t));
    int j;

    for (j = 0; j < x->added->nelts; j++) {
        apr_uint32_t k;
        APR_ARRAY_PUSH(s2, apr_uint32_t) = (apr_uint32_t)k2->nelts;
        for (k = starts[as[j]]; k < starts[as[j] + 1]; k++) {
            APR_ARRAY_PUSH(k2, apr_uint32_t) = keys[k];
        }
    }
    APR_ARRAY_PUSH(s2, apr_uint32_t) = (apr_uint32_t)k2->nelts;
    x->keys = k2;
    x->starts = s2;
}

int kt_facets_seal(kt_facets *x, apr_int64_t generation)
{
    apr_uint32_t *as = malloc(sizeof(*as) * ((apr_size_t)x->added->nelts + 1));

    if (!as) {
        return 0;
    }
    each_bitmap(x, optimize_one, NULL);
    APR_ARRAY_PUSH(x->starts, apr_uint32_t) = (apr_uint32_t)x->keys->nelts;
    seal_lists(x, as);
    if (!x->broken) {
        keys_by_id(x, as);
    }
    free(as);
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
    apr_size_t n = 0;
    each_bitmap(x, size_one, &n);
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
    const apr_uint32_t *counts;        /* each key's count over the rows counted, or NULL:
                                          intersect the bitmaps (count_keys) */
    kt_tsq *q;                         /* the text query, or NULL */
    roaring_bitmap_t **leaves;         /* each leaf of q: KT_FACETS_CLASSES bitmaps */
    int nleaves;
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
        roaring_bitmap_t *ids;
        if (!(mask & (1u << b))) {
            continue;
        }
        ids = bitmap(x, "slot", 4, slot_names[b], (apr_ssize_t)strlen(slot_names[b]));
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
        roaring_bitmap_t *ids = bitmap(s->x, name, APR_HASH_KEY_STRING, v, APR_HASH_KEY_STRING);
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
        u = bitmap(s->x, def->name, APR_HASH_KEY_STRING, "1", 1);
        return u ? roaring_bitmap_copy(u) : roaring_bitmap_create();
    case FX_PLACE:
        u = codes_ids(s, def->name, s->vals[f]);
        star = bitmap(s->x, apr_pstrcat(s->p, def->name, "*", NULL), APR_HASH_KEY_STRING, "", 0);
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

/* The count of key c over the rows r. */
static apr_int64_t count_in(const fx_search *s, const roaring_bitmap_t *r, const fx_code *c)
{
    return s->counts ? (apr_int64_t)s->counts[c->key]
                     : (apr_int64_t)roaring_bitmap_and_cardinality(r, c->ids);
}

/* How many listings ahead count_keys asks for the memory of: a listing's keys are
 * one cache miss away (the results are scattered over the listings), and both the
 * place of its keys and the place of its start are known that far ahead. */
#define KEYS_AHEAD 8

/* Every key's count over the rows r, read from the keys each listing has, when
 * r is a small part of the listings: a few thousand results have some 15 keys
 * each, while intersecting every key's bitmap with them costs the same however
 * few they are (a quarter of a three-filter page's time).  NULL: intersect.
 * First each result's place among the listings (both ascend: one walk), then the
 * tally, fetching the memory of the listings a little ahead: waiting for each
 * listing's keys in turn was 18 % of the machine's time under 32 connections. */
static const apr_uint32_t *count_keys(const kt_facets *x, const roaring_bitmap_t *r,
                                      apr_pool_t *p)
{
    apr_size_t n = (apr_size_t)roaring_bitmap_get_cardinality(r), i, j = 0;
    apr_size_t all = (apr_size_t)x->added->nelts;
    const apr_uint32_t *starts = (const apr_uint32_t *)x->starts->elts;
    const apr_uint32_t *keys = (const apr_uint32_t *)x->keys->elts;
    apr_uint32_t *at, *counts;

    if (n * 3 > all || x->starts->nelts != x->added->nelts + 1) {
        return NULL;
    }
    at = apr_palloc(p, sizeof(*at) * (n + 1));
    counts = apr_pcalloc(p, sizeof(*counts) * (x->nkeys + 1));
    roaring_bitmap_to_uint32_array(r, at);
    for (i = 0; i < n; i++) {
        apr_size_t step = 1, lo, hi;
        /* gallop on from the last one found, then halve */
        while (j + step < all && x->ids[j + step] < at[i]) {
            step *= 2;
        }
        lo = j + step / 2;
        hi = j + step < all ? j + step : all;
        while (lo < hi) {
            apr_size_t mid = lo + (hi - lo) / 2;
            if (x->ids[mid] < at[i]) {
                lo = mid + 1;
            }
            else {
                hi = mid;
            }
        }
        at[i] = (apr_uint32_t)(j = lo);
    }
    for (i = 0; i < n; i++) {
        apr_size_t k;
        if (i + 2 * KEYS_AHEAD < n) {
            __builtin_prefetch(&starts[at[i + 2 * KEYS_AHEAD]]);
        }
        if (i + KEYS_AHEAD < n) {
            __builtin_prefetch(&keys[starts[at[i + KEYS_AHEAD]]]);
        }
        for (k = starts[at[i]]; k < starts[at[i] + 1]; k++) {
            counts[keys[k]]++;
        }
    }
    return counts;
}

static void emit_codes(const fx_search *s, const roaring_bitmap_t *r, const char *facet,
                       kt_facets_emit emit, void *ctx)
{
    fx_facet *f = apr_hash_get(s->x->facets, facet, APR_HASH_KEY_STRING);
    int i;

    for (i = 0; f && i < f->codes->nelts; i++) {
        const fx_code *c = &APR_ARRAY_IDX(f->codes, i, fx_code);
        apr_int64_t n = count_in(s, r, c);
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
    const char *star = apr_pstrcat(s->p, def->name, "*", NULL), *saved;
    roaring_bitmap_t *ids;
    const fx_code *c;
    apr_int64_t n;
    int i;

    switch (kind_of(def)) {
    case FX_FLAG:
        c = key_of(s->x, def->name, APR_HASH_KEY_STRING, "1", 1, 0);
        emit(ctx, def->name, "1", c ? count_in(s, r, c) : 0);
        break;
    case FX_PLACE:
        emit_codes(s, r, def->name, emit, ctx);
        c = key_of(s->x, star, APR_HASH_KEY_STRING, "", 0, 0);
        n = c ? count_in(s, r, c) : 0;
        if (n > 0) {
            emit(ctx, star, "", n);
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

/* ---- the text query ------------------------------------------------------- */

/* The listings that have word w (every lexeme it begins when prefix), by their
 * best weight: into out[0 .. KT_FACETS_CLASSES - 1], new bitmaps. */
static void word_ids(const kt_facets *x, const char *w, int prefix, roaring_bitmap_t **out)
{
    apr_size_t len = strlen(w);
    int k, lo = 0, hi = x->nlex;

    for (k = 0; k < KT_FACETS_CLASSES; k++) {
        out[k] = roaring_bitmap_create();
    }
    if (!prefix) {
        const fx_word *fw = apr_hash_get(x->words, w, APR_HASH_KEY_STRING);
        for (k = 0; fw && k < KT_FACETS_CLASSES; k++) {
            if (fw->cls[k]) {
                roaring_bitmap_or_inplace(out[k], fw->cls[k]);
            }
        }
        return;
    }
    while (lo < hi) {                         /* the first lexeme >= w */
        int mid = lo + (hi - lo) / 2;
        if (strcmp(x->lexicon[mid], w) < 0) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    for (; lo < x->nlex && strncmp(x->lexicon[lo], w, len) == 0; lo++) {
        const fx_word *fw = apr_hash_get(x->words, x->lexicon[lo], APR_HASH_KEY_STRING);
        for (k = 0; k < KT_FACETS_CLASSES; k++) {
            if (fw->cls[k]) {
                roaring_bitmap_or_inplace(out[k], fw->cls[k]);
            }
        }
    }
}

/* Reads tsq and finds its words' listings; 0 when the index cannot read it. */
static int text_prepare(fx_search *s, const char *tsq)
{
    apr_array_header_t *leaves = apr_array_make(s->p, 16, sizeof(kt_tsq *));
    int i;

    s->q = kt_tsq_parse(s->p, tsq, &s->nleaves);
    if (!s->q) {
        return 0;
    }
    kt_tsq_leaves(s->q, leaves);
    s->leaves = apr_pcalloc(s->p, sizeof(*s->leaves) * KT_FACETS_CLASSES
                                  * (apr_size_t)(s->nleaves + 1));
    for (i = 0; i < leaves->nelts; i++) {
        const kt_tsq *w = APR_ARRAY_IDX(leaves, i, kt_tsq *);
        word_ids(s->x, w->word, w->prefix, s->leaves + KT_FACETS_CLASSES * w->leaf);
    }
    return 1;
}

static void search_free(fx_search *s)
{
    int i;
    for (i = 0; s->leaves && i < KT_FACETS_CLASSES * s->nleaves; i++) {
        roaring_bitmap_free(s->leaves[i]);
    }
    s->leaves = NULL;
}

/* The listings that match q when only the words of weight classes 0 .. upto are
 * read (ts_filter(tsv, '{a}') @@ q for upto 0, … the whole vector for the last
 * class): a new bitmap.  ! is of all the listings. */
static roaring_bitmap_t *eval(const fx_search *s, const kt_tsq *q, int upto)
{
    roaring_bitmap_t *a, *b, *all;
    int k;

    switch (q->op) {
    case KT_TSQ_WORD:
        a = roaring_bitmap_copy(s->leaves[KT_FACETS_CLASSES * q->leaf]);
        for (k = 1; k <= upto; k++) {
            roaring_bitmap_or_inplace(a, s->leaves[KT_FACETS_CLASSES * q->leaf + k]);
        }
        return a;
    case KT_TSQ_NOT:
        all = bitmap(s->x, "total", 5, "", 0);
        a = all ? roaring_bitmap_copy(all) : roaring_bitmap_create();
        b = eval(s, q->left, upto);
        roaring_bitmap_andnot_inplace(a, b);
        roaring_bitmap_free(b);
        return a;
    default:
        a = eval(s, q->left, upto);
        b = eval(s, q->right, upto);
        if (q->op == KT_TSQ_AND) {
            roaring_bitmap_and_inplace(a, b);
        }
        else {
            roaring_bitmap_or_inplace(a, b);
        }
        roaring_bitmap_free(b);
        return a;
    }
}

/* ---- the results -------------------------------------------------------------- */

/* Reads the search's parameters into s (dim's as off); 0 when the index cannot
 * answer the search. */
static int search_prepare(fx_search *s, const char *const *args, int dim)
{
    int f;

    if (s->x->broken || s->x->generation < 0 || s->t->n > KT_FILTER_MAX) {
        return 0;
    }
    for (f = 0; f < s->t->n; f++) {
        s->vals[f] = f == dim ? NULL : args[3 + f];
        if ((s->vals[f] || f == dim) && kind_of(&s->t->filters[f]) == FX_UNKNOWN) {
            return 0;
        }
    }
    return !args[1] || text_prepare(s, args[1]);
}

/* The listings the search finds: a new bitmap.  Every key's listings are among
 * all of them ("total"), so the first condition is where the results start:
 * copying all 100 000 first cost two 8 KB blocks of memory a count. */
static roaring_bitmap_t *results(const fx_search *s)
{
    roaring_bitmap_t *all, *r = s->q ? eval(s, s->q, KT_FACETS_CLASSES - 1) : NULL;
    int f;

    for (f = 0; f < s->t->n; f++) {
        if (s->vals[f]) {
            roaring_bitmap_t *c = condition(s, f);
            if (!r) {
                r = c;
                continue;
            }
            roaring_bitmap_and_inplace(r, c);
            roaring_bitmap_free(c);
        }
    }
    if (!r) {
        all = bitmap(s->x, "total", 5, "", 0);
        r = all ? roaring_bitmap_copy(all) : roaring_bitmap_create();
    }
    return r;
}

int kt_facets_count(const kt_facets *x, const kt_filter_table *t, const char *const *args,
                    int dim, kt_facets_emit emit, void *ctx, apr_pool_t *p)
{
    fx_search s = { x, t, { NULL }, p, NULL, NULL, NULL, 0 };
    roaring_bitmap_t *r;
    int f;

    if (!search_prepare(&s, args, dim)) {
        search_free(&s);
        return 0;
    }
    r = results(&s);
    s.counts = count_keys(x, r, p);
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
    search_free(&s);
    return 1;
}

/* ---- the order ------------------------------------------------------------------ */

/* The weight of a word by its best class (PostgreSQL's default ts_rank weights
 * {0.1, 0.2, 0.4, 1.0}, times ten): sql/026_search_rank.sql kt_search_rank. */
static const int class_weight[KT_FACETS_CLASSES] = { 10, 4, 2, 1 };

/* score[i] of each r[i] (r: the n results in ascending order) also in b: set
 * to w (set) or w added. */
static void score_in(const roaring_bitmap_t *rs, const apr_uint32_t *r, apr_uint16_t *score,
                     const roaring_bitmap_t *b, int w, int set)
{
    roaring_bitmap_t *both = roaring_bitmap_and(rs, b);
    apr_size_t m = (apr_size_t)roaring_bitmap_get_cardinality(both), i, j = 0;
    apr_uint32_t *ids = malloc(sizeof(*ids) * (m + 1));

    if (ids) {
        roaring_bitmap_to_uint32_array(both, ids);
        for (i = 0; i < m; i++) {             /* both is within r: each is found */
            while (r[j] < ids[i]) {
                j++;
            }
            score[j] = (apr_uint16_t)(set ? w : score[j] + w);
        }
        free(ids);
    }
    roaring_bitmap_free(both);
}

/* The relevance of each result (kt_search_rank): how much of the query the
 * title alone matches (10), or with the description (4), or with the names
 * of places and the organisation (2), or only with the rest (1); plus, for
 * each exact stem of the words typed (exact), its best weight in the listing. */
static void rank(fx_search *s, const roaring_bitmap_t *rs, const apr_uint32_t *r,
                 apr_uint16_t *score, apr_size_t n, const char *exact)
{
    static const int tier[] = { 10, 4, 2 };
    apr_array_header_t *leaves = apr_array_make(s->p, 16, sizeof(kt_tsq *));
    apr_hash_t *seen = apr_hash_make(s->p);
    kt_tsq *qx;
    apr_size_t i;
    int k, nx, c;

    for (i = 0; i < n; i++) {
        score[i] = 1;
    }
    for (k = 2; k >= 0; k--) {                /* the first that matches, as CASE WHEN */
        roaring_bitmap_t *t = eval(s, s->q, k);
        score_in(rs, r, score, t, tier[k], 1);
        roaring_bitmap_free(t);
    }
    qx = exact ? kt_tsq_parse(s->p, exact, &nx) : NULL;
    kt_tsq_leaves(qx, leaves);
    for (i = 0; i < (apr_size_t)leaves->nelts; i++) {
        const kt_tsq *w = APR_ARRAY_IDX(leaves, i, kt_tsq *);
        roaring_bitmap_t *cls[KT_FACETS_CLASSES];
        if (w->prefix || apr_hash_get(seen, w->word, APR_HASH_KEY_STRING)) {
            continue;
        }
        apr_hash_set(seen, w->word, APR_HASH_KEY_STRING, w);
        word_ids(s->x, w->word, 0, cls);
        for (c = 0; c < KT_FACETS_CLASSES; c++) {
            score_in(rs, r, score, cls[c], class_weight[c], 0);
            roaring_bitmap_free(cls[c]);
        }
    }
}

static void sift_down(apr_uint64_t *h, apr_size_t n, apr_size_t i)
{
    for (;;) {
        apr_size_t l = 2 * i + 1, big = i;
        apr_uint64_t t;
        if (l < n && h[l] > h[big]) {
            big = l;
        }
        if (l + 1 < n && h[l + 1] > h[big]) {
            big = l + 1;
        }
        if (big == i) {
            return;
        }
        t = h[i];
        h[i] = h[big];
        h[big] = t;
        i = big;
    }
}

/* The k smallest of keys[0 .. n) into keys[0 .. k), ascending: a page needs a few
 * hundred of tens of thousands of results (sorting them all was a quarter of the
 * page's time).  A max-heap of the k smallest so far, then sorted. */
static void smallest_first(apr_uint64_t *keys, apr_size_t n, apr_size_t k)
{
    apr_size_t i;

    if (k >= n || k * 8 > n) {
        qsort(keys, n, sizeof(*keys), by_value);
        return;
    }
    for (i = k / 2; i-- > 0;) {
        sift_down(keys, k, i);
    }
    for (i = k; i < n; i++) {
        if (keys[i] < keys[0]) {
            keys[0] = keys[i];
            sift_down(keys, k, 0);
        }
    }
    qsort(keys, k, sizeof(*keys), by_value);
}

/* Newest first, when the results are many: the listings in newest order, each
 * kept when it is a result, until the page is full: some (offset + limit) x
 * all / n steps, while ordering every result costs n.  0 when that would be
 * dearer (a few results among many listings: ordering them is cheaper). */
static int newest_walk(const kt_facets *x, const roaring_bitmap_t *rs, apr_size_t n,
                       apr_size_t offset, apr_size_t limit, apr_array_header_t *ids)
{
    apr_size_t all = (apr_size_t)x->added->nelts, place, seen = 0;

    if (n == 0 || (offset + limit) * (all / n + 1) > n) {
        return 0;
    }
    for (place = 0; place < all && seen < offset + limit; place++) {
        if (roaring_bitmap_contains(rs, x->by_place[place])) {
            if (seen++ >= offset) {
                APR_ARRAY_PUSH(ids, apr_int64_t) = x->by_place[place];
            }
        }
    }
    return 1;
}

int kt_facets_order(const kt_facets *x, const kt_filter_table *t, const char *const *args,
                    int relevance, apr_int64_t offset, int limit, apr_array_header_t *ids,
                    apr_pool_t *p)
{
    fx_search s = { x, t, { NULL }, p, NULL, NULL, NULL, 0 };
    roaring_bitmap_t *rs;
    apr_uint32_t *r;
    apr_uint16_t *score;
    apr_uint64_t *keys;
    apr_size_t n, i, j = 0;

    if (!search_prepare(&s, args, -1) || (relevance && !s.q) || offset < 0) {
        search_free(&s);
        return 0;
    }
    rs = results(&s);
    n = (apr_size_t)roaring_bitmap_get_cardinality(rs);
    if (!relevance && newest_walk(x, rs, n, (apr_size_t)offset, (apr_size_t)limit, ids)) {
        roaring_bitmap_free(rs);
        search_free(&s);
        return 1;
    }
    r = apr_palloc(p, sizeof(*r) * (n + 1));
    score = apr_pcalloc(p, sizeof(*score) * (n + 1));
    keys = apr_palloc(p, sizeof(*keys) * (n + 1));
    roaring_bitmap_to_uint32_array(rs, r);
    if (relevance) {
        rank(&s, rs, r, score, n, args[2]);
    }
    /* each result's place in newest first order: both lists ascend by id */
    for (i = 0; i < n; i++) {
        while (x->ids[j] < r[i]) {
            j++;
        }
        keys[i] = ((apr_uint64_t)(0xffffu - score[i]) << 32) | x->newest[j];
    }
    smallest_first(keys, n, (apr_size_t)offset + (apr_size_t)limit);
    for (i = (apr_size_t)offset; i < n && i < (apr_size_t)offset + (apr_size_t)limit; i++) {
        APR_ARRAY_PUSH(ids, apr_int64_t) = x->by_place[keys[i] & 0xffffffffu];
    }
    roaring_bitmap_free(rs);
    search_free(&s);
    return 1;
}
