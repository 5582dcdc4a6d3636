/* Projects in the database; see kt_project_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_project_db.h"
#include "kt_listing_db.h"
#include "kt_content_db.h"

static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_project_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv,"
    " v.description_en, to_char(v.start_date, 'FMDD.FMMM.YYYY'),"
    " to_char(v.end_date, 'FMDD.FMMM.YYYY'), v.funder, v.funder_name, v.objective,"
    " CASE WHEN %s = 'en' THEN v.grant_eur::text ELSE replace(v.grant_eur::text, '.', ',') END,"
    " array_to_string(v.regions, ','), v.nationwide, v.contact_name, v.contact_email,"
    " v.contact_phone, v.url, array_to_string(v.partners, ','),"
    " array_to_string(v.rules_confirmed, ',')"
    " FROM project_versions v WHERE v.project_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over.
 * Partners only approved organisations other than the project's own, in the
 * order chosen. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_project_save",
    "INSERT INTO project_versions AS v (project_id, version, created_by, title_fi, title_sv,"
    " title_en, description_fi, description_sv, description_en, start_date, end_date, funder,"
    " funder_name, objective, grant_eur, regions, nationwide, contact_name, contact_email,"
    " contact_phone, url, partners, rules_confirmed)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, '')::date,"
    " nullif(%s, '')::date, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, '')::numeric, string_to_array(%s, ','), %s::boolean, nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " ARRAY(SELECT o.id FROM unnest(string_to_array(%s, ',')::bigint[]) WITH ORDINALITY u(id, n)"
    "  JOIN organisations o ON o.id = u.id AND o.status = 'approved' AND o.id <> %s::bigint"
    "  ORDER BY u.n), string_to_array(nullif(%s, ''), ','))"
    " ON CONFLICT (project_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, description_fi = excluded.description_fi,"
    " description_sv = excluded.description_sv, description_en = excluded.description_en,"
    " start_date = excluded.start_date, end_date = excluded.end_date,"
    " funder = excluded.funder, funder_name = excluded.funder_name,"
    " objective = excluded.objective, grant_eur = excluded.grant_eur,"
    " regions = excluded.regions, nationwide = excluded.nationwide,"
    " contact_name = excluded.contact_name, contact_email = excluded.contact_email,"
    " contact_phone = excluded.contact_phone, url = excluded.url,"
    " partners = excluded.partners, rules_confirmed = excluded.rules_confirmed" };

/* Which given codes the vocabularies lack, which partners are not approved
 * organisations (or the project's own): the form sends only what it offered;
 * anything else is a message, never a failed statement. */
static const kt_stmt STMT_CODES KT_STMT_LISTED = { "kt_project_codes",
    "SELECT 'funder', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM project_funders WHERE code = %s)"
    " UNION ALL SELECT 'objective', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM project_objectives WHERE code = %s AND funder = %s)"
    " UNION ALL SELECT 'regions', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM regions WHERE code::text = x)"
    " UNION ALL SELECT 'partners', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id::text = x"
    "  AND o.status = 'approved' AND o.id <> %s::bigint)" };

static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_project_options",
    "SELECT k, code, name FROM (SELECT 'funder', code, kt_name(%s, name_fi, name_sv, name_en),"
    " position FROM project_funders"
    " UNION ALL SELECT 'objective', code, kt_name(%s, name_fi, name_sv, name_en), position"
    " FROM project_objectives"
    " UNION ALL SELECT 'regions', code::text, kt_name(%s, name_fi, name_sv, name_en), 0"
    " FROM regions"
    " UNION ALL SELECT 'partners', id::text, name, 0 FROM organisations"
    " WHERE status = 'approved'"
    "  AND id <> ALL (string_to_array(%s, ',')::bigint[]))"
    " x(k, code, name, pos) ORDER BY k, pos, name COLLATE kt_fi, code" };

kt_db_status kt_project_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     int version, kt_project *pr, const char **rules,
                                     int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 3, args, 20, &col, found);
    int i;

    if (!*found) {
        return st;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        pr->title[i] = col[i];
        pr->description[i] = col[3 + i];
    }
    pr->start_date = col[6];
    pr->end_date = col[7];
    pr->funder = col[8];
    pr->funder_name = col[9];
    pr->objective = col[10];
    pr->grant = col[11];
    pr->regions = kt_content_split(p, col[12], ",");
    pr->nationwide = col[13][0] == 't';
    pr->contact_name = col[14];
    pr->contact_email = col[15];
    pr->contact_phone = col[16];
    pr->url = col[17];
    pr->partners = kt_content_split(p, col[18], ",");
    if (rules) {
        *rules = col[19];
    }
    return st;
}

kt_db_status kt_project_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author,
                                     const kt_project *pr, const char *rules)
{
    const char *args[25];
    int n = 0;

    args[n++] = id;
    args[n++] = apr_itoa(p, version);
    args[n++] = author;
    kt_content_langs(args, &n, pr->title);
    kt_content_langs(args, &n, pr->description);
    args[n++] = kt_content_canon(p, kt_listing_date, pr->start_date);
    args[n++] = kt_content_canon(p, kt_listing_date, pr->end_date);
    args[n++] = pr->funder;
    args[n++] = strcmp(pr->funder, "other") == 0 ? pr->funder_name : "";
    args[n++] = pr->objective;
    args[n++] = kt_content_canon(p, kt_project_amount, pr->grant);
    args[n++] = kt_listing_join(p, pr->regions);
    args[n++] = pr->nationwide ? "true" : "false";
    args[n++] = pr->contact_name;
    args[n++] = pr->contact_email;
    args[n++] = pr->contact_phone;
    args[n++] = pr->url;
    args[n++] = kt_listing_join(p, pr->partners);
    args[n++] = org;
    args[n++] = rules ? rules : "";
    return kt_db_exec(db, &STMT_SAVE, NULL, n, args);
}

kt_db_status kt_project_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_project *pr,
                                    kt_listing_err err, void *baton, int *problems)
{
    const char *args[10];

    args[0] = args[1] = args[2] = pr->funder;
    args[3] = args[4] = args[5] = pr->objective;
    args[6] = pr->funder;
    args[7] = kt_listing_join(p, pr->regions);
    args[8] = kt_listing_join(p, pr->partners);
    args[9] = org;
    return kt_content_codes(db, p, &STMT_CODES, 10, args, NULL, err, baton, problems);
}

kt_db_status kt_project_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[4] = { l, l, l, orgs ? orgs : "" };

    (void)languages;
    return kt_content_options(db, p, &STMT_OPTIONS, 4, args, 0, parent);
}
