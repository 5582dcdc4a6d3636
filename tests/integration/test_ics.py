"""GET /{lang}/activities/{id}.ics: RFC 5545 calendars of an activity's weekly times and
sessions, parsed with python3-icalendar (Debian)."""
import datetime

import icalendar
import pytest
from dateutil import rrule

from feedlib import Scratch

HELSINKI = "Europe/Helsinki"


@pytest.fixture
def scratch(psql):
    s = Scratch(psql)
    yield s
    s.cleanup()


def ics(http, path, status=200, headers=None):
    r = http.get(path, headers=headers or {})
    assert r.status_code == status, (r.status_code, r.text[:300])
    if status != 200:
        return r, None
    assert r.headers["Content-Type"] == "text/calendar; charset=utf-8"
    raw = r.content
    assert raw.endswith(b"\r\n")
    for line in raw.split(b"\r\n")[:-1]:
        assert b"\n" not in line and b"\r" not in line, "bare LF or CR"
        assert len(line) <= 75, "line of %d octets: %r" % (len(line), line)
    cal = icalendar.Calendar.from_ical(raw)
    return r, cal


def events(cal):
    return [c for c in cal.walk() if c.name == "VEVENT"]


def local(value):
    """A DTSTART/DTEND as naive local time, checking that it is in Europe/Helsinki."""
    dt = value.dt
    assert dt.tzinfo is not None and HELSINKI in str(dt.tzinfo), dt.tzinfo
    return dt.replace(tzinfo=None)


