"""The partner feed's filters (FEED.md: "the same parameter names as /{lang}/activities"),
over real HTTP.

The oracle is the search itself: for the same parameters the feed must list exactly the
listings /{lang}/activities finds (its result links, through every page), and both what
SQL over public_activities finds.  Every feed answer is validated against the schema
(feedlib.fetch).  Tests that change data do it on scratch listings (feedlib.Scratch)."""
import datetime
import json
import pathlib
import subprocess
import time

import pytest

from feedlib import FEED, N, NS, Scratch, fetch, follow, items, next_url, validate
from test_search import (ACTIVITY_TABLES, ANYWHERE, FILTER_CASES, all_ids, plan_nodes, public_ids,
                         raw_get, search_args)


@pytest.fixture
def scratch(psql):
    s = Scratch(psql)
    yield s
    s.cleanup()


def feed_ids(http, params, limit=1000):
    """Ids of the activities of a whole sync with these filters, through every <next>;
    checks that none comes twice."""
    params = list(params.items()) if isinstance(params, dict) else list(params)
    pages = follow(http, params + [("limit", limit)])
    got = [i for doc in pages for kind, i, _ in items(doc) if kind == "a"]
    assert len(got) == len(set(got)), "an activity came twice"
    return set(got)


def instant(rfc3339):
    return datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00"))


def tag(r):
    return r.headers["ETag"].replace('-gzip"', '"')


def newest_change(psql):
    return psql("SELECT kt_feed_time(greatest((SELECT max(updated_at) FROM activities),"
                " (SELECT max(deleted_at) FROM feed_tombstones)))")[0][0]


def bad(http, query, param, reason):
    # as written: requests would repair a stray '%' before sending
    status, headers, body = raw_get(http.base_url, FEED + "?" + query)
    assert status == 400, (query, status, body[:300])
    assert headers["Content-Type"] == "application/xml; charset=utf-8"
    doc = validate(body)
    assert doc.tag == "{%s}error" % NS
    assert (doc.get("param"), doc.get("reason")) == (param, reason), (query, doc.attrib)
    assert doc.text
    return doc


def in_place(psql, ident, municipality):
    """Moves scratch listing `ident` to a municipality, keeping its old place in the order
    (updated_at set back by hand: the triggers leave a writer's own time alone)."""
    old = psql("SELECT updated_at FROM activities WHERE id = :'id'", id=ident)[0][0]
    psql("UPDATE activity_versions SET municipality_code = :'m' WHERE activity_id = :'id'",
         m=municipality, id=ident)
    psql("UPDATE activities SET updated_at = :'t' WHERE id = :'id'", t=old, id=ident)


# ---- each filter, as the search has it ------------------------------------------------------

@pytest.mark.parametrize("params,where", FILTER_CASES,
                         ids=["%s=%s" % next(iter(c[0].items())) for c in FILTER_CASES])
def test_each_filter_finds_what_the_search_finds(http, psql, params, where):
    expected = public_ids(psql, where)
    assert expected
    assert feed_ids(http, params, limit=7) == expected
    assert all_ids(http, "fi", **params) == expected


@pytest.mark.parametrize("params", [
    [("form", "homework_club"), ("form", "mediation"), ("language", "ara"),
     ("language", "ukr"), ("free", "1")],
    [("municipality", "091"), ("municipality", "853"), ("target", "youth")],
    [("theme", "language"), ("theme", "housing"), ("target", "women"), ("region", "01")],
    [("region", "01"), ("municipality", "853")],
    [("online", "1"), ("municipality", "091")],
    [("q", "kielikerho"), ("municipality", "091")],
    [("q", "kielikerho or läksykerho"), ("free", "1")],
    [("language", "so"), ("language", "ara")],
])
def test_combinations_find_what_the_search_finds(http, params):
    assert feed_ids(http, params, limit=5) == all_ids(http, "fi", params)


def test_repeated_values_are_ored_and_names_anded(http, psql):
    ored = feed_ids(http, [("form", "homework_club"), ("form", "mediation")])
    assert ored == public_ids(psql, "a.forms && '{homework_club,mediation}'")
    assert ored == feed_ids(http, {"form": "homework_club"}) | feed_ids(http, {"form": "mediation"})
    anded = feed_ids(http, [("form", "homework_club"), ("form", "mediation"),
                            ("language", "ara"), ("language", "ukr"), ("free", "1")])
    assert anded == public_ids(
        psql, "a.forms && '{homework_club,mediation}' AND a.languages && '{ara,ukr}'"
              " AND a.price_eur = 0")
    assert anded <= ored
    # the same value twice is the same filter
    assert feed_ids(http, [("form", "mediation"), ("form", "mediation")]) == \
        feed_ids(http, {"form": "mediation"})


