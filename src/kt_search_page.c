/* The public search page; see kt_search_page.h, HACKING.md ("Search") for
 * the rules and the page document, and kt_search_sql.h for the statements. */
#include <string.h>
#include <apr_strings.h>
#include <http_core.h>
#include <http_protocol.h>
#include "kt_search_page.h"
#include "kt_search.h"
#include "kt_http.h"
#include "kt_xml.h"
#include "kt_activity.h"
#include "kt_search_sql.h"
#include "kt_feed_sql.h"
#include "kt_sindex.h"

/* The statements built from the filter table (kt_search_sql_init). */
kt_search_stmts kt_search_generated;
#define STMT_COUNTS_R (kt_search_generated.counts_r)
#define STMT_COUNTS_DIM (kt_search_generated.counts_dim)
#define STMT_RESULTS (kt_search_generated.results)
#define STMT_ORDER (kt_search_generated.order)
static const kt_stmt STMT_EXPAND KT_STMT_LISTED = { "kt_search_expand", KT_SEARCH_SQL_EXPAND };
static const kt_stmt STMT_COUNTS_STORED KT_STMT_LISTED = { "kt_search_counts_stored",
                                            KT_SEARCH_SQL_COUNTS_STORED };
static const kt_stmt STMT_CACHE_GET KT_STMT_LISTED = { "kt_search_cache_get", KT_SEARCH_SQL_CACHE_GET };
static const kt_stmt STMT_CACHE_PUT KT_STMT_LISTED = { "kt_search_cache_put", KT_SEARCH_SQL_CACHE_PUT };
static const kt_stmt STMT_VOCAB[KT_LANG_COUNT] KT_STMT_LISTED = {
    { "kt_search_vocab_fi", KT_SEARCH_SQL_VOCAB("fi") },
    { "kt_search_vocab_sv", KT_SEARCH_SQL_VOCAB("sv") },
    { "kt_search_vocab_en", KT_SEARCH_SQL_VOCAB("en") },
};
static const kt_stmt STMT_LANGUAGES[KT_LANG_COUNT] KT_STMT_LISTED = {
    { "kt_search_languages_fi", KT_SEARCH_SQL_LANGUAGES("fi") },
    { "kt_search_languages_sv", KT_SEARCH_SQL_LANGUAGES("sv") },
    { "kt_search_languages_en", KT_SEARCH_SQL_LANGUAGES("en") },
};
static const kt_stmt STMT_ORDER_PUT KT_STMT_LISTED = { "kt_search_order_put", KT_SEARCH_SQL_ORDER_PUT };
static const kt_stmt STMT_SUMMARIES KT_STMT_LISTED = { "kt_search_summaries", KT_SEARCH_SQL_SUMMARIES };

static kt_stmt make_stmt(const char *label, const char *sql)
{
    kt_stmt st;
    st.label = label;
    st.sql = sql;
    return st;
}

const char *kt_search_sql_init(apr_pool_t *p)
{
    const kt_filter_table *t = &kt_activity_filters;
    kt_search_stmts *g = &kt_search_generated;

    g->counts_r = make_stmt("kt_search_counts_r", kt_filter_sql_counts_r(p, t));
    g->counts_dim = make_stmt("kt_search_counts_dim", kt_filter_sql_counts_dim(p, t));
    g->results = make_stmt("kt_search_results", kt_filter_sql_expand(p, t, KT_SEARCH_SQL_RESULTS, 0));
    g->order = make_stmt("kt_search_order", kt_filter_sql_expand(p, t, KT_SEARCH_SQL_ORDER, 0));
    g->feed_state = make_stmt("kt_feed_state", kt_filter_sql_expand(p, t, KT_FEED_SQL_STATE, 1));
    g->feed_items = make_stmt("kt_feed_items", kt_filter_sql_expand(p, t, KT_FEED_SQL_ITEMS, 1));
    return NULL;
}

const kt_stmt *const *kt_search_statements(int *n)
{
    static const kt_stmt *const all[] = {
        &kt_search_generated.counts_r, &kt_search_generated.counts_dim,
        &kt_search_generated.results, &kt_search_generated.order,
        &kt_search_generated.feed_state, &kt_search_generated.feed_items
    };
    *n = (int)(sizeof(all) / sizeof(all[0]));
    return all;
}

/* ---- another kind's codes and q (kt_search_kind_init) ------------------------- */

#define MAX_KINDS 8

typedef struct {
    const kt_filter_table *t;
    kt_stmt codes;              /* kt_filter_codes_sql; sql NULL when t has no vocabulary */
    int ncodes;
    kt_stmt expand;
} kind_checks;

static kind_checks kinds[MAX_KINDS];
static int nkinds;

const char *kt_search_kind_init(apr_pool_t *p, const kt_filter_table *t, const kt_stmt **codes,
                                const kt_stmt **expand)
{
    kind_checks *k;
    int i;

    for (i = 0; i < nkinds && kinds[i].t != t; i++) {
    }
    if (i == MAX_KINDS) {
        return "more filter tables than MAX_KINDS in src/kt_search_page.c";
    }
    nkinds += i == nkinds;
    k = &kinds[i];
    k->t = t;
    k->codes = make_stmt(apr_pstrcat(p, "kt_", t->kind, "_codes", NULL),
                         kt_filter_codes_sql(p, t, &k->ncodes));
    k->expand = make_stmt(apr_pstrcat(p, "kt_", t->kind, "_expand", NULL),
                          apr_pstrcat(p, KT_SEARCH_SQL_EXPAND_HEAD "kt_search_expand(%s::text, '",
                                      t->expand, "')", NULL));
    *codes = k->codes.sql ? &k->codes : NULL;
    *expand = &k->expand;
    return NULL;
}

static const kind_checks *checks_of(const kt_filter_table *t)
{
    int i;
    for (i = 0; i < nkinds; i++) {
        if (kinds[i].t == t) {
            return &kinds[i];
        }
    }
    return NULL;
}

/* Pages linked around the current one in the pagination. */
#define PAGE_WINDOW 2

typedef struct {
    kt_req *kr;
    apr_pool_t *p;
    kt_db *db;
    kt_search s;
    const char *path;             /* "/fi/activities" */
    const char *key;              /* kt_search_cache_key */
    const char *order_key;        /* the ordering's, when the order cache has a say */
    apr_hash_t *names;            /* "facet\x1fcode" -> name, for the active filters */
    apr_array_header_t *vocab;    /* vocab_row, VOCAB's rows in their order */
    apr_hash_t *counts;           /* facet -> code -> apr_int64_t *, see count_facets */
    const char *generation;       /* of activity_search, from CACHE_GET */
    const char *cached_counts;    /* packed, from CACHE_GET */
    const char *cached_ids;       /* an array literal, from CACHE_GET */
    apr_int64_t listings;         /* the generation of the listings VOCAB's stamp gives */
    const kt_facets *index;       /* the search index of that generation (search_index) */
    int index_asked;
    apr_int64_t total;
} search_ctx;

/* A row of VOCAB. */
typedef struct {
    const char *facet, *code, *name, *group;
} vocab_row;

/* ---- the vocabularies, and the search's codes checked against them -------- */

/* The vocabularies in one page language, as VOCAB gave them, kept with the
 * connection until VOCAB says its stamp is old.  The rows live in a pool of
 * their own with its own allocator: the connection's pool shares its
 * allocator with the child's other connections, used by other threads. */
typedef struct {
    apr_pool_t *pool;            /* of stamp, rows and canon; NULL before the first */
    const char *stamp;
    apr_array_header_t *rows;    /* vocab_row */
    apr_hash_t *canon;           /* see read_vocab_rows */
} vocab_cache;

