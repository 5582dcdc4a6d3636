/* Activity listings in the database; see kt_listing_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_listing_db.h"
#include "kt_validate.h"
#include "kt_content_db.h"


static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_listing_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv,"
    " v.description_en, v.accessibility_fi, v.accessibility_sv, v.accessibility_en,"
    " array_to_string(v.forms, ','), array_to_string(v.themes, ','),"
    " array_to_string(v.targets, ','), kt_languages_text(v.languages, %s),"
    " v.municipality_code, v.is_online, v.is_nationwide, v.street_address, v.postal_code,"
    " v.post_office, to_char(v.start_date, 'FMDD.FMMM.YYYY'),"
    " to_char(v.end_date, 'FMDD.FMMM.YYYY'),"
    " v.price_eur, v.registration, v.contact_name, v.contact_email, v.contact_phone, v.url,"
    " v.project_id,"
    " (SELECT string_agg(s.weekday || chr(31) || to_char(s.starts, 'HH24:MI') || chr(31)"
    "   || to_char(s.ends, 'HH24:MI'), chr(30) ORDER BY s.position) FROM activity_schedule s"
    "   WHERE s.activity_id = v.activity_id AND s.version = v.version),"
    " (SELECT string_agg(to_char(x.starts_at, 'FMDD.FMMM.YYYY') || chr(31)"
    "   || to_char(x.starts_at, 'HH24:MI') || chr(31) || coalesce(to_char(x.ends_at, 'HH24:MI'), ''),"
    "   chr(30) ORDER BY x.position) FROM activity_sessions x"
    "   WHERE x.activity_id = v.activity_id AND x.version = v.version),"
    " array_to_string(v.rules_confirmed, ',')"
    " FROM activity_versions v WHERE v.activity_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over.
 * The project only when it is this organisation's. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_listing_save",
    "INSERT INTO activity_versions AS v (activity_id, version, created_by, title_fi, title_sv,"
    " title_en, description_fi, description_sv, description_en, accessibility_fi,"
    " accessibility_sv, accessibility_en, forms, themes, targets, languages,"
    " municipality_code, is_online, is_nationwide, street_address, postal_code, post_office,"
    " start_date, end_date, price_eur, registration, contact_name, contact_email,"
    " contact_phone, url, project_id, rules_confirmed)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), string_to_array(%s, ','), string_to_array(%s, ','),"
    " string_to_array(%s, ','), string_to_array(%s, ','), nullif(%s, ''), %s::boolean,"
    " %s::boolean, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, '')::date,"
    " nullif(%s, '')::date, %s::numeric, %s, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''),"
    " (SELECT pr.id FROM projects pr WHERE pr.id = nullif(%s, '')::bigint"
    "  AND pr.organisation_id = %s::bigint), string_to_array(nullif(%s, ''), ','))"
    " ON CONFLICT (activity_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, description_fi = excluded.description_fi,"
    " description_sv = excluded.description_sv, description_en = excluded.description_en,"
    " accessibility_fi = excluded.accessibility_fi, accessibility_sv = excluded.accessibility_sv,"
    " accessibility_en = excluded.accessibility_en, forms = excluded.forms,"
    " themes = excluded.themes, targets = excluded.targets, languages = excluded.languages,"
    " municipality_code = excluded.municipality_code, is_online = excluded.is_online,"
    " is_nationwide = excluded.is_nationwide, street_address = excluded.street_address,"
    " postal_code = excluded.postal_code, post_office = excluded.post_office,"
    " start_date = excluded.start_date, end_date = excluded.end_date,"
    " price_eur = excluded.price_eur, registration = excluded.registration,"
    " contact_name = excluded.contact_name, contact_email = excluded.contact_email,"
    " contact_phone = excluded.contact_phone, url = excluded.url,"
    " project_id = excluded.project_id, rules_confirmed = excluded.rules_confirmed" };

static const kt_stmt STMT_SLOTS_CLEAR KT_STMT_LISTED = { "kt_listing_slots_clear",
    "DELETE FROM activity_schedule WHERE activity_id = %s::bigint AND version = %s::int" };
static const kt_stmt STMT_SLOTS_ADD KT_STMT_LISTED = { "kt_listing_slots_add",
    "INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends)"
    " SELECT %s::bigint, %s::int, x.n, x.w::smallint, x.s::time, x.e::time"
    " FROM unnest(string_to_array(%s, ','), string_to_array(%s, ','), string_to_array(%s, ','))"
    " WITH ORDINALITY AS x(w, s, e, n)" };
static const kt_stmt STMT_SESSIONS_CLEAR KT_STMT_LISTED = { "kt_listing_sessions_clear",
    "DELETE FROM activity_sessions WHERE activity_id = %s::bigint AND version = %s::int" };
static const kt_stmt STMT_SESSIONS_ADD KT_STMT_LISTED = { "kt_listing_sessions_add",
    "INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at)"
    " SELECT %s::bigint, %s::int, x.n, x.s::timestamp, nullif(x.e, '')::timestamp"
    " FROM unnest(string_to_array(%s, ','), string_to_array(%s, ',')) WITH ORDINALITY AS x(s, e, n)" };

static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_listing_options",
    "SELECT k, code, name FROM (SELECT 'forms', code, kt_name(%s, name_fi, name_sv, name_en),"
    " position, NULL FROM activity_forms"
    " UNION ALL SELECT 'themes', code, kt_name(%s, name_fi, name_sv, name_en), position, NULL"
    " FROM themes"
    " UNION ALL SELECT 'targets', code, kt_name(%s, name_fi, name_sv, name_en), position, NULL"
    " FROM target_groups"
    " UNION ALL SELECT 'languages', code, kt_name(%s, name_fi, name_sv, name_en), 0, NULL"
    " FROM languages WHERE code = ANY (string_to_array(%s, ','))"
    " OR code = ANY (string_to_array(%s, ','))"
    " UNION ALL SELECT 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0, NULL"
    " FROM municipalities"
    " UNION ALL SELECT 'project', pr.id::text, kt_name(%s, prv.title_fi, prv.title_sv,"
    " prv.title_en), 0, NULL FROM projects pr JOIN project_versions prv ON prv.project_id = pr.id"
    "  AND prv.version = CASE WHEN pr.name IS NOT NULL THEN pr.published_version"
    "  ELSE pr.latest_version END"
    " WHERE pr.organisation_id = ANY (string_to_array(%s, ',')::bigint[]))"
    " x(k, code, name, pos, g) ORDER BY k, pos, name COLLATE kt_fi, code" };

/* Which given codes the vocabularies lack; and the typed languages, each
 * resolved to a code (NULL: unknown) by ISO 639-3 or -1 code, or by a name
 * in any of our languages; "name (code)" as the editor writes them. */
