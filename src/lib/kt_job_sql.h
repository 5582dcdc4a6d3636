/* The SQL of jobs' public pages and partner feed (sql/018_jobs.sql), as
 * macros: pure text, read in one place.  Placeholders are APR DBD's %s.
 *
 * Every statement that filters is a template of the filter table
 * kt_job_filters (kt_job.h, kt_filter.h): "@PARAMS@" is the CTE `p` of its
 * parameters (kt_search_sql_args: lang, q and qx as tsqueries, then each
 * filter's, NULL turning it off), left open, and "@WHERE@" every filter's
 * condition on public_jobs `v` with its municipality `m`;
 * kt_filter_sql_expand fills them in once, when the module starts
 * (kt_jobs_init).  public_jobs holds only jobs whose application time has not
 * closed (it compares with now(): nothing has to run for a job to go at its
 * deadline). */
#ifndef KT_JOB_SQL_H
#define KT_JOB_SQL_H

/* A card: id, titles (3), type code and name, municipality code and name,
 * remote, hours a week, deadline (YYYY-MM-DD, HH:MM or NULL), organisation id
 * and name.  `l.lang` in scope. */
#define KT_JOB_SQL_CARD \
    "v.id AS job_id, v.title_fi, v.title_sv, v.title_en, v.job_type," \
    " kt_name(l.lang, ty.name_fi, ty.name_sv, ty.name_en), v.municipality_code," \
    " kt_name(l.lang, m.name_fi, m.name_sv, m.name_en), v.is_remote, trim_scale(v.hours_per_week)," \
    " to_char(v.deadline_date, 'YYYY-MM-DD'), to_char(v.deadline_time, 'HH24:MI')," \
    " o.id AS org_id, o.name"
#define KT_JOB_SQL_CARD_NCOLS 14

#define KT_JOB_SQL_CARD_FROM \
    " FROM public_jobs v JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN job_types ty ON ty.code = v.job_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code"

#define KT_JOB_SQL_LANG " CROSS JOIN (SELECT %s::text AS lang) l"

/* The list page: the table's parameters, then the offset.  One row always:
 * the number of hits, then a card (NULLs when the page is past the end).
 * Soonest deadline first. */
#define KT_JOB_SQL_SEARCH \
    "@PARAMS@)" \
    ", hits AS (SELECT " KT_JOB_SQL_CARD ", v.closes_at AS c_at" \
    KT_JOB_SQL_CARD_FROM " CROSS JOIN p CROSS JOIN (SELECT p.lang FROM p) l WHERE @WHERE@)" \
    " SELECT (SELECT count(*) FROM hits), h.* FROM (SELECT 1) one LEFT JOIN LATERAL" \
    " (SELECT hits.* FROM hits ORDER BY hits.c_at, hits.job_id LIMIT 20 OFFSET %s::int) h" \
    " ON true"

/* The vocabularies of the filters: type, region, municipality (with its
 * region), in display order; %s lang. */
#define KT_JOB_SQL_VOCAB \
    "SELECT k, code, name, g FROM (" \
    "SELECT 1 AS o, 'type' AS k, code, kt_name(%s, name_fi, name_sv, name_en) AS name," \
    " position AS pos, NULL::text AS g FROM job_types" \
    " UNION ALL SELECT 2, 'region', code::text, kt_name(%s, name_fi, name_sv, name_en), 0, NULL" \
    " FROM regions" \
    " UNION ALL SELECT 3, 'municipality', code::text, kt_name(%s, name_fi, name_sv, name_en), 0," \
    " region_code::text FROM municipalities) x ORDER BY o, pos, name COLLATE kt_fi, code"

/* An organisation's open jobs, soonest deadline first; %s lang, organisation. */
#define KT_JOB_SQL_BY_ORG \
    "SELECT " KT_JOB_SQL_CARD KT_JOB_SQL_CARD_FROM KT_JOB_SQL_LANG \
    " WHERE v.organisation_id = %s::bigint ORDER BY v.closes_at, v.id LIMIT 100"

