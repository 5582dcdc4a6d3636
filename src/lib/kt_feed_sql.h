/* The SQL of the partner feed (kt_feed.c), as macros: pure text, so that the
 * statements can be read in one place and printed for EXPLAIN
 * (build/kt-feed-sql).  Placeholders are APR DBD's %s, numbered $1, $2, … in
 * order of appearance.
 *
 * The feed is one ordered stream of items, keyed (time, id):
 *   - public listings that pass the filters, by (updated_at, id), read from the
 *     search's narrow row per public listing (activity_search, with the
 *     listing's updated_at since sql/008_feed_filters.sql; activity_search_text
 *     for q).  The filters are the search's own conditions (kt_search_sql.h,
 *     KT_SQ_ALL), so the feed and /{lang}/activities find the same listings for
 *     the same parameters.  The planner walks activity_search_feed from the
 *     page's key, testing each row, or for a selective filter starts from the
 *     search's indexes and sorts what they give; either way a page costs about
 *     its own rows and never an OFFSET;
 *   - after the horizon (updated_since, or for a sync begun without it the time
 *     its first page saw: kt_feed.c), deletions: tombstones by (deleted_at,
 *     activity_id) (sql/004_feed.sql), and public listings that changed but do
 *     not pass the filters — to a partner that mirrors a filtered feed, a
 *     listing edited out of its filters (moved from Vantaa to Espoo) is gone
 *     too.  The feed keeps no history of what a listing was, so it cannot tell
 *     whether the partner had it: every such change is announced, and the
 *     partner ignores ids it does not have.  The cost is bounded by the number
 *     of changes after the horizon, which an unfiltered sync reads anyway.
 * A listing is public (has a search row) or tombstoned, never both, and passes
 * the filters or not, so an id occurs once and (time, id) is a total order.
 * Each page starts strictly after the key its cursor names: a listing that
 * changes between pages gets a later time and comes again further on, none is
 * skipped.
 *
 * Every statement starts with the same parameters: kt_search_sql_args
 * (KT_SEARCH_NARGS: lang, q and qx as tsqueries, then each filter of
 * kt_activity_filters; NULL turns a filter off), then
 *   lo_ts     RFC 3339, or NULL for the very beginning: items start after (lo_ts, lo_id)
 *   lo_id     bigint
 *   horizon   RFC 3339 or NULL: deletions are announced when they happened after it
 *   lim       int: at most this many items
 * and lim again for each of the four LIMITs (KT_FEED_SQL_NARGS).  Sessions plan
 * every execution for its values (plan_cache_mode, kt_db.c): the conditions of
 * unused filters fold away as in the search, and with no filter at all the
 * text join goes and nothing but the listings' order is read. */
#ifndef KT_FEED_SQL_H
#define KT_FEED_SQL_H

#include "kt_search_sql.h"

/* A plain parameter for each LIMIT is a constant to the planner, which then
 * plans for the page's size (a LIMIT it cannot see is taken as a tenth of the
 * rows, and whether to walk the order or start from a filter's index depends
 * on it). */
#define KT_FEED_SQL_NARGS (KT_SEARCH_NARGS + 4 + 4)

#define KT_FEED_SQL_PARAMS \
    KT_SQ_PARAMS ", coalesce(%s::timestamptz, '-infinity') AS lo_ts, %s::bigint AS lo_id," \
    " %s::timestamptz AS horizon, %s::int AS lim)" \
    /* where deletions start: after the page's start and after the horizon */ \
    ", h AS NOT MATERIALIZED (SELECT CASE WHEN p.horizon > p.lo_ts THEN p.horizon" \
    " ELSE p.lo_ts END AS lo_ts, CASE WHEN p.horizon > p.lo_ts THEN 9223372036854775807" \
    " ELSE p.lo_id END AS lo_id FROM p)"

/* The public listings (one search row each), with their text rows for q. */
#define KT_FEED_SQL_PUBLIC(more) \
    " FROM activity_search s LEFT JOIN activity_search_text t ON t.activity_id = s.activity_id" \
    " CROSS JOIN p" more

/* k: the page's keys, (hit, id, ts) in order; hit is false for a deletion.
 * ka: listings that pass the filters (KT_SQ_ALL; NULL counts as no); kx:
 * listings changed after the horizon that do not (empty without filters,
 * where KT_SQ_ALL folds to true); kd: tombstones after the horizon. */
