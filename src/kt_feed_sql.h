/* The SQL of the partner feed (kt_feed.c), as macros: pure text, so that the
 * statements can be read in one place and printed for EXPLAIN.  Placeholders
 * are APR DBD's %s, numbered $1, $2, … in order of appearance.
 *
 * The feed is one ordered stream of items, keyed (time, id):
 *   - public listings by (updated_at, id): the `activities_public` index, read
 *     backwards, walks them in that order, so a page costs its own rows and
 *     never an OFFSET;
 *   - in an incremental request (updated_since), also the tombstones by
 *     (deleted_at, activity_id) (sql/004_feed.sql), and listings that changed
 *     but no longer match the filters — to a partner that mirrors a filtered
 *     feed, those are gone too.
 * A listing is public or tombstoned, never both, so an id occurs once and
 * (time, id) is a total order.  Each page starts strictly after the key its
 * cursor names: a listing that changes between pages gets a later time and
 * comes again further on, none is skipped.
 *
 * Every statement starts with the same parameters:
 *   $1 lo_ts  RFC 3339, or NULL for the very beginning: items start after (lo_ts, lo_id)
 *   $2 lo_id  bigint
 *   $3 incremental  boolean: updated_since was given
 *   $4 lim    int: at most this many items */
#ifndef KT_FEED_SQL_H
#define KT_FEED_SQL_H

#define KT_FEED_SQL_PARAMS \
    "WITH p AS NOT MATERIALIZED (SELECT coalesce(%s::timestamptz, '-infinity') AS lo_ts," \
    " %s::bigint AS lo_id, %s::boolean AS incremental, %s::int AS lim)"

/* Whether listing a.id passes the filters. */
#define KT_FEED_SQL_MATCH "true"

/* k: the page's keys, (hit, id, ts) in order; hit is false for a deletion. */
#define KT_FEED_SQL_KEYS \
    ", ka AS (SELECT " KT_FEED_SQL_MATCH " AS hit, a.id, a.updated_at AS ts" \
    " FROM activities a JOIN organisations o ON o.id = a.organisation_id CROSS JOIN p" \
    " WHERE a.published_version IS NOT NULL AND a.archived_at IS NULL" \
    " AND o.status = 'approved' AND (a.updated_at, a.id) > (p.lo_ts, p.lo_id)" \
    " AND (p.incremental OR " KT_FEED_SQL_MATCH ")" \
    " ORDER BY a.updated_at, a.id LIMIT (SELECT lim FROM p))" \
    ", kd AS (SELECT false AS hit, t.activity_id AS id, t.deleted_at AS ts" \
    " FROM feed_tombstones t CROSS JOIN p" \
    " WHERE p.incremental AND (t.deleted_at, t.activity_id) > (p.lo_ts, p.lo_id)" \
    " AND NOT EXISTS (SELECT 1 FROM public_activities x WHERE x.id = t.activity_id)" \
    " ORDER BY t.deleted_at, t.activity_id LIMIT (SELECT lim FROM p))" \
    ", k AS (SELECT * FROM ka UNION ALL SELECT * FROM kd ORDER BY ts, id" \
    " LIMIT (SELECT lim FROM p))"

/* What the ETag and Last-Modified are made of, asked with lim = the page
 * size + 1: the number of keys (more than the page size: there is a next
 * page), a digest of the page's keys, and the newest change anywhere (µs), as
 * of this transaction's snapshot. */
#define KT_FEED_SQL_STATE \
    KT_FEED_SQL_PARAMS KT_FEED_SQL_KEYS \
    " SELECT (SELECT count(*) FROM k)," \
    " (SELECT md5(string_agg(CASE WHEN hit THEN 'a' ELSE 'd' END || id || '@' || kt_feed_us(ts)," \
    " ',' ORDER BY ts, id)) FROM (SELECT * FROM k ORDER BY ts, id" \
    " LIMIT (SELECT lim - 1 FROM p)) x)," \
    " kt_feed_us(greatest((SELECT max(updated_at) FROM activities" \
    " WHERE published_version IS NOT NULL), (SELECT max(deleted_at) FROM feed_tombstones)))," \
    " kt_feed_us(now())"

/* The items themselves, in feed order.  Columns: see KT_FEED_COL_* in kt_feed.c. */
#define KT_FEED_SQL_ITEMS \
    KT_FEED_SQL_PARAMS KT_FEED_SQL_KEYS \
    " SELECT k.hit, k.id, kt_feed_time(k.ts), kt_feed_us(k.ts), kt_feed_time(a.published_at)," \
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en," \
    " kt_feed_forms(v.forms), kt_feed_themes(v.themes), kt_feed_targets(v.targets)," \
    " kt_feed_languages(v.languages)," \
    " v.municipality_code, m.name_fi, m.name_sv, m.region_code, rg.name_fi, rg.name_sv," \
    " rg.name_en, v.is_online, v.is_nationwide, v.street_address, v.postal_code, v.post_office," \
    " v.accessibility_fi, v.accessibility_sv, v.accessibility_en," \
    " v.start_date, v.end_date, v.price_eur, v.registration," \
    " v.contact_name, v.contact_email, v.contact_phone, v.url," \
    " o.id, o.name, o.business_id, o.type, pr.id, pr.name," \
    " kt_feed_schedule(a.id, a.published_version), kt_feed_sessions(a.id, a.published_version)" \
    " FROM k LEFT JOIN activities a ON a.id = k.id AND k.hit" \
    " LEFT JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version" \
    " LEFT JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    " LEFT JOIN projects pr ON pr.id = v.project_id" \
    " ORDER BY k.ts, k.id"

/* The installation's cursor secret (hex) and the newest applied migration:
 * reference data (vocabulary names) changes only with a migration, and the
 * ETags must change with it. */
#define KT_FEED_SQL_SECRET \
    "SELECT encode(secret, 'hex'), (SELECT max(version) FROM schema_migrations)" \
    " FROM feed_secret"

#endif
