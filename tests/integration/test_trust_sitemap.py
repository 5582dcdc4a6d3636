"""/sitemap.xml and /robots.txt (issue 14): every public page in every language with its
alternates, nothing else; parts of a big site through a sitemap index; ETag and 304; robots
keeps crawlers out of forms, signed-in pages and the endless search combinations."""
import re
from urllib.parse import urlsplit

import pytest
from lxml import etree

from kt_accounts import page
from kt_listings import Workspace

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGS = ("fi", "sv", "en")
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def parse(r):
    assert r.status_code == 200, r.status_code
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(r.content)


def urls_of(root):
    """{loc: (lastmod, {hreflang: href})} of a <urlset>, checking each entry's shape."""
    assert root.tag == "{%s}urlset" % NS["s"]
    got = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc not in got, "twice: %s" % loc
        alts = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
        assert all(l.get("rel") == "alternate" for l in url.findall("x:link", NS))
        assert sorted(alts) == sorted(LANGS), loc
        lang = re.match(r"^https?://[^/]+/(fi|sv|en)(/|$)", loc).group(1)
        assert alts[lang] == loc
        for other in LANGS:   # the same page in the other language
            assert alts[other] == loc.replace("/%s" % lang, "/%s" % other, 1)
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        assert lastmod is None or W3C_DATETIME.match(lastmod), lastmod
        got[loc] = (lastmod, alts)
    return got


def public_ids(psql, sql):
    return {int(i) for (i,) in psql(sql)}


