-- Projects maintained by the organisations that run them (issue 12 item 3; PRODUCT.md
-- "Projects"): a kind of listing on the shared lifecycle (sql/011_engine.sql,
-- src/lib/kt_kind.h), owned by an organisation and published by a moderator's review,
-- as events are (sql/012_events.sql).
--
-- Until now projects were rows loaded by SQL: projects (id, organisation_id, name,
-- start_date, end_date, funder, eu_grant_eur, national_objective, description_*, url).
-- Those rows keep their ids, and so their URLs and the references of activities, events
-- and news: each becomes the listing with version 1 holding its content, published.  The
-- table keeps its name; its content moves to project_versions.  projects.name stays, as
-- the name of the public version (kept by a trigger, NULL while none is public), for
-- the statements of other kinds that name a listing's project.

-- --- 1. vocabularies ---------------------------------------------------------------------
-- Who funds a project.  AMIF's national objectives are those of seed 001 (Specific
-- objective 2: legal migration and integration); another funder is 'other' with a name.
CREATE TABLE project_funders (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO project_funders (code, position, name_fi, name_sv, name_en) VALUES
    ('amif', 1, 'Turvapaikka-, maahanmuutto- ja kotouttamisrahasto (AMIF)',
     'Asyl-, migrations- och integrationsfonden (AMIF)',
     'Asylum, Migration and Integration Fund (AMIF)'),
    ('esr', 2, 'Euroopan sosiaalirahasto plus (ESR+)', 'Europeiska socialfonden plus (ESF+)',
     'European Social Fund Plus (ESF+)'),
    ('stea', 3, 'Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)',
     'Social- och hälsoorganisationernas understödscentral (STEA)',
     'Funding Centre for Social Welfare and Health Organisations (STEA)'),
    ('other', 4, 'Muu rahoittaja', 'Annan finansiär', 'Other funder');

-- A funder's programme objectives: AMIF's national objectives 2.1-2.3 (seed 001).
CREATE TABLE project_objectives (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    funder   text NOT NULL REFERENCES project_funders(code),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL,
    UNIQUE (funder, code)
);
INSERT INTO project_objectives (code, funder, position, name_fi, name_sv, name_en) VALUES
    ('amif_2_1', 'amif', 1, '2.1 Laillinen maahanmuutto', '2.1 Laglig migration',
     '2.1 Legal migration'),
    ('amif_2_2', 'amif', 2, '2.2 Kotoutuminen', '2.2 Integration', '2.2 Integration'),
    ('amif_2_3', 'amif', 3, '2.3 Valmiuksien kehittäminen', '2.3 Kapacitetsuppbyggnad',
     '2.3 Capacity building');

-- --- 2. one version's content ------------------------------------------------------------
-- The name (title_*) and description per language; the period; the funder, its
-- objective (only one of that funder's: the foreign key on both) or, for 'other', the
-- funder's name; the grant in euros (AMIF: the EU grant); the area (regions, or the
-- whole country); contact; link; partner organisations (ids of approved ones when
-- saved; the public page names those still approved).
CREATE TABLE project_versions (
    project_id      bigint NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    version         integer NOT NULL CHECK (version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      bigint REFERENCES users(id) ON DELETE SET NULL,
    title_fi        text,
    title_sv        text,
    title_en        text,
    description_fi  text,
    description_sv  text,
    description_en  text,
    start_date      date,
    end_date        date,
    funder          text REFERENCES project_funders(code),
    funder_name     text,
    objective       text,
    grant_eur       numeric(12, 2) CHECK (grant_eur >= 0),
    regions         text[] NOT NULL DEFAULT '{}',
    nationwide      boolean NOT NULL DEFAULT false,
    contact_name    text,
    contact_email   text,
    contact_phone   text,
    url             text,
    partners        bigint[] NOT NULL DEFAULT '{}',
    rules_confirmed text[],
    -- q of /{lang}/projects: the search's unaccented configurations (sql/010_search.sql,
    -- sql/017_search_events.sql), read by kt_search_expand(q, 'prefix,weak')
    tsv             tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('kt_fi', coalesce(title_fi, '')), 'A')
        || setweight(to_tsvector('kt_sv', coalesce(title_sv, '')), 'A')
        || setweight(to_tsvector('kt_en', coalesce(title_en, '')), 'A')
        || setweight(to_tsvector('kt_fi', coalesce(description_fi, '')), 'B')
        || setweight(to_tsvector('kt_sv', coalesce(description_sv, '')), 'B')
        || setweight(to_tsvector('kt_en', coalesce(description_en, '')), 'B')
        || setweight(to_tsvector('kt_fi', coalesce(funder_name, '')), 'C')) STORED,
    PRIMARY KEY (project_id, version),
    FOREIGN KEY (funder, objective) REFERENCES project_objectives(funder, code),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK (funder_name IS NULL OR funder = 'other'),
    CHECK (cardinality(partners) <= 30 AND cardinality(regions) <= 30)
);
CREATE INDEX project_versions_tsv ON project_versions USING gin (tsv);

