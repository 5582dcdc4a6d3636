/* Public activity pages' data; see kt_activity.h.  Only the last approved
 * version of a listing is ever read here (activities.published_version). */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "kt_activity.h"
#include "kt_query.h"
#include "kt_xml.h"
#include "kt_project_sql.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* The listing, its weekly times and its dated sessions in one statement (one
 * round trip): times and sessions packed as "weekday US start US end RS …"
 * and "start US end RS …", an end that is not there as "", then its next
 * time (KT_SQ_NEXT_AT). */
static const kt_stmt STMT_FULL KT_STMT_LISTED = { "kt_activity_full",
    "SELECT a.id, a.archived_at IS NOT NULL,"
    " to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD'),"
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en, "
    KT_VOCAB_TEXT("activity_forms", "v.forms") ", " KT_VOCAB_TEXT("themes", "v.themes") ", "
    KT_VOCAB_TEXT("target_groups", "v.targets") ", " KT_SUMMARY_LANGUAGES("v.languages") ","
    " v.municipality_code, kt_name(p.lang, m.name_fi, m.name_sv, m.name_en), m.region_code,"
    " kt_name(p.lang, rg.name_fi, rg.name_sv, rg.name_en),"
    " v.is_online, v.is_nationwide, v.street_address, v.postal_code, v.post_office,"
    " v.accessibility_fi, v.accessibility_sv, v.accessibility_en,"
    " v.start_date, v.end_date, v.price_eur, v.registration,"
    " v.contact_name, v.contact_email, v.contact_phone, v.url,"
    " o.id, o.name, o.business_id, " KT_PROJECT_NAME_COLUMNS ", v.version,"
    " (SELECT string_agg(s.weekday || chr(31) || to_char(s.starts, 'HH24:MI') || chr(31)"
    " || to_char(s.ends, 'HH24:MI'), chr(30) ORDER BY s.weekday, s.starts, s.position)"
    " FROM activity_schedule s WHERE s.activity_id = a.id AND s.version = v.version),"
    " (SELECT string_agg(to_char(x.starts_at, 'YYYY-MM-DD\"T\"HH24:MI') || chr(31)"
    " || coalesce(to_char(x.ends_at, 'YYYY-MM-DD\"T\"HH24:MI'), ''), chr(30)"
    " ORDER BY x.starts_at, x.position)"
    " FROM activity_sessions x WHERE x.activity_id = a.id AND x.version = v.version),"
    " " KT_SQ_NEXT_AT("a.id", "v.version", "v.start_date", "v.end_date")
    " FROM activities a"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version"
    " JOIN organisations o ON o.id = a.organisation_id AND o.status = 'approved'"
    " LEFT JOIN municipalities m ON m.code = v.municipality_code"
    " LEFT JOIN regions rg ON rg.code = m.region_code"
    KT_PROJECT_NAME_JOIN("v.project_id")
    " CROSS JOIN (SELECT %s::text AS lang) p"
    " WHERE a.id = %s::bigint" };

/* The columns a summary card needs, shared by every list. */
#define SUMMARY_SELECT \
    "SELECT " KT_SUMMARY_COLUMNS \
    " FROM public_activities a JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN municipalities m ON m.code = a.municipality_code" \
    " CROSS JOIN (SELECT %s::text AS lang) p "

/* The newest through activity_search's published_at index (sql/003_search.sql):
 * sorting the whole public view instead takes seconds with 100 000 listings.
 * The count is part of the text: with a parameter for it the generic plan
 * (kt_db.c) would expect thousands of rows and join them by hashing every
 * listing, so each execution was planned again instead. */
static const kt_stmt STMT_NEWEST KT_STMT_LISTED = { "kt_activity_newest",
    "SELECT " KT_SUMMARY_COLUMNS
    " FROM (SELECT %s::text AS lang) p"
    " CROSS JOIN (SELECT activity_id, published_at FROM activity_search"
    " ORDER BY published_at DESC, activity_id DESC LIMIT " STR(KT_ACTIVITY_NEWEST) ") h"
    " JOIN public_activities a ON a.id = h.activity_id"
    " JOIN organisations o ON o.id = a.organisation_id"
    " LEFT JOIN municipalities m ON m.code = a.municipality_code"
    " ORDER BY h.published_at DESC, h.activity_id DESC" };

