"""The jobs' partner feed, GET /feed/jobs.xml (FEED.md): the contract the activity and event feeds
keep, on the same machinery — every answer valid against /feed/jobs.xsd (namespace
urn:kotoutuminen:feed:jobs:1), the list page's filters, keyset pages through <next>, updated_since
with <deleted> (archived, edited out of a filter, closed at the deadline: test_jobs_flow.py),
ETag and 304, the limits and the 400s."""
import pathlib

import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_jobs import JobWorkspace

ROOT = pathlib.Path(__file__).resolve().parents[2]
XSD = ROOT / "xslt" / "feed" / "jobs.xsd"
NS = "urn:kotoutuminen:feed:jobs:1"
N = {"f": NS, "xs": "http://www.w3.org/2001/XMLSchema"}
FEED = "/feed/jobs.xml"
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
    return [("a" if el.tag == "{%s}job" % NS else "d", int(el.get("id")))
            for el in doc if el.tag in ("{%s}job" % NS, "{%s}deleted" % NS)]


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
    w = JobWorkspace(base_url)
    yield w
    w.cleanup()


def test_the_schema_is_served_and_its_vocabularies_are_the_databases(http, psql):
    r = http.get("/feed/jobs.xsd")
    assert r.status_code == 200 and r.content == XSD.read_bytes()
    doc = etree.parse(str(XSD))
    for type_name, table in (("jobType", "job_types"), ("organisationType", "organisation_types")):
        codes = [row[0] for row in psql("SELECT code FROM %s ORDER BY position" % table)]
        assert doc.xpath("//xs:simpleType[@name=$n]//xs:enumeration/@value", namespaces=N,
                         n=type_name) == codes


def test_every_open_job_once_through_the_pages(http, psql):
    got, pages = all_pages(http, {"limit": 2})
    public = {int(r[0]) for r in psql("SELECT id FROM public_jobs")}
    assert len(got) == len({i for _, i in got})
    assert {i for k, i in got if k == "a"} == public
    assert {1, 2, 3, 4, 5, 6} <= public and not {900, 901, 902} & public
    assert pages >= (len(public) + 1) // 2
    _, doc = fetch(http, {"limit": 1000})
    one = doc.xpath("f:job[@id='1']", namespaces=N)[0]
    assert one.find("{%s}type" % NS).get("code") == "permanent"
    assert one.find("{%s}hours" % NS).get("per-week") == "37.5"
    deadline = one.find("{%s}deadline" % NS)
    assert deadline.get("time") == "16:00" and deadline.get("closes").endswith("Z")
    assert one.find("{%s}apply" % NS).get("href").startswith("https://")
    assert one.find("{%s}organisation" % NS).get("business-id") == "9010007-1"
    four = doc.xpath("f:job[@id='4']", namespaces=N)[0]
    assert four.find("{%s}place" % NS).get("remote") == "true"


def test_the_list_pages_filters(http):
    def ids(**params):
        return {i for k, i in items(fetch(http, dict(params, limit=1000))[1]) if k == "a"}
    assert ids(type="volunteer") >= {5, 6} and not ids(type="volunteer") & {1, 2, 3, 4}
    assert {4, 6} <= ids(remote="1") and not ids(remote="1") & {1, 2, 3, 5}
    assert {1, 4, 6} <= ids(municipality="091") and not ids(municipality="091") & {2, 3, 5}
    assert 5 in ids(q="läksykerho")


@pytest.mark.parametrize("params,param,reason", [
    ({"page": "2"}, "page", "unknown-param"),
    ({"past": "1"}, "past", "unknown-param"),
    ({"sort": "title"}, "sort", "unknown-param"),
    ({"type": "gig"}, "type", "unknown-value"),
    ({"remote": "yes"}, "remote", "unknown-value"),
    ({"limit": "0"}, "limit", "out-of-range"),
    ({"limit": "x"}, "limit", "bad-value"),
    ({"updated_since": "yesterday"}, "updated_since", "bad-value"),
    ({"cursor": "AAAA"}, "cursor", "malformed"),
])
def test_400s_in_the_schemas_error(http, params, param, reason):
    r = http.get(FEED, params=params)
    assert r.status_code == 400
    doc = etree.fromstring(r.content)
    assert SCHEMA.validate(doc), SCHEMA.error_log
    assert doc.tag == "{%s}error" % NS
    assert (doc.get("param"), doc.get("reason")) == (param, reason)


def test_a_cursor_belongs_to_its_query(http):
    _, doc = fetch(http, {"limit": 1, "type": "volunteer"})
    cursor = doc.findtext("{%s}next" % NS).split("cursor=")[1]
    r = http.get(FEED, params={"limit": 1, "type": "permanent", "cursor": cursor})
    assert r.status_code == 400 and etree.fromstring(r.content).get("reason") == "other-query"
    forged = cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BA")
    assert http.get(FEED, params={"limit": 1, "type": "volunteer",
                                  "cursor": forged}).status_code == 400


def test_etag_304_and_head(http):
    r, _ = fetch(http, {"limit": 5})
    fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": r.headers["ETag"]})
    fetch(http, {"limit": 5}, status=200, headers={"If-None-Match": '"other"'})
    assert fetch(http, {"limit": 6})[0].headers["ETag"] != r.headers["ETag"]
    h = http.head(FEED, params={"limit": 5})
    assert h.status_code == 200 and h.content == b""
    assert http.get("/feed/events.xml", params={"limit": 5}).headers["ETag"] != r.headers["ETag"]


def test_incremental_sync_with_deletions(ws, http):
    since = run_psql_value("SELECT kt_feed_time(now())")
    jid = int(ws.publish(title_fi="Syötteen työpaikka", municipality="853"))
    assert ("a", jid) in items(fetch(http, {"updated_since": since, "limit": 1000})[1])
    # a partner mirroring Turku's jobs: moved to Tampere, it is gone from that copy
    filtered_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE job_versions SET municipality_code = '837' WHERE job_id = :'i'", i=jid)
    got = items(fetch(http, {"updated_since": filtered_since, "municipality": "853",
                             "limit": 1000})[1])
    assert ("d", jid) in got
    # archived: a deletion for everyone, never both kinds of item for one id
    archived_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE jobs SET archived_at = now() WHERE id = :'i'", i=jid)
    got = items(fetch(http, {"updated_since": archived_since, "limit": 1000})[1])
    assert ("d", jid) in got and ("a", jid) not in got
    # a sync begun without updated_since announces no deletions on its first page
    first = items(fetch(http, {"limit": 1000})[1])
    assert all(k == "a" for k, _ in first)
