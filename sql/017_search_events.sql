-- The search of issue 13 (010) meets what came beside it (issue 11's events, 012; issue
-- 14's English municipality names, 013), which 010 could not know
-- (HACKING.md, "Matching", "Events and trainings").
--
-- 1. English municipality names: a word names a municipality by its English name too
--    ("Mariehamn", "Jakobstad" on English pages), and an activity's English text vector
--    holds its municipality's English name as the Finnish and Swedish ones hold theirs.
-- 2. Events' free text matches as the activities' does: unaccented stems in fi, sv and en
--    (kt_fi, kt_sv, kt_en of 010), so that "jarjestotori" finds "järjestötori" and the
--    query words' prefixes and weak grades (kt_search_expand with 'prefix,weak,names')
--    find inflected forms; and the values words name: the event's languages, its
--    municipality and, for an online one, "anywhere" (every place includes it, as the
--    place filters do).  Not the region (a generated column reads its own row only)
--    and not the activities' lexicon (compounds, near-misses are the activities').

-- --- 1. English municipality names ------------------------------------------------------
CREATE OR REPLACE FUNCTION kt_search_names_refresh() RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM search_names;
    INSERT INTO search_names (word, param, code, stems, prefixes)
    SELECT DISTINCT ON (w, param, code) w, param, code,
           ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(to_tsvector('kt_fi', w)
                 || to_tsvector('kt_sv', w) || to_tsvector('kt_en', w))) x WHERE length(x) >= 3),
           CASE WHEN fi THEN kt_fi_weak(w) WHEN length(w) >= 4 THEN ARRAY[w] ELSE '{}' END
      FROM (SELECT lower(unaccent(n.name)) AS w, n.param, n.code, n.fi
              FROM (SELECT 'municipality' AS param, code::text AS code, name_fi AS name, true AS fi
                      FROM municipalities
                    UNION ALL SELECT 'municipality', code::text, name_sv, false FROM municipalities
                    UNION ALL SELECT 'municipality', code::text, name_en, false FROM municipalities
                    UNION ALL SELECT 'region', code::text, name_fi, true FROM regions
                    UNION ALL SELECT 'region', code::text, name_sv, false FROM regions
                    UNION ALL SELECT 'region', code::text, name_en, false FROM regions
                    UNION ALL SELECT 'language', code, name_fi, true FROM languages
                     WHERE code1 IS NOT NULL OR name_fi IS NOT NULL
                    UNION ALL SELECT 'language', code, name_sv, false FROM languages
                     WHERE code1 IS NOT NULL OR name_fi IS NOT NULL
                    UNION ALL SELECT 'language', code, name_en, false FROM languages
                     WHERE code1 IS NOT NULL OR name_fi IS NOT NULL
                    UNION ALL SELECT 'form', code, split_part(name_fi, ' ', 1), true
                      FROM activity_forms
                    UNION ALL SELECT 'form', code, split_part(name_sv, ' ', 1), false
                      FROM activity_forms
                    UNION ALL SELECT 'form', code, split_part(name_en, ' ', 1), false
                      FROM activity_forms) n
             WHERE n.name IS NOT NULL) x
     WHERE w ~ '^[[:alpha:]]{3,}$'
       -- a name that is a stop word ("even") names nothing
       AND to_tsvector('kt_words', w) <> ''::tsvector
     -- the Finnish name first: its weak grades are the prefixes of a name said in both
     ORDER BY w, param, code, fi DESC
$$;
SELECT kt_search_names_refresh();

