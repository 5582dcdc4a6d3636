"""The whole life of an event through HTTP (issue 11 part 2), on the engine that activities use:
write, submit, return, resubmit, approve, edit while published, archive, 410 and the feed's
tombstone; each step's audit line and mail; conflicts and the rules of a rejected event; the
workspace and the moderation queue showing every kind; another organisation's events out of
reach; and kt-admin daily archiving an event a year after it ended."""
import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, link_in, make_org, make_user, mails, page
from kt_events import (EVENT_COMPLETE, EventWorkspace, event_rules, event_version_value,
                       later)
from kt_listings import errors, field_errors, form_fields, with_fields
from test_listings_freshness import daily

NS = {"f": "urn:kotoutuminen:feed:events:1"}


@pytest.fixture
def ws(base_url):
    w = EventWorkspace(base_url)
    yield w
    w.cleanup()


def audit(eid):
    return [(a, v) for a, v in run_psql(
        "SELECT action, version::text FROM audit_log WHERE object_type = 'event'"
        " AND object_id = :'i' ORDER BY id", i=eid)]


def public_title(http, eid, lang="fi"):
    r = http.get("/%s/events/%s" % (lang, eid))
    return r.status_code if r.status_code != 200 else page(r).xpath("string(//h1)").strip()


def feed_items(http, since):
    r = http.get("/feed/events.xml", params={"updated_since": since, "limit": 1000})
    assert r.status_code == 200, r.text[:500]
    doc = etree.fromstring(r.content)
    return {(el.tag.split("}")[1], el.get("id")) for el in doc}


