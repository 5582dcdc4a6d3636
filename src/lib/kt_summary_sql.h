/* The columns of an activity summary card (kt_activity_add_summary), shared by
 * every list of activities.  Pure text, no httpd headers. */
#ifndef KT_SUMMARY_SQL_H
#define KT_SUMMARY_SQL_H

/* In the order kt_activity_add_summary reads them: the query calls the public
 * activity `a` (public_activities), its organisation `o`, its municipality `m`
 * (left join) and has `p.lang`.  The forms and languages as kt_forms_text and
 * kt_languages_text give them (sql/001_init.sql; KT_VOCAB_TEXT is any of
 * kt_forms_text, kt_themes_text, kt_targets_text), written out: a SQL function
 * that is not inlined is planned anew in every execution of the statement
 * calling it, written out it is planned with the statement (and kept with its
 * plan). */
#define KT_VOCAB_TEXT(table, codes) \
    "(SELECT string_agg(t.code || chr(31) || kt_name(p.lang, t.name_fi, t.name_sv, t.name_en)," \
    " chr(30) ORDER BY t.position) FROM " table " t WHERE t.code = ANY (" codes "))"
#define KT_SUMMARY_FORMS(codes) KT_VOCAB_TEXT("activity_forms", codes)
#define KT_SUMMARY_LANGUAGES(codes) \
    "(SELECT string_agg(l.code || chr(31) || kt_name(p.lang, l.name_fi, l.name_sv, l.name_en)," \
    " chr(30) ORDER BY u.n) FROM unnest(" codes ") WITH ORDINALITY AS u(code, n)" \
    " JOIN languages l ON l.code = u.code)"
#define KT_SUMMARY_COLUMNS \
    "a.id, a.title_fi, a.title_sv, a.title_en, " KT_SUMMARY_FORMS("a.forms") ", " \
    KT_SUMMARY_LANGUAGES("a.languages") ", a.municipality_code," \
    " kt_name(p.lang, m.name_fi, m.name_sv, m.name_en), a.is_online, a.is_nationwide, a.price_eur," \
    " o.id, o.name"
#define KT_SUMMARY_NCOLS 13

/* The next time an activity takes place after now (Helsinki time,
 * 'YYYY-MM-DDTHH:MI'), NULL when there is none: the earlier of its next weekly
 * slot within its period and its next dated session, as kt_next_time
 * (sql/003_search.sql) computes it, written out for the reason above.  A
 * scalar subquery over the activity's id, version and period (SQL
 * expressions). */
#define KT_SQ_NEXT_AT(id, ver, start, end) \
    "(SELECT to_char(min(w.at), 'YYYY-MM-DD\"T\"HH24:MI')" \
    " FROM (SELECT now() AT TIME ZONE 'Europe/Helsinki' AS ts) t, LATERAL (" \
    " SELECT e.d + s.starts AS at FROM activity_schedule s," \
    " LATERAL (SELECT greatest(t.ts::date, coalesce(" start ", t.ts::date)) AS base) b," \
    " LATERAL (SELECT b.base + mod(s.weekday - extract(isodow FROM b.base)::int + 7, 7) AS d0) c," \
    " LATERAL (SELECT CASE WHEN c.d0 + s.starts <= t.ts THEN c.d0 + 7 ELSE c.d0 END AS d) e" \
    " WHERE s.activity_id = " id " AND s.version = " ver \
    " AND (" end " IS NULL OR e.d <= " end ")" \
    " UNION ALL SELECT min(x.starts_at) FROM activity_sessions x" \
    " WHERE x.activity_id = " id " AND x.version = " ver " AND x.starts_at > t.ts) w)"

#endif
