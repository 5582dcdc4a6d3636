"""The events' partner feed, GET /feed/events.xml, beyond what every kind's feed keeps
(test_kinds_feed.py): what the demo events say in it, the list page's filters, and
/feed/events.atom."""
import pathlib

from lxml import etree

from feedlib import EVENTS as FEED

ATOM = "http://www.w3.org/2005/Atom"
RNG = etree.RelaxNG(etree.parse(str(pathlib.Path(__file__).parent / "schemas" / "atom.rng")))


def test_what_the_demo_events_say(http):
    _, doc = FEED.fetch(http, {"limit": 1000})
    # the public version of an event whose edit waits (10): its first title
    ten = doc.xpath("f:event[@id='10']", namespaces=FEED.n)[0]
    assert ten.findtext(FEED.tag("title")) == "Kielikerhon vetäjän iltakoulu"
    one = doc.xpath("f:event[@id='1']", namespaces=FEED.n)[0]
    assert one.find(FEED.tag("type")).get("code") == "seminar"
    assert one.find(FEED.tag("time")).get("start").endswith(("+02:00", "+03:00"))
    assert one.find(FEED.tag("project")).get("id") == "26"


def test_the_list_pages_filters(http):
    def ids(**params):
        return {i for k, i in FEED.items(FEED.fetch(http, dict(params, limit=1000))[1])
                if k == "a"}
    assert ids(type="webinar") == {8, 14, 31}
    assert ids(municipality="837") == {4, 8, 12, 14, 30, 31}
    assert ids(online="1") == {8, 12, 14, 31}
    assert 5 not in ids(free="1") and 4 in ids(free="1")
    assert ids(q="järjestötori") >= {2, 3, 11}


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
