/* A listing's project as other kinds show it (activities, events, news): its
 * name in each language, so that the page shows the one in its language with
 * the site's fallback (kt_xml_texts).  Pure text, no httpd headers. */
#ifndef KT_PROJECT_SQL_H
#define KT_PROJECT_SQL_H

/* The columns: id, name in fi, sv, en; all NULL while the project is not public
 * (projects.name is NULL then, sql/019_projects.sql: a project that is not
 * public is named nowhere). */
#define KT_PROJECT_NAME_COLUMNS "pr.id, prv.title_fi, prv.title_sv, prv.title_en"
#define KT_PROJECT_NAME_NCOLS 4

/* The join that gives them, for the listing's project column `ref`. */
#define KT_PROJECT_NAME_JOIN(ref) \
    " LEFT JOIN (projects pr JOIN project_versions prv ON prv.project_id = pr.id" \
    "  AND prv.version = pr.published_version) ON pr.id = " ref " AND pr.name IS NOT NULL"

#endif
