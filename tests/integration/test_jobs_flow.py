"""The whole life of a job through HTTP (issue 12 item 2), on the engine that activities and events
use: write, submit, return, resubmit, approve, edit while published, archive, 410 and the feed's
<deleted>; each step's audit line and mail; a job leaving every public page and the feed at its
deadline with nothing run, then kt-admin daily archiving it; conflicts and the rules of a rejected
job; another organisation's jobs out of reach; anonymous visitors sent to sign in; CSRF."""
import datetime

import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, link_in, make_org, make_user, mails, page
from kt_jobs import JOB_COMPLETE, JobWorkspace, job_rules, job_version_value, later
from kt_listings import errors, field_errors, form_fields, with_fields
from test_listings_freshness import daily

NS = "urn:kotoutuminen:feed:jobs:1"


@pytest.fixture
def ws(base_url):
    w = JobWorkspace(base_url)
    yield w
    w.cleanup()


def audit(jid):
    return [(a, v) for a, v in run_psql(
        "SELECT action, version::text FROM audit_log WHERE object_type = 'job'"
        " AND object_id = :'i' ORDER BY id", i=jid)]


def public_title(http, jid, lang="fi"):
    r = http.get("/%s/jobs/%s" % (lang, jid))
    return r.status_code if r.status_code != 200 else page(r).xpath("string(//h1)").strip()


def feed(http, since):
    r = http.get("/feed/jobs.xml", params={"updated_since": since, "limit": 1000})
    assert r.status_code == 200, r.text[:500]
    return etree.fromstring(r.content)


def feed_items(http, since):
    return {(el.tag.split("}")[1], el.get("id")) for el in feed(http, since)}


def listed(http, jid, **params):
    doc = page(http.get("/fi/jobs", params=params))
    return bool(doc.xpath("//a[@href='/fi/jobs/%s']" % jid))


