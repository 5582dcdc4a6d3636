/* The SQL of the search statements (kt_search_page.c), as macros: pure text,
 * no httpd headers, so that build/kt-search-sql (tools/kt_search_sql.c) can
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
#include "kt_summary_sql.h"

#define KT_SQ_STR_(x) #x
#define KT_SQ_STR(x) KT_SQ_STR_(x)

/* The parameters shared by the statements (kt_search_sql_args), named once. */
#define KT_SQ_PARAMS \
    "WITH p AS NOT MATERIALIZED (SELECT %s::text AS lang, %s::text AS q," \
    " string_to_array(%s::text, ',') AS forms, string_to_array(%s::text, ',') AS themes," \
    " string_to_array(%s::text, ',') AS targets, string_to_array(%s::text, ',') AS langs," \
    " string_to_array(%s::text, ',') AS regions, string_to_array(%s::text, ',') AS munis," \
    " %s::text IS NOT NULL AS free, %s::text IS NOT NULL AS online"

/* The searched rows.  activity_search_text is joined only for a text query:
 * without one nothing refers to it and the planner removes the join. */
#define KT_SQ_FROM \
    " FROM activity_search s LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id" \
    " CROSS JOIN p WHERE "

/* One condition per parameter; a facet's rows leave out its own. */
#define KT_SQ_Q \
    "(p.q IS NULL OR t.tsv_fi @@ kt_search_tsquery('finnish', p.q)" \
    " OR t.tsv_sv @@ kt_search_tsquery('swedish', p.q)" \
    " OR t.tsv_en @@ kt_search_tsquery('english', p.q))"
#define KT_SQ_FORM   " AND (p.forms IS NULL OR s.forms && p.forms)"
#define KT_SQ_THEME  " AND (p.themes IS NULL OR s.themes && p.themes)"
#define KT_SQ_TARGET " AND (p.targets IS NULL OR s.targets && p.targets)"
#define KT_SQ_LANG   " AND (p.langs IS NULL OR s.languages && p.langs)"
/* Online and nationwide activities are available in every place. */
#define KT_SQ_REGION " AND (p.regions IS NULL OR s.region_code = ANY (p.regions) OR s.is_anywhere)"
#define KT_SQ_MUNI   " AND (p.munis IS NULL OR s.municipality_code = ANY (p.munis) OR s.is_anywhere)"
#define KT_SQ_FLAGS  " AND (NOT p.free OR s.is_free) AND (NOT p.online OR s.is_online)"
#define KT_SQ_ALL    KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS

/* Every given code with its canonical form, NULL when the site does not know
 * it.  Languages map ISO 639-1 to 639-3.  Parameters: the comma-separated
 * codes of form, theme, target, language, region, municipality (NULL: none). */
#define KT_SEARCH_SQL_CODES \
    "SELECT 'form', x, (SELECT code FROM activity_forms WHERE code = x)" \
    " FROM unnest(string_to_array(%s::text, ',')) x" \
    " UNION ALL SELECT 'theme', x, (SELECT code FROM themes WHERE code = x)" \
    " FROM unnest(string_to_array(%s::text, ',')) x" \
    " UNION ALL SELECT 'target', x, (SELECT code FROM target_groups WHERE code = x)" \
    " FROM unnest(string_to_array(%s::text, ',')) x" \
    " UNION ALL SELECT 'language', x, CASE WHEN length(x) = 2" \
    " THEN (SELECT code FROM languages WHERE code1 = x::bpchar)" \
    " ELSE (SELECT code FROM languages WHERE code = x) END" \
    " FROM unnest(string_to_array(%s::text, ',')) x" \
    " UNION ALL SELECT 'region', x, (SELECT code::text FROM regions WHERE code = x::bpchar)" \
    " FROM unnest(string_to_array(%s::text, ',')) x" \
    " UNION ALL SELECT 'municipality', x," \
    " (SELECT code::text FROM municipalities WHERE code = x::bpchar)" \
    " FROM unnest(string_to_array(%s::text, ',')) x"

/* Facet counts: for each value of each filter, how many results the search
 * would have with that value as the filter's only one (the filter's own choice
 * left out, every other kept).  kt_search_page.c puts them together from these
 * small statements (a single one doing it all took longer to plan than to run):
 *
 * COUNTS_R: every facet over the results `r`, as (facet, code, n) rows with
 * the keys of kt_search_count_keys (sql/003_search.sql): total, free, online,
 * form/theme/target/language per code, region and municipality per code for
 * listings in one place, region* and municipality* for those available
 * everywhere (which every place includes).  One GROUP BY a facet over the
 * materialized rows: cheaper than one pass building every key of every row.
 * Parameters: kt_search_sql_args. */