def test_region_selects_its_municipalities(http, psql):
    uusimaa = sorted(c for (c,) in psql("SELECT code FROM municipalities WHERE region_code = '01'"))
    found = feed_ids(http, {"region": "01"})
    assert found == feed_ids(http, [("municipality", c) for c in uusimaa])
    assert found == public_ids(psql, "(a.municipality_code IN (SELECT code FROM municipalities"
                                     " WHERE region_code = '01') OR %s)" % ANYWHERE)
    assert feed_ids(http, {"region": "01", "municipality": "853"}) == public_ids(psql, ANYWHERE)


def test_online_and_nationwide_are_in_every_place(http, psql):
    anywhere = public_ids(psql, ANYWHERE)
    assert {3, 28} <= anywhere
    assert feed_ids(http, {"municipality": "615"}) == anywhere | public_ids(
        psql, "a.municipality_code = '615'")
    assert anywhere <= feed_ids(http, {"region": "19"})
    online = public_ids(psql, "a.is_online")
    assert feed_ids(http, {"online": "1", "municipality": "091"}) == online
    assert feed_ids(http, {"online": "1", "region": "01"}) == online


def test_items_of_a_place_filter_are_in_the_place(http):
    _, doc = fetch(http, {"municipality": "091", "limit": 1000})
    assert doc.findall("f:activity", N)
    for a in doc.findall("f:activity", N):
        place = a.find("f:place", N)
        muni = place.find("f:municipality", N)
        assert (muni is not None and muni.get("code") == "091") or "true" in (
            place.get("online"), place.get("nationwide")), a.get("id")


@pytest.mark.parametrize("q,must_find", [
    ("kielikerhot", {1, 27}), ("kielikerhoissa", {1, 27}), ("läksykerhoon", {18, 43, 60}),
    ("läxhjälpen", {11, 34}), ("språkklubbar", {1, 17}), ("clubs", {1, 18}),
    ("mediating", {19, 50}), ("Luckan", {7, 44}), ("Esbo", {9}),
    ("kielikerho -helsinki", set()), ('"language club"', set()),
])
def test_free_text_is_the_search_s(http, q, must_find):
    found = feed_ids(http, {"q": q})
    assert must_find <= found, (q, found)
    assert found == all_ids(http, "fi", q=q) == all_ids(http, "en", q=q)


@pytest.mark.parametrize("q", ["a", "the", "!!!", "'", "&|!<->:*()", "😀", "'; DROP TABLE x; --",
                               "  "])
def test_any_text_is_a_valid_query(http, q):
    fetch(http, {"q": q})


def test_empty_values_are_ignored(http, psql):
    assert feed_ids(http, [("q", ""), ("form", ""), ("region", ""), ("municipality", ""),
                           ("free", ""), ("online", "")]) == public_ids(psql)


# ---- bad parameters ------------------------------------------------------------------------

@pytest.mark.parametrize("query,param,reason", [
    ("form=knitting", "form", "unknown-value"),
    ("form=Language_Club", "form", "unknown-value"),
    ("theme=nothing", "theme", "unknown-value"),
    ("target=cats", "target", "unknown-value"),
    ("language=xx", "language", "unknown-value"),
    ("language=zzz", "language", "unknown-value"),
    ("language=english", "language", "unknown-value"),
    ("municipality=abc", "municipality", "unknown-value"),
    ("municipality=999", "municipality", "unknown-value"),
    ("municipality=91", "municipality", "unknown-value"),
    ("region=99", "region", "unknown-value"),
    ("region=1", "region", "unknown-value"),
    ("free=yes", "free", "unknown-value"),
    ("online=0", "online", "unknown-value"),
    ("form=language_club&municipality=091&language=xx", "language", "unknown-value"),
    ("free=1&free=1", "free", "repeated"),
    ("q=a&q=b", "q", "repeated"),
    ("q=" + "x" * 201, "q", "too-long"),
    ("&".join("municipality=%03d" % n for n in range(1, 52)), "municipality", "too-many"),
    ("weekday=0", "weekday", "unknown-value"),
    ("in_person=2", "in_person", "unknown-value"),
    ("Form=language_club", "Form", "unknown-param"),
    ("q=%FF", "q", "invalid-utf8"),
    ("q=%01", "q", "control-char"),
    ("q=%zz", "q", "bad-escape"),
])
def test_bad_filters_get_a_400_naming_them(http, query, param, reason):
    bad(http, query, param, reason)


