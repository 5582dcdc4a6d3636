/* The SQL of the search statements (kt_search_page.c), as macros: pure text,
 * no httpd headers, so that build/kt-search-sql (tools/kt_sql.c) can
 * print exactly what the module prepares, for EXPLAIN in the benchmark and the
 * tests.  Placeholders are APR DBD's %s, numbered $1, $2, … in order of
 * appearance; each statement's comment lists its parameters.
 *
 * Every combination of parameters runs the same statements: NULL turns a
 * filter off, lists arrive as comma-separated codes for string_to_array().
 * The database plans each execution for its own values (plan_cache_mode, set
 * by kt_db.c for every session), so "p.forms IS NULL OR s.forms && p.forms"
 * folds to the indexable half or to nothing, and unused joins and facet
 * branches drop out of the plan. */
#ifndef KT_SEARCH_SQL_H
#define KT_SEARCH_SQL_H

#include "kt_search.h"
#include "kt_filter.h"
#include "kt_summary_sql.h"

#define KT_SQ_STR_(x) #x
#define KT_SQ_STR(x) KT_SQ_STR_(x)

/* The filters' parameters, conditions and facet counts come from the kind's
 * filter table (kt_filter.h): a template names them "@PARAMS@" (the CTE `p`,
 * left open: lang, q and qx as tsqueries from kt_search_expand, then one per
 * filter) and "@WHERE@" (every condition), which kt_filter_sql_expand fills in
 * once, before children start (kt_search_sql_init).  COUNTS_R and COUNTS_DIM
 * are built whole from the table (kt_filter_sql_counts_r, _dim):
 *
 * COUNTS_R: every facet over the results, as (facet, code, n) rows with the
 * keys of kt_search_count_keys (sql/003_search.sql, 010): total, each flag,
 * each code or value of a counted filter, region and municipality per code
 * for listings in one place, region* and municipality* for those available
 * everywhere.  One pass over the results with GROUPING SETS (a hash table per
 * facet), then the few groups expanded; forms, themes, target groups and the
 * slots of weekday and time are grouped by their bit masks (006, 010): for
 * 35 000 results unnesting arrays took some 40 ms a facet.
 * COUNTS_DIM: one facet whose filter is in use, over the rows that all the
 * other filters leave (its own is off); the facet is the last parameter.
 * Parameters of both: kt_search_sql_args. */
#define KT_SQ_PARAMS "@PARAMS@"
#define KT_SQ_ALL "@WHERE@"
#define KT_SQ_FROM \
    " FROM activity_search s LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id" \
    " CROSS JOIN p WHERE "

/* CACHE_GET: one row, the generation of the listings (activity_search_generation),
 * the cached counts of the search whose kt_search_cache_key is the first
 * parameter and the cached ordering named by the second (the key, chr(31), the
 * sort and for titles the page's language), each NULL when the cache has none
 * of that generation (sql/006_search_speed.sql).  Counts come packed as
 * "facet US code US n RS …".  CACHE_PUT stores counts (key, generation,
 * packed), ORDER_PUT an ordering's first KT_SEARCH_ORDER_CACHED ids (its
 * name, generation, an array literal). */
#define KT_SEARCH_SQL_CACHE_GET \
    "SELECT generation, counts, ids FROM kt_search_cache_get(%s::text, %s::text)"
#define KT_SEARCH_SQL_CACHE_PUT "SELECT kt_search_cache_put(%s::text, %s::bigint, %s::text)"
#define KT_SEARCH_SQL_ORDER_PUT \
    "SELECT kt_search_order_put(%s::text, %s::bigint, %s::bigint[])"

/* COUNTS_STORED: the precomputed counts over every public listing, for a facet
 * whose rows are all of them (nothing else narrows the search) or, with NULL,
 * for all facets (nothing narrows it at all).  Parameter: the facet, three
 * times (its own and its starred counts). */
#define KT_SEARCH_SQL_COUNTS_STORED \
    "SELECT facet, code, n FROM activity_search_counts" \
    " WHERE %s::text IS NULL OR facet IN (%s::text, %s::text || '*')"

