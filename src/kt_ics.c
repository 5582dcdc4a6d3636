/* iCalendar files of activities; see kt_ics.h.  The database does the date
 * arithmetic (first occurrence of a weekday, the period's end in UTC), which
 * needs the Europe/Helsinki rules it has; kt_ical.c does the format.
 *
 * A weekly slot becomes a recurring event from its first day on or after the
 * period's start (or the day the listing was published, when there is no
 * start), until the end of the period's last day; a session one event.  UIDs
 * name the activity and the slot or session, so that a subscribed calendar
 * keeps its events from one download to the next.  DTSTAMP is the listing's
 * updated_at: the file does not change unless the listing does, and its
 * ETag with it. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include "kt_ics.h"
#include "kt_db.h"
#include "kt_etag.h"
#include "kt_http.h"
#include "kt_i18n.h"
#include "kt_ical.h"
#include "kt_text.h"

#define FORMAT_VERSION "ics:1"

static const kt_stmt STMT_ACTIVITY KT_STMT_LISTED = { "kt_ics_activity",
    "SELECT a.archived_at IS NOT NULL, v.title_fi, v.title_sv, v.title_en,"
    " v.description_fi, v.description_sv, v.description_en,"
    " v.street_address, v.postal_code, v.post_office, m.name_fi, m.name_sv, v.is_online,"
    " to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"'),"
    " kt_feed_us(a.updated_at), a.published_version, m.name_en"
    " FROM activities a"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version"
    " JOIN organisations o ON o.id = a.organisation_id AND o.status = 'approved'"
    " LEFT JOIN municipalities m ON m.code = v.municipality_code"
    " WHERE a.id = %s::bigint" };

enum { C_ARCHIVED, C_TITLE, C_DESC = C_TITLE + 3, C_STREET = C_DESC + 3, C_POSTAL,
       C_POST_OFFICE, C_MUNI_FI, C_MUNI_SV, C_ONLINE, C_STAMP, C_US, C_VERSION, C_MUNI_EN };

/* Weekly slots whose first occurrence is within the period. */
static const kt_stmt STMT_SLOTS KT_STMT_LISTED = { "kt_ics_slots",
    "SELECT s.position, s.weekday, to_char(f.first + s.starts, 'YYYYMMDD\"T\"HH24MISS'),"
    " to_char(f.first + s.ends, 'YYYYMMDD\"T\"HH24MISS'),"
    " to_char(((v.end_date + time '23:59:59') AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'UTC',"
    " 'YYYYMMDD\"T\"HH24MISS\"Z\"')"
    " FROM activities a"
    " JOIN activity_versions v ON v.activity_id = a.id AND v.version = %s::int"
    " JOIN activity_schedule s ON s.activity_id = a.id AND s.version = v.version"
    " CROSS JOIN LATERAL (SELECT coalesce(v.start_date, (coalesce(a.published_at, a.created_at)"
    " AT TIME ZONE 'Europe/Helsinki')::date) AS base) b"
    " CROSS JOIN LATERAL (SELECT b.base + (s.weekday - extract(isodow FROM b.base)::int + 7) % 7"
    " AS first) f"
    " WHERE a.id = %s::bigint AND (v.end_date IS NULL OR f.first <= v.end_date)"
    " ORDER BY s.weekday, s.starts, s.position" };

static const kt_stmt STMT_SESSIONS KT_STMT_LISTED = { "kt_ics_sessions",
    "SELECT x.position, to_char(x.starts_at, 'YYYYMMDD\"T\"HH24MISS'),"
    " to_char(x.ends_at, 'YYYYMMDD\"T\"HH24MISS')"
    " FROM activity_sessions x WHERE x.version = %s::int AND x.activity_id = %s::bigint"
    " ORDER BY x.starts_at, x.position" };

/* The host of the base URL, for the domain part of UIDs. */
static const char *uid_host(apr_pool_t *p, const char *base)
{
    const char *h = strstr(base, "://");
    apr_size_t n;

    h = h ? h + 3 : base;
    n = strcspn(h, ":/");
    return n ? apr_pstrmemdup(p, h, n) : "localhost";
}

/* "Street 1, 00100 Town", the municipality when there is no address, and
 * "online" when it is one; NULL when there is nothing. */
static const char *location(kt_req *kr, kt_db *db, apr_dbd_row_t *row)
{
    apr_pool_t *p = kr->r->pool;
    const char *street = kt_db_get(db, row, C_STREET), *town = NULL, *where = NULL;
    const char *postal = kt_db_get(db, row, C_POSTAL), *office = kt_db_get(db, row, C_POST_OFFICE);
    const char *muni = kt_db_get(db, row, kr->lang == KT_LANG_SV ? C_MUNI_SV
                                          : kr->lang == KT_LANG_EN ? C_MUNI_EN : C_MUNI_FI);

    if ((postal && *postal) || (office && *office)) {
        town = apr_pstrcat(p, postal ? postal : "", postal && *postal && office && *office ? " "
                           : "", office ? office : "", NULL);
    }
    if (street && *street) {
        where = town ? apr_pstrcat(p, street, ", ", town, NULL) : street;
    }
    else {
        where = town ? town : (muni && *muni ? muni : NULL);
    }
    if (kt_db_get(db, row, C_ONLINE)[0] == 't') {
        const char *online = kt_text(kr, "place.online");
        where = where ? apr_pstrcat(p, where, "; ", online, NULL) : online;
    }
    return where;
}