def test_sitemap_lists_every_public_page_and_each_answers_200(http, base_url, psql):
    urls = urls_of(parse(http.get("/sitemap.xml")))
    paths = {u[len(base_url):] for u in urls}
    for lang in LANGS:
        for p in ("/", "/activities", "/events", "/jobs", "/networks", "/news", "/projects",
                  "/organisations", "/for-organisations",
                  "/help", "/help/listing-rules", "/help/registering", "/help/main-user",
                  "/help/moderation", "/accessibility", "/privacy", "/terms", "/contact",
                  "/feed"):
            assert "/%s%s" % (lang, p) in paths, (lang, p)
    expected = {
        "activities": public_ids(psql, "SELECT id FROM public_activities"),
        "events": public_ids(psql, "SELECT id FROM public_events"),
        "jobs": public_ids(psql, "SELECT id FROM public_jobs"),
        "networks": public_ids(psql, "SELECT id FROM public_networks"),
        "organisations": public_ids(psql, "SELECT id FROM organisations WHERE status = 'approved'"),
        "news": public_ids(psql, "SELECT id FROM public_news"),
        "projects": public_ids(psql, "SELECT id FROM public_projects"),
    }
    for kind, ids in expected.items():
        assert ids, kind
        for lang in LANGS:
            listed = {int(m.group(1)) for p in paths
                      for m in [re.match(r"^/%s/%s/(\d+)$" % (lang, kind), p)] if m}
            assert listed == ids, (kind, lang, listed ^ ids)
    # what is not public is not there
    for path in ("/fi/activities/900", "/fi/activities/901", "/fi/activities/902",
                 "/fi/events/900", "/fi/events/901", "/fi/events/902",
                 "/fi/jobs/900", "/fi/jobs/901", "/fi/jobs/902",
                 "/fi/networks/3", "/fi/networks/4", "/fi/networks/900",
                 "/fi/organisations/90", "/fi/manage", "/fi/login", "/fi/moderation"):
        assert path not in paths, path
    # every URL answers 200 (and is the page of its language)
    for url in sorted(urls):
        r = http.get(url)
        assert r.status_code == 200, url
    # lastmod of an activity is its time of change
    lastmod = psql("SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                   " FROM public_activities WHERE id = 1")[0][0]
    assert urls[base_url + "/sv/activities/1"][0] == lastmod


def test_sitemap_follows_publishing_and_archiving_with_etags(http, base_url):
    r = http.get("/sitemap.xml")
    etag = r.headers["ETag"]
    assert r.headers["Cache-Control"] == "no-cache"
    again = http.get("/sitemap.xml", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content
    head = http.head("/sitemap.xml")   # not compressed: mod_deflate's "-gzip" is not added
    assert head.status_code == 200 and not head.content
    assert head.headers["ETag"].strip('"') == etag.strip('"').replace("-gzip", "")
    ws = Workspace(base_url)
    try:
        lid = ws.publish(title_fi="Sivukartan kerho")
        r = http.get("/sitemap.xml", headers={"If-None-Match": etag})
        assert r.status_code == 200 and r.headers["ETag"] != etag
        assert "%s/en/activities/%s" % (base_url, lid) in urls_of(parse(r))
        published = r.headers["ETag"]
        r = ws.edit(lid, action="archive")   # asks once more
        csrf = page(r).xpath("//input[@name='csrf']/@value")[0]
        r = ws.post(ws.main, ws.path(lid), {"csrf": csrf, "action": "archive", "confirm": "yes"})
        assert r.status_code == 303
        assert ws.state(lid)[0] == "archived"
        r = http.get("/sitemap.xml", headers={"If-None-Match": published})
        assert r.status_code == 200
        assert "%s/en/activities/%s" % (base_url, lid) not in urls_of(parse(r))
    finally:
        ws.cleanup()


def test_sitemap_parts_answer_always(http, base_url):
    pages = urls_of(parse(http.get("/sitemap/pages.xml")))
    assert len(pages) == 19 * 3 and base_url + "/en/help/registering" in pages
    acts = urls_of(parse(http.get("/sitemap/activities-0.xml")))
    assert base_url + "/fi/activities/1" in acts
    r = http.get("/sitemap/activities-0.xml")
    assert http.get("/sitemap/activities-0.xml",
                    headers={"If-None-Match": r.headers["ETag"]}).status_code == 304
    # a chunk with no public page, unknown kinds and malformed names are 404 pages
    for name in ("activities-999.xml", "activities-00.xml", "activities-1", "nokind-0.xml",
                 "pages-0.xml", "ACTIVITIES-0.xml", "activities-0.xml.gz", "activities-99999999999999.xml"):
        r = http.get("/sitemap/" + name)
        assert r.status_code == 404, name
        assert "<main" in r.text


def test_big_site_gets_a_sitemap_index_of_bounded_parts(http, base_url, psql):
    """More than the protocol's 50 000 URLs: /sitemap.xml becomes an index whose parts are
    each within the limit (news items are cheap to add in bulk)."""
    ids = [i for (i,) in psql(
        "WITH n AS (INSERT INTO news (state, published_version, latest_version, published_at)"
        " SELECT 'published', 1, 1, now() - interval '1 day' FROM generate_series(1, 17000)"
        " RETURNING id)"
        " INSERT INTO news_versions (news_id, version, title_fi, body_fi)"
        " SELECT id, 1, 'Sivukarttauutinen ' || id, 'Teksti' FROM n RETURNING news_id")]
    try:
        root = parse(http.get("/sitemap.xml"))
        assert root.tag == "{%s}sitemapindex" % NS["s"]
        locs = [s.findtext("s:loc", namespaces=NS) for s in root.findall("s:sitemap", NS)]
        assert locs[0] == base_url + "/sitemap/pages.xml"
        news_parts = [l for l in locs if "/sitemap/news-" in l]
        assert len(news_parts) >= 2
        total = 0
        news = set()
        for loc in locs:
            part = urls_of(parse(http.get(loc)))
            assert 0 < len(part) <= 50000
            total += len(part)
            news |= {int(m.group(1)) for u in part
                     for m in [re.search(r"/fi/news/(\d+)$", u)] if m}
        assert total > 50000
        # every one of them, in batches of 1 000 across the parts, none skipped
        assert news == public_ids(psql, "SELECT id FROM public_news")
        for s in root.findall("s:sitemap", NS):
            lastmod = s.findtext("s:lastmod", namespaces=NS)
            assert lastmod is None or W3C_DATETIME.match(lastmod)
    finally:
        psql("DELETE FROM news WHERE id >= :'lo'", lo=min(int(i) for i in ids))
    assert parse(http.get("/sitemap.xml")).tag == "{%s}urlset" % NS["s"]


class Robots:
    """robots.txt as RFC 9309 reads it (and Google, Bing): the longest matching rule of the
    group for all agents decides, Allow winning a tie; rules match a prefix of the path and
    query.  (Python's urllib.robotparser drops a rule's "?", so it cannot read ours.)"""

    def __init__(self, text):
        self.rules = []
        for line in text.splitlines():
            field, _, value = line.partition(":")
            if field.strip().lower() in ("allow", "disallow") and value.strip():
                self.rules.append((field.strip().lower() == "allow", value.strip()))

    def can_fetch(self, url):
        parts = urlsplit(url)
        target = parts.path + ("?" + parts.query if parts.query else "")
        best = None
        for allow, path in self.rules:
            if target.startswith(path) and (best is None or len(path) > len(best[1])
                                            or (len(path) == len(best[1]) and allow)):
                best = (allow, path)
        return best is None or best[0]


def test_robots_txt(http, base_url):
    r = http.get("/robots.txt")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
    lines = r.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: %s/sitemap.xml" % base_url in lines
    rp = Robots(r.text)
    for lang in LANGS:
        for path in ("/manage", "/manage/activities/1", "/moderation", "/moderation/log",
                     "/account", "/account/delete", "/login", "/login?next=/fi/manage",
                     "/register", "/password-reset", "/verify/abc",
                     "/activities?q=kerho", "/activities?page=2", "/events?q=kerho",
                     "/events?when=past", "/jobs?type=volunteer", "/projects?page=2",
                     "/networks?q=x", "/organisations?municipality=091"):
            assert not rp.can_fetch(base_url + "/%s%s" % (lang, path)), path
        for path in ("/", "/activities", "/activities/1", "/help/moderation", "/contact",
                     "/news?page=2", "/events", "/jobs", "/projects", "/networks",
                     "/organisations"):
            assert rp.can_fetch(base_url + "/%s%s" % (lang, path)), path
    assert not rp.can_fetch(base_url + "/feed/activities.xml?cursor=x")
    assert not rp.can_fetch(base_url + "/error/404")
    assert rp.can_fetch(base_url + "/feed/activities.atom?lang=fi")
    # nothing the sitemap lists is kept out
    root = etree.fromstring(http.get("/sitemap.xml").content)
    locs = [loc.text for loc in root.iterfind("s:url/s:loc", NS)]
    assert locs
    for loc in locs:
        assert rp.can_fetch(loc), loc
