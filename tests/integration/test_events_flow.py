"""What an event does beyond the life every kind shares (test_kinds_flow.py): an event over
several days and times that end before they start; kt-admin daily archiving an event a year
after it ended."""
from conftest import run_psql, run_psql_value
from kt_accounts import mails, page
from kt_events import EVENT, EventWorkspace
from kt_listings import field_errors, later, workspace_fixture
from test_listings_freshness import daily

ws = workspace_fixture(EventWorkspace)


def test_a_multi_day_event_and_wrong_times(ws, http):
    eid = ws.create(title_fi="Kaksipäiväinen koulutus")
    r = ws.edit(eid, action="submit", extra=EVENT.rule_fields(),
                **dict(EVENT.complete, start_time="15", end_time="9"))
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
    assert EVENT.audit(eid)[-1] == ("event.end", "1")
    titles = [m[1] for m in mails(ws.main_email, "event_ended")]
    assert titles == ["Päättynyt tapahtuma arkistoitiin: Vanha seminaari"]
    assert http.get("/fi/events/%s" % eid).status_code == 410
    # once only
    daily("2019-06-16T06:00:00Z")
    assert len(mails(ws.main_email, "event_ended")) == 1
