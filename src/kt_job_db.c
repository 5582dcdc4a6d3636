/* Jobs in the database; see kt_job_db.h. */
#include <string.h>
#include <apr_strings.h>
#include "kt_job_db.h"
#include "kt_listing_db.h"
#include "kt_content_db.h"

static const kt_stmt STMT_VERSION KT_STMT_LISTED = { "kt_job_version",
    "SELECT v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv,"
    " v.description_en, v.job_type, v.municipality_code, v.is_remote, v.hours_per_week,"
    " kt_languages_text(v.languages, %s), to_char(v.deadline_date, 'FMDD.FMMM.YYYY'),"
    " to_char(v.deadline_time, 'HH24:MI'), v.apply_url, v.apply_email, v.contact_name,"
    " v.contact_email, v.contact_phone, v.salary_fi, v.salary_sv, v.salary_en,"
    " array_to_string(v.rules_confirmed, ',')"
    " FROM job_versions v WHERE v.job_id = %s::bigint AND v.version = %s::int" };

/* Every column, for a new version and for the undecided one saved over. */
static const kt_stmt STMT_SAVE KT_STMT_LISTED = { "kt_job_save",
    "INSERT INTO job_versions AS v (job_id, version, created_by, title_fi, title_sv, title_en,"
    " description_fi, description_sv, description_en, job_type, municipality_code, is_remote,"
    " hours_per_week, languages, deadline_date, deadline_time, apply_url, apply_email,"
    " contact_name, contact_email, contact_phone, salary_fi, salary_sv, salary_en,"
    " rules_confirmed)"
    " VALUES (%s::bigint, %s::int, %s::bigint, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " %s::boolean, nullif(%s, '')::numeric, string_to_array(%s, ','), nullif(%s, '')::date,"
    " nullif(%s, '')::time, nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " nullif(%s, ''), nullif(%s, ''), nullif(%s, ''), nullif(%s, ''),"
    " string_to_array(nullif(%s, ''), ','))"
    " ON CONFLICT (job_id, version) DO UPDATE SET created_by = excluded.created_by,"
    " created_at = now(), title_fi = excluded.title_fi, title_sv = excluded.title_sv,"
    " title_en = excluded.title_en, description_fi = excluded.description_fi,"
    " description_sv = excluded.description_sv, description_en = excluded.description_en,"
    " job_type = excluded.job_type, municipality_code = excluded.municipality_code,"
    " is_remote = excluded.is_remote, hours_per_week = excluded.hours_per_week,"
    " languages = excluded.languages, deadline_date = excluded.deadline_date,"
    " deadline_time = excluded.deadline_time, apply_url = excluded.apply_url,"
    " apply_email = excluded.apply_email, contact_name = excluded.contact_name,"
    " contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,"
    " salary_fi = excluded.salary_fi, salary_sv = excluded.salary_sv,"
    " salary_en = excluded.salary_en, rules_confirmed = excluded.rules_confirmed" };

/* Which given codes the vocabularies lack (the form sends only codes it
 * offered; a tampered one is a message, never a failed statement). */
static const kt_stmt STMT_CODES KT_STMT_LISTED = { "kt_job_codes",
    "SELECT 'type', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM job_types WHERE code = %s)"
    " UNION ALL SELECT 'languages', x FROM unnest(string_to_array(%s, ',')) x"
    " WHERE NOT EXISTS (SELECT 1 FROM languages WHERE code = x)"
    " UNION ALL SELECT 'municipality', %s WHERE %s <> ''"
    " AND NOT EXISTS (SELECT 1 FROM municipalities WHERE code = %s::bpchar)" };

static const kt_stmt STMT_OPTIONS KT_STMT_LISTED = { "kt_job_options",
    "SELECT k, code, name FROM (SELECT 'type', code, kt_name(%s, name_fi, name_sv, name_en),"
    " position FROM job_types"
    " UNION ALL SELECT 'languages', code, kt_name(%s, name_fi, name_sv, name_en), 0"
    " FROM languages WHERE code = ANY (string_to_array(%s, ','))"
    " OR code = ANY (string_to_array(%s, ','))"
    " UNION ALL SELECT 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0"
    " FROM municipalities) x(k, code, name, pos) ORDER BY k, pos, name COLLATE kt_fi, code" };

