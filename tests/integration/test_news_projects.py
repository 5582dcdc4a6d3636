"""The public news and project pages (ROUTES.md: /{lang}/news, /{lang}/news/{id},
/{lang}/projects, /{lang}/projects/{id}): what the header, the front page and every activity
page link to."""
import pytest
from lxml import html as lxml_html

from conftest import run_psql, run_psql_value
from kt_news import insert_news


def doc(r):
    return lxml_html.fromstring(r.content)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_link_of_the_front_page_and_header_to_them_works(http, lang):
    front = doc(http.get("/%s/" % lang))
    hrefs = {h for h in front.xpath("//a/@href")
             if h.startswith("/%s/news" % lang) or h.startswith("/%s/projects" % lang)}
    assert "/%s/news" % lang in hrefs and "/%s/projects" % lang in hrefs
    for href in hrefs:
        assert http.get(href).status_code == 200, href


def test_news_list_newest_first_with_pages(http, psql):
    ids = [int(r[0]) for r in psql("SELECT id FROM public_news"
                                   " ORDER BY published_at DESC, id DESC")]
    d = doc(http.get("/fi/news"))
    shown = [int(h.rsplit("/", 1)[1]) for h in d.xpath("//ul[@class='news-list']//h2/a/@href")]
    assert shown == ids[:20]
    assert http.get("/fi/news?page=2").status_code == (200 if len(ids) > 20 else 404)
    for bad in ("0", "-1", "abc", "99999999999"):
        r = http.get("/fi/news", params={"page": bad})
        assert r.status_code == 400, bad


def test_an_item_in_the_future_is_not_public_yet(http):
    nid = insert_news("now() + interval '1 day'", title_fi="Tuleva uutinen", body_fi="x")
    try:
        assert http.get("/fi/news/%s" % nid).status_code == 404
        assert "Tuleva uutinen" not in http.get("/fi/news").text
        run_psql("UPDATE news SET published_at = now() WHERE id = :'i'", i=nid)
        r = http.get("/sv/news/%s" % nid)
        assert r.status_code == 200
        # only in Finnish: the Swedish page says so
        assert doc(r).xpath("//h1//*[@lang='fi'] | //h1[@lang='fi']")
        assert doc(r).xpath("//*[@class='fallback-note']")
    finally:
        run_psql("DELETE FROM news WHERE id = :'i'", i=nid)


@pytest.mark.parametrize("ident", ["999999", "abc", "0", "1x"])
def test_unknown_items_are_404(http, ident):
    assert http.get("/fi/news/%s" % ident).status_code == 404
    assert http.get("/fi/projects/%s" % ident).status_code == 404


def test_markup_in_news_is_text(http):
    nid = insert_news(title_fi="<script>alert(1)</script>",
                      body_fi="<img src=x onerror=alert(1)>")
    try:
        r = http.get("/fi/news/%s" % nid)
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
        assert "&lt;script&gt;" in r.text
    finally:
        run_psql("DELETE FROM news WHERE id = :'i'", i=nid)


def test_projects_of_approved_organisations_with_their_activities(http, psql):
    listed, n = set(), 1
    while True:
        got = {int(h.rsplit("/", 1)[1]) for h in doc(http.get(
            "/en/projects", params={"page": n})).xpath("//main//h3//a/@href")}
        if not got:
            break
        listed |= got
        n += 1
    assert listed == {int(r[0]) for r in psql(
        "SELECT p.id FROM projects p JOIN organisations o ON o.id = p.organisation_id"
        " WHERE o.status = 'approved' AND p.published_version IS NOT NULL"
        " AND p.archived_at IS NULL")}
    pid = psql("SELECT project_id FROM public_activities WHERE project_id IS NOT NULL"
               " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    d = doc(http.get("/fi/projects/%s" % pid))
    cards = {int(h.rsplit("/", 1)[1]) for h in d.xpath("//main//a[contains(@href, '/fi/activities/')]/@href")
             if h.rsplit("/", 1)[1].isdigit()}
    assert cards == {int(r[0]) for r in psql(
        "SELECT id FROM public_activities WHERE project_id = :'p'", p=pid)}
    name = run_psql_value("SELECT name FROM projects WHERE id = :'p'", p=pid)
    assert d.xpath("string(//h1)").strip() == name


def test_a_project_of_an_organisation_not_approved_is_404(http):
    pid = run_psql_value("INSERT INTO projects (organisation_id) VALUES (90) RETURNING id")
    run_psql("INSERT INTO project_versions (project_id, version, title_fi) VALUES (:'p', 1,"
             " 'Odottava')", p=pid)
    run_psql("UPDATE projects SET state = 'published', published_version = 1,"
             " published_at = now() WHERE id = :'p'", p=pid)
    try:
        assert http.get("/fi/projects/%s" % pid).status_code == 404
        assert not doc(http.get("/fi/projects", params={"q": "Odottava"})).xpath(
            "//main//h3//a[@href='/fi/projects/%s']" % pid)
        run_psql("UPDATE organisations SET status = 'approved' WHERE id = 90")
        assert http.get("/fi/projects/%s" % pid).status_code == 200
    finally:
        run_psql("UPDATE organisations SET status = 'pending' WHERE id = 90")
        run_psql("DELETE FROM projects WHERE id = :'p'", p=pid)


def test_every_project_link_of_an_activity_page_works(http, psql):
    for (aid,) in psql("SELECT id FROM public_activities WHERE project_id IS NOT NULL LIMIT 5"):
        d = doc(http.get("/fi/activities/%s" % aid))
        for href in d.xpath("//a[starts-with(@href, '/fi/projects/')]/@href"):
            assert http.get(href).status_code == 200, href