def test_weekly_schedule_recurs_until_the_period_ends(http, base_url):
    r, cal = ics(http, "/fi/activities/1.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    tz = [c for c in cal.walk() if c.name == "VTIMEZONE"]
    assert len(tz) == 1 and tz[0]["TZID"] == HELSINKI
    evs = events(cal)
    assert len(evs) == 2
    tue, thu = evs
    assert local(tue["DTSTART"]) == datetime.datetime(2026, 8, 18, 17, 0)   # a Tuesday
    assert local(tue["DTEND"]) == datetime.datetime(2026, 8, 18, 18, 30)
    assert tue["RRULE"]["FREQ"] == ["WEEKLY"] and tue["RRULE"]["BYDAY"] == ["TU"]
    until = tue["RRULE"]["UNTIL"][0]
    # the end of the period's last day, 27 May 2027, in UTC (23:59:59 EEST)
    assert until == datetime.datetime(2027, 5, 27, 20, 59, 59, tzinfo=datetime.timezone.utc)
    assert local(thu["DTSTART"]) == datetime.datetime(2026, 8, 20, 10, 0)
    assert thu["RRULE"]["BYDAY"] == ["TH"]
    assert str(tue["SUMMARY"]) == "Suomen kielen kielikerho Itäkeskuksen kirjastossa"
    assert tue["SUMMARY"].params["LANGUAGE"] == "fi"
    assert str(tue["LOCATION"]) == "Turunlinnantie 1, 00930 Helsinki"
    assert str(tue["URL"]) == base_url + "/fi/activities/1"
    assert str(tue["DESCRIPTION"]).startswith("Tule harjoittelemaan suomea")
    assert "\n\n" in str(tue["DESCRIPTION"])
    assert tue["UID"] != thu["UID"]
    assert tue["DTSTAMP"].dt.tzinfo is not None
    # expanded: every Tuesday from the start to the last one in the period
    rule = rrule.rrulestr(tue["RRULE"].to_ical().decode(), dtstart=tue["DTSTART"].dt)
    dates = list(rule)
    assert all(d.isoweekday() == 2 for d in dates)
    assert dates[0].date() == datetime.date(2026, 8, 18)
    assert dates[-1].date() == datetime.date(2027, 5, 25)
    assert r.headers["ETag"]


def test_language_and_fallback(http):
    _, cal = ics(http, "/sv/activities/1.ics")
    ev = events(cal)[0]
    assert str(ev["SUMMARY"]) == "Finsk språkklubb på Östra centrums bibliotek"
    assert ev["SUMMARY"].params["LANGUAGE"] == "sv"
    assert str(ev["URL"]).endswith("/sv/activities/1")
    _, cal = ics(http, "/en/activities/2.ics")
    ev = events(cal)[0]
    assert ev["SUMMARY"].params["LANGUAGE"] == "fi"
    assert str(ev["SUMMARY"]) == "Kielikahvila lapsiperheille leikkipuistossa"


def test_sessions_are_single_events(http):
    _, cal = ics(http, "/en/activities/3.ics")
    evs = events(cal)
    assert len(evs) == 7
    assert all("RRULE" not in e for e in evs)
    starts = [local(e["DTSTART"]) for e in evs]
    assert starts[0] == datetime.datetime(2026, 9, 15, 18, 0)
    assert starts[3] == datetime.datetime(2026, 12, 8, 18, 0)
    assert all(local(e["DTEND"]) - local(e["DTSTART"]) == datetime.timedelta(minutes=90)
               for e in evs)
    # an online activity says so where the place would be
    assert str(evs[0]["LOCATION"]) == "Online or by phone"
    assert len({str(e["UID"]) for e in evs}) == 7


def test_hostile_text_is_escaped(http, psql, scratch):
    ident = scratch.make(780001, 780001)[0]
    hostile = 'Kerho; ryhmä, "testi"\\ \r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:x'
    # one-line columns hold no line break at all (sql/009_accounts.sql); a description does
    line = hostile.replace("\r\n", " ").replace("\n", " ")
    psql("UPDATE activity_versions SET title_fi = :'l', street_address = :'l', "
         "description_fi = :'t' WHERE activity_id = :'id'", l=line, t=hostile, id=ident)
    with pytest.raises(RuntimeError, match="activity_versions_title_fi_text"):
        psql("UPDATE activity_versions SET title_fi = :'t' WHERE activity_id = :'id'",
             t=hostile, id=ident)
    r, cal = ics(http, "/fi/activities/%d.ics" % ident)
    evs = events(cal)
    assert len(evs) == 1, "the text must not have started an event of its own"
    assert str(evs[0]["SUMMARY"]) == line
    assert b"\r\nEND:VEVENT\r\nBEGIN:VEVENT" not in r.content.split(b"BEGIN:VEVENT", 1)[1][:200]


def test_without_a_period_the_series_starts_when_published(http, psql, scratch):
    ident = scratch.make(780101, 780101)[0]     # published 2020-01-01, a Wednesday slot
    psql("UPDATE activity_versions SET start_date = NULL, end_date = NULL "
         "WHERE activity_id = :'id'", id=ident)
    _, cal = ics(http, "/fi/activities/%d.ics" % ident)
    ev = events(cal)[0]
    assert local(ev["DTSTART"]) == datetime.datetime(2020, 1, 1, 18, 0)
    assert "UNTIL" not in ev["RRULE"]


def test_a_slot_outside_a_short_period_has_no_event(http, psql, scratch):
    ident = scratch.make(780201, 780201)[0]     # Wednesday slot
    psql("UPDATE activity_versions SET start_date = '2026-11-23', end_date = '2026-11-24' "
         "WHERE activity_id = :'id'", id=ident)  # Monday and Tuesday only
    _, cal = ics(http, "/fi/activities/%d.ics" % ident)
    assert events(cal) == []
    assert [c for c in cal.walk() if c.name == "VTIMEZONE"]


@pytest.mark.parametrize("path,status", [
    ("/fi/activities/900.ics", 410), ("/sv/activities/901.ics", 404),
    ("/en/activities/999999.ics", 404), ("/fi/activities/abc.ics", 404),
    ("/fi/activities/.ics", 404), ("/fi/activities/1.ics/x", 404),
])
def test_not_found_and_gone_as_for_the_page(http, path, status):
    r = http.get(path)
    assert r.status_code == status
    assert r.headers["Content-Type"].startswith("text/html")
    assert "<main" in r.text


def test_etag_and_304(http, psql, scratch):
    ident = scratch.make(780301, 780301)[0]
    r, _ = ics(http, "/fi/activities/%d.ics" % ident)
    r2 = http.get("/fi/activities/%d.ics" % ident, headers={"If-None-Match": r.headers["ETag"]})
    assert r2.status_code == 304
    psql("UPDATE activity_versions SET title_fi = 'Uusi' WHERE activity_id = :'id'", id=ident)
    r3 = http.get("/fi/activities/%d.ics" % ident, headers={"If-None-Match": r.headers["ETag"]})
    assert r3.status_code == 200
    assert "SUMMARY;LANGUAGE=fi:Uusi" in r3.text


def test_the_page_links_its_calendar(http):
    r = http.get("/fi/activities/1")
    assert 'href="/fi/activities/1.ics"' in r.text
