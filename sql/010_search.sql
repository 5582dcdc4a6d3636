-- A search that finds what people type (issue 13; HACKING.md "Search", "Matching").
--
-- 1. Accent- and case-insensitive matching: PostgreSQL's unaccent before each
--    language's stemmer, and one vector per listing (tsv) holding every language's
--    lexemes, so that each word of a query may match in any language.
-- 2. Words find compounds that contain them, inflected forms and near-misses: a
--    lexicon of the words the listings use (search_words, trigram-indexed) through
--    which kt_search_expand rewrites each query word into the lexemes it stands for
--    (its stems as prefixes, Finnish weak-grade stems, the words that contain it, and
--    for a word nobody uses the most similar ones, with "did you mean").
-- 3. Words that name a filter value (a municipality, region, language or form in fi,
--    sv or en, inflected: "Vantaalla", "arabiaksi", "på arabiska") match listings with
--    that value: each listing's vector carries its values as lexemes that no text can
--    produce ("municipality=092", "language=ara"; "anywhere" for online or nationwide
--    ones, which every place includes), and search_names maps words to them.
-- 4. What weekday, time, in_person and sort=next (ROUTES.md) read: the (day, time of
--    day) slots of a listing's weekly times and dated sessions as one bit mask, so that
--    "Tuesday evenings" is one slot, whether it is held at a place, and what its next
--    time needs.  Weekly times and sessions update the row in place (a bulk load
--    computes each listing's texts once).
--
-- unaccent and pg_trgm come with Debian's postgresql package (contrib).  Both are
-- trusted extensions (PostgreSQL 13 and later): the owner of the database creates
-- them without being a superuser.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- --- 1. text search configurations -----------------------------------------------------
-- Listing texts: each language's stemmer after unaccent (a filtering dictionary: it
-- hands the word without accents on), for the word types of letters.  Stop words with
-- accents ("että", "för") then reach the stemmer unaccented and are kept; queries drop
-- them before (kt_words), so they only cost a little index.
CREATE TEXT SEARCH CONFIGURATION kt_fi (COPY = finnish);
ALTER TEXT SEARCH CONFIGURATION kt_fi ALTER MAPPING FOR asciiword, word, hword, hword_part,
    asciihword, hword_asciipart WITH unaccent, finnish_stem;
CREATE TEXT SEARCH CONFIGURATION kt_sv (COPY = swedish);
ALTER TEXT SEARCH CONFIGURATION kt_sv ALTER MAPPING FOR asciiword, word, hword, hword_part,
    asciihword, hword_asciipart WITH unaccent, swedish_stem;
CREATE TEXT SEARCH CONFIGURATION kt_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION kt_en ALTER MAPPING FOR asciiword, word, hword, hword_part,
    asciihword, hword_asciipart WITH unaccent, english_stem;

