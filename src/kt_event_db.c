/* Events in the database; see kt_event_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_event_db.h"
#include "kt_listing_db.h"
#include "kt_content_db.h"

static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_event_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv,"
    " v.description_en, v.event_type, array_to_string(v.audiences, ','),"
    " to_char(v.start_date, 'FMDD.FMMM.YYYY'), to_char(v.start_time, 'HH24:MI'),"
    " to_char(v.end_date, 'FMDD.FMMM.YYYY'), to_char(v.end_time, 'HH24:MI'),"
    " v.municipality_code, v.street_address, v.postal_code, v.post_office, v.is_online,"
    " v.online_url, v.registration_url, to_char(v.registration_deadline, 'FMDD.FMMM.YYYY'),"
    " v.price_eur, kt_languages_text(v.languages, %s), v.contact_name, v.contact_email,"
    " v.contact_phone, v.url, v.project_id, array_to_string(v.rules_confirmed, ',')"
    " FROM event_versions v WHERE v.event_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over.  The
 * project only when it is this organisation's. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_event_save",
    "INSERT INTO event_versions AS v (event_id, version, created_by, title_fi, title_sv,"
    " title_en, description_fi, description_sv, description_en, event_type, audiences,"
    " start_date, start_time, end_date, end_time, municipality_code, street_address,"
    " postal_code, post_office, is_online, online_url, registration_url,"
    " registration_deadline, price_eur, languages, contact_name, contact_email, contact_phone,"
    " url, project_id, rules_confirmed)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " string_to_array(%s, ','), nullif(%s, '')::date, nullif(%s, '')::time,"
    " nullif(%s, '')::date, nullif(%s, '')::time, nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), %s::boolean, nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, '')::date, %s::numeric, string_to_array(%s, ','), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " (SELECT pr.id FROM projects pr WHERE pr.id = nullif(%s, '')::bigint"
    "  AND pr.organisation_id = %s::bigint), string_to_array(nullif(%s, ''), ','))"
    " ON CONFLICT (event_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, description_fi = excluded.description_fi,"
    " description_sv = excluded.description_sv, description_en = excluded.description_en,"
    " event_type = excluded.event_type, audiences = excluded.audiences,"
    " start_date = excluded.start_date, start_time = excluded.start_time,"
    " end_date = excluded.end_date, end_time = excluded.end_time,"
    " municipality_code = excluded.municipality_code, street_address = excluded.street_address,"
    " postal_code = excluded.postal_code, post_office = excluded.post_office,"
    " is_online = excluded.is_online, online_url = excluded.online_url,"
    " registration_url = excluded.registration_url,"
    " registration_deadline = excluded.registration_deadline, price_eur = excluded.price_eur,"
    " languages = excluded.languages, contact_name = excluded.contact_name,"
    " contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,"
    " url = excluded.url, project_id = excluded.project_id,"
    " rules_confirmed = excluded.rules_confirmed" };

/* Which given codes the vocabularies lack (the form sends only codes it
 * offered; a tampered one is a message, never a failed statement). */
static const kt_stmt STMT_CODES KT_STMT_LISTED = { "kt_event_codes",
    "SELECT 'type', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM event_types WHERE code = %s)"
    " UNION ALL SELECT 'audiences', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM event_audiences WHERE code = x)"
    " UNION ALL SELECT 'languages', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM languages WHERE code = x)"
    " UNION ALL SELECT 'municipality', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM municipalities WHERE code = %s::bpchar)"
    " UNION ALL SELECT 'project', %s WHERE %s <> '' AND NOT EXISTS (SELECT 1 FROM projects"
    "  WHERE id::text = %s AND organisation_id = %s::bigint)" };

static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_event_options",
    "SELECT k, code, name FROM (SELECT 'type', code, kt_name(%s, name_fi, name_sv, name_en),"
    " position FROM event_types"
    " UNION ALL SELECT 'audiences', code, kt_name(%s, name_fi, name_sv, name_en), position"
    " FROM event_audiences"
    " UNION ALL SELECT 'languages', code, kt_name(%s, name_fi, name_sv, name_en), 0"
    " FROM languages WHERE code = ANY (string_to_array(%s, ','))"
    " OR code = ANY (string_to_array(%s, ','))"
    " UNION ALL SELECT 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0"
    " FROM municipalities"
    " UNION ALL SELECT 'project', pr.id::text, kt_name(%s, prv.title_fi, prv.title_sv,"
    " prv.title_en), 0 FROM projects pr JOIN project_versions prv ON prv.project_id = pr.id"
    "  AND prv.version = CASE WHEN pr.name IS NOT NULL THEN pr.published_version"
    "  ELSE pr.latest_version END"
    " WHERE pr.organisation_id = ANY (string_to_array(%s, ',')::bigint[]))"
    " x(k, code, name, pos) ORDER BY k, pos, name COLLATE kt_fi, code" };

