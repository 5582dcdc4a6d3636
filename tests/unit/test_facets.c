/* The search index's counts (kt_facets.c): what each filter means, and the facets
 * over the results and over the rows the other filters leave.  The same counts as
 * the database's are proven page by page in tests/integration/test_search_index.py. */
#include <stdarg.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include "unit.h"
#include "kt_facets.h"
#include "kt_search.h"

#define RS "\x1e"

/* Three listings: a Tuesday-evening free club in Helsinki; one available everywhere
 * in two forms; a counselling in person in Espoo. */
static kt_facets *three(void)
{
    kt_facets *x = kt_facets_create();
    /* added newest first: 2, 1, 3 */
    ck_assert(kt_facets_add(x, 2, 0, "total\x1f" RS "form\x1f" "club" RS "form\x1f" "advice" RS
                            "language\x1f" "ara" RS "region*\x1f" RS "municipality*\x1f",
                            '\x1e', 0));
    ck_assert(kt_facets_add_vector(x, 2, "'advic':3B 'club':1A 'kerho':2B 'language=ara'"));
    ck_assert(kt_facets_add(x, 1, 1, "total\x1f" RS "free\x1f" "1" RS "form\x1f" "club" RS
                            "language\x1f" "fin" RS "region\x1f" "01" RS
                            "municipality\x1f" "091", '\x1e', 1u << 5));
    ck_assert(kt_facets_add_vector(x, 1, "'club':4C 'kerho':1A,3B 'o''brien':2B"));
    ck_assert(kt_facets_add(x, 3, 2, "total\x1f" RS "form\x1f" "advice" RS "language\x1f" "fin"
                            RS "region\x1f" "01" RS "municipality\x1f" "049" RS
                            "in_person\x1f" "1", '\x1e', 1u));
    ck_assert(kt_facets_add_vector(x, 3, "'advic':1A 'kerhot':2 'neuvonta':3B"));
    ck_assert(kt_facets_seal(x, 7));
    return x;
}

/* The statement parameters of the filters given as "name", "values", … NULL. */
static void args_of(const char **args, ...)
{
    va_list ap;
    const char *name;
    memset(args, 0, sizeof(*args) * KT_SEARCH_NARGS);
    args[0] = "fi";
    va_start(ap, args);
    while ((name = va_arg(ap, const char *)) != NULL) {
        args[3 + kt_filter_index(&kt_activity_filters, name)] = va_arg(ap, const char *);
    }
    va_end(ap);
}

static apr_hash_t *got;

static void keep(void *ctx, const char *facet, const char *code, apr_int64_t n)
{
    (void)ctx;
    apr_hash_set(got, apr_pstrcat(ut_pool, facet, ":", code, NULL), APR_HASH_KEY_STRING,
                 apr_ltoa(ut_pool, (long)n));
}

static const char *count(const char *key)
{
    const char *n = apr_hash_get(got, key, APR_HASH_KEY_STRING);
    return n ? n : "-";
}

static int run(kt_facets *x, const char **args, const char *dim)
{
    got = apr_hash_make(ut_pool);
    return kt_facets_count(x, &kt_activity_filters, args,
                           dim ? kt_filter_index(&kt_activity_filters, dim) : -1, keep, NULL,
                           ut_pool);
}

START_TEST(slots_as_kt_search_slots)
{
    ck_assert_uint_eq(kt_facets_slots(NULL, NULL), 2097151);
    ck_assert_uint_eq(kt_facets_slots("2", "evening"), 1u << 5);
    ck_assert_uint_eq(kt_facets_slots("1,7", NULL), 7u | (7u << 18));
    ck_assert_uint_eq(kt_facets_slots(NULL, "morning"), 299593);
    ck_assert_uint_eq(kt_facets_slots("3", "morning,afternoon"), 3u << 6);
    ck_assert_uint_eq(kt_facets_slots("", NULL), 0);
}
END_TEST

START_TEST(counts_over_the_results)
{
    kt_facets *x = three();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, "form", "club", NULL);
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "2");
    ck_assert_str_eq(count("form:club"), "2");
    ck_assert_str_eq(count("form:advice"), "1");
    ck_assert_str_eq(count("municipality:091"), "1");
    ck_assert_str_eq(count("municipality*:"), "1");
    ck_assert_str_eq(count("municipality:049"), "-");
    ck_assert_str_eq(count("free:1"), "1");
    ck_assert_str_eq(count("in_person:1"), "0");
    ck_assert_str_eq(count("weekday:2"), "1");
    ck_assert_str_eq(count("time:evening"), "1");
    ck_assert_str_eq(count("time:morning"), "-");
    kt_facets_destroy(x);
}
END_TEST

START_TEST(places_let_those_available_everywhere_in)
{
    kt_facets *x = three();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, "municipality", "049", "form", "advice", NULL);
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "2");
    args_of(args, "municipality", "049", "form", "club", NULL);
    ck_assert(run(x, args, "municipality"));   /* over form=club alone */
    ck_assert_str_eq(count("municipality:091"), "1");
    ck_assert_str_eq(count("municipality*:"), "1");
    ck_assert_str_eq(count("municipality:049"), "-");
    ck_assert_str_eq(count("total:"), "-");    /* only the facet of the filter */
    kt_facets_destroy(x);
}
END_TEST