-- Query words: a word that is a stop word in any of the three languages goes ("på
-- arabiska", "in Helsinki", "kerho ja"), the rest lower-cased without accents, and a
-- hyphenated word as its parts.  Each stop dictionary recognises only its stop words
-- (Accept = false passes every other word on).
CREATE TEXT SEARCH DICTIONARY kt_stop_fi (TEMPLATE = simple, STOPWORDS = finnish, ACCEPT = false);
CREATE TEXT SEARCH DICTIONARY kt_stop_sv (TEMPLATE = simple, STOPWORDS = swedish, ACCEPT = false);
CREATE TEXT SEARCH DICTIONARY kt_stop_en (TEMPLATE = simple, STOPWORDS = english, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION kt_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION kt_words ALTER MAPPING FOR asciiword, word, hword_part,
    hword_asciipart, numword WITH kt_stop_fi, kt_stop_sv, kt_stop_en, unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION kt_words DROP MAPPING FOR asciihword, hword, numhword;

-- A lexeme as tsquery input text (quoted; lexemes are never normalised again there).
CREATE FUNCTION kt_tsq_quote(x text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT '''' || replace(replace(x, '\', '\\'), '''', '''''') || ''''
$$;

-- The words of texts as people wrote them, lower-cased (the lexicon's entries): the
-- parser's words and the parts of hyphenated ones, through a configuration that only
-- lower-cases (three times faster than ts_parse joined to the token types).
CREATE TEXT SEARCH CONFIGURATION kt_lexicon (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION kt_lexicon ADD MAPPING FOR asciiword, word, hword_part,
    hword_asciipart WITH simple;
CREATE FUNCTION kt_search_words(texts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT x FROM unnest(tsvector_to_array(to_tsvector('kt_lexicon',
                                                                   array_to_string(texts, ' ')))) x
                  WHERE length(x) BETWEEN 2 AND 40)
$$;

-- Finnish stems of a word in the weak grade of consonant gradation, and with a final
-- i as e (äiti → äidi-, äide-: "äideille"; Helsinki → Helsingi-: "Helsingissä"; Turku
-- → Turu-; Lahti → Lahde-; englanti → englanni-; suomi → suome-; Kauniainen →
-- Kauniais-), for prefix matching.  The word itself comes first; none shorter than 4.
-- Hand-written from the grammar: no dictionary at run time (HACKING.md, "Matching").
CREATE FUNCTION kt_fi_weak(w text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    out text[] := ARRAY[w];
    v text;
    base text;
    g text;
    rule text[];
BEGIN
    IF w ~ 'nen$' AND length(w) > 6 THEN
        out := out || (left(w, -3) || 's');
    END IF;
    IF w !~ '[aeiouyäö]$' OR length(w) < 4 THEN
        RETURN ARRAY(SELECT x FROM unnest(out) x WHERE length(x) >= 4);
    END IF;
    v := right(w, 1);
    base := left(w, -1);
    IF v = 'i' THEN
        out := out || (base || 'e');
    END IF;
    FOREACH rule SLICE 1 IN ARRAY ARRAY[
            ['nk$', 'ng'], ['nt$', 'nn'], ['mp$', 'mm'], ['lt$', 'll'], ['rt$', 'rr'],
            ['ht$', 'hd'], ['tt$', 't'], ['kk$', 'k'], ['pp$', 'p'],
            ['([aeiouyäö])t$', '\1d'], ['([aeiouyäöhlr])k$', '\1'], ['([aeiouyäö])p$', '\1v']] LOOP
        IF base ~ rule[1] THEN
            g := regexp_replace(base, rule[1], rule[2]);
            out := out || (g || v);
            IF v = 'i' THEN
                out := out || (g || 'e');
            END IF;
            EXIT;
        END IF;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) x WHERE length(x) >= 4);
END
$$;

-- --- 2. the lexicon --------------------------------------------------------------------
-- Every word some public listing's title or description uses, with how many listings
-- use it (kept by the trigger below; a word nobody uses any more stays with n = 0).
CREATE TABLE search_words (
    word  text PRIMARY KEY,     -- lower-cased, as written ("läksykerho")
    plain text NOT NULL,        -- without accents ("laksykerho")
    n     bigint NOT NULL
);
CREATE INDEX search_words_plain ON search_words USING gin (plain gin_trgm_ops);

-- --- 3. names of filter values ------------------------------------------------------------
-- Every name of a municipality, region, language or form in fi, sv and en that is one
-- word (a form by the first word of its name: "Läksykerhot", "Mentoring"), lower-cased
-- without accents, with its stems and, for Finnish names, its weak-grade stems
-- (kt_fi_weak).  A query word names the value when it is the name, has one of its
-- stems, or is a prefix (stem) followed by at most 5 letters of ending.  A few thousand
-- rows: read whole, once per query word.
CREATE TABLE search_names (
    word     text NOT NULL,
    param    text NOT NULL,       -- the filter: municipality, region, language, form
    code     text NOT NULL,
    stems    text[] NOT NULL,
    prefixes text[] NOT NULL,
    PRIMARY KEY (word, param, code)
);

CREATE FUNCTION kt_search_names_refresh() RETURNS void
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
$$;
SELECT kt_search_names_refresh();

-- The names follow the vocabularies: the trigger that moves kt_reference_generation on
-- (006) with every statement writing one refreshes them too.
CREATE OR REPLACE FUNCTION kt_reference_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kt_reference_generation SET n = n + 1;
    IF TG_TABLE_NAME IN ('municipalities', 'regions', 'languages', 'activity_forms') THEN
        PERFORM kt_search_names_refresh();
    END IF;
    RETURN NULL;
END
$$;

-- --- 4. the rows -----------------------------------------------------------------------------
-- slots: when a listing takes place, as one bit per weekday and time of day of its
-- weekly times and dated sessions (bit (weekday - 1) * 3 + 0 morning, 1 afternoon, 2
-- evening), so that weekday=2&time=evening finds a Tuesday evening, not a Tuesday
-- morning and a Saturday evening.
ALTER TABLE activity_search
    ADD COLUMN slots integer NOT NULL DEFAULT 0,
    ADD COLUMN in_person boolean NOT NULL DEFAULT false,
    -- for sort=next: minutes from Monday 00:00 of each weekly start, the period, and the
    -- dated sessions' starts (local time)
    ADD COLUMN week_minutes integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN start_date date,
    ADD COLUMN end_date date,
    ADD COLUMN sessions timestamp[] NOT NULL DEFAULT '{}';

ALTER TABLE activity_search_text
    ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector,
    ADD COLUMN words text[] NOT NULL DEFAULT '{}';
-- A row with both would pass the 2 kB at which PostgreSQL moves its largest value, the
-- vector, out of line: a search testing every row then read each one from the TOAST
-- table (73 MB of it on 100 000 listings, the text scan three times slower).  The vector
-- stays in the row; the lexicon's words, which only its trigger reads, go out first.
ALTER TABLE activity_search_text ALTER COLUMN tsv SET STORAGE MAIN,
    ALTER COLUMN words SET STORAGE EXTERNAL;
DROP INDEX activity_search_text_fi;
DROP INDEX activity_search_text_sv;
DROP INDEX activity_search_text_en;
ALTER TABLE activity_search_text DROP COLUMN tsv_fi, DROP COLUMN tsv_sv, DROP COLUMN tsv_en;
CREATE INDEX activity_search_text_tsv ON activity_search_text USING gin (tsv);

-- The slot bit of a start on ISO weekday d: the time of day is before 12, 12 to 17, from 17.
CREATE FUNCTION kt_slot_bit(d integer, t time) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 1 << ((d - 1) * 3 + CASE WHEN t < '12:00' THEN 0 WHEN t < '17:00' THEN 1 ELSE 2 END)
$$;

-- The slots that a search's weekday and time values ask for (kt_filter.c): every time
-- of day of the given days that is one of the given times of day; NULL is every day, or
-- every time of day.  weekday=2&weekday=4&time=evening: Tuesday and Thursday evenings.
-- A plain expression (299593 is bit 0 of each day): inlined, and a constant where the
-- values are.
CREATE FUNCTION kt_search_slots(weekdays text[], times text[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN weekdays IS NULL THEN 2097151
                ELSE CASE WHEN '1' = ANY (weekdays) THEN 7 ELSE 0 END
                   | CASE WHEN '2' = ANY (weekdays) THEN 7 << 3 ELSE 0 END
                   | CASE WHEN '3' = ANY (weekdays) THEN 7 << 6 ELSE 0 END
                   | CASE WHEN '4' = ANY (weekdays) THEN 7 << 9 ELSE 0 END
                   | CASE WHEN '5' = ANY (weekdays) THEN 7 << 12 ELSE 0 END
                   | CASE WHEN '6' = ANY (weekdays) THEN 7 << 15 ELSE 0 END
                   | CASE WHEN '7' = ANY (weekdays) THEN 7 << 18 ELSE 0 END END
         & CASE WHEN times IS NULL THEN 2097151
                ELSE CASE WHEN 'morning' = ANY (times) THEN 299593 ELSE 0 END
                   | CASE WHEN 'afternoon' = ANY (times) THEN 299593 << 1 ELSE 0 END
                   | CASE WHEN 'evening' = ANY (times) THEN 299593 << 2 ELSE 0 END END
$$;

-- What the search row holds of a version's weekly times and dated sessions: its slots,
-- the minutes of the week its weekly times start, and its sessions' starts.  A table
-- function of one row, inlined where it is used: two index lookups a listing.
CREATE FUNCTION kt_search_times(activity bigint, ver integer)
RETURNS TABLE (slots integer, week_minutes integer[], sessions timestamp[])
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(w.slots, 0) | coalesce(x.slots, 0), coalesce(w.mins, '{}'),
           coalesce(x.starts, '{}')
      FROM (SELECT bit_or(kt_slot_bit(s.weekday, s.starts)) AS slots,
                   array_agg((s.weekday - 1) * 1440 + extract(epoch FROM s.starts)::int / 60
                             ORDER BY s.weekday, s.starts) AS mins
              FROM activity_schedule s
             WHERE s.activity_id = activity AND s.version = ver) w,
           (SELECT bit_or(kt_slot_bit(extract(isodow FROM x.starts_at)::int,
                                      x.starts_at::time)) AS slots,
                   array_agg(x.starts_at ORDER BY x.starts_at) AS starts
              FROM activity_sessions x
             WHERE x.activity_id = activity AND x.version = ver) x
$$;

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

    -- One vector per listing: each language's texts with its own configuration (A
    -- title, B description, C the organisation's, municipality's and region's names, D
    -- the names of its forms and themes) and its filter values as lexemes.  Written out:
    -- a function taking the view's row cost twice as much as all of it.
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
               || kt_search_vector('kt_en', a.title_en, a.description_en, r.name_en,
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

-- A listing inserted has no version yet (activity_versions references it, and not
-- deferred), so nothing of it is public until its versions come, whose trigger refreshes
-- it: a refresh on INSERT only looked up every new id for nothing (most of a bulk load's
-- first COPY, planned with the statistics from before it).
DROP TRIGGER activities_search_ins ON activities;

-- Weekly times and dated sessions are rows of their own, written after their version
-- (a data load writes thousands at once): the search rows of public listings follow
-- them in place, one UPDATE of the time columns per statement, without computing their
-- texts again (kt_search_refresh for every listing whose times a COPY loaded was most of
-- a bulk load's time).
CREATE FUNCTION kt_search_times_refresh(ids bigint[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
    UPDATE activity_search s
       SET slots = x.slots, week_minutes = x.week_minutes, sessions = x.sessions
      FROM (SELECT DISTINCT id FROM unnest(ids) u(id)) u
     CROSS JOIN LATERAL (
        SELECT w.* FROM activities a CROSS JOIN LATERAL kt_search_times(a.id, a.published_version) w
         WHERE a.id = u.id
        OFFSET 0) x
     WHERE s.activity_id = u.id
       AND (s.slots, s.week_minutes, s.sessions) IS DISTINCT FROM (x.slots, x.week_minutes, x.sessions);
$$;

CREATE FUNCTION kt_search_times_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kt_search_times_refresh(ARRAY(SELECT DISTINCT c.activity_id FROM changed c
                                            JOIN activities a ON a.id = c.activity_id
                                             AND a.published_version = c.version));
    RETURN NULL;
END
$$;
CREATE TRIGGER activity_schedule_search_ins AFTER INSERT ON activity_schedule
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();
CREATE TRIGGER activity_schedule_search_upd AFTER UPDATE ON activity_schedule
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();
CREATE TRIGGER activity_schedule_search_del AFTER DELETE ON activity_schedule
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();
CREATE TRIGGER activity_sessions_search_ins AFTER INSERT ON activity_sessions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();
CREATE TRIGGER activity_sessions_search_upd AFTER UPDATE ON activity_sessions
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();
CREATE TRIGGER activity_sessions_search_del AFTER DELETE ON activity_sessions
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_times_changed();

-- The lexicon follows the text rows: +1 for each word of a row gained, -1 lost.
CREATE FUNCTION kt_search_words_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE search_words IN SHARE ROW EXCLUSIVE MODE;
    INSERT INTO search_words AS w (word, plain, n)
    SELECT x, unaccent(x), count(*) * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END
      FROM changed c, unnest(c.words) x
     GROUP BY x
    ON CONFLICT (word) DO UPDATE SET n = w.n + excluded.n;
    RETURN NULL;
END
$$;
CREATE TRIGGER activity_search_text_words_ins AFTER INSERT ON activity_search_text
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_words_changed();
CREATE TRIGGER activity_search_text_words_del AFTER DELETE ON activity_search_text
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_words_changed();

-- Facet counts over every public listing (activity_search_counts): a row's keys, those
-- of 003 and the new filters' (each weekday and time of day it has a slot in,
-- in_person).  Plain array expressions (the masks constants), inlined into the
-- trigger's statement.
CREATE FUNCTION kt_search_row_keys(s activity_search) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT kt_search_count_keys(s.forms, s.themes, s.targets, s.languages, s.region_code,
                                s.municipality_code, s.is_anywhere, s.is_free, s.is_online)
        || array_remove(ARRAY[
               CASE WHEN s.slots & kt_search_slots('{1}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '1' END,
               CASE WHEN s.slots & kt_search_slots('{2}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '2' END,
               CASE WHEN s.slots & kt_search_slots('{3}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '3' END,
               CASE WHEN s.slots & kt_search_slots('{4}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '4' END,
               CASE WHEN s.slots & kt_search_slots('{5}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '5' END,
               CASE WHEN s.slots & kt_search_slots('{6}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '6' END,
               CASE WHEN s.slots & kt_search_slots('{7}', NULL) <> 0
                    THEN 'weekday' || chr(31) || '7' END,
               CASE WHEN s.slots & kt_search_slots(NULL, '{morning}') <> 0
                    THEN 'time' || chr(31) || 'morning' END,
               CASE WHEN s.slots & kt_search_slots(NULL, '{afternoon}') <> 0
                    THEN 'time' || chr(31) || 'afternoon' END,
               CASE WHEN s.slots & kt_search_slots(NULL, '{evening}') <> 0
                    THEN 'time' || chr(31) || 'evening' END,
               CASE WHEN s.in_person THEN 'in_person' || chr(31) || '1' END], NULL)
$$;

-- Rows gained count +1, rows lost -1, and a row updated in place (its times:
-- kt_search_times_refresh) the difference.  The generation moves on with every change.
CREATE OR REPLACE FUNCTION kt_search_counts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER activity_search_counts_upd AFTER UPDATE ON activity_search
    REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION kt_search_counts_changed();

-- The next start of a listing after local time `now_at`, from its search row: the
-- earliest of its weekly starts within its period and its dated sessions (the same as
-- kt_next_time, sql/003_search.sql), NULL when there is none.  For sort=next; a plain
-- expression over the row, inlined into the statement.
CREATE FUNCTION kt_search_next(week_minutes integer[], start_date date, end_date date,
                               sessions timestamp[], now_at timestamp) RETURNS timestamp
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT least(
        (SELECT min(b.at) FROM (SELECT greatest(now_at, start_date::timestamp) AS base) g,
                LATERAL (SELECT date_trunc('week', g.base) + make_interval(mins => m) AS at0
                           FROM unnest(week_minutes) m) w,
                LATERAL (SELECT CASE WHEN w.at0 <= g.base THEN w.at0 + interval '7 days'
                                     ELSE w.at0 END AS at) b
          WHERE end_date IS NULL OR b.at < end_date + 1),
        (SELECT min(x) FROM unnest(sessions) x WHERE x > now_at))
$$;

-- --- 5. the query -------------------------------------------------------------------------
-- A query word's alternatives as tsquery text, ORed: the lexemes of pre as prefixes and
-- those of whole as they are, less each one that another prefix matches already ('suom':*
-- covers 'suomen':*, 'suomi' and 'suomessa').  The same matches with a fraction of the
-- terms: every row tested (or ranked) tests each term.
CREATE FUNCTION kt_tsq_any(pre text[], whole text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '(' || array_to_string(ARRAY(
        SELECT q FROM (
            SELECT DISTINCT x, kt_tsq_quote(x) || ':*' AS q FROM unnest(pre) x
             WHERE NOT EXISTS (SELECT 1 FROM unnest(pre) y WHERE y <> x AND starts_with(x, y))
            UNION
            SELECT x, kt_tsq_quote(x) FROM unnest(whole) x
             WHERE NOT EXISTS (SELECT 1 FROM unnest(pre) y WHERE starts_with(x, y))) a
         ORDER BY x, q), ' | ') || ')'
$$;

-- kt_search_expand(q): q as a tsquery over activity_search_text.tsv.  q is read as
-- websearch_to_tsquery reads it ("or", "-word", quotes: as all of their words); each
-- word (stop words of fi, sv and en left out) becomes the alternatives it stands for:
--   its stems in fi, sv and en, as prefixes from 4 letters on (kieli → kielikerho);
--   Finnish weak-grade stems, as prefixes (äiti → äide-: "äideille");
--   the lexemes of the words that contain it or its stem, from 4 letters on
--   (kerho → kielikerhot, hjälp → läxhjälp);
--   the values it names (search_names): "municipality=092" and "anywhere", …;
--   when nothing of that finds a word some listing uses: the words most like it
--   (pg_trgm similarity), which suggestion then puts in its place ("did you mean").
-- exact: the stems alone, ORed, for ranking (a whole-word match counts twice).
-- named_*: the values that words name, and q without that word, for the page's offer
-- to turn a word into a filter.  opts: a subset of 'prefix,weak,compound,names,fuzzy'
-- (all by default), so that the recall of each can be measured (tests/integration/
-- test_search_recall.py).
CREATE FUNCTION kt_search_expand(q text, opts text DEFAULT 'prefix,weak,compound,names,fuzzy',
    OUT query text, OUT exact text, OUT suggestion text, OUT named_params text[],
    OUT named_codes text[], OUT named_rest text[])
LANGUAGE plpgsql STABLE
SET client_min_messages = warning AS $$
DECLARE
    o text[] := string_to_array(opts, ',');
    tq text := websearch_to_tsquery('kt_words', q)::text;
    w text;
    wstems text[];
    pre text[];       -- a word's alternatives matched as prefixes
    whole text[];     -- and as whole lexemes
    near text;
    known boolean;
    i integer := 0;
    words text[] := '{}';
    shown text[] := '{}';
    changed boolean := false;
    ex text[] := '{}';
    neg boolean;
BEGIN
    named_params := '{}';
    named_codes := '{}';
    named_rest := '{}';
    IF tq = '' THEN
        RETURN;
    END IF;
    -- phrases as all of their words
    tq := regexp_replace(tq, ' <[0-9-]+> ', ' & ', 'g');
    FOR w IN SELECT DISTINCT m[1] FROM regexp_matches(tq, '''((?:[^'']|'''')*)''', 'g') m LOOP
        i := i + 1;
        w := replace(w, '''''', '''');
        words := words || w;
        tq := replace(tq, kt_tsq_quote(w), '#' || i || '#');
    END LOOP;
    FOR i IN 1 .. cardinality(words) LOOP
        w := words[i];
        wstems := ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(to_tsvector('kt_fi', w)
                       || to_tsvector('kt_sv', w) || to_tsvector('kt_en', w))) x);
        IF cardinality(wstems) = 0 THEN
            wstems := ARRAY[w];
        END IF;
        ex := ex || ARRAY(SELECT kt_tsq_quote(s) FROM unnest(wstems) s);
        pre := ARRAY(SELECT s FROM unnest(wstems) s WHERE 'prefix' = ANY (o) AND length(s) >= 4);
        whole := ARRAY(SELECT s FROM unnest(wstems) s
                        WHERE NOT ('prefix' = ANY (o) AND length(s) >= 4));
        IF 'weak' = ANY (o) THEN
            pre := pre || ARRAY(SELECT x FROM unnest(kt_fi_weak(w)) x WHERE x <> w);
        END IF;
        -- does any listing use a word of these wstems (as a word, or inside one)?
        known := EXISTS (SELECT 1 FROM search_words sw
                          WHERE sw.n > 0 AND sw.plain LIKE ANY (ARRAY(
                                SELECT CASE WHEN 'compound' = ANY (o) AND length(s) >= 4
                                            THEN '%' ELSE '' END || s || '%'
                                  FROM unnest(wstems || kt_fi_weak(w)) s)));
        IF 'compound' = ANY (o) AND length(w) >= 4 THEN
            whole := whole || ARRAY(
                SELECT DISTINCT x
                  FROM (SELECT sw.word FROM search_words sw
                         WHERE sw.n > 0 AND sw.plain LIKE ANY (ARRAY(
                               SELECT '%' || s || '%' FROM unnest(wstems || w) s
                                WHERE length(s) >= 4))
                         ORDER BY sw.n DESC LIMIT 200) c,
                       unnest(tsvector_to_array(to_tsvector('kt_fi', c.word)
                              || to_tsvector('kt_sv', c.word) || to_tsvector('kt_en', c.word))) x);
        END IF;
        IF 'names' = ANY (o) THEN
            -- a word that excludes ("-helsinki") offers no filter
            neg := position('!#' || i || '#' in tq) > 0;
            WITH hit AS (
                SELECT DISTINCT n.param, n.code FROM search_names n
                 WHERE n.word = w OR n.stems && wstems
                    OR EXISTS (SELECT 1 FROM unnest(n.prefixes) x
                                WHERE w LIKE x || '%' AND length(w) - length(x) <= 5))
            SELECT whole || ARRAY(SELECT h.param || '=' || h.code FROM hit h)
                         || ARRAY(SELECT 'anywhere' FROM hit h
                                   WHERE h.param IN ('municipality', 'region') LIMIT 1),
                   named_params || ARRAY(SELECT h.param FROM hit h WHERE NOT neg
                                          ORDER BY h.param, h.code),
                   named_codes || ARRAY(SELECT h.code FROM hit h WHERE NOT neg
                                         ORDER BY h.param, h.code),
                   named_rest || ARRAY(SELECT w FROM hit h WHERE NOT neg
                                        ORDER BY h.param, h.code),
                   known OR EXISTS (SELECT 1 FROM hit)
              INTO whole, named_params, named_codes, named_rest, known;
        END IF;
        near := NULL;
        IF NOT known AND 'fuzzy' = ANY (o) AND length(w) >= 3 THEN
            SELECT sw.word INTO near FROM search_words sw
             WHERE sw.n > 0 AND sw.plain % w
             ORDER BY similarity(sw.plain, w) DESC, sw.n DESC, sw.word LIMIT 1;
            IF near IS NOT NULL THEN
                whole := whole || ARRAY(SELECT x FROM unnest(tsvector_to_array(
                                      to_tsvector('kt_fi', near) || to_tsvector('kt_sv', near)
                                      || to_tsvector('kt_en', near))) x);
                changed := true;
            END IF;
        END IF;
        shown := shown || coalesce(near, w);
        tq := replace(tq, '#' || i || '#', kt_tsq_any(pre, whole));
    END LOOP;
    query := tq;
    exact := array_to_string(ARRAY(SELECT DISTINCT x FROM unnest(ex) x), ' | ');
    IF changed THEN
        suggestion := array_to_string(shown, ' ');
    END IF;
    -- q without the word that named a value, for "use as filter"
    named_rest := ARRAY(
        SELECT btrim(regexp_replace(coalesce(string_agg(t.token, '' ORDER BY t.n), ''), '\s+', ' ', 'g'))
          FROM unnest(named_rest) WITH ORDINALITY r(word, k),
               LATERAL (SELECT p.token, p.n FROM ts_parse('default', q) WITH ORDINALITY p(tokid, token, n)
                         WHERE lower(unaccent(p.token)) <> r.word) t
         GROUP BY r.k ORDER BY r.k);
END
$$;

-- The listings that exist when this migration runs.
SELECT kt_search_refresh(ARRAY(SELECT id FROM activities));