static const kt_stmt STMT_BY_ORG KT_STMT_LISTED = { "kt_activity_by_org",
    SUMMARY_SELECT "WHERE a.organisation_id = %s::bigint"
    " ORDER BY a.published_at DESC NULLS LAST, a.id DESC" };

static const kt_stmt STMT_FORMS KT_STMT_LISTED = { "kt_activity_forms",
    "SELECT code, kt_name(%s, name_fi, name_sv, name_en) FROM activity_forms ORDER BY position" };

void kt_add_vocab(apr_pool_t *p, xmlNodePtr parent, const char *listname,
                  const char *itemname, const char *packed)
{
    xmlNodePtr list = kt_xml_add(p, parent, listname, NULL);
    char *copy, *item, *state = NULL;

    if (!packed) {
        return;
    }
    copy = apr_pstrdup(p, packed);
    for (item = apr_strtok(copy, "\x1e", &state); item; item = apr_strtok(NULL, "\x1e", &state)) {
        char *sep = strchr(item, '\x1f');
        xmlNodePtr n;
        if (!sep) {
            continue;
        }
        *sep = '\0';
        n = kt_xml_add(p, list, itemname, sep + 1);
        kt_xml_attr(p, n, "code", item);
    }
}

static int is_true(const char *v)
{
    return v && v[0] == 't';
}

static int filled(const char *v)
{
    return v && *v;
}

/* Columns fi, sv, en starting at col, as the array kt_xml_texts takes. */
static void texts_at(kt_db *db, apr_dbd_row_t *row, int col, const char *t[KT_LANG_COUNT])
{
    int i;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = kt_db_get(db, row, col + i);
    }
}

static void add_price(apr_pool_t *p, xmlNodePtr act, const char *price)
{
    xmlNodePtr n = kt_xml_add(p, act, "price", NULL);
    int free_of_charge = !price || strtod(price, NULL) <= 0.0;
    kt_xml_attr(p, n, "free", free_of_charge ? "true" : "false");
    if (!free_of_charge) {
        kt_xml_attr(p, n, "amount", price);
    }
}

static void add_org(apr_pool_t *p, xmlNodePtr act, const char *id, const char *name,
                    const char *business_id)
{
    xmlNodePtr n = kt_xml_add(p, act, "organisation", name);
    kt_xml_attr(p, n, "id", id);
    kt_xml_attr(p, n, "business-id", business_id);
}

static xmlNodePtr add_place(apr_pool_t *p, xmlNodePtr act, const char *code, const char *name,
                            const char *online, const char *nationwide)
{
    xmlNodePtr place = kt_xml_add(p, act, "place", NULL);
    kt_xml_attr(p, place, "online", is_true(online) ? "true" : "false");
    kt_xml_attr(p, place, "nationwide", is_true(nationwide) ? "true" : "false");
    if (filled(code)) {
        xmlNodePtr m = kt_xml_add(p, place, "municipality", name);
        kt_xml_attr(p, m, "code", code);
    }
    return place;
}

/* <schedule> and <sessions> from STMT_FULL's packed columns (see there). */
static void add_schedule(apr_pool_t *p, xmlNodePtr act, const char *slots, const char *sessions)
{
    char *item, *state = NULL;
    xmlNodePtr list;

    if (slots && *slots) {
        list = kt_xml_add(p, act, "schedule", NULL);
        for (item = apr_strtok(apr_pstrdup(p, slots), "\x1e", &state); item;
             item = apr_strtok(NULL, "\x1e", &state)) {
            char *f[3] = { NULL, NULL, NULL }, *fstate = NULL;
            xmlNodePtr slot = kt_xml_add(p, list, "slot", NULL);
            f[0] = apr_strtok(item, "\x1f", &fstate);
            f[1] = apr_strtok(NULL, "\x1f", &fstate);
            f[2] = apr_strtok(NULL, "\x1f", &fstate);
            kt_xml_attr(p, slot, "weekday", f[0]);
            kt_xml_attr(p, slot, "start", f[1]);
            kt_xml_attr(p, slot, "end", f[2]);
        }
    }
    state = NULL;
    if (sessions && *sessions) {
        list = kt_xml_add(p, act, "sessions", NULL);
        for (item = apr_strtok(apr_pstrdup(p, sessions), "\x1e", &state); item;
             item = apr_strtok(NULL, "\x1e", &state)) {
            char *end = strchr(item, '\x1f');
            xmlNodePtr s = kt_xml_add(p, list, "session", NULL);
            if (end) {
                *end++ = '\0';
            }
            kt_xml_attr(p, s, "start", item);
            kt_xml_attr(p, s, "end", end && *end ? end : NULL);
        }
    }
}

