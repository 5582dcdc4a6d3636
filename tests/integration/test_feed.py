"""The partner feed, GET /feed/activities.xml (../shared/spec/FEED.md), over real HTTP.

Every answer is validated against the served schema (feedlib.fetch).  Tests that
change data do it on scratch listings of their own (feedlib.Scratch), never on the
demo listings other tests and the browser gate rely on."""
import datetime
import gzip
import re
import time

import pytest
import requests

from feedlib import (FEED, N, NS, XML_LANG, Scratch, activity, fetch, follow, items, next_url,
                     published_ids, validate)


@pytest.fixture
def scratch(psql):
    s = Scratch(psql)
    yield s
    s.cleanup()


def texts(el, name):
    return {t.get(XML_LANG): t.text for t in el.findall("f:" + name, N)}


def tag(r):
    """The ETag without mod_deflate's "-gzip" (added on compressed 200s, not on 304s)."""
    return r.headers["ETag"].replace('-gzip"', '"')


def newest_change(psql):
    """The newest updated_at / deleted_at the feed can show, as RFC 3339."""
    return psql("SELECT kt_feed_time(greatest((SELECT max(updated_at) FROM activities),"
                " (SELECT max(deleted_at) FROM feed_tombstones)))")[0][0]


# ---- the document -----------------------------------------------------------------

def test_feed_is_xml_in_the_feed_namespace(http):
    r, doc = fetch(http)
    assert doc.tag == "{%s}activities" % NS
    assert r.headers["Cache-Control"] == "no-cache"
    assert r.headers["ETag"].startswith('"')
    assert "Last-Modified" in r.headers
    assert len(doc.findall("f:activity", N)) == 60   # default limit 100, 60 demo listings
    assert next_url(doc) is None


def test_activity_1_carries_every_public_field(http, base_url):
    _, doc = fetch(http, {"limit": 1000})
    a = activity(doc, 1)
    assert a is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", a.get("updated"))
    assert a.get("published") and a.get("confirmed") == "2026-09-15"
    titles = texts(a, "title")
    assert titles == {"fi": "Suomen kielen kielikerho Itäkeskuksen kirjastossa",
                      "sv": "Finsk språkklubb på Östra centrums bibliotek",
                      "en": "Finnish language club at Itäkeskus library"}
    assert set(texts(a, "description")) == {"fi", "sv", "en"}
    assert "\n\n" in texts(a, "description")["fi"], "paragraphs are kept"
    assert {c.get("hreflang"): c.get("href") for c in a.findall("f:canonical", N)} == {
        l: "%s/%s/activities/1" % (base_url, l) for l in ("fi", "sv", "en")}
    forms = a.findall("f:forms/f:form", N)
    assert [f.get("code") for f in forms] == ["language_club", "meeting_place"]
    assert texts(forms[0], "name") == {"fi": "Kielikerhot ja -kurssit",
                                       "sv": "Språkklubbar och språkkurser",
                                       "en": "Language clubs and courses"}
    assert [t.get("code") for t in a.findall("f:themes/f:theme", N)] == [
        "language", "everyday_society", "community_networks"]
    assert [t.get("code") for t in a.findall("f:targets/f:target", N)] == [
        "adults", "women", "newly_arrived"]
    langs = a.findall("f:languages/f:language", N)
    assert [(l.get("code"), l.get("iso639-1")) for l in langs] == [
        ("fin", "fi"), ("ara", "ar"), ("som", "so"), ("eng", "en")]
    assert texts(langs[0], "name")["fi"] == "suomi"
    place = a.find("f:place", N)
    assert (place.get("online"), place.get("nationwide")) == ("false", "false")
    muni = place.find("f:municipality", N)
    assert muni.get("code") == "091"
    assert texts(muni, "name") == {"fi": "Helsinki", "sv": "Helsingfors"}
    region = place.find("f:region", N)
    assert region.get("code") == "01" and texts(region, "name")["sv"] == "Nyland"
    addr = place.find("f:address", N)
    assert (addr.get("street"), addr.get("postal-code"), addr.get("post-office")) == (
        "Turunlinnantie 1", "00930", "Helsinki")
    assert set(texts(place, "accessibility")) == {"fi", "sv", "en"}
    period = a.find("f:period", N)
    assert (period.get("start"), period.get("end")) == ("2026-08-18", "2027-05-27")
    slots = a.findall("f:schedule/f:slot", N)
    assert [(s.get("weekday"), s.get("start"), s.get("end")) for s in slots] == [
        ("2", "17:00:00", "18:30:00"), ("4", "10:00:00", "11:30:00")]
    assert a.find("f:schedule", N).get("timezone") == "Europe/Helsinki"
    assert a.find("f:sessions", N) is None
    price = a.find("f:price", N)
    assert (price.get("free"), price.get("amount"), price.get("currency")) == (
        "false", "2.00", "EUR")
    assert a.find("f:registration", N).get("required") == "false"
    contact = a.find("f:contact", N)
    assert contact.get("email") == "liisa.esimerkki@example.org"
    assert a.find("f:website", N).get("href") == "https://example.org/kua/kielikerho-itakeskus"
    org = a.find("f:organisation", N)
    assert (org.get("id"), org.get("business-id"), org.get("type"), org.text) == (
        "1", "9010007-1", "foundation", "Kirkon ulkomaanavun säätiö")
    assert a.find("f:project", N).get("id") == "9"