#define KT_SQ_UNNEST_COUNT(facet, col) \
    " UNION ALL SELECT '" facet "', x, count(*) FROM r, unnest(r." col ") x GROUP BY x"
#define KT_SQ_PLACE_COUNT(facet, col) \
    " UNION ALL SELECT CASE WHEN is_anywhere THEN '" facet "*' ELSE '" facet "' END," \
    " CASE WHEN is_anywhere THEN '' ELSE " col " END, count(*) FROM r GROUP BY 1, 2"
#define KT_SEARCH_SQL_COUNTS_R \
    KT_SQ_PARAMS ")" \
    ", r AS MATERIALIZED (SELECT s.forms, s.themes, s.targets, s.languages, s.region_code," \
    " s.municipality_code, s.is_anywhere, s.is_free, s.is_online" KT_SQ_FROM KT_SQ_ALL ")" \
    " SELECT x.facet, x.code, x.n FROM (SELECT count(*) AS t," \
    " count(*) FILTER (WHERE is_free) AS f, count(*) FILTER (WHERE is_online) AS o FROM r) a," \
    " LATERAL (VALUES ('total', '', a.t), ('free', '1', a.f), ('online', '1', a.o))" \
    " x(facet, code, n)" \
    KT_SQ_UNNEST_COUNT("form", "forms") KT_SQ_UNNEST_COUNT("theme", "themes") \
    KT_SQ_UNNEST_COUNT("target", "targets") KT_SQ_UNNEST_COUNT("language", "languages") \
    KT_SQ_PLACE_COUNT("region", "region_code") \
    KT_SQ_PLACE_COUNT("municipality", "municipality_code")

/* COUNTS_DIM: one facet whose filter is in use, over the rows that all the
 * other filters leave (its own is off).  Parameters: kt_search_sql_args, then
 * the facet (form, theme, target, language, region, municipality).  The CASEs
 * fold to one column when planned for the values at hand. */
#define KT_SQ_BUT(dim, cond) " AND (p.dim = '" dim "' OR " cond ")"
#define KT_SEARCH_SQL_COUNTS_DIM \
    KT_SQ_PARAMS ", %s::text AS dim)" \
    " SELECT CASE WHEN p.dim IN ('region', 'municipality') AND s.is_anywhere" \
    " THEN p.dim || '*' ELSE p.dim END, x.code, count(*)" \
    " FROM activity_search s LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id" \
    " CROSS JOIN p CROSS JOIN LATERAL unnest(CASE p.dim WHEN 'form' THEN s.forms" \
    " WHEN 'theme' THEN s.themes WHEN 'target' THEN s.targets WHEN 'language' THEN s.languages" \
    " WHEN 'region' THEN ARRAY[CASE WHEN s.is_anywhere THEN '' ELSE s.region_code END]" \
    " ELSE ARRAY[CASE WHEN s.is_anywhere THEN '' ELSE s.municipality_code END] END) x(code)" \
    " WHERE " KT_SQ_Q \
    KT_SQ_BUT("form", "p.forms IS NULL OR s.forms && p.forms") \
    KT_SQ_BUT("theme", "p.themes IS NULL OR s.themes && p.themes") \
    KT_SQ_BUT("target", "p.targets IS NULL OR s.targets && p.targets") \
    KT_SQ_BUT("language", "p.langs IS NULL OR s.languages && p.langs") \
    KT_SQ_BUT("region", "p.regions IS NULL OR s.region_code = ANY (p.regions) OR s.is_anywhere") \
    KT_SQ_BUT("municipality", \
              "p.munis IS NULL OR s.municipality_code = ANY (p.munis) OR s.is_anywhere") \
    KT_SQ_FLAGS " AND x.code IS NOT NULL GROUP BY 1, 2"

/* COUNTS_STORED: the precomputed counts over every public listing, for a facet
 * whose rows are all of them (nothing else narrows the search) or, with NULL,
 * for all facets (nothing narrows it at all).  Parameter: the facet, three
 * times (its own and its starred counts). */
#define KT_SEARCH_SQL_COUNTS_STORED \
    "SELECT facet, code, n FROM activity_search_counts" \
    " WHERE %s::text IS NULL OR facet IN (%s::text, %s::text || '*')"

