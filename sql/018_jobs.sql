-- Jobs: paid posts and volunteer openings in integration work (issue 12 item 2;
-- PRODUCT.md "Jobs"): the fourth kind of listing on the shared lifecycle
-- (sql/011_engine.sql), an organisation's and moderated, as events (sql/012_events.sql).
-- The tables follow the contract of src/lib/kt_kind.h.
--
-- A job ends at its application deadline.  No job has to run for it to go: the public
-- view compares the deadline with now(), so the lists, the page (410) and the feed
-- (<deleted>) drop it at that moment; kt-admin daily then archives it (the kind's
-- `ended`, src/lib/kt_kinds.c), which makes the state say what the public already sees.

CREATE TABLE job_types (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO job_types (code, position, name_fi, name_sv, name_en) VALUES
    ('permanent', 1, 'Vakituinen työ', 'Fast anställning', 'Permanent post'),
    ('fixed_term', 2, 'Määräaikainen työ', 'Visstidsanställning', 'Fixed-term post'),
    ('part_time', 3, 'Osa-aikainen työ', 'Deltidsarbete', 'Part-time work'),
    ('internship', 4, 'Harjoittelu', 'Praktik', 'Internship'),
    ('volunteer', 5, 'Vapaaehtoistehtävä', 'Frivilligt uppdrag', 'Volunteer role');

-- The listing: the lifecycle columns and checks of events.
CREATE TABLE jobs (
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
    decision_reason   text CONSTRAINT jobs_decision_reason_text
                      CHECK (kt_text_ok(decision_reason, true)),
    reminded_at       timestamptz,
    archive_reason    text CHECK (archive_reason IN ('organisation', 'unconfirmed', 'ended')),
    CHECK (state <> 'published'
           OR (published_version IS NOT NULL AND published_version = latest_version)),
    CHECK (published_version IS NULL OR published_version <= latest_version),
    CHECK (decided_version IS NULL OR decided_version <= latest_version),
    CHECK (state <> 'submitted' OR submitted_at IS NOT NULL),
    CONSTRAINT jobs_state_archived CHECK ((state = 'archived') = (archived_at IS NOT NULL))
);
CREATE INDEX jobs_org ON jobs(organisation_id);
CREATE INDEX jobs_submitted ON jobs(submitted_at, id) WHERE state = 'submitted';
CREATE INDEX jobs_feed ON jobs(updated_at, id) WHERE published_version IS NOT NULL;

-- One version's content.  Hours are a number of hours a week (one decimal), not free
-- text: the pages write it in each language ("37,5 h/vko", "37,5 h/vecka", "37.5 h a
-- week") and the feed carries a number partners can use; a text would be in one
-- language only.  The deadline is a day and, optionally, a time (Europe/Helsinki);
-- without a time applications are taken to the end of that day.
CREATE TABLE job_versions (
    job_id            bigint NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    version           integer NOT NULL CHECK (version >= 1),
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    title_fi          text,
    title_sv          text,
    title_en          text,
    description_fi    text,
    description_sv    text,
    description_en    text,
    job_type          text REFERENCES job_types(code),
    municipality_code char(3) REFERENCES municipalities(code),
    is_remote         boolean NOT NULL DEFAULT false,
    hours_per_week    numeric(3, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 80),
    languages         text[] NOT NULL DEFAULT '{}',     -- ISO 639-3 codes asked for
    deadline_date     date,
    deadline_time     time,
    -- the moment applications close (an instant: Helsinki's local time made absolute)
    closes_at         timestamptz GENERATED ALWAYS AS (
        (deadline_date + coalesce(deadline_time, time '24:00')) AT TIME ZONE 'Europe/Helsinki')
        STORED,
    apply_url         text,
    apply_email       text,
    contact_name      text,
    contact_email     text,
    contact_phone     text,
    salary            text,
    rules_confirmed   text[],
    -- free text as events' (sql/017_search_events.sql): unaccented stems in fi, sv and
    -- en, and the values words of a query name (its languages, its municipality and, for
    -- a remote job, "anywhere": every place includes it, as the place filters do)
    tsv               tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('kt_fi', coalesce(title_fi, '')), 'A')
        || setweight(to_tsvector('kt_sv', coalesce(title_sv, '')), 'A')
        || setweight(to_tsvector('kt_en', coalesce(title_en, '')), 'A')
        || setweight(to_tsvector('kt_fi', coalesce(description_fi, '')), 'B')
        || setweight(to_tsvector('kt_sv', coalesce(description_sv, '')), 'B')
        || setweight(to_tsvector('kt_en', coalesce(description_en, '')), 'B')
        || kt_event_value_lexemes(languages, municipality_code::text, is_remote)) STORED,
    PRIMARY KEY (job_id, version),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL),
    CHECK (apply_url IS NULL OR apply_url ~ '^https://'),
    CONSTRAINT job_versions_apply_email_ok CHECK (apply_email IS NULL OR kt_email_ok(apply_email)),
    CONSTRAINT job_versions_contact_email_ok
        CHECK (contact_email IS NULL OR kt_email_ok(contact_email))
);
CREATE INDEX job_versions_closes ON job_versions(closes_at);
CREATE INDEX job_versions_tsv ON job_versions USING gin (tsv);

