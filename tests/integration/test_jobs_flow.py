"""What a job does beyond the life every kind shares (test_kinds_flow.py): leaving every public
page and the feed at its deadline with nothing run, then kt-admin daily archiving it; the
deadline's time in Helsinki; what the job form refuses."""
import datetime

from lxml import etree

from conftest import run_psql, run_psql_value
from kt_accounts import mails, page
from kt_jobs import JOB, JobWorkspace
from kt_listings import field_errors, later, workspace_fixture
from test_listings_freshness import daily

NS = "urn:kotoutuminen:feed:jobs:1"
ws = workspace_fixture(JobWorkspace)


def feed(http, since):
    r = http.get("/feed/jobs.xml", params={"updated_since": since, "limit": 1000})
    assert r.status_code == 200, r.text[:500]
    return etree.fromstring(r.content)


def test_a_job_goes_at_its_deadline_with_nothing_run(ws, http):
    jid = ws.publish(title_fi="Sulkeutuva haku")
    keep = ws.publish(title_fi="Avoin haku")
    assert JOB.listed(http, jid)
    # the deadline passes (yesterday): no state changes, yet it is gone from everything public
    run_psql("UPDATE job_versions SET deadline_date = current_date - 1, deadline_time = '16:00'"
             " WHERE job_id = :'i'", i=jid)
    assert ws.state(jid)[0] == "published"
    assert run_psql_value("SELECT archived_at FROM jobs WHERE id = :'i'", i=jid) is None
    assert not JOB.listed(http, jid) and JOB.listed(http, keep)
    assert http.get("/fi/jobs/%s" % jid).status_code == 410
    assert not page(http.get("/fi/organisations/%s" % ws.org)).xpath(
        "//a[@href='/fi/jobs/%s']" % jid)
    closes = run_psql_value("SELECT kt_feed_time(closes_at) FROM job_versions"
                            " WHERE job_id = :'i'", i=jid)
    # a partner that last synced an hour before it closed (when it was still open)
    since = run_psql_value("SELECT kt_feed_time(closes_at - interval '1 hour') FROM job_versions"
                           " WHERE job_id = :'i'", i=jid)
    doc = feed(http, since)
    gone = doc.xpath("f:deleted[@id=$i]", namespaces={"f": NS}, i=jid)
    assert len(gone) == 1 and gone[0].get("at") == closes
    assert not doc.xpath("f:job[@id=$i]", namespaces={"f": NS}, i=jid)
    # kt-admin daily then archives it, mails the organisation, and the feed keeps one deletion
    # at the same moment
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    daily(now)
    assert ws.state(jid)[0] == "archived" and ws.state(keep)[0] == "published"
    assert run_psql_value("SELECT archive_reason FROM jobs WHERE id = :'i'", i=jid) == "ended"
    assert JOB.audit(jid)[-1] == ("job.end", "1")
    assert [m[1] for m in mails(ws.main_email, "job_ended")] == [
        "Hakuaika päättyi, ilmoitus arkistoitiin: Sulkeutuva haku"]
    gone = feed(http, since).xpath("f:deleted[@id=$i]", namespaces={"f": NS}, i=jid)
    assert len(gone) == 1 and gone[0].get("at") == closes
    assert http.get("/fi/jobs/%s" % jid).status_code == 410


def test_the_deadline_time_counts_in_helsinki(ws, http):
    jid = ws.publish(title_fi="Tänään päättyvä")
    # today, an hour ago in Helsinki: closed; an hour ahead: open
    run_psql("UPDATE job_versions SET deadline_date = (now() AT TIME ZONE 'Europe/Helsinki')::date,"
             " deadline_time = ((now() - interval '1 hour') AT TIME ZONE 'Europe/Helsinki')::time"
             " WHERE job_id = :'i'", i=jid)
    if run_psql_value("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::time > '01:00'") == "t":
        assert http.get("/fi/jobs/%s" % jid).status_code == 410
    run_psql("UPDATE job_versions SET deadline_date = ((now() + interval '1 hour')"
             " AT TIME ZONE 'Europe/Helsinki')::date, deadline_time = ((now() + interval '1 hour')"
             " AT TIME ZONE 'Europe/Helsinki')::time WHERE job_id = :'i'", i=jid)
    assert http.get("/fi/jobs/%s" % jid).status_code == 200
    # without a time, the whole last day is open
    run_psql("UPDATE job_versions SET deadline_date = (now() AT TIME ZONE 'Europe/Helsinki')::date,"
             " deadline_time = NULL WHERE job_id = :'i'", i=jid)
    assert http.get("/fi/jobs/%s" % jid).status_code == 200


def test_what_a_job_form_refuses(ws):
    jid = ws.create(title_fi="Tarkistettava")
    r = ws.edit(jid, action="submit", extra=JOB.rule_fields(),
                **dict(JOB.complete, apply_url="http://example.org/hae", hours="lots",
                       deadline_date=later(-1), apply_email="ei-osoite"))
    assert r.status_code == 400
    found = field_errors(r)
    assert "https://" in found["listing-apply_url"]
    assert "37,5" in found["listing-hours"]
    assert "päättynyt" in found["listing-deadline_date"]
    assert "listing-apply_email" in found
    # the values typed stay in the form
    assert page(r).xpath("string(//input[@name='hours']/@value)") == "lots"
    # remote work needs no municipality; an address is a way to apply
    ws.submit(jid, municipality="", remote="yes", apply_url="", apply_email="rekry@example.org")
    assert run_psql("SELECT is_remote, municipality_code, hours_per_week::text FROM job_versions"
                    " WHERE job_id = :'i'", i=jid)[0] == ("t", None, "37.5")