/* One job as the public sees it; %s lang, id.  Archived or closed: the first
 * column says so (410); never public: no row (404).  After the card: updated
 * (UTC), descriptions (3), region code and name, languages "code US name RS
 * …", apply link and address, contact name, email, phone, salary (3), business
 * ID, published day, closes (RFC 3339). */
#define KT_JOB_SQL_FULL \
    "SELECT j.archived_at IS NOT NULL OR v.closes_at <= now(), " KT_JOB_SQL_CARD "," \
    " to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')," \
    " v.description_fi, v.description_sv, v.description_en," \
    " m.region_code, kt_name(l.lang, rg.name_fi, rg.name_sv, rg.name_en)," \
    " (SELECT string_agg(lg.code || chr(31) || kt_name(l.lang, lg.name_fi, lg.name_sv, lg.name_en)," \
    "  chr(30) ORDER BY u.n) FROM unnest(v.languages) WITH ORDINALITY AS u(code, n)" \
    "  JOIN languages lg ON lg.code = u.code)," \
    " v.apply_url, v.apply_email, v.contact_name, v.contact_email, v.contact_phone," \
    " v.salary_fi, v.salary_sv, v.salary_en," \
    " o.business_id, to_char(v.published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " kt_feed_time(v.closes_at)" \
    " FROM jobs j JOIN (SELECT x.id, x.organisation_id, x.updated_at, x.published_at, y.*" \
    "  FROM jobs x JOIN job_versions y ON y.job_id = x.id" \
    "  AND y.version = x.published_version) v ON v.id = j.id" \
    " JOIN organisations o ON o.id = v.organisation_id AND o.status = 'approved'" \
    " LEFT JOIN job_types ty ON ty.code = v.job_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    KT_JOB_SQL_LANG " WHERE j.id = %s::bigint"

/* ---- the partner feed (FEED.md; kt_feed.c's machinery) ------------------------------ */

/* After the table's parameters: lo_ts, lo_id, horizon, lim, then lim for
 * each of the four LIMITs (KT_FEED_NARGS).  The same order and keys as the
 * other feeds: public jobs that pass the filters by (updated_at, id); after
 * the horizon, public jobs that changed and do not pass, and deletions.  A job goes at its deadline
 * without any write, so a deletion's time is the earlier of its tombstone's
 * (listing_tombstones, kind 'job': archived, rejected organisation …) and
 * the moment its published version closed: a job closed and later archived
 * keeps the one time it went, and one that closed without a write is
 * announced from that moment. */
#define KT_JOB_FEED_ROWS \
    " FROM public_jobs v LEFT JOIN municipalities m ON m.code = v.municipality_code"

#define KT_JOB_SQL_CLOSED \
    "SELECT x.id, y.closes_at AS ts FROM jobs x JOIN job_versions y ON y.job_id = x.id" \
    " AND y.version = x.published_version WHERE y.closes_at <= now()"