START_TEST(weekday_and_time_read_each_other)
{
    kt_facets *x = three();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, "weekday", "2", "time", "evening", NULL);
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "1");
    args_of(args, "weekday", "2", "time", "morning", NULL);
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "0");
    ck_assert(run(x, args, "weekday"));        /* mornings, any day: Monday's (slot 0) */
    ck_assert_str_eq(count("weekday:1"), "1");
    ck_assert_str_eq(count("weekday:2"), "-");
    args_of(args, "in_person", "1", "language", "fin,ara", NULL);
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "1");
    kt_facets_destroy(x);
}
END_TEST

START_TEST(what_it_cannot_answer)
{
    kt_facets *x = three(), *y = kt_facets_create();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, "form", "club", NULL);
    args[1] = "'kerho' <-> 'club'";            /* a phrase: the database's */
    ck_assert(!run(x, args, NULL));
    args[1] = "'kerho':A";                     /* a weight */
    ck_assert(!run(x, args, NULL));
    ck_assert(!kt_facets_add(y, 4294967296LL, 0, "total\x1f", '\x1e', 0));
    ck_assert(!kt_facets_seal(y, 1));
    args[1] = NULL;
    ck_assert(!run(y, args, NULL));
    ck_assert_int_eq(kt_facets_generation(x), 7);
    ck_assert_int_eq(kt_facets_rows(x), 3);
    kt_facets_destroy(x);
    kt_facets_destroy(y);
    /* two listings in one place, or a place past the last: not the rows we know */
    y = kt_facets_create();
    ck_assert(kt_facets_add(y, 1, 0, "total\x1f", '\x1e', 0));
    ck_assert(kt_facets_add(y, 2, 0, "total\x1f", '\x1e', 0));
    ck_assert(!kt_facets_seal(y, 1));
    kt_facets_destroy(y);
    y = kt_facets_create();
    ck_assert(kt_facets_add(y, 1, 1, "total\x1f", '\x1e', 0));
    ck_assert(kt_facets_add(y, 2, 2, "total\x1f", '\x1e', 0));
    ck_assert(!kt_facets_seal(y, 1));
    kt_facets_destroy(y);
}
END_TEST

static const char *ids_of(kt_facets *x, const char **args, int relevance, int offset)
{
    apr_array_header_t *ids = apr_array_make(ut_pool, 4, sizeof(apr_int64_t));
    apr_array_header_t *text = apr_array_make(ut_pool, 4, sizeof(const char *));
    int i;

    ck_assert(kt_facets_order(x, &kt_activity_filters, args, relevance, offset, 10, ids,
                              ut_pool));
    for (i = 0; i < ids->nelts; i++) {
        APR_ARRAY_PUSH(text, const char *) = apr_ltoa(ut_pool, (long)APR_ARRAY_IDX(ids, i,
                                                                               apr_int64_t));
    }
    return apr_array_pstrcat(ut_pool, text, ',');
}

START_TEST(text_matches_as_tsquery)
{
    kt_facets *x = three();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, NULL);
    args[1] = "'kerho'";
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "2");
    args[1] = "'kerho':*";                     /* kerhot too */
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "3");
    args[1] = "'kerho':* & !'club'";
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "1");
    args[1] = "( 'club' | 'neuvonta' ) & 'language=ara' | 'o''brien'";
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "2");
    ck_assert_str_eq(count("language:ara"), "1");
    args[1] = "'='";                           /* stop words only: nothing */
    ck_assert(run(x, args, NULL));
    ck_assert_str_eq(count("total:"), "0");
    kt_facets_destroy(x);
}
END_TEST

START_TEST(relevance_then_newest)
{
    kt_facets *x = three();
    const char *args[KT_SEARCH_NARGS];

    args_of(args, NULL);
    ck_assert_str_eq(ids_of(x, args, 0, 0), "2,1,3");
    ck_assert_str_eq(ids_of(x, args, 0, 1), "1,3");
    args[1] = "'kerho':*";
    args[2] = "'kerho'";
    /* 1: kerho in its title (10 + 10); 2: in its description (4 + 4); 3: kerhot (1 + 0) */
    ck_assert_str_eq(ids_of(x, args, 1, 0), "1,2,3");
    args[1] = "'club'";
    args[2] = "'club'";
    /* 2: the title (20), 1: the organisation's name (2 + 2) */
    ck_assert_str_eq(ids_of(x, args, 1, 0), "2,1");
    args[1] = "'club' | 'advic'";
    args[2] = "'club' | 'advic'";
    /* 2: 10 + 10 + 4; 3: 10 + 10; 1: 2 + 2 */
    ck_assert_str_eq(ids_of(x, args, 1, 0), "2,3,1");
    ck_assert_str_eq(ids_of(x, args, 0, 0), "2,1,3");
    kt_facets_destroy(x);
}
END_TEST