def test_the_whole_life_of_a_job(ws, http):
    jid = ws.create(title_fi="Kotoutumisen ohjaaja")
    assert ws.state(jid) == ("draft", None, "1", "2")
    assert http.get("/fi/jobs/%s" % jid).status_code == 404
    # the workspace lists it under the jobs, for the member too
    doc = page(ws.member.get("/fi/manage"))
    assert doc.xpath("//section[.//h2[@id='job-listings-heading']]"
                     "//a[@href='/fi/manage/jobs/%s']" % jid)

    # submitting asks for what the public reads and for the job's own rules
    r = ws.edit(jid, action="submit")
    assert r.status_code == 400
    found = field_errors(r)
    for field in ("type", "languages", "municipality", "deadline_date", "apply_url",
                  "description_fi", "rule_job_relevant", "rule_job_employer", "rule_equality"):
        assert "listing-" + field in found, (field, found)
    assert ws.state(jid)[0] == "draft"

    since = run_psql_value("SELECT kt_feed_time(now())")
    ws.submit(jid, who=ws.member)
    assert ws.state(jid)[:3] == ("submitted", None, "1")
    assert run_psql_value("SELECT rules_confirmed::text FROM job_versions WHERE job_id = :'i'",
                          i=jid) == "{job_relevant,job_employer,equality}"
    queue = page(ws.moderator.get("/fi/moderation"))
    row = queue.xpath("//tr[.//a[@href='/fi/moderation/jobs/%s']]" % jid)
    assert row and "Työpaikka tai vapaaehtoistehtävä" in row[0].xpath("string(.)")

    # returned with a reason, corrected as version 2, submitted again
    ws.decide(jid, "return", reason="Lisää palkkatieto.")
    assert ws.state(jid)[:3] == ("returned", None, "1")
    assert "Lisää palkkatieto." in last_mail(ws.main_email, "job_return")[2]
    sv = last_mail(ws.member_email, "job_return")
    assert sv[3] == "sv" and link_in(sv[2]) == "/sv/manage/jobs/%s" % jid
    assert ws.edit(jid, salary="2 900 €/kk").status_code == 303
    assert ws.state(jid)[:3] == ("returned", None, "2")
    ws.submit(jid, salary="2 900 €/kk")
    ws.decide(jid, "approve")
    assert ws.state(jid)[:3] == ("published", "2", "2")
    assert public_title(http, jid) == "Kotoutumisen ohjaaja"
    assert last_mail(ws.main_email, "job_approve")[1] == \
        "Työpaikkailmoitus julkaistu: Kotoutumisen ohjaaja"
    # public everywhere: the list, the organisation's page, the feed
    assert listed(http, jid, q="ohjaaja")
    assert page(http.get("/fi/organisations/%s" % ws.org)).xpath("//a[@href='/fi/jobs/%s']" % jid)
    assert ("job", jid) in feed_items(http, since)

    # an edit of the published job waits while the old one stays public
    assert ws.edit(jid, title_fi="Kotoutumisen ohjaaja (2 paikkaa)").status_code == 303
    assert ws.state(jid)[:3] == ("draft", "2", "3")
    assert public_title(http, jid) == "Kotoutumisen ohjaaja"
    ws.submit(jid, title_fi="Kotoutumisen ohjaaja (2 paikkaa)", salary="2 900 €/kk",
              deadline_time="16")
    doc = page(ws.review(jid))
    changed = [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
               for tr in doc.xpath("//table[contains(@class, 'listing-table')]"
                                   "//tr[@class='changed']")]
    assert changed == ["Otsikko suomeksi", "Hakuaika"]
    ws.decide(jid, "approve")
    assert public_title(http, jid) == "Kotoutumisen ohjaaja (2 paikkaa)"

    # archived: asked once more, then 410 and a deletion in the feed
    since = run_psql_value("SELECT kt_feed_time(now())")
    r = ws.edit(jid, action="archive")
    assert r.status_code == 200 and page(r).xpath("//input[@name='confirm'][@value='yes']")
    r = ws.post(ws.main, ws.path(jid), {"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert ws.state(jid)[0] == "archived"
    assert http.get("/fi/jobs/%s" % jid).status_code == 410
    assert ("deleted", jid) in feed_items(http, since)
    assert audit(jid) == [("job.submit", "1"), ("job.return", "1"), ("job.submit", "2"),
                          ("job.approve", "2"), ("job.submit", "3"), ("job.approve", "3"),
                          ("job.archive", "3")]
    log = page(ws.moderator.get("/fi/moderation/log"))
    assert log.xpath("//a[@href='/fi/moderation/jobs/%s']" % jid)


def test_a_job_goes_at_its_deadline_with_nothing_run(ws, http):
    jid = ws.publish(title_fi="Sulkeutuva haku")
    keep = ws.publish(title_fi="Avoin haku")
    assert listed(http, jid)
    # the deadline passes (yesterday): no state changes, yet it is gone from everything public
    run_psql("UPDATE job_versions SET deadline_date = current_date - 1, deadline_time = '16:00'"
             " WHERE job_id = :'i'", i=jid)
    assert ws.state(jid)[0] == "published"
    assert run_psql_value("SELECT archived_at FROM jobs WHERE id = :'i'", i=jid) is None
    assert not listed(http, jid) and listed(http, keep)
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
    assert audit(jid)[-1] == ("job.end", "1")
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
    r = ws.edit(jid, action="submit", extra=job_rules(),
                **dict(JOB_COMPLETE, apply_url="http://example.org/hae", hours="lots",
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


def test_a_rejected_new_job_is_final_and_a_conflict_loses_nothing(ws):
    jid = ws.create(title_fi="Hylättävä")
    ws.submit(jid)
    ws.decide(jid, "reject", reason="Ei liity kotoutumiseen.")
    assert ws.state(jid)[0] == "rejected"
    assert not page(ws.main.get(ws.path(jid))).xpath("//form[contains(@class, 'listing-form')]")
    assert "Ei liity kotoutumiseen." in last_mail(ws.main_email, "job_reject")[2]
    other = ws.create(title_fi="Yhteinen")
    a, b = ws.main.get(ws.path(other)), ws.member.get(ws.path(other))
    assert ws.post(ws.main, ws.path(other), with_fields(
        form_fields(a), action="save", description_fi="Pääkäyttäjän.")).status_code == 303
    r = ws.post(ws.member, ws.path(other), with_fields(
        form_fields(b), action="save", description_fi="Jäsenen teksti."))
    assert r.status_code == 409
    assert page(r).xpath("string(//textarea[@name='description_fi'])") == "Jäsenen teksti."
    assert job_version_value(other, 1, "description_fi") == "Pääkäyttäjän."
    # a decision on what the moderator no longer sees is a 409 too
    stale = ws.create(title_fi="Muuttuva")
    ws.submit(stale)
    r = ws.review(stale)
    doc = page(r)
    ws.edit(stale, title_fi="Muuttui")
    data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
            "decision": "approve", "reason": "",
            "version": doc.xpath("//input[@name='version']/@value")[0],
            "revision": doc.xpath("//input[@name='revision']/@value")[0]}
    assert ws.post(ws.moderator, "/fi/moderation/jobs/%s" % stale, data).status_code == 409


def test_another_organisations_jobs_are_out_of_reach(ws, base_url, http):
    jid = ws.create(title_fi="Oma")
    uid, email = make_user()
    make_org(uid)
    stranger = Person(base_url)
    stranger.sign_in(email)
    assert stranger.get(ws.path(jid)).status_code == 404
    token = page(stranger.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    r = stranger.post(ws.path(jid), data={"csrf": token, "action": "save", "title_fi": "x",
                                          "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 404
    # a job for an organisation one is not a member of is refused
    r = stranger.get("/fi/manage/jobs/new")
    data = with_fields(form_fields(r), organisation=str(ws.org), action="save", title_fi="x")
    assert stranger.post("/fi/manage/jobs/new", data=data,
                         headers={"Origin": base_url}).status_code in (400, 404)
    assert job_version_value(jid, 1, "title_fi") == "Oma"
    assert run_psql_value("SELECT count(*) FROM jobs WHERE organisation_id = :'o'",
                          o=ws.org) == "1"
    # a member is no moderator; unknown ids are 404
    assert ws.main.get("/fi/moderation/jobs/%s" % jid).status_code == 403
    assert ws.moderator.get("/fi/moderation/jobs/99999999").status_code == 404
    assert ws.main.get("/fi/manage/jobs/abc").status_code == 404
    # anonymous visitors are sent to sign in
    for path in ("/fi/manage/jobs/new", ws.path(jid), "/fi/moderation/jobs/%s" % jid):
        r = http.get(path, allow_redirects=False)
        assert r.status_code == 303 and r.headers["Location"].startswith("/fi/login?next="), path


def test_a_post_without_its_token_is_refused(ws, base_url):
    jid = ws.create(title_fi="Suojattu")
    r = ws.main.post(ws.path(jid), data={"action": "save", "title_fi": "Muutettu",
                                         "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 403
    r = ws.main.post(ws.path(jid), data={"action": "save", "title_fi": "Muutettu",
                                         "revision": "2", "csrf": "x" * 43},
                     headers={"Origin": base_url})
    assert r.status_code == 403
    assert job_version_value(jid, 1, "title_fi") == "Suojattu"


def test_jobs_need_no_confirmation_as_current(ws):
    jid = ws.publish()
    doc = page(ws.main.get(ws.path(jid)))
    assert not doc.xpath("//button[@value='confirm']")
    assert ws.edit(jid, action="confirm").status_code == 409
