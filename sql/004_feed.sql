-- The partner feed (../shared/spec/FEED.md, GET /feed/activities.xml).
--
-- What the feed needs from the database:
-- 1. activities.updated_at must move whenever anything the feed shows about a
--    listing changes, whoever writes it: incremental sync (updated_since), keyset
--    paging on (updated_at, id) and the ETags all read it.  The moderation flow sets
--    it when it publishes or archives; the triggers below also catch what it does not
--    do itself: an organisation or project renamed, an organisation rejected or
--    approved again, a published version or its times edited by hand.
-- 2. Tombstones: a listing that leaves the public set (archived, deleted, its
--    organisation rejected) must be announced as <deleted> to partners that have it.
--    feed_tombstones keeps one row per listing that was published once and is not
--    public now, stamped with when it went away; a listing published again loses it.
-- 3. A per-installation secret for the HMAC that makes paging cursors
--    tamper-evident (src/kt_cursor.c).  It never leaves the database except into the
--    module's memory for one request.

-- --- 3. cursor secret ----------------------------------------------------------------
-- One row.  gen_random_uuid() is PostgreSQL's strong random source (pg_strong_random)
-- available without pgcrypto; two of them give 244 random bits.
CREATE TABLE feed_secret (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    secret   bytea NOT NULL CHECK (length(secret) >= 16)
);
INSERT INTO feed_secret (secret)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- --- 2. tombstones -----------------------------------------------------------------------
-- No foreign key: the tombstone of a deleted listing outlives it.
CREATE TABLE feed_tombstones (
    activity_id bigint PRIMARY KEY,
    deleted_at  timestamptz NOT NULL DEFAULT now()
);
-- Keyset order of the feed: (time, id), the same as activities_public gives listings.
CREATE INDEX feed_tombstones_order ON feed_tombstones (deleted_at, activity_id);

-- Listings that were ever published and are not public now, as of this migration.
INSERT INTO feed_tombstones (activity_id, deleted_at)
SELECT a.id, coalesce(a.archived_at, a.updated_at)
  FROM activities a
 WHERE a.published_version IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM public_activities p WHERE p.id = a.id);

-- Brings the tombstones of the listings in `changed` (a transition table of
-- activities rows) in line with public_activities: a listing public again loses
-- its tombstone; one published once and not public now gets one.  The time of an
-- existing tombstone is kept: the listing went away then, and a later edit of an
-- archived listing is not news.  now(), not archived_at, for a new one: what
-- counts for a partner's updated_since is when the feed could first tell.
-- An INSERT only ever removes: a new row cannot have left the public set, and a
-- data load inserts activities before their versions (the foreign key is
-- deferred), when they would look unpublished for a moment.
CREATE FUNCTION kt_feed_activities_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM feed_tombstones t
     USING changed c
     WHERE t.activity_id = c.id
       AND EXISTS (SELECT 1 FROM public_activities p WHERE p.id = c.id);
    IF TG_OP = 'INSERT' THEN
        RETURN NULL;
    END IF;
    INSERT INTO feed_tombstones (activity_id, deleted_at)
    SELECT DISTINCT c.id, now()
      FROM changed c
     WHERE c.published_version IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM public_activities p WHERE p.id = c.id)
    ON CONFLICT (activity_id) DO NOTHING;
    RETURN NULL;
END
$$;

-- Statement-level with transition tables: one set-based pass per statement, so a
-- bulk load of 100 000 listings is one pass, not 100 000.  (PostgreSQL allows a
-- transition table only on a trigger for a single event, hence three.)
CREATE TRIGGER activities_feed_ins AFTER INSERT ON activities
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_activities_changed();
CREATE TRIGGER activities_feed_upd AFTER UPDATE ON activities
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_activities_changed();
CREATE TRIGGER activities_feed_del AFTER DELETE ON activities
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_activities_changed();

