-- Reading what was typed, several times cheaper.  The names of values (municipalities,
-- regions, languages, forms) were matched by kt_search_names_match, a SQL function with a
-- sub-select, which PostgreSQL cannot inline: each of search_names' 1 120 rows started an
-- executor of its own, some 6 ms a word (most of the database's work for a search of
-- three words under load).  A prefix x of a name matches a word w when w begins with x
-- and has at most 5 more letters (022): that is, when x is one of w's beginnings of
-- length(w) - 5 .. length(w) letters, which kt_search_prefixes_of lists once a word, and
-- the match is three comparisons the planner inlines into the scan.  The same as 022's
-- LIKE as long as no prefix holds a LIKE wildcard or its escape character: names are
-- letters (kt_search_names_refresh keeps [[:alpha:]] words), and a CHECK says so.

ALTER TABLE search_names ADD CONSTRAINT search_names_prefixes_plain
    CHECK (array_to_string(prefixes, ' ') !~ '[%_\\]');

-- The beginnings of w that a name's prefix may be: w less 0 to 5 of its last letters.
CREATE FUNCTION kt_search_prefixes_of(w text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT left(w, k) FROM generate_series(greatest(length(w) - 5, 0), length(w)) k)
$$;

-- Does the name (word, its stems, its prefixes) name what the word w (wstems, its stems;
-- wpre = kt_search_prefixes_of(w)) says?  One expression: inlined where it is called.
CREATE FUNCTION kt_search_names_match(word text, stems text[], prefixes text[], w text,
                                      wstems text[], wpre text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT word = w OR stems && wstems OR prefixes && wpre
$$;

-- and found by index, not by reading the 1 120 names
CREATE INDEX search_names_stems ON search_names USING gin (stems);
CREATE INDEX search_names_prefixes ON search_names USING gin (prefixes);

-- The words of the lexicon that hold a word typed ("kerho" in "läksykerho") stand for it
-- by their stems in the three languages: 200 words at most, three to_tsvector each, some
-- 3 ms a search of three words.  The lexicon keeps each word's stems, computed once when
-- the word enters it (a migration that changes a dictionary updates them).  Not a
-- generated column: its expression would run while a dump is restored, where kt_fi and
-- the others are not on the search path.
CREATE FUNCTION kt_search_word_stems(w text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(to_tsvector('kt_fi', w)
                 || to_tsvector('kt_sv', w) || to_tsvector('kt_en', w))) x)
$$;
ALTER TABLE search_words ADD COLUMN stems text[];
UPDATE search_words SET stems = kt_search_word_stems(word);
ALTER TABLE search_words ALTER COLUMN stems SET NOT NULL;

-- 010's trigger: the counts of words known, and new words with their stems (the table's
-- lock keeps another statement from adding the same word in between).
CREATE OR REPLACE FUNCTION kt_search_words_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE search_words IN SHARE ROW EXCLUSIVE MODE;
    WITH d AS (
        SELECT x, count(*) * CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END AS n
          FROM changed c, unnest(c.words) x
         GROUP BY x),
    known AS (
        UPDATE search_words w SET n = w.n + d.n FROM d WHERE w.word = d.x RETURNING w.word)
    INSERT INTO search_words (word, plain, n, stems)
    SELECT d.x, unaccent(d.x), d.n, kt_search_word_stems(d.x)
      FROM d
     WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.word = d.x);
    RETURN NULL;
END
$$;

