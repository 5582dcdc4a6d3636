/* The SQL of the lifecycle, written once for every kind: templates with
 * {N} (the kind's name), {T} (its listing table), {V} (its versions table),
 * {K} (the versions' key column) and {S} (its path segment), expanded by
 * kt_lc_sql for each kind when the module starts (src/kt_engine.c) and in
 * kt-admin (tools/kt_admin_daily.c).  Pure text.  Placeholders of the
 * module's statements are APR DBD's %s; kt-admin's are libpq's $n. */
#ifndef KT_LIFECYCLE_SQL_H
#define KT_LIFECYCLE_SQL_H

/* ---- the module ------------------------------------------------------------------ */

/* The state as the rules read it (kt_lifecycle.h): archived whenever
 * archived_at is set; a scheduled listing whose time has come is published
 * (no job moves it: its row says so at its next write). */
#define KT_LC_SQL_STATE \
    "CASE WHEN a.archived_at IS NOT NULL THEN 'archived'" \
    " WHEN a.state = 'scheduled' AND a.published_at <= now() THEN 'published'" \
    " ELSE a.state END"

/* Where a listing stands (kt_engine_meta), for a person who may write it
 * (%s 2 and 3: the user) or, with NULL, for anyone.  Who may write it:
 * an active member of its organisation, or for a kind owned by no
 * organisation a moderator.  (The owner's columns, its join, the writer's
 * condition.) */
#define KT_LC_SQL_META_OF(OWNER, JOIN, WRITER) \
    "SELECT a.id, " OWNER "," \
    " " KT_LC_SQL_STATE "," \
    " a.archived_at IS NOT NULL, coalesce(a.published_version, 0), a.latest_version," \
    " coalesce(a.decided_version, 0), a.revision," \
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " to_char(a.submitted_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " to_char(a.decided_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " a.decision_reason, a.archive_reason, u.first_name || ' ' || u.last_name, u.email," \
    " floor(extract(epoch FROM now() - a.submitted_at))::bigint," \
    " to_char(a.published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')" \
    " FROM {T} a" JOIN \
    " LEFT JOIN users u ON u.id = a.submitted_by" \
    " WHERE a.id = %s::bigint AND (%s::bigint IS NULL OR " WRITER ")"
#define KT_LC_SQL_META KT_LC_SQL_META_OF( \
    "a.organisation_id, o.name, o.status", \
    " JOIN organisations o ON o.id = a.organisation_id", \
    "EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = a.organisation_id" \
    " AND m.user_id = %s::bigint AND m.status = 'active')")
#define KT_LC_SQL_META_UNOWNED KT_LC_SQL_META_OF( \
    "NULL::bigint, NULL::text, NULL::text", "", \
    "EXISTS (SELECT 1 FROM users w WHERE w.id = %s::bigint AND w.is_moderator)")
#define KT_LC_SQL_META_NCOLS 19

/* A new listing, as a draft; the membership is checked again in the INSERT
 * itself (%s: user, organisation).  An organisation waiting for approval
 * writes drafts too. */
#define KT_LC_SQL_CREATE \
    "INSERT INTO {T} (organisation_id, state, latest_version, created_by)" \
    " SELECT o.id, 'draft', 1, m.user_id FROM organisations o" \
    " JOIN memberships m ON m.organisation_id = o.id AND m.user_id = %s::bigint" \
    "  AND m.status = 'active'" \
    " WHERE o.id = %s::bigint AND o.status IN ('approved', 'pending') RETURNING id"

/* … of a kind owned by no organisation: by a moderator, checked again in
 * the INSERT (%s: user). */
#define KT_LC_SQL_CREATE_UNOWNED \
    "INSERT INTO {T} (state, latest_version, created_by)" \
    " SELECT 'draft', 1, w.id FROM users w WHERE w.id = %s::bigint AND w.is_moderator" \
    " RETURNING id"

/* A version written (save, submit): %s version, state, submitted? (true|false),
 * the same again, user, id. */
