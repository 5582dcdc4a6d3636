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

/* Facets: for each value of each filter, how many results the search would
 * have with that value as the filter's only one (the filter's own choice left
 * out, every other kept).  Rows: facet, code, count, name, group (a
 * municipality's region), in display order; also 'total' (the results),
 * 'free' and 'online'.  Parameters: kt_search_sql_args.
 *
 * `counts` holds the raw numbers.  When nothing narrows the search they are
 * the precomputed activity_search_counts; otherwise a facet whose filter is
 * not in use counts the result rows `r`, and one in use counts its own rows
 * (r_form, …), which the planner only runs when that filter is set.  Region
 * and municipality counts add the online and nationwide rows (region*,
 * municipality*), which every place includes. */
#define KT_SQ_EVERYTHING \
    " (p.q IS NULL AND p.forms IS NULL AND p.themes IS NULL AND p.targets IS NULL" \
    " AND p.langs IS NULL AND p.regions IS NULL AND p.munis IS NULL AND NOT p.free" \
    " AND NOT p.online)"
#define KT_SQ_COUNTED(v) " FROM " v ", p WHERE NOT" KT_SQ_EVERYTHING
#define KT_SQ_FACET_SRC(col, rows, param) \
    "(SELECT r." col " AS v FROM r, p WHERE p." param " IS NULL" \
    " UNION ALL SELECT " rows "." col " FROM " rows ", p WHERE p." param " IS NOT NULL)"
#define KT_SQ_UNNESTED(facet, col, rows, param) \
    " UNION ALL SELECT '" facet "', code, count(*)" \
    KT_SQ_COUNTED(KT_SQ_FACET_SRC(col, rows, param) " x, unnest(x.v) code") " GROUP BY code"
#define KT_SQ_VOCAB(facet, table, no) \
    " UNION ALL SELECT '" facet "', v.code, coalesce(c.n, 0), kt_name(p.lang, v.name_fi," \
    " v.name_sv, v.name_en), NULL, " no ", v.position FROM " table " v CROSS JOIN p" \
    " LEFT JOIN counts c ON c.facet = '" facet "' AND c.code = v.code"
#define KT_SQ_FLAG(facet, no) \
    " UNION ALL SELECT '" facet "', '1', (SELECT coalesce(sum(n), 0) FROM counts" \
    " WHERE facet = '" facet "'), NULL, NULL, " no ", 0"

