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

#endif
