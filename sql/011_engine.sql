-- One lifecycle for every kind of listing (issue 11): what the database keeps of it.
--
-- Each kind has its own tables (activities + activity_versions, events + event_versions,
-- …) with the same lifecycle columns (src/lib/kt_kind.h names them); the module's and
-- kt-admin's statements of the lifecycle are written once with the table names left open
-- (src/lib/kt_lifecycle_sql.h) and the state machine is one table in C
-- (src/lib/kt_lifecycle.c), used by every writer.  Per-kind tables rather than one
-- `listings` table keep every statement of the search and the feed of activities as it
-- is (activity_search, public_activities, their triggers and indexes) and let each kind's
-- content have its own columns, checks and indexes.  What the database adds here:
--   1. state and archived_at always agree (a CHECK), on every kind's table;
--   2. the machinery later kinds share: their feed tombstones (listing_tombstones) and
--      the triggers that keep those and updated_at right, written once with the kind's
--      names as trigger arguments.  Activities keep feed_tombstones and their triggers
--      of sql/004_feed.sql, which the activity feed's statements read.

-- --- 1. state follows archived_at --------------------------------------------------------
-- archived_at is what takes a listing off the public pages (001-004); the state is the
-- lifecycle's.  The handlers and kt-admin write both together.  A hand-made correction
-- that sets or clears only archived_at (an operator, a test) gets the state put in step
-- by this trigger, so that the CHECK below holds whoever writes: archived with it,
-- and on restoring, published when the public version is the latest one, else draft.
CREATE FUNCTION kt_listing_state_follows_archive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.archived_at IS NOT NULL THEN
        NEW.state := 'archived';
    ELSIF NEW.published_version IS NOT NULL AND NEW.published_version = NEW.latest_version THEN
        NEW.state := 'published';
    ELSE
        NEW.state := 'draft';
    END IF;
    RETURN NEW;
END
$$;

UPDATE activities SET state = 'archived'
 WHERE archived_at IS NOT NULL AND state <> 'archived';
UPDATE activities
   SET state = CASE WHEN published_version IS NOT NULL AND published_version = latest_version
                    THEN 'published' ELSE 'draft' END
 WHERE archived_at IS NULL AND state = 'archived';

CREATE TRIGGER activities_state_follows_archive BEFORE INSERT OR UPDATE ON activities
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();

ALTER TABLE activities ADD CONSTRAINT activities_state_archived
    CHECK ((state = 'archived') = (archived_at IS NOT NULL));

-- --- 2. feed tombstones of the kinds after activities ------------------------------------
-- One row per listing that was published once and is not public now, stamped with when
-- it went away (what feed_tombstones is for activities, sql/004_feed.sql).  No foreign
-- key: the tombstone of a deleted listing outlives it.
CREATE TABLE listing_tombstones (
    kind       text NOT NULL CHECK (kind ~ '^[a-z][a-z_]*$'),
    listing_id bigint NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, listing_id)
);
-- Keyset order of a kind's feed: (time, id).
CREATE INDEX listing_tombstones_order ON listing_tombstones (kind, deleted_at, listing_id);

-- After a statement on a kind's listing table (transition table `changed`):
-- TG_ARGV[0] the kind, TG_ARGV[1] the view of its public listings (a column id).  A
-- listing public again loses its tombstone; one published once and not public now gets
-- one, whose time is then kept (a later edit of an archived listing is not news).  An
-- INSERT only ever removes: a data load inserts listings before their versions.
CREATE FUNCTION kt_listing_tombstones() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DELETE FROM listing_tombstones t USING changed c'
                   ' WHERE t.kind = %L AND t.listing_id = c.id'
                   ' AND EXISTS (SELECT 1 FROM %I p WHERE p.id = c.id)',
                   TG_ARGV[0], TG_ARGV[1]);
    IF TG_OP = 'INSERT' THEN
        RETURN NULL;
    END IF;
    EXECUTE format('INSERT INTO listing_tombstones (kind, listing_id, deleted_at)'
                   ' SELECT DISTINCT %L, c.id, now() FROM changed c'
                   ' WHERE c.published_version IS NOT NULL'
                   ' AND NOT EXISTS (SELECT 1 FROM %I p WHERE p.id = c.id)'
                   ' ON CONFLICT (kind, listing_id) DO NOTHING',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;

-- After an INSERT into a kind's versions table: TG_ARGV[0] the kind, [1] its public
-- view, [2] the versions' key column.  Once a published version exists the listing is
-- public, and a tombstone left from an earlier life of the same id goes.
CREATE FUNCTION kt_listing_versions_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DELETE FROM listing_tombstones t'
                   ' USING (SELECT DISTINCT %I AS id FROM changed) c'
                   ' WHERE t.kind = %L AND t.listing_id = c.id'
                   ' AND EXISTS (SELECT 1 FROM %I p WHERE p.id = c.id)',
                   TG_ARGV[2], TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;

-- After an UPDATE of organisations: TG_ARGV[0] a kind's listing table.  An
-- organisation's name, business ID or type changed (shown with every listing), or it
-- was approved or rejected (its listings appear or go; the kind's tombstone trigger
-- follows): its published listings' updated_at moves, for the feed.
CREATE FUNCTION kt_listing_organisations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %I a SET updated_at = now()'
                   ' FROM old_orgs o JOIN new_orgs n ON n.id = o.id'
                   ' WHERE a.organisation_id = n.id AND a.published_version IS NOT NULL'
                   ' AND (o.name, o.business_id, o.type, o.status)'
                   ' IS DISTINCT FROM (n.name, n.business_id, n.type, n.status)',
                   TG_ARGV[0]);
    RETURN NULL;
END
$$;

-- A kind's listing table also takes sql/004_feed.sql's kt_feed_activity_touch (BEFORE
-- UPDATE, FOR EACH ROW): it reads only the lifecycle columns every kind has.