#define KT_FEED_SQL_KEYS \
    ", ka AS (SELECT true AS hit, s.activity_id AS id, s.updated_at AS ts" \
    KT_FEED_SQL_PUBLIC("") " WHERE (s.updated_at, s.activity_id) > (p.lo_ts, p.lo_id)" \
    " AND " KT_SQ_ALL " ORDER BY s.updated_at, s.activity_id LIMIT %s::int)" \
    ", kx AS (SELECT false AS hit, s.activity_id AS id, s.updated_at AS ts" \
    KT_FEED_SQL_PUBLIC(" CROSS JOIN h") " WHERE p.horizon IS NOT NULL" \
    " AND (s.updated_at, s.activity_id) > (h.lo_ts, h.lo_id)" \
    " AND (" KT_SQ_ALL ") IS NOT TRUE ORDER BY s.updated_at, s.activity_id LIMIT %s::int)" \
    ", kd AS (SELECT false AS hit, d.activity_id AS id, d.deleted_at AS ts" \
    " FROM feed_tombstones d CROSS JOIN p CROSS JOIN h" \
    " WHERE p.horizon IS NOT NULL AND (d.deleted_at, d.activity_id) > (h.lo_ts, h.lo_id)" \
    " AND NOT EXISTS (SELECT 1 FROM activity_search x WHERE x.activity_id = d.activity_id)" \
    " ORDER BY d.deleted_at, d.activity_id LIMIT %s::int)" \
    ", k AS (SELECT * FROM ka UNION ALL SELECT * FROM kx UNION ALL SELECT * FROM kd" \
    " ORDER BY ts, id LIMIT %s::int)"

/* kt_feed_us(t) written out: that IMMUTABLE function's extract() on a
 * timestamptz is only STABLE, so the planner never inlines it, and every call
 * ran the function's own executor (a row's item, and each key of the page's
 * digest). */
#define KT_FEED_SQL_US(t) " (extract(epoch FROM " t ") * 1000000)::bigint"

/* What the ETag and Last-Modified are made of, asked with lim = the page
 * size + 1: the number of keys (more than the page size: there is a next
 * page), a digest of the page's keys, and the newest change anywhere (µs), as
 * of this transaction's snapshot. */
#define KT_FEED_SQL_STATE \
    KT_FEED_SQL_PARAMS KT_FEED_SQL_KEYS \
    " SELECT (SELECT count(*) FROM k)," \
    " (SELECT md5(string_agg(CASE WHEN hit THEN 'a' ELSE 'd' END || id || '@' ||" \
    KT_FEED_SQL_US("ts") "," \
    " ',' ORDER BY ts, id)) FROM (SELECT * FROM k ORDER BY ts, id" \
    " LIMIT (SELECT lim - 1 FROM p)) x)," \
    " kt_feed_us(greatest((SELECT max(updated_at) FROM activities" \
    " WHERE published_version IS NOT NULL), (SELECT max(deleted_at) FROM feed_tombstones)))," \
    " kt_feed_us(now()), (SELECT n FROM kt_reference_generation)"

/* The packed lists of an item, written out here rather than as calls of
 * sql/004_feed.sql's kt_feed_schedule() and kt_feed_sessions(), which they
 * equal: those are SQL functions the planner
 * cannot inline (an aggregate; kt_feed_local has a FROM), so each call set up
 * an executor of its own — six a row, most of the statement's time.  As
 * subqueries they are planned once with the statement.  Same text, byte for
 * byte.  Forms, themes, target groups and languages (kt_feed_forms() & co.,
 * kt_feed_languages()) are not joined here at all: a row gives their codes,
 * and kt_feed.c writes their names from the vocabularies
 * (KT_FEED_SQL_VOCABULARIES, kept with the connection for the generation of
 * the reference data), as those functions packed them — without a subquery
 * a row for each. */
/* kt_feed_time(t) (sql/004_feed.sql) written out: that function is STRICT
 * and its body is not (a CASE), so the planner never inlines it, and each call
 * ran the function's own executor — two a row.  NULL gives NULL, as there. */
#define KT_FEED_SQL_TIME(t) \
    " (to_char(" t " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')" \
    " || CASE WHEN extract(microseconds FROM " t ")::bigint % 1000000 = 0 THEN ''" \
    " ELSE rtrim(to_char(" t " AT TIME ZONE 'UTC', '.US'), '0') END || 'Z')"
/* kt_feed_local(t), given o = t's offset from UTC in Helsinki that day. */
#define KT_FEED_SQL_LOCAL(t, o) \
    " to_char(" t ", 'YYYY-MM-DD\"T\"HH24:MI:SS')" \
    " || CASE WHEN " o " < interval '0' THEN '-' ELSE '+' END" \
    " || to_char(abs(extract(epoch FROM " o "))::int / 3600, 'FM00') || ':'" \
    " || to_char(abs(extract(epoch FROM " o "))::int / 60 % 60, 'FM00')"