/* Builds the full element from STMT_FULL's row (column numbers as there). */
static xmlNodePtr full_from_row(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                                xmlNodePtr parent)
{
    xmlNodePtr act = kt_xml_add(p, parent, "activity", NULL), place, n;
    const char *t[KT_LANG_COUNT];
#define COL(i) kt_db_get(db, row, (i))

    kt_xml_attr(p, act, "id", COL(0));
    kt_xml_attr(p, act, "updated", COL(2));
    kt_xml_attr(p, act, "confirmed", COL(3));
    texts_at(db, row, 4, t);
    kt_xml_texts(p, act, "title", lang, t);
    texts_at(db, row, 7, t);
    kt_xml_texts(p, act, "description", lang, t);
    kt_add_vocab(p, act, "forms", "form", COL(10));
    kt_add_vocab(p, act, "themes", "theme", COL(11));
    kt_add_vocab(p, act, "targets", "target", COL(12));
    kt_add_vocab(p, act, "languages", "language", COL(13));

    place = add_place(p, act, COL(14), COL(15), COL(18), COL(19));
    if (place->children) {
        kt_xml_attr(p, place->children, "region-code", COL(16));
        kt_xml_attr(p, place->children, "region", COL(17));
    }
    if (filled(COL(20)) || filled(COL(21)) || filled(COL(22))) {
        n = kt_xml_add(p, place, "address", NULL);
        kt_xml_attr(p, n, "street", COL(20));
        kt_xml_attr(p, n, "postal-code", COL(21));
        kt_xml_attr(p, n, "post-office", COL(22));
    }
    texts_at(db, row, 23, t);
    kt_xml_texts(p, place, "accessibility", lang, t);

    if (COL(26) || COL(27)) {
        n = kt_xml_add(p, act, "period", NULL);
        kt_xml_attr(p, n, "start", COL(26));
        kt_xml_attr(p, n, "end", COL(27));
    }
    add_price(p, act, COL(28));
    n = kt_xml_add(p, act, "registration", NULL);
    kt_xml_attr(p, n, "required", strcmp(COL(29), "required") == 0 ? "true" : "false");
    if (filled(COL(30)) || filled(COL(31)) || filled(COL(32))) {
        n = kt_xml_add(p, act, "contact", NULL);
        kt_xml_attr(p, n, "name", COL(30));
        kt_xml_attr(p, n, "email", COL(31));
        kt_xml_attr(p, n, "phone", COL(32));
    }
    if (filled(COL(33))) {
        n = kt_xml_add(p, act, "link", NULL);
        kt_xml_attr(p, n, "href", COL(33));
    }
    add_org(p, act, COL(34), COL(35), COL(36));
    texts_at(db, row, 38, t);
    if (COL(37) && (n = kt_xml_texts(p, act, "project", lang, t))) {
        kt_xml_attr(p, n, "id", COL(37));
    }
#undef COL
    return act;
}

/* <next at=""/> (the next time, as the search's cards have it) and, for an
 * address, <place><map href=""/>: an OpenStreetMap search for it, which
 * offers directions too; a link, so no map tiles come from us (the CSP stays
 * as it is). */
