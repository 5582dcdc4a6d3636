/* The SQL of events' public pages and partner feed (sql/012_events.sql), as
 * macros: pure text, read in one place.  Placeholders are APR DBD's %s.
 *
 * Every statement that filters is a template of the filter table
 * kt_event_filters (kt_event.h, kt_filter.h): "@PARAMS@" is the CTE `p` of
 * its parameters (kt_search_sql_args: lang, q and qx as tsqueries, then each
 * filter's, NULL turning it off), left open, and "@WHERE@" every filter's
 * condition on public_events `v` with its municipality `m`;
 * kt_filter_sql_expand fills them in once, when the module starts
 * (kt_events_init). */
#ifndef KT_EVENT_SQL_H
#define KT_EVENT_SQL_H

#include "kt_project_sql.h"

#define KT_EV_SQL_NAMES(lang) \
    "kt_name(" lang ", ty.name_fi, ty.name_sv, ty.name_en)"

/* Audiences as "code US name RS …", in the vocabulary's order. */
#define KT_EV_SQL_AUDIENCES(lang) \
    "(SELECT string_agg(a.code || chr(31) || kt_name(" lang ", a.name_fi, a.name_sv, a.name_en)," \
    " chr(30) ORDER BY a.position) FROM event_audiences a WHERE a.code = ANY (v.audiences))"

/* A card: id, titles (3), type code and name, audiences, start, end (local
 * YYYY-MM-DDTHH:MM), ended, municipality code and name, online, price,
 * organisation id and name.  `l.lang` and `l.lnow` (Helsinki now) in scope. */
#define KT_EV_SQL_CARD \
    "v.id AS ev_id, v.title_fi, v.title_sv, v.title_en, v.event_type, " KT_EV_SQL_NAMES("l.lang") ", " \
    KT_EV_SQL_AUDIENCES("l.lang") "," \
    " to_char(v.starts_at, 'YYYY-MM-DD\"T\"HH24:MI'), to_char(v.ends_at, 'YYYY-MM-DD\"T\"HH24:MI')," \
    " v.ends_at < l.lnow, v.municipality_code, kt_name(l.lang, m.name_fi, m.name_sv, m.name_en)," \
    " v.is_online, v.price_eur, o.id AS org_id, o.name"
#define KT_EV_SQL_CARD_NCOLS 16

#define KT_EV_SQL_CARD_FROM \
    " FROM public_events v JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN event_types ty ON ty.code = v.event_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code"

#define KT_EV_SQL_LANG \
    " CROSS JOIN (SELECT %s::text AS lang, now() AT TIME ZONE 'Europe/Helsinki' AS lnow) l"

/* The search page: the table's parameters, then the offset.  One row always:
 * the number of hits, then a card (NULLs when the page is past the end).
 * Upcoming ones soonest first; ended ones (past) newest first. */
#define KT_EV_SQL_SEARCH \
    "@PARAMS@)" \
    ", hits AS (SELECT " KT_EV_SQL_CARD ", v.starts_at AS s_at, v.ends_at AS e_at" \
    KT_EV_SQL_CARD_FROM " CROSS JOIN p" \
    " CROSS JOIN (SELECT p.lang, now() AT TIME ZONE 'Europe/Helsinki' AS lnow FROM p) l" \
    " WHERE @WHERE@)" \
    " SELECT (SELECT count(*) FROM hits), h.* FROM (SELECT 1) one LEFT JOIN LATERAL" \
    " (SELECT hits.* FROM hits CROSS JOIN p ORDER BY" \
    "  CASE WHEN p.f_past THEN NULL ELSE hits.s_at END, hits.e_at DESC, hits.ev_id" \
    "  LIMIT 20 OFFSET %s::int) h ON true"

/* The vocabularies of the search form: type, audience, region, municipality
 * (with its region), in display order; %s lang. */
#define KT_EV_SQL_VOCAB \
    "SELECT k, code, name, g FROM (" \
    "SELECT 1 AS o, 'type' AS k, code, kt_name(%s, name_fi, name_sv, name_en) AS name," \
    " position AS pos, NULL::text AS g FROM event_types" \
    " UNION ALL SELECT 2, 'audience', code, kt_name(%s, name_fi, name_sv, name_en), position," \
    " NULL FROM event_audiences" \
    " UNION ALL SELECT 3, 'region', code::text, kt_name(%s, name_fi, name_sv, name_en), 0, NULL" \
    " FROM regions" \
    " UNION ALL SELECT 4, 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0," \
    " region_code::text FROM municipalities) x ORDER BY o, pos, name COLLATE kt_fi, code"