/* VOCAB: every value a facet offers, named in the page's language and in the
 * order the page lists them: forms, themes and targets in their own order,
 * the languages some public listing is held in, regions and municipalities
 * (with their region), by name, sorted the language's way (å, ä, ö after z).
 * Rows: facet, code, name, group, ISO 639-1 code.  The page checks the
 * search's codes against these rows (an unknown one is a 400) before it
 * counts, and lists the languages the counts find.
 *
 * The first row is ('#stamp', stamp): the generations of the listings and of
 * the vocabularies (sql/006_search_speed.sql).  The page keeps the rows with
 * its connection and gives the stamp they came with as the parameter: when it
 * is still the stamp, that row is all the statement returns.  Reading and
 * sending some 400 rows took longer than the rest of a cached search page's
 * database work.  One statement for each page language (in its text), so
 * that PostgreSQL keeps its plan: with the language as a parameter it found
 * planning for its value cheaper every time.  Languages are looked up one by
 * one: as a join, the plan read all 7 000 of them.
 *
 * LANGUAGES: the rows of the language facet for a search that gives a
 * language no listing is held in: those and the given ones (ISO 639-3 or
 * 639-1), in the same order.  Parameter: the given codes. */
#define KT_SQ_VOCAB(facet, table, no) \
    " SELECT '" facet "' AS facet, v.code::text AS code, kt_name(p.lang, v.name_fi, v.name_sv," \
    " v.name_en) AS name, NULL::text AS grp, NULL::text AS code1, " no " AS facet_no," \
    " v.position AS pos FROM " table " v, p"
#define KT_SQ_LANGUAGES(codes) \
    " SELECT 'language' AS facet, y.code, y.name, NULL::text AS grp, y.code1, 4 AS facet_no," \
    " 0 AS pos FROM (SELECT x.code, (SELECT kt_name(p.lang, l.name_fi, l.name_sv, l.name_en)" \
    " FROM languages l WHERE l.code = x.code) AS name," \
    " (SELECT l.code1::text FROM languages l WHERE l.code = x.code) AS code1" \
    " FROM (" codes ") x, p) y WHERE y.name IS NOT NULL"
#define KT_SQ_USED_LANGUAGES \
    "SELECT c.code FROM activity_search_counts c WHERE c.facet = 'language' AND c.n > 0"
#define KT_SQ_BY_NAME \
    " SELECT facet, code, name, grp, code1 FROM named, p ORDER BY facet_no, pos," \
    " (CASE WHEN p.lang = 'fi' THEN name END) COLLATE kt_fi," \
    " (CASE WHEN p.lang = 'sv' THEN name END) COLLATE kt_sv, name COLLATE kt_en, code"
#define KT_SEARCH_SQL_VOCAB(lang) \
    "WITH p AS NOT MATERIALIZED (SELECT '" lang "'::text AS lang," \
    " (SELECT g.n FROM activity_search_generation g) || '.'" \
    " || (SELECT r.n FROM kt_reference_generation r) AS stamp), named AS (" \
    " SELECT '#stamp' AS facet, p.stamp AS code, NULL::text AS name, NULL::text AS grp," \
    " NULL::text AS code1, 0 AS facet_no, 0 AS pos FROM p" \
    " UNION ALL SELECT * FROM (" \
    KT_SQ_VOCAB("form", "activity_forms", "1") " UNION ALL" \
    KT_SQ_VOCAB("theme", "themes", "2") " UNION ALL" \
    KT_SQ_VOCAB("target", "target_groups", "3") " UNION ALL" \
    KT_SQ_LANGUAGES(KT_SQ_USED_LANGUAGES) \
    " UNION ALL SELECT 'region', g.code::text, kt_name(p.lang, g.name_fi, g.name_sv, g.name_en)," \
    " NULL, NULL, 5, 0 FROM regions g, p" \
    " UNION ALL SELECT 'municipality', m.code::text, kt_name(p.lang, m.name_fi, m.name_sv, m.name_en)," \
    " m.region_code::text, NULL, 6, 0 FROM municipalities m, p) v" \
    " WHERE (SELECT p.stamp FROM p) IS DISTINCT FROM %s::text)" KT_SQ_BY_NAME
