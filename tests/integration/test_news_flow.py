"""News written by moderators (issue 12 item 1) through HTTP: a draft, edited, scheduled and
public from its time with nothing to run (the test moves the time into the past), published,
edited while public (a new version; the public one stays until the edit is published),
withdrawn (410, gone from the list, the front page and Atom); the list of every item; the
audit log; edit conflicts; the related item."""
import datetime

import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_listings import errors, field_errors, form_fields, with_fields
from kt_news import COMPLETE, NewsDesk, helsinki_now, typed

ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def desk(base_url):
    d = NewsDesk(base_url)
    yield d
    d.cleanup()


def public_ids(http, lang="fi"):
    """Ids on the news list's first page, on the front page and in the Atom feed."""
    def ids(hrefs):
        return {h.rsplit("/", 1)[1] for h in hrefs if h.rsplit("/", 1)[1].isdigit()}
    listed = ids(page(http.get("/%s/news" % lang)).xpath("//ul[@class='news-list']//a/@href"))
    front = ids(page(http.get("/%s/" % lang)).xpath("//section[@class='news']//h3/a/@href"))
    atom = etree.fromstring(http.get("/feed/news.atom", params={"lang": lang}).content)
    feed = ids(atom.xpath("//a:entry/a:id/text()", namespaces=ATOM))
    return listed, front, feed


def everywhere(http, nid):
    listed, front, feed = public_ids(http)
    return nid in listed, nid in front, nid in feed


def desk_row(desk, nid):
    """The item's row in the list of every item: [title, state, public from, saved]."""
    doc = page(desk.moderator.get("/fi/moderation/news"))
    for tr in doc.xpath("//tbody/tr"):
        if tr.xpath(".//a[@href='/fi/moderation/news/%s']" % nid):
            return [" ".join("".join(c.itertext()).split()) for c in tr.xpath("th|td")]
    return None


def test_the_life_of_an_item(desk, http):
    nid = desk.create(title_fi="Luonnos kesän kerhoista")
    assert desk.state(nid) == ("draft", None, 1, "2", False)
    assert http.get("/fi/news/%s" % nid).status_code == 404
    assert desk_row(desk, nid)[1].startswith("Luonnos")

    # a draft saved again is the same version
    r = desk.edit(nid, title_fi="Kesän kerhot")
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=saved")
    assert desk.state(nid)[:3] == ("draft", None, 1)

    # scheduled for tomorrow: not public, in no list
    when = helsinki_now().replace(second=0) + datetime.timedelta(days=1)
    r = desk.schedule(nid, when, title_fi="Kesän kerhot")
    assert r.headers["Location"].endswith("/fi/moderation/news/%s?done=scheduled" % nid)
    assert desk.state(nid) == ("scheduled", 1, 1, "4", False)
    assert http.get("/fi/news/%s" % nid).status_code == 404
    assert everywhere(http, nid) == (False, False, False)
    row = desk_row(desk, nid)
    assert row[1] == "Ajastettu" and row[2] == "%d.%d.%d %02d.%02d" % (
        when.day, when.month, when.year, when.hour, when.minute)
    doc = page(desk.form(nid))
    assert doc.xpath("string(//input[@name='publish_date']/@value)") == typed(when)[0]
    assert doc.xpath("string(//input[@name='publish_time']/@value)") == typed(when)[1]

    # its time comes (the test moves it into the past): public everywhere at once, no job
    run_psql("UPDATE news SET published_at = now() - interval '1 minute' WHERE id = :'i'", i=nid)
    assert desk.state(nid)[4] is True
    r = http.get("/fi/news/%s" % nid)
    assert r.status_code == 200
    assert page(r).xpath("string(//h1)").strip() == "Kesän kerhot"
    assert everywhere(http, nid) == (True, True, True)
    assert desk_row(desk, nid)[1].startswith("Julkaistu")
    doc = page(desk.form(nid))
    assert not doc.xpath("//input[@name='publish_date']"), "a public item is not scheduled"

    # edited while public: a new version waits, the public one stays
    r = desk.edit(nid, action="save", title_fi="Kesän kerhot ja leirit")
    assert r.status_code == 303
    assert desk.state(nid)[:3] == ("draft", 1, 2)
    assert page(http.get("/fi/news/%s" % nid)).xpath("string(//h1)").strip() == "Kesän kerhot"
    assert "muutoksia odottaa julkaisua" in desk_row(desk, nid)[1]
    published_at = run_psql_value("SELECT published_at FROM news WHERE id = :'i'", i=nid)

    # … until it is published: the public page changes, its date stays
    r = desk.publish(nid, title_fi="Kesän kerhot ja leirit")
    assert r.headers["Location"].endswith("?done=published")
    assert desk.state(nid) == ("published", 2, 2, "6", True)
    assert page(http.get("/fi/news/%s" % nid)).xpath("string(//h1)").strip() \
        == "Kesän kerhot ja leirit"
    assert run_psql_value("SELECT published_at FROM news WHERE id = :'i'", i=nid) == published_at

    # withdrawn: 410, gone from every list
    r = desk.withdraw(nid)
    assert r.headers["Location"].endswith("?done=withdrawn")
    assert desk.state(nid)[0] == "archived"
    r = http.get("/fi/news/%s" % nid)
    assert r.status_code == 410
    assert "vetäneet tämän uutisen pois" in r.text
    assert everywhere(http, nid) == (False, False, False)
    assert desk_row(desk, nid)[1] == "Vedetty pois"
    # … for good: the editor shows it read-only and refuses a save
    doc = page(desk.form(nid))
    assert not doc.xpath("//form[contains(@class, 'listing-form')]")
    assert doc.xpath("//table[contains(@class, 'listing-table')]")
    token = doc.xpath("//form[@action='/fi/logout']//input[@name='csrf']/@value")[0]
    r = desk.post(desk.path(nid), {"csrf": token, "action": "save", "title_fi": "Takaisin"})
    assert r.status_code == 409
    assert desk.state(nid)[0] == "archived"

    # the audit log tells each decision, with the version and the title
    log = [" ".join("".join(tr.itertext()).split())
           for tr in page(desk.moderator.get("/fi/moderation/log")).xpath("//tbody/tr")]
    mine = [line for line in log if "Noora Toimittaja" in line]
    assert any("Veti uutisen pois" in line and "Kesän kerhot ja leirit (versio 2)" in line
               for line in mine), mine
    assert any("Julkaisi uutisen" in line and "(versio 2)" in line for line in mine)
    assert any("Ajasti uutisen julkaistavaksi" in line and "Kesän kerhot (versio 1)" in line
               for line in mine)
    actions = run_psql("SELECT action, version FROM audit_log WHERE object_type = 'news'"
                       " AND object_id = :'i' ORDER BY id", i=nid)
    assert actions == [("news.schedule", "1"), ("news.publish", "2"), ("news.withdraw", "2")]