static const kt_stmt STMT_CODES KT_STMT_LISTED = { "kt_listing_codes",
    "SELECT 'forms', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM activity_forms WHERE code = x)"
    " UNION ALL SELECT 'themes', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM themes WHERE code = x)"
    " UNION ALL SELECT 'targets', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM target_groups WHERE code = x)"
    " UNION ALL SELECT 'languages', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM languages WHERE code = x)"
    " UNION ALL SELECT 'municipality', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM municipalities WHERE code = %s::bpchar)"
    " UNION ALL SELECT 'project', %s WHERE %s <> '' AND NOT EXISTS (SELECT 1 FROM projects"
    "  WHERE id::text = %s AND organisation_id = %s::bigint)" };

static const kt_stmt STMT_LANGUAGE_NAMES KT_STMT_LISTED = { "kt_listing_language_names",
    "SELECT t.n, (SELECT l.code FROM languages l WHERE l.code = k OR l.code1::text = k"
    "  OR lower(l.name_en) = k OR lower(l.name_fi) = k OR lower(l.name_sv) = k"
    "  ORDER BY l.code = k DESC, l.code1::text = k DESC, l.code LIMIT 1)"
    " FROM unnest(string_to_array(%s, chr(30))) WITH ORDINALITY AS t(token, n),"
    " LATERAL (SELECT lower(coalesce(substring(t.token FROM '\\(([A-Za-z]{2,3})\\)$'),"
    "  t.token)) AS k) kk ORDER BY t.n" };

/* ---- one version --------------------------------------------------------------------- */

