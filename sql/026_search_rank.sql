-- Relevance, as the search index (src/lib/kt_facets.c) computes it from its bitmaps and
-- the database computes it here when a child has no index of the current listings yet
-- (or KotoutuminenSearchIndex is off): one definition, proven the same both ways page by
-- page (tests/integration/test_search_index.py).  ts_rank, which 010 ordered by, reads
-- the positions of every word of every result: hundreds of milliseconds for a word that
-- 40 000 of 100 000 listings have, and nothing a bitmap can answer.
--
-- A listing's relevance to the query q (kt_search_expand's query) and the exact stems of
-- the words typed (its exact, an OR of lexemes: kt_search_stems), in integers so that
-- both sides agree to the last tie:
--   * how much of its text q matches: the title alone (A, 10), the title and the
--     description (B, 4), those and the names of its organisation and place (C, 2), or
--     only with the rest (D: the names of its forms and themes; the values words name,
--     1) — the first that matches, as ts_filter keeps the words of those weights;
--   * plus, for each exact stem, the best weight it has in the listing (A 10, B 4, C 2,
--     anything else 1, absent 0): PostgreSQL's default ts_rank weights {0.1, 0.2, 0.4,
--     1.0} times ten.
-- A whole word of the title thus ranks first, as it did; ties go newest first.

-- The exact stems, one tsquery each (tsquery's text doubles quotes and backslashes):
-- an IMMUTABLE function of the statement's parameter, which the plan made for its
-- values folds into a constant, read once per statement.
CREATE FUNCTION kt_search_stems(qx tsquery) RETURNS tsquery[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT kt_tsq_quote(replace(replace(m[1], '''''', ''''),
                                                            '\\', '\'))::tsquery), '{}')
      FROM regexp_matches(qx::text, '''((?:[^'']|'''')*)''', 'g') m
$$;

CREATE FUNCTION kt_search_rank(tsv tsvector, q tsquery, stems tsquery[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN v.a @@ q THEN 10 WHEN v.ab @@ q THEN 4 WHEN v.abc @@ q THEN 2 ELSE 1 END
           + coalesce((SELECT sum(CASE WHEN v.a @@ e THEN 10 WHEN v.ab @@ e THEN 4
                                       WHEN v.abc @@ e THEN 2 WHEN tsv @@ e THEN 1
                                       ELSE 0 END)::integer
                         FROM unnest(stems) e), 0)
      FROM (SELECT ts_filter(tsv, '{a}') AS a, ts_filter(tsv, '{a,b}') AS ab,
                   ts_filter(tsv, '{a,b,c}') AS abc) v
$$;