-- --- 3. the listing: the lifecycle columns -----------------------------------------------
ALTER TABLE projects
    ADD COLUMN state             text NOT NULL DEFAULT 'draft'
                                 CHECK (state IN ('draft', 'submitted', 'published', 'returned',
                                                  'rejected', 'archived')),
    ADD COLUMN published_version integer,
    ADD COLUMN latest_version    integer NOT NULL DEFAULT 1,
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN published_at      timestamptz,
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
    ADD COLUMN archive_reason    text CHECK (archive_reason IN ('organisation', 'unconfirmed',
                                                                 'ended'));
ALTER TABLE projects ALTER COLUMN name DROP NOT NULL;

-- --- 4. the rows there are, as version 1, published --------------------------------------
INSERT INTO project_versions (project_id, version, created_at, title_fi, description_fi,
                              description_sv, description_en, start_date, end_date, funder,
                              funder_name, objective, grant_eur, url)
SELECT id, 1, created_at, name, description_fi, description_sv, description_en, start_date,
       end_date,
       CASE WHEN funder IS NULL THEN NULL WHEN upper(funder) = 'AMIF' THEN 'amif' ELSE 'other' END,
       CASE WHEN funder IS NOT NULL AND upper(funder) <> 'AMIF' THEN funder END,
       CASE WHEN upper(funder) = 'AMIF' THEN
           CASE substring(national_objective FROM '^\s*(2\.[123])')
               WHEN '2.1' THEN 'amif_2_1' WHEN '2.2' THEN 'amif_2_2' WHEN '2.3' THEN 'amif_2_3'
           END
       END,
       eu_grant_eur, url
  FROM projects;

ALTER TABLE projects DROP COLUMN start_date, DROP COLUMN end_date, DROP COLUMN funder,
                     DROP COLUMN eu_grant_eur, DROP COLUMN national_objective,
                     DROP COLUMN description_fi, DROP COLUMN description_sv,
                     DROP COLUMN description_en, DROP COLUMN url;

-- --- 5. the lifecycle's checks (as events') -----------------------------------------------
ALTER TABLE projects
    ADD CHECK (state <> 'published'
               OR (published_version IS NOT NULL AND published_version = latest_version)),
    ADD CHECK (published_version IS NULL OR published_version <= latest_version),
    ADD CHECK (decided_version IS NULL OR decided_version <= latest_version),
    ADD CHECK (state <> 'submitted' OR submitted_at IS NOT NULL),
    ADD CONSTRAINT projects_state_archived CHECK ((state = 'archived') = (archived_at IS NOT NULL)),
    ADD FOREIGN KEY (id, published_version)
        REFERENCES project_versions(project_id, version) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX projects_submitted ON projects(submitted_at, id) WHERE state = 'submitted';

