"""Freshness of listings (issue 5): `kt-admin daily` reminds an organisation 30 days before a
listing turns one year unconfirmed, archives it at one year, and archives listings whose end
date (or, for an event series, last date) has passed.  A fixed clock (--now) in 2019, long
before any demo listing was written, so that only this test's listings are due."""
import pathlib

from conftest import run_psql, run_psql_value
from kt_accounts import link_in, mails
from kt_listings import Workspace, workspace_fixture
from test_kt_admin import kt_admin

ROOT = pathlib.Path(__file__).resolve().parents[2]


def daily(now, *more, check=True):
    return kt_admin("daily", "--now", now, "--base-url", "https://kotoutumisentukena.example",
                    "--stylesheets", str(ROOT / "xslt"), *more, check=check)


ws = workspace_fixture(Workspace)


def demo_public():
    return run_psql_value("SELECT count(*) FROM public_activities WHERE id <= 903")


def test_reminder_once_then_archived_at_a_year_unless_confirmed(ws, http):
    stale, kept = ws.publish(title_fi="Unohtunut kerho"), ws.publish(title_fi="Vahvistettu kerho")
    run_psql("UPDATE activities SET confirmed_at = '2018-07-10 12:00+03' WHERE id IN (:'a', :'b')",
             a=stale, b=kept)
    before = demo_public()

    out = daily("2019-06-15T06:00:00Z").stdout
    assert "reminder" in out
    reminders = mails(ws.main_email, "listing_reminder")
    assert len(reminders) == 2
    subject, body = reminders[0][1], reminders[0][2]
    assert subject.startswith("Vahvista, että ilmoitus on ajan tasalla:")
    assert "10.7.2019" in body
    assert {link_in(m[2]) for m in reminders} == {"/fi/manage/activities/%s" % stale,
                                                  "/fi/manage/activities/%s" % kept}
    assert "https://kotoutumisentukena.example/fi/manage/activities/" in body
    # the member who submitted them reads Swedish
    assert [m[3] for m in mails(ws.member_email, "listing_reminder")] == []   # main user submitted
    # once only, however often it runs
    daily("2019-06-15T06:00:00Z")
    daily("2019-06-20T06:00:00Z")
    assert len(mails(ws.main_email, "listing_reminder")) == 2

    # someone clicks "still current" on one of them (as the button does)
    run_psql("UPDATE activities SET confirmed_at = '2019-06-21 10:00+03', reminded_at = NULL"
             " WHERE id = :'b'", b=kept)
    daily("2019-07-11T06:00:00Z")
    assert ws.state(stale)[0] == "archived"
    assert ws.state(kept)[0] == "published"
    assert run_psql("SELECT archive_reason, archived_at = '2019-07-11T06:00:00Z'"
                    " FROM activities WHERE id = :'i'", i=stale) == [("unconfirmed", "t")]
    assert run_psql("SELECT actor_id, action, version::text FROM audit_log WHERE object_type ="
                    " 'activity' AND object_id = :'i' ORDER BY id DESC LIMIT 1", i=stale) == \
        [(None, "activity.expire", "1")]
    expired = mails(ws.main_email, "listing_expired")
    assert len(expired) == 1 and "Unohtunut kerho" in expired[0][1]
    assert http.get("/fi/activities/%s" % stale).status_code == 410
    r = ws.main.get(ws.path(stale))
    assert "Ilmoitusta ei vahvistettu ajantasaiseksi vuoteen." in r.text
    assert demo_public() == before


def test_listings_that_ended_are_archived(ws, http):
    ended = ws.publish(title_fi="Päättynyt kurssi")
    series = ws.publish(title_fi="Mennyt sarja", slot_weekday="", slot_start="", slot_end="",
                        session_date=["1.6.2099", "8.6.2099"], session_start=["18", "18"],
                        session_end=["", ""])
    weekly = ws.publish(title_fi="Jatkuva kerho", session_date=["1.6.2099", "8.6.2099"],
                        session_start=["18", "18"], session_end=["", ""])
    run_psql("UPDATE activity_versions SET end_date = '2019-05-31' WHERE activity_id = :'i';"
             " UPDATE activity_sessions SET starts_at = starts_at - interval '80 years',"
             "  ends_at = ends_at - interval '80 years' WHERE activity_id IN (:'s', :'w');"
             " UPDATE activities SET confirmed_at = '2019-05-01' WHERE id IN (:'i', :'s', :'w')",
             i=ended, s=series, w=weekly)
    before = demo_public()
    assert run_psql_value("SELECT max(starts_at)::date::text FROM activity_sessions"
                          " WHERE activity_id = :'s'", s=series) == "2019-06-08"

    daily("2019-06-01T08:00:00Z")
    assert ws.state(ended)[0] == "archived"
    assert ws.state(series)[0] == "published"         # its last date is still to come
    daily("2019-06-09T08:00:00Z")
    assert ws.state(series)[0] == "archived"
    assert ws.state(weekly)[0] == "published"         # weekly times go on
    for lid in (ended, series):
        assert run_psql_value("SELECT archive_reason FROM activities WHERE id = :'i'",
                              i=lid) == "ended"
        assert http.get("/fi/activities/%s" % lid).status_code == 410
    titles = sorted(m[1] for m in mails(ws.main_email, "listing_ended"))
    assert titles == ["Päättynyt ilmoitus arkistoitiin: Mennyt sarja",
                      "Päättynyt ilmoitus arkistoitiin: Päättynyt kurssi"]
    assert demo_public() == before


def test_dry_run_changes_nothing(ws):
    lid = ws.publish()
    run_psql("UPDATE activities SET confirmed_at = '2017-01-01' WHERE id = :'i'", i=lid)
    out = daily("2019-06-01T08:00:00Z", "--dry-run").stdout
    assert "(dry run)" in out and "1 unconfirmed" in out
    assert ws.state(lid)[0] == "published"
    assert mails(ws.main_email, "listing_expired") == []


def test_daily_needs_a_base_url_and_the_texts(monkeypatch):
    monkeypatch.delenv("KT_BASE_URL")
    proc = kt_admin("daily", "--now", "2019-06-01T08:00:00Z", check=False)
    assert proc.returncode == 2 and "--base-url" in proc.stderr
    proc = kt_admin("daily", "--base-url", "https://x.example", "--stylesheets", "/nonexistent",
                    check=False)
    assert proc.returncode == 1 and "mail texts" in proc.stderr