def test_the_first_unknown_code_in_the_url_is_named(http):
    bad(http, "municipality=091&region=99&form=knitting", "region", "unknown-value")


@pytest.mark.parametrize("query,param", [
    ("sort=title", "sort"), ("sort=newest", "sort"), ("page=2", "page"), ("page=1", "page"),
    ("sort=", "sort"), ("form=language_club&page=1", "page"),
])
def test_sort_and_page_belong_to_the_search_page(http, query, param):
    doc = bad(http, query, param, "unknown-param")
    assert "cursor" in doc.text


def test_a_query_string_of_too_many_pairs(http):
    r = http.get(FEED + "?" + "&".join("q=" for _ in range(200)))
    assert r.status_code == 400
    assert validate(r.content).get("reason") == "too-many"


# ---- paging, cursors and tags ----------------------------------------------------------------

def test_next_keeps_the_filters(http):
    _, doc = fetch(http, [("municipality", "091"), ("form", "language_club"),
                          ("form", "meeting_place"), ("q", "kerho"), ("limit", 1)])
    url = next_url(doc)
    assert url
    query = url.split("?", 1)[1]
    assert query.startswith("municipality=091&form=language_club&form=meeting_place&q=kerho"
                            "&limit=1&cursor=")
    _, doc2 = fetch(http, path=url[len(http.base_url):])
    assert items(doc2) and items(doc2)[0][1] != items(doc)[0][1]


def test_next_carries_text_safely(http):
    _, doc = fetch(http, [("q", "kielikerho ?=#+&"), ("limit", 1)])
    url = next_url(doc)
    assert "?q=kielikerho%20%3F%3D%23%2B%26&limit=1&cursor=" in url
    _, doc2 = fetch(http, path=url[len(http.base_url):])
    assert items(doc2)


def test_full_sync_with_a_filter_returns_the_set_once_each(http, psql):
    where = "(a.municipality_code = '091' OR %s) AND 'language_club' = ANY (a.forms)" % ANYWHERE
    expected = public_ids(psql, where)
    assert len(expected) > 3
    pages = follow(http, [("municipality", "091"), ("form", "language_club"), ("limit", 2)])
    got = [(k, i) for doc in pages for k, i, _ in items(doc)]
    activities = [i for k, i in got if k == "a"]
    assert len(activities) == len(set(activities))
    assert set(activities) == expected
    assert all(len(items(doc)) == 2 for doc in pages[:-1])


def test_cursor_is_bound_to_its_filters(http):
    _, doc = fetch(http, {"municipality": "091", "limit": 2})
    cursor = next_url(doc).split("cursor=")[1]
    # the same filters: fine, with any limit
    fetch(http, {"municipality": "091", "limit": 5, "cursor": cursor})
    for other in ({}, {"municipality": "049"}, {"municipality": "091", "free": "1"},
                  {"region": "01"}, {"municipality": "091", "q": "kerho"},
                  {"municipality": "091", "updated_since": "2020-01-01T00:00:00Z"}):
        r = http.get(FEED, params=dict(other, cursor=cursor))
        assert r.status_code == 400, other
        doc = validate(r.content)
        assert (doc.get("param"), doc.get("reason")) == ("cursor", "other-query"), other


def test_equal_filters_spelled_otherwise_share_cursors(http):
    """Values are ORed, so their order does not matter; ar is ara."""
    _, doc = fetch(http, [("form", "language_club"), ("form", "meeting_place"),
                          ("language", "ar"), ("limit", 1)])
    cursor = next_url(doc).split("cursor=")[1]
    _, doc2 = fetch(http, [("language", "ARA"), ("form", "meeting_place"),
                           ("form", "language_club"), ("limit", 1), ("cursor", cursor)])
    _, doc3 = fetch(http, path=next_url(doc)[len(http.base_url):])
    assert items(doc2) == items(doc3)


def test_etag_differs_per_filter_set(http):
    sets = [{}, {"form": "language_club"}, {"form": "meeting_place"},
            {"form": "language_club", "free": "1"}, {"municipality": "091"}, {"region": "01"},
            {"q": "kielikerho"}, {"online": "1"}, {"language": "som"}]
    tags = {}
    for params in sets:
        r, _ = fetch(http, dict(params, limit=3))
        tags[tag(r)] = params
        # and each set answers 304 to its own tag only
        fetch(http, dict(params, limit=3), status=304, headers={"If-None-Match": r.headers["ETag"]})
    assert len(tags) == len(sets)
    first = next(iter(tags))
    r, _ = fetch(http, {"form": "meeting_place", "limit": 3}, headers={"If-None-Match": first})
    assert r.status_code == 200


