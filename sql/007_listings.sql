-- The listings lifecycle (issue 5): writing, submitting, moderating, keeping fresh,
-- archiving.  Applied by tools/kt-migrate in one transaction with its record.
--
-- activities.state is the state of the listing's working copy, its latest version:
--   draft      being written (a new listing, or an edit of a published one)
--   submitted  waiting for a moderator
--   returned   a moderator sent it back with a reason; edited and submitted again
--   rejected   a moderator refused it (final for a listing never published; an
--              edit of a published one may be written again from the public version)
--   published  the latest version is the public one
--   archived   no longer public (by its organisation, or by the daily freshness run)
-- published_version is what the public sees whatever the state (public_activities):
-- an edit of a published listing waits in moderation while the published one stays.
-- archived_at, not state, is what takes a listing off the public pages (as the views
-- and triggers of 001-004 have it); the handlers keep both in step.
--
-- Versions are history: a version that a moderator decided on (approved, returned or
-- rejected: decided_version and every earlier one) is never changed again; an edit
-- after a decision is a new version.  Only the undecided latest version is saved over
-- in place, so that saving a draft ten times does not make ten versions.

ALTER TABLE activities
    -- Optimistic concurrency: every form carries the revision it was made from, and
    -- every write of content or state bumps it.  A save on an older one is an edit
    -- conflict (409), never a silent overwrite.
    ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN created_by bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN submitted_at timestamptz,
    ADD COLUMN submitted_by bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN decided_version integer,
    ADD COLUMN decided_at timestamptz,
    ADD COLUMN decided_by bigint REFERENCES users(id) ON DELETE SET NULL,
    -- why the last return or rejection; cleared by an approval
    ADD COLUMN decision_reason text,
    -- the freshness reminder sent for the current confirmed_at (NULL: none yet)
    ADD COLUMN reminded_at timestamptz,
    ADD COLUMN archive_reason text
        CHECK (archive_reason IN ('organisation', 'unconfirmed', 'ended'));

UPDATE activities SET decided_version = published_version, decided_at = published_at
 WHERE published_version IS NOT NULL;
UPDATE activities SET archive_reason = 'organisation' WHERE archived_at IS NOT NULL;

ALTER TABLE activities
    ADD CHECK (state <> 'published'
               OR (published_version IS NOT NULL AND published_version = latest_version)),
    ADD CHECK (published_version IS NULL OR published_version <= latest_version),
    ADD CHECK (decided_version IS NULL OR decided_version <= latest_version),
    ADD CHECK (state <> 'submitted' OR submitted_at IS NOT NULL);

-- The moderation queue, oldest first.
CREATE INDEX activities_submitted ON activities(submitted_at, id) WHERE state = 'submitted';
-- The daily freshness run reads public listings by their last confirmation.
CREATE INDEX activities_confirmed ON activities(confirmed_at)
    WHERE published_version IS NOT NULL AND archived_at IS NULL;

-- Which listing rules (PRODUCT.md) the author confirmed when submitting this version,
-- for the moderator's checklist and the record.
ALTER TABLE activity_versions ADD COLUMN rules_confirmed text[];

-- Moderators read the audit log of a listing by version too.
ALTER TABLE audit_log ADD CHECK (version IS NULL OR version >= 1);
