-- The public search on 100 000 listings, faster (issue 3; HACKING.md "Search").
--
-- 1. Facet counts group by bit masks instead of unnesting arrays.  Counting the
--    forms, themes and target groups of 35 000 results by unnest() and GROUP BY
--    took some 40 ms a facet; grouping by one bigint of the listing's codes and
--    expanding the few distinct masks afterwards takes a few.  Each term of the three
--    vocabularies gets a fixed bit (search_bit) for that.
-- 2. kt_search_refresh looks each id up on its own instead of `IN (SELECT unnest(ids))`,
--    which PostgreSQL planned as a rescan of the array for every listing: loading
--    100 000 listings in one transaction did not finish in ten minutes.
-- 3. A generation counter that every change of activity_search moves on, and a cache
--    of facet counts and of the first results of costly orderings, keyed by the search
--    and that generation (UNLOGGED: a cache, lost in a crash, never replicated; every
--    httpd node shares it).

-- --- 1. bits of the vocabularies --------------------------------------------------------
-- A bit is given once and never changes: activity_search stores them.  New terms get the
-- lowest free bit; 63 terms a vocabulary at most (a bigint, sign bit unused).
CREATE FUNCTION kt_search_bit_given() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.search_bit IS DISTINCT FROM OLD.search_bit THEN
            RAISE EXCEPTION 'search_bit of % % cannot change: activity_search stores it',
                TG_TABLE_NAME, OLD.code;
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.search_bit IS NULL THEN
        EXECUTE format('SELECT min(b) FROM generate_series(0, 62) b'
                       ' WHERE b NOT IN (SELECT search_bit FROM %I WHERE search_bit IS NOT NULL)',
                       TG_TABLE_NAME)
           INTO NEW.search_bit;
    END IF;
    RETURN NEW;
END
$$;

ALTER TABLE activity_forms ADD COLUMN search_bit smallint;
ALTER TABLE themes ADD COLUMN search_bit smallint;
ALTER TABLE target_groups ADD COLUMN search_bit smallint;
UPDATE activity_forms v SET search_bit = r.b
  FROM (SELECT code, row_number() OVER (ORDER BY position) - 1 AS b FROM activity_forms) r
 WHERE r.code = v.code;
UPDATE themes v SET search_bit = r.b
  FROM (SELECT code, row_number() OVER (ORDER BY position) - 1 AS b FROM themes) r
 WHERE r.code = v.code;
UPDATE target_groups v SET search_bit = r.b
  FROM (SELECT code, row_number() OVER (ORDER BY position) - 1 AS b FROM target_groups) r
 WHERE r.code = v.code;
ALTER TABLE activity_forms ALTER search_bit SET NOT NULL,
    ADD CHECK (search_bit BETWEEN 0 AND 62), ADD UNIQUE (search_bit);
ALTER TABLE themes ALTER search_bit SET NOT NULL,
    ADD CHECK (search_bit BETWEEN 0 AND 62), ADD UNIQUE (search_bit);
ALTER TABLE target_groups ALTER search_bit SET NOT NULL,
    ADD CHECK (search_bit BETWEEN 0 AND 62), ADD UNIQUE (search_bit);
CREATE TRIGGER activity_forms_search_bit BEFORE INSERT OR UPDATE ON activity_forms
    FOR EACH ROW EXECUTE FUNCTION kt_search_bit_given();
CREATE TRIGGER themes_search_bit BEFORE INSERT OR UPDATE ON themes
    FOR EACH ROW EXECUTE FUNCTION kt_search_bit_given();
CREATE TRIGGER target_groups_search_bit BEFORE INSERT OR UPDATE ON target_groups
    FOR EACH ROW EXECUTE FUNCTION kt_search_bit_given();

-- The mask of a listing's codes in one vocabulary ('form', 'theme' or 'target').
CREATE FUNCTION kt_search_bits(codes text[], vocab text) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(bit_or(1::bigint << v.search_bit), 0)
      FROM (SELECT code, search_bit FROM activity_forms WHERE vocab = 'form'
            UNION ALL SELECT code, search_bit FROM themes WHERE vocab = 'theme'
            UNION ALL SELECT code, search_bit FROM target_groups WHERE vocab = 'target') v
     WHERE v.code = ANY (codes)