#define KT_SEARCH_SQL_FACETS \
    KT_SQ_PARAMS ")" \
    ", r AS MATERIALIZED (SELECT s.forms, s.themes, s.targets, s.languages, s.region_code," \
    " s.municipality_code, s.is_anywhere, s.is_free, s.is_online" KT_SQ_FROM KT_SQ_ALL ")" \
    ", r_form AS (SELECT s.forms" KT_SQ_FROM KT_SQ_Q KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG \
    KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_theme AS (SELECT s.themes" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_TARGET KT_SQ_LANG \
    KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_target AS (SELECT s.targets" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_LANG \
    KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_lang AS (SELECT s.languages" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_TARGET \
    KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_region AS (SELECT s.region_code, s.is_anywhere" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM \
    KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_muni AS (SELECT s.municipality_code, s.is_anywhere" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM \
    KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_REGION KT_SQ_FLAGS ")" \
    ", f_region AS MATERIALIZED (SELECT r.region_code AS code, r.is_anywhere AS anywhere" \
    " FROM r, p WHERE p.regions IS NULL UNION ALL SELECT region_code, is_anywhere" \
    " FROM r_region, p WHERE p.regions IS NOT NULL)" \
    ", f_muni AS MATERIALIZED (SELECT r.municipality_code AS code, r.is_anywhere AS anywhere" \
    " FROM r, p WHERE p.munis IS NULL UNION ALL SELECT municipality_code, is_anywhere" \
    " FROM r_muni, p WHERE p.munis IS NOT NULL)" \
    ", counts AS MATERIALIZED (SELECT c.facet, c.code, c.n FROM activity_search_counts c, p" \
    " WHERE" KT_SQ_EVERYTHING \
    " UNION ALL SELECT 'total', '', count(*)" KT_SQ_COUNTED("r") \
    " UNION ALL SELECT 'free', '1', count(*) FILTER (WHERE r.is_free)" KT_SQ_COUNTED("r") \
    " UNION ALL SELECT 'online', '1', count(*) FILTER (WHERE r.is_online)" KT_SQ_COUNTED("r") \
    KT_SQ_UNNESTED("form", "forms", "r_form", "forms") \
    KT_SQ_UNNESTED("theme", "themes", "r_theme", "themes") \
    KT_SQ_UNNESTED("target", "targets", "r_target", "targets") \
    KT_SQ_UNNESTED("language", "languages", "r_lang", "langs") \
    " UNION ALL SELECT 'region', code, count(*)" KT_SQ_COUNTED("f_region") \
    " AND NOT anywhere GROUP BY code" \
    " UNION ALL SELECT 'region*', '', count(*)" KT_SQ_COUNTED("f_region") " AND anywhere" \
    " UNION ALL SELECT 'municipality', code, count(*)" KT_SQ_COUNTED("f_muni") \
    " AND NOT anywhere GROUP BY code" \
    " UNION ALL SELECT 'municipality*', '', count(*)" KT_SQ_COUNTED("f_muni") " AND anywhere)" \
    /* names sorted the page language's way: å, ä, ö after z */ \
    ", named AS (SELECT 'language' AS facet, l.code, c.n, kt_name(p.lang, l.name_fi, l.name_sv," \
    " l.name_en) AS name, NULL::text AS grp, 4 AS facet_no FROM languages l CROSS JOIN p" \
    " JOIN (SELECT code, n FROM counts WHERE facet = 'language' AND n > 0" \
    " UNION ALL SELECT x, 0 FROM p, unnest(p.langs) x WHERE x NOT IN" \
    " (SELECT code FROM counts WHERE facet = 'language' AND n > 0)) c ON c.code = l.code" \
    " UNION ALL SELECT 'region', g.code::text, coalesce(c.n, 0)" \
    " + (SELECT coalesce(sum(n), 0) FROM counts WHERE facet = 'region*')," \
    " kt_name(p.lang, g.name_fi, g.name_sv, g.name_en), NULL, 5 FROM regions g CROSS JOIN p" \
    " LEFT JOIN counts c ON c.facet = 'region' AND c.code = g.code::text" \
    " UNION ALL SELECT 'municipality', m.code::text, coalesce(c.n, 0)" \
    " + (SELECT coalesce(sum(n), 0) FROM counts WHERE facet = 'municipality*')," \
    " kt_name(p.lang, m.name_fi, m.name_sv, NULL), m.region_code::text, 6" \
    " FROM municipalities m CROSS JOIN p" \
    " LEFT JOIN counts c ON c.facet = 'municipality' AND c.code = m.code::text)" \
    " SELECT 'total', NULL, (SELECT coalesce(sum(n), 0) FROM counts WHERE facet = 'total')," \
    " NULL, NULL, 0 AS facet_no, 0 AS ord" \
    KT_SQ_FLAG("free", "7") KT_SQ_FLAG("online", "8") \
    KT_SQ_VOCAB("form", "activity_forms", "1") KT_SQ_VOCAB("theme", "themes", "2") \
    KT_SQ_VOCAB("target", "target_groups", "3") \
    " UNION ALL SELECT facet, code, n, name, grp, facet_no, (row_number() OVER (PARTITION BY" \
    " facet_no ORDER BY (CASE WHEN p.lang = 'fi' THEN name END) COLLATE kt_fi," \
    " (CASE WHEN p.lang = 'sv' THEN name END) COLLATE kt_sv, name COLLATE kt_en))::int" \
    " FROM named CROSS JOIN p" \
    " ORDER BY facet_no, ord"

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
    " THEN kt_name('" l "', s.title_fi, s.title_sv, s.title_en) END) COLLATE kt_" l " AS t_" l
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