static apr_status_t vocab_cache_free(void *data)
{
    vocab_cache *vc = data;
    if (vc->pool) {
        apr_pool_destroy(vc->pool);
        vc->pool = NULL;
    }
    return APR_SUCCESS;
}

/* Reads a statement's vocab_rows into into, the strings in pool p; canon:
 * "filter\x1fcode" -> canonical code for every code the search may give (a
 * language by its ISO 639-3 or 639-1 code).  VOCAB's ('#stamp', stamp) row
 * goes to *stamp. */
static kt_db_status read_vocab_rows(search_ctx *c, apr_pool_t *p, const kt_stmt *stmt,
                                    int nargs, const char *const *args,
                                    apr_array_header_t *into, apr_hash_t *canon,
                                    const char **stamp)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(c->db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(c->db, res, &row)) {
        const char *facet = kt_db_get(c->db, row, 0), *code1 = kt_db_get(c->db, row, 4);
        vocab_row *v;
        if (strcmp(facet, "#stamp") == 0) {
            *stamp = apr_pstrdup(p, kt_db_get(c->db, row, 1));
            continue;
        }
        v = apr_array_push(into);
        v->facet = apr_pstrdup(p, facet);
        v->code = apr_pstrdup(p, kt_db_get(c->db, row, 1));
        v->name = apr_pstrdup(p, kt_db_get(c->db, row, 2));
        v->group = kt_db_get(c->db, row, 3) ? apr_pstrdup(p, kt_db_get(c->db, row, 3)) : NULL;
        apr_hash_set(canon, apr_pstrcat(p, v->facet, "\x1f", v->code, NULL),
                     APR_HASH_KEY_STRING, v->code);
        if (code1 && *code1) {
            apr_hash_set(canon, apr_pstrcat(p, v->facet, "\x1f", code1, NULL),
                         APR_HASH_KEY_STRING, v->code);
        }
    }
    return st;
}

/* A copy of v's strings in p. */
static vocab_row copy_row(apr_pool_t *p, const vocab_row *v)
{
    vocab_row c;
    c.facet = apr_pstrdup(p, v->facet);
    c.code = apr_pstrdup(p, v->code);
    c.name = apr_pstrdup(p, v->name);
    c.group = v->group ? apr_pstrdup(p, v->group) : NULL;
    return c;
}

/* The page language's vocab_cache of this connection, current: VOCAB is
 * given the stamp of the rows kept and sends them again only when it changed
 * (a listing or a vocabulary changed since). */
static kt_db_status current_vocab(search_ctx *c, vocab_cache **out)
{
    const char *name = apr_pstrcat(c->p, "search-vocab-", kt_lang_codes[c->kr->lang], NULL);
    vocab_cache *vc = kt_db_conn_data(c->db, name);
    const char *args[1] = { vc && vc->pool ? vc->stamp : NULL }, *stamp = NULL;
    apr_array_header_t *rows = apr_array_make(c->p, 512, sizeof(vocab_row));
    apr_hash_t *canon = apr_hash_make(c->p);
    apr_hash_index_t *hi;
    apr_allocator_t *allocator;
    apr_pool_t *pool;
    kt_db_status st;
    int i;

    st = read_vocab_rows(c, c->p, &STMT_VOCAB[c->kr->lang], 1, args, rows, canon, &stamp);
    *out = vc;
    if (st != KT_DB_OK || (!rows->nelts && vc && vc->pool)) {
        return st;                      /* failed, or the rows kept are current */
    }
    if (!rows->nelts || !stamp) {
        return KT_DB_ERROR;             /* no vocabularies at all: cannot be */
    }
    if (!vc) {
        /* once per connection: in its pool, like its prepared statements */
        vc = apr_pcalloc(kt_db_conn_pool(c->db), sizeof(*vc));
        apr_pool_cleanup_register(kt_db_conn_pool(c->db), vc, vocab_cache_free,
                                  apr_pool_cleanup_null);
        kt_db_conn_set_data(c->db, name, vc);
    }
    if (apr_allocator_create(&allocator) != APR_SUCCESS
        || apr_pool_create_unmanaged_ex(&pool, NULL, allocator) != APR_SUCCESS) {
        return KT_DB_ERROR;
    }
    apr_allocator_owner_set(allocator, pool);
    vocab_cache_free(vc);
    vc->pool = pool;
    vc->stamp = apr_pstrdup(pool, stamp);
    vc->rows = apr_array_make(pool, rows->nelts, sizeof(vocab_row));
    for (i = 0; i < rows->nelts; i++) {
        *(vocab_row *)apr_array_push(vc->rows) = copy_row(pool, &APR_ARRAY_IDX(rows, i, vocab_row));
    }
    vc->canon = apr_hash_make(pool);
    for (hi = apr_hash_first(c->p, canon); hi; hi = apr_hash_next(hi)) {
        const void *k;
        void *v;
        apr_hash_this(hi, &k, NULL, &v);
        apr_hash_set(vc->canon, apr_pstrdup(pool, k), APR_HASH_KEY_STRING, apr_pstrdup(pool, v));
    }
    *out = vc;
    return KT_DB_OK;
}

/* c->vocab and *canon: every value of every facet, the languages those some
 * listing is held in (the connection's rows, read-only).  A language the
 * search gives beyond those (one nobody uses, or not a language) is looked up
 * with the others in LANGUAGES, whose rows then take the place of the
 * languages, in a copy for this request. */
static kt_db_status read_vocab(search_ctx *c, apr_hash_t **canon)
{
    const apr_array_header_t *given = c->s.values[KT_SF_LANGUAGE];
    apr_array_header_t *langs, *all;
    const char *args[1], *stamp = NULL;
    vocab_cache *vc = NULL;
    kt_db_status st = current_vocab(c, &vc);
    int i, more = 0;

    if (st != KT_DB_OK) {
        return st;
    }
    c->vocab = vc->rows;
    c->listings = apr_atoi64(vc->stamp);   /* "listings.vocabularies" */
    *canon = vc->canon;
    for (i = 0; i < given->nelts; i++) {
        more |= !apr_hash_get(vc->canon, apr_pstrcat(c->p, "language\x1f",
                                                     APR_ARRAY_IDX(given, i, const char *),
                                                     NULL), APR_HASH_KEY_STRING);
    }
    if (!more) {
        return KT_DB_OK;
    }
    *canon = apr_hash_copy(c->p, vc->canon);
    langs = apr_array_make(c->p, 64, sizeof(vocab_row));
    args[0] = kt_search_list(c->p, &c->s, KT_SF_LANGUAGE);
    st = read_vocab_rows(c, c->p, &STMT_LANGUAGES[c->kr->lang], 1, args, langs, *canon, &stamp);
    all = apr_array_make(c->p, c->vocab->nelts + langs->nelts, sizeof(vocab_row));
    for (i = 0; i < c->vocab->nelts; i++) {
        const vocab_row *v = &APR_ARRAY_IDX(c->vocab, i, vocab_row);
        if (strcmp(v->facet, "language") == 0) {
            continue;
        }
        if (langs && strcmp(v->facet, "region") == 0) {   /* languages come before places */
            apr_array_cat(all, langs);
            langs = NULL;
        }
        *(vocab_row *)apr_array_push(all) = *v;
    }
    if (langs) {
        apr_array_cat(all, langs);
    }
    c->vocab = all;
    return st;
}

static const char *canonical(search_ctx *c, apr_hash_t *canon, const char *filter,
                             const char *given)
{
    const char *code = apr_hash_get(canon, apr_pstrcat(c->p, filter, "\x1f", given, NULL),
                                    APR_HASH_KEY_STRING);
    return code && *code ? code : NULL;
}