def test_published_at_once_keeps_its_first_time(desk, http):
    nid = desk.create(action="publish", **COMPLETE)
    assert desk.state(nid) == ("published", 1, 1, "2", True)
    first = run_psql_value("SELECT published_at FROM news WHERE id = :'i'", i=nid)
    # an edit published in one step: a new version, the same date
    desk.publish(nid, body_fi="Uusi teksti.")
    assert desk.state(nid)[:3] == ("published", 2, 2)
    assert run_psql_value("SELECT published_at FROM news WHERE id = :'i'", i=nid) == first
    doc = page(http.get("/fi/news/%s" % nid))
    assert doc.xpath("string(//div[@class='prose'])").strip() == "Uusi teksti."
    assert doc.xpath("string(//p[@class='lead'])").strip() == COMPLETE["summary_fi"]


def test_saving_a_scheduled_item_takes_it_off_the_schedule(desk, http):
    nid = desk.create(**COMPLETE)
    desk.schedule(nid, helsinki_now() + datetime.timedelta(hours=2))
    r = desk.edit(nid, action="save", title_fi="Vielä mietitään")
    assert r.status_code == 303
    assert desk.state(nid)[:3] == ("draft", None, 2)
    assert run_psql_value("SELECT published_at FROM news WHERE id = :'i'", i=nid) is None
    # its old time passing changes nothing
    assert http.get("/fi/news/%s" % nid).status_code == 404
    # scheduled again and then published at once: public from now
    desk.schedule(nid, helsinki_now() + datetime.timedelta(days=3), title_fi="Vielä mietitään")
    desk.publish(nid, title_fi="Päätetty")
    assert desk.state(nid) == ("published", 3, 3, desk.state(nid)[3], True)
    assert run_psql_value("SELECT published_at <= now() FROM news WHERE id = :'i'", i=nid) == "t"


def test_scheduling_asks_for_a_time_to_come(desk):
    nid = desk.create(**COMPLETE)
    r = desk.edit(nid, action="schedule", publish_date="", publish_time="")
    assert r.status_code == 400
    assert set(field_errors(r)) == {"listing-publish_date", "listing-publish_time"}
    r = desk.edit(nid, action="schedule", publish_date="31.2.2027", publish_time="25.00")
    assert r.status_code == 400
    assert "Kirjoita julkaisupäivä muodossa 15.1.2027." in errors(r)
    assert "Kirjoita kellonaika muodossa 9.30." in errors(r)
    past = helsinki_now() - datetime.timedelta(minutes=5)
    date, time = typed(past)
    r = desk.edit(nid, action="schedule", publish_date=date, publish_time=time)
    assert r.status_code == 400
    assert "listing-publish_date" in field_errors(r)
    assert "Julkaisuaika on jo mennyt" in field_errors(r)["listing-publish_date"]
    # the values typed are kept
    assert page(r).xpath("string(//input[@name='publish_date']/@value)") == date
    assert desk.state(nid)[0] == "draft"