static void read_rows(apr_pool_t *p, const char *slots, const char *sessions, kt_listing *l)
{
    apr_array_header_t *rows = kt_content_split(p, slots, "\x1e");
    int i;

    for (i = 0; i < rows->nelts; i++) {
        apr_array_header_t *f = kt_content_split(p, APR_ARRAY_IDX(rows, i, const char *), "\x1f");
        kt_slot_row *r = apr_array_push(l->slots);
        r->weekday = f->nelts > 0 ? APR_ARRAY_IDX(f, 0, const char *) : "";
        r->start = f->nelts > 1 ? APR_ARRAY_IDX(f, 1, const char *) : "";
        r->end = f->nelts > 2 ? APR_ARRAY_IDX(f, 2, const char *) : "";
    }
    rows = kt_content_split(p, sessions, "\x1e");
    for (i = 0; i < rows->nelts; i++) {
        apr_array_header_t *f = kt_content_split(p, APR_ARRAY_IDX(rows, i, const char *), "\x1f");
        kt_session_row *r = apr_array_push(l->sessions);
        r->date = f->nelts > 0 ? APR_ARRAY_IDX(f, 0, const char *) : "";
        r->start = f->nelts > 1 ? APR_ARRAY_IDX(f, 1, const char *) : "";
        r->end = f->nelts > 2 ? APR_ARRAY_IDX(f, 2, const char *) : "";
    }
}

static void fill_version(apr_pool_t *p, kt_lang lang, const char **col, kt_listing *l)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        l->title[i] = col[i];
        l->description[i] = col[3 + i];
        l->accessibility[i] = col[6 + i];
    }
    l->forms = kt_content_split(p, col[9], ",");
    l->themes = kt_content_split(p, col[10], ",");
    l->targets = kt_content_split(p, col[11], ",");
    kt_content_languages(p, col[12], l->languages);
    l->municipality = col[13];
    l->online = col[14][0] == 't';
    l->nationwide = col[15][0] == 't';
    l->street_address = col[16];
    l->postal_code = col[17];
    l->post_office = col[18];
    l->start_date = col[19];
    l->end_date = col[20];
    kt_content_price(lang, (char *)col[21], &l->price, &l->price_amount);
    l->registration = col[22];
    l->contact_name = col[23];
    l->contact_email = col[24];
    l->contact_phone = col[25];
    l->url = col[26];
    l->project = col[27];
    read_rows(p, col[28], col[29], l);
}

kt_db_status kt_listing_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                     int version, kt_listing *l, const char **rules,
                                     int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 3, args, 31, &col, found);

    if (*found) {
        fill_version(p, lang, col, l);
        if (rules) {
            *rules = col[30];
        }
    }
    return st;
}

/* ---- the vocabularies ---------------------------------------------------------------- */

kt_db_status kt_listing_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                                const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[9] = { l, l, l, l, KT_LISTING_COMMON_LANGUAGES,
                            languages ? kt_listing_join(p, languages) : "", l, l, orgs };

    return kt_content_options(db, p, &STMT_OPTIONS, 9, args, 0, parent);
}

kt_db_status kt_listing_resolve_languages(kt_db *db, apr_pool_t *p,
                                         apr_array_header_t *languages, const char **other,
                                         kt_listing_err err, void *baton, int *problems)
{
    apr_array_header_t *tokens = apr_array_make(p, 4, sizeof(const char *));
    apr_array_header_t *typed = kt_content_split(p, *other, ",;");
    const char *args[1];
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    int i, unknown = 0;
    kt_db_status st;

    /* what the validator refuses (kt_listing_check says so) is never looked
     * up: a 20 000-character token kept the regular expression below busy
     * for half a minute */
    if (*other && kt_valid_line(*other, 500, 0) != KT_V_OK) {
        return KT_DB_OK;
    }
    for (i = 0; i < typed->nelts; i++) {
        const char *t = kt_trim(p, APR_ARRAY_IDX(typed, i, const char *));
        if (*t) {
            APR_ARRAY_PUSH(tokens, const char *) = t;
        }
    }
    if (!tokens->nelts) {
        return KT_DB_OK;
    }
    args[0] = apr_array_pstrcat(p, tokens, '\x1e');
    st = kt_db_select(db, &STMT_LANGUAGE_NAMES, &res, 1, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        const char *code = kt_db_get(db, row, 1);
        int j, seen = 0;
        if (!code) {
            unknown = 1;
            continue;
        }
        for (j = 0; j < languages->nelts && !seen; j++) {
            seen = strcmp(APR_ARRAY_IDX(languages, j, const char *), code) == 0;
        }
        if (!seen) {
            APR_ARRAY_PUSH(languages, const char *) = apr_pstrdup(p, code);
        }
    }
    if (st == KT_DB_OK && unknown) {
        err(baton, "languages_other", "languages_other.invalid");
        (*problems)++;
    }
    else if (st == KT_DB_OK) {
        *other = "";   /* each is now a ticked box of its own */
    }
    if (st == KT_DB_OK && languages->nelts > KT_LISTING_MAX_LANGUAGES) {
        err(baton, "languages", "languages.too_many");
        (*problems)++;
    }
    return st;
}