/* The first code the site does not know, in URL order, into *err; 0 if none. */
static int first_unknown(search_ctx *c, apr_hash_t *canon, const apr_array_header_t *pairs,
                         kt_search_error *err)
{
    int i;

    for (i = 0; i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        char *given;
        int f = kt_search_filter_from_name(pair->name);
        if (f < 0 || kt_activity_filters.filters[f].type != KT_FILTER_CODES || !*pair->value) {
            continue;
        }
        given = apr_pstrdup(c->p, pair->value);
        ap_str_tolower(given);           /* as kt_search does with languages */
        if (!canonical(c, canon, pair->name, given)) {
            err->param = pair->name;
            err->reason = "unknown-value";
            err->value = pair->value;
            err->index = i;
            return 1;
        }
    }
    return 0;
}

/* Reads the vocabularies and checks every code of the search against them:
 * 1 and *err when one is unknown; else languages become their ISO 639-3
 * codes. */
static kt_db_status check_codes(search_ctx *c, const apr_array_header_t *pairs,
                                int *unknown, kt_search_error *err)
{
    apr_hash_t *canon = NULL;
    const apr_array_header_t *given = c->s.values[KT_SF_LANGUAGE];
    apr_array_header_t *langs;
    kt_db_status st = read_vocab(c, &canon);
    int i;

    *unknown = st == KT_DB_OK && first_unknown(c, canon, pairs, err);
    if (st != KT_DB_OK || *unknown) {
        return st;
    }
    langs = apr_array_make(c->p, given->nelts + 1, sizeof(const char *));
    for (i = 0; i < given->nelts; i++) {
        APR_ARRAY_PUSH(langs, const char *) =
            canonical(c, canon, "language", APR_ARRAY_IDX(given, i, const char *));
    }
    kt_search_set_values(c->p, &c->s, KT_SF_LANGUAGE, langs);
    return st;
}

/* 1 when s has a value for any filter with codes. */
static int has_codes(const kt_search *s)
{
    int f;
    for (f = 0; f < s->t->n; f++) {
        if (s->t->filters[f].type == KT_FILTER_CODES
            && s->values[f] && s->values[f]->nelts) {
            return 1;
        }
    }
    return 0;
}

/* The items of a chr(31)-separated list ("" gives none). */
static apr_array_header_t *split_us(apr_pool_t *p, const char *list)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    const char *at;

    while (list && *list) {
        at = strchr(list, '\x1f');
        APR_ARRAY_PUSH(out, const char *) =
            at ? apr_pstrmemdup(p, list, (apr_size_t)(at - list)) : apr_pstrdup(p, list);
        if (!at) {
            break;
        }
        list = at + 1;
        if (!*list) {
            APR_ARRAY_PUSH(out, const char *) = "";   /* the last item empty */
        }
    }
    return out;
}

/* q read by the database (EXPAND): the tsqueries the statements take, a
 * "did you mean" and the values its words name. */
static kt_db_status expand_q(kt_db *db, apr_pool_t *p, const kt_stmt *stmt, kt_search *s)
{
    const char *args[1] = { s->q }, *cols[6] = { NULL, NULL, NULL, NULL, NULL, NULL };
    apr_array_header_t *params, *codes, *rest;
    int found = 0, i;
    kt_db_status st = kt_db_row(db, stmt, 1, args, 6, cols, &found);

    if (st != KT_DB_OK) {
        return st;
    }
    s->tsq = cols[0] && *cols[0] ? cols[0] : "";
    s->tsq_exact = cols[1] && *cols[1] ? cols[1] : NULL;
    s->suggestion = cols[2] && *cols[2] ? cols[2] : NULL;
    params = split_us(p, cols[3]);
    codes = split_us(p, cols[4]);
    rest = split_us(p, cols[5]);
    s->named = apr_array_make(p, params->nelts + 1, sizeof(kt_search_named));
    /* A rest is empty when the name was all of q ("Vantaalla"): a list of one
     * empty text comes as "", which splits into none. */
    for (i = 0; i < params->nelts && i < codes->nelts; i++) {
        kt_search_named *n = apr_array_push(s->named);
        n->param = APR_ARRAY_IDX(params, i, const char *);
        n->code = APR_ARRAY_IDX(codes, i, const char *);
        n->rest = i < rest->nelts ? APR_ARRAY_IDX(rest, i, const char *) : "";
    }
    return KT_DB_OK;
}

/* Another kind's codes, by the statement built from its table: the first one
 * no vocabulary has, in the order given, into *err. */
static kt_db_status kind_codes(kt_db *db, apr_pool_t *p, const kind_checks *k, const kt_search *s,
                               const apr_array_header_t *pairs, int *unknown, kt_search_error *err)
{
    const char *args[KT_FILTER_MAX];
    apr_hash_t *bad = apr_hash_make(p);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st;
    int i;

    kt_search_code_args(p, s, args);
    st = kt_db_select(db, &k->codes, &res, k->ncodes, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        apr_hash_set(bad, apr_pstrcat(p, kt_db_get(db, row, 0), "=", kt_db_get(db, row, 1), NULL),
                     APR_HASH_KEY_STRING, "");
    }
    for (i = 0; st == KT_DB_OK && apr_hash_count(bad) && i < pairs->nelts; i++) {
        const kt_query_pair *pair = &APR_ARRAY_IDX(pairs, i, kt_query_pair);
        if (apr_hash_get(bad, apr_pstrcat(p, pair->name, "=", pair->value, NULL),
                         APR_HASH_KEY_STRING)) {
            *unknown = 1;
            err->param = pair->name;
            err->reason = "unknown-value";
            err->value = pair->value;
            err->index = i;
            break;
        }
    }
    return st;
}

kt_db_status kt_search_check_codes(kt_req *kr, kt_db *db, kt_search *s,
                                   const apr_array_header_t *pairs, int *unknown,
                                   kt_search_error *err)
{
    const kind_checks *k = s->t == &kt_activity_filters ? NULL : checks_of(s->t);
    search_ctx c;
    kt_db_status st = KT_DB_OK;

    *unknown = 0;
    if (s->t != &kt_activity_filters && !k) {
        return KT_DB_ERROR;         /* kt_search_kind_init was not called: cannot be */
    }
    if (has_codes(s) && k && k->codes.sql) {
        st = kind_codes(db, kr->r->pool, k, s, pairs, unknown, err);
    }
    else if (has_codes(s) && !k) {
        memset(&c, 0, sizeof(c));
        c.kr = kr;
        c.p = kr->r->pool;
        c.db = db;
        c.s = *s;
        st = check_codes(&c, pairs, unknown, err);
        *s = c.s;
    }
    if (st == KT_DB_OK && !*unknown && s->q) {
        st = expand_q(db, kr->r->pool, k ? &k->expand : &STMT_EXPAND, s);
    }
    return st;
}

/* ---- facets -------------------------------------------------------------- */

/* counts: facet -> (code -> apr_int64_t *), from the COUNTS_* statements. */

static apr_int64_t count_of(search_ctx *c, const char *facet, const char *code)
{
    apr_hash_t *codes = apr_hash_get(c->counts, facet, APR_HASH_KEY_STRING);
    apr_int64_t *n = codes ? apr_hash_get(codes, code, APR_HASH_KEY_STRING) : NULL;
    return n ? *n : 0;
}

/* Reads (facet, code, n) rows into c->counts; a facet the rows bring replaces
 * what was there (the counts of an active filter's facet over its own rows
 * replace those over the results).  custom: the statement is planned for its
 * values (kt_db_select_custom). */
