"""Events as the public sees them (ROUTES.md, issue 11 part 2): /{lang}/events with its filters,
upcoming ones soonest first and ended ones with past=1 (its 400s: test_kinds_pages.py),
one event's page (ended ones say so; 404 / 410), the front page's next events and an
organisation's events.  Demo events: sql/demo/020_events.sql."""
import datetime

import pytest

from kt_accounts import page

LANGS = ("fi", "sv", "en")


def ids(resp):
    return [int(a.get("href").rsplit("/", 1)[1]) for a in
            page(resp).xpath("//ul[contains(@class, 'event-cards')]//h3//a")]


def events(http, lang="fi", **params):
    r = http.get("/%s/events" % lang, params=params)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r


def starts(http, psql, eids):
    return [psql("SELECT starts_at::text FROM public_events WHERE id = :'i'", i=e)[0][0]
            for e in eids]


@pytest.mark.parametrize("lang", LANGS)
def test_upcoming_events_soonest_first(http, psql, lang):
    r = events(http, lang)
    got = ids(r)
    assert got and set(got) <= set(range(1, 16))
    assert starts(http, psql, got) == sorted(starts(http, psql, got))
    doc = page(r)
    assert doc.get("lang") == lang
    # the three events of seed 002 are among the upcoming ones, however many pages it takes
    everything = got
    p = 2
    while doc.xpath("//nav[contains(@class, 'pagination')]//a[@rel='next']"):
        doc = page(events(http, lang, page=p))
        everything += ids_doc(doc)
        p += 1
    assert {1, 2, 3} <= set(everything)
    assert not {30, 31, 900, 901, 902} & set(everything)


def ids_doc(doc):
    return [int(a.get("href").rsplit("/", 1)[1]) for a in
            doc.xpath("//ul[contains(@class, 'event-cards')]//h3//a")]


def test_past_events_newest_first(http):
    r = events(http, past="1")
    assert ids(r) == [31, 30]
    doc = page(r)
    assert doc.xpath("//a[@href='/fi/events']")                 # back to the upcoming ones
    assert "Päättynyt" in doc.xpath("string(//ul[contains(@class, 'event-cards')])")


def test_filters(http, psql):
    all_up = set(ids(events(http, page="1"))) | set(ids(events(http, page="2")))
    assert set(ids(events(http, type="webinar"))) == {8, 14}
    assert set(ids(events(http, type="webinar", audience="professionals"))) == {8}
    # a municipality or region also finds the events one takes part in online
    assert set(ids(events(http, municipality="837"))) == {4, 8, 12, 14}
    assert set(ids(events(http, region="06"))) == {4, 8, 12, 14}
    assert set(ids(events(http, municipality="837", online="1"))) == {8, 12, 14}
    assert set(ids(events(http, free="1"))) == all_up - {5, 9, 15}
    assert set(ids(events(http, q="järjestötori"))) >= {2, 3, 11}
    # a date range finds the events on some day of it (9 lasts two days)
    day = (datetime.date.today() + datetime.timedelta(days=31)).isoformat()
    on_day = {int(r[0]) for r in psql("SELECT id FROM public_events WHERE starts_at::date <= :'d'"
                                      " AND ends_at::date >= :'d'", d=day)}
    assert 9 in on_day
    assert set(ids(events(http, **{"from": day, "to": day}))) == on_day
    assert ids(events(http, q="zzzqqq")) == []
    # the chosen values are shown, each with a link that removes it
    doc = page(events(http, type="webinar", free="1"))
    assert doc.xpath("//ul[@class='chips']//a[@href='/fi/events?free=1']")
    assert doc.xpath("//input[@name='type'][@value='webinar'][@checked]")


def test_tracking_parameters_are_ignored(http):
    assert ids(events(http, utm_source="x", fbclid="y", type="webinar")) == \
        ids(events(http, type="webinar"))


def test_a_page_after_the_last_says_so(http):
    doc = page(events(http, page="999"))
    assert doc.xpath("//p[@class='empty']")
    assert doc.xpath("//nav[contains(@class, 'pagination')]")


@pytest.mark.parametrize("lang", LANGS)
def test_one_event(http, lang):
    doc = page(http.get("/%s/events/1" % lang))
    assert doc.xpath("string(//h1)").strip()
    assert doc.xpath("//a[@href='/%s/organisations/14']" % lang)
    assert doc.xpath("//a[@href='/%s/events/1.ics']" % lang)
    assert doc.xpath("//a[@href='/%s/projects/26']" % lang)
    assert "Opastinsilta 12 B" in doc.xpath("string(//main)")
    ended = page(http.get("/%s/events/31" % lang))
    assert ended.xpath("//p[@class='callout']")
    assert not doc.xpath("//p[@class='callout']")


def test_404_and_410(http):
    assert http.get("/fi/events/900").status_code == 410
    assert http.get("/fi/events/900.ics").status_code == 410
    for path in ("/fi/events/901", "/fi/events/902", "/fi/events/99999999", "/fi/events/abc",
                 "/fi/events/901.ics"):
        assert http.get(path).status_code == 404, path


def test_an_events_text_falls_back_to_another_language(http):
    doc = page(http.get("/en/events/6"))
    assert doc.xpath("//main//*[@lang='fi']")


@pytest.mark.parametrize("lang", LANGS)
def test_front_page_shows_the_next_events(http, psql, lang):
    doc = page(http.get("/%s/" % lang))
    shown = [int(a.get("href").rsplit("/", 1)[1]) for a in
             doc.xpath("//section[@aria-labelledby='events-heading']//h3//a")]
    soonest = [int(r[0]) for r in psql(
        "SELECT id FROM public_events WHERE ends_at >= now() AT TIME ZONE 'Europe/Helsinki'"
        " ORDER BY starts_at, id LIMIT 4")]
    assert shown == soonest
    assert doc.xpath("//a[@href='/%s/events']" % lang)


def test_an_organisations_page_shows_its_events(http):
    doc = page(http.get("/fi/organisations/14"))
    shown = {a.get("href") for a in
             doc.xpath("//section[@aria-labelledby='org-events-heading']//h3//a")}
    assert shown == {"/fi/events/1", "/fi/events/2", "/fi/events/3"}
    doc = page(http.get("/fi/organisations/1"))
    shown = {a.get("href") for a in
             doc.xpath("//section[@aria-labelledby='org-events-heading']//h3//a")}
    assert shown == {"/fi/events/10", "/fi/events/31"}         # not the draft, the queue's, the archived


def test_the_calendar_file(http):
    r = http.get("/en/events/1.ics")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/calendar; charset=utf-8"
    text = r.text
    assert "BEGIN:VEVENT" in text and text.count("BEGIN:VEVENT") == 1
    assert "UID:event-1@" in text
    assert "T123000" in text and "T180000" in text
    assert "Opastinsilta 12 B" in text
    r2 = http.get("/en/events/1.ics", headers={"If-None-Match": r.headers["ETag"]})
    assert r2.status_code == 304
