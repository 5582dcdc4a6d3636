/* Networks in the database; see kt_network_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_network_db.h"
#include "kt_listing_db.h"
#include "kt_content_db.h"

static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_network_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv,"
    " v.description_en, v.activities_fi, v.activities_sv, v.activities_en, v.resources_fi,"
    " v.resources_sv, v.resources_en, v.benefits_fi, v.benefits_sv, v.benefits_en,"
    " v.evaluation_fi, v.evaluation_sv, v.evaluation_en, v.area, v.region_code,"
    " array_to_string(v.municipalities, ','), array_to_string(v.audiences, ','),"
    " v.contact_name, v.contact_email, v.contact_phone, v.url,"
    " array_to_string(v.rules_confirmed, ',')"
    " FROM network_versions v WHERE v.network_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_network_save",
    "INSERT INTO network_versions AS v (network_id, version, created_by, title_fi, title_sv,"
    " title_en, description_fi, description_sv, description_en, activities_fi, activities_sv,"
    " activities_en, resources_fi, resources_sv, resources_en, benefits_fi, benefits_sv,"
    " benefits_en, evaluation_fi, evaluation_sv, evaluation_en, area, region_code,"
    " municipalities, audiences, contact_name, contact_email, contact_phone, url,"
    " rules_confirmed)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, '')::bpchar, string_to_array(%s, ','),"
    " string_to_array(%s, ','), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), string_to_array(nullif(%s, ''), ','))"
    " ON CONFLICT (network_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, description_fi = excluded.description_fi,"
    " description_sv = excluded.description_sv, description_en = excluded.description_en,"
    " activities_fi = excluded.activities_fi, activities_sv = excluded.activities_sv,"
    " activities_en = excluded.activities_en, resources_fi = excluded.resources_fi,"
    " resources_sv = excluded.resources_sv, resources_en = excluded.resources_en,"
    " benefits_fi = excluded.benefits_fi, benefits_sv = excluded.benefits_sv,"
    " benefits_en = excluded.benefits_en, evaluation_fi = excluded.evaluation_fi,"
    " evaluation_sv = excluded.evaluation_sv, evaluation_en = excluded.evaluation_en,"
    " area = excluded.area, region_code = excluded.region_code,"
    " municipalities = excluded.municipalities, audiences = excluded.audiences,"
    " contact_name = excluded.contact_name, contact_email = excluded.contact_email,"
    " contact_phone = excluded.contact_phone, url = excluded.url,"
    " rules_confirmed = excluded.rules_confirmed" };

/* Which given codes the vocabularies lack (the form sends only codes it
 * offered; a tampered one is a message, never a failed statement). */
static const kt_stmt STMT_CODES KT_STMT_LISTED = { "kt_network_codes",
    "SELECT 'audiences', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM network_audiences WHERE code = x)"
    " UNION ALL SELECT 'region', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM regions WHERE code = %s::bpchar)"
    " UNION ALL SELECT 'municipalities', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = x::bpchar)" };

static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_network_options",
    "SELECT k, code, name, g FROM (SELECT 'audiences', code,"
    " kt_name(%s, name_fi, name_sv, name_en), position, NULL::text FROM network_audiences"
    " UNION ALL SELECT 'region', code::text, kt_name(%s, name_fi, name_sv, name_en), 0, NULL"
    " FROM regions"
    " UNION ALL SELECT 'municipalities', code::text, kt_name(%s, name_fi, name_sv, name_en), 0,"
    " region_code::text FROM municipalities)"
    " x(k, code, name, pos, g) ORDER BY k, pos, name COLLATE kt_fi, code" };

kt_db_status kt_network_version_load(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     kt_network *n, const char **rules, int *found)
{
    const char *args[2] = { id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 2, args, 27, &col, found);
    int i, l;

    if (!*found) {
        return st;
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        n->title[i] = col[i];
        n->description[i] = col[3 + i];
        for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
            n->lists[l][i] = col[6 + 3 * l + i];
        }
    }
    n->area = col[18];
    n->region = col[19];
    n->municipalities = kt_content_split(p, col[20], ",");
    n->audiences = kt_content_split(p, col[21], ",");
    n->contact_name = col[22];
    n->contact_email = col[23];
    n->contact_phone = col[24];
    n->url = col[25];
    if (rules) {
        *rules = col[26];
    }
    return st;
}

kt_db_status kt_network_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *author, const kt_network *n,
                                     const char *rules)
{
    const char *args[30];
    int l, k = 0;

    args[k++] = id;
    args[k++] = apr_itoa(p, version);
    args[k++] = author;
    kt_content_langs(args, &k, n->title);
    kt_content_langs(args, &k, n->description);
    for (l = 0; l < KT_NETWORK_LIST_COUNT; l++) {
        kt_content_langs(args, &k, n->lists[l]);
    }
    args[k++] = n->area;
    args[k++] = n->region;
    args[k++] = kt_listing_join(p, n->municipalities);
    args[k++] = kt_listing_join(p, n->audiences);
    args[k++] = n->contact_name;
    args[k++] = n->contact_email;
    args[k++] = n->contact_phone;
    args[k++] = n->url;
    args[k++] = rules ? rules : "";
    return kt_db_exec(db, &STMT_SAVE, NULL, k, args);
}

kt_db_status kt_network_check_codes(kt_db *db, apr_pool_t *p, kt_network *n,
                                    kt_listing_err err, void *baton, int *problems)
{
    static const char *const named[] = { "audiences", "network_audiences.invalid", NULL };
    const char *args[5];

    args[0] = kt_listing_join(p, n->audiences);
    args[1] = args[2] = args[3] = n->region;
    args[4] = kt_listing_join(p, n->municipalities);
    return kt_content_codes(db, p, &STMT_CODES, 5, args, named, err, baton, problems);
}

/* The municipalities with their region, for the form's grouped list. */
kt_db_status kt_network_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[3] = { l, l, l };

    (void)orgs;
    (void)languages;
    return kt_content_options(db, p, &STMT_OPTIONS, 3, args, 1, parent);
}