/* Sets the count of (facet, code) in into: facet -> (code -> apr_int64_t *). */
static void put_count(search_ctx *c, apr_hash_t *into, const char *facet, const char *code,
                      apr_int64_t n)
{
    apr_hash_t *codes = apr_hash_get(into, facet, APR_HASH_KEY_STRING);
    apr_int64_t *v = apr_palloc(c->p, sizeof(*v));

    if (!codes) {
        codes = apr_hash_make(c->p);
        apr_hash_set(into, apr_pstrdup(c->p, facet), APR_HASH_KEY_STRING, codes);
    }
    *v = n;
    apr_hash_set(codes, apr_pstrdup(c->p, code ? code : ""), APR_HASH_KEY_STRING, v);
}

static kt_db_status read_counts(search_ctx *c, const kt_stmt *stmt, int custom, int nargs,
                                const char *const *args)
{
    apr_hash_t *fresh = apr_hash_make(c->p);
    apr_hash_index_t *hi;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = custom ? kt_db_select_custom(c->db, stmt, &res, nargs, args)
                             : kt_db_select(c->db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(c->db, res, &row)) {
        put_count(c, fresh, kt_db_get(c->db, row, 0), kt_db_get(c->db, row, 1),
                  apr_atoi64(kt_db_get(c->db, row, 2)));
    }
    for (hi = apr_hash_first(c->p, fresh); hi; hi = apr_hash_next(hi)) {
        const void *facet;
        void *codes;
        apr_hash_this(hi, &facet, NULL, &codes);
        apr_hash_set(c->counts, facet, APR_HASH_KEY_STRING, codes);
    }
    return st;
}

/* A count from the search index (kt_facets_emit): the facets it gives are
 * emptied before (forget_counts, or a new c->counts), as read_counts replaces them. */
static void index_count(void *ctx, const char *facet, const char *code, apr_int64_t n)
{
    search_ctx *c = ctx;
    put_count(c, c->counts, facet, code, n);
}

/* How long a text search waits for this child's index of its listings, when
 * the listings changed since it was read: reading 100 000 takes about two
 * seconds, ordering their words by relevance in the database one. */
#define INDEX_WAIT_MS 3000

/* The search index of the generation the counts and orderings are kept under
 * (CACHE_GET's, read after VOCAB's), or of VOCAB's when the count cache is
 * off; NULL when this child has none of it (yet). */
static const kt_facets *search_index(search_ctx *c)
{
    if (!c->index_asked) {
        c->index_asked = 1;
        c->index = kt_sindex_acquire(c->kr->r, c->generation ? apr_atoi64(c->generation)
                                                               : c->listings,
                                     c->s.q ? INDEX_WAIT_MS : 0);
    }
    return c->index;
}

/* COUNTS_R (dim < 0) or COUNTS_DIM of filter dim: from the search index when it
 * has the listings of this search's generation and can answer, else in the database. */
static kt_db_status count_some(search_ctx *c, const kt_facets *index, const char *const *args,
                               int dim)
{
    const char *more[KT_SEARCH_NARGS + 1];

    if (index && kt_facets_count(index, &kt_activity_filters, args, dim, index_count, c, c->p)) {
        return KT_DB_OK;
    }
    kt_sindex_note(c->kr->r, "db");
    if (dim < 0) {
        return read_counts(c, &STMT_COUNTS_R, 1, KT_SEARCH_NARGS, args);
    }
    memcpy(more, args, sizeof(*more) * KT_SEARCH_NARGS);
    more[KT_SEARCH_NARGS] = kt_activity_filters.filters[dim].name;
    return read_counts(c, &STMT_COUNTS_DIM, 1, KT_SEARCH_NARGS + 1, more);
}

/* Counts as CACHE_GET and CACHE_PUT have them: "facet US code US n RS …". */
static const char *pack_counts(search_ctx *c)
{
    apr_array_header_t *items = apr_array_make(c->p, 512, sizeof(const char *));
    apr_hash_index_t *hi, *hj;

    for (hi = apr_hash_first(c->p, c->counts); hi; hi = apr_hash_next(hi)) {
        const void *facet;
        void *of;
        apr_hash_this(hi, &facet, NULL, &of);
        for (hj = apr_hash_first(c->p, of); hj; hj = apr_hash_next(hj)) {
            const void *code;
            void *n;
            apr_hash_this(hj, &code, NULL, &n);
            APR_ARRAY_PUSH(items, const char *) =
                apr_pstrcat(c->p, facet, "\x1f", code, "\x1f",
                            apr_off_t_toa(c->p, *(apr_int64_t *)n), NULL);
        }
    }
    return apr_array_pstrcat(c->p, items, '\x1e');
}

/* The cached counts into c->counts: the reverse of pack_counts (codes may be
 * empty, so no strtok). */
static void unpack_counts(search_ctx *c, const char *packed)
{
    char *item = apr_pstrdup(c->p, packed), *next;

    for (; item && *item; item = next) {
        char *code = strchr(item, '\x1f'), *n = code ? strchr(code + 1, '\x1f') : NULL;
        apr_hash_t *codes;
        apr_int64_t *v;
        next = strchr(item, '\x1e');
        if (next) {
            *next++ = '\0';
        }
        if (!n) {
            continue;   /* not ours: cannot happen */
        }
        *code++ = '\0';
        *n++ = '\0';
        codes = apr_hash_get(c->counts, item, APR_HASH_KEY_STRING);
        if (!codes) {
            codes = apr_hash_make(c->p);
            apr_hash_set(c->counts, item, APR_HASH_KEY_STRING, codes);
        }
        v = apr_palloc(c->p, sizeof(*v));
        *v = apr_atoi64(n);
        apr_hash_set(codes, code, APR_HASH_KEY_STRING, v);
    }
}

/* What the cache has for this search and its ordering, and the generation of
 * the listings, which a new entry is stored under. */
static kt_db_status cache_get(search_ctx *c)
{
    const char *args[2], *cols[3] = { NULL, NULL, NULL };
    int found = 0;
    kt_db_status st;

    args[0] = kt_search_is_empty(&c->s) ? NULL : c->key;
    args[1] = c->order_key;
    if (!args[0] && !args[1]) {
        return KT_DB_OK;
    }
    st = kt_db_row(c->db, &STMT_CACHE_GET, 2, args, 3, cols, &found);
    c->generation = cols[0];
    c->cached_counts = cols[1];
    c->cached_ids = cols[2];
    return st;
}

/* Whether filter f is the only thing narrowing the search (or nothing is):
 * its facet then counts every public listing. */
static int only_filter(const kt_search *s, kt_search_filter f)
{
    int g;
    if (s->q) {
        return 0;
    }
    for (g = 0; g < KT_SF_COUNT; g++) {
        if (g != (int)f && s->values[g]->nelts) {
            return 0;
        }
    }
    return 1;
}

/* Empties a facet's counts before its own statement fills it: a place facet's
 * statement brings no starred row when nothing is available everywhere. */
static void forget_counts(search_ctx *c, const char *facet)
{
    apr_hash_set(c->counts, facet, APR_HASH_KEY_STRING, NULL);
    apr_hash_set(c->counts, apr_pstrcat(c->p, facet, "*", NULL), APR_HASH_KEY_STRING, NULL);
}

/* Every count the page shows: over the results, then each filter in use over
 * the rows the other filters leave (or, when it is the only one, over all).
 * From the count cache when it had them for this search and the current
 * generation of the listings; else computed and kept there. */