# ---- incremental sync with a filter ----------------------------------------------------------

def apply(mirror, docs):
    """A partner's copy after applying pages in order."""
    for doc in docs:
        for kind, i, _ in items(doc):
            if kind == "a":
                mirror.add(i)
            else:
                mirror.discard(i)
    return mirror


VANTAA = "(a.municipality_code = '092' OR %s)" % ANYWHERE


def test_incremental_sync_tells_what_left_the_filter(http, psql, scratch):
    stay, moved, archived, deleted, elsewhere, arrives = scratch.make(781001, 781006)
    for ident in (stay, moved, archived, deleted):
        in_place(psql, ident, "092")          # Vantaa
    for ident in (elsewhere, arrives):
        in_place(psql, ident, "049")          # Espoo
    params = [("municipality", "092")]
    mirror = feed_ids(http, params)
    assert {stay, moved, archived, deleted} <= mirror and not {elsewhere, arrives} & mirror
    since = newest_change(psql)
    time.sleep(0.01)

    psql("UPDATE activity_versions SET title_fi = 'Yhä Vantaalla' WHERE activity_id = :'id'",
         id=stay)
    psql("UPDATE activity_versions SET municipality_code = '049' WHERE activity_id = :'id'",
         id=moved)
    psql("UPDATE activities SET archived_at = now(), state = 'archived' WHERE id = :'id'",
         id=archived)
    psql("DELETE FROM activities WHERE id = :'id'", id=deleted)
    psql("UPDATE activity_versions SET title_fi = 'Espoossa' WHERE activity_id = :'id'",
         id=elsewhere)
    psql("UPDATE activity_versions SET municipality_code = '092' WHERE activity_id = :'id'",
         id=arrives)

    pages = follow(http, params + [("updated_since", since), ("limit", 2)])
    got = {i: k for doc in pages for k, i, _ in items(doc)}
    assert got == {stay: "a", moved: "d", archived: "d", deleted: "d", elsewhere: "d",
                   arrives: "a"}, "a change out of the filter is a deletion; one the partner "\
                                  "never had may come as one too"
    apply(mirror, pages)
    assert mirror == public_ids(psql, VANTAA)
    # the feed's order is kept on the search rows (sql/008_feed_filters.sql): still equal
    assert psql("SELECT count(*) FROM activity_search s JOIN activities a ON a.id = s.activity_id"
                " WHERE s.updated_at <> a.updated_at")[0][0] == "0"
    assert {int(i) for (i,) in psql("SELECT activity_id FROM activity_search")} == \
        public_ids(psql)

    # the unfiltered feed has no deletion for a listing that is still public
    _, doc = fetch(http, {"updated_since": since, "limit": 1000})
    plain = {i: k for k, i, _ in items(doc)}
    assert plain[moved] == "a" and plain[elsewhere] == "a" and plain[archived] == "d"


def test_full_sync_with_a_filter_learns_what_leaves_while_it_pages(http, psql, scratch):
    """A sync begun without updated_since: a listing already delivered that moves out of
    the filter (or is archived) before the sync ends comes as a deletion later in it,
    so the newest time received is a safe updated_since for the next sync."""
    ids = scratch.make(782001, 782006)   # the oldest listings: they lead the feed
    for ident in ids:
        in_place(psql, ident, "092")
    params = [("municipality", "092"), ("limit", 2)]

    def change(page, doc):
        if page == 1:
            assert [i for _, i, _ in items(doc)] == ids[:2]
            psql("UPDATE activity_versions SET municipality_code = '049' "
                 "WHERE activity_id = :'id'", id=ids[0])
            psql("UPDATE activities SET archived_at = now() WHERE id = :'id'", id=ids[1])

    pages = follow(http, params, between_pages=change)
    got = [(k, i) for doc in pages for k, i, _ in items(doc)]
    assert ("d", ids[0]) in got and ("d", ids[1]) in got
    mirror = apply(set(), pages)
    assert mirror == public_ids(psql, VANTAA)
    newest = max((t for doc in pages for _, _, t in items(doc)), key=instant)
    _, doc = fetch(http, {"municipality": "092", "updated_since": newest})
    assert items(doc) == []


def test_filtered_incremental_pages_by_cursor(http, psql, scratch):
    ids = scratch.make(783001, 783008)
    for ident in ids:
        in_place(psql, ident, "092")
    since = newest_change(psql)
    time.sleep(0.01)
    for ident in ids[::2]:
        psql("UPDATE activity_versions SET municipality_code = '049' WHERE activity_id = :'id'",
             id=ident)
    for ident in ids[1::2]:
        psql("UPDATE activities SET confirmed_at = now() WHERE id = :'id'", id=ident)
    pages = follow(http, [("municipality", "092"), ("updated_since", since), ("limit", 3)])
    got = [(k, i) for doc in pages for k, i, _ in items(doc)]
    assert len(pages) == 3
    assert sorted(got) == sorted([("d", i) for i in ids[::2]] + [("a", i) for i in ids[1::2]])