ALTER TABLE jobs ADD FOREIGN KEY (id, published_version)
    REFERENCES job_versions(job_id, version) DEFERRABLE INITIALLY DEFERRED;

-- The text rule (sql/014_events_text.sql): a CHECK on every text column a form writes.
CREATE FUNCTION pg_temp.kt_text_checks(tbl text, cols text[], multiline boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY cols LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (kt_text_ok(%I, %L))',
                       tbl, tbl || '_' || c || '_text', c, multiline);
    END LOOP;
END
$$;
SELECT pg_temp.kt_text_checks('job_versions',
                              ARRAY['title_fi', 'title_sv', 'title_en', 'apply_url',
                                    'apply_email', 'contact_name', 'contact_email',
                                    'contact_phone', 'salary'],
                              false);
SELECT pg_temp.kt_text_checks('job_versions',
                              ARRAY['description_fi', 'description_sv', 'description_en'], true);

-- What the public may see: the last approved version of jobs not archived, of approved
-- organisations, whose application time has not closed.
CREATE VIEW public_jobs AS
SELECT j.id, j.organisation_id, j.updated_at, j.published_at, v.*
  FROM jobs j
  JOIN job_versions v ON v.job_id = j.id AND v.version = j.published_version
  JOIN organisations o ON o.id = j.organisation_id AND o.status = 'approved'
 WHERE j.archived_at IS NULL AND v.closes_at > now();

-- The lifecycle's triggers (sql/011_engine.sql, sql/012_events.sql).
CREATE TRIGGER jobs_state_follows_archive BEFORE INSERT OR UPDATE ON jobs
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();
CREATE TRIGGER jobs_feed_touch BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION kt_feed_activity_touch();
CREATE TRIGGER jobs_tombstones_ins AFTER INSERT ON jobs
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('job', 'public_jobs');
CREATE TRIGGER jobs_tombstones_upd AFTER UPDATE ON jobs
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('job', 'public_jobs');
CREATE TRIGGER jobs_tombstones_del AFTER DELETE ON jobs
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_tombstones('job', 'public_jobs');
CREATE TRIGGER job_versions_tombstones_ins AFTER INSERT ON job_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_added('job', 'public_jobs',
                                                                  'job_id');
CREATE TRIGGER job_versions_feed_upd AFTER UPDATE ON job_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('jobs', 'job_id');
CREATE TRIGGER job_versions_feed_del AFTER DELETE ON job_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('jobs', 'job_id');
CREATE TRIGGER organisations_jobs_feed_upd AFTER UPDATE ON organisations
    REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_organisations_changed('jobs');