static kt_db_status count_facets(search_ctx *c, const char *const *args)
{
    const char *put[3];
    const kt_facets *index = NULL;
    kt_db_status st;
    int f;

    c->counts = apr_hash_make(c->p);
    if (kt_search_is_empty(&c->s)) {
        const char *all[3] = { NULL, NULL, NULL };
        return read_counts(c, &STMT_COUNTS_STORED, 0, 3, all);
    }
    if (c->cached_counts) {
        unpack_counts(c, c->cached_counts);
        return KT_DB_OK;
    }
    index = search_index(c);
    kt_sindex_note(c->kr->r, index ? "index" : "db");
    st = count_some(c, index, args, -1);
    for (f = 0; st == KT_DB_OK && f < KT_SF_COUNT; f++) {
        const kt_filter *def = &kt_activity_filters.filters[f];
        const char *name = def->name;
        if (!c->s.values[f]->nelts || def->count == KT_COUNT_FLAG || def->count == KT_COUNT_NONE) {
            continue;
        }
        forget_counts(c, name);
        if (only_filter(&c->s, (kt_search_filter)f)) {
            const char *one[3] = { name, name, name };
            st = read_counts(c, &STMT_COUNTS_STORED, 0, 3, one);
        }
        else {
            st = count_some(c, index, args, f);
        }
    }
    if (st == KT_DB_OK && c->generation) {
        put[0] = c->key;
        put[1] = c->generation;
        put[2] = pack_counts(c);
        st = kt_db_exec(c->db, &STMT_CACHE_PUT, NULL, 3, put);
    }
    return st;
}

static int is_selected(const kt_search *s, const char *facet, const char *code)
{
    int f = kt_search_filter_from_name(facet);
    return f >= 0 && kt_search_has(s, (kt_search_filter)f, code);
}

static void add_item(search_ctx *c, xmlNodePtr facet, const char *name, const char *code,
                     const char *label, const char *group, apr_int64_t n)
{
    xmlNodePtr item = kt_xml_add(c->p, facet, "item", label);

    kt_xml_attr(c->p, item, "value", code);
    kt_xml_attr(c->p, item, "count", apr_off_t_toa(c->p, n));
    kt_xml_attr(c->p, item, "group", group && *group ? group : NULL);
    if (is_selected(&c->s, name, code)) {
        kt_xml_attr(c->p, item, "selected", "true");
    }
    if (label) {
        apr_hash_set(c->names, apr_pstrcat(c->p, name, "\x1f", code, NULL), APR_HASH_KEY_STRING,
                     apr_pstrdup(c->p, label));
    }
}

/* Whether the language facet lists language `code`: some result (of the
 * other filters) is held in it, or it is chosen. */
static int listed_language(search_ctx *c, const char *code)
{
    return count_of(c, "language", code) > 0 || kt_search_has(&c->s, KT_SF_LANGUAGE, code);
}

/* <facets>: every value of every filter with its count, in VOCAB's order. */
static void add_facets(search_ctx *c, xmlNodePtr search)
{
    xmlNodePtr facets = kt_xml_add(c->p, search, "facets", NULL), facet = NULL;
    const char *current = "";
    int i, f;

    /* codes, in VOCAB's order; places count the activities held there only (those
     * available everywhere are in every place's results, said once: @anywhere) */
    for (i = 0; i < c->vocab->nelts; i++) {
        const vocab_row *v = &APR_ARRAY_IDX(c->vocab, i, vocab_row);
        apr_int64_t n = count_of(c, v->facet, v->code);
        if (strcmp(v->facet, "language") == 0 && !listed_language(c, v->code)) {
            continue;
        }
        if (strcmp(v->facet, current) != 0) {
            int d = kt_search_filter_from_name(v->facet);
            current = v->facet;
            facet = kt_xml_add(c->p, facets, "facet", NULL);
            kt_xml_attr(c->p, facet, "param", current);
            kt_xml_attr(c->p, facet, "markup", d >= 0 ? kt_activity_filters.filters[d].markup : NULL);
            if (d >= 0 && kt_activity_filters.filters[d].count == KT_COUNT_PLACE) {
                kt_xml_attr(c->p, facet, "anywhere",
                            apr_off_t_toa(c->p, count_of(c, apr_pstrcat(c->p, v->facet, "*", NULL),
                                                         "")));
            }
        }
        add_item(c, facet, current, v->code, v->name, v->group, n);
    }
    /* values and flags, from the filter table; their names are UI messages */
    for (f = 0; f < KT_SF_COUNT; f++) {
        const kt_filter *def = &kt_activity_filters.filters[f];
        if (def->type == KT_FILTER_CODES) {
            continue;
        }
        facet = kt_xml_add(c->p, facets, "facet", NULL);
        kt_xml_attr(c->p, facet, "param", def->name);
        kt_xml_attr(c->p, facet, "markup", def->markup);
        if (def->type == KT_FILTER_FLAG) {
            add_item(c, facet, def->name, "1", NULL, NULL, count_of(c, def->name, "1"));
            continue;
        }
        for (i = 0; def->choices && def->choices[i]; i++) {
            add_item(c, facet, def->name, def->choices[i], NULL, NULL,
                     count_of(c, def->name, def->choices[i]));
        }
    }
    c->total = count_of(c, "total", "");
}

/* ---- results ------------------------------------------------------------- */

static int last_page(apr_int64_t total)
{
    apr_int64_t pages = (total + KT_SEARCH_PAGE_SIZE - 1) / KT_SEARCH_PAGE_SIZE;
    return (int)(pages > KT_SEARCH_MAX_PAGE ? KT_SEARCH_MAX_PAGE : pages < 1 ? 1 : pages);
}

/* Reads a statement's first column (activity ids) into ids. */
static kt_db_status read_ids(search_ctx *c, const kt_stmt *stmt, int nargs,
                             const char *const *args, apr_array_header_t *ids)
{
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select_custom(c->db, stmt, &res, nargs, args);

    while (st == KT_DB_OK && kt_db_next(c->db, res, &row)) {
        APR_ARRAY_PUSH(ids, const char *) = apr_pstrdup(c->p, kt_db_get(c->db, row, 0));
    }
    return st;
}

/* The ids of an array literal "{1,2,3}" (the order cache's) into ids. */
static void parse_ids(search_ctx *c, const char *literal, apr_array_header_t *ids)
{
    char *copy = apr_pstrdup(c->p, literal), *id, *state = NULL;

    for (id = apr_strtok(copy, "{,}", &state); id; id = apr_strtok(NULL, "{,}", &state)) {
        APR_ARRAY_PUSH(ids, const char *) = id;
    }
}

/* The name of the search's ordering in the order cache when it has a say: an
 * ordering that ranks (relevance) or sorts (title) every result, so that its
 * first KT_SEARCH_ORDER_CACHED cost no more than its first page, within them.
 * Newest first walks the published_at index until it has a page: ten pages
 * would cost ten times the first one, which is what most searches show. */
static const char *order_key(search_ctx *c)
{
    kt_search_sort sort = kt_search_effective_sort(&c->s);
    apr_int64_t first = (apr_int64_t)(c->s.page - 1) * KT_SEARCH_PAGE_SIZE;

    /* soonest next time changes as time passes: not kept */
    if (first + KT_SEARCH_PAGE_SIZE > KT_SEARCH_ORDER_CACHED || sort == KT_SORT_NEWEST
        || sort == KT_SORT_NEXT) {
        return NULL;
    }
    /* titles sort in the page's language, the others are the same in all */
    return apr_pstrcat(c->p, c->key, "\x1f", kt_search_sort_names[sort],
                       sort == KT_SORT_TITLE ? kt_lang_codes[c->kr->lang] : "", NULL);
}