-- projects.name: the public version's name (Finnish, else Swedish, else English) while
-- the project is public, else NULL.  What activities, events, news and their feeds show
-- of a listing's project reads it, and a project that is not public is named nowhere.
CREATE FUNCTION kt_project_public_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := CASE WHEN NEW.published_version IS NOT NULL AND NEW.archived_at IS NULL THEN
        (SELECT coalesce(v.title_fi, v.title_sv, v.title_en) FROM project_versions v
          WHERE v.project_id = NEW.id AND v.version = NEW.published_version) END;
    RETURN NEW;
END
$$;
CREATE TRIGGER projects_public_name BEFORE INSERT OR UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION kt_project_public_name();

UPDATE projects
   SET state = 'published', published_version = 1, latest_version = 1, decided_version = 1,
       decided_at = created_at, published_at = created_at, updated_at = created_at,
       confirmed_at = created_at;

-- The working name of any version, for the organisation's own forms (a draft project
-- can be chosen for a listing before it is public).
CREATE FUNCTION kt_project_name(project bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(v.title_fi, v.title_sv, v.title_en) FROM project_versions v
     WHERE v.project_id = project ORDER BY v.version DESC LIMIT 1
$$;

-- --- 6. what the public may see ----------------------------------------------------------
-- The last approved version of projects that are not archived, from approved
-- organisations.  A project that has ended stays public as history (its page says it
-- has ended): it is not archived by kt-admin daily (src/lib/kt_kinds.c).
CREATE VIEW public_projects AS
SELECT p.id, p.organisation_id, p.updated_at, p.published_at, v.*
  FROM projects p
  JOIN project_versions v ON v.project_id = p.id AND v.version = p.published_version
  JOIN organisations o ON o.id = p.organisation_id AND o.status = 'approved'
 WHERE p.archived_at IS NULL;

-- --- 7. the engine's triggers ------------------------------------------------------------
-- State follows archived_at; updated_at follows what the public sees (the sitemap's
-- lastmod); a published version corrected by hand moves it (and, through the row's
-- update, the public name).  No partner feed, so no tombstones.
CREATE TRIGGER projects_state_follows_archive BEFORE INSERT OR UPDATE ON projects
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();
CREATE TRIGGER projects_feed_touch BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION kt_feed_activity_touch();
CREATE TRIGGER project_versions_feed_upd AFTER UPDATE ON project_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('projects', 'project_id');
CREATE TRIGGER project_versions_feed_del AFTER DELETE ON project_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('projects', 'project_id');

-- --- 8. the text rule (sql/009_accounts.sql, sql/014_events_text.sql) ---------------------
CREATE FUNCTION pg_temp.kt_text_checks(tbl text, cols text[], multiline boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    c text;
BEGIN
    FOREACH c IN ARRAY cols LOOP
        EXECUTE format('UPDATE %I SET %I = kt_text_clean(%I, %L) WHERE NOT kt_text_ok(%I, %L)',
                       tbl, c, c, multiline, c, multiline);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (kt_text_ok(%I, %L))',
                       tbl, tbl || '_' || c || '_text', c, multiline);
    END LOOP;
END
$$;

SELECT pg_temp.kt_text_checks('projects', ARRAY['decision_reason'], true);
SELECT pg_temp.kt_text_checks('project_versions',
                              ARRAY['title_fi', 'title_sv', 'title_en', 'funder_name',
                                    'contact_name', 'contact_email', 'contact_phone', 'url'],
                              false);
SELECT pg_temp.kt_text_checks('project_versions',
                              ARRAY['description_fi', 'description_sv', 'description_en'], true);

-- --- 9. the organisations directory's search (GET /{lang}/organisations?q=) --------------
-- The name in the search's unaccented configurations, and the business ID as it is
-- written, read by kt_search_expand(q, 'prefix,weak') (src/lib/kt_directory.c): the
-- directory finds "Järjestö ry" by "jarjesto" and an organisation by its business ID.
ALTER TABLE organisations ADD COLUMN name_tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('kt_fi', name) || to_tsvector('kt_sv', name) || to_tsvector('kt_en', name)
        || to_tsvector('simple', coalesce(business_id, ''))) STORED;
CREATE INDEX organisations_name_tsv ON organisations USING gin (name_tsv);
