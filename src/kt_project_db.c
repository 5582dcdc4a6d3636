/* Projects in the database; see kt_project_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_project_db.h"
#include "kt_listing_db.h"
#include "kt_xml.h"

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

static apr_array_header_t *split(apr_pool_t *p, const char *s)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    char *c, *state = NULL, *item;

    if (!s || !*s) {
        return out;
    }
    c = apr_pstrdup(p, s);
    for (item = apr_strtok(c, ",", &state); item; item = apr_strtok(NULL, ",", &state)) {
        APR_ARRAY_PUSH(out, const char *) = item;
    }
    return out;
}

static const char *text_or_empty(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : "";
}

kt_db_status kt_project_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     int version, kt_project *pr, const char **rules,
                                     int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_VERSION, &res, 3, args);
    int i;

    *found = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
#define COL(n) text_or_empty(p, kt_db_get(db, row, (n)))
        for (i = 0; i < KT_LANG_COUNT; i++) {
            pr->title[i] = COL(i);
            pr->description[i] = COL(3 + i);
        }
        pr->start_date = COL(6);
        pr->end_date = COL(7);
        pr->funder = COL(8);
        pr->funder_name = COL(9);
        pr->objective = COL(10);
        pr->grant = COL(11);
        pr->regions = split(p, COL(12));
        pr->nationwide = COL(13)[0] == 't';
        pr->contact_name = COL(14);
        pr->contact_email = COL(15);
        pr->contact_phone = COL(16);
        pr->url = COL(17);
        pr->partners = split(p, COL(18));
        if (rules) {
            *rules = COL(19);
        }
#undef COL
        *found = 1;
    }
    return st;
}

kt_db_status kt_project_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author,
                                     const kt_project *pr, const char *rules)
{
    const char *args[25], *d;
    int i, n = 0;

    args[n++] = id;
    args[n++] = apr_itoa(p, version);
    args[n++] = author;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        args[n++] = pr->title[i];
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        args[n++] = pr->description[i];
    }
    /* what does not parse stays out: the checks said so already */
    args[n++] = (d = kt_listing_date(p, pr->start_date)) ? d : "";
    args[n++] = (d = kt_listing_date(p, pr->end_date)) ? d : "";
    args[n++] = pr->funder;
    args[n++] = strcmp(pr->funder, "other") == 0 ? pr->funder_name : "";
    args[n++] = pr->objective;
    args[n++] = (d = kt_project_amount(p, pr->grant)) ? d : "";
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
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_hash_t *reported = apr_hash_make(p);
    kt_db_status st;

    args[0] = args[1] = args[2] = pr->funder;
    args[3] = args[4] = args[5] = pr->objective;
    args[6] = pr->funder;
    args[7] = kt_listing_join(p, pr->regions);
    args[8] = kt_listing_join(p, pr->partners);
    args[9] = org;
    st = kt_db_select(db, &STMT_CODES, &res, 10, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *field = apr_pstrdup(p, kt_db_get(db, row, 0));
        if (apr_hash_get(reported, field, APR_HASH_KEY_STRING)) {
            continue;
        }
        apr_hash_set(reported, field, APR_HASH_KEY_STRING, field);
        err(baton, field, apr_pstrcat(p, field, ".invalid", NULL));
        (*problems)++;
    }
    return st;
}

kt_db_status kt_project_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[4] = { l, l, l, orgs ? orgs : "" };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st = kt_db_select(db, &STMT_OPTIONS, &res, 4, args);
    (void)languages;

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *name = kt_db_get(db, row, 0);
        if (strcmp(name, current) != 0) {
            current = apr_pstrdup(p, name);
            list = kt_xml_add(p, parent, "options", NULL);
            kt_xml_attr(p, list, "for", current);
        }
        kt_xml_attr(p, kt_xml_add(p, list, "option", kt_db_get(db, row, 2)), "value",
                    kt_db_get(db, row, 1));
    }
    return st;
}