#define KT_SEARCH_SQL_LANGUAGES(lang) \
    "WITH p AS NOT MATERIALIZED (SELECT '" lang "'::text AS lang," \
    " string_to_array(%s::text, ',') AS given), named AS (" \
    KT_SQ_LANGUAGES(KT_SQ_USED_LANGUAGES " UNION SELECT unnest(p.given) FROM p" \
                    " UNION SELECT l1.code FROM languages l1, p" \
                    " WHERE l1.code1 = ANY (p.given::bpchar[])") ")" KT_SQ_BY_NAME

/* The results in order: their activity ids, `limit` of them from an offset.
 * Sorting reads only activity_search (and, for relevance, the text vector).
 * Sort keys that do not apply are constant NULLs, which the planner drops:
 * newest first then walks the published_at index.  Relevance is
 * kt_search_rank (sql/026_search_rank.sql), which the search index computes
 * the same way: how much of the query the title alone matches, plus the best
 * weight of each exact stem, so that a whole word in a title comes before a
 * compound or a near-miss.  next: the soonest next time
 * (kt_search_next, sql/010_search.sql), those without one last.
 * Parameters: kt_search_sql_args, then the sort (relevance, newest, title,
 * next) and the offset.  RESULTS is one page; ORDER the first
 * KT_SEARCH_ORDER_CACHED of an ordering that ranks (relevance) or sorts
 * (title) every result, which the order cache keeps (CACHE_GET, ORDER_PUT). */
#define KT_SQ_RANK "kt_search_rank(t.tsv, p.q, kt_search_stems(p.qx))"
#define KT_SQ_TITLE_KEY(l) \
    "(CASE WHEN p.sort = 'title' AND p.lang = '" l "'" \
    " THEN kt_name('" l "', t.title_fi, t.title_sv, t.title_en) END) COLLATE kt_" l
#define KT_SQ_NEXT_KEY \
    "(CASE WHEN p.sort = 'next' THEN kt_search_next(s.week_minutes, s.start_date, s.end_date," \
    " s.sessions, (now() AT TIME ZONE 'Europe/Helsinki')::timestamp) END) NULLS LAST"
#define KT_SQ_IDS(limit) \
    KT_SQ_PARAMS ", %s::text AS sort)" \
    " SELECT s.activity_id" KT_SQ_FROM KT_SQ_ALL \
    " ORDER BY CASE WHEN p.sort = 'relevance' THEN " KT_SQ_RANK " END DESC NULLS LAST, " \
    KT_SQ_NEXT_KEY ", " \
    KT_SQ_TITLE_KEY("fi") ", " KT_SQ_TITLE_KEY("sv") ", " KT_SQ_TITLE_KEY("en") "," \
    " s.published_at DESC, s.activity_id DESC LIMIT " KT_SQ_STR(limit) " OFFSET %s::int"
#define KT_SEARCH_ORDER_CACHED 200
#define KT_SEARCH_SQL_RESULTS KT_SQ_IDS(KT_SEARCH_PAGE_SIZE)
#define KT_SEARCH_SQL_ORDER KT_SQ_IDS(KT_SEARCH_ORDER_CACHED)

/* EXPAND: q as the statements read it (kt_search_expand, sql/010_search.sql):
 * the tsquery, the exact stems, a suggestion when a word was replaced by a
 * near-miss, and the filter values words name with q without that word
 * (lists separated by chr(31), which q cannot hold: kt_query refuses it).  Parameter: q.
 * Another kind's (kt_search_kind_init) gives kt_search_expand its table's `expand`. */
#define KT_SEARCH_SQL_EXPAND_HEAD \
    "SELECT query, exact, suggestion, array_to_string(named_params, chr(31))," \
    " array_to_string(named_codes, chr(31)), array_to_string(named_rest, chr(31)) FROM "
