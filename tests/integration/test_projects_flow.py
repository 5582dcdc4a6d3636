"""What a project does beyond the life every kind shares (test_kinds_flow.py): the funder's
rules (AMIF and its objectives, another funder by name), the area and the partners checked;
one's own organisation no partner; an ended project stays public, marked as ended."""
import pytest

from kt_accounts import page
from kt_listings import errors, field_errors, workspace_fixture
from kt_projects import PROJECT, ProjectWorkspace, day

ws = workspace_fixture(ProjectWorkspace)


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
    r = ws.edit(pid, action="submit", extra=PROJECT.rule_fields(),
                **dict(PROJECT.complete, **fields))
    assert r.status_code == 400, errors(r)
    found = field_errors(r)
    assert "listing-" + field in found, found
    assert text in found["listing-" + field]
    assert ws.state(pid)[0] == "draft"


def test_own_organisation_is_no_partner_and_another_funder_is_named(ws, http):
    pid = ws.create(title_fi="Oma kumppani")
    r = ws.edit(pid, action="submit", extra=PROJECT.rule_fields(),
                **dict(PROJECT.complete, partners=str(ws.org)))
    assert r.status_code == 400 and "listing-partners" in field_errors(r)
    ws.submit(pid, funder="other", objective="", funder_name="Esimerkkisäätiö",
              nationwide="yes", regions=[])
    ws.decide(pid, "approve")
    doc = page(http.get("/en/projects/%s" % pid))
    facts = doc.xpath("string(//dl[@class='facts'])")
    assert "Esimerkkisäätiö" in facts and "The whole of Finland" in facts
    listed = page(http.get("/en/projects", params={"funder": "other", "q": "Oma kumppani"}))
    assert listed.xpath("//a[@href='/en/projects/%s']" % pid)


def test_projects_do_not_end(ws, http):
    pid = ws.publish(start_date=day(-900), end_date=day(-400))
    # an ended project stays public, marked as ended, and is not among the running ones
    doc = page(http.get("/en/projects/%s" % pid))
    assert "The project has ended" in doc.xpath("string(//main)")
    assert not page(http.get("/en/projects", params={"active": "1", "q": "Julkaistu hanke"})
                    ).xpath("//a[@href='/en/projects/%s']" % pid)