def test_the_whole_life_of_an_event(ws, http, base_url):
    eid = ws.create(title_fi="Yhteistyöseminaari")
    assert ws.state(eid) == ("draft", None, "1", "2")
    assert http.get("/fi/events/%s" % eid).status_code == 404
    # the workspace lists it under the events, for the member too
    doc = page(ws.member.get("/fi/manage"))
    assert doc.xpath("//section[.//h2[@id='event-listings-heading']]"
                     "//a[@href='/fi/manage/events/%s']" % eid)

    # submitting asks for what the public reads and for the event's own rules
    r = ws.edit(eid, action="submit")
    assert r.status_code == 400
    found = field_errors(r)
    for field in ("type", "audiences", "languages", "start_date", "start_time", "end_time",
                  "municipality", "contact_email", "description_fi", "rule_event_relevant",
                  "rule_event_organiser", "rule_equality"):
        assert "listing-" + field in found, (field, found)
    assert ws.state(eid)[0] == "draft"

    since = run_psql_value("SELECT kt_feed_time(now())")
    ws.submit(eid, who=ws.member)
    assert ws.state(eid)[:3] == ("submitted", None, "1")
    assert run_psql_value("SELECT rules_confirmed::text FROM event_versions"
                          " WHERE event_id = :'i'", i=eid) == "{event_relevant,event_organiser,equality}"
    # the queue shows it among the activities, with its kind
    queue = page(ws.moderator.get("/fi/moderation"))
    row = queue.xpath("//tr[.//a[@href='/fi/moderation/events/%s']]" % eid)
    assert row and "Tapahtuma tai koulutus" in row[0].xpath("string(.)")

    # returned with a reason, corrected as version 2, submitted again
    ws.decide(eid, "return", reason="Lisää osoite.")
    assert ws.state(eid)[:3] == ("returned", None, "1")
    assert "Lisää osoite." in last_mail(ws.main_email, "event_return")[2]
    # the member who submitted hears of it too, in Swedish, with a link to the event
    sv = last_mail(ws.member_email, "event_return")
    assert sv[3] == "sv" and "Lisää osoite." in sv[2]
    assert link_in(sv[2]) == "/sv/manage/events/%s" % eid
    assert ws.edit(eid, street_address="Hämeenpuisto 30").status_code == 303
    assert ws.state(eid)[:3] == ("returned", None, "2")
    ws.submit(eid, street_address="Hämeenpuisto 30")
    ws.decide(eid, "approve")
    assert ws.state(eid)[:3] == ("published", "2", "2")
    assert public_title(http, eid) == "Yhteistyöseminaari"
    assert last_mail(ws.main_email, "event_approve")[1] == "Tapahtuma julkaistu: Yhteistyöseminaari"
    # public everywhere: the list, the organisation's page, the feed, Atom, the calendar
    assert page(http.get("/fi/events", params={"q": "Yhteistyöseminaari"})).xpath(
        "//a[@href='/fi/events/%s']" % eid)
    assert page(http.get("/fi/organisations/%s" % ws.org)).xpath(
        "//a[@href='/fi/events/%s']" % eid)
    assert ("event", eid) in feed_items(http, since)
    assert "/fi/events/%s" % eid in http.get("/feed/events.atom").text
    ics = http.get("/fi/events/%s.ics" % eid)
    assert ics.status_code == 200 and "Yhteistyöseminaari" in ics.text
    assert "DTSTART;TZID=Europe/Helsinki:" in ics.text

    # an edit of the published event waits while the old one stays public
    assert ws.edit(eid, title_fi="Yhteistyöseminaari 2.0").status_code == 303
    assert ws.state(eid)[:3] == ("draft", "2", "3")
    assert public_title(http, eid) == "Yhteistyöseminaari"
    ws.submit(eid, title_fi="Yhteistyöseminaari 2.0", start_time="10")
    doc = page(ws.review(eid))
    changed = [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
               for tr in doc.xpath("//table[contains(@class, 'listing-table')]"
                                   "//tr[@class='changed']")]
    assert changed == ["Otsikko suomeksi", "Aika"]
    ws.decide(eid, "approve")
    assert public_title(http, eid) == "Yhteistyöseminaari 2.0"

    # archived: asked once more, then 410 and a tombstone in the feed
    since = run_psql_value("SELECT kt_feed_time(now())")
    r = ws.edit(eid, action="archive")
    assert r.status_code == 200 and page(r).xpath("//input[@name='confirm'][@value='yes']")
    r = ws.post(ws.main, ws.path(eid), {"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert ws.state(eid)[0] == "archived"
    assert http.get("/fi/events/%s" % eid).status_code == 410
    assert http.get("/fi/events/%s.ics" % eid).status_code == 410
    assert ("deleted", eid) in feed_items(http, since)
    assert audit(eid) == [("event.submit", "1"), ("event.return", "1"), ("event.submit", "2"),
                          ("event.approve", "2"), ("event.submit", "3"), ("event.approve", "3"),
                          ("event.archive", "3")]
    # the log names it and links to its review
    log = page(ws.moderator.get("/fi/moderation/log"))
    assert log.xpath("//a[@href='/fi/moderation/events/%s']" % eid)


def test_a_multi_day_event_and_wrong_times(ws, http):
    eid = ws.create(title_fi="Kaksipäiväinen koulutus")
    r = ws.edit(eid, action="submit", extra=event_rules(),
                **dict(EVENT_COMPLETE, start_time="15", end_time="9"))
    assert r.status_code == 400
    assert field_errors(r)["listing-end_time"].endswith(
        "Tapahtuman pitää päättyä alkamisen jälkeen. Tarkista päivät ja kellonajat.")
    # the same times over two days are fine
    ws.submit(eid, start_time="15", end_date=later(31), end_time="9")
    ws.decide(eid, "approve")
    assert run_psql_value("SELECT ends_at - starts_at FROM event_versions WHERE event_id = :'i'",
                          i=eid) == "18:00:00"
    doc = page(http.get("/fi/events/%s" % eid))
    assert doc.xpath("string(//section[@aria-labelledby='when-heading']/p[1])").count(" – ") == 1


def test_a_rejected_new_event_is_final_and_a_conflict_loses_nothing(ws, http):
    eid = ws.create(title_fi="Hylättävä")
    ws.submit(eid)
    ws.decide(eid, "reject", reason="Ei liity kotoutumiseen.")
    assert ws.state(eid)[0] == "rejected"
    r = ws.main.get(ws.path(eid))
    assert not page(r).xpath("//form[contains(@class, 'listing-form')]")
    assert "Ei liity kotoutumiseen." in last_mail(ws.main_email, "event_reject")[2]
    # two people on one draft: the second save is a 409 that keeps their text
    other = ws.create(title_fi="Yhteinen")
    a, b = ws.main.get(ws.path(other)), ws.member.get(ws.path(other))
    assert ws.post(ws.main, ws.path(other), with_fields(
        form_fields(a), action="save", description_fi="Pääkäyttäjän.")).status_code == 303
    r = ws.post(ws.member, ws.path(other), with_fields(
        form_fields(b), action="save", description_fi="Jäsenen teksti."))
    assert r.status_code == 409
    assert page(r).xpath("string(//textarea[@name='description_fi'])") == "Jäsenen teksti."
    assert event_version_value(other, 1, "description_fi") == "Pääkäyttäjän."


def test_another_organisations_events_are_out_of_reach(ws, base_url):
    eid = ws.create(title_fi="Oma")
    uid, email = make_user()
    make_org(uid)
    stranger = Person(base_url)
    stranger.sign_in(email)
    assert stranger.get(ws.path(eid)).status_code == 404
    token = page(stranger.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    r = stranger.post(ws.path(eid), data={"csrf": token, "action": "save", "title_fi": "x",
                                          "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 404
    assert event_version_value(eid, 1, "title_fi") == "Oma"
    # a member is no moderator; the review does not exist for others' kinds of ids either
    assert ws.main.get("/fi/moderation/events/%s" % eid).status_code == 403
    assert ws.moderator.get("/fi/moderation/events/99999999").status_code == 404
    assert ws.main.get("/fi/manage/events/abc").status_code == 404


def test_events_need_no_confirmation_as_current(ws):
    eid = ws.publish()
    doc = page(ws.main.get(ws.path(eid)))
    assert not doc.xpath("//button[@value='confirm']")
    r = ws.edit(eid, action="confirm")
    assert r.status_code == 409
    assert not any(a == "event.confirm" for a, _ in audit(eid))


def test_daily_archives_an_event_a_year_after_it_ended(ws, http):
    eid = ws.publish(title_fi="Vanha seminaari")
    recent = ws.publish(title_fi="Tuore seminaari")
    run_psql("UPDATE event_versions SET start_date = '2018-04-04', end_date = NULL"
             " WHERE event_id = :'i'", i=eid)
    run_psql("UPDATE event_versions SET start_date = '2019-03-01', end_date = NULL"
             " WHERE event_id = :'i'", i=recent)
    out = daily("2019-06-15T06:00:00Z").stdout
    assert "1 ended" in out
    assert ws.state(eid)[0] == "archived" and ws.state(recent)[0] == "published"
    assert run_psql_value("SELECT archive_reason FROM events WHERE id = :'i'", i=eid) == "ended"
    assert audit(eid)[-1] == ("event.end", "1")
    titles = [m[1] for m in mails(ws.main_email, "event_ended")]
    assert titles == ["Päättynyt tapahtuma arkistoitiin: Vanha seminaari"]
    assert http.get("/fi/events/%s" % eid).status_code == 410
    # once only
    daily("2019-06-16T06:00:00Z")
    assert len(mails(ws.main_email, "event_ended")) == 1