/* "37.5" as the page's language writes it: "37,5" in Finnish and Swedish
 * (either is read back); "40.0" as "40". */
static const char *hours_text(apr_pool_t *p, kt_lang lang, const char *stored)
{
    char *h = apr_pstrdup(p, stored), *dot = strchr(h, '.');

    if (dot && strcmp(dot, ".0") == 0) {
        *dot = '\0';
    }
    else if (dot && lang != KT_LANG_EN) {
        *dot = ',';
    }
    return h;
}

static void fill_version(apr_pool_t *p, kt_lang lang, const char **col, kt_job *j)
{
    int i;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        j->title[i] = col[i];
        j->description[i] = col[3 + i];
    }
    j->type = col[6];
    j->municipality = col[7];
    j->remote = col[8][0] == 't';
    j->hours = hours_text(p, lang, col[9]);
    kt_content_languages(p, col[10], j->languages);
    j->deadline_date = col[11];
    j->deadline_time = col[12];
    j->apply_url = col[13];
    j->apply_email = col[14];
    j->contact_name = col[15];
    j->contact_email = col[16];
    j->contact_phone = col[17];
    for (i = 0; i < KT_LANG_COUNT; i++) {
        j->salary[i] = col[18 + i];
    }
}

kt_db_status kt_job_version_load(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                                 int version, kt_job *j, const char **rules, int *found)
{
    const char *args[3] = { kt_lang_codes[lang], id, apr_itoa(p, version) }, **col;
    kt_db_status st = kt_content_row(db, p, &STMT_VERSION, 3, args, 22, &col, found);

    if (*found) {
        fill_version(p, lang, col, j);
        if (rules) {
            *rules = col[21];
        }
    }
    return st;
}

kt_db_status kt_job_version_save(kt_db *db, apr_pool_t *p, const char *id, int version,
                                 const char *author, const kt_job *j, const char *rules)
{
    const char *args[25];
    int n = 0;

    args[n++] = id;
    args[n++] = apr_itoa(p, version);
    args[n++] = author;
    kt_content_langs(args, &n, j->title);
    kt_content_langs(args, &n, j->description);
    args[n++] = j->type;
    args[n++] = j->municipality;
    args[n++] = j->remote ? "true" : "false";
    args[n++] = kt_content_canon(p, kt_job_hours, j->hours);
    args[n++] = kt_listing_join(p, j->languages);
    args[n++] = kt_content_canon(p, kt_listing_date, j->deadline_date);
    args[n++] = kt_content_canon(p, kt_listing_clock, j->deadline_time);
    args[n++] = j->apply_url;
    args[n++] = j->apply_email;
    args[n++] = j->contact_name;
    args[n++] = j->contact_email;
    args[n++] = j->contact_phone;
    kt_content_langs(args, &n, j->salary);
    args[n++] = rules ? rules : "";
    return kt_db_exec(db, &STMT_SAVE, NULL, n, args);
}

kt_db_status kt_job_check_codes(kt_db *db, apr_pool_t *p, kt_job *j, kt_listing_err err,
                                void *baton, int *problems)
{
    static const char *const named[] = { "type", "job_type.invalid", NULL };
    const char *args[7];
    kt_db_status st;

    args[0] = args[1] = args[2] = j->type;
    args[3] = kt_listing_join(p, j->languages);
    args[4] = args[5] = args[6] = j->municipality;
    st = kt_content_codes(db, p, &STMT_CODES, 7, args, named, err, baton, problems);
    if (st == KT_DB_OK) {
        st = kt_listing_resolve_languages(db, p, j->languages, &j->languages_other, err, baton,
                                          problems);
    }
    return st;
}

kt_db_status kt_job_options(kt_db *db, apr_pool_t *p, kt_lang lang, const char *orgs,
                            const apr_array_header_t *languages, xmlNodePtr parent)
{
    const char *l = kt_lang_codes[lang];
    const char *args[5] = { l, l, KT_LISTING_COMMON_LANGUAGES,
                            languages ? kt_listing_join(p, languages) : "", l };

    (void)orgs;   /* a job names no project: nothing of the organisations to offer */
    return kt_content_options(db, p, &STMT_OPTIONS, 5, args, 0, parent);
}
