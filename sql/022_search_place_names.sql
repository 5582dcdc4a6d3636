-- Place names in q in the forms people write them (issue 13 item 2; HACKING.md "Matching").
--
-- 010 and 017 read one-word names with their weak-grade stems (kt_fi_weak: "Turussa",
-- "Lahdessa", "Helsingissä") and left out every name of two words.  What that missed,
-- measured on tests/integration/search_recall.tsv and test_gaps_place_names.py:
--
-- 1. Names of two words, 15 of the 19 regions in some language ("Kanta-Häme",
--    "Varsinais-Suomi", "Egentliga Finland", "North Ostrobothnia") and a few
--    municipalities ("Mänttä-Vilppula").  A query splits them into two words, each read
--    alone: "Varsinais-Suomessa" named the Finnish language, "Etelä-Pohjanmaalla" and
--    "Norra Österbotten" the region Pohjanmaa, and the events' and jobs' lists found
--    nothing.  Now such a name is one entry of search_names, its words joined
--    ("kantahame") with its first word as `lead`, and kt_search_expand reads two
--    neighbouring words of q as one when the first is a lead and the two joined name
--    that value ("Kanta-Hämeessä", "Kanta Hämeessä" → "kantahameessa").  Only the last
--    word of such a name inflects in Finnish, so its stems are the first word joined to
--    the last word's.
-- 2. Finnish stems that are not a weak grade, by rule for the shapes of names in the
--    reference data (kt_fi_name_stems): -Vsi as -Vde- (the eight -vesi municipalities:
--    Heinävesi → Heinävedellä), a vowel and s as -kse- or -de- (Kannus → Kannuksessa,
--    Muhos → Muhoksella, Alavus → Alavudella, Varkaus → Varkaudessa), and names
--    beginning with Uusi-, whose both parts inflect (Uusimaa → Uudellamaalla,
--    Uudenmaan; Uusikaupunki → Uudessakaupungissa); and a table of the four irregular
--    ones (Kangasala → Kangasalla, Virrat → Virroilla/Virtain, Punkalaidun →
--    Punkalaitumella, Pihtipudas → Pihtiputaalla).  Rules rather than a table of every
--    name's forms: eight lines find 17 municipalities and every region, and a
--    municipality added to the reference data is read by them too.
-- 3. A region's name now also stands for each of its municipalities: events' and jobs'
--    vectors hold the municipality only (a generated column reads its own row), so
--    "Uusimaa" found only their online and remote ones.  Activities and networks hold
--    the region too; for them the extra terms find the same rows.
-- 4. The offer to turn a word into a filter (named_rest, "q without that word") kept
--    hyphenated words twice and lost the offer when the name was all of q
--    ("Vantaalla" alone offered nothing): every value named has its rest now, empty
--    when nothing else was typed.

