-- Public search of activities (ROUTES.md, GET /{lang}/activities).
--
-- Why a table of its own: the public row of a listing is a join of four tables
-- (activities, the published activity_versions row, an approved organisation, its
-- municipality); counting facets over that join for a broad search on 100 000
-- listings takes hundreds of milliseconds.  activity_search holds one narrow row per
-- public listing with exactly what the filters and the facets read, and
-- activity_search_text its weighted full-text vectors, kept apart so that facet
-- counts scan a table of short rows.  Both are kept up to date by the statement-level
-- triggers below, whatever writes the source tables (moderation, archiving, an
-- organisation's rename), so no application code has to remember them.

-- Sorting names and titles the way each UI language does (Finnish and Swedish put
-- å, ä, ö after z; the database's own C.UTF-8 order would not).  ICU comes with
-- Debian's PostgreSQL; without it this migration fails here, loudly.
CREATE COLLATION kt_fi (provider = icu, locale = 'fi-FI');
CREATE COLLATION kt_sv (provider = icu, locale = 'sv-FI');
CREATE COLLATION kt_en (provider = icu, locale = 'en-GB');

-- A websearch-style query in one text search configuration, safe for any input
-- (quotes, "or", "-", punctuation, single letters).  Input with no lexemes for this
-- configuration (stop words only, "!!!") gives an empty query, which PostgreSQL
-- announces with a NOTICE; the SET keeps such notices out of the client (and so out
-- of httpd's error log, where libpq would print them).
CREATE FUNCTION kt_search_tsquery(config regconfig, q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET client_min_messages = warning AS $$
    SELECT websearch_to_tsquery(config, q)
$$;

-- Only what filters, facets and the newest-first order read: every filtered search
-- visits these rows, and the fewer pages they fill the fewer it reads.
CREATE TABLE activity_search (
    activity_id       bigint PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    published_at      timestamptz NOT NULL,
    forms             text[] NOT NULL,
    themes            text[] NOT NULL,
    targets           text[] NOT NULL,
    languages         text[] NOT NULL,
    municipality_code text,
    region_code       text,
    is_online         boolean NOT NULL,
    is_nationwide     boolean NOT NULL,
    -- online or nationwide: shown in every municipality and region search
    is_anywhere       boolean NOT NULL,
    is_free           boolean NOT NULL
);
-- Parallel workers cost more to start (tens of milliseconds) than a whole scan of
-- this table takes.
ALTER TABLE activity_search SET (parallel_workers = 0);
CREATE INDEX activity_search_forms ON activity_search USING gin (forms);
CREATE INDEX activity_search_themes ON activity_search USING gin (themes);
CREATE INDEX activity_search_targets ON activity_search USING gin (targets);
CREATE INDEX activity_search_languages ON activity_search USING gin (languages);
CREATE INDEX activity_search_municipality ON activity_search (municipality_code);
CREATE INDEX activity_search_region ON activity_search (region_code);
CREATE INDEX activity_search_anywhere ON activity_search (activity_id) WHERE is_anywhere;
CREATE INDEX activity_search_online ON activity_search (activity_id) WHERE is_online;
CREATE INDEX activity_search_newest ON activity_search (published_at DESC, activity_id DESC);

-- One weighted vector per content language, each parsed with its own configuration:
-- A title, B description, C the organisation's, municipality's and region's names
-- (so that a query in any language finds "Helsingin kaupunki" or "Vasa"), D the names
-- of the forms of activity and themes in that language.  And the titles, for sorting
-- by title (read only then).
CREATE TABLE activity_search_text (
    activity_id bigint PRIMARY KEY REFERENCES activity_search(activity_id) ON DELETE CASCADE,
    tsv_fi      tsvector NOT NULL,
    tsv_sv      tsvector NOT NULL,
    tsv_en      tsvector NOT NULL,
    title_fi    text,
    title_sv    text,
    title_en    text
);
ALTER TABLE activity_search_text SET (parallel_workers = 0);
CREATE INDEX activity_search_text_fi ON activity_search_text USING gin (tsv_fi);
CREATE INDEX activity_search_text_sv ON activity_search_text USING gin (tsv_sv);
CREATE INDEX activity_search_text_en ON activity_search_text USING gin (tsv_en);

-- Names of vocabulary terms in one language, space separated, for the D weight.
CREATE FUNCTION kt_search_terms(forms text[], themes text[], lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT concat_ws(' ',
        (SELECT string_agg(kt_name(lang, f.name_fi, f.name_sv, f.name_en), ' ')
           FROM activity_forms f WHERE f.code = ANY (forms)),
        (SELECT string_agg(kt_name(lang, t.name_fi, t.name_sv, t.name_en), ' ')
           FROM themes t WHERE t.code = ANY (themes)))
$$;

CREATE FUNCTION kt_search_vector(config regconfig, title text, description text,
                                 names text, terms text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(config, coalesce(title, '')), 'A')
        || setweight(to_tsvector(config, coalesce(description, '')), 'B')
        || setweight(to_tsvector(config, coalesce(names, '')), 'C')
        || setweight(to_tsvector(config, coalesce(terms, '')), 'D')
$$;

-- Recomputes the search rows of the given activities from public_activities: a
-- listing that is no longer public loses its row, a public one gets a fresh one.
CREATE FUNCTION kt_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM activity_search WHERE activity_id IN (SELECT unnest(ids));

    INSERT INTO activity_search (activity_id, published_at, forms, themes, targets,
                                 languages, municipality_code, region_code, is_online,
                                 is_nationwide, is_anywhere, is_free)
    SELECT a.id, coalesce(a.published_at, a.updated_at),
           a.forms, a.themes, a.targets, a.languages, a.municipality_code::text,
           m.region_code::text, a.is_online, a.is_nationwide,
           a.is_online OR a.is_nationwide, a.price_eur = 0
      FROM public_activities a
      LEFT JOIN municipalities m ON m.code = a.municipality_code
     WHERE a.id IN (SELECT unnest(ids));

    INSERT INTO activity_search_text (activity_id, title_fi, title_sv, title_en,
                                      tsv_fi, tsv_sv, tsv_en)
    SELECT a.id, a.title_fi, a.title_sv, a.title_en,
           kt_search_vector('finnish', a.title_fi, a.description_fi,
                            concat_ws(' ', o.name, m.name_fi, r.name_fi),
                            kt_search_terms(a.forms, a.themes, 'fi')),
           kt_search_vector('swedish', a.title_sv, a.description_sv,
                            concat_ws(' ', o.name, m.name_sv, r.name_sv),
                            kt_search_terms(a.forms, a.themes, 'sv')),
           kt_search_vector('english', a.title_en, a.description_en,
                            concat_ws(' ', o.name, m.name_fi, r.name_en),
                            kt_search_terms(a.forms, a.themes, 'en'))
      FROM public_activities a
      JOIN organisations o ON o.id = a.organisation_id
      LEFT JOIN municipalities m ON m.code = a.municipality_code
      LEFT JOIN regions r ON r.code = m.region_code
     WHERE a.id IN (SELECT unnest(ids));
$$;

-- Statement-level triggers with transition tables: one refresh per statement, so a
-- bulk load of 100 000 listings costs one set-based refresh, not 100 000 small ones.
CREATE FUNCTION kt_search_activities_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kt_search_refresh(ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION kt_search_versions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kt_search_refresh(ARRAY(SELECT DISTINCT activity_id FROM changed));
    RETURN NULL;
END
$$;

CREATE FUNCTION kt_search_organisations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kt_search_refresh(ARRAY(SELECT a.id FROM activities a
                                     WHERE a.organisation_id IN (SELECT id FROM changed)));
    RETURN NULL;
END
$$;

CREATE TRIGGER activities_search_ins AFTER INSERT ON activities
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_activities_changed();
CREATE TRIGGER activities_search_upd AFTER UPDATE ON activities
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_activities_changed();
CREATE TRIGGER activity_versions_search_ins AFTER INSERT ON activity_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_versions_changed();
CREATE TRIGGER activity_versions_search_upd AFTER UPDATE ON activity_versions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_versions_changed();
CREATE TRIGGER activity_versions_search_del AFTER DELETE ON activity_versions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_versions_changed();
CREATE TRIGGER organisations_search_upd AFTER UPDATE ON organisations
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_organisations_changed();

-- Facet counts over every public listing: what the search page shows when nothing
-- narrows the search (browsing all listings, the front page's "see all"), which would
-- otherwise count every row on every request.  Kept by the triggers below from the
-- rows activity_search gains and loses.  Facets as kt_search_facets computes them:
-- total, free, online, form/theme/target/language per code, region and municipality
-- per code for listings in one place, and region*/municipality* for those available
-- everywhere (online or nationwide).  code is '' where there is none.
CREATE TABLE activity_search_counts (
    facet text NOT NULL,
    code  text NOT NULL,
    n     bigint NOT NULL,
    PRIMARY KEY (facet, code)
);

-- The facet keys one search row counts in, as 'facet' || chr(31) || 'code'.  Plain
-- array expressions, which the planner inlines into the caller: a set-returning
-- function of UNION ALL branches costs tens of microseconds a row, rescanned for every
-- row it is called for.
CREATE FUNCTION kt_search_keys(facet text, codes text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(codes) > 0
                THEN string_to_array(facet || chr(31)
                                     || array_to_string(codes, chr(30) || facet || chr(31)),
                                     chr(30))
                ELSE '{}'::text[] END
$$;

CREATE FUNCTION kt_search_count_keys(forms text[], themes text[], targets text[],
                                     languages text[], region_code text,
                                     municipality_code text, is_anywhere boolean,
                                     is_free boolean, is_online boolean) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['total' || chr(31)]
        || CASE WHEN is_free THEN ARRAY['free' || chr(31) || '1'] ELSE '{}'::text[] END
        || CASE WHEN is_online THEN ARRAY['online' || chr(31) || '1'] ELSE '{}'::text[] END
        || kt_search_keys('form', forms) || kt_search_keys('theme', themes)
        || kt_search_keys('target', targets) || kt_search_keys('language', languages)
        || CASE WHEN is_anywhere
                THEN ARRAY['region*' || chr(31), 'municipality*' || chr(31)]
                ELSE kt_search_keys('region', ARRAY[region_code]::text[])
                     || kt_search_keys('municipality', ARRAY[municipality_code]::text[])
           END
$$;

-- One trigger function for rows gained (+1) and lost (-1).  The table lock makes
-- writers of listings take their turns here (readers are not blocked): without it
-- two transactions could each hold a counter row the other one needs next.
CREATE FUNCTION kt_search_counts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE activity_search_counts IN SHARE ROW EXCLUSIVE MODE;
    INSERT INTO activity_search_counts AS c (facet, code, n)
    SELECT split_part(k, chr(31), 1), split_part(k, chr(31), 2),
           count(*) * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END
      FROM changed s,
           unnest(kt_search_count_keys(s.forms, s.themes, s.targets, s.languages,
                                       s.region_code, s.municipality_code, s.is_anywhere,
                                       s.is_free, s.is_online)) k
     GROUP BY k
    ON CONFLICT (facet, code) DO UPDATE SET n = c.n + excluded.n;
    RETURN NULL;
END
$$;

CREATE TRIGGER activity_search_counts_ins AFTER INSERT ON activity_search
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_counts_changed();
CREATE TRIGGER activity_search_counts_del AFTER DELETE ON activity_search
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_counts_changed();

-- Listings that exist when this migration runs.
SELECT kt_search_refresh(ARRAY(SELECT id FROM activities));

-- The next time an activity takes place after `now`, as local Helsinki time
-- 'YYYY-MM-DDTHH:MI': the earlier of its next weekly slot within its period and its
-- next dated session; NULL when there is none.
CREATE FUNCTION kt_next_time(activity bigint, ver integer, now_at timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH here AS (
        SELECT (now_at AT TIME ZONE 'Europe/Helsinki') AS ts,
               (now_at AT TIME ZONE 'Europe/Helsinki')::date AS today
    ), period AS (
        SELECT v.start_date, v.end_date FROM activity_versions v
         WHERE v.activity_id = activity AND v.version = ver
    ), weekly AS (
        SELECT d + s.starts AS at
          FROM activity_schedule s, here, period,
               LATERAL (SELECT greatest(here.today, coalesce(period.start_date, here.today)) AS base) b,
               LATERAL (SELECT b.base + ((s.weekday - extract(isodow FROM b.base)::int + 7) % 7) AS d0) c,
               LATERAL (SELECT CASE WHEN c.d0 + s.starts <= here.ts THEN c.d0 + 7 ELSE c.d0 END AS d) e
         WHERE s.activity_id = activity AND s.version = ver
           AND (period.end_date IS NULL OR e.d <= period.end_date)
    ), dated AS (
        SELECT min(x.starts_at) AS at FROM activity_sessions x, here
         WHERE x.activity_id = activity AND x.version = ver AND x.starts_at > here.ts
    )
    SELECT to_char(min(at), 'YYYY-MM-DD"T"HH24:MI')
      FROM (SELECT at FROM weekly UNION ALL SELECT at FROM dated) t
$$;
