"""The events' partner feed, GET /feed/events.xml (FEED.md, "Other kinds of listing"): the whole
contract the activity feed keeps, on the same machinery — every answer valid against
/feed/events.xsd (namespace urn:kotoutuminen:feed:events:1), the list page's filters, keyset
pages through <next>, updated_since with <deleted> (archived, and edited out of a filter),
ETag and 304, the limits and the 400s; and /feed/events.atom."""
import pathlib

import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_events import EventWorkspace

ROOT = pathlib.Path(__file__).resolve().parents[2]
XSD = ROOT / "xslt" / "feed" / "events.xsd"
NS = "urn:kotoutuminen:feed:events:1"
N = {"f": NS, "xs": "http://www.w3.org/2001/XMLSchema"}
FEED = "/feed/events.xml"
ATOM = "http://www.w3.org/2005/Atom"
RNG = etree.RelaxNG(etree.parse(str(pathlib.Path(__file__).parent / "schemas" / "atom.rng")))
SCHEMA = etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True)))


def fetch(http, params=None, status=200, headers=None):
    r = http.get(FEED, params=params, headers=headers or {})
    assert r.status_code == status, (r.status_code, r.text[:800])
    if status == 304:
        assert r.content == b""
        return r, None
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    doc = etree.fromstring(r.content)
    assert SCHEMA.validate(doc), (SCHEMA.error_log, r.text[:1500])
    return r, doc


def items(doc):
    return [("a" if el.tag == "{%s}event" % NS else "d", int(el.get("id")))
            for el in doc if el.tag in ("{%s}event" % NS, "{%s}deleted" % NS)]


def all_pages(http, params):
    out, r, doc = [], *fetch(http, params)
    out += items(doc)
    pages = 1
    while doc.find("{%s}next" % NS) is not None:
        r = http.get(doc.findtext("{%s}next" % NS))
        assert r.status_code == 200
        doc = etree.fromstring(r.content)
        assert SCHEMA.validate(doc), SCHEMA.error_log
        out += items(doc)
        pages += 1
    return out, pages


@pytest.fixture
def ws(base_url):
    w = EventWorkspace(base_url)
    yield w
    w.cleanup()


def test_the_schema_is_served_and_its_vocabularies_are_the_databases(http, psql):
    r = http.get("/feed/events.xsd")
    assert r.status_code == 200 and r.content == XSD.read_bytes()
    doc = etree.parse(str(XSD))
    for type_name, table in (("eventType", "event_types"), ("audienceCode", "event_audiences"),
                             ("organisationType", "organisation_types")):
        codes = [row[0] for row in psql("SELECT code FROM %s ORDER BY position" % table)]
        assert doc.xpath("//xs:simpleType[@name=$n]//xs:enumeration/@value", namespaces=N,
                         n=type_name) == codes


def test_every_public_event_once_through_the_pages(http, psql):
    got, pages = all_pages(http, {"limit": 3})
    public = {int(r[0]) for r in psql("SELECT id FROM public_events")}
    assert len(got) == len({i for _, i in got})                  # each id once
    assert {i for k, i in got if k == "a"} == public
    assert {1, 2, 3, 30, 31} <= public and not {900, 901, 902} & public
    # deletions made in the last minutes by other tests may add pages, never remove any
    assert pages >= (len(public) + 2) // 3
    # the public version of an event whose edit waits (10): its first title
    _, doc = fetch(http, {"limit": 1000})
    ten = doc.xpath("f:event[@id='10']", namespaces=N)[0]
    assert ten.findtext("{%s}title" % NS) == "Kielikerhon vetäjän iltakoulu"
    one = doc.xpath("f:event[@id='1']", namespaces=N)[0]
    assert one.find("{%s}type" % NS).get("code") == "seminar"
    assert one.find("{%s}time" % NS).get("start").endswith(("+02:00", "+03:00"))
    assert one.find("{%s}project" % NS).get("id") == "26"


def test_the_list_pages_filters(http):
    def ids(**params):
        return {i for k, i in items(fetch(http, dict(params, limit=1000))[1]) if k == "a"}
    assert ids(type="webinar") == {8, 14, 31}
    assert ids(municipality="837") == {4, 8, 12, 14, 30, 31}
    assert ids(online="1") == {8, 12, 14, 31}
    assert 5 not in ids(free="1") and 4 in ids(free="1")
    assert ids(q="järjestötori") >= {2, 3, 11}