/* The activity ids of the page, in order, as an array literal: from the
 * order cache's first KT_SEARCH_ORDER_CACHED when it has a say (computed once
 * and kept when it did not have them), else the page on its own. */
/* The ids of the search's results from first (at most n) from the search index,
 * into ids; 0 when it has no say (title and next sort in the database). */
static int index_ids(search_ctx *c, const char *const *filter_args, apr_int64_t first, int n,
                     apr_array_header_t *ids)
{
    kt_search_sort sort = kt_search_effective_sort(&c->s);
    apr_array_header_t *found = apr_array_make(c->p, n, sizeof(apr_int64_t));
    const kt_facets *index;
    int i;

    if (!(sort == KT_SORT_RELEVANCE || sort == KT_SORT_NEWEST)
        || !(index = search_index(c))
        || !kt_facets_order(index, &kt_activity_filters, filter_args,
                            sort == KT_SORT_RELEVANCE, first, n, found, c->p)) {
        return 0;
    }
    for (i = 0; i < found->nelts; i++) {
        APR_ARRAY_PUSH(ids, const char *) = apr_off_t_toa(c->p, APR_ARRAY_IDX(found, i, apr_int64_t));
    }
    return 1;
}

/* The activity ids of the page, in order, as an array literal: from the
 * order cache's first KT_SEARCH_ORDER_CACHED when it has a say (computed once
 * and kept when it did not have them), else the page on its own; from the
 * search index when it has the listings and a say, else in the database. */
static kt_db_status page_ids(search_ctx *c, const char *const *filter_args, apr_int64_t first,
                             const char **literal)
{
    const char *args[KT_SEARCH_NARGS + 2];
    apr_array_header_t *ids = apr_array_make(c->p, KT_SEARCH_ORDER_CACHED, sizeof(const char *));
    apr_array_header_t *page = apr_array_make(c->p, KT_SEARCH_PAGE_SIZE, sizeof(const char *));
    kt_db_status st = KT_DB_OK;
    int i;

    memcpy(args, filter_args, sizeof(*args) * KT_SEARCH_NARGS);
    args[KT_SEARCH_NARGS] = kt_search_sort_names[kt_search_effective_sort(&c->s)];
    if (!c->order_key) {
        args[KT_SEARCH_NARGS + 1] = apr_off_t_toa(c->p, first);
        if (!index_ids(c, filter_args, first, KT_SEARCH_PAGE_SIZE, page)) {
            st = read_ids(c, &STMT_RESULTS, KT_SEARCH_NARGS + 2, args, page);
        }
        *literal = apr_pstrcat(c->p, "{", apr_array_pstrcat(c->p, page, ','), "}", NULL);
        return st;
    }
    if (c->cached_ids) {
        parse_ids(c, c->cached_ids, ids);
    }
    else {
        args[KT_SEARCH_NARGS + 1] = "0";
        if (!index_ids(c, filter_args, 0, KT_SEARCH_ORDER_CACHED, ids)) {
            st = read_ids(c, &STMT_ORDER, KT_SEARCH_NARGS + 2, args, ids);
        }
        if (st == KT_DB_OK && c->generation) {
            const char *put[3] = { c->order_key, c->generation, NULL };
            put[2] = apr_pstrcat(c->p, "{", apr_array_pstrcat(c->p, ids, ','), "}", NULL);
            st = kt_db_exec(c->db, &STMT_ORDER_PUT, NULL, 3, put);
        }
    }
    for (i = (int)first; i < ids->nelts && i < first + KT_SEARCH_PAGE_SIZE; i++) {
        APR_ARRAY_PUSH(page, const char *) = APR_ARRAY_IDX(ids, i, const char *);
    }
    *literal = apr_pstrcat(c->p, "{", apr_array_pstrcat(c->p, page, ','), "}", NULL);
    return st;
}

/* A child element of parent called name, or NULL. */
static xmlNodePtr child_named(xmlNodePtr parent, const char *name)
{
    xmlNodePtr n;
    for (n = parent->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0) {
            return n;
        }
    }
    return NULL;
}

/* The card's weekly times, address and contact (SUMMARIES' last columns). */
static void add_card_details(search_ctx *c, apr_dbd_row_t *row, xmlNodePtr act)
{
    const char *slots = kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 1);
    const char *street = kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 2);
    const char *name = kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 5);
    const char *email = kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 6);
    const char *phone = kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 7);
    xmlNodePtr place = child_named(act, "place"), n;

    if (slots && *slots) {
        char *copy = apr_pstrdup(c->p, slots), *slot, *state = NULL;
        xmlNodePtr schedule = kt_xml_add(c->p, act, "schedule", NULL);
        for (slot = apr_strtok(copy, ",", &state); slot; slot = apr_strtok(NULL, ",", &state)) {
            char *f2 = strchr(slot, ' '), *f3 = f2 ? strchr(f2 + 1, ' ') : NULL;
            if (!f3) {
                continue;
            }
            *f2++ = '\0';
            *f3++ = '\0';
            n = kt_xml_add(c->p, schedule, "slot", NULL);
            kt_xml_attr(c->p, n, "weekday", slot);
            kt_xml_attr(c->p, n, "start", f2);
            kt_xml_attr(c->p, n, "end", f3);
        }
    }
    if (place && street && *street) {
        n = kt_xml_add(c->p, place, "address", NULL);
        kt_xml_attr(c->p, n, "street", street);
        kt_xml_attr(c->p, n, "postal-code", kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 3));
        kt_xml_attr(c->p, n, "post-office", kt_db_get(c->db, row, KT_SUMMARY_NCOLS + 4));
    }
    if ((name && *name) || (email && *email) || (phone && *phone)) {
        n = kt_xml_add(c->p, act, "contact", NULL);
        kt_xml_attr(c->p, n, "name", name && *name ? name : NULL);
        kt_xml_attr(c->p, n, "email", email && *email ? email : NULL);
        kt_xml_attr(c->p, n, "phone", phone && *phone ? phone : NULL);
    }
}

static kt_db_status add_results(search_ctx *c, const char *const *filter_args,
                                xmlNodePtr search)
{
    xmlNodePtr list = kt_xml_add(c->p, search, "results", NULL);
    apr_int64_t first = (apr_int64_t)(c->s.page - 1) * KT_SEARCH_PAGE_SIZE;
    const char *args[2] = { NULL, kt_lang_codes[c->kr->lang] };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = KT_DB_OK;
    int n = 0;

    kt_xml_attr(c->p, list, "total", apr_off_t_toa(c->p, c->total));
    if (c->total > first) {
        st = page_ids(c, filter_args, first, &args[0]);
        if (st == KT_DB_OK) {
            st = kt_db_select(c->db, &STMT_SUMMARIES, &res, 2, args);
        }
    }
    while (c->total > first && st == KT_DB_OK && kt_db_next(c->db, res, &row)) {
        xmlNodePtr act = kt_activity_add_summary(c->db, c->p, c->kr->lang, row, list);
        const char *next = kt_db_get(c->db, row, KT_SUMMARY_NCOLS);
        if (next && *next) {   /* the driver gives NULL as "" */
            kt_xml_attr(c->p, kt_xml_add(c->p, act, "next", NULL), "at", next);
        }
        add_card_details(c, row, act);
        n++;
    }
    if (n) {
        kt_xml_attr(c->p, list, "first", apr_off_t_toa(c->p, first + 1));
        kt_xml_attr(c->p, list, "last", apr_off_t_toa(c->p, first + n));
    }
    else if (c->total > 0) {
        /* a page past the end, e.g. an old link after listings ended */
        kt_xml_attr(c->p, list, "past-end", "true");
    }
    return st;
}