/* The next upcoming events, soonest first (the front page); %s lang. */
#define KT_EV_SQL_NEXT(n) \
    "SELECT " KT_EV_SQL_CARD KT_EV_SQL_CARD_FROM KT_EV_SQL_LANG \
    " WHERE v.ends_at >= l.lnow ORDER BY v.starts_at, v.id LIMIT " n

/* An organisation's public events: upcoming soonest first, then ended ones
 * newest first; %s lang, organisation. */
#define KT_EV_SQL_BY_ORG \
    "SELECT " KT_EV_SQL_CARD KT_EV_SQL_CARD_FROM KT_EV_SQL_LANG \
    " WHERE v.organisation_id = %s::bigint ORDER BY v.ends_at < l.lnow," \
    " CASE WHEN v.ends_at < l.lnow THEN NULL ELSE v.starts_at END, v.ends_at DESC, v.id" \
    " LIMIT 100"

/* One event as the public sees it; %s lang, id.  Archived: the first column
 * says so (410); not public: no row (404). */
#define KT_EV_SQL_FULL \
    "SELECT e.archived_at IS NOT NULL, " KT_EV_SQL_CARD "," \
    " to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')," \
    " v.description_fi, v.description_sv, v.description_en," \
    " m.region_code, kt_name(l.lang, rg.name_fi, rg.name_sv, rg.name_en)," \
    " v.street_address, v.postal_code, v.post_office, v.online_url, v.registration_url," \
    " to_char(v.registration_deadline, 'YYYY-MM-DD')," \
    " (SELECT string_agg(lg.code || chr(31) || kt_name(l.lang, lg.name_fi, lg.name_sv, lg.name_en)," \
    "  chr(30) ORDER BY u.n) FROM unnest(v.languages) WITH ORDINALITY AS u(code, n)" \
    "  JOIN languages lg ON lg.code = u.code)," \
    " v.contact_name, v.contact_email, v.contact_phone, v.url, o.business_id," \
    " " KT_PROJECT_NAME_COLUMNS "," \
    " to_char(v.starts_at, 'YYYYMMDD\"T\"HH24MISS'), to_char(v.ends_at, 'YYYYMMDD\"T\"HH24MISS')," \
    " to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYYMMDD\"T\"HH24MISS\"Z\"'), kt_feed_us(v.updated_at)," \
    " m.name_fi, m.name_sv" \
    " FROM events e JOIN (SELECT ev.id, ev.organisation_id, ev.updated_at, ev.published_at, x.*" \
    "  FROM events ev JOIN event_versions x ON x.event_id = ev.id" \
    "  AND x.version = ev.published_version) v ON v.id = e.id" \
    " JOIN organisations o ON o.id = v.organisation_id AND o.status = 'approved'" \
    " LEFT JOIN event_types ty ON ty.code = v.event_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    KT_PROJECT_NAME_JOIN("v.project_id") \
    KT_EV_SQL_LANG " WHERE e.id = %s::bigint"

/* ---- the partner feed (FEED.md; kt_feed.c's machinery) ------------------------------ */

/* After the table's parameters (only the filters the feed takes: not past):
 * lo_ts, lo_id, horizon, lim, then lim for each of the four LIMITs
 * (KT_FEED_NARGS).  The same order and keys as the activity feed
 * (kt_feed_sql.h): public events that pass the filters by (updated_at, id);
 * after the horizon, public events that changed and do not pass, and
 * tombstones (listing_tombstones, kind 'event'). */
#define KT_EV_FEED_ROWS \
    " FROM public_events v LEFT JOIN municipalities m ON m.code = v.municipality_code"

#define KT_EV_FEED_KEYS \
    "@PARAMS@), k0 AS (SELECT coalesce(%s::timestamptz, '-infinity') AS lo_ts," \
    " %s::bigint AS lo_id, %s::timestamptz AS horizon, %s::int AS lim)" \
    ", h AS (SELECT CASE WHEN k0.horizon > k0.lo_ts THEN k0.horizon ELSE k0.lo_ts END AS lo_ts," \
    " CASE WHEN k0.horizon > k0.lo_ts THEN 9223372036854775807 ELSE k0.lo_id END AS lo_id" \
    " FROM k0)" \
    ", ka AS (SELECT true AS hit, v.id, v.updated_at AS ts" KT_EV_FEED_ROWS \
    " CROSS JOIN p CROSS JOIN k0" \
    " WHERE (v.updated_at, v.id) > (k0.lo_ts, k0.lo_id) AND @WHERE@" \
    " ORDER BY v.updated_at, v.id LIMIT %s::int)" \
    ", kx AS (SELECT false AS hit, v.id, v.updated_at AS ts" KT_EV_FEED_ROWS \
    " CROSS JOIN p CROSS JOIN k0" \
    " CROSS JOIN h WHERE k0.horizon IS NOT NULL AND (v.updated_at, v.id) > (h.lo_ts, h.lo_id)" \
    " AND (@WHERE@) IS NOT TRUE ORDER BY v.updated_at, v.id LIMIT %s::int)" \
    ", kd AS (SELECT false AS hit, d.listing_id AS id, d.deleted_at AS ts" \
    " FROM listing_tombstones d CROSS JOIN k0 CROSS JOIN h" \
    " WHERE d.kind = 'event' AND k0.horizon IS NOT NULL" \
    " AND (d.deleted_at, d.listing_id) > (h.lo_ts, h.lo_id)" \
    " AND NOT EXISTS (SELECT 1 FROM public_events x WHERE x.id = d.listing_id)" \
    " ORDER BY d.deleted_at, d.listing_id LIMIT %s::int)" \
    ", k AS (SELECT * FROM ka UNION ALL SELECT * FROM kx UNION ALL SELECT * FROM kd" \
    " ORDER BY ts, id LIMIT %s::int)"