def test_a_publication_needs_each_language_it_has(desk):
    nid = desk.create(title_fi="Otsikko", title_sv="Rubrik")
    r = desk.edit(nid, action="publish", summary_fi="Tiivis", body_fi="Teksti")
    assert r.status_code == 400
    assert set(field_errors(r)) == {"listing-summary_sv", "listing-body_sv"}
    assert "Kirjoita tiivistelmä ruotsiksi ennen julkaisua." in errors(r)
    r = desk.edit(nid, action="publish", title_sv="", summary_fi="Tiivis", body_fi="Teksti")
    assert r.status_code == 303
    # nothing written at all cannot even be saved
    r = desk.create(expect=400, title_fi="")
    assert "Kirjoita uutiselle otsikko ainakin yhdellä kielellä." in errors(r)


def test_a_public_item_cannot_be_scheduled(desk):
    nid = desk.create(action="publish", **COMPLETE)
    date, time = typed(helsinki_now() + datetime.timedelta(days=2))
    r = desk.edit(nid, action="schedule", publish_date=date, publish_time=time)
    assert r.status_code == 400
    assert "listing-publish_date" in field_errors(r)
    assert page(r).xpath("//input[@id='listing-publish_date']"), "the message has its field"
    assert desk.state(nid)[:3] == ("published", 1, 1)


def test_two_moderators_editing_one_item(desk, base_url):
    other = NewsDesk(base_url)
    try:
        nid = desk.create(**COMPLETE)
        stale = desk.form(nid)
        assert other.edit(nid, title_fi="Toisen otsikko").status_code == 303
        r = desk.post(desk.path(nid), with_fields(form_fields(stale), action="save",
                                                  title_fi="Oma otsikko"))
        assert r.status_code == 409
        doc = page(r)
        assert doc.xpath("//section[@class='error-summary']")
        assert "Oma otsikko" in r.text and "Toisen otsikko" in r.text
        # the form now carries the current revision: saving again is a choice
        assert doc.xpath("string(//input[@name='title_fi']/@value)") == "Oma otsikko"
        assert run_psql_value("SELECT title_fi FROM news_versions WHERE news_id = :'i'",
                              i=nid) == "Toisen otsikko"
    finally:
        other.cleanup()


def test_the_related_item_is_linked_while_public(desk, http):
    pid = run_psql_value("SELECT id FROM public_projects ORDER BY id LIMIT 1")
    form = page(desk.form(desk.create(title_fi="x")))
    groups = form.xpath("//select[@name='related']/optgroup/@label")
    assert groups == ["Organisaatio", "Hanke", "Tapahtuma"]
    assert form.xpath("//select[@name='related']//option[@value='project-%s']" % pid)
    assert not form.xpath("//select[@name='related']//option[@value='event-900']"), \
        "an archived event is not offered"
    nid = desk.create(action="publish", related="project-%s" % pid, **COMPLETE)
    doc = page(http.get("/sv/news/%s" % nid))
    assert doc.xpath("//section[@class='news-related']//a/@href") == ["/sv/projects/%s" % pid]
    assert http.get("/sv/projects/%s" % pid).status_code == 200
    # a related item not public (tampered form, or gone since): refused with a message
    r = desk.edit(nid, action="publish", related="event-900")
    assert r.status_code == 400 and "listing-related" in field_errors(r)
    r = desk.edit(nid, action="publish", related="activity-1")
    assert r.status_code == 400 and "listing-related" in field_errors(r)
    # gone since: the page no longer links it
    run_psql("UPDATE news_versions SET related_project_id = NULL, related_event_id = 900"
             " WHERE news_id = :'i'", i=nid)
    doc = page(http.get("/fi/news/%s" % nid))
    assert not doc.xpath("//section[@class='news-related']")


def test_the_list_of_every_item(desk):
    draft = desk.create(title_fi="Luonnos listassa")
    public = desk.create(action="publish", **dict(COMPLETE, title_fi="Julkinen listassa"))
    doc = page(desk.moderator.get("/fi/moderation/news"))
    assert doc.xpath("string(//h1)") == "Uutiset"
    assert doc.xpath("//a[@href='/fi/moderation/news/new']")
    assert desk_row(desk, draft)[1] == "Luonnos"
    row = desk_row(desk, public)
    assert row[1].startswith("Julkaistu") and row[2] and row[3]
    assert doc.xpath("//a[@href='/fi/news/%s']" % public)
    # the moderation page links the list
    mod = page(desk.moderator.get("/fi/moderation"))
    assert mod.xpath("//a[@href='/fi/moderation/news']")
    # pages of 50, and a page number refused as the public list refuses one
    assert desk.moderator.get("/fi/moderation/news?page=2").status_code == 200
    for bad in ("0", "x", "99999999"):
        assert desk.moderator.get("/fi/moderation/news", params={"page": bad}).status_code == 400


@pytest.mark.parametrize("ident", ["999999999", "abc", "0", "-1", "1.0"])
def test_unknown_items_are_404_in_the_editor(desk, ident):
    assert desk.moderator.get("/fi/moderation/news/%s" % ident).status_code == 404


def test_an_unknown_action_is_400(desk):
    nid = desk.create(title_fi="x")
    for action in ("submit", "archive", "delete", "approve"):
        assert desk.edit(nid, action=action).status_code == 400, action
    assert desk.state(nid)[0] == "draft"
