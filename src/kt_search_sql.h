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
 * municipality's region), in display order.  Also 'total' (the results),
 * 'free' and 'online'.  A facet whose filter is not in use counts the result
 * rows `r`; one in use counts its own rows (r_form, …), which the planner only
 * runs when that filter is set.  Municipality and region counts add the online
 * and nationwide rows, which every place includes.  Parameters:
 * kt_search_sql_args. */
#define KT_SEARCH_SQL_FACETS \
    KT_SQ_PARAMS ")" \
    ", r AS MATERIALIZED (SELECT s.forms, s.themes, s.targets, s.languages, s.region_code," \
    " s.municipality_code, s.is_anywhere, s.is_free, s.is_online" KT_SQ_FROM KT_SQ_ALL ")" \
    ", r_form AS (SELECT s.forms" KT_SQ_FROM KT_SQ_Q KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_theme AS (SELECT s.themes" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_TARGET KT_SQ_LANG KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_target AS (SELECT s.targets" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_LANG KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_lang AS (SELECT s.languages" KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_TARGET KT_SQ_REGION KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_region AS (SELECT s.region_code, s.is_anywhere" \
    KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_MUNI KT_SQ_FLAGS ")" \
    ", r_muni AS (SELECT s.municipality_code, s.is_anywhere" \
    KT_SQ_FROM KT_SQ_Q KT_SQ_FORM KT_SQ_THEME KT_SQ_TARGET KT_SQ_LANG KT_SQ_REGION KT_SQ_FLAGS ")" \
    ", f_form AS (SELECT code, count(*) AS n FROM" \
    " (SELECT r.forms AS v FROM r, p WHERE p.forms IS NULL" \
    " UNION ALL SELECT r_form.forms FROM r_form, p WHERE p.forms IS NOT NULL) x," \
    " unnest(x.v) code GROUP BY code)" \
    ", f_theme AS (SELECT code, count(*) AS n FROM" \
    " (SELECT r.themes AS v FROM r, p WHERE p.themes IS NULL" \
    " UNION ALL SELECT r_theme.themes FROM r_theme, p WHERE p.themes IS NOT NULL) x," \
    " unnest(x.v) code GROUP BY code)" \
    ", f_target AS (SELECT code, count(*) AS n FROM" \
    " (SELECT r.targets AS v FROM r, p WHERE p.targets IS NULL" \
    " UNION ALL SELECT r_target.targets FROM r_target, p WHERE p.targets IS NOT NULL) x," \
    " unnest(x.v) code GROUP BY code)" \
    ", f_lang AS (SELECT code, count(*) AS n FROM" \
    " (SELECT r.languages AS v FROM r, p WHERE p.langs IS NULL" \
    " UNION ALL SELECT r_lang.languages FROM r_lang, p WHERE p.langs IS NOT NULL) x," \
    " unnest(x.v) code GROUP BY code)" \
    ", f_region AS MATERIALIZED (SELECT r.region_code AS code, r.is_anywhere AS anywhere" \
    " FROM r, p WHERE p.regions IS NULL" \
    " UNION ALL SELECT r_region.region_code, r_region.is_anywhere FROM r_region, p" \
    " WHERE p.regions IS NOT NULL)" \
    ", f_muni AS MATERIALIZED (SELECT r.municipality_code AS code, r.is_anywhere AS anywhere" \
    " FROM r, p WHERE p.munis IS NULL" \
    " UNION ALL SELECT r_muni.municipality_code, r_muni.is_anywhere FROM r_muni, p" \
    " WHERE p.munis IS NOT NULL)" \
    /* names sorted the page language's way: å, ä, ö after z */ \
    ", named AS (SELECT 'language' AS facet, l.code, c.n, kt_name(p.lang, l.name_fi, l.name_sv," \
    " l.name_en) AS name, NULL::text AS grp, 4 AS facet_no FROM languages l CROSS JOIN p" \
    " JOIN (SELECT code, n FROM f_lang UNION ALL SELECT x, 0 FROM p, unnest(p.langs) x" \
    " WHERE x NOT IN (SELECT code FROM f_lang)) c ON c.code = l.code" \
    " UNION ALL SELECT 'region', g.code::text, coalesce(c.n, 0) + a.n," \
    " kt_name(p.lang, g.name_fi, g.name_sv, g.name_en), NULL, 5 FROM regions g CROSS JOIN p" \
    " CROSS JOIN (SELECT count(*) AS n FROM f_region WHERE anywhere) a" \
    " LEFT JOIN (SELECT code, count(*) AS n FROM f_region WHERE NOT anywhere GROUP BY code) c" \
    " ON c.code = g.code::text" \
    " UNION ALL SELECT 'municipality', m.code::text, coalesce(c.n, 0) + a.n," \
    " kt_name(p.lang, m.name_fi, m.name_sv, NULL), m.region_code::text, 6" \
    " FROM municipalities m CROSS JOIN p" \
    " CROSS JOIN (SELECT count(*) AS n FROM f_muni WHERE anywhere) a" \
    " LEFT JOIN (SELECT code, count(*) AS n FROM f_muni WHERE NOT anywhere GROUP BY code) c" \
    " ON c.code = m.code::text)" \
    " SELECT 'total', NULL, count(*), NULL, NULL, 0 AS facet_no, 0 AS ord FROM r" \
    " UNION ALL SELECT 'free', '1', count(*) FILTER (WHERE r.is_free), NULL, NULL, 7, 0 FROM r" \
    " UNION ALL SELECT 'online', '1', count(*) FILTER (WHERE r.is_online), NULL, NULL, 8, 0 FROM r" \
    " UNION ALL SELECT 'form', v.code, coalesce(c.n, 0), kt_name(p.lang, v.name_fi, v.name_sv," \
    " v.name_en), NULL, 1, v.position FROM activity_forms v CROSS JOIN p" \
    " LEFT JOIN f_form c ON c.code = v.code" \
    " UNION ALL SELECT 'theme', v.code, coalesce(c.n, 0), kt_name(p.lang, v.name_fi, v.name_sv," \
    " v.name_en), NULL, 2, v.position FROM themes v CROSS JOIN p" \
    " LEFT JOIN f_theme c ON c.code = v.code" \
    " UNION ALL SELECT 'target', v.code, coalesce(c.n, 0), kt_name(p.lang, v.name_fi, v.name_sv," \
    " v.name_en), NULL, 3, v.position FROM target_groups v CROSS JOIN p" \
    " LEFT JOIN f_target c ON c.code = v.code" \
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