def test_sessions_carry_local_time_with_offset(http):
    _, doc = fetch(http, {"limit": 1000})
    a = activity(doc, 3)
    place = a.find("f:place", N)
    assert (place.get("online"), place.get("nationwide")) == ("true", "true")
    assert place.find("f:municipality", N) is None
    sessions = [(s.get("start"), s.get("end")) for s in a.findall("f:sessions/f:session", N)]
    # summer time in September, standard time in December
    assert sessions[0] == ("2026-09-15T18:00:00+03:00", "2026-09-15T19:30:00+03:00")
    assert sessions[3] == ("2026-12-08T18:00:00+02:00", "2026-12-08T19:30:00+02:00")
    assert len(sessions) == 7
    assert a.find("f:price", N).get("free") == "true"
    assert a.find("f:price", N).get("amount") is None
    assert a.find("f:registration", N).get("required") == "true"


def test_text_in_one_language_only_comes_once(http):
    _, doc = fetch(http, {"limit": 1000})
    a = activity(doc, 2)
    assert set(texts(a, "title")) == {"fi"}
    assert set(texts(a, "description")) == {"fi"}


def test_only_published_listings_of_approved_organisations(http, psql):
    _, doc = fetch(http, {"limit": 1000})
    ids = {i for kind, i, _ in items(doc)}
    assert ids == published_ids(psql)
    assert not ids & {900, 901}
    assert all(kind == "a" for kind, _, _ in items(doc)), "no tombstones without updated_since"


def test_items_are_in_time_then_id_order(http):
    _, doc = fetch(http, {"limit": 1000})
    keys = [(t, i) for _, i, t in items(doc)]
    parsed = [(datetime.datetime.fromisoformat(t.replace("Z", "+00:00")), i) for t, i in keys]
    assert parsed == sorted(parsed)


def test_hostile_text_is_escaped_and_well_formed(http, psql, scratch):
    ident = scratch.make(710001, 710001)[0]
    hostile = "<script>alert(1)</script> & \"quotes\" ]]> \u202e"
    psql("UPDATE activity_versions SET title_fi = :'t', description_fi = :'t', "
         "contact_name = :'t' WHERE activity_id = :'id'", t=hostile, id=ident)
    # control characters cannot be stored at all (sql/009_accounts.sql): no feed meets one
    with pytest.raises(RuntimeError, match="activity_versions_title_fi_text"):
        psql("UPDATE activity_versions SET title_fi = :'t' WHERE activity_id = :'id'",
             t="x\x01\x02y", id=ident)
    r, doc = fetch(http, {"limit": 1000})
    a = activity(doc, ident)
    assert texts(a, "title")["fi"] == hostile
    assert a.find("f:contact", N).get("name").startswith("<script>")
    assert b"<script>" not in r.content