START_TEST(a_page_of_many)
{
    kt_facets *x = kt_facets_create();
    const char *args[KT_SEARCH_NARGS];
    apr_array_header_t *ids = apr_array_make(ut_pool, 4, sizeof(apr_int64_t));
    int i;

    for (i = 0; i < 100; i++) {                /* newest first, the ids out of order */
        ck_assert(kt_facets_add(x, (i * 37) % 101 + 1, (apr_uint32_t)i, "total\x1f", '\x1e', 0));
        ck_assert(kt_facets_add_vector(x, (i * 37) % 101 + 1, i % 3 ? "'kerho':2B" : "'kerho':1A"));
    }
    ck_assert(kt_facets_seal(x, 1));
    args_of(args, NULL);
    ck_assert(kt_facets_order(x, &kt_activity_filters, args, 0, 5, 3, ids, ut_pool));
    ck_assert_int_eq(ids->nelts, 3);
    for (i = 0; i < 3; i++) {
        ck_assert_int_eq(APR_ARRAY_IDX(ids, i, apr_int64_t), ((5 + i) * 37) % 101 + 1);
    }
    /* by relevance: the titles (every third, newest first), then the rest */
    args[1] = args[2] = "'kerho'";
    apr_array_clear(ids);
    ck_assert(kt_facets_order(x, &kt_activity_filters, args, 1, 33, 2, ids, ut_pool));
    ck_assert_int_eq(APR_ARRAY_IDX(ids, 0, apr_int64_t), (99 * 37) % 101 + 1);
    ck_assert_int_eq(APR_ARRAY_IDX(ids, 1, apr_int64_t), (1 * 37) % 101 + 1);
    kt_facets_destroy(x);
}
END_TEST

/* Newest first reads the listings in order when the results are many, and orders
 * the results when they are few: both give the results in the order added. */
START_TEST(newest_by_walk_or_by_order_alike)
{
    kt_facets *x = kt_facets_create();
    const char *args[KT_SEARCH_NARGS];
    static const char *const forms[] = { "club", "advice", "club,advice" };
    static const int offsets[] = { 0, 20, 140, 480, 495, 600 };
    apr_array_header_t *ids = apr_array_make(ut_pool, 20, sizeof(apr_int64_t));
    apr_int64_t added[1000];
    int place_of[1010];
    int i, f, o, k, n;

    for (i = 0; i < 1010; i++) {
        place_of[i] = -1;
    }
    for (i = 0; i < 1000; i++) {               /* the i-th newest, its id out of order */
        added[i] = (i * 389) % 1009 + 1;
        place_of[added[i]] = i;
    }
    for (k = 0; k < 1010; k++) {               /* added in the order of ids, as INDEX_ROWS */
        if ((i = place_of[k]) < 0) {
            continue;
        }
        ck_assert(kt_facets_add(x, added[i], (apr_uint32_t)i,
                                apr_pstrcat(ut_pool, "total\x1f\x1e" "form\x1f",
                                            i % 2 ? "club" : "talk",
                                            i % 97 ? "" : "\x1e" "form\x1f" "advice", NULL),
                                '\x1e', 0));
    }
    ck_assert(kt_facets_seal(x, 1));
    for (f = 0; f < 3; f++) {
        args_of(args, "form", forms[f], NULL);
        for (o = 0; o < 6; o++) {
            apr_array_clear(ids);
            ck_assert(kt_facets_order(x, &kt_activity_filters, args, 0, offsets[o], 20, ids,
                                      ut_pool));
            for (i = 0, k = 0, n = 0; i < 1000; i++) {
                int club = i % 2, advice = i % 97 == 0;
                if (!(f == 0 ? club : f == 1 ? advice : club || advice)) {
                    continue;
                }
                if (k++ < offsets[o] || n >= 20) {
                    continue;
                }
                ck_assert_int_lt(n, ids->nelts);
                ck_assert_int_eq(APR_ARRAY_IDX(ids, n, apr_int64_t), added[i]);
                n++;
            }
            ck_assert_int_eq(ids->nelts, n);
        }
    }
    kt_facets_destroy(x);
}
END_TEST

Suite *facets_suite(void)
{
    Suite *s = suite_create("facets");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, ut_setup, ut_teardown);
    tcase_add_test(tc, slots_as_kt_search_slots);
    tcase_add_test(tc, counts_over_the_results);
    tcase_add_test(tc, places_let_those_available_everywhere_in);
    tcase_add_test(tc, weekday_and_time_read_each_other);
    tcase_add_test(tc, what_it_cannot_answer);
    tcase_add_test(tc, text_matches_as_tsquery);
    tcase_add_test(tc, relevance_then_newest);
    tcase_add_test(tc, a_page_of_many);
    tcase_add_test(tc, newest_by_walk_or_by_order_alike);
    suite_add_tcase(s, tc);
    return s;
}
