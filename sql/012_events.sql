-- Events and trainings for professionals and volunteers (issue 11 part 2; PRODUCT.md):
-- the second kind of listing on the shared lifecycle (sql/011_engine.sql).  The tables
-- follow the contract of src/lib/kt_kind.h: the listing with the lifecycle columns, its
-- versions with title_fi/sv/en and rules_confirmed.

-- Vocabularies: the codes are what URLs, the form and the feed carry.
CREATE TABLE event_types (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL
);
CREATE TABLE event_audiences (LIKE event_types INCLUDING ALL);

INSERT INTO event_types (code, position, name_fi, name_sv, name_en) VALUES
    ('training', 1, 'Koulutus', 'Utbildning', 'Training'),
    ('seminar', 2, 'Seminaari', 'Seminarium', 'Seminar'),
    ('network_meeting', 3, 'Verkostotapaaminen', 'Nätverksträff', 'Network meeting'),
    ('webinar', 4, 'Webinaari', 'Webbinarium', 'Webinar'),
    ('other', 5, 'Muu tapahtuma', 'Annat evenemang', 'Other event');
INSERT INTO event_audiences (code, position, name_fi, name_sv, name_en) VALUES
    ('professionals', 1, 'Ammattilaiset', 'Yrkesverksamma', 'Professionals'),
    ('volunteers', 2, 'Vapaaehtoiset', 'Frivilliga', 'Volunteers'),
    ('organisations', 3, 'Järjestöt', 'Organisationer', 'Organisations'),
    ('everyone', 4, 'Kaikki kiinnostuneet', 'Alla intresserade', 'Everyone interested');

-- The listing: the same lifecycle columns and checks as activities (001, 007, 011).
CREATE TABLE events (
    id                bigserial PRIMARY KEY,
    organisation_id   bigint NOT NULL REFERENCES organisations(id),
    state             text NOT NULL DEFAULT 'draft'
                      CHECK (state IN ('draft', 'submitted', 'published', 'returned',
                                       'rejected', 'archived')),
    published_version integer,
    latest_version    integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    archived_at       timestamptz,
    confirmed_at      timestamptz NOT NULL DEFAULT now(),
    revision          integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    submitted_at      timestamptz,
    submitted_by      bigint REFERENCES users(id) ON DELETE SET NULL,
    decided_version   integer,
    decided_at        timestamptz,
    decided_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    decision_reason   text,
    reminded_at       timestamptz,
    archive_reason    text CHECK (archive_reason IN ('organisation', 'unconfirmed', 'ended')),
    CHECK (state <> 'published'
           OR (published_version IS NOT NULL AND published_version = latest_version)),
    CHECK (published_version IS NULL OR published_version <= latest_version),
    CHECK (decided_version IS NULL OR decided_version <= latest_version),
    CHECK (state <> 'submitted' OR submitted_at IS NOT NULL),
    CONSTRAINT events_state_archived CHECK ((state = 'archived') = (archived_at IS NOT NULL))
);
CREATE INDEX events_org ON events(organisation_id);
CREATE INDEX events_submitted ON events(submitted_at, id) WHERE state = 'submitted';
-- The feed's keyset order (updated_at, id) over public events.
CREATE INDEX events_feed ON events(updated_at, id) WHERE published_version IS NOT NULL;