$$;

ALTER TABLE activity_search ADD COLUMN forms_bits bigint NOT NULL DEFAULT 0,
                            ADD COLUMN themes_bits bigint NOT NULL DEFAULT 0,
                            ADD COLUMN targets_bits bigint NOT NULL DEFAULT 0;
UPDATE activity_search SET forms_bits = kt_search_bits(forms, 'form'),
                           themes_bits = kt_search_bits(themes, 'theme'),
                           targets_bits = kt_search_bits(targets, 'target');

-- --- 2. the refresh, linear in the number of listings -------------------------------------
-- Each id is looked up on its own (LATERAL … OFFSET 0, which the planner cannot turn into
-- another join order): in a bulk load the triggers run in the loading transaction, whose
-- statistics still describe the tables before it, and a plan that put the ids on the
-- inner side of a join read them all again for every listing.
CREATE OR REPLACE FUNCTION kt_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM activity_search s USING (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     WHERE s.activity_id = u.id;

    INSERT INTO activity_search (activity_id, published_at, forms, themes, targets,
                                 languages, municipality_code, region_code, is_online,
                                 is_nationwide, is_anywhere, is_free,
                                 forms_bits, themes_bits, targets_bits)
    SELECT x.*
      FROM (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     CROSS JOIN LATERAL (
        SELECT a.id, coalesce(a.published_at, a.updated_at),
               a.forms, a.themes, a.targets, a.languages, a.municipality_code::text,
               m.region_code::text, a.is_online, a.is_nationwide,
               a.is_online OR a.is_nationwide, a.price_eur = 0,
               kt_search_bits(a.forms, 'form'), kt_search_bits(a.themes, 'theme'),
               kt_search_bits(a.targets, 'target')
          FROM public_activities a
          LEFT JOIN municipalities m ON m.code = a.municipality_code
         WHERE a.id = u.id
        OFFSET 0) x;

    INSERT INTO activity_search_text (activity_id, title_fi, title_sv, title_en,
                                      tsv_fi, tsv_sv, tsv_en)
    SELECT x.*
      FROM (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     CROSS JOIN LATERAL (
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
         WHERE a.id = u.id
        OFFSET 0) x;
$$;

-- --- 3. the generation and the count cache -------------------------------------------------
-- One row.  Moved on in the same transaction as any change of activity_search, so a
-- search that sees the change also sees the new number (and no cached counts of the
-- old one).
CREATE TABLE activity_search_generation (
    n bigint NOT NULL
);
INSERT INTO activity_search_generation (n) VALUES (1);
CREATE UNIQUE INDEX activity_search_generation_one ON activity_search_generation ((true));

CREATE OR REPLACE FUNCTION kt_search_counts_changed() RETURNS trigger
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
    -- after the lock: writers take turns, so the number only ever grows
    UPDATE activity_search_generation SET n = n + 1;
    RETURN NULL;
END
$$;

-- The same for the vocabularies the search page lists (forms, themes, target groups,
-- languages, regions, municipalities): moved on by any statement that writes one, so
-- that a module that keeps their rows with its connection (kt_search_page.c) knows
-- when they are old.
CREATE TABLE kt_reference_generation (
    n bigint NOT NULL
);
INSERT INTO kt_reference_generation (n) VALUES (1);
CREATE UNIQUE INDEX kt_reference_generation_one ON kt_reference_generation ((true));

CREATE FUNCTION kt_reference_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kt_reference_generation SET n = n + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER activity_forms_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON activity_forms FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();
CREATE TRIGGER themes_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON themes FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();
CREATE TRIGGER target_groups_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON target_groups FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();
CREATE TRIGGER languages_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON languages FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();
CREATE TRIGGER regions_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON regions FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();
CREATE TRIGGER municipalities_reference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON municipalities FOR EACH STATEMENT EXECUTE FUNCTION kt_reference_changed();

-- What searches cost to compute, as the module computed it (kt_search_page.c): the
-- facet counts of a search (counts: "facet US code US n RS …", US = chr(31), RS =
-- chr(30)), or the first results of its ordering (ids).  key is the search's
-- canonical text (kt_search_cache_key; with the sort for an ordering), generation the
-- one the entry was computed under; only entries of the current generation are read.
CREATE UNLOGGED TABLE activity_search_cache (
    key_hash   uuid PRIMARY KEY,
    key        text NOT NULL,
    generation bigint NOT NULL,
    counts     text,
    ids        bigint[],
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((counts IS NULL) <> (ids IS NULL))
);
CREATE INDEX activity_search_cache_generation ON activity_search_cache (generation);
CREATE INDEX activity_search_cache_created ON activity_search_cache (created_at);

-- The cache is on unless the setting kt.search_cache is 'off' (ALTER DATABASE … SET
-- kt.search_cache = off, or per role): the benchmark measures the search without it.
-- A hot standby has no unlogged tables to read and cannot write: there it is off too.
CREATE FUNCTION kt_search_cache_on() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('kt.search_cache', true), '') <> 'off'
           AND NOT pg_is_in_recovery()
$$;

-- One row: the current generation, the cached counts of search `k` and the cached
-- ordering `o` (NULL where there are none of this generation, or k or o is NULL); all
-- NULL where the cache is off, so that nothing is stored either.  One snapshot
-- (STABLE): what it gives belongs to that generation.  PL/pgSQL, so that the unlogged
-- table is only touched (planned) where the cache is on.
CREATE FUNCTION kt_search_cache_get(k text, o text, OUT generation bigint, OUT counts text,
                                    OUT ids text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF kt_search_cache_on() THEN
        generation := (SELECT g.n FROM activity_search_generation g);
        counts := (SELECT x.counts FROM activity_search_cache x
                    WHERE x.key_hash = md5(k)::uuid AND x.key = k
                      AND x.generation = kt_search_cache_get.generation);
        ids := (SELECT x.ids::text FROM activity_search_cache x
                 WHERE x.key_hash = md5(o)::uuid AND x.key = o
                   AND x.generation = kt_search_cache_get.generation);
    END IF;
END
$$;

-- Stores an entry computed under generation `gen` (read before it was computed: the
-- entry is at least that new).  A newer entry is never replaced by an older one.
-- Entries of older generations are dead: they go here, and the oldest beyond
-- kt.search_cache_entries (default 20000) now and then.
CREATE FUNCTION kt_search_cache_store(k text, gen bigint, c text, i bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    keep bigint := coalesce(nullif(current_setting('kt.search_cache_entries', true), '')::bigint,
                            20000);
BEGIN
    IF NOT kt_search_cache_on() THEN
        RETURN;
    END IF;
    INSERT INTO activity_search_cache AS x (key_hash, key, generation, counts, ids)
    VALUES (md5(k)::uuid, k, gen, c, i)
    ON CONFLICT (key_hash) DO UPDATE
       SET key = excluded.key, generation = excluded.generation, counts = excluded.counts,
           ids = excluded.ids, created_at = now()
     WHERE x.generation <= excluded.generation;
    DELETE FROM activity_search_cache WHERE generation < gen;
    IF random() < 0.01 THEN
        DELETE FROM activity_search_cache
         WHERE created_at < (SELECT created_at FROM activity_search_cache
                              ORDER BY created_at DESC OFFSET keep LIMIT 1);
    END IF;
END
$$;

CREATE FUNCTION kt_search_cache_put(k text, gen bigint, counts text) RETURNS void
LANGUAGE sql VOLATILE AS $$
    SELECT kt_search_cache_store(k, gen, counts, NULL)
$$;

CREATE FUNCTION kt_search_order_put(o text, gen bigint, ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    SELECT kt_search_cache_store(o, gen, NULL, ids)
$$;