#define KT_LC_SQL_STORED \
    "UPDATE {T} SET latest_version = %s::int, state = %s, revision = revision + 1," \
    " submitted_at = CASE WHEN %s::boolean THEN now() ELSE submitted_at END," \
    " submitted_by = CASE WHEN %s::boolean THEN %s::bigint ELSE submitted_by END" \
    " WHERE id = %s::bigint"

/* By its organisation, or withdrawn by its writers: %s the state
 * (archived), the archive_reason ('organisation', 'withdrawn'), id. */
#define KT_LC_SQL_ARCHIVE \
    "UPDATE {T} SET archived_at = now(), state = %s," \
    " archive_reason = %s, revision = revision + 1" \
    " WHERE id = %s::bigint AND archived_at IS NULL"

/* Published by its writer (KT_LC_EDITORIAL), in one statement with the
 * version just written, so that every CHECK holds after it: %s the version,
 * the state (published or scheduled), the version, the time it is public
 * from ('YYYY-MM-DD HH:MM' in Helsinki, or '' for now: a listing already
 * public keeps the time it first was), the version, the user, id. */
#define KT_LC_SQL_PUBLISH \
    "UPDATE {T} SET latest_version = %s::int, state = %s, published_version = %s::int," \
    " published_at = coalesce(nullif(%s, '')::timestamp AT TIME ZONE 'Europe/Helsinki'," \
    "  CASE WHEN published_at <= now() THEN published_at ELSE now() END)," \
    " decided_version = %s::int, decided_at = now(), decided_by = %s::bigint," \
    " decision_reason = NULL, confirmed_at = now(), reminded_at = NULL, updated_at = now()," \
    " revision = revision + 1" \
    " WHERE id = %s::bigint AND archived_at IS NULL"

/* A scheduled listing saved as a draft is taken off the schedule: it has no
 * public version until it is published again (%s: id). */
#define KT_LC_SQL_UNSCHEDULE \
    "UPDATE {T} SET published_version = NULL, published_at = NULL, updated_at = now()" \
    " WHERE id = %s::bigint AND state = 'draft' AND published_at > now()"

/* Every listing of a kind owned by no organisation, for its writers' list
 * (/{lang}/moderation/SEGMENT): the withdrawn last, the rest by the time
 * they are (or were to be) public, newest first, drafts by when they were
 * begun.  %s: limit, offset. */