#define KT_EV_FEED_STATE \
    KT_EV_FEED_KEYS \
    " SELECT (SELECT count(*) FROM k)," \
    " (SELECT md5(string_agg(CASE WHEN hit THEN 'a' ELSE 'd' END || id || '@' || kt_feed_us(ts)," \
    " ',' ORDER BY ts, id)) FROM (SELECT * FROM k ORDER BY ts, id" \
    " LIMIT (SELECT lim - 1 FROM k0)) x)," \
    " kt_feed_us(greatest((SELECT max(updated_at) FROM events" \
    " WHERE published_version IS NOT NULL)," \
    " (SELECT max(deleted_at) FROM listing_tombstones WHERE kind = 'event')))," \
    " kt_feed_us(now()), (SELECT n FROM kt_reference_generation)"

/* Columns: hit, id, updated, µs, published (the four every feed starts
 * with), then the event's (kt_events_feed.c). */
#define KT_EV_FEED_ITEMS \
    KT_EV_FEED_KEYS \
    " SELECT k.hit, k.id, kt_feed_time(k.ts), kt_feed_us(k.ts), kt_feed_time(v.published_at)," \
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en," \
    " v.event_type, ty.name_fi, ty.name_sv, ty.name_en," \
    " (SELECT string_agg(concat(a.code, chr(31), a.name_fi, chr(31), a.name_sv, chr(31)," \
    "  a.name_en), chr(30) ORDER BY a.position) FROM event_audiences a" \
    "  WHERE a.code = ANY (v.audiences))," \
    " kt_feed_local(v.starts_at), kt_feed_local(v.ends_at)," \
    " v.municipality_code, m.name_fi, m.name_sv, m.region_code, rg.name_fi, rg.name_sv," \
    " rg.name_en, v.is_online, v.street_address, v.postal_code, v.post_office, v.online_url," \
    " kt_feed_languages(v.languages), v.registration_url," \
    " to_char(v.registration_deadline, 'YYYY-MM-DD'), v.price_eur," \
    " v.contact_name, v.contact_email, v.contact_phone, v.url," \
    " o.id, o.name, o.business_id, o.type, pr.id, pr.name" \
    " FROM k LEFT JOIN public_events v ON v.id = k.id AND k.hit" \
    " LEFT JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN event_types ty ON ty.code = v.event_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    " LEFT JOIN projects pr ON pr.id = v.project_id AND pr.name IS NOT NULL" \
    " ORDER BY k.ts, k.id"

/* ---- Atom: the newest published events ----------------------------------------- */

#define KT_EV_ATOM_NEWEST \
    " FROM public_events v JOIN organisations o ON o.id = v.organisation_id" \
    " ORDER BY v.published_at DESC NULLS LAST, v.id DESC LIMIT 50"

#define KT_EV_ATOM_STATE \
    "SELECT md5(string_agg(x.id || '@' || kt_feed_us(x.updated_at), ',' ORDER BY x.n))," \
    " kt_feed_us(max(x.updated_at)), kt_feed_time(max(x.updated_at))" \
    " FROM (SELECT v.id, v.updated_at, row_number() OVER (ORDER BY v.published_at DESC NULLS LAST," \
    " v.id DESC) AS n" KT_EV_ATOM_NEWEST ") x"

/* The columns kt_atom.c reads: id, updated, published, titles (3), summaries
 * (3), organisation id and name, categories "code US name RS …"; %s lang. */
#define KT_EV_ATOM_ENTRIES \
    "SELECT v.id, kt_feed_time(v.updated_at), kt_feed_time(coalesce(v.published_at, v.updated_at))," \
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en," \
    " o.id, o.name, (SELECT ty.code || chr(31) || kt_name(%s::text, ty.name_fi, ty.name_sv," \
    " ty.name_en) FROM event_types ty WHERE ty.code = v.event_type)" KT_EV_ATOM_NEWEST

#endif
