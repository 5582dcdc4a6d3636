-- News written by moderators (issue 12 item 1; PRODUCT.md "News"): the third kind on the
-- shared lifecycle (sql/011_engine.sql, src/lib/kt_kind.h), the first owned by no
-- organisation and published by those who write it (KT_KIND_UNOWNED, KT_LC_EDITORIAL):
-- moderators write, publish at once or from a set time (state 'scheduled'), edit while
-- published (a new version waits as a draft while the public one stays) and withdraw.
--
-- Until now news was rows loaded by SQL: news (id, title_*, body_*, author_id,
-- published_at), public from published_at.  Those rows keep their ids (and so their
-- URLs): each becomes the listing with version 1 holding its texts, published from the
-- same time.  The table keeps its name; its texts move to news_versions.

-- --- 1. one version's content --------------------------------------------------------
-- Title, summary and body per language (the body in the small markup of
-- src/lib/kt_markup.h: paragraphs and [text](https://…) links; never HTML), and at most
-- one related item: an organisation, a project or an event, chosen from public ones
-- (the page links it while it stays public).
CREATE TABLE news_versions (
    news_id                 bigint NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    version                 integer NOT NULL CHECK (version >= 1),
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              bigint REFERENCES users(id) ON DELETE SET NULL,
    title_fi                text,
    title_sv                text,
    title_en                text,
    summary_fi              text,
    summary_sv              text,
    summary_en              text,
    body_fi                 text,
    body_sv                 text,
    body_en                 text,
    related_organisation_id bigint REFERENCES organisations(id) ON DELETE SET NULL,
    related_project_id      bigint REFERENCES projects(id) ON DELETE SET NULL,
    related_event_id        bigint REFERENCES events(id) ON DELETE SET NULL,
    rules_confirmed         text[],
    PRIMARY KEY (news_id, version),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL),
    CHECK (num_nonnulls(related_organisation_id, related_project_id, related_event_id) <= 1)
);
-- The texts under the text rule of sql/009_accounts.sql (kt_text_ok; the news table's
-- texts had it, and so does every other kind's), one CHECK a column: the editor's
-- validators (kt_valid_line, kt_valid_text) are the same rule.
ALTER TABLE news_versions
    ADD CONSTRAINT news_versions_title_fi_text CHECK (kt_text_ok(title_fi, false)),
    ADD CONSTRAINT news_versions_title_sv_text CHECK (kt_text_ok(title_sv, false)),
    ADD CONSTRAINT news_versions_title_en_text CHECK (kt_text_ok(title_en, false)),
    ADD CONSTRAINT news_versions_summary_fi_text CHECK (kt_text_ok(summary_fi, true)),
    ADD CONSTRAINT news_versions_summary_sv_text CHECK (kt_text_ok(summary_sv, true)),
    ADD CONSTRAINT news_versions_summary_en_text CHECK (kt_text_ok(summary_en, true)),
    ADD CONSTRAINT news_versions_body_fi_text CHECK (kt_text_ok(body_fi, true)),
    ADD CONSTRAINT news_versions_body_sv_text CHECK (kt_text_ok(body_sv, true)),
    ADD CONSTRAINT news_versions_body_en_text CHECK (kt_text_ok(body_en, true));

-- --- 2. the listing: the lifecycle columns (no organisation) ------------------------------
ALTER TABLE news
    ADD COLUMN state             text NOT NULL DEFAULT 'draft'
                                 CHECK (state IN ('draft', 'published', 'scheduled', 'archived')),
    ADD COLUMN published_version integer,
    ADD COLUMN latest_version    integer NOT NULL DEFAULT 1,
    ADD COLUMN created_at        timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN archived_at       timestamptz,
    ADD COLUMN confirmed_at      timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN revision          integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN created_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN submitted_at      timestamptz,
    ADD COLUMN submitted_by      bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN decided_version   integer,
    ADD COLUMN decided_at        timestamptz,
    ADD COLUMN decided_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN decision_reason   text,
    ADD COLUMN reminded_at       timestamptz,
    ADD COLUMN archive_reason    text CHECK (archive_reason IN ('withdrawn'));
-- published_at: from when the public version is public (NULL: none yet).
ALTER TABLE news ALTER COLUMN published_at DROP NOT NULL,
                 ALTER COLUMN published_at DROP DEFAULT;

-- --- 3. the rows there are, as version 1, published from their time ----------------------
INSERT INTO news_versions (news_id, version, created_at, created_by, title_fi, title_sv,
                           title_en, body_fi, body_sv, body_en)
SELECT id, 1, least(published_at, now()), author_id, title_fi, title_sv, title_en,
       body_fi, body_sv, body_en
  FROM news;
UPDATE news
   SET state = CASE WHEN published_at > now() THEN 'scheduled' ELSE 'published' END,
       published_version = 1, latest_version = 1, decided_version = 1,
       decided_at = least(published_at, now()), decided_by = author_id,
       created_by = author_id, created_at = least(published_at, now()),
       updated_at = least(published_at, now()), confirmed_at = least(published_at, now());

ALTER TABLE news DROP COLUMN title_fi, DROP COLUMN title_sv, DROP COLUMN title_en,
                 DROP COLUMN body_fi, DROP COLUMN body_sv, DROP COLUMN body_en,
                 DROP COLUMN author_id;

-- --- 4. the lifecycle's checks ---------------------------------------------------------
-- As events' (sql/012_events.sql), and: a published or scheduled item has its time.
ALTER TABLE news
    ADD CHECK (state NOT IN ('published', 'scheduled')
               OR (published_version IS NOT NULL AND published_version = latest_version)),
    ADD CHECK (published_version IS NULL OR published_version <= latest_version),
    ADD CHECK (decided_version IS NULL OR decided_version <= latest_version),
    ADD CHECK (published_version IS NULL OR published_at IS NOT NULL),
    ADD CONSTRAINT news_state_archived CHECK ((state = 'archived') = (archived_at IS NOT NULL)),
    ADD FOREIGN KEY (id, published_version)
        REFERENCES news_versions(news_id, version) DEFERRABLE INITIALLY DEFERRED;

-- The public list and the front page: newest first among those with a public version.
DROP INDEX news_published;
CREATE INDEX news_public ON news (published_at DESC, id DESC)
    WHERE archived_at IS NULL AND published_version IS NOT NULL;

-- --- 5. what the public may see ----------------------------------------------------------
-- The published version of items not withdrawn, from their time on: a scheduled item
-- appears on the pages, the front page and the Atom feed at its time with nothing to
-- run (now() is read by every query).  updated_at is when the public text last changed:
-- for a scheduled item, its time.
CREATE VIEW public_news AS
SELECT n.id, n.published_at, greatest(n.updated_at, n.published_at) AS updated_at,
       v.title_fi, v.title_sv, v.title_en, v.summary_fi, v.summary_sv, v.summary_en,
       v.body_fi, v.body_sv, v.body_en, v.related_organisation_id, v.related_project_id,
       v.related_event_id, v.version
  FROM news n
  JOIN news_versions v ON v.news_id = n.id AND v.version = n.published_version
 WHERE n.archived_at IS NULL AND n.published_at <= now();

-- --- 6. the engine's triggers ------------------------------------------------------------
-- State follows archived_at (a withdrawal made or undone by hand), and a published
-- version corrected by hand moves updated_at (the Atom feed's <updated>).  News has no
-- partner feed, so no tombstones: the Atom feed lists only what is public.
CREATE TRIGGER news_state_follows_archive BEFORE INSERT OR UPDATE ON news
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();
CREATE TRIGGER news_versions_feed_upd AFTER UPDATE ON news_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('news', 'news_id');
CREATE TRIGGER news_versions_feed_del AFTER DELETE ON news_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('news', 'news_id');
