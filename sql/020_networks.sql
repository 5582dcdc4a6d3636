-- Networks of organisations (issue 12 item 4; PRODUCT.md "Networks", seed 004_…): a kind
-- on the shared lifecycle (sql/011_engine.sql, src/lib/kt_kind.h), owned by its
-- coordinating organisation and published by review, like events (sql/012_events.sql).
-- Its member organisations are not content: network_members holds them (pending
-- requests and active members), changed without moderation, audited and mailed.

-- Who a network is for: the codes URLs (audience=), the form and the pages carry.
CREATE TABLE network_audiences (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL
);
INSERT INTO network_audiences (code, position, name_fi, name_sv, name_en) VALUES
    ('immigrants', 1, 'Maahan muuttaneet', 'Invandrare', 'Immigrants'),
    ('asylum_seekers', 2, 'Turvapaikanhakijat', 'Asylsökande', 'Asylum seekers'),
    ('students', 3, 'Ulkomaalaiset opiskelijat', 'Utländska studerande',
     'International students'),
    ('families', 4, 'Omaiset ja läheiset', 'Anhöriga och närstående', 'Families and friends'),
    ('professionals', 5, 'Ammattilaiset', 'Yrkesverksamma', 'Professionals'),
    ('volunteers', 6, 'Vapaaehtoiset', 'Frivilliga', 'Volunteers'),
    ('organisations', 7, 'Järjestöt', 'Organisationer', 'Organisations');

-- The listing: the lifecycle columns and checks of events; organisation_id is the
-- coordinating organisation.
CREATE TABLE networks (
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
    CONSTRAINT networks_state_archived CHECK ((state = 'archived') = (archived_at IS NOT NULL))
);
CREATE INDEX networks_org ON networks(organisation_id);
CREATE INDEX networks_submitted ON networks(submitted_at, id) WHERE state = 'submitted';

-- The places of a network that words of a query may name, as lexemes no text gives (those
-- of activity_search_text.tsv, sql/010_search.sql): its municipalities, its region, and
-- "anywhere" for a national one (a place's name also asks for it, as the place filters
-- match every national network).  Immutable: it reads its arguments only.
CREATE FUNCTION kt_network_value_lexemes(area text, region text, municipalities text[])
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(array_to_tsvector(ARRAY(
               SELECT 'municipality=' || m FROM unnest(municipalities) m
               UNION ALL SELECT 'region=' || region WHERE region IS NOT NULL
               UNION ALL SELECT 'anywhere' WHERE area = 'national')), 'D')
$$;

-- One version's content.  The lists (what it does, resources, what members gain,
-- evaluation and quality) are one item a line, per language.  The area is a region, a
-- set of municipalities (Statistics Finland codes) or the whole country.
CREATE TABLE network_versions (
    network_id        bigint NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    version           integer NOT NULL CHECK (version >= 1),
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        bigint REFERENCES users(id) ON DELETE SET NULL,
    title_fi          text,
    title_sv          text,
    title_en          text,
    description_fi    text,
    description_sv    text,
    description_en    text,
    activities_fi     text,
    activities_sv     text,
    activities_en     text,
    resources_fi      text,
    resources_sv      text,
    resources_en      text,
    benefits_fi       text,
    benefits_sv       text,
    benefits_en       text,
    evaluation_fi     text,
    evaluation_sv     text,
    evaluation_en     text,
    area              text CHECK (area IN ('municipalities', 'region', 'national')),
    region_code       char(2) REFERENCES regions(code),
    municipalities    text[] NOT NULL DEFAULT '{}',
    audiences         text[] NOT NULL DEFAULT '{}',
    contact_name      text,
    contact_email     text,
    contact_phone     text,
    url               text,
    rules_confirmed   text[],
    -- q (kt_network_filters): the texts with the search's unaccented stemmers (as events',
    -- sql/017_search_events.sql) and the places words name
    tsv               tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('kt_fi', coalesce(title_fi, '')), 'A')
        || setweight(to_tsvector('kt_sv', coalesce(title_sv, '')), 'A')
        || setweight(to_tsvector('kt_en', coalesce(title_en, '')), 'A')
        || setweight(to_tsvector('kt_fi', coalesce(description_fi, '') || ' '
                                 || coalesce(activities_fi, '')), 'B')
        || setweight(to_tsvector('kt_sv', coalesce(description_sv, '') || ' '
                                 || coalesce(activities_sv, '')), 'B')
        || setweight(to_tsvector('kt_en', coalesce(description_en, '') || ' '
                                 || coalesce(activities_en, '')), 'B')
        || kt_network_value_lexemes(area, region_code::text, municipalities)) STORED,
    PRIMARY KEY (network_id, version),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL),
    CHECK (region_code IS NULL OR area = 'region'),
    CHECK (cardinality(municipalities) = 0 OR area = 'municipalities'),
    CHECK (cardinality(municipalities) <= 100 AND cardinality(audiences) <= 20)
);
CREATE INDEX network_versions_tsv ON network_versions USING gin (tsv);