-- The other half of a data load: once a listing's published version exists it is
-- public, and a tombstone left from an earlier life of the same id must go (an
-- archived listing's tombstone keeps its time, so a stale one would hide the next
-- archiving from partners).
CREATE FUNCTION kt_feed_versions_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM feed_tombstones t
     USING (SELECT DISTINCT activity_id FROM changed) c
     WHERE t.activity_id = c.activity_id
       AND EXISTS (SELECT 1 FROM public_activities p WHERE p.id = c.activity_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER activity_versions_feed_ins AFTER INSERT ON activity_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_added();

-- --- 1. updated_at follows every change the feed shows ----------------------------------
-- On the listing itself: publishing another version, archiving or restoring it, moving it
-- to another organisation, confirming it.  A writer that sets updated_at itself is left
-- alone (the moderation flow does; so do data loads that carry their own times).
CREATE FUNCTION kt_feed_activity_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
       AND (NEW.published_version, NEW.archived_at, NEW.organisation_id, NEW.confirmed_at,
            NEW.published_at)
           IS DISTINCT FROM (OLD.published_version, OLD.archived_at, OLD.organisation_id,
                             OLD.confirmed_at, OLD.published_at) THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER activities_feed_touch BEFORE UPDATE ON activities
    FOR EACH ROW EXECUTE FUNCTION kt_feed_activity_touch();

-- A published version, its weekly times or its sessions edited in place.  Versions
-- are normally immutable once submitted (an edit is a new version, whose publication
-- moves updated_at), so these fire for corrections made by hand.  Not on INSERT: new
-- rows belong to a version that is not public yet, and a data load that inserts a
-- published version sets its own updated_at.
CREATE FUNCTION kt_feed_versions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities a SET updated_at = now()
      FROM (SELECT DISTINCT activity_id, version FROM changed) c
     WHERE a.id = c.activity_id AND a.published_version = c.version;
    RETURN NULL;
END
$$;

CREATE TRIGGER activity_versions_feed_upd AFTER UPDATE ON activity_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_changed();
CREATE TRIGGER activity_schedule_feed_upd AFTER UPDATE ON activity_schedule
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_changed();
CREATE TRIGGER activity_schedule_feed_del AFTER DELETE ON activity_schedule
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_changed();
CREATE TRIGGER activity_sessions_feed_upd AFTER UPDATE ON activity_sessions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_changed();
CREATE TRIGGER activity_sessions_feed_del AFTER DELETE ON activity_sessions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_versions_changed();

-- An organisation's name, business ID or type changed (shown in every listing), or it
-- was approved or rejected (its listings appear or go: the activities trigger above
-- then writes or removes their tombstones).
CREATE FUNCTION kt_feed_organisations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities a SET updated_at = now()
      FROM old_orgs o JOIN new_orgs n ON n.id = o.id
     WHERE a.organisation_id = n.id
       AND a.published_version IS NOT NULL
       AND (o.name, o.business_id, o.type, o.status)
           IS DISTINCT FROM (n.name, n.business_id, n.type, n.status);
    RETURN NULL;
END
$$;
CREATE TRIGGER organisations_feed_upd AFTER UPDATE ON organisations
    REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_organisations_changed();

-- A project renamed: every listing whose published version belongs to it.
CREATE FUNCTION kt_feed_projects_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities a SET updated_at = now()
      FROM activity_versions v, old_projects o JOIN new_projects n ON n.id = o.id
     WHERE v.activity_id = a.id AND v.version = a.published_version
       AND v.project_id = n.id
       AND o.name IS DISTINCT FROM n.name;
    RETURN NULL;
END
$$;
CREATE TRIGGER projects_feed_upd AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION kt_feed_projects_changed();

-- --- what the feed statements read (src/kt_feed_sql.h) -----------------------------------

-- RFC 3339 in UTC with the fraction only when there is one: "2026-11-20T08:00:00Z",
-- "2026-11-20T08:00:00.123456Z".  Microseconds are kept, so that a partner who passes a
-- listing's `updated` back as updated_since does not get that listing again.
CREATE FUNCTION kt_feed_time(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN extract(microseconds FROM t)::bigint % 1000000 = 0 THEN ''
                ELSE rtrim(to_char(t AT TIME ZONE 'UTC', '.US'), '0') END
        || 'Z'
$$;

-- Microseconds since the epoch: the cursor's exact form of a time (extract gives
-- numeric, so nothing is lost to floating point).
CREATE FUNCTION kt_feed_us(t timestamptz) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (extract(epoch FROM t) * 1000000)::bigint
$$;

-- A local Europe/Helsinki time as RFC 3339 with its offset that day:
-- "2026-12-01T18:00:00+02:00", "2026-06-01T18:00:00+03:00".
-- STABLE, not IMMUTABLE: it depends on the zone's rules in the system's tz database.
CREATE FUNCTION kt_feed_local(t timestamp) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS')
        || CASE WHEN o < interval '0' THEN '-' ELSE '+' END
        || to_char(abs(extract(epoch FROM o))::int / 3600, 'FM00') || ':'
        || to_char(abs(extract(epoch FROM o))::int / 60 % 60, 'FM00')
      FROM (SELECT t - ((t AT TIME ZONE 'Europe/Helsinki') AT TIME ZONE 'UTC') AS o) x
$$;

-- Vocabulary lists with the names in all three languages, packed like 001's
-- kt_*_text: "code US fi US sv US en RS code …" (US = chr(31), RS = chr(30)).
CREATE FUNCTION kt_feed_forms(codes text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(t.code, chr(31), t.name_fi, chr(31), t.name_sv, chr(31),
                             t.name_en), chr(30) ORDER BY t.position)
      FROM activity_forms t WHERE t.code = ANY (codes)
$$;
CREATE FUNCTION kt_feed_themes(codes text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(t.code, chr(31), t.name_fi, chr(31), t.name_sv, chr(31),
                             t.name_en), chr(30) ORDER BY t.position)
      FROM themes t WHERE t.code = ANY (codes)
$$;
CREATE FUNCTION kt_feed_targets(codes text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(t.code, chr(31), t.name_fi, chr(31), t.name_sv, chr(31),
                             t.name_en), chr(30) ORDER BY t.position)
      FROM target_groups t WHERE t.code = ANY (codes)
$$;
-- Languages in the author's order: "code US code1 US fi US sv US en", an empty field
-- where there is no ISO 639-1 code or no name in that language.
CREATE FUNCTION kt_feed_languages(codes text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(l.code, chr(31), l.code1, chr(31), l.name_fi, chr(31),
                             l.name_sv, chr(31), l.name_en), chr(30) ORDER BY u.n)
      FROM unnest(codes) WITH ORDINALITY AS u(code, n)
      JOIN languages l ON l.code = u.code
$$;
-- Weekly times "weekday US HH:MM:SS US HH:MM:SS RS …" and dated sessions
-- "start US end RS …" (local time with offset; end may be empty).
CREATE FUNCTION kt_feed_schedule(activity bigint, ver integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(s.weekday, chr(31), to_char(s.starts, 'HH24:MI:SS'), chr(31),
                             to_char(s.ends, 'HH24:MI:SS')), chr(30)
                      ORDER BY s.weekday, s.starts, s.position)
      FROM activity_schedule s WHERE s.activity_id = activity AND s.version = ver
$$;
CREATE FUNCTION kt_feed_sessions(activity bigint, ver integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(concat(kt_feed_local(x.starts_at), chr(31), kt_feed_local(x.ends_at)),
                      chr(30) ORDER BY x.starts_at, x.position)
      FROM activity_sessions x WHERE x.activity_id = activity AND x.version = ver
$$;
