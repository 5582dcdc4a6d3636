/* News items in the database; see kt_news_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_news_db.h"
#include "kt_content_db.h"
#include "kt_xml.h"

/* The related item as the form names it: "organisation-12" … */
#define RELATED \
    "coalesce('organisation-' || v.related_organisation_id, 'project-' || v.related_project_id," \
    " 'event-' || v.related_event_id, '')"

static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_news_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.summary_fi, v.summary_sv, v.summary_en,"
    " v.body_fi, v.body_sv, v.body_en, " RELATED ", array_to_string(v.rules_confirmed, ',')"
    " FROM news_versions v WHERE v.news_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_news_save",
    "INSERT INTO news_versions AS v (news_id, version, created_by, title_fi, title_sv, title_en,"
    " summary_fi, summary_sv, summary_en, body_fi, body_sv, body_en, related_organisation_id,"
    " related_project_id, related_event_id)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, '')::bigint, nullif(%s, '')::bigint, nullif(%s, '')::bigint)"
    " ON CONFLICT (news_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, summary_fi = excluded.summary_fi,"
    " summary_sv = excluded.summary_sv, summary_en = excluded.summary_en,"
    " body_fi = excluded.body_fi, body_sv = excluded.body_sv, body_en = excluded.body_en,"
    " related_organisation_id = excluded.related_organisation_id,"
    " related_project_id = excluded.related_project_id,"
    " related_event_id = excluded.related_event_id" };

/* 1 when the item is public now (%s: kind, id, as the form names them). */
static const kt_stmt STMT_PUBLIC KT_STMT_LISTED = { "kt_news_related_public",
    "SELECT CASE %s"
    " WHEN 'organisation' THEN EXISTS (SELECT 1 FROM organisations o"
    "  WHERE o.id = %s::bigint AND o.status = 'approved')"
    " WHEN 'project' THEN EXISTS (SELECT 1 FROM projects pr JOIN organisations o"
    "  ON o.id = pr.organisation_id AND o.status = 'approved' WHERE pr.id = %s::bigint"
    "  AND pr.name IS NOT NULL)"
    " WHEN 'event' THEN EXISTS (SELECT 1 FROM public_events e WHERE e.id = %s::bigint)"
    " ELSE false END" };

/* Events with their day, so that two of one name can be told apart. */
static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_news_options",
    "SELECT k, id, name FROM ("
    " SELECT 1, 'organisation', o.id, o.name FROM organisations o WHERE o.status = 'approved'"
    " UNION ALL SELECT 2, 'project', pr.id, kt_name(%s, prv.title_fi, prv.title_sv, prv.title_en)"
    "  FROM projects pr"
    "  JOIN organisations o ON o.id = pr.organisation_id AND o.status = 'approved'"
    "  JOIN project_versions prv ON prv.project_id = pr.id AND prv.version = pr.published_version"
    "  WHERE pr.name IS NOT NULL"
    " UNION ALL SELECT 3, 'event', e.id, kt_name(%s, e.title_fi, e.title_sv, e.title_en)"
    "  || coalesce(' (' || to_char(e.start_date, 'FMDD.FMMM.YYYY') || ')', '')"
    "  FROM public_events e) x(n, k, id, name)"
    " ORDER BY n, name COLLATE kt_fi, id" };

kt_db_status kt_news_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                  int version, kt_news_item *n, const char **rules, int *found)
{
    const char *args[2] = { id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 2, args, 11, &col, found);
    int i;
    (void)lang;

    if (!*found) {
        return st;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = col[i];
        n->summary[i] = col[3 + i];
        n->body[i] = col[6 + i];
    }
    n->related = col[9];
    if (rules) {
        *rules = col[10];
    }
    return st;
}

kt_db_status kt_news_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                  const char *author, const kt_news_item *n)
{
    const char *args[15], *kind = "", *rid = "";
    int i, k = 0;

    args[k++] = id;
    args[k++] = apr_itoa(p, version);
    args[k++] = author;
    kt_content_langs(args, &k, n->title);
    kt_content_langs(args, &k, n->summary);
    kt_content_langs(args, &k, n->body);
    /* what does not parse stays out: the checks said so already */
    kt_news_related_parse(p, n->related, &kind, &rid);
    for (i = 0; kt_news_related_kinds[i]; i++) {
        args[k++] = strcmp(kind, kt_news_related_kinds[i]) == 0 ? rid : "";
    }
    return kt_db_exec(db, &STMT_SAVE, NULL, k, args);
}

kt_db_status kt_news_check_codes(kt_db *db, apr_pool_t *p, kt_news_item *n, kt_listing_err err,
                                 void *baton, int *problems)
{
    const char *kind, *id, *args[4], *ok = NULL;
    kt_db_status st;

    if (!*n->related || !kt_news_related_parse(p, n->related, &kind, &id)) {
        return KT_DB_OK;     /* empty, or refused by kt_news_item_check */
    }
    args[0] = kind;
    args[1] = args[2] = args[3] = id;
    st = kt_db_value(db, &STMT_PUBLIC, &ok, 4, args);
    if (st == KT_DB_OK && (!ok || ok[0] != 't')) {
        err(baton, "related", "related.invalid");
        (*problems)++;
    }
    return st;
}

kt_db_status kt_news_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                             const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *args[2] = { kt_lang_codes[lang], kt_lang_codes[lang] };
    xmlNodePtr list = kt_xml_add(p, parent, "options", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_OPTIONS, &res, 2, args);
    (void)orgs;
    (void)languages;

    kt_xml_attr(p, list, "for", "related");
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *kind = kt_db_get(db, row, 0);
        xmlNodePtr o = kt_xml_add(p, list, "option", kt_db_get(db, row, 2));
        kt_xml_attr(p, o, "value", apr_pstrcat(p, kind, "-", kt_db_get(db, row, 1), NULL));
        kt_xml_attr(p, o, "group", kind);
    }
    return st;
}