/* ---- links ------------------------------------------------------------------ */

static void add_removal(search_ctx *c, xmlNodePtr active, const char *param, const char *value,
                        const char *label)
{
    kt_search w = kt_search_without(c->p, &c->s, param, value);
    xmlNodePtr f = kt_xml_add(c->p, active, "filter", label);

    kt_xml_attr(c->p, f, "param", param);
    kt_xml_attr(c->p, f, "value", value);
    kt_xml_attr(c->p, f, "remove-href", kt_search_href(c->p, c->path, &w, 1));
}

/* <active>: every choice in use, with a link to the same search without it. */
static void add_active(search_ctx *c, xmlNodePtr search)
{
    xmlNodePtr active = kt_xml_add(c->p, search, "active", NULL);
    int f, i;

    if (c->s.q) {
        add_removal(c, active, "q", c->s.q, c->s.q);
    }
    for (f = 0; f < KT_SF_COUNT; f++) {
        const char *name = kt_search_filter_name(f);
        for (i = 0; i < c->s.values[f]->nelts; i++) {
            const char *v = APR_ARRAY_IDX(c->s.values[f], i, const char *);
            add_removal(c, active, name, v,
                        apr_hash_get(c->names, apr_pstrcat(c->p, name, "\x1f", v, NULL),
                                     APR_HASH_KEY_STRING));
        }
    }
}

/* <named>: values that words of q name ("Vantaalla": Vantaa), each with the
 * search that has it as a filter instead of the word; <suggestion> when a
 * word nobody uses was read as a near-miss.  A value chosen already is not
 * offered again. */
static void add_named(search_ctx *c, xmlNodePtr search)
{
    xmlNodePtr list = NULL, n;
    int i;

    if (c->s.suggestion) {
        kt_search w = c->s;
        w.q = c->s.suggestion;
        w.page = 1;
        n = kt_xml_add(c->p, search, "suggestion", c->s.suggestion);
        kt_xml_attr(c->p, n, "href", kt_search_href(c->p, c->path, &w, 1));
    }
    for (i = 0; c->s.named && i < c->s.named->nelts; i++) {
        const kt_search_named *nm = &APR_ARRAY_IDX(c->s.named, i, kt_search_named);
        int f = kt_search_filter_from_name(nm->param);
        const char *label = apr_hash_get(c->names, apr_pstrcat(c->p, nm->param, "\x1f", nm->code,
                                                              NULL), APR_HASH_KEY_STRING);
        kt_search w;
        if (f < 0 || !label || kt_search_has(&c->s, (kt_search_filter)f, nm->code)) {
            continue;
        }
        w = kt_search_with(c->p, &c->s, f, nm->code, nm->rest);
        if (!list) {
            list = kt_xml_add(c->p, search, "named", NULL);
        }
        n = kt_xml_add(c->p, list, "value", label);
        kt_xml_attr(c->p, n, "param", nm->param);
        kt_xml_attr(c->p, n, "code", nm->code);
        kt_xml_attr(c->p, n, "href", kt_search_href(c->p, c->path, &w, 1));
    }
}

/* <conflict>: a chosen municipality outside every chosen region leaves only
 * the activities available everywhere; the page says so, with each way out. */
static void add_conflicts(search_ctx *c, xmlNodePtr search)
{
    const apr_array_header_t *regions = c->s.values[KT_SF_REGION];
    const apr_array_header_t *munis = c->s.values[KT_SF_MUNICIPALITY];
    int i, j;

    if (!regions->nelts || !munis->nelts) {
        return;
    }
    for (i = 0; i < munis->nelts; i++) {
        const char *code = APR_ARRAY_IDX(munis, i, const char *), *group = NULL;
        xmlNodePtr n;
        for (j = 0; j < c->vocab->nelts; j++) {
            const vocab_row *v = &APR_ARRAY_IDX(c->vocab, j, vocab_row);
            if (strcmp(v->facet, "municipality") == 0 && strcmp(v->code, code) == 0) {
                group = v->group;
                break;
            }
        }
        if (!group || kt_search_has(&c->s, KT_SF_REGION, group)) {
            continue;
        }
        n = kt_xml_add(c->p, search, "conflict",
                       apr_hash_get(c->names, apr_pstrcat(c->p, "municipality\x1f", code, NULL),
                                    APR_HASH_KEY_STRING));
        kt_xml_attr(c->p, n, "municipality", code);
        kt_xml_attr(c->p, n, "region", group);
        kt_xml_attr(c->p, n, "region-name",
                    apr_hash_get(c->names, apr_pstrcat(c->p, "region\x1f", group, NULL),
                                 APR_HASH_KEY_STRING));
    }
}

static void add_sorts(search_ctx *c, xmlNodePtr search)
{
    xmlNodePtr sorts = kt_xml_add(c->p, search, "sorts", NULL);
    kt_search_sort current = kt_search_effective_sort(&c->s);
    int i;

    for (i = c->s.q ? 0 : 1; i < KT_SORT_COUNT; i++) {
        kt_search w = kt_search_sorted(&c->s, (kt_search_sort)i);
        xmlNodePtr n = kt_xml_add(c->p, sorts, "sort", NULL);
        kt_xml_attr(c->p, n, "value", kt_search_sort_names[i]);
        kt_xml_attr(c->p, n, "href", kt_search_href(c->p, c->path, &w, 1));
        if ((kt_search_sort)i == current) {
            kt_xml_attr(c->p, n, "current", "true");
        }
    }
}

static void add_page_link(search_ctx *c, xmlNodePtr parent, const char *name, int n)
{
    xmlNodePtr link = kt_xml_add(c->p, parent, name, NULL);
    kt_xml_attr(c->p, link, "n", apr_itoa(c->p, n));
    kt_xml_attr(c->p, link, "href", kt_search_href(c->p, c->path, &c->s, n));
    if (n == c->s.page) {
        kt_xml_attr(c->p, link, "current", "true");
    }
}

/* <pages>: first, last and the pages around the current one, <gap/> between. */
static void add_pages(search_ctx *c, xmlNodePtr search)
{
    int last = last_page(c->total), n, shown = 0;
    xmlNodePtr pages = kt_xml_add(c->p, search, "pages", NULL);

    kt_xml_attr(c->p, pages, "current", apr_itoa(c->p, c->s.page));
    kt_xml_attr(c->p, pages, "last", apr_itoa(c->p, last));
    if (c->s.page > 1 && c->s.page <= last) {
        add_page_link(c, pages, "prev", c->s.page - 1);
    }
    for (n = 1; n <= last; n++) {
        if (n == 1 || n == last || (n >= c->s.page - PAGE_WINDOW && n <= c->s.page + PAGE_WINDOW)) {
            if (shown && shown != n - 1) {
                kt_xml_add(c->p, pages, "gap", NULL);
            }
            add_page_link(c, pages, "page-link", n);
            shown = n;
        }
    }
    if (c->s.page < last) {
        add_page_link(c, pages, "next", c->s.page + 1);
    }
}

/* ---- the page ---------------------------------------------------------------- */

static int bad_request(search_ctx *c, const apr_array_header_t *pairs, const kt_search_error *err)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, c->kr->r,
                  "KT0301: search parameter %s refused: %s",
                  err->param ? err->param : "(query string)", err->reason);
    return kt_send_bad_param(c->kr, err->param, err->reason, err->value,
                             kt_search_href_without(c->p, c->path, pairs, err->index));
}