-- 022's kt_search_expand, with both.
CREATE OR REPLACE FUNCTION kt_search_expand(q text,
    opts text DEFAULT 'prefix,weak,compound,names,fuzzy',
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
    wpre text[];      -- the beginnings of w a name's prefix may be (kt_search_prefixes_of)
    whole text[];     -- and as whole lexemes
    near text;
    known boolean;
    i integer := 0;
    b integer;
    words text[] := '{}';
    typed text[];     -- the words of q each word stands for ("kanta hameessa"), for the rest
    leads text[];
    shown text[] := '{}';
    changed boolean := false;
    ex text[] := '{}';
    neg boolean;
    pair text;
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
    typed := words;
    -- a name of two words: the lead and the word after it, when joined they name a value
    -- of that lead ("Kanta-Hämeessä": #1# & #2# becomes #1#, kantahameessa)
    IF 'names' = ANY (o) THEN
        leads := ARRAY(SELECT DISTINCT n.lead FROM search_names n WHERE n.lead IS NOT NULL);
        FOR i IN 1 .. cardinality(words) LOOP
            CONTINUE WHEN NOT words[i] = ANY (leads);
            FOR b IN 1 .. cardinality(words) LOOP
                pair := '#' || i || '# & #' || b || '#';
                CONTINUE WHEN b = i OR position(pair in tq) = 0;
                w := words[i] || words[b];
                wpre := kt_search_prefixes_of(w);
                wstems := ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(
                                to_tsvector('kt_fi', w) || to_tsvector('kt_sv', w)
                                || to_tsvector('kt_en', w))) x);
                IF EXISTS (SELECT 1 FROM search_names n
                            WHERE n.lead = words[i]
                              AND kt_search_names_match(n.word, n.stems, n.prefixes, w, wstems, wpre))
                THEN
                    tq := replace(tq, pair, '#' || i || '#');
                    words[i] := w;
                    typed[i] := typed[i] || ' ' || typed[b];
                    EXIT;
                END IF;
            END LOOP;
        END LOOP;
    END IF;
    FOR i IN 1 .. cardinality(words) LOOP
        -- the second word of a name of two, read with its lead
        CONTINUE WHEN position('#' || i || '#' in tq) = 0;
        w := words[i];
        wstems := ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(to_tsvector('kt_fi', w)
                       || to_tsvector('kt_sv', w) || to_tsvector('kt_en', w))) x);
        IF cardinality(wstems) = 0 THEN
            wstems := ARRAY[w];
        END IF;
        wpre := kt_search_prefixes_of(w);
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
                  FROM (SELECT sw.stems FROM search_words sw
                         WHERE sw.n > 0 AND sw.plain LIKE ANY (ARRAY(
                               SELECT '%' || s || '%' FROM unnest(wstems || w) s
                                WHERE length(s) >= 4))
                         ORDER BY sw.n DESC LIMIT 200) c,
                       unnest(c.stems) x);
        END IF;
        IF 'names' = ANY (o) THEN
            -- a word that excludes ("-helsinki") offers no filter
            neg := position('!#' || i || '#' in tq) > 0;
            WITH hit AS (
                SELECT DISTINCT n.param, n.code FROM search_names n
                 WHERE kt_search_names_match(n.word, n.stems, n.prefixes, w, wstems, wpre))
            SELECT whole || ARRAY(SELECT h.param || '=' || h.code FROM hit h)
                         -- a region is its municipalities too (events' and jobs' vectors)
                         || ARRAY(SELECT 'municipality=' || m.code
                                    FROM hit h JOIN municipalities m
                                      ON h.param = 'region' AND m.region_code::text = h.code)
                         || ARRAY(SELECT 'anywhere' FROM hit h
                                   WHERE h.param IN ('municipality', 'region') LIMIT 1),
                   named_params || ARRAY(SELECT h.param FROM hit h WHERE NOT neg
                                          ORDER BY h.param, h.code),
                   named_codes || ARRAY(SELECT h.code FROM hit h WHERE NOT neg
                                         ORDER BY h.param, h.code),
                   named_rest || ARRAY(SELECT typed[i] FROM hit h WHERE NOT neg
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
        shown := shown || coalesce(near, typed[i]);
        tq := replace(tq, '#' || i || '#', kt_tsq_any(pre, whole));
    END LOOP;
    query := tq;
    exact := array_to_string(ARRAY(SELECT DISTINCT x FROM unnest(ex) x), ' | ');
    IF changed THEN
        suggestion := array_to_string(shown, ' ');
    END IF;
    -- q without the word(s) that named a value, for "use as filter": the parser's words
    -- and blanks, without the whole of a hyphenated word (its parts follow it) and a
    -- hyphen beside a part taken out ("Helsinki-kerho": "kerho", not "-kerho", which
    -- would exclude); empty when nothing but stop words is left ("i Nyland")
    named_rest := ARRAY(
        SELECT CASE WHEN to_tsvector('kt_words', x) = ''::tsvector THEN '' ELSE x END
          FROM (SELECT r.k, btrim(regexp_replace(coalesce(string_agg(t.token, '' ORDER BY t.n), ''),
                                                 '\s+', ' ', 'g')) AS x
                  FROM unnest(named_rest) WITH ORDINALITY r(word, k)
                  LEFT JOIN LATERAL (
                        SELECT z.token, z.n
                          FROM (SELECT y.token, y.n, y.gone,
                                       lag(y.gone) OVER (ORDER BY y.n) AS gone_before,
                                       lead(y.gone) OVER (ORDER BY y.n) AS gone_after
                                  FROM (SELECT p.token, p.n,
                                               lower(unaccent(p.token))
                                                   = ANY (string_to_array(r.word, ' ')) AS gone
                                          FROM ts_parse('default', q)
                                               WITH ORDINALITY p(tokid, token, n)
                                         -- numhword, asciihword, hword
                                         WHERE p.tokid NOT IN (15, 16, 17)) y) z
                         WHERE NOT z.gone
                           AND NOT (z.token ~ '^-+$' AND (z.gone_before OR z.gone_after))) t
                    ON true
                 GROUP BY r.k) s
         ORDER BY s.k);
END
$$;

DROP FUNCTION kt_search_names_match(text, text[], text[], text, text[]);