static void add_next_and_map(apr_pool_t *p, xmlNodePtr act, const char *next)
{
    xmlNodePtr n, place = NULL, address = NULL;

    if (next && *next) {
        kt_xml_attr(p, kt_xml_add(p, act, "next", NULL), "at", next);
    }
    for (n = act->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "place")) {
            place = n;
        }
    }
    for (n = place ? place->children : NULL; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "address")) {
            address = n;
        }
    }
    if (address) {
        xmlChar *street = xmlGetProp(address, BAD_CAST "street");
        xmlChar *code = xmlGetProp(address, BAD_CAST "postal-code");
        xmlChar *office = xmlGetProp(address, BAD_CAST "post-office");
        const char *query = apr_pstrcat(p, street ? (char *)street : "", ", ",
                                        code ? (char *)code : "", " ",
                                        office ? (char *)office : "", NULL);
        kt_xml_attr(p, kt_xml_add(p, place, "map", NULL), "href",
                    apr_pstrcat(p, "https://www.openstreetmap.org/search?query=",
                                kt_query_encode(p, query), NULL));
        xmlFree(street);
        xmlFree(code);
        xmlFree(office);
    }
}

kt_db_status kt_activity_full(kt_db *db, apr_pool_t *p, kt_lang lang, const char *id,
                              xmlNodePtr parent, kt_found *found)
{
    const char *args[2] = { kt_lang_codes[lang], id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_FULL, &res, 2, args);

    *found = KT_NOT_FOUND;
    if (st != KT_DB_OK) {
        return st;
    }
    while (kt_db_next(db, res, &row)) {
        xmlNodePtr act;
        if (is_true(kt_db_get(db, row, 1))) {
            *found = KT_GONE;
            continue;
        }
        act = full_from_row(db, p, lang, row, parent);
        add_schedule(p, act, kt_db_get(db, row, 42), kt_db_get(db, row, 43));
        add_next_and_map(p, act, kt_db_get(db, row, 44));
        *found = KT_FOUND;
    }
    return KT_DB_OK;
}

static kt_db_status summaries(kt_db *db, apr_pool_t *p, kt_lang lang, const kt_stmt *stmt,
                              const char *arg, xmlNodePtr parent)
{
    const char *args[2] = { kt_lang_codes[lang], arg };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, stmt, &res, 2, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_activity_add_summary(db, p, lang, row, parent);
    }
    return st;
}

xmlNodePtr kt_activity_add_summary(kt_db *db, apr_pool_t *p, kt_lang lang, apr_dbd_row_t *row,
                                   xmlNodePtr parent)
{
    xmlNodePtr act = kt_xml_add(p, parent, "activity", NULL);
    const char *t[KT_LANG_COUNT];

    kt_xml_attr(p, act, "id", kt_db_get(db, row, 0));
    texts_at(db, row, 1, t);
    kt_xml_texts(p, act, "title", lang, t);
    kt_add_vocab(p, act, "forms", "form", kt_db_get(db, row, 4));
    kt_add_vocab(p, act, "languages", "language", kt_db_get(db, row, 5));
    add_place(p, act, kt_db_get(db, row, 6), kt_db_get(db, row, 7), kt_db_get(db, row, 8),
              kt_db_get(db, row, 9));
    add_price(p, act, kt_db_get(db, row, 10));
    add_org(p, act, kt_db_get(db, row, 11), kt_db_get(db, row, 12), NULL);
    return act;
}

kt_db_status kt_activity_newest(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *args[1] = { kt_lang_codes[lang] };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_NEWEST, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_activity_add_summary(db, p, lang, row, parent);
    }
    return st;
}

kt_db_status kt_activity_by_org(kt_db *db, apr_pool_t *p, kt_lang lang, const char *org_id,
                                xmlNodePtr parent)
{
    return summaries(db, p, lang, &STMT_BY_ORG, org_id, parent);
}

kt_db_status kt_activity_form_vocab(kt_db *db, apr_pool_t *p, kt_lang lang, xmlNodePtr parent)
{
    const char *args[1] = { kt_lang_codes[lang] };
    xmlNodePtr list = kt_xml_add(p, parent, "forms", NULL);
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_FORMS, &res, 1, args);

    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        xmlNodePtr n = kt_xml_add(p, list, "form", kt_db_get(db, row, 1));
        kt_xml_attr(p, n, "code", kt_db_get(db, row, 0));
    }
    return st;
}
