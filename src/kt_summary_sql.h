/* The columns of an activity summary card (kt_activity_add_summary), shared by
 * every list of activities.  Pure text, no httpd headers. */
#ifndef KT_SUMMARY_SQL_H
#define KT_SUMMARY_SQL_H

/* In the order kt_activity_add_summary reads them: the query calls the public
 * activity `a` (public_activities), its organisation `o`, its municipality `m`
 * (left join) and has `p.lang`. */
#define KT_SUMMARY_COLUMNS \
    "a.id, a.title_fi, a.title_sv, a.title_en, kt_forms_text(a.forms, p.lang)," \
    " kt_languages_text(a.languages, p.lang), a.municipality_code," \
    " kt_name(p.lang, m.name_fi, m.name_sv, NULL), a.is_online, a.is_nationwide, a.price_eur," \
    " o.id, o.name"
#define KT_SUMMARY_NCOLS 13

#endif