ALTER TABLE networks ADD FOREIGN KEY (id, published_version)
    REFERENCES network_versions(network_id, version) DEFERRABLE INITIALLY DEFERRED;

-- What the public may see: the last approved version of networks not archived, whose
-- coordinating organisation is approved.
CREATE VIEW public_networks AS
SELECT n.id, n.organisation_id, n.updated_at, n.published_at, v.*
  FROM networks n
  JOIN network_versions v ON v.network_id = n.id AND v.version = n.published_version
  JOIN organisations o ON o.id = n.organisation_id AND o.status = 'approved'
 WHERE n.archived_at IS NULL;

-- Member organisations.  A request to join (by the organisation's main user) waits as
-- 'pending' until the coordinator approves it ('active') or declines it (the row goes);
-- the coordinator adds members directly ('active'); leaving or removal deletes the row.
-- The audit log keeps the history (network.member_* lines).
CREATE TABLE network_members (
    network_id      bigint NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    status          text NOT NULL CHECK (status IN ('pending', 'active')),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    requested_by    bigint REFERENCES users(id) ON DELETE SET NULL,
    decided_at      timestamptz,
    decided_by      bigint REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (network_id, organisation_id),
    CHECK ((status = 'active') = (decided_at IS NOT NULL))
);
CREATE INDEX network_members_org ON network_members(organisation_id);

-- The lifecycle's triggers (sql/011_engine.sql, sql/012_events.sql): state follows
-- archived_at, updated_at follows what the public sees.  No partner feed: no tombstones.
CREATE TRIGGER networks_state_follows_archive BEFORE INSERT OR UPDATE ON networks
    FOR EACH ROW
    WHEN ((NEW.state = 'archived') IS DISTINCT FROM (NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION kt_listing_state_follows_archive();
CREATE TRIGGER networks_feed_touch BEFORE UPDATE ON networks
    FOR EACH ROW EXECUTE FUNCTION kt_feed_activity_touch();
CREATE TRIGGER network_versions_feed_upd AFTER UPDATE ON network_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('networks', 'network_id');
CREATE TRIGGER network_versions_feed_del AFTER DELETE ON network_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_listing_versions_changed('networks', 'network_id');

-- The one text rule (sql/009_accounts.sql, sql/014_events_text.sql): a CHECK on every
-- text column a form writes.
ALTER TABLE networks ADD CONSTRAINT networks_decision_reason_text
    CHECK (kt_text_ok(decision_reason, true));
ALTER TABLE network_versions
    ADD CONSTRAINT network_versions_title_fi_text CHECK (kt_text_ok(title_fi, false)),
    ADD CONSTRAINT network_versions_title_sv_text CHECK (kt_text_ok(title_sv, false)),
    ADD CONSTRAINT network_versions_title_en_text CHECK (kt_text_ok(title_en, false)),
    ADD CONSTRAINT network_versions_contact_name_text CHECK (kt_text_ok(contact_name, false)),
    ADD CONSTRAINT network_versions_contact_email_text CHECK (kt_text_ok(contact_email, false)),
    ADD CONSTRAINT network_versions_contact_phone_text CHECK (kt_text_ok(contact_phone, false)),
    ADD CONSTRAINT network_versions_url_text CHECK (kt_text_ok(url, false)),
    ADD CONSTRAINT network_versions_description_fi_text CHECK (kt_text_ok(description_fi, true)),
    ADD CONSTRAINT network_versions_description_sv_text CHECK (kt_text_ok(description_sv, true)),
    ADD CONSTRAINT network_versions_description_en_text CHECK (kt_text_ok(description_en, true)),
    ADD CONSTRAINT network_versions_activities_fi_text CHECK (kt_text_ok(activities_fi, true)),
    ADD CONSTRAINT network_versions_activities_sv_text CHECK (kt_text_ok(activities_sv, true)),
    ADD CONSTRAINT network_versions_activities_en_text CHECK (kt_text_ok(activities_en, true)),
    ADD CONSTRAINT network_versions_resources_fi_text CHECK (kt_text_ok(resources_fi, true)),
    ADD CONSTRAINT network_versions_resources_sv_text CHECK (kt_text_ok(resources_sv, true)),
    ADD CONSTRAINT network_versions_resources_en_text CHECK (kt_text_ok(resources_en, true)),
    ADD CONSTRAINT network_versions_benefits_fi_text CHECK (kt_text_ok(benefits_fi, true)),
    ADD CONSTRAINT network_versions_benefits_sv_text CHECK (kt_text_ok(benefits_sv, true)),
    ADD CONSTRAINT network_versions_benefits_en_text CHECK (kt_text_ok(benefits_en, true)),
    ADD CONSTRAINT network_versions_evaluation_fi_text CHECK (kt_text_ok(evaluation_fi, true)),
    ADD CONSTRAINT network_versions_evaluation_sv_text CHECK (kt_text_ok(evaluation_sv, true)),
    ADD CONSTRAINT network_versions_evaluation_en_text CHECK (kt_text_ok(evaluation_en, true));