# ---- paging ----------------------------------------------------------------------------

def test_full_sync_by_next_returns_every_listing_once(http, psql):
    pages = follow(http, {"limit": 7})
    got = [(k, i) for doc in pages for k, i, _ in items(doc)]
    seen = [i for k, i in got if k == "a"]
    assert len(got) == len({i for _, i in got})
    assert set(seen) == published_ids(psql)
    # deletions only of listings gone in the last minutes (the sync's horizon), never
    # of public ones
    assert not {i for k, i in got if k == "d"} & published_ids(psql)
    assert len(pages) == -(-len(got) // 7)
    assert all(len(items(doc)) == 7 for doc in pages[:-1])
    assert next_url(pages[-1]) is None


def test_exactly_full_last_page_has_no_next(http, psql):
    n = len(published_ids(psql))
    _, doc = fetch(http, {"limit": n})
    assert len(items(doc)) == n and next_url(doc) is None
    _, doc = fetch(http, {"limit": n - 1})
    assert next_url(doc) is not None


def test_next_keeps_the_query_and_limit(http):
    _, doc = fetch(http, {"limit": 5, "updated_since": "2000-01-01T00:00:00+02:00"})
    url = next_url(doc)
    assert "limit=5" in url and "updated_since=2000-01-01T00%3A00%3A00%2B02%3A00" in url
    assert url.count("cursor=") == 1
    _, doc2 = fetch(http, path=url[len(http.base_url):])
    assert next_url(doc2).count("cursor=") == 1
    # the page size may change in the middle of a sync
    _, doc3 = fetch(http, path=url[len(http.base_url):].replace("limit=5", "limit=2"))
    assert items(doc3) == items(doc2)[:2]


def test_sync_stays_consistent_while_listings_change(http, psql, scratch):
    """Listings edited, archived and added between pages: nothing is skipped; an edited
    listing comes again later with its new content; untouched ones come exactly once."""
    ids = scratch.make(720001, 720012)   # the oldest listings: they lead the feed
    before = published_ids(psql)
    touched = {}

    def change(page, doc):
        if page == 1:
            seen_now = {i for _, i, _ in items(doc)}
            assert set(ids[:5]) <= seen_now
            # one already seen, one not yet: both move to the end
            for ident in (ids[1], ids[8]):
                psql("UPDATE activity_versions SET title_fi = 'Muutettu ' || :'id' "
                     "WHERE activity_id = :'id'", id=ident)
                touched[ident] = "Muutettu %d" % ident
            # one not yet seen is archived: it simply is not there any more
            psql("UPDATE activities SET archived_at = now(), state = 'archived' "
                 "WHERE id = :'id'", id=ids[10])
            # and a brand-new listing appears
            scratch.make(720013, 720013)
            psql("UPDATE activities SET updated_at = now() WHERE id = 720013")
        if page == 3:
            psql("UPDATE activities SET updated_at = now() WHERE id = :'id'", id=ids[3])
            touched[ids[3]] = None

    pages = follow(http, {"limit": 5}, between_pages=change)
    seen = [(i, el) for doc in pages for el in doc.findall("f:activity", N)
            for i in [int(el.get("id"))]]
    counts = {}
    for i, _ in seen:
        counts[i] = counts.get(i, 0) + 1
    expected = (before - {ids[10]}) | {720013}
    assert set(counts) >= expected, "skipped: %s" % sorted(expected - set(counts))
    for i in expected:
        if i in touched:
            assert counts[i] in (1, 2), (i, counts[i])
        else:
            assert counts[i] == 1, (i, counts[i])
    assert counts[ids[1]] == 2 and counts[ids[8]] == 1
    last = {i: el for i, el in seen}
    for ident, title in touched.items():
        if title:
            assert texts(last[ident], "title")["fi"] == title


# ---- incremental sync ---------------------------------------------------------------------

def test_incremental_sync_returns_edit_and_tombstone(http, psql, scratch):
    a, b, c = scratch.make(730001, 730003)
    since = newest_change(psql)
    time.sleep(0.01)
    _, doc = fetch(http, {"updated_since": since})
    assert items(doc) == []

    psql("UPDATE activity_versions SET title_fi = 'Uusi nimi' WHERE activity_id = :'id'", id=a)
    psql("UPDATE activities SET archived_at = now(), state = 'archived' WHERE id = :'id'", id=b)
    psql("DELETE FROM activities WHERE id = :'id'", id=c)
    _, doc = fetch(http, {"updated_since": since})
    got = items(doc)
    assert [(k, i) for k, i, _ in got] == [("a", a), ("d", b), ("d", c)]
    assert texts(activity(doc, a), "title")["fi"] == "Uusi nimi"
    for _, _, t in got:
        assert t > since

    # passing the newest time seen gives nothing more
    _, doc = fetch(http, {"updated_since": got[-1][2]})
    assert items(doc) == []

    # published again: back as an activity, the tombstone gone
    psql("UPDATE activities SET archived_at = NULL, state = 'published' WHERE id = :'id'", id=b)
    _, doc = fetch(http, {"updated_since": since})
    assert [(k, i) for k, i, _ in items(doc)] == [("a", a), ("d", c), ("a", b)]


def test_rejecting_an_organisation_tombstones_its_listings(http, psql, scratch):
    org = scratch.org(79001)
    ids = scratch.make(740001, 740002, org=org)
    since = newest_change(psql)
    time.sleep(0.01)
    psql("UPDATE organisations SET status = 'rejected' WHERE id = :'id'", id=org)
    _, doc = fetch(http, {"updated_since": since})
    assert sorted((k, i) for k, i, _ in items(doc)) == [("d", ids[0]), ("d", ids[1])]
    _, doc = fetch(http, {"limit": 1000})
    assert not set(ids) & {i for _, i, _ in items(doc)}

    psql("UPDATE organisations SET name = 'Uusi nimi', status = 'approved' WHERE id = :'id'",
         id=org)
    _, doc = fetch(http, {"updated_since": since})
    got = {i: el for i, el in ((int(e.get("id")), e) for e in doc.findall("f:activity", N))}
    assert set(got) == set(ids)
    assert got[ids[0]].find("f:organisation", N).text == "Uusi nimi"
    assert not doc.findall("f:deleted", N)


def test_renaming_an_organisation_moves_its_listings(http, psql, scratch):
    org = scratch.org(79002)
    ids = scratch.make(750001, 750001, org=org)
    since = newest_change(psql)
    time.sleep(0.01)
    psql("UPDATE organisations SET name = 'Toinen nimi' WHERE id = :'id'", id=org)
    _, doc = fetch(http, {"updated_since": since})
    assert [(k, i) for k, i, _ in items(doc)] == [("a", ids[0])]


def test_incremental_sync_pages_through_tombstones(http, psql, scratch):
    ids = scratch.make(760001, 760009)
    since = newest_change(psql)
    time.sleep(0.01)
    for ident in ids[::2]:
        psql("UPDATE activities SET archived_at = now() WHERE id = :'id'", id=ident)
    for ident in ids[1::2]:
        psql("UPDATE activities SET confirmed_at = now() WHERE id = :'id'", id=ident)
    pages = follow(http, {"updated_since": since, "limit": 2})
    got = [(k, i) for doc in pages for k, i, _ in items(doc)]
    assert len(pages) == 5
    assert sorted(got) == sorted([("d", i) for i in ids[::2]] + [("a", i) for i in ids[1::2]])


# ---- conditional requests ---------------------------------------------------------------

def test_etag_and_304(http):
    r, _ = fetch(http, {"limit": 5})
    etag = r.headers["ETag"]
    r2, _ = fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": etag})
    assert tag(r2) == tag(r)
    fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": 'W/"x", ' + etag})
    fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": "*"})
    fetch(http, {"limit": 5}, status=200, headers={"If-None-Match": '"other"'})
    # another page or another query is another representation
    r3, _ = fetch(http, {"limit": 6})
    assert tag(r3) != tag(r)


def test_if_modified_since(http):
    r, _ = fetch(http, {"limit": 5})
    # a date in the current second is not trusted: a change may still come within it
    time.sleep(max(0.0, 1.05 - (time.time() % 1)))
    lm = r.headers["Last-Modified"]
    fetch(http, {"limit": 5}, status=304, headers={"If-Modified-Since": lm})
    fetch(http, {"limit": 5}, status=200,
          headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    # If-None-Match wins over If-Modified-Since
    fetch(http, {"limit": 5}, status=200,
          headers={"If-Modified-Since": lm, "If-None-Match": '"other"'})


@pytest.mark.parametrize("how", ["incremental", "by cursor"])
def test_etag_changes_with_the_page_and_only_then(http, psql, scratch, how):
    ids = scratch.make(770001, 770010)   # the oldest: the first pages are theirs
    if how == "incremental":
        params = {"limit": 4, "updated_since": "2019-01-01T00:00:00Z"}
    else:
        # the page after the first: the cursor fixes its start and its horizon
        _, doc = fetch(http, {"limit": 2})
        assert [i for _, i, _ in items(doc)] == ids[:2]
        params = {"limit": 4, "cursor": next_url(doc).split("cursor=")[1]}
    first, doc = fetch(http, params)
    assert [i for _, i, _ in items(doc)][:2] == (ids[:2] if how == "incremental" else ids[2:4])
    whole, _ = fetch(http, {"limit": 1000})

    # a change to a listing outside the page: the page stays the same
    psql("UPDATE activity_versions SET title_fi = 'x' WHERE activity_id = :'id'", id=ids[8])
    fetch(http, params, status=304, headers={"If-None-Match": first.headers["ETag"]})
    # but the whole list has changed
    r = http.get(FEED, params={"limit": 1000}, headers={"If-None-Match": whole.headers["ETag"]})
    assert r.status_code == 200
    validate(r.content)

    # a change on the page: a new tag
    psql("UPDATE activity_versions SET title_fi = 'y' WHERE activity_id = :'id'", id=ids[3])
    r, _ = fetch(http, params, headers={"If-None-Match": first.headers["ETag"]})
    assert tag(r) != tag(first)


def test_first_page_of_a_full_sync_has_the_tag_of_the_newest_change(http, psql, scratch):
    """Its <next> carries the sync's horizon, the newest change it saw: any change
    anywhere is a new representation.  Without a <next> there is nothing to carry."""
    ids = scratch.make(771001, 771004)
    first, _ = fetch(http, {"limit": 2})
    fetch(http, {"limit": 2}, status=304, headers={"If-None-Match": first.headers["ETag"]})
    whole, doc = fetch(http, {"limit": 1000})
    assert next_url(doc) is None
    psql("UPDATE activities SET updated_at = now() WHERE id = :'id'", id=ids[3])
    r, _ = fetch(http, {"limit": 2}, headers={"If-None-Match": first.headers["ETag"]})
    assert tag(r) != tag(first)


def test_gzip_and_its_etag(http):
    r = http.get(FEED, params={"limit": 50}, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.headers.get("Content-Encoding") == "gzip"
    validate(gzip.decompress(raw))
    etag = r.headers["ETag"]
    assert etag.endswith('-gzip"'), "mod_deflate marks the compressed variant"
    r2 = http.get(FEED, params={"limit": 50},
                  headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert r2.status_code == 304


def test_head_has_the_headers_and_no_body(http):
    r, _ = fetch(http, {"limit": 5})
    h = http.head(FEED, params={"limit": 5})
    assert h.status_code == 200 and h.content == b""
    assert tag(h) == tag(r)
    assert h.headers["Content-Type"] == "application/xml; charset=utf-8"


# ---- bad parameters ------------------------------------------------------------------------

def bad(http, query, param, reason=None):
    r = http.get(FEED + "?" + query)
    assert r.status_code == 400, (query, r.status_code, r.text[:300])
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert r.headers["Cache-Control"] == "no-store"
    doc = validate(r.content)
    assert doc.tag == "{%s}error" % NS
    assert doc.get("status") == "400"
    assert doc.get("param") == param, (query, doc.get("param"))
    if reason:
        assert doc.get("reason") == reason, (query, doc.get("reason"))
    assert doc.text


@pytest.mark.parametrize("query,reason", [
    ("limit=0", "out-of-range"), ("limit=1001", "out-of-range"), ("limit=-1", "bad-value"),
    ("limit=abc", "bad-value"), ("limit=1.5", "bad-value"), ("limit=1e3", "bad-value"),
    ("limit=99999999999999999999", "out-of-range"), ("limit=5&limit=6", "repeated"),
])
def test_bad_limit(http, query, reason):
    bad(http, query, "limit", reason)


@pytest.mark.parametrize("value", [
    "yesterday", "2026-11-20", "2026-11-20T10:00:00", "2026-02-30T00:00:00Z",
    "2026-11-20T25:00:00Z", "20261120T100000Z", "2026-11-20T10:00:00+0200",
])
def test_bad_updated_since(http, value):
    bad(http, "updated_since=" + requests.utils.quote(value, safe=""), "updated_since",
        "bad-value")


def test_unescaped_plus_in_updated_since_is_understood(http):
    # a client that forgot to escape '+' sends a space; the offset can only mean '+'
    r = http.get(FEED + "?updated_since=2026-01-01T00:00:00+02:00")
    assert r.status_code == 200
    validate(r.content)


@pytest.mark.parametrize("query", ["foo=1", "sort=title", "page=2", "cursor2=x", "LIMIT=5"])
def test_unknown_parameters(http, query):
    bad(http, query, query.split("=")[0], "unknown-param")


def test_bad_cursors(http):
    _, doc = fetch(http, {"limit": 3})
    cursor = next_url(doc).split("cursor=")[1]
    bad(http, "cursor=nonsense", "cursor", "malformed")
    bad(http, "cursor=" + cursor[:-1], "cursor", "malformed")
    # one character changed anywhere: refused
    for pos in (0, 5, 20, 40, len(cursor) - 2):
        c = "A" if cursor[pos] != "A" else "B"
        tampered = cursor[:pos] + c + cursor[pos + 1:]
        r = http.get(FEED + "?limit=3&cursor=" + tampered)
        assert r.status_code == 400
        assert validate(r.content).get("reason") in ("forged", "malformed")
    # a genuine cursor carried over to other parameters
    bad(http, "limit=3&updated_since=2020-01-01T00:00:00Z&cursor=" + cursor, "cursor",
        "other-query")
    # and the genuine one still works, with any limit
    fetch(http, {"limit": 9, "cursor": cursor})


def test_bad_encoding_is_400_not_500(http):
    for query in ("limit=%zz", "limit=%00", "updated_since=%ff%fe"):
        r = http.get(FEED + "?" + query)
        assert r.status_code == 400, query
        validate(r.content)


def test_methods(http):
    r = http.post(FEED, data="x")
    assert r.status_code == 405
    assert "GET" in r.headers["Allow"]


# ---- the schema ---------------------------------------------------------------------------

def test_schema_files_are_served(http):
    from feedlib import XSD_DIR
    for name in ("activities.xsd", "xml.xsd"):
        r = http.get("/feed/" + name)
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
        assert r.content == (XSD_DIR / name).read_bytes()
        r2 = http.get("/feed/" + name, headers={"If-None-Match": r.headers["ETag"]})
        assert r2.status_code == 304
    assert http.get("/feed/nothing.xsd").status_code == 404
    assert http.get("/feed/").status_code == 404