kt_db_status kt_listing_check_codes(kt_db *db, apr_pool_t *p, const char *org, kt_listing *l,
                                    kt_listing_err err, void *baton, int *problems)
{
    const char *args[11];
    kt_db_status st;

    args[0] = kt_listing_join(p, l->forms);
    args[1] = kt_listing_join(p, l->themes);
    args[2] = kt_listing_join(p, l->targets);
    args[3] = kt_listing_join(p, l->languages);
    args[4] = args[5] = args[6] = l->municipality;
    args[7] = args[8] = args[9] = l->project;
    args[10] = org;
    st = kt_content_codes(db, p, &STMT_CODES, 11, args, NULL, err, baton, problems);
    if (st == KT_DB_OK) {
        st = kt_listing_resolve_languages(db, p, l->languages, &l->languages_other, err, baton,
                                          problems);
    }
    return st;
}

/* ---- saving -------------------------------------------------------------------------- */

kt_db_status kt_listing_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                     const char *org, const char *author, const kt_listing *l,
                                     const char *rules)
{
    const char *v = apr_itoa(p, version), *args[33], *rows[5];
    int n = 0;
    kt_db_status st;

    args[n++] = id;
    args[n++] = v;
    args[n++] = author;
    kt_content_langs(args, &n, l->title);
    kt_content_langs(args, &n, l->description);
    kt_content_langs(args, &n, l->accessibility);
    args[n++] = kt_listing_join(p, l->forms);
    args[n++] = kt_listing_join(p, l->themes);
    args[n++] = kt_listing_join(p, l->targets);
    args[n++] = kt_listing_join(p, l->languages);
    args[n++] = l->municipality;
    args[n++] = l->online ? "true" : "false";
    args[n++] = l->nationwide ? "true" : "false";
    args[n++] = l->street_address;
    args[n++] = l->postal_code;
    args[n++] = l->post_office;
    args[n++] = kt_content_canon(p, kt_listing_date, l->start_date);
    args[n++] = kt_content_canon(p, kt_listing_date, l->end_date);
    args[n++] = strcmp(l->price, "fee") == 0 ? kt_listing_amount(p, l->price_amount) : "0";
    args[n++] = l->registration;
    args[n++] = l->contact_name;
    args[n++] = l->contact_email;
    args[n++] = l->contact_phone;
    args[n++] = l->url;
    args[n++] = l->project;
    args[n++] = org;
    args[n++] = rules ? rules : "";
    st = kt_db_exec(db, &STMT_SAVE, NULL, n, args);

    rows[0] = id;
    rows[1] = v;
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_SLOTS_CLEAR, NULL, 2, rows);
    }
    kt_listing_slot_lists(p, l, &rows[2], &rows[3], &rows[4]);
    if (st == KT_DB_OK && l->slots->nelts) {
        st = kt_db_exec(db, &STMT_SLOTS_ADD, NULL, 5, rows);
    }
    if (st == KT_DB_OK) {
        st = kt_db_exec(db, &STMT_SESSIONS_CLEAR, NULL, 2, rows);
    }
    kt_listing_session_lists(p, l, &rows[2], &rows[3]);
    if (st == KT_DB_OK && l->sessions->nelts) {
        st = kt_db_exec(db, &STMT_SESSIONS_ADD, NULL, 4, rows);
    }
    return st;
}
