-- Schema v1 of mod_kotoutuminen.
-- Applied once by tools/kt-migrate and recorded in schema_migrations; never edit a
-- migration that has landed, add the next number instead.

-- Regions (maakunta) and municipalities: Statistics Finland codes.  Filled by 002.
CREATE TABLE regions (
    code        char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    name_fi     text NOT NULL,
    name_sv     text NOT NULL,
    name_en     text NOT NULL
);

CREATE TABLE municipalities (
    code            char(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
    name_fi         text NOT NULL,
    name_sv         text NOT NULL,
    region_code     char(2) NOT NULL REFERENCES regions(code),
    -- 0 monolingual Finnish, 1 bilingual Finnish majority, 2 monolingual Swedish,
    -- 3 bilingual Swedish majority (Statistics Finland's classification, kielisuhde)
    language_status smallint NOT NULL,
    sv_name_official boolean NOT NULL
);
CREATE INDEX municipalities_region ON municipalities(region_code);

-- ISO 639 languages.  Rows come from Debian's iso-codes at migration time
-- (tools/kt-iso639-sql), not from a copy kept here.
CREATE TABLE languages (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z]{3}$'),   -- ISO 639-3
    code1    char(2) UNIQUE CHECK (code1 ~ '^[a-z]{2}$'),   -- ISO 639-1 where one exists
    name_en  text NOT NULL,
    name_fi  text,
    name_sv  text
);

-- Controlled vocabularies.  The code is what URLs and the feed carry.
CREATE TABLE activity_forms (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
    position smallint NOT NULL UNIQUE,
    name_fi  text NOT NULL,
    name_sv  text NOT NULL,
    name_en  text NOT NULL
);
CREATE TABLE themes (LIKE activity_forms INCLUDING ALL);
CREATE TABLE target_groups (LIKE activity_forms INCLUDING ALL);

CREATE TABLE organisation_types (
    code        text PRIMARY KEY,
    position    smallint NOT NULL UNIQUE,
    -- Only these may register themselves (PRODUCT.md); others (state agencies)
    -- exist as owners of funded projects.
    registrable boolean NOT NULL,
    name_fi     text NOT NULL,
    name_sv     text NOT NULL,
    name_en     text NOT NULL
);

CREATE TABLE organisations (
    id                bigserial PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    type              text NOT NULL REFERENCES organisation_types(code),
    business_id       text UNIQUE CHECK (business_id ~ '^[0-9]{7}-[0-9]$'),
    registry_number   text,
    municipality_code char(3) REFERENCES municipalities(code),
    website           text,
    description_fi    text,
    description_sv    text,
    description_en    text,
    status            text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    approved_at       timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id                bigserial PRIMARY KEY,
    email             text NOT NULL,
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    phone             text,
    password_hash     text NOT NULL,
    email_verified_at timestamptz,
    is_moderator      boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE memberships (
    user_id         bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role            text NOT NULL DEFAULT 'member' CHECK (role IN ('main', 'member')),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_org ON memberships(organisation_id);

CREATE TABLE projects (
    id                 bigserial PRIMARY KEY,
    organisation_id    bigint NOT NULL REFERENCES organisations(id),
    name               text NOT NULL,
    start_date         date,
    end_date           date,
    funder             text,
    eu_grant_eur       numeric(12, 2) CHECK (eu_grant_eur >= 0),
    national_objective text,
    description_fi     text,
    description_sv     text,
    description_en     text,
    url                text,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_org ON projects(organisation_id);

-- An activity is an identity plus numbered versions of its content.  The public
-- sees published_version; an edit of a published listing is a newer version
-- that waits for moderation while the published one stays visible.
CREATE TABLE activities (
    id                bigserial PRIMARY KEY,
    organisation_id   bigint NOT NULL REFERENCES organisations(id),
    state             text NOT NULL DEFAULT 'draft'
                      CHECK (state IN ('draft', 'submitted', 'published', 'returned',
                                       'rejected', 'archived')),
    published_version integer,
    latest_version    integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    -- when anything public about it changed (publish, new approved version,
    -- archive): drives the feed's incremental sync and Last-Modified
    updated_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    archived_at       timestamptz,
    confirmed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_org ON activities(organisation_id);
CREATE INDEX activities_public ON activities(updated_at DESC, id DESC)
    WHERE published_version IS NOT NULL;

CREATE TABLE activity_versions (
    activity_id        bigint NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    version            integer NOT NULL CHECK (version >= 1),
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         bigint REFERENCES users(id),
    title_fi           text,
    title_sv           text,
    title_en           text,
    description_fi     text,
    description_sv     text,
    description_en     text,
    forms              text[] NOT NULL DEFAULT '{}',
    themes             text[] NOT NULL DEFAULT '{}',
    targets            text[] NOT NULL DEFAULT '{}',
    languages          text[] NOT NULL DEFAULT '{}',    -- ISO 639-3 codes
    municipality_code  char(3) REFERENCES municipalities(code),
    is_online          boolean NOT NULL DEFAULT false,  -- online or by phone
    is_nationwide      boolean NOT NULL DEFAULT false,
    street_address     text,
    postal_code        text CHECK (postal_code ~ '^[0-9]{5}$'),
    post_office        text,
    accessibility_fi   text,
    accessibility_sv   text,
    accessibility_en   text,
    start_date         date,
    end_date           date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    price_eur          numeric(8, 2) NOT NULL DEFAULT 0 CHECK (price_eur >= 0),
    registration       text NOT NULL DEFAULT 'drop_in'
                       CHECK (registration IN ('required', 'drop_in')),
    contact_name       text,
    contact_email      text,
    contact_phone      text,
    url                text,
    project_id         bigint REFERENCES projects(id),
    PRIMARY KEY (activity_id, version),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL)
);
CREATE INDEX activity_versions_forms ON activity_versions USING gin (forms);
CREATE INDEX activity_versions_languages ON activity_versions USING gin (languages);
CREATE INDEX activity_versions_municipality ON activity_versions(municipality_code);

ALTER TABLE activities ADD FOREIGN KEY (id, published_version)
    REFERENCES activity_versions(activity_id, version) DEFERRABLE INITIALLY DEFERRED;

-- Weekly recurring times (weekday 1 = Monday … 7 = Sunday, ISO 8601).
CREATE TABLE activity_schedule (
    activity_id bigint NOT NULL,
    version     integer NOT NULL,
    position    smallint NOT NULL,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts      time NOT NULL,
    ends        time NOT NULL CHECK (ends > starts),
    PRIMARY KEY (activity_id, version, position),
    FOREIGN KEY (activity_id, version) REFERENCES activity_versions ON DELETE CASCADE
);

-- Dated sessions of an event series, local Europe/Helsinki time.
CREATE TABLE activity_sessions (
    activity_id bigint NOT NULL,
    version     integer NOT NULL,
    position    smallint NOT NULL,
    starts_at   timestamp NOT NULL,
    ends_at     timestamp CHECK (ends_at IS NULL OR ends_at > starts_at),
    PRIMARY KEY (activity_id, version, position),
    FOREIGN KEY (activity_id, version) REFERENCES activity_versions ON DELETE CASCADE
);

CREATE TABLE news (
    id           bigserial PRIMARY KEY,
    title_fi     text,
    title_sv     text,
    title_en     text,
    body_fi      text,
    body_sv      text,
    body_en      text,
    author_id    bigint REFERENCES users(id),
    published_at timestamptz NOT NULL DEFAULT now(),
    CHECK (title_fi IS NOT NULL OR title_sv IS NOT NULL OR title_en IS NOT NULL)
);
CREATE INDEX news_published ON news(published_at DESC);

-- Sessions live in the database so that any number of httpd nodes serve the
-- same site.  Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    token_hash   bytea PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_secret  bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    bigint REFERENCES users(id),
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   bigint NOT NULL,
    version     integer,
    reason      text
);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);

-- What the public may see: the last approved version of listings that are not
-- archived, from approved organisations.  Pages, search and feed all read this.
CREATE VIEW public_activities AS
SELECT a.id, a.organisation_id, a.updated_at, a.published_at, a.confirmed_at, v.*
  FROM activities a
  JOIN activity_versions v ON v.activity_id = a.id AND v.version = a.published_version
  JOIN organisations o ON o.id = a.organisation_id AND o.status = 'approved'
 WHERE a.archived_at IS NULL;

-- A name in the page's language, falling back when a translation is missing.
CREATE FUNCTION kt_name(lang text, fi text, sv text, en text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang WHEN 'sv' THEN coalesce(sv, fi, en)
                     WHEN 'en' THEN coalesce(en, fi, sv)
                     ELSE coalesce(fi, en, sv) END
$$;

-- Vocabulary lists as "code US name RS code US name …" (US = chr(31),
-- RS = chr(30)): one text column per list keeps row fetching simple in C,
-- and neither separator can occur in a name we store.
CREATE FUNCTION kt_forms_text(codes text[], lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(t.code || chr(31) || kt_name(lang, t.name_fi, t.name_sv, t.name_en),
                      chr(30) ORDER BY t.position)
      FROM activity_forms t WHERE t.code = ANY (codes)
$$;
CREATE FUNCTION kt_themes_text(codes text[], lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(t.code || chr(31) || kt_name(lang, t.name_fi, t.name_sv, t.name_en),
                      chr(30) ORDER BY t.position)
      FROM themes t WHERE t.code = ANY (codes)
$$;
CREATE FUNCTION kt_targets_text(codes text[], lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(t.code || chr(31) || kt_name(lang, t.name_fi, t.name_sv, t.name_en),
                      chr(30) ORDER BY t.position)
      FROM target_groups t WHERE t.code = ANY (codes)
$$;
-- Languages keep the order the author gave them.
CREATE FUNCTION kt_languages_text(codes text[], lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg(l.code || chr(31) || kt_name(lang, l.name_fi, l.name_sv, l.name_en),
                      chr(30) ORDER BY u.n)
      FROM unnest(codes) WITH ORDINALITY AS u(code, n)
      JOIN languages l ON l.code = u.code
$$;
