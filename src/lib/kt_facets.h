/* Facet counts from bitmaps: the search's counts without counting rows.
 *
 * Counting the facets of a search in PostgreSQL reads every result (and, for
 * each filter in use, every row the other filters leave): tens of milliseconds
 * for a few thousand rows, hundreds for 100 000.  An index keeps, for every
 * count key of the public listings (sql/003_search.sql kt_search_count_keys:
 * "facet US code", e.g. "form\x1flanguage_club", "municipality*\x1f" for those
 * available everywhere, plus "in_person\x1f1" and "slot\x1fN" for each bit of
 * the weekly slots), the set of listing ids that have it, as a compressed
 * bitmap (CRoaring).  A search's results are then the intersection of its
 * filters' unions, and a facet's count the size of an intersection: some
 * microseconds each, whatever the number of listings.
 *
 * What a filter means is read from the kind's filter table (kt_filter.h), as
 * the SQL statements read it: KT_COUNT_FLAG is the key "name\x1f1", PLACE the
 * codes' keys or the starred key (available everywhere), BITS with a `mask`
 * the slots of kt_search_slots (its C twin below), BITS and ARRAY the codes'
 * keys.  tests/integration/test_search_index.py compares every page both ways.
 *
 * Pure: APR and CRoaring only.  Built once by one thread, read by many: after
 * kt_facets_seal nothing in it changes, and CRoaring's reads are reentrant. */
#ifndef KT_FACETS_H
#define KT_FACETS_H

#include <apr_pools.h>
#include <apr_tables.h>
#include "kt_filter.h"

typedef struct kt_facets kt_facets;

/* An empty index in a pool of its own (kt_facets_destroy frees both). */
kt_facets *kt_facets_create(void);
void kt_facets_destroy(kt_facets *x);

/* Listing `id`, the `place`-th in newest first order (published_at DESC, id
 * DESC; 0 the newest), has the keys in `keys`, separated by `sep` (each "facet
 * US code"), and the weekly slots `slots` (kt_search_slots' bits: kept as the
 * keys "slot US N").  The listings may come in any order; in ascending ids each
 * bitmap grows at its end (in newest order most ids came before all the others
 * of their bitmap, a third of reading an index).  0 when id does not fit the index
 * (above 2^32 - 1): the index is then unusable (kt_facets_seal says so), as it is
 * when the places are not 0 .. rows - 1 once each. */
int kt_facets_add(kt_facets *x, apr_int64_t id, apr_uint32_t place, const char *keys, char sep,
                  apr_uint32_t slots);

/* The weight classes of the words of a listing's text (sql/003_search.sql
 * kt_search_vector): A its title, B its description, C the names of its
 * organisation and place, and the rest (D: the names of its forms and themes;
 * words without a position: the values words name, "language=ara"). */
enum { KT_FACETS_A, KT_FACETS_B, KT_FACETS_C, KT_FACETS_REST, KT_FACETS_CLASSES };

/* Listing `id`'s text vector, as PostgreSQL prints it ('lexeme':1A,5B …): each
 * lexeme kept under the best weight class of its positions.  0 when it is not
 * such text (the index is then unusable). */
int kt_facets_add_vector(kt_facets *x, apr_int64_t id, const char *tsv);

/* Done adding: compresses the bitmaps and records the generation of the
 * listings they were read under.  0 when an add failed. */
int kt_facets_seal(kt_facets *x, apr_int64_t generation);

apr_int64_t kt_facets_generation(const kt_facets *x);
apr_int64_t kt_facets_rows(const kt_facets *x);
apr_size_t kt_facets_bytes(const kt_facets *x);   /* the bitmaps' size, for the log */

/* The order of the results below is the places given to kt_facets_add. */

/* One (facet, code, n) row, as the COUNTS_* statements give them. */
typedef void (*kt_facets_emit)(void *ctx, const char *facet, const char *code, apr_int64_t n);

/* The counts of a search whose statement parameters are args (kt_search_sql_args:
 * lang, q, qx, then each filter's values comma-joined or NULL), over table t:
 * dim < 0 is COUNTS_R (every facet over the results), dim >= 0 COUNTS_DIM (the
 * facet of filter dim over the rows the other filters leave).  0 without a
 * row when the index cannot answer: a text query it cannot read (kt_tsq.h), or
 * a filter whose meaning it does not know.  q (args[1]) is matched as the
 * database matches tsv @@ q. */
int kt_facets_count(const kt_facets *x, const kt_filter_table *t, const char *const *args,
                    int dim, kt_facets_emit emit, void *ctx, apr_pool_t *p);

/* Ids of the results from offset (at most limit of them) into ids (apr_int64_t):
 * by relevance (kt_search_rank, sql/026_search_rank.sql; needs q), or newest
 * first; ties newest first.  0 when the index cannot answer (as above). */
int kt_facets_order(const kt_facets *x, const kt_filter_table *t, const char *const *args,
                    int relevance, apr_int64_t offset, int limit, apr_array_header_t *ids,
                    apr_pool_t *p);

/* kt_search_slots (sql/010_search.sql): the bits of the slots on the given
 * weekdays ("1".."7") at the given times of day (morning, afternoon, evening);
 * NULL is any.  Each a comma-joined list, as the statements take them. */
apr_uint32_t kt_facets_slots(const char *weekdays, const char *times);

#endif