#define KT_JOB_FEED_KEYS \
    "@PARAMS@), k0 AS (SELECT coalesce(%s::timestamptz, '-infinity') AS lo_ts," \
    " %s::bigint AS lo_id, %s::timestamptz AS horizon, %s::int AS lim)" \
    ", h AS (SELECT CASE WHEN k0.horizon > k0.lo_ts THEN k0.horizon ELSE k0.lo_ts END AS lo_ts," \
    " CASE WHEN k0.horizon > k0.lo_ts THEN 9223372036854775807 ELSE k0.lo_id END AS lo_id" \
    " FROM k0)" \
    ", ka AS (SELECT true AS hit, v.id, v.updated_at AS ts" KT_JOB_FEED_ROWS \
    " CROSS JOIN p CROSS JOIN k0" \
    " WHERE (v.updated_at, v.id) > (k0.lo_ts, k0.lo_id) AND @WHERE@" \
    " ORDER BY v.updated_at, v.id LIMIT %s::int)" \
    ", kx AS (SELECT false AS hit, v.id, v.updated_at AS ts" KT_JOB_FEED_ROWS \
    " CROSS JOIN p CROSS JOIN k0" \
    " CROSS JOIN h WHERE k0.horizon IS NOT NULL AND (v.updated_at, v.id) > (h.lo_ts, h.lo_id)" \
    " AND (@WHERE@) IS NOT TRUE ORDER BY v.updated_at, v.id LIMIT %s::int)" \
    ", gone AS (SELECT g.id, min(g.ts) AS ts FROM (" \
    "  SELECT d.listing_id AS id, d.deleted_at AS ts FROM listing_tombstones d" \
    "  WHERE d.kind = 'job' UNION ALL " KT_JOB_SQL_CLOSED ") g" \
    " WHERE NOT EXISTS (SELECT 1 FROM public_jobs x WHERE x.id = g.id) GROUP BY g.id)" \
    ", kd AS (SELECT false AS hit, g.id, g.ts FROM gone g CROSS JOIN k0 CROSS JOIN h" \
    " WHERE k0.horizon IS NOT NULL AND (g.ts, g.id) > (h.lo_ts, h.lo_id)" \
    " ORDER BY g.ts, g.id LIMIT %s::int)" \
    ", k AS (SELECT * FROM ka UNION ALL SELECT * FROM kx UNION ALL SELECT * FROM kd" \
    " ORDER BY ts, id LIMIT %s::int)"

#define KT_JOB_FEED_STATE \
    KT_JOB_FEED_KEYS \
    " SELECT (SELECT count(*) FROM k)," \
    " (SELECT md5(string_agg(CASE WHEN hit THEN 'a' ELSE 'd' END || id || '@' || kt_feed_us(ts)," \
    " ',' ORDER BY ts, id)) FROM (SELECT * FROM k ORDER BY ts, id" \
    " LIMIT (SELECT lim - 1 FROM k0)) x)," \
    " kt_feed_us(greatest((SELECT max(updated_at) FROM jobs" \
    " WHERE published_version IS NOT NULL)," \
    " (SELECT max(deleted_at) FROM listing_tombstones WHERE kind = 'job')," \
    " (SELECT max(c.ts) FROM (" KT_JOB_SQL_CLOSED ") c)))," \
    " kt_feed_us(now()), (SELECT n FROM kt_reference_generation)"

/* Columns: hit, id, updated, µs, published (the four every feed starts
 * with), then the job's (kt_jobs.c). */
#define KT_JOB_FEED_ITEMS \
    KT_JOB_FEED_KEYS \
    " SELECT k.hit, k.id, kt_feed_time(k.ts), kt_feed_us(k.ts), kt_feed_time(v.published_at)," \
    " v.title_fi, v.title_sv, v.title_en, v.description_fi, v.description_sv, v.description_en," \
    " v.job_type, ty.name_fi, ty.name_sv, ty.name_en," \
    " v.municipality_code, m.name_fi, m.name_sv, m.region_code, rg.name_fi, rg.name_sv," \
    " rg.name_en, v.is_remote, trim_scale(v.hours_per_week), kt_feed_languages(v.languages)," \
    " to_char(v.deadline_date, 'YYYY-MM-DD'), to_char(v.deadline_time, 'HH24:MI')," \
    " kt_feed_time(v.closes_at), v.apply_url, v.apply_email," \
    " v.salary_fi, v.salary_sv, v.salary_en," \
    " v.contact_name, v.contact_email, v.contact_phone, o.id, o.name, o.business_id, o.type" \
    " FROM k LEFT JOIN public_jobs v ON v.id = k.id AND k.hit" \
    " LEFT JOIN organisations o ON o.id = v.organisation_id" \
    " LEFT JOIN job_types ty ON ty.code = v.job_type" \
    " LEFT JOIN municipalities m ON m.code = v.municipality_code" \
    " LEFT JOIN regions rg ON rg.code = m.region_code" \
    " ORDER BY k.ts, k.id"

#endif