static xmlNodePtr search_element(search_ctx *c, xmlNodePtr root)
{
    xmlNodePtr search = kt_xml_add(c->p, root, "search", NULL);
    kt_search_sort sort = kt_search_effective_sort(&c->s);

    kt_xml_attr(c->p, search, "q", c->s.q);
    kt_xml_attr(c->p, search, "sort", kt_search_sort_names[sort]);
    /* what the filter form must send again to keep an explicit sort */
    if (sort != (c->s.q ? KT_SORT_RELEVANCE : KT_SORT_NEWEST)) {
        kt_xml_attr(c->p, search, "sort-param", kt_search_sort_names[sort]);
    }
    kt_xml_attr(c->p, search, "page", apr_itoa(c->p, c->s.page));
    kt_xml_attr(c->p, search, "href", kt_search_href(c->p, c->path, &c->s, c->s.page));
    kt_xml_attr(c->p, search, "new-href", c->path);
    return search;
}

int kt_page_search(kt_req *kr, const char *arg)
{
    search_ctx c;
    apr_array_header_t *pairs;
    kt_search_error err;
    const char *args[KT_SEARCH_NARGS];
    xmlDocPtr doc;
    xmlNodePtr search;
    kt_db_status st;
    int unknown = 0;
    (void)arg;

    memset(&c, 0, sizeof(c));
    c.kr = kr;
    c.p = kr->r->pool;
    c.path = apr_pstrcat(c.p, "/", kt_lang_codes[kr->lang], "/activities", NULL);
    c.names = apr_hash_make(c.p);
    if (!kt_search_parse(c.p, &kt_activity_filters, kr->r->args, &c.s, &pairs, &err)) {
        return bad_request(&c, pairs, &err);
    }
    st = kt_db_open(kr->r, &c.db);
    if (st == KT_DB_OK) {
        st = check_codes(&c, pairs, &unknown, &err);
    }
    if (st == KT_DB_OK && !unknown && c.s.q) {
        st = expand_q(c.db, c.p, &STMT_EXPAND, &c.s);
    }
    if (st == KT_DB_OK && unknown) {
        return bad_request(&c, pairs, &err);
    }
    doc = kt_page_doc(kr, "search", HTTP_OK);
    search = search_element(&c, xmlDocGetRootElement(doc));
    kt_search_sql_args(c.p, &c.s, kt_lang_codes[kr->lang], args);
    c.key = kt_search_cache_key(c.p, &c.s);
    c.order_key = order_key(&c);
    if (st == KT_DB_OK) {
        st = cache_get(&c);
    }
    if (st == KT_DB_OK) {
        st = count_facets(&c, args);
    }
    if (st == KT_DB_OK) {
        add_facets(&c, search);
    }
    if (st == KT_DB_OK) {
        st = add_results(&c, args, search);
    }
    if (st != KT_DB_OK) {
        return kt_send_db_failure(kr, st);
    }
    add_active(&c, search);
    add_named(&c, search);
    add_conflicts(&c, search);
    add_sorts(&c, search);
    add_pages(&c, search);
    return kt_send_page(kr, "search", doc, HTTP_OK);
}

const char *kt_search_back_href(kt_req *kr)
{
    apr_pool_t *p = kr->r->pool;
    const char *ref = apr_table_get(kr->r->headers_in, "Referer");
    const char *base = kr->conf->base_url ? kr->conf->base_url
                                          : ap_construct_url(p, "", kr->r);
    const char *path = apr_pstrcat(p, "/", kt_lang_codes[kr->lang], "/activities", NULL);
    apr_size_t n = strlen(base);
    kt_search s;
    kt_search_error err;

    if (!ref || strncmp(ref, base, n) != 0 || strncmp(ref + n, path, strlen(path)) != 0) {
        return NULL;
    }
    ref += n + strlen(path);
    if (*ref != '\0' && *ref != '?') {
        return NULL;
    }
    /* only a search that parses: the link is made again from it, never copied */
    if (!kt_search_parse(p, &kt_activity_filters, *ref ? ref + 1 : NULL, &s, NULL, &err)) {
        return NULL;
    }
    return kt_search_href(p, path, &s, s.page);
}

void kt_search_back_link(kt_req *kr, xmlNodePtr page)
{
    const char *href = kt_search_back_href(kr);

    if (href) {
        kt_xml_attr(kr->r->pool, kt_xml_add(kr->r->pool, page, "back", NULL), "href", href);
    }
}

/* ---- OpenSearch ---------------------------------------------------------------- */

#define OPENSEARCH_NS "http://a9.com/-/spec/opensearch/1.1/"

/* The site's public base URL: KotoutuminenBaseURL, else this request's. */
static const char *base_url(kt_req *kr)
{
    if (kr->conf->base_url) {
        return kr->conf->base_url;
    }
    return ap_construct_url(kr->r->pool, "", kr->r);
}

static const char *msg(kt_req *kr, const char *key)
{
    const char *m = kr->conf->render
                  ? kt_msg(kt_render_catalog(kr->conf->render), kr->lang, key) : NULL;
    if (!m) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, kr->r,
                      "KT0303: UI message %s missing from the %s catalog", key,
                      kt_lang_codes[kr->lang]);
    }
    return m ? m : key;
}

/* An OpenSearch 1.1 description, so that browsers offer the site's search in
 * their address bar; in the language of the URL (/{lang}/opensearch.xml) or,
 * for /opensearch.xml, of Accept-Language. */
int kt_page_opensearch(kt_req *kr, const char *arg)
{
    apr_pool_t *p = kr->r->pool;
    const char *base = base_url(kr), *lang = kt_lang_codes[kr->lang];
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "OpenSearchDescription", NULL);
    xmlNodePtr n;
    char *body;
    (void)arg;

    xmlDocSetRootElement(doc, root);
    xmlSetNs(root, xmlNewNs(root, BAD_CAST OPENSEARCH_NS, NULL));
    kt_xml_add(p, root, "ShortName", msg(kr, "opensearch.short-name"));
    kt_xml_add(p, root, "Description", msg(kr, "opensearch.description"));
    kt_xml_add(p, root, "InputEncoding", "UTF-8");
    kt_xml_add(p, root, "Language", lang);
    n = kt_xml_add(p, root, "Image", apr_pstrcat(p, base, "/static/favicon.svg", NULL));
    kt_xml_attr(p, n, "type", "image/svg+xml");
    kt_xml_attr(p, n, "width", "16");
    kt_xml_attr(p, n, "height", "16");
    n = kt_xml_add(p, root, "Url", NULL);
    kt_xml_attr(p, n, "type", "text/html");
    kt_xml_attr(p, n, "method", "get");
    kt_xml_attr(p, n, "template",
                apr_pstrcat(p, base, "/", lang, "/activities?q={searchTerms}", NULL));
    n = kt_xml_add(p, root, "Url", NULL);
    kt_xml_attr(p, n, "type", "application/opensearchdescription+xml");
    kt_xml_attr(p, n, "rel", "self");
    kt_xml_attr(p, n, "template", apr_pstrcat(p, base, "/", lang, "/opensearch.xml", NULL));
    body = kt_xml_dump(p, doc);
    xmlFreeDoc(doc);

    if (!kr->rest || strcmp(kr->rest, "/") == 0) {
        apr_table_mergen(kr->r->headers_out, "Vary", "Accept-Language");
    }
    apr_table_setn(kr->r->headers_out, "Cache-Control", "max-age=86400");
    ap_set_content_type(kr->r, "application/opensearchdescription+xml; charset=utf-8");
    ap_set_content_length(kr->r, (apr_off_t)strlen(body));
    if (!kr->r->header_only) {
        ap_rputs(body, kr->r);
    }
    return OK;
}