static void fill_version(apr_pool_t *p, kt_lang lang, const char **col, kt_event *e)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        e->title[i] = col[i];
        e->description[i] = col[3 + i];
    }
    e->type = col[6];
    e->audiences = kt_content_split(p, col[7], ",");
    e->start_date = col[8];
    e->start_time = col[9];
    e->end_date = col[10];
    e->end_time = col[11];
    e->municipality = col[12];
    e->street_address = col[13];
    e->postal_code = col[14];
    e->post_office = col[15];
    e->online = col[16][0] == 't';
    e->online_url = col[17];
    e->registration_url = col[18];
    e->registration_deadline = col[19];
    kt_content_price(lang, (char *)col[20], &e->price, &e->price_amount);
    kt_content_languages(p, col[21], e->languages);
    e->contact_name = col[22];
    e->contact_email = col[23];
    e->contact_phone = col[24];
    e->url = col[25];
    e->project = col[26];
}

kt_db_status kt_event_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                   int version, kt_event *e, const char **rules, int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 3, args, 28, &col, found);

    if (*found) {
        fill_version(p, lang, col, e);
        if (rules) {
            *rules = col[27];
        }
    }
    return st;
}

kt_db_status kt_event_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                   const char *org, const char *author, const kt_event *e,
                                   const char *rules)
{
    const char *args[32];
    int n = 0;

    args[n++] = id;
    args[n++] = apr_itoa(p, version);
    args[n++] = author;
    kt_content_langs(args, &n, e->title);
    kt_content_langs(args, &n, e->description);
    args[n++] = e->type;
    args[n++] = kt_listing_join(p, e->audiences);
    args[n++] = kt_content_canon(p, kt_listing_date, e->start_date);
    args[n++] = kt_content_canon(p, kt_listing_clock, e->start_time);
    args[n++] = kt_content_canon(p, kt_listing_date, e->end_date);
    args[n++] = kt_content_canon(p, kt_listing_clock, e->end_time);
    args[n++] = e->municipality;
    args[n++] = e->street_address;
    args[n++] = e->postal_code;
    args[n++] = e->post_office;
    args[n++] = e->online ? "true" : "false";
    args[n++] = e->online_url;
    args[n++] = e->registration_url;
    args[n++] = kt_content_canon(p, kt_listing_date, e->registration_deadline);
    args[n++] = strcmp(e->price, "fee") == 0 ? kt_listing_amount(p, e->price_amount) : "0";
    args[n++] = kt_listing_join(p, e->languages);
    args[n++] = e->contact_name;
    args[n++] = e->contact_email;
    args[n++] = e->contact_phone;
    args[n++] = e->url;
    args[n++] = e->project;
    args[n++] = org;
    args[n++] = rules ? rules : "";
    return kt_db_exec(db, &STMT_SAVE, NULL, n, args);
}

kt_db_status kt_event_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_event *e,
                                  kt_listing_err err, void *baton, int *problems)
{
    static const char *const named[] = { "type", "event_type.invalid", NULL };
    const char *args[12];
    kt_db_status st;

    args[0] = args[1] = args[2] = e->type;
    args[3] = kt_listing_join(p, e->audiences);
    args[4] = kt_listing_join(p, e->languages);
    args[5] = args[6] = args[7] = e->municipality;
    args[8] = args[9] = args[10] = e->project;
    args[11] = org;
    st = kt_content_codes(db, p, &STMT_CODES, 12, args, named, err, baton, problems);
    if (st == KT_DB_OK) {
        st = kt_listing_resolve_languages(db, p, e->languages, &e->languages_other, err, baton,
                                          problems);
    }
    return st;
}

kt_db_status kt_event_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                              const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[8] = { l, l, l, KT_LISTING_COMMON_LANGUAGES,
                            languages ? kt_listing_join(p, languages) : "", l, l, orgs };

    return kt_content_options(db, p, &STMT_OPTIONS, 8, args, 0, parent);
}
