-- The partner feed's filters (issue 6; ../shared/spec/FEED.md, src/kt_feed_sql.h).
--
-- The feed pages public listings by (updated_at, id), and with the search's filters it
-- must find exactly what the search finds: the filters are the search's conditions on
-- activity_search, the narrow row 003 keeps per public listing.  With the listing's
-- updated_at on that row and an index on (updated_at, activity_id), a page is read
-- from activity_search alone, filtered or not: the planner walks that index from the
-- page's key and tests each narrow row, or, for a selective filter, starts from the
-- search's own indexes and sorts the few rows they give, without joining activities
-- to find their order.
--
-- The column is kept by a row trigger of its own rather than by kt_search_refresh
-- (003), so that the search's functions stay the search's: kt_search_refresh writes
-- a listing's row again after every change to activities (its statement trigger
-- fires on every UPDATE, and every change the feed shows moves updated_at, 004), and
-- this trigger copies the listing's updated_at into whatever row it writes.

ALTER TABLE activity_search ADD COLUMN updated_at timestamptz;
UPDATE activity_search s SET updated_at = a.updated_at
  FROM activities a WHERE a.id = s.activity_id;
ALTER TABLE activity_search ALTER COLUMN updated_at SET NOT NULL;

-- Keyset order of the feed, the same as activities_public and feed_tombstones_order.
CREATE INDEX activity_search_feed ON activity_search (updated_at, activity_id);

CREATE FUNCTION kt_feed_search_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.updated_at INTO NEW.updated_at FROM activities a WHERE a.id = NEW.activity_id;
    RETURN NEW;
END
$$;
-- UPDATE too, in case a later refresh updates rows in place instead of writing them
-- again.
CREATE TRIGGER activity_search_feed_time BEFORE INSERT OR UPDATE ON activity_search
    FOR EACH ROW EXECUTE FUNCTION kt_feed_search_row();
