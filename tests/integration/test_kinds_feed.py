"""The partner feeds of the other kinds, GET /feed/events.xml and /feed/jobs.xml (FEED.md,
"Other kinds of listing"): the contract the activity feed keeps, on the same machinery, once
for each kind — the schema served as it is in the tree, its vocabularies the database's; every
answer valid against it; every public item once through the pages of <next>; the 400s in the
schema's error; a cursor bound to its query; ETag, 304 and HEAD; updated_since with <deleted>
(archived, and edited out of a filter).  What a kind's feed says of its demo items, its
filters and the rest: test_events_feed.py, test_jobs_feed.py."""
import pytest
from lxml import etree

import feedlib
from conftest import run_psql, run_psql_value
from kt_events import EventWorkspace
from kt_jobs import JobWorkspace


class Spec:
    def __init__(self, feed, workspace, public, vocabularies, bad, cursor):
        self.feed = feed
        self.workspace = workspace
        self.public = public                 # (a page's limit, demo ids public, demo ids not)
        self.vocabularies = vocabularies     # (the schema's type, the table of its codes)
        self.bad = bad                       # the kind's own 400s: (params, param, reason)
        self.cursor = cursor                 # (limit, a query with a next page, another query)


KINDS = {
    "event": Spec(feedlib.EVENTS, EventWorkspace, (3, {1, 2, 3, 30, 31}, {900, 901, 902}),
                  (("eventType", "event_types"), ("audienceCode", "event_audiences"),
                   ("organisationType", "organisation_types")),
                  (({"type": "party"}, "type", "unknown-value"),
                   ({"from": "2027-13-01"}, "from", "unknown-value")),
                  (2, {"type": "webinar"}, {"type": "seminar"})),
    "job": Spec(feedlib.JOBS, JobWorkspace, (2, {1, 2, 3, 4, 5, 6}, {900, 901, 902}),
                (("jobType", "job_types"), ("organisationType", "organisation_types")),
                (({"type": "gig"}, "type", "unknown-value"),
                 ({"remote": "yes"}, "remote", "unknown-value")),
                (1, {"type": "volunteer"}, {"type": "permanent"})),
}

# What every feed refuses in the same words.
BAD = [
    ({"page": "2"}, "page", "unknown-param"),
    ({"past": "1"}, "past", "unknown-param"),
    ({"sort": "title"}, "sort", "unknown-param"),
    ({"limit": "0"}, "limit", "out-of-range"),
    ({"limit": "x"}, "limit", "bad-value"),
    ({"updated_since": "yesterday"}, "updated_since", "bad-value"),
    ({"cursor": "AAAA"}, "cursor", "malformed"),
]


@pytest.fixture(params=list(KINDS))
def spec(request):
    return KINDS[request.param]


@pytest.fixture
def ws(spec, base_url):
    w = spec.workspace(base_url)
    yield w
    w.cleanup()


def test_the_schema_is_served_and_its_vocabularies_are_the_databases(spec, http, psql):
    feed = spec.feed
    r = http.get(feed.path.replace(".xml", ".xsd"))
    assert r.status_code == 200 and r.content == feed.xsd.read_bytes()
    doc = etree.parse(str(feed.xsd))
    for type_name, table in spec.vocabularies:
        codes = [row[0] for row in psql("SELECT code FROM %s ORDER BY position" % table)]
        assert doc.xpath("//xs:simpleType[@name=$n]//xs:enumeration/@value", namespaces=feed.n,
                         n=type_name) == codes


def test_every_public_item_once_through_the_pages(spec, http, psql):
    limit, shown, hidden = spec.public
    got, pages = spec.feed.all_pages(http, {"limit": limit})
    public = {int(r[0]) for r in psql("SELECT id FROM public_%s" % spec.workspace.kind.plural)}
    assert len(got) == len({i for _, i in got})                  # each id once
    assert {i for k, i in got if k == "a"} == public
    assert shown <= public and not hidden & public
    # deletions made in the last minutes by other tests may add pages, never remove any
    assert pages >= (len(public) + limit - 1) // limit


@pytest.mark.parametrize("kind,params,param,reason",
                         [(k, *bad) for k in KINDS for bad in BAD + list(KINDS[k].bad)])
def test_400s_in_the_schemas_error(http, kind, params, param, reason):
    feed = KINDS[kind].feed
    r = http.get(feed.path, params=params)
    assert r.status_code == 400
    doc = feed.validate(r.content)
    assert doc.tag == feed.tag("error")
    assert (doc.get("param"), doc.get("reason")) == (param, reason)


def test_a_cursor_belongs_to_its_query(spec, http):
    feed, (limit, query, other) = spec.feed, spec.cursor
    _, doc = feed.fetch(http, dict(query, limit=limit))
    cursor = doc.findtext(feed.tag("next")).split("cursor=")[1]
    r = http.get(feed.path, params=dict(other, limit=limit, cursor=cursor))
    assert r.status_code == 400 and etree.fromstring(r.content).get("reason") == "other-query"
    forged = cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BA")
    assert http.get(feed.path, params=dict(query, limit=limit,
                                           cursor=forged)).status_code == 400


def test_etag_304_and_head(spec, http):
    feed = spec.feed
    r, _ = feed.fetch(http, {"limit": 5})
    feed.fetch(http, {"limit": 5}, status=304, headers={"If-None-Match": r.headers["ETag"]})
    feed.fetch(http, {"limit": 5}, status=200, headers={"If-None-Match": '"other"'})
    assert feed.fetch(http, {"limit": 6})[0].headers["ETag"] != r.headers["ETag"]
    h = http.head(feed.path, params={"limit": 5})
    assert h.status_code == 200 and h.content == b""
    # mod_deflate marks the compressed GET's tag
    assert h.headers["ETag"].replace('-gzip"', '"') == r.headers["ETag"].replace('-gzip"', '"')
    # another feed's tag of the same parameters is another one
    for other in ("/feed/activities.xml", "/feed/events.xml", "/feed/jobs.xml"):
        if other != feed.path:
            assert http.get(other, params={"limit": 5}).headers["ETag"] != r.headers["ETag"]


def test_incremental_sync_with_deletions(spec, ws, http):
    feed, kind = spec.feed, ws.kind
    since = run_psql_value("SELECT kt_feed_time(now())")
    lid = int(ws.publish(title_fi="Syötteen kohde", municipality="853"))
    assert ("a", lid) in feed.items(feed.fetch(http, {"updated_since": since, "limit": 1000})[1])
    # a partner mirroring Turku's items: moved to Tampere, it is gone from that copy
    filtered_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE %s_versions SET municipality_code = '837' WHERE %s_id = :'i'"
             % (kind.name, kind.name), i=lid)
    got = feed.items(feed.fetch(http, {"updated_since": filtered_since, "municipality": "853",
                                       "limit": 1000})[1])
    assert ("d", lid) in got
    # archived: a deletion for everyone, and never both kinds of item for one id
    archived_since = run_psql_value("SELECT kt_feed_time(now())")
    run_psql("UPDATE %s SET archived_at = now() WHERE id = :'i'" % kind.plural, i=lid)
    got = feed.items(feed.fetch(http, {"updated_since": archived_since, "limit": 1000})[1])
    assert ("d", lid) in got and ("a", lid) not in got
    assert ws.state(lid)[0] == "archived"
    # a sync begun without updated_since announces no deletions on its first page
    assert all(k == "a" for k, _ in feed.items(feed.fetch(http, {"limit": 1000})[1]))