#define KT_FEED_SQL_OFFSET(t) \
    " " t " - ((" t " AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'UTC')"
#define KT_FEED_SQL_TIMES(id, version) \
    " (SELECT string_agg(concat(s.weekday, chr(31), to_char(s.starts, 'HH24:MI:SS'), chr(31)," \
    " to_char(s.ends, 'HH24:MI:SS')), chr(30) ORDER BY s.weekday, s.starts, s.position)" \
    " FROM activity_schedule s WHERE s.activity_id = " id " AND s.version = " version ")," \
    " (SELECT string_agg(concat(" KT_FEED_SQL_LOCAL("x.starts_at", "z.os") ", chr(31)," \
    KT_FEED_SQL_LOCAL("x.ends_at", "z.oe") "), chr(30) ORDER BY x.starts_at, x.position)" \
    " FROM activity_sessions x CROSS JOIN LATERAL (SELECT" KT_FEED_SQL_OFFSET("x.starts_at") \
    " AS os," KT_FEED_SQL_OFFSET("x.ends_at") " AS oe) z" \
    " WHERE x.activity_id = " id " AND x.version = " version ")"

/* The items themselves, in feed order.  Columns: see KT_FEED_COL_* in kt_feed.c. */
#define KT_FEED_SQL_ITEMS \
    KT_FEED_SQL_PARAMS KT_FEED_SQL_KEYS \
    " SELECT k.hit, k.id," KT_FEED_SQL_TIME("k.ts") "," KT_FEED_SQL_US("k.ts") "," \
    KT_FEED_SQL_TIME("a.published_at") "," \
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en," \
    " v.forms, v.themes, v.targets, v.languages," \
    " v.municipality_code, m.name_fi, m.name_sv, m.region_code, rg.name_fi, rg.name_sv," \
    " rg.name_en, v.is_online, v.is_nationwide, v.street_address, v.postal_code, v.post_office," \
    " v.accessibility_fi, v.accessibility_sv, v.accessibility_en," \
    " v.start_date, v.end_date, v.price_eur, v.registration," \
    " v.contact_name, v.contact_email, v.contact_phone, v.url," \
    " o.id, o.name, o.business_id, o.type, pr.id, pr.name," \
    KT_FEED_SQL_TIMES("a.id", "a.published_version") \
    " FROM k LEFT JOIN activities a ON a.id = k.id AND k.hit" \
    " LEFT JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version" \
    " LEFT JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    " LEFT JOIN projects pr ON pr.id = v.project_id AND pr.name IS NOT NULL" \
    " ORDER BY k.ts, k.id"

/* The vocabularies an item names its terms from: forms, themes, target groups
 * (1, 2, 3; code and names, in each one's order) and the languages (4; code,
 * ISO 639-1 code, names), after a first row (0) with the generation of the
 * reference data (kt_reference_generation, sql/006: moved on by every
 * statement that writes one of them).  The rows come only when that is not
 * the generation given (%s: the one the connection keeps them for, or NULL). */
#define KT_FEED_SQL_VOCABULARIES \
    "WITH g AS (SELECT n::text AS stamp FROM kt_reference_generation)" \
    " SELECT 0 AS w, 0 AS position, g.stamp AS code, NULL::text AS code1," \
    " NULL::text AS name_fi, NULL::text AS name_sv, NULL::text AS name_en FROM g" \
    " UNION ALL (SELECT v.* FROM (" \
    "SELECT 1, position, code, NULL::text, name_fi, name_sv, name_en FROM activity_forms" \
    " UNION ALL SELECT 2, position, code, NULL, name_fi, name_sv, name_en FROM themes" \
    " UNION ALL SELECT 3, position, code, NULL, name_fi, name_sv, name_en FROM target_groups" \
    " UNION ALL SELECT 4, 0, code, code1, name_fi, name_sv, name_en FROM languages) v" \
    " WHERE (SELECT g.stamp FROM g) IS DISTINCT FROM %s::text)" \
    " ORDER BY 1, 2"

/* The installation's cursor secret (hex) and the newest applied migration:
 * reference data (vocabulary names) changes only with a migration, and the
 * ETags must change with it. */
#define KT_FEED_SQL_SECRET \
    "SELECT encode(secret, 'hex'), (SELECT max(version) FROM schema_migrations)" \
    " FROM feed_secret"

#endif