/* Title, description, place and times of the listing's row into *cal. */
static void from_row(kt_req *kr, kt_db *db, apr_dbd_row_t *row, const char *id,
                     kt_ical_calendar *cal)
{
    apr_pool_t *p = kr->r->pool;
    const char *t[KT_LANG_COUNT];
    int i, pick;

    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = kt_db_get(db, row, C_TITLE + i);
    }
    pick = kt_text_pick(kr->lang, t);
    cal->summary = pick >= 0 ? apr_pstrdup(p, t[pick]) : id;
    cal->summary_lang = pick >= 0 ? kt_lang_codes[pick] : NULL;
    cal->name = cal->summary;
    for (i = 0; i < KT_LANG_COUNT; i++) {
        t[i] = kt_db_get(db, row, C_DESC + i);
    }
    pick = kt_text_pick(kr->lang, t);
    cal->description = pick >= 0 ? apr_pstrdup(p, t[pick]) : NULL;
    cal->description_lang = pick >= 0 ? kt_lang_codes[pick] : NULL;
    cal->location = location(kr, db, row);
    cal->stamp = apr_pstrdup(p, kt_db_get(db, row, C_STAMP));
}

static kt_db_status add_events(kt_req *kr, kt_db *db, const char *id, const char *version,
                               const char *host, kt_ical_calendar *cal)
{
    apr_pool_t *p = kr->r->pool;
    const char *args[2] = { version, id };
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    kt_db_status st = kt_db_select(db, &STMT_SLOTS, &res, 2, args);

    cal->events = apr_array_make(p, 8, sizeof(kt_ical_event));
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_ical_event *ev = apr_array_push(cal->events);
        ev->uid = apr_pstrcat(p, "activity-", id, "-slot-", kt_db_get(db, row, 0), "@", host, NULL);
        ev->weekday = atoi(kt_db_get(db, row, 1));
        ev->start = apr_pstrdup(p, kt_db_get(db, row, 2));
        ev->end = apr_pstrdup(p, kt_db_get(db, row, 3));
        ev->until = kt_db_get(db, row, 4) ? apr_pstrdup(p, kt_db_get(db, row, 4)) : NULL;
    }
    if (st != KT_DB_OK) {
        return st;
    }
    row = NULL;
    st = kt_db_select(db, &STMT_SESSIONS, &res, 2, args);
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        kt_ical_event *ev = apr_array_push(cal->events);
        ev->uid = apr_pstrcat(p, "activity-", id, "-session-", kt_db_get(db, row, 0), "@", host,
                              NULL);
        ev->weekday = 0;
        ev->start = apr_pstrdup(p, kt_db_get(db, row, 1));
        ev->end = kt_db_get(db, row, 2) ? apr_pstrdup(p, kt_db_get(db, row, 2)) : NULL;
        ev->until = NULL;
    }
    return st;
}

static int send_calendar(kt_req *kr, const char *id, const kt_ical_calendar *cal,
                         apr_time_t updated)
{
    request_rec *r = kr->r;
    const char *parts[5];
    apr_size_t len;
    char *body = kt_ical_render(r->pool, cal, &len);

    parts[0] = FORMAT_VERSION;
    parts[1] = kt_lang_codes[kr->lang];
    parts[2] = cal->url;
    parts[3] = cal->stamp;
    /* the whole text: cheap at this size, and exact whatever changed */
    parts[4] = body;
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    apr_table_setn(r->headers_out, "Content-Disposition",
                   apr_pstrcat(r->pool, "attachment; filename=\"activity-", id, ".ics\"", NULL));
    ap_set_content_type(r, "text/calendar; charset=utf-8");
    if (kt_http_not_modified(r, kt_etag_make(r->pool, parts, 5), updated)) {
        r->status = HTTP_NOT_MODIFIED;
        return OK;
    }
    ap_set_content_length(r, (apr_off_t)len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
    return OK;
}

int kt_ics_activity(kt_req *kr, const char *arg)
{
    request_rec *r = kr->r;
    const char *base = kt_http_base_url(kr), *version = NULL;
    kt_ical_calendar cal;
    kt_db *db;
    kt_rows *res;
    apr_dbd_row_t *row = NULL;
    apr_time_t updated = 0;
    int found = 0, gone = 0;
    kt_db_status st;

    if (!kt_parse_id(arg)) {
        return kt_send_error(kr, HTTP_NOT_FOUND, NULL, NULL);
    }
    memset(&cal, 0, sizeof(cal));
    st = kt_db_open(r, &db);
    if (st == KT_DB_OK) {
        const char *args[1] = { arg };
        st = kt_db_select(db, &STMT_ACTIVITY, &res, 1, args);
    }
    while (st == KT_DB_OK && kt_db_next(db, res, &row)) {
        if (kt_db_get(db, row, C_ARCHIVED)[0] == 't') {
            gone = 1;
            continue;
        }
        found = 1;
        from_row(kr, db, row, arg, &cal);
        updated = apr_atoi64(kt_db_get(db, row, C_US));
        version = apr_pstrdup(r->pool, kt_db_get(db, row, C_VERSION));
    }
    if (st == KT_DB_OK && found) {
        cal.url = apr_pstrcat(r->pool, base, "/", kt_lang_codes[kr->lang], "/activities/", arg,
                              NULL);
        st = add_events(kr, db, arg, version, uid_host(r->pool, base), &cal);
    }
    if (st != KT_DB_OK) {
        ap_log_rerror(APLOG_MARK, st == KT_DB_UNAVAILABLE ? APLOG_WARNING : APLOG_ERR, 0, r,
                      "KT0640: calendar of activity %s: database call failed", arg);
        return kt_send_db_failure(kr, st);
    }
    if (!found) {
        return kt_send_error(kr, gone ? HTTP_GONE : HTTP_NOT_FOUND, NULL, NULL);
    }
    return send_calendar(kr, arg, &cal, updated);
}