-- --- 2. stems of Finnish names ------------------------------------------------------------
-- w lower-cased without accents (search_names' words).  kt_fi_weak's stems and those
-- of the rules above; none shorter than 4 letters.
CREATE FUNCTION kt_fi_name_stems(w text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(SELECT DISTINCT x FROM unnest(
               kt_fi_weak(w)
               -- vesi, uusi: Heinävesi → Heinäve|dellä
               || CASE WHEN w ~ '[aeiouyäö]si$' THEN ARRAY[left(w, -2) || 'de'] ELSE '{}' END
               -- Kannus → Kannu|ksessa, Alavus → Alavu|della
               || CASE WHEN w ~ '[aeiouyäö]s$'
                       THEN ARRAY[left(w, -1) || 'kse', left(w, -1) || 'de'] ELSE '{}' END
               -- Uusi- takes the case of the rest: Uudella|maa|lla, Uuden|kaupungi|n
               || ARRAY(SELECT f || r
                          FROM unnest(ARRAY['uuden', 'uudessa', 'uudesta', 'uuteen', 'uudella',
                                            'uudelta', 'uudelle', 'uutena', 'uutta']) f,
                               unnest(substr(w, 5) || kt_fi_weak(substr(w, 5))) r
                         WHERE w ~ '^uusi.{3,}')
               -- the irregular ones
               || ARRAY(SELECT s FROM (VALUES ('kangasala', 'kangasal'), ('virrat', 'virro'),
                                              ('virrat', 'virtai'), ('punkalaidun', 'punkalaitume'),
                                              ('pihtipudas', 'pihtiputaa')) i(n, s)
                         WHERE i.n = w)) x
             WHERE length(x) >= 4)
$$;

-- --- 1. names of two words ----------------------------------------------------------------
ALTER TABLE search_names ADD COLUMN lead text;    -- the first word of a name of two

-- Does the query word w (wstems: its stems) name the value of this row?  The name, one
-- of its stems, or one of its prefixes followed by at most 5 letters of ending.
CREATE FUNCTION kt_search_names_match(word text, stems text[], prefixes text[], w text,
                                      wstems text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT word = w OR stems && wstems
        OR EXISTS (SELECT 1 FROM unnest(prefixes) x
                    WHERE w LIKE x || '%' AND length(w) - length(x) <= 5)
$$;

-- 017's names with the names of two words (joined, with their lead) and the Finnish
-- names' stems of kt_fi_name_stems.
CREATE OR REPLACE FUNCTION kt_search_names_refresh() RETURNS void
LANGUAGE sql VOLATILE AS $$
    DELETE FROM search_names;
    INSERT INTO search_names (word, param, code, stems, prefixes, lead)
    SELECT DISTINCT ON (w, param, code) w, param, code,
           ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(to_tsvector('kt_fi', w)
                 || to_tsvector('kt_sv', w) || to_tsvector('kt_en', w))) x WHERE length(x) >= 3),
           CASE WHEN fi AND lead IS NULL THEN kt_fi_name_stems(w)
                WHEN fi THEN ARRAY(SELECT DISTINCT lead || s
                                     FROM unnest(last || kt_fi_name_stems(last)) s)
                WHEN length(w) >= 4 THEN ARRAY[w] ELSE '{}' END,
           lead
      FROM (SELECT replace(n2, ' ', '') AS w, param, code, fi,
                   CASE WHEN n2 LIKE '% %' THEN split_part(n2, ' ', 1) END AS lead,
                   split_part(n2, ' ', 2) AS last
              FROM (SELECT translate(lower(unaccent(n.name)), '-', ' ') AS n2, n.param, n.code,
                           n.fi
                      FROM (SELECT 'municipality' AS param, code::text AS code, name_fi AS name,
                                   true AS fi
                              FROM municipalities
                            UNION ALL SELECT 'municipality', code::text, name_sv, false
                              FROM municipalities
                            UNION ALL SELECT 'municipality', code::text, name_en, false
                              FROM municipalities
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
                     WHERE n.name IS NOT NULL) y
             -- one word of 3 letters or more, or two (a hyphen or a space between) of 2
             -- or more: the places' names; not "S:t Michel" nor a language of three words
             WHERE n2 ~ '^[[:alpha:]]{3,}$' OR n2 ~ '^[[:alpha:]]{2,} [[:alpha:]]{2,}$') x
       -- a name that is a stop word ("even") names nothing; nor does a lead that is one
       -- (it never reaches kt_search_expand as a word)
     WHERE to_tsvector('kt_words', w) <> ''::tsvector
       AND (lead IS NULL OR to_tsvector('kt_words', lead) <> ''::tsvector)
       -- languages and forms of two words stay as 010 read them: by their first word
       AND (lead IS NULL OR param IN ('municipality', 'region'))
     -- the Finnish name first: its stems are the prefixes of a name said in both
     ORDER BY w, param, code, fi DESC
$$;
SELECT kt_search_names_refresh();

-- --- 3, 4. the query ----------------------------------------------------------------------
-- 010's kt_search_expand, with two neighbouring words that name a value together read
-- as one word, a region standing for its municipalities too, and a rest for every
-- value named.
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
                wstems := ARRAY(SELECT DISTINCT x FROM unnest(tsvector_to_array(
                                to_tsvector('kt_fi', w) || to_tsvector('kt_sv', w)
                                || to_tsvector('kt_en', w))) x);
                IF EXISTS (SELECT 1 FROM search_names n
                            WHERE n.lead = words[i]
                              AND kt_search_names_match(n.word, n.stems, n.prefixes, w, wstems))
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
                 WHERE kt_search_names_match(n.word, n.stems, n.prefixes, w, wstems))
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

-- Searches cached before this migration found what the old reading of q found: their
-- generation is over (sql/006_search_speed.sql).
UPDATE activity_search_generation SET n = n + 1;
