/* Events in the database; see kt_event_db.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_event_db.h"
#include "kt_listing_db.h"
#include "kt_xml.h"

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
    " UNION ALL SELECT 'project', id::text, coalesce(name, kt_project_name(id)), 0"
    " FROM projects"
    " WHERE organisation_id = ANY (string_to_array(%s, ',')::bigint[]))"
    " x(k, code, name, pos) ORDER BY k, pos, name COLLATE kt_fi, code" };

static apr_array_header_t *split(apr_pool_t *p, const char *s, const char *sep)
{
    apr_array_header_t *out = apr_array_make(p, 4, sizeof(const char *));
    char *c, *state = NULL, *item;

    if (!s || !*s) {
        return out;
    }
    c = apr_pstrdup(p, s);
    for (item = apr_strtok(c, sep, &state); item; item = apr_strtok(NULL, sep, &state)) {
        APR_ARRAY_PUSH(out, const char *) = item;
    }
    return out;
}

static const char *text_or_empty(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : "";
}

/* Every code of "code US name RS …" (kt_languages_text), in the author's order. */
static void read_languages(apr_pool_t *p, const char *packed, kt_event *e)
{
    apr_array_header_t *items = split(p, packed, "\x1e");
    int i;

    for (i = 0; i < items->nelts; i++) {
        char *item = apr_pstrdup(p, APR_ARRAY_IDX(items, i, const char *));
        char *sep = strchr(item, '\x1f');
        if (sep) {
            *sep = '\0';
            APR_ARRAY_PUSH(e->languages, const char *) = item;
        }
    }
}

static void fill_version(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row, kt_event *e)
{
    const char *price;
    int i;
#define COL(n) text_or_empty(p, kt_db_get(db, row, (n)))

    for (i = 0; i < KT_LANG_COUNT; i++) {
        e->title[i] = COL(i);
        e->description[i] = COL(3 + i);
    }
    e->type = COL(6);
    e->audiences = split(p, COL(7), ",");
    e->start_date = COL(8);
    e->start_time = COL(9);
    e->end_date = COL(10);
    e->end_time = COL(11);
    e->municipality = COL(12);
    e->street_address = COL(13);
    e->postal_code = COL(14);
    e->post_office = COL(15);
    e->online = COL(16)[0] == 't';
    e->online_url = COL(17);
    e->registration_url = COL(18);
    e->registration_deadline = COL(19);
    price = COL(20);
    e->price = strtod(price, NULL) > 0.0 ? "fee" : "free";
    e->price_amount = strtod(price, NULL) > 0.0 ? price : "";
    if (lang != KT_LANG_EN) {
        /* "2,50" as Finnish and Swedish write it (either is read back) */
        char *c = strchr((char *)e->price_amount, '.');
        if (c) {
            *c = ',';
        }
    }
    read_languages(p, COL(21), e);
    e->contact_name = COL(22);
    e->contact_email = COL(23);
    e->contact_phone = COL(24);
    e->url = COL(25);
    e->project = COL(26);
#undef COL
}

kt_db_status kt_event_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                   int version, kt_event *e, const char **rules, int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_VERSION, &res, 3, args);

    *found = 0;
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        fill_version(db, p, lang, row, e);
        if (rules) {
            *rules = text_or_empty(p, kt_db_get(db, row, 27));
        }
        *found = 1;
    }
    return st;
}

kt_db_status kt_event_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                   const char *org, const char *author, const kt_event *e,
                                   const char *rules)
{
    const char *args[32], *d;
    int i, n = 0;

    args[n++] = id;
    args[n++] = apr_itoa(p, version);
    args[n++] = author;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        args[n++] = e->title[i];
    }
    for (i = 0; i < KT_LANG_COUNT; i++) {
        args[n++] = e->description[i];
    }
    args[n++] = e->type;
    args[n++] = kt_listing_join(p, e->audiences);
    /* what does not parse stays out: the checks said so already */
    args[n++] = (d = kt_listing_date(p, e->start_date)) ? d : "";
    args[n++] = (d = kt_listing_clock(p, e->start_time)) ? d : "";
    args[n++] = (d = kt_listing_date(p, e->end_date)) ? d : "";
    args[n++] = (d = kt_listing_clock(p, e->end_time)) ? d : "";
    args[n++] = e->municipality;
    args[n++] = e->street_address;
    args[n++] = e->postal_code;
    args[n++] = e->post_office;
    args[n++] = e->online ? "true" : "false";
    args[n++] = e->online_url;
    args[n++] = e->registration_url;
    args[n++] = (d = kt_listing_date(p, e->registration_deadline)) ? d : "";
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
    const char *args[13];
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_hash_t *reported = apr_hash_make(p);
    kt_db_status st;

    args[0] = args[1] = args[2] = e->type;
    args[3] = kt_listing_join(p, e->audiences);
    args[4] = kt_listing_join(p, e->languages);
    args[5] = args[6] = args[7] = e->municipality;
    args[8] = args[9] = args[10] = e->project;
    args[11] = org;
    st = kt_db_select(db, &STMT_CODES, &res, 12, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *field = apr_pstrdup(p, kt_db_get(db, row, 0));
        if (apr_hash_get(reported, field, APR_HASH_KEY_STRING)) {
            continue;
        }
        apr_hash_set(reported, field, APR_HASH_KEY_STRING, field);
        err(baton, field, strcmp(field, "type") == 0 ? "event_type.invalid"
                          : apr_pstrcat(p, field, ".invalid", NULL));
        (*problems)++;
    }
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
    const char *args[7] = { l, l, l, KT_LISTING_COMMON_LANGUAGES,
                            languages ? kt_listing_join(p, languages) : "", l, orgs };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    xmlNodePtr list = NULL;
    const char *current = "";
    kt_db_status st = kt_db_select(db, &STMT_OPTIONS, &res, 7, args);

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
