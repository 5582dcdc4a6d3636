-- Only public changes move the search's generation (issue 15 item 5).
--
-- The search caches counts and orderings per generation (sql/006_search_speed.sql), and
-- the generation moves on with every write of activity_search.  Yet kt_search_refresh
-- (sql/017_search_events.sql) wrote a listing's rows again after *any* UPDATE of
-- activities or activity_versions: saving a draft edit of a published listing, a
-- reminder sent, a moderator's decision on a version not yet public.  Nothing public had
-- changed, but every cached search went cold.
--
-- Now the rows a listing would have are computed and compared with those stored; only
-- a row that differs (or has gone, or is new) is written.  And a statement that changed
-- no row of activity_search leaves the generation where it is (a statement trigger
-- fires for zero rows too).  The feed's updated_at is part of the row compared, so that
-- a change the feed shows (confirming a listing, 004) still reaches activity_search.

-- The row of activity_search each public listing of `ids` should have (017's columns,
-- and the listing's updated_at that activity_search_feed_time would copy).
CREATE FUNCTION kt_search_fresh(ids bigint[])
RETURNS TABLE (activity_id bigint, published_at timestamptz, forms text[], themes text[],
               targets text[], languages text[], municipality_code text, region_code text,
               is_online boolean, is_nationwide boolean, is_anywhere boolean, is_free boolean,
               forms_bits bigint, themes_bits bigint, targets_bits bigint, slots integer,
               in_person boolean, week_minutes integer[], start_date date, end_date date,
               sessions timestamp[], updated_at timestamptz)
LANGUAGE sql STABLE AS $$
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
               a.start_date, a.end_date, w.sessions, l.updated_at
          FROM public_activities a
          JOIN activities l ON l.id = a.id
          LEFT JOIN municipalities m ON m.code = a.municipality_code
          CROSS JOIN LATERAL kt_search_times(a.id, a.version) w
         WHERE a.id = u.id
        OFFSET 0) x
$$;

-- The row of activity_search_text each public listing of `ids` should have (017's).
CREATE FUNCTION kt_search_fresh_text(ids bigint[])
RETURNS TABLE (activity_id bigint, title_fi text, title_sv text, title_en text, tsv tsvector,
               words text[])
LANGUAGE sql STABLE AS $$
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
        OFFSET 0) x
$$;

-- Each statement sees the one before (a VOLATILE SQL function): first the rows that
-- are no longer right go (a search row's deletion takes its text row along, ON DELETE
-- CASCADE), then the missing ones are written.  A listing whose rows are right is not
-- touched at all.
CREATE OR REPLACE FUNCTION kt_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM activity_search s USING (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     WHERE s.activity_id = u.id
       AND NOT EXISTS (
           SELECT 1 FROM kt_search_fresh(ARRAY[u.id]) f
            WHERE (f.published_at, f.forms, f.themes, f.targets, f.languages,
                   f.municipality_code, f.region_code, f.is_online, f.is_nationwide,
                   f.is_anywhere, f.is_free, f.forms_bits, f.themes_bits, f.targets_bits,
                   f.slots, f.in_person, f.week_minutes, f.start_date, f.end_date,
                   f.sessions, f.updated_at)
                  IS NOT DISTINCT FROM
                  (s.published_at, s.forms, s.themes, s.targets, s.languages,
                   s.municipality_code, s.region_code, s.is_online, s.is_nationwide,
                   s.is_anywhere, s.is_free, s.forms_bits, s.themes_bits, s.targets_bits,
                   s.slots, s.in_person, s.week_minutes, s.start_date, s.end_date,
                   s.sessions, s.updated_at));

    INSERT INTO activity_search (activity_id, published_at, forms, themes, targets,
                                 languages, municipality_code, region_code, is_online,
                                 is_nationwide, is_anywhere, is_free,
                                 forms_bits, themes_bits, targets_bits,
                                 slots, in_person, week_minutes, start_date, end_date, sessions)
    SELECT f.activity_id, f.published_at, f.forms, f.themes, f.targets, f.languages,
           f.municipality_code, f.region_code, f.is_online, f.is_nationwide, f.is_anywhere,
           f.is_free, f.forms_bits, f.themes_bits, f.targets_bits, f.slots, f.in_person,
           f.week_minutes, f.start_date, f.end_date, f.sessions
      FROM kt_search_fresh(ids) f
     WHERE NOT EXISTS (SELECT 1 FROM activity_search s WHERE s.activity_id = f.activity_id);

    DELETE FROM activity_search_text s USING (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     WHERE s.activity_id = u.id
       AND NOT EXISTS (
           SELECT 1 FROM kt_search_fresh_text(ARRAY[u.id]) f
            WHERE (f.title_fi, f.title_sv, f.title_en, f.tsv, f.words)
                  IS NOT DISTINCT FROM (s.title_fi, s.title_sv, s.title_en, s.tsv, s.words));

    INSERT INTO activity_search_text (activity_id, title_fi, title_sv, title_en, tsv, words)
    SELECT f.*
      FROM kt_search_fresh_text(ids) f
     WHERE NOT EXISTS (SELECT 1 FROM activity_search_text s
                        WHERE s.activity_id = f.activity_id);
$$;

-- 010's kt_search_counts_changed, returning at once when its statement changed no row:
-- only then does the generation stay.
CREATE OR REPLACE FUNCTION kt_search_counts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM changed) THEN
        RETURN NULL;
    END IF;
    LOCK TABLE activity_search_counts IN SHARE ROW EXCLUSIVE MODE;
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO activity_search_counts AS c (facet, code, n)
        SELECT split_part(k, chr(31), 1), split_part(k, chr(31), 2), sum(d)
          FROM (SELECT k, -1 AS d FROM changed s, unnest(kt_search_row_keys(s)) k
                UNION ALL
                SELECT k, 1 FROM changed_new s, unnest(kt_search_row_keys(s)) k) x
         GROUP BY k
        HAVING sum(d) <> 0
        ON CONFLICT (facet, code) DO UPDATE SET n = c.n + excluded.n;
    ELSE
        INSERT INTO activity_search_counts AS c (facet, code, n)
        SELECT split_part(k, chr(31), 1), split_part(k, chr(31), 2),
               count(*) * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END
          FROM changed s, unnest(kt_search_row_keys(s)) k
         GROUP BY k
        ON CONFLICT (facet, code) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    UPDATE activity_search_generation SET n = n + 1;
    RETURN NULL;
END
$$;

-- A text row written again without its search row (an organisation's name, which only
-- the text holds, changed) changes what a query finds and its order: the generation
-- moves on for it too.
CREATE FUNCTION kt_search_text_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE activity_search_generation SET n = n + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER activity_search_text_generation_ins AFTER INSERT ON activity_search_text
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_text_changed();
CREATE TRIGGER activity_search_text_generation_del AFTER DELETE ON activity_search_text
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_text_changed();