-- One version's content.  Times are local Europe/Helsinki (as activity_sessions').
CREATE TABLE event_versions (
    event_id              bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    version               integer NOT NULL CHECK (version >= 1),
    created_at            timestamptz NOT NULL DEFAULT now(),
    created_by            bigint REFERENCES users(id) ON DELETE SET NULL,
    title_fi              text,
    title_sv              text,
    title_en              text,
    description_fi        text,
    description_sv        text,
    description_en        text,
    event_type            text REFERENCES event_types(code),
    audiences             text[] NOT NULL DEFAULT '{}',
    -- as typed: a draft may have a day without its time yet
    start_date            date,
    start_time            time,
    end_date              date,             -- NULL: the start's day
    end_time              time,
    -- when it is, for the pages, the search, the feed and the freshness run
    starts_at             timestamp GENERATED ALWAYS AS (start_date + start_time) STORED,
    ends_at               timestamp GENERATED ALWAYS AS (coalesce(end_date, start_date) + end_time)
                          STORED,
    municipality_code     char(3) REFERENCES municipalities(code),
    street_address        text,
    postal_code           text CHECK (postal_code ~ '^[0-9]{5}$'),
    post_office           text,
    is_online             boolean NOT NULL DEFAULT false,
    online_url            text,
    registration_url      text,
    registration_deadline date,
    price_eur             numeric(8, 2) NOT NULL DEFAULT 0 CHECK (price_eur >= 0),
    languages             text[] NOT NULL DEFAULT '{}',    -- ISO 639-3 codes
    contact_name          text,
    contact_email         text,
    contact_phone         text,
    url                   text,
    project_id            bigint REFERENCES projects(id),
    rules_confirmed       text[],
    -- titles and descriptions in the three configurations, for q (websearch_to_tsquery
    -- in each, ORed): a Finnish query finds Finnish inflections, and so on
    tsv                   tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('finnish', coalesce(title_fi, '')), 'A')
        || setweight(to_tsvector('swedish', coalesce(title_sv, '')), 'A')
        || setweight(to_tsvector('english', coalesce(title_en, '')), 'A')
        || setweight(to_tsvector('finnish', coalesce(description_fi, '')), 'B')
        || setweight(to_tsvector('swedish', coalesce(description_sv, '')), 'B')
        || setweight(to_tsvector('english', coalesce(description_en, '')), 'B')) STORED,
    PRIMARY KEY (event_id, version),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX event_versions_starts ON event_versions(starts_at);
CREATE INDEX event_versions_ends ON event_versions(ends_at);
CREATE INDEX event_versions_tsv ON event_versions USING gin (tsv);

ALTER TABLE events ADD FOREIGN KEY (id, published_version)
    REFERENCES event_versions(event_id, version) DEFERRABLE INITIALLY DEFERRED;

-- What the public may see: the last approved version of events that are not archived,
-- from approved organisations.  An ended event stays public (its page says so, and
-- /{lang}/events?past=1 lists it) until kt-admin daily archives it (src/lib/kt_kinds.c).
CREATE VIEW public_events AS
SELECT e.id, e.organisation_id, e.updated_at, e.published_at, v.*
  FROM events e
  JOIN event_versions v ON v.event_id = e.id AND v.version = e.published_version
  JOIN organisations o ON o.id = e.organisation_id AND o.status = 'approved'
 WHERE e.archived_at IS NULL;

-- The engine's part that came with the second kind (every later kind uses it as events do;
-- here rather than in sql/011_engine.sql, which may have landed before):
-- after an UPDATE or DELETE of a kind's versions table (transition table `changed`),
-- TG_ARGV[0] the listing table, [1] the versions' key column.  Versions are immutable once
-- decided (an edit is a new version), so this fires for corrections made by hand: a
-- published version changed in place moves its listing's updated_at, for the feed.
CREATE FUNCTION kt_listing_versions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %I a SET updated_at = now()'
                   ' FROM (SELECT DISTINCT %I AS id, version FROM changed) c'
                   ' WHERE a.id = c.id AND a.published_version = c.version',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;

-- The lifecycle's triggers (sql/011_engine.sql): state follows archived_at, updated_at
-- follows what the feed shows, tombstones follow the public set.
CREATE TRIGGER events_state_follows_archive BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();
CREATE TRIGGER events_feed_touch BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION kt_feed_activity_touch();
CREATE TRIGGER events_tombstones_ins AFTER INSERT ON events
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('event', 'public_events');
CREATE TRIGGER events_tombstones_upd AFTER UPDATE ON events
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('event', 'public_events');
CREATE TRIGGER events_tombstones_del AFTER DELETE ON events
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('event', 'public_events');
CREATE TRIGGER event_versions_tombstones_ins AFTER INSERT ON event_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_added('event', 'public_events',
                                                                  'event_id');
CREATE TRIGGER event_versions_feed_upd AFTER UPDATE ON event_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('events', 'event_id');
CREATE TRIGGER event_versions_feed_del AFTER DELETE ON event_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('events', 'event_id');
CREATE TRIGGER organisations_events_feed_upd AFTER UPDATE ON organisations
    REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_organisations_changed('events');