/* VOCAB: every value a facet offers, named in the page's language and in the
 * order the page lists them: forms, themes and targets in their own order,
 * languages (the given ISO 639-3 codes), regions and municipalities (with their
 * region) by name, sorted the language's way (å, ä, ö after z).  Rows: facet,
 * code, name, group.  Parameters: page language, language codes. */
#define KT_SQ_VOCAB(facet, table, no) \
    " SELECT '" facet "' AS facet, v.code::text AS code, kt_name(p.lang, v.name_fi, v.name_sv," \
    " v.name_en) AS name, NULL::text AS grp, " no " AS facet_no, v.position AS pos" \
    " FROM " table " v, p"
#define KT_SEARCH_SQL_VOCAB \
    "WITH p AS NOT MATERIALIZED (SELECT %s::text AS lang," \
    " string_to_array(%s::text, ',') AS langs), named AS (" \
    KT_SQ_VOCAB("form", "activity_forms", "1") " UNION ALL" \
    KT_SQ_VOCAB("theme", "themes", "2") " UNION ALL" \
    KT_SQ_VOCAB("target", "target_groups", "3") \
    " UNION ALL SELECT 'language', l.code, kt_name(p.lang, l.name_fi, l.name_sv, l.name_en)," \
    " NULL, 4, 0 FROM languages l, p WHERE l.code = ANY (p.langs)" \
    " UNION ALL SELECT 'region', g.code::text, kt_name(p.lang, g.name_fi, g.name_sv, g.name_en)," \
    " NULL, 5, 0 FROM regions g, p" \
    " UNION ALL SELECT 'municipality', m.code::text, kt_name(p.lang, m.name_fi, m.name_sv, NULL)," \
    " m.region_code::text, 6, 0 FROM municipalities m, p)" \
    " SELECT facet, code, name, grp FROM named, p ORDER BY facet_no, pos," \
    " (CASE WHEN p.lang = 'fi' THEN name END) COLLATE kt_fi," \
    " (CASE WHEN p.lang = 'sv' THEN name END) COLLATE kt_sv, name COLLATE kt_en, code"

/* One page of results: KT_SUMMARY_COLUMNS and the next time.  Sorting and
 * paging read only activity_search (and, for relevance, the text vectors);
 * only the page's rows are joined to the full listing.  Sort keys that do not
 * apply are constant NULLs, which the planner drops: newest first then walks
 * the published_at index.  Parameters: kt_search_sql_args, then the sort
 * (relevance, newest, title) and the offset. */
#define KT_SQ_RANK \
    "greatest(ts_rank(t.tsv_fi, kt_search_tsquery('finnish', p.q))," \
    " ts_rank(t.tsv_sv, kt_search_tsquery('swedish', p.q))," \
    " ts_rank(t.tsv_en, kt_search_tsquery('english', p.q)))"
#define KT_SQ_TITLE_KEY(l) \
    "(CASE WHEN p.sort = 'title' AND p.lang = '" l "'" \
    " THEN kt_name('" l "', t.title_fi, t.title_sv, t.title_en) END) COLLATE kt_" l " AS t_" l
#define KT_SQ_ORDER(h) \
    " ORDER BY " h "rank DESC NULLS LAST, " h "t_fi, " h "t_sv, " h "t_en," \
    " " h "published_at DESC, " h "activity_id DESC"

#define KT_SEARCH_SQL_RESULTS \
    KT_SQ_PARAMS ", %s::text AS sort)" \
    ", hits AS (SELECT s.activity_id, s.published_at," \
    " CASE WHEN p.sort = 'relevance' THEN " KT_SQ_RANK " END AS rank, " \
    KT_SQ_TITLE_KEY("fi") ", " KT_SQ_TITLE_KEY("sv") ", " KT_SQ_TITLE_KEY("en") \
    KT_SQ_FROM KT_SQ_ALL KT_SQ_ORDER("") \
    " LIMIT " KT_SQ_STR(KT_SEARCH_PAGE_SIZE) " OFFSET %s::int)" \
    " SELECT " KT_SUMMARY_COLUMNS ", kt_next_time(a.id, a.version, now())" \
    " FROM hits h JOIN public_activities a ON a.id = h.activity_id" \
    " JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN municipalities m ON m.code = a.municipality_code CROSS JOIN p" \
    KT_SQ_ORDER("h.")

#endif