-- 010's kt_search_refresh with the municipality's English name in the English vector.
CREATE OR REPLACE FUNCTION kt_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM activity_search s USING (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     WHERE s.activity_id = u.id;

    INSERT INTO activity_search (activity_id, published_at, forms, themes, targets,
                                 languages, municipality_code, region_code, is_online,
                                 is_nationwide, is_anywhere, is_free,
                                 forms_bits, themes_bits, targets_bits,
                                 slots, in_person, week_minutes, start_date, end_date, sessions)
    SELECT x.*
      FROM (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     CROSS JOIN LATERAL (
        SELECT a.id, coalesce(a.published_at, a.updated_at),
               a.forms, a.themes, a.targets, a.languages, a.municipality_code::text,
               m.region_code::text, a.is_online, a.is_nationwide,
               a.is_online OR a.is_nationwide, a.price_eur = 0,
               kt_search_bits(a.forms, 'form'), kt_search_bits(a.themes, 'theme'),
               kt_search_bits(a.targets, 'target'),
               w.slots, a.municipality_code IS NOT NULL, w.week_minutes,
               a.start_date, a.end_date, w.sessions
          FROM public_activities a
          LEFT JOIN municipalities m ON m.code = a.municipality_code
          CROSS JOIN LATERAL kt_search_times(a.id, a.version) w
         WHERE a.id = u.id
        OFFSET 0) x;

    INSERT INTO activity_search_text (activity_id, title_fi, title_sv, title_en, tsv, words)
    SELECT x.*
      FROM (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     CROSS JOIN LATERAL (
        SELECT a.id, a.title_fi, a.title_sv, a.title_en,
               kt_search_vector('kt_fi', a.title_fi, a.description_fi,
                                concat_ws(' ', o.name, m.name_fi, r.name_fi),
                                kt_search_terms(a.forms, a.themes, 'fi'))
               || kt_search_vector('kt_sv', a.title_sv, a.description_sv,
                                   concat_ws(' ', m.name_sv, r.name_sv),
                                   kt_search_terms(a.forms, a.themes, 'sv'))
               || kt_search_vector('kt_en', a.title_en, a.description_en,
                                   concat_ws(' ', m.name_en, r.name_en),
                                   kt_search_terms(a.forms, a.themes, 'en'))
               || setweight(array_to_tsvector(ARRAY(
                      SELECT 'language=' || l FROM unnest(a.languages) l
                      UNION ALL SELECT 'municipality=' || a.municipality_code
                       WHERE a.municipality_code IS NOT NULL
                      UNION ALL SELECT 'region=' || m.region_code
                       WHERE m.region_code IS NOT NULL)), 'C')
               || setweight(array_to_tsvector(ARRAY(
                      SELECT 'form=' || f FROM unnest(a.forms) f
                      UNION ALL SELECT 'anywhere' WHERE a.is_online OR a.is_nationwide)), 'D'),
               kt_search_words(ARRAY[a.title_fi, a.title_sv, a.title_en, a.description_fi,
                                     a.description_sv, a.description_en])
          FROM public_activities a
          JOIN organisations o ON o.id = a.organisation_id
          LEFT JOIN municipalities m ON m.code = a.municipality_code
          LEFT JOIN regions r ON r.code = m.region_code
         WHERE a.id = u.id
        OFFSET 0) x;
$$;

SELECT kt_search_refresh(ARRAY(SELECT id FROM activities));

-- --- 2. events' text --------------------------------------------------------------------
-- The values of an event that words of a query may name, as lexemes no text gives
-- (those of activity_search_text.tsv, 010).  Immutable: it reads its arguments only.
CREATE FUNCTION kt_event_value_lexemes(languages text[], municipality text, online boolean)
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(array_to_tsvector(ARRAY(
               SELECT 'language=' || l FROM unnest(languages) l
               UNION ALL SELECT 'municipality=' || municipality WHERE municipality IS NOT NULL
               UNION ALL SELECT 'anywhere' WHERE online)), 'D')
$$;

-- The view reads every column of event_versions (v.*): it goes while the column changes.
DROP VIEW public_events;
DROP INDEX event_versions_tsv;
ALTER TABLE event_versions DROP COLUMN tsv;
ALTER TABLE event_versions ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('kt_fi', coalesce(title_fi, '')), 'A')
        || setweight(to_tsvector('kt_sv', coalesce(title_sv, '')), 'A')
        || setweight(to_tsvector('kt_en', coalesce(title_en, '')), 'A')
        || setweight(to_tsvector('kt_fi', coalesce(description_fi, '')), 'B')
        || setweight(to_tsvector('kt_sv', coalesce(description_sv, '')), 'B')
        || setweight(to_tsvector('kt_en', coalesce(description_en, '')), 'B')
        || kt_event_value_lexemes(languages, municipality_code::text, is_online)) STORED;
CREATE INDEX event_versions_tsv ON event_versions USING gin (tsv);

-- As sql/012_events.sql made it.
CREATE VIEW public_events AS
SELECT e.id, e.organisation_id, e.updated_at, e.published_at, v.*
  FROM events e
  JOIN event_versions v ON v.event_id = e.id AND v.version = e.published_version
  JOIN organisations o ON o.id = e.organisation_id AND o.status = 'approved'
 WHERE e.archived_at IS NULL;
