"""The whole life of a project through HTTP (issue 12 item 3), on the engine that activities
and events use: write, save a draft, submit, return, resubmit, approve, edit while published,
archive, 410; partners chosen from approved organisations and shown linked; the funder's
rules (AMIF and its objectives, another funder by name); each step's audit line and mail;
conflicts; another organisation's projects out of reach; CSRF and signing in."""
import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, link_in, make_org, make_user, page
from kt_listings import errors, field_errors, form_fields, with_fields
from kt_projects import (PROJECT_COMPLETE, ProjectWorkspace, day, project_rules,
                         project_version_value)


@pytest.fixture
def ws(base_url):
    w = ProjectWorkspace(base_url)
    yield w
    w.cleanup()


DESCRIPTION = "Hanke vie kielen harjoittelun kirjastoihin kumppaneiden kanssa."


def audit(pid):
    return [(a, v) for a, v in run_psql(
        "SELECT action, version::text FROM audit_log WHERE object_type = 'project'"
        " AND object_id = :'i' ORDER BY id", i=pid)]


def public_name(http, pid, lang="fi"):
    r = http.get("/%s/projects/%s" % (lang, pid))
    return r.status_code if r.status_code != 200 else page(r).xpath("string(//h1)").strip()


def test_the_whole_life_of_a_project(ws, http):
    partner_uid, _ = make_user()
    partner = make_org(partner_uid)
    pid = ws.create(title_fi="Kielipolku")
    assert ws.state(pid) == ("draft", None, "1", "2")
    assert http.get("/fi/projects/%s" % pid).status_code == 404
    # the workspace lists it under the projects, for the member too
    doc = page(ws.member.get("/fi/manage"))
    assert doc.xpath("//a[@href='/fi/manage/projects/%s']" % pid)

    # submitting asks for what the public reads and for the project's own rules
    r = ws.edit(pid, action="submit")
    assert r.status_code == 400
    found = field_errors(r)
    for field in ("start_date", "end_date", "funder", "regions", "contact_email",
                  "description_fi", "rule_project_funded", "rule_project_runner",
                  "rule_equality"):
        assert "listing-" + field in found, (field, found)
    assert ws.state(pid)[0] == "draft"

    ws.submit(pid, who=ws.member, partners=[str(partner), "2"])
    assert ws.state(pid)[:3] == ("submitted", None, "1")
    assert project_version_value(pid, 1, "partners::text") == "{%s,2}" % partner
    assert project_version_value(pid, 1, "grant_eur::text") == "120000.00"
    queue = page(ws.moderator.get("/fi/moderation"))
    row = queue.xpath("//tr[.//a[@href='/fi/moderation/projects/%s']]" % pid)
    assert row and "Hanke" in row[0].xpath("string(.)")
    # the review names the objective, the partners and the region in words
    review = page(ws.review(pid)).xpath("string(//main)")
    assert "2.2 Kotoutuminen" in review and "Helsingin kaupunki" in review and "Uusimaa" in review

    # returned with a reason, corrected as version 2, submitted again
    ws.decide(pid, "return", reason="Lisää kumppanien rooli kuvaukseen.")
    assert ws.state(pid)[:3] == ("returned", None, "1")
    assert "Lisää kumppanien rooli" in last_mail(ws.main_email, "project_return")[2]
    sv = last_mail(ws.member_email, "project_return")
    assert sv[3] == "sv" and link_in(sv[2]) == "/sv/manage/projects/%s" % pid
    ws.submit(pid, partners=[str(partner), "2"], description_fi=DESCRIPTION)
    assert ws.state(pid)[:3] == ("submitted", None, "2")
    ws.decide(pid, "approve")
    assert ws.state(pid)[:3] == ("published", "2", "2")
    assert last_mail(ws.main_email, "project_approve")[1] == "Hanke julkaistu: Kielipolku"

    # public: its page (partners linked, the objective in the page's language), the list
    # with its filters, the organisation's page and the partner's page
    doc = page(http.get("/sv/projects/%s" % pid))
    assert doc.xpath("//a[@href='/sv/organisations/%s']" % partner)
    assert doc.xpath("//a[@href='/sv/organisations/2']")
    assert "2.2 Integration" in doc.xpath("string(//dl[@class='facts'])")
    assert "Kotoutuminen" not in doc.xpath("string(//dl[@class='facts'])")
    listed = page(http.get("/fi/projects", params={"funder": "amif", "objective": "amif_2_2",
                                                   "active": "1", "q": "Kielipolku"}))
    assert listed.xpath("//a[@href='/fi/projects/%s']" % pid)
    assert not page(http.get("/fi/projects", params={"objective": "amif_2_3",
                                                     "q": "Kielipolku"})).xpath(
        "//a[@href='/fi/projects/%s']" % pid)
    assert page(http.get("/fi/organisations/%s" % ws.org)).xpath(
        "//section[@aria-labelledby='projects-heading']//a[@href='/fi/projects/%s']" % pid)
    assert page(http.get("/fi/organisations/%s" % partner)).xpath(
        "//section[@aria-labelledby='partner-projects-heading']"
        "//a[@href='/fi/projects/%s']" % pid)

    # an edit of the published project waits while the old one stays public
    assert ws.edit(pid, title_fi="Kielipolku 2").status_code == 303
    assert ws.state(pid)[:3] == ("draft", "2", "3")
    assert public_name(http, pid) == "Kielipolku"
    ws.submit(pid, title_fi="Kielipolku 2", partners=[str(partner), "2"], grant="150000",
              description_fi=DESCRIPTION)
    doc = page(ws.review(pid))
    changed = [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
               for tr in doc.xpath("//table[contains(@class, 'listing-table')]"
                                   "//tr[@class='changed']")]
    assert changed == ["Otsikko suomeksi", "Myönnetty tuki"]
    assert public_name(http, pid) == "Kielipolku"
    ws.decide(pid, "approve")
    assert public_name(http, pid) == "Kielipolku 2"
    # activities of the organisation can name it now by its new name
    assert run_psql_value("SELECT name FROM projects WHERE id = :'i'", i=pid) == "Kielipolku 2"

    # archived: asked once more, then 410, and gone from the lists
    r = ws.edit(pid, action="archive")
    assert r.status_code == 200 and page(r).xpath("//input[@name='confirm'][@value='yes']")
    r = ws.post(ws.main, ws.path(pid), {"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert ws.state(pid)[0] == "archived"
    assert http.get("/fi/projects/%s" % pid).status_code == 410
    assert not page(http.get("/fi/projects", params={"q": "Kielipolku"})).xpath(
        "//a[@href='/fi/projects/%s']" % pid)
    assert run_psql_value("SELECT name FROM projects WHERE id = :'i'", i=pid) is None
    assert audit(pid) == [("project.submit", "1"), ("project.return", "1"),
                          ("project.submit", "2"), ("project.approve", "2"),
                          ("project.submit", "3"), ("project.approve", "3"),
                          ("project.archive", "3")]
    log = page(ws.moderator.get("/fi/moderation/log"))
    assert log.xpath("//a[@href='/fi/moderation/projects/%s']" % pid)
    run_psql("DELETE FROM projects WHERE organisation_id = :'o'", o=partner)


@pytest.mark.parametrize("fields, field, text", [
    ({"funder": "esr", "objective": "amif_2_1"}, "objective",
     "Kansallinen tavoite koskee vain AMIF-hankkeita."),
    ({"funder": "amif", "objective": ""}, "objective",
     "Valitse AMIF-rahaston kansallinen tavoite"),
    ({"funder": "amif", "funder_name": "Säätiö"}, "funder_name",
     "Kirjoita rahoittajan nimi vain, kun rahoittaja on ”Muu rahoittaja”"),
    ({"funder": "other", "objective": "", "funder_name": ""}, "funder_name",
     "Kirjoita muun rahoittajan nimi."),
    ({"funder": "nobody"}, "funder", "Valitse rahoittaja luettelosta."),
    ({"objective": "amif_9_9"}, "objective", "Valitse kansallinen tavoite luettelosta."),
    ({"grant": "paljon"}, "grant", "Kirjoita tuki euroina numeroilla"),
    ({"grant": "1 2 3"}, "grant", "Kirjoita tuki euroina numeroilla"),
    ({"start_date": day(10), "end_date": day(5)}, "end_date", ""),
    ({"nationwide": "yes"}, "regions", "Valitse joko koko Suomi tai maakunnat"),
    ({"regions": "99"}, "regions", "Valitse maakunnat luettelosta."),
    ({"partners": "90"}, "partners", "Valitse kumppanit luettelosta."),
    ({"contact_email": "", "url": ""}, "contact_email", "Anna sähköpostiosoite"),
])
def test_the_funder_area_and_partners_are_checked(ws, fields, field, text):
    pid = ws.create(title_fi="Tarkistettava hanke")
    r = ws.edit(pid, action="submit", extra=project_rules(), **dict(PROJECT_COMPLETE, **fields))
    assert r.status_code == 400, errors(r)
    found = field_errors(r)
    assert "listing-" + field in found, found
    assert text in found["listing-" + field]
    assert ws.state(pid)[0] == "draft"


def test_own_organisation_is_no_partner_and_another_funder_is_named(ws, http):
    pid = ws.create(title_fi="Oma kumppani")
    r = ws.edit(pid, action="submit", extra=project_rules(),
                **dict(PROJECT_COMPLETE, partners=str(ws.org)))
    assert r.status_code == 400 and "listing-partners" in field_errors(r)
    ws.submit(pid, funder="other", objective="", funder_name="Esimerkkisäätiö",
              nationwide="yes", regions=[])
    ws.decide(pid, "approve")
    doc = page(http.get("/en/projects/%s" % pid))
    facts = doc.xpath("string(//dl[@class='facts'])")
    assert "Esimerkkisäätiö" in facts and "The whole of Finland" in facts
    listed = page(http.get("/en/projects", params={"funder": "other", "q": "Oma kumppani"}))
    assert listed.xpath("//a[@href='/en/projects/%s']" % pid)


def test_a_conflict_loses_nothing_and_a_rejected_project_is_final(ws):
    pid = ws.create(title_fi="Yhteinen hanke")
    a, b = ws.main.get(ws.path(pid)), ws.member.get(ws.path(pid))
    assert ws.post(ws.main, ws.path(pid), with_fields(
        form_fields(a), action="save", description_fi="Pääkäyttäjän.")).status_code == 303
    r = ws.post(ws.member, ws.path(pid), with_fields(
        form_fields(b), action="save", description_fi="Jäsenen teksti."))
    assert r.status_code == 409
    assert page(r).xpath("string(//textarea[@name='description_fi'])") == "Jäsenen teksti."
    assert project_version_value(pid, 1, "description_fi") == "Pääkäyttäjän."
    ws.submit(pid)
    ws.decide(pid, "reject", reason="Ei kotoutumishanke.")
    assert ws.state(pid)[0] == "rejected"
    assert not page(ws.main.get(ws.path(pid))).xpath("//form[contains(@class, 'listing-form')]")
    assert "Ei kotoutumishanke." in last_mail(ws.main_email, "project_reject")[2]


def test_another_organisations_projects_are_out_of_reach(ws, base_url, http):
    pid = ws.create(title_fi="Oma hanke")
    uid, email = make_user()
    make_org(uid)
    stranger = Person(base_url)
    stranger.sign_in(email)
    assert stranger.get(ws.path(pid)).status_code == 404
    token = page(stranger.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    r = stranger.post(ws.path(pid), data={"csrf": token, "action": "save", "title_fi": "x",
                                          "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 404
    assert project_version_value(pid, 1, "title_fi") == "Oma hanke"
    # a member is no moderator; unknown and malformed ids are 404
    assert ws.main.get("/fi/moderation/projects/%s" % pid).status_code == 403
    assert ws.moderator.get("/fi/moderation/projects/99999999").status_code == 404
    assert ws.main.get("/fi/manage/projects/abc").status_code == 404
    # no token, or someone else's: 403 and nothing saved
    r = ws.post(ws.main, ws.path(pid), {"action": "save", "title_fi": "Ilman", "revision": "2"})
    assert r.status_code == 403
    r = ws.post(ws.main, ws.path(pid), {"csrf": token, "action": "save", "title_fi": "Vieras",
                                        "revision": "2"})
    assert r.status_code == 403
    assert project_version_value(pid, 1, "title_fi") == "Oma hanke"
    # anonymous visitors are sent to sign in
    for path in ("/fi/manage/projects/new", ws.path(pid), "/fi/moderation/projects/%s" % pid):
        r = http.get(path, allow_redirects=False)
        assert r.status_code == 303 and "/fi/login?next=" in r.headers["Location"], path


def test_projects_need_no_confirmation_and_do_not_end(ws, http):
    pid = ws.publish(start_date=day(-900), end_date=day(-400))
    assert not page(ws.main.get(ws.path(pid))).xpath("//button[@value='confirm']")
    assert ws.edit(pid, action="confirm").status_code == 409
    # an ended project stays public, marked as ended, and is not among the running ones
    doc = page(http.get("/en/projects/%s" % pid))
    assert "The project has ended" in doc.xpath("string(//main)")
    assert not page(http.get("/en/projects", params={"active": "1", "q": "Julkaistu hanke"})
                    ).xpath("//a[@href='/en/projects/%s']" % pid)