# ---- the plans ---------------------------------------------------------------------------------

FEED_SQL = pathlib.Path(__file__).resolve().parents[2] / "build" / "kt-feed-sql"


def test_filtered_pages_use_the_indexes(psql):
    """With 5 000 more listings (inside a transaction that is rolled back), the keys of a
    feed page (the state statement: what ETags and paging read, and the part of the items
    statement that chooses them) come from the (updated_at, id) index or the search's
    indexes: no activity table is read whole, however deep the page or whatever the
    filters.  (Joining the page's rows to their content may scan a table this small; on
    100 000 listings bench/feed-rss prints the plans of the items statement.)"""
    if not FEED_SQL.exists():
        pytest.fail("%s is missing: `make test` builds it (make build/kt-feed-sql)" % FEED_SQL)
    state_sql = subprocess.run([str(FEED_SQL), "state"], capture_output=True, text=True,
                               check=True).stdout.strip()
    pages = [
        # the search's parameters for a query string (as the module makes them), then
        # lo_ts, lo_id, horizon, lim
        search_args(psql, "fi", query) + ", " + more for query, more in (
            ("", "NULL, 0, NULL, 101"),
            ("", "now() - interval '3000 hours', 1, NULL, 101"),
            ("municipality=091", "NULL, 0, NULL, 101"),
            ("municipality=615", "NULL, 0, NULL, 101"),
            ("form=counselling&language=ara&free=1",
             "now() - interval '1000 hours', 1, NULL, 101"),
            ("q=kielikerho&weekday=2&in_person=1", "NULL, 0, NULL, 101"),
            ("region=01", "now() - interval '10 hours', 9223372036854775807,"
                          " now() - interval '10 hours', 101"),
            ("", "now() - interval '10 hours', 9223372036854775807,"
                 " now() - interval '10 hours', 101"))
    ]
    script = """
BEGIN;
INSERT INTO activities (id, organisation_id, state, published_version, latest_version,
                        published_at, updated_at)
SELECT 600000 + g, 1 + g % 30, 'published', 1, 1, now() - g * interval '1 hour',
       now() - g * interval '1 hour'
  FROM generate_series(1, 5000) g;
INSERT INTO activity_versions (activity_id, version, title_fi, description_fi, forms, languages,
                               municipality_code, price_eur)
SELECT 600000 + g, 1, 'Kohtaamispaikka ' || g, 'Tervetuloa mukaan keskustelemaan arjesta.',
       ARRAY[(ARRAY['meeting_place', 'peer_activity', 'counselling'])[1 + g % 3]],
       '{fin,ara}', (ARRAY['091', '049', '092', '837', '853'])[1 + g % 5], g % 2
  FROM generate_series(1, 5000) g;
SELECT gin_clean_pending_list(c.oid) FROM pg_class c
 WHERE c.relname LIKE 'activity_search%' AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'gin');
ANALYZE activities;
ANALYZE activity_search;
ANALYZE activity_search_text;
SET LOCAL plan_cache_mode = force_custom_plan;
PREPARE kt_feed_s AS """ + state_sql + ";\n" + "".join(
        # lim again for each of the four LIMITs
        "EXPLAIN (FORMAT JSON) EXECUTE kt_feed_s(%s, 101, 101, 101, 101);\n" % args
        for args in pages) + "ROLLBACK;\n"
    rows = psql(script)
    plans = [json.loads(r[0])[0]["Plan"] for r in rows if r[0] and r[0].startswith("[")]
    assert len(plans) == len(pages)
    for args, plan in zip(pages, plans):
        nodes = list(plan_nodes(plan))
        # (x: whether a tombstone's listing is public again.  Here every scratch listing
        # the tests deleted left a tombstone a moment ago, so there are many after the
        # horizon and hashing the search rows is the cheaper check; a real installation
        # has few.)
        seq = [n["Relation Name"] for n in nodes
               if n["Node Type"] == "Seq Scan" and n.get("Relation Name") in ACTIVITY_TABLES
               and n.get("Alias") != "x"]
        assert not seq, "sequential scan of %s for %s" % (seq, args)
    assert psql("SELECT count(*) FROM activities WHERE id > 600000")[0][0] == "0"