#define KT_SEARCH_SQL_EXPAND KT_SEARCH_SQL_EXPAND_HEAD "kt_search_expand(%s::text)"

/* The result cards of the given activity ids, in that order: KT_SUMMARY_COLUMNS,
 * the next time the activity takes place (KT_SQ_NEXT_AT), then the weekly times
 * "weekday HH:MI HH:MI,…", the address and the contact, for the card's weekly
 * pattern and the printed list.  A statement of fixed shape: prepared, its
 * plan kept.  Parameters: the ids as an array literal, the page language. */
#define KT_SEARCH_SQL_SUMMARIES \
    "SELECT " KT_SUMMARY_COLUMNS ", " \
    KT_SQ_NEXT_AT("a.id", "a.version", "a.start_date", "a.end_date") "," \
    " (SELECT string_agg(s.weekday || ' ' || to_char(s.starts, 'HH24:MI') || ' '" \
    " || to_char(s.ends, 'HH24:MI'), ',' ORDER BY s.weekday, s.starts) FROM activity_schedule s" \
    " WHERE s.activity_id = a.id AND s.version = a.version)," \
    " a.street_address, a.postal_code, a.post_office, a.contact_name, a.contact_email," \
    " a.contact_phone" \
    " FROM unnest(%s::bigint[]) WITH ORDINALITY h(id, n)" \
    " JOIN public_activities a ON a.id = h.id" \
    " JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN municipalities m ON m.code = a.municipality_code" \
    " CROSS JOIN (SELECT %s::text AS lang) p" \
    " ORDER BY h.n"

/* INDEX_ROWS: what the search index (kt_facets.h, src/kt_sindex.c) keeps of each
 * public listing, in the order of ids (each bitmap then grows at its end): its id;
 * its count keys, the keys of kt_search_count_keys (and in_person's) as one string
 * joined by chr(30), which no code holds (that function's arrays took 1.3 s for
 * 100 000 listings, these strings 0.2 s; a key is "facet US code", a facet with no
 * code has none); its weekly slots; the generation of the listings, read in the
 * same snapshot; its text vector as text (kt_facets_add_vector reads the weights of
 * the positions: ts_filter and tsvector_to_array for each weight took three times
 * as long); its place in newest first order (published_at DESC, activity_id DESC,
 * as RESULTS orders; 0 the newest: numbered over the listings alone, so that only
 * one sort holds their texts).  No listings at all: one row, its id NULL.
 * Read by the index's own connection, without parameters. */
#define KT_SQ_KEY_LIST(facet, col) \
    " '" facet "' || chr(31) || nullif(array_to_string(" col ", chr(30) || '" facet "' || chr(31))," \
    " ''),"
#define KT_SQ_FLAG_KEY(facet, col) " CASE WHEN " col " THEN '" facet "' || chr(31) || '1' END,"
#define KT_SEARCH_SQL_INDEX_ROWS \
    "SELECT s.activity_id, concat_ws(chr(30), 'total' || chr(31)," \
    KT_SQ_FLAG_KEY("free", "s.is_free") KT_SQ_FLAG_KEY("online", "s.is_online") \
    KT_SQ_FLAG_KEY("in_person", "s.in_person") \
    KT_SQ_KEY_LIST("form", "s.forms") KT_SQ_KEY_LIST("theme", "s.themes") \
    KT_SQ_KEY_LIST("target", "s.targets") KT_SQ_KEY_LIST("language", "s.languages") \
    " CASE WHEN s.is_anywhere THEN 'region*' || chr(31) || chr(30) || 'municipality*' || chr(31)" \
    " ELSE concat_ws(chr(30), 'region' || chr(31) || s.region_code," \
    " 'municipality' || chr(31) || s.municipality_code) END)," \
    " s.slots, g.n, t.tsv::text, s.place" \
    " FROM activity_search_generation g LEFT JOIN (SELECT *, row_number() OVER" \
    " (ORDER BY published_at DESC, activity_id DESC) - 1 AS place FROM activity_search) s" \
    " ON true LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id" \
    " ORDER BY s.activity_id"

#endif
