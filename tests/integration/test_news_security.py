"""Who may write news, and what hostile input becomes (QUALITY.md, "Security"): every
moderation news route is the moderators' (403 for signed-in members and outsiders; anonymous
visitors are sent to sign in, as on every other signed-in route, and reach nothing), every POST
needs the session's token and this site's Origin, and markup and javascript: links in every
field are shown as text, on the page, in lists and in Atom."""
import pytest
from lxml import etree

from conftest import run_psql_value
from kt_accounts import Person, csrf_of, make_org, make_user, page
from kt_listings import errors
from kt_news import COMPLETE, NewsDesk


@pytest.fixture
def desk(base_url):
    d = NewsDesk(base_url)
    yield d
    d.cleanup()


def routes(nid):
    return ["/fi/moderation/news", "/fi/moderation/news/new", "/fi/moderation/news/%s" % nid,
            "/sv/moderation/news/%s" % nid]


def test_members_and_outsiders_get_403_everywhere(desk, base_url):
    nid = desk.create(action="publish", **COMPLETE)
    main_id, main_email = make_user(first="Maija", last="Pääkäyttäjä")
    member_id, member_email = make_user(first="Mikko", last="Jäsen")
    make_org(main_id, members=[member_id])
    people = []
    for email in (main_email, member_email, make_user()[1]):
        p = Person(base_url)
        p.sign_in(email)
        people.append(p)
    for who in people:
        token = csrf_of(who.get("/fi/manage"))
        for path in routes(nid):
            assert who.get(path).status_code == 403, path
            for action in ("save", "publish", "schedule", "withdraw"):
                r = who.post(path, headers={"Origin": base_url},
                             data={"csrf": token, "action": action, "confirm": "yes",
                                   "title_fi": "Kaapattu", "summary_fi": "x", "body_fi": "x",
                                   "publish_date": "1.1.2099", "publish_time": "9",
                                   "revision": desk.state(nid)[3]})
                assert r.status_code in (403, 405), (path, action, r.status_code)
                assert r.status_code == 403 or path == "/fi/moderation/news"
    assert desk.state(nid)[:3] == ("published", 1, 1)
    assert run_psql_value("SELECT count(*) FROM news_versions WHERE title_fi = 'Kaapattu'") == "0"


def test_anonymous_visitors_reach_nothing(desk, base_url):
    nid = desk.create(action="publish", **COMPLETE)
    anon = Person(base_url)
    for path in routes(nid):
        r = anon.get(path)
        assert r.status_code == 303, path
        assert r.headers["Location"].startswith("/%s/login?next=" % path[1:3]), path
        # a POST goes the same way, before its body is even read
        r = anon.post(path, data={"action": "withdraw", "confirm": "yes"},
                      headers={"Origin": base_url})
        assert r.status_code in (303, 405), path
    assert desk.state(nid)[0] == "published"
    assert run_psql_value("SELECT count(*) FROM news WHERE id > :'i'", i=nid) == "0"


def test_every_post_needs_the_token_and_the_origin(desk, base_url):
    nid = desk.create(title_fi="Luonnos")
    good = {"action": "publish", "revision": desk.state(nid)[3]}
    good.update(COMPLETE)
    token = csrf_of(desk.form(nid))
    # no token, a wrong one, another session's
    other = NewsDesk(base_url)
    try:
        theirs = csrf_of(other.form(other.create(title_fi="x")))
        for bad in (None, "x" * 43, theirs):
            data = dict(good)
            if bad is not None:
                data["csrf"] = bad
            r = desk.post(desk.path(nid), data)
            assert r.status_code == 403, bad
            r = desk.post(desk.path(), dict(data, action="save"))
            assert r.status_code == 403
        # the right token from another site
        r = desk.moderator.post(desk.path(nid), data=dict(good, csrf=token),
                                headers={"Origin": "https://evil.example"})
        assert r.status_code == 403
    finally:
        other.cleanup()
    assert desk.state(nid)[0] == "draft"
    # and with both, it goes through
    r = desk.moderator.post(desk.path(nid), data=dict(good, csrf=token),
                            headers={"Origin": base_url})
    assert r.status_code == 303


EVIL = '<script>alert("x")</script><b onmouseover=alert(1)>&amp;</b>'


def test_markup_and_scripts_are_shown_as_text(desk, http):
    body = ("Alku " + EVIL + "\n\n[klikkaa](javascript:alert(1)) ja "
            "[data](data:text/html;base64,PHNjcmlwdD4=) ja [oikea](https://example.org/?a=1&b=2)"
            '\n\n<a href="https://evil.example">raw</a> [x](https://e.fi" onclick="y)')
    nid = desk.create(action="publish", title_fi="Otsikko " + EVIL, summary_fi="Tiivis " + EVIL,
                      body_fi=body)
    for r in (http.get("/fi/news/%s" % nid), http.get("/fi/news"), http.get("/fi/"),
              desk.form(nid), desk.moderator.get("/fi/moderation/news")):
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<b onmouseover" not in r.text, r.url
        assert 'href="javascript:' not in r.text and 'href="data:' not in r.text, r.url
    doc = page(http.get("/fi/news/%s" % nid))
    prose = doc.xpath("//div[@class='prose']")[0]
    # the one http(s) link is the only link, with its address as given
    assert prose.xpath(".//a/@href") == ["https://example.org/?a=1&b=2"]
    assert prose.xpath("string(.//a)") == "oikea"
    text = prose.text_content()
    assert EVIL in text
    assert "[klikkaa](javascript:alert(1))" in text
    assert '<a href="https://evil.example">raw</a>' in text
    assert doc.xpath("string(//h1)").strip() == "Otsikko " + EVIL
    # the editor shows it back exactly as typed
    form = page(desk.form(nid))
    assert form.xpath("string(//textarea[@name='body_fi'])") == body
    # and Atom carries it as text
    atom = etree.fromstring(http.get("/feed/news.atom").content)
    entry = [e for e in atom.iter("{http://www.w3.org/2005/Atom}entry")
             if e.findtext("{http://www.w3.org/2005/Atom}id").endswith("/fi/news/%s" % nid)][0]
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == "Otsikko " + EVIL
    assert entry.findtext("{http://www.w3.org/2005/Atom}summary") == "Tiivis " + EVIL


@pytest.mark.parametrize("field", ["title_fi", "summary_sv", "body_en"])
def test_control_characters_and_oversized_texts_get_a_message(desk, field):
    nid = desk.create(title_fi="Otsikko")
    r = desk.edit(nid, **{field: "a\x01b"})
    assert r.status_code == 400 and errors(r)
    limit = {"title_fi": 200, "summary_sv": 600, "body_en": 20000}[field]
    r = desk.edit(nid, **{field: "ä" * (limit + 1)})
    assert r.status_code == 400 and errors(r)
    # the text comes back to be shortened
    assert ("ä" * (limit + 1)) in r.text
    r = desk.edit(nid, **{field: "ä" * limit})
    assert r.status_code == 303