#define KT_LC_SQL_DESK \
    "SELECT a.id, v.title_fi, v.title_sv, v.title_en, " KT_LC_SQL_STATE "," \
    " a.published_version IS NOT NULL AND a.archived_at IS NULL AND a.published_at <= now()," \
    " a.published_version IS NOT NULL AND a.latest_version > a.published_version," \
    " to_char(a.published_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " to_char(v.created_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " to_char(a.archived_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " a.archive_reason" \
    " FROM {T} a JOIN {V} v ON v.{K} = a.id AND v.version = a.latest_version" \
    " ORDER BY a.archived_at IS NOT NULL, coalesce(a.published_at, a.created_at) DESC, a.id DESC" \
    " LIMIT %s::int OFFSET %s::int"

#define KT_LC_SQL_CONFIRM \
    "UPDATE {T} SET confirmed_at = now(), reminded_at = NULL" \
    " WHERE id = %s::bigint AND archived_at IS NULL AND published_version IS NOT NULL"

/* A moderator's decision, only on the version and revision the moderator
 * saw, and only while it waits: a second moderator, or an author who took it
 * back, makes this touch nothing (409).  %s: the new state, approve
 * (true|false) four times, the moderator, approve, the reason, id, version,
 * revision. */
#define KT_LC_SQL_DECIDE \
    "UPDATE {T} SET state = %s," \
    " published_version = CASE WHEN %s::boolean THEN latest_version ELSE published_version END," \
    " published_at = CASE WHEN %s::boolean THEN coalesce(published_at, now())" \
    "  ELSE published_at END," \
    " confirmed_at = CASE WHEN %s::boolean THEN now() ELSE confirmed_at END," \
    " reminded_at = CASE WHEN %s::boolean THEN NULL ELSE reminded_at END," \
    " updated_at = CASE WHEN %s::boolean THEN now() ELSE updated_at END," \
    " decided_version = latest_version, decided_at = now(), decided_by = %s::bigint," \
    " decision_reason = CASE WHEN %s::boolean THEN NULL ELSE nullif(%s, '') END," \
    " revision = revision + 1" \
    " WHERE id = %s::bigint AND state = 'submitted' AND archived_at IS NULL" \
    " AND latest_version = %s::int AND revision = %s::int" \
    " RETURNING latest_version"

/* The listings waiting, one kind's part of the queue (the engine joins every
 * kind's with UNION ALL and orders the whole, oldest first). */
#define KT_LC_SQL_QUEUE_PART \
    "SELECT '{N}' AS kind, a.id, v.title_fi, v.title_sv, v.title_en, o.id AS org_id, o.name," \
    " a.published_version IS NOT NULL AS edit, a.submitted_at," \
    " u.first_name || ' ' || u.last_name AS submitter" \
    " FROM {T} a JOIN {V} v ON v.{K} = a.id AND v.version = a.latest_version" \
    " JOIN organisations o ON o.id = a.organisation_id" \
    " LEFT JOIN users u ON u.id = a.submitted_by" \
    " WHERE a.state = 'submitted' AND a.archived_at IS NULL"
#define KT_LC_SQL_QUEUE_HEAD "SELECT q.kind, q.id, q.title_fi, q.title_sv, q.title_en, q.org_id," \
    " q.name, q.edit," \
    " to_char(q.submitted_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI')," \
    " floor(extract(epoch FROM now() - q.submitted_at))::bigint, q.submitter FROM ("
#define KT_LC_SQL_QUEUE_TAIL ") q ORDER BY q.submitted_at, q.id, q.kind LIMIT 500"

/* The listings of a person's organisations, the archived ones last.  A
 * listing is due for confirmation a year after the last one; the list says
 * so from the day the reminder goes out (kt-admin daily). */
#define KT_LC_SQL_WORKSPACE \
    "SELECT a.id, v.title_fi, v.title_sv, v.title_en, o.id, o.name," \
    " " KT_LC_SQL_STATE "," \
    " a.published_version IS NOT NULL AND a.archived_at IS NULL," \
    " a.published_version IS NOT NULL AND a.latest_version > a.published_version," \
    " to_char(a.confirmed_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " to_char((a.confirmed_at + interval '1 year') AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')," \
    " a.confirmed_at < now() - interval '1 year' + interval '30 days'" \
    " FROM memberships m JOIN organisations o ON o.id = m.organisation_id" \
    "  AND o.status IN ('approved', 'pending')" \
    " JOIN {T} a ON a.organisation_id = o.id" \
    " JOIN {V} v ON v.{K} = a.id AND v.version = a.latest_version" \
    " WHERE m.user_id = %s::bigint AND m.status = 'active'" \
    " ORDER BY a.archived_at IS NOT NULL, lower(o.name), o.id, a.id DESC LIMIT 1000"

/* Who hears of a decision: the organisation's active main users and whoever
 * submitted, once each; the title of the latest version in each one's
 * language. */
#define KT_LC_SQL_MAIL_TO \
    "SELECT DISTINCT u.email, u.first_name, u.lang, o.name," \
    " kt_name(u.lang, v.title_fi, v.title_sv, v.title_en)" \
    " FROM {T} a JOIN organisations o ON o.id = a.organisation_id" \
    " JOIN {V} v ON v.{K} = a.id AND v.version = a.latest_version" \
    " JOIN users u ON u.id = a.submitted_by OR u.id IN (SELECT m.user_id FROM memberships m" \
    "  WHERE m.organisation_id = a.organisation_id AND m.role = 'main' AND m.status = 'active')" \
    " WHERE a.id = %s::bigint"

/* The audit log names a listing by the title of the version an entry is
 * about: one pair of joins for each kind, and one title expression for each
 * (the engine puts them into the log's statement). */
#define KT_LC_SQL_LOG_JOIN \
    " LEFT JOIN {T} {N}_l ON a.object_type = '{N}' AND {N}_l.id = a.object_id" \
    " LEFT JOIN {V} {N}_v ON {N}_v.{K} = {N}_l.id" \
    "  AND {N}_v.version = coalesce(a.version, {N}_l.latest_version)"
#define KT_LC_SQL_LOG_TITLE "kt_name(%s, {N}_v.title_fi, {N}_v.title_sv, {N}_v.title_en)"

/* ---- kt-admin daily ($1: --now or NULL) ----------------------------------------------- */

#define KT_LC_NOW "coalesce($1::timestamptz, now())"
#define KT_LC_TODAY "((" KT_LC_NOW " AT TIME ZONE 'Europe/Helsinki')::date)"

/* Public listings whose end has come (the kind's `ended`, put in between),
 * locked so that a second run waits for this one. */
#define KT_LC_SQL_ENDED_HEAD \
    "SELECT a.id, a.published_version, a.state FROM {T} a" \
    " JOIN {V} v ON v.{K} = a.id AND v.version = a.published_version" \
    " WHERE a.archived_at IS NULL AND ("
#define KT_LC_SQL_ENDED_TAIL ") ORDER BY a.id FOR UPDATE OF a"

#define KT_LC_SQL_UNCONFIRMED \
    "SELECT a.id, a.published_version, a.state FROM {T} a" \
    " WHERE a.archived_at IS NULL AND a.published_version IS NOT NULL" \
    " AND a.confirmed_at <= " KT_LC_NOW " - interval '1 year' ORDER BY a.id FOR UPDATE OF a"

#define KT_LC_SQL_REMIND \
    "SELECT a.id, a.published_version, a.state," \
    " to_char((a.confirmed_at + interval '1 year') AT TIME ZONE 'Europe/Helsinki'," \
    " 'FMDD.FMMM.YYYY')" \
    " FROM {T} a WHERE a.archived_at IS NULL AND a.published_version IS NOT NULL" \
    " AND a.confirmed_at <= " KT_LC_NOW " - interval '1 year' + interval '30 days'" \
    " AND (a.reminded_at IS NULL OR a.reminded_at < a.confirmed_at) ORDER BY a.id" \
    " FOR UPDATE OF a"

/* $2 id, $3 archive_reason, $4 the state (archived) */
#define KT_LC_SQL_DAILY_ARCHIVE \
    "UPDATE {T} SET archived_at = " KT_LC_NOW ", state = $4, archive_reason = $3," \
    " revision = revision + 1 WHERE id = $2::bigint AND archived_at IS NULL"

#define KT_LC_SQL_REMINDED \
    "UPDATE {T} SET reminded_at = " KT_LC_NOW " WHERE id = $2::bigint"

#define KT_LC_SQL_DAILY_AUDIT \
    "INSERT INTO audit_log (at, action, object_type, object_id, version)" \
    " VALUES (" KT_LC_NOW ", $2, '{N}', $3::bigint, $4::int)"

/* Main users and the listing's author and submitter, once each; the title
 * of the public version in each one's language. */
#define KT_LC_SQL_RECIPIENTS \
    "SELECT DISTINCT u.email, u.first_name, u.lang, o.name," \
    " kt_name(u.lang, v.title_fi, v.title_sv, v.title_en)" \
    " FROM {T} a JOIN organisations o ON o.id = a.organisation_id" \
    " JOIN {V} v ON v.{K} = a.id AND v.version = a.published_version" \
    " JOIN users u ON u.id IN (a.submitted_by, a.created_by) OR u.id IN (SELECT m.user_id" \
    "  FROM memberships m WHERE m.organisation_id = a.organisation_id AND m.role = 'main'" \
    "  AND m.status = 'active')" \
    " WHERE a.id = $1::bigint"

#endif