@pytest.mark.parametrize("params,param,reason", [
    ({"past": "1"}, "past", "unknown-param"),
    ({"page": "2"}, "page", "unknown-param"),
    ({"sort": "title"}, "sort", "unknown-param"),
    ({"type": "party"}, "type", "unknown-value"),
    ({"limit": "0"}, "limit", "out-of-range"),
    ({"limit": "x"}, "limit", "bad-value"),
    ({"updated_since": "yesterday"}, "updated_since", "bad-value"),
    ({"cursor": "AAAA"}, "cursor", "malformed"),
    ({"from": "2027-13-01"}, "from", "unknown-value"),
])
def test_400s_in_the_schemas_error(http, params, param, reason):
    r = http.get(FEED, params=params)
    assert r.status_code == 400
    doc = etree.fromstring(r.content)
    assert SCHEMA.validate(doc), SCHEMA.error_log
    assert doc.tag == "{%s}error" % NS
    assert (doc.get("param"), doc.get("reason")) == (param, reason)


def test_a_cursor_belongs_to_its_query(http):
    _, doc = fetch(http, {"limit": 2, "type": "webinar"})
    nxt = doc.findtext("{%s}next" % NS)
    cursor = nxt.split("cursor=")[1]
    r = http.get(FEED, params={"limit": 2, "type": "seminar", "cursor": cursor})
    assert r.status_code == 400 and etree.fromstring(r.content).get("reason") == "other-query"
    forged = cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BA")
    r = http.get(FEED, params={"limit": 2, "type": "webinar", "cursor": forged})
    assert r.status_code == 400


def test_etag_304_and_head(http):
    r, _ = fetch(http, {"limit": 5})
    fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": r.headers["ETag"]})
    fetch(http, {"limit": 5}, status=200, headers={"If-None-Match": '"other"'})
    r2, _ = fetch(http, {"limit": 6})
    assert r2.headers["ETag"] != r.headers["ETag"]
    h = http.head(FEED, params={"limit": 5})
    assert h.status_code == 200 and h.content == b""
    # mod_deflate marks the compressed GET's tag
    assert h.headers["ETag"].replace('-gzip"', '"') == r.headers["ETag"].replace('-gzip"', '"')
    # the activity feed's tag of the same parameters is another one
    assert http.get("/feed/activities.xml", params={"limit": 5}).headers["ETag"] != r.headers["ETag"]


def test_incremental_sync_with_deletions(ws, http):
    since = run_psql_value("SELECT kt_feed_time(now())")
    eid = int(ws.publish(title_fi="Syötteen seminaari", municipality="853"))
    got = items(fetch(http, {"updated_since": since, "limit": 1000})[1])
    assert ("a", eid) in got
    # a partner mirroring Turku's events: moved to Tampere, it is gone from that copy
    filtered_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE event_versions SET municipality_code = '837' WHERE event_id = :'i'", i=eid)
    got = items(fetch(http, {"updated_since": filtered_since, "municipality": "853",
                             "limit": 1000})[1])
    assert ("d", eid) in got
    # archived: a tombstone for everyone, and never both kinds of item for one id
    archived_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE events SET archived_at = now() WHERE id = :'i'", i=eid)
    got = items(fetch(http, {"updated_since": archived_since, "limit": 1000})[1])
    assert ("d", eid) in got and ("a", eid) not in got
    assert run_psql_value("SELECT state FROM events WHERE id = :'i'", i=eid) == "archived"


def test_atom_of_the_newest_events(http, base_url):
    for lang in ("fi", "sv", "en"):
        r = http.get("/feed/events.atom", params={"lang": lang})
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
        doc = etree.fromstring(r.content)
        assert RNG.validate(doc), RNG.error_log
        entries = doc.findall("{%s}entry" % ATOM)
        assert entries
        for e in entries:
            assert e.findtext("{%s}id" % ATOM).startswith("%s/%s/events/" % (base_url, lang))
        r2 = http.get("/feed/events.atom", params={"lang": lang},
                      headers={"If-None-Match": r.headers["ETag"]})
        assert r2.status_code == 304
    assert http.get("/feed/events.atom", params={"lang": "de"}).status_code == 400
