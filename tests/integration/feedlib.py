"""Helpers for the partner-feed tests: the schema, fetching and checking a page,
following <next>, and scratch listings that a test may change freely; KindFeed the same for
the feeds of the other kinds (events, jobs).

Every feed answer a test reads goes through `fetch`, which validates it against
the schema the server serves (xslt/feed/activities.xsd, or the kind's): FEED.md promises that
every response validates."""
import pathlib

from lxml import etree

ROOT = pathlib.Path(__file__).resolve().parents[2]
XSD_DIR = ROOT / "xslt" / "feed"
NS = "urn:kotoutuminen:feed:1"
N = {"f": NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED = "/feed/activities.xml"


class KindFeed:
    """A kind's partner feed: /feed/PLURAL.xml, valid against /feed/PLURAL.xsd, in the
    namespace urn:kotoutuminen:feed:PLURAL:1 (FEED.md, "Other kinds of listing"; the
    activities' own is older), its items ITEM and <deleted>."""

    def __init__(self, plural, item, ns=None):
        self.path = "/feed/%s.xml" % plural
        self.xsd = XSD_DIR / ("%s.xsd" % plural)
        self.ns = ns or "urn:kotoutuminen:feed:%s:1" % plural
        self.n = {"f": self.ns, "xs": "http://www.w3.org/2001/XMLSchema"}
        self.item = item
        self.schema = etree.XMLSchema(etree.parse(str(self.xsd),
                                                  etree.XMLParser(no_network=True)))

    def tag(self, name):
        return "{%s}%s" % (self.ns, name)

    def validate(self, content):
        """Parse and validate against the feed's schema; the root element."""
        doc = etree.fromstring(content)
        assert self.schema.validate(doc), "invalid against %s: %s\n%s" % (
            self.xsd.name, self.schema.error_log, content[:2000].decode("utf-8", "replace"))
        return doc

    def fetch(self, http, params=None, status=200, headers=None, path=None):
        """GET the feed (or path, a <next>); checks status, content type and the schema.
        (response, root)."""
        r = http.get(path or self.path, params=params, headers=headers or {})
        assert r.status_code == status, (r.status_code, r.text[:1000])
        if status == 304:
            assert r.content == b""
            return r, None
        assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
        return r, self.validate(r.content)

    def items(self, doc):
        """[("a"|"d", id)] in document order."""
        return [("a" if el.tag == self.tag(self.item) else "d", int(el.get("id")))
                for el in doc if el.tag in (self.tag(self.item), self.tag("deleted"))]

    def all_pages(self, http, params):
        """Every item of a whole sync (the first page with params, then every <next>), and
        the number of pages."""
        _, doc = self.fetch(http, params)
        out, pages = self.items(doc), 1
        while doc.find(self.tag("next")) is not None:
            r = http.get(doc.findtext(self.tag("next")))
            assert r.status_code == 200
            doc = self.validate(r.content)
            out += self.items(doc)
            pages += 1
        return out, pages


ACTIVITIES = KindFeed("activities", "activity", NS)
EVENTS = KindFeed("events", "event")
JOBS = KindFeed("jobs", "job")


def schema():
    return ACTIVITIES.schema


validate = ACTIVITIES.validate
fetch = ACTIVITIES.fetch


def items(doc):
    """[("a"|"d", id, time)] in document order."""
    out = []
    for el in doc:
        if el.tag == "{%s}activity" % NS:
            out.append(("a", int(el.get("id")), el.get("updated")))
        elif el.tag == "{%s}deleted" % NS:
            out.append(("d", int(el.get("id")), el.get("at")))
    return out


def activity(doc, ident):
    found = doc.xpath("f:activity[@id=$id]", namespaces=N, id=str(ident))
    return found[0] if found else None


def next_url(doc):
    n = doc.find("f:next", N)
    return n.text if n is not None else None


def follow(http, params, between_pages=None, max_pages=1000):
    """A whole sync: the first page with params, then every <next>.  Calls
    between_pages(page_number, doc) after each page.  Returns the pages' roots."""
    pages = []
    _, doc = fetch(http, params)
    while True:
        pages.append(doc)
        if between_pages:
            between_pages(len(pages), doc)
        url = next_url(doc)
        if not url:
            return pages
        assert len(pages) < max_pages, "no end to <next>"
        assert url.startswith(http.base_url + FEED + "?")
        _, doc = fetch(http, path=url[len(http.base_url):])


def published_ids(psql):
    return {int(r[0]) for r in psql("SELECT id FROM public_activities")}


# Scratch listings: copies of demo activity 1's published version under ids of the
# test's own, with explicit old updated_at values (so that their place in the feed's
# order is known) and an old published_at (so that they never show on the front page).
_MAKE = """
BEGIN;
INSERT INTO activities (id, organisation_id, state, published_version, latest_version,
                        created_at, updated_at, published_at, confirmed_at)
SELECT g, :'org', 'published', 1, 1, timestamptz '2020-01-01',
       timestamptz '2020-01-01' + (g - :'lo') * interval '1 minute',
       timestamptz '2020-01-01', timestamptz '2020-01-01'
  FROM generate_series(:'lo'::bigint, :'hi'::bigint) g;
INSERT INTO activity_versions (activity_id, version, created_at, title_fi, title_sv, title_en,
       description_fi, forms, themes, targets, languages, municipality_code, is_online,
       is_nationwide, street_address, postal_code, post_office, start_date, end_date, price_eur,
       registration, contact_name, contact_email, url)
SELECT g, 1, timestamptz '2020-01-01', 'Testi ' || g, 'Test ' || g, NULL,
       v.description_fi, v.forms, v.themes, v.targets, v.languages, v.municipality_code,
       v.is_online, v.is_nationwide, v.street_address, v.postal_code, v.post_office,
       v.start_date, v.end_date, v.price_eur, v.registration, v.contact_name, v.contact_email,
       v.url
  FROM generate_series(:'lo'::bigint, :'hi'::bigint) g
  JOIN activity_versions v ON v.activity_id = 1 AND v.version = 1;
INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends)
SELECT g, 1, 1, 3, '18:00', '19:30' FROM generate_series(:'lo'::bigint, :'hi'::bigint) g;
COMMIT;
"""


class Scratch:
    """Scratch listings lo..hi of organisation `org`; removed by the fixture afterwards."""

    def __init__(self, psql):
        self.psql = psql
        self.ranges = []
        self.orgs = []

    def make(self, lo, hi, org=1):
        self.ranges.append((lo, hi))
        self.psql(_MAKE, lo=lo, hi=hi, org=org)
        return list(range(lo, hi + 1))

    def org(self, org_id):
        """An approved organisation of the test's own."""
        self.orgs.append(org_id)
        self.psql("INSERT INTO organisations (id, name, type, status, approved_at) "
                  "VALUES (:'id', 'Testiyhdistys ' || :'id', 'association', 'approved', now())",
                  id=org_id)
        return org_id

    def cleanup(self):
        for lo, hi in self.ranges:
            self.psql("DELETE FROM activities WHERE id BETWEEN :'lo' AND :'hi'", lo=lo, hi=hi)
        for org_id in self.orgs:
            self.psql("DELETE FROM organisations WHERE id = :'id'", id=org_id)
