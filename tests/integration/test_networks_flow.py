"""The whole life of a network through HTTP (issue 12 item 4), on the engine that activities
and events use: write, save a draft, submit, return, resubmit, approve, edit while published
(the public version stays until approved), archive, 410; each step's audit line and mail;
a stale save (409); another organisation's networks out of reach."""
import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, link_in, make_org, make_user, page
from kt_listings import errors, field_errors, form_fields, with_fields
from kt_networks import NetworkWorkspace, network_version_value
from test_listings_freshness import daily


@pytest.fixture
def ws(base_url):
    w = NetworkWorkspace(base_url)
    yield w
    w.cleanup()


def audit(nid):
    return [(a, v) for a, v in run_psql(
        "SELECT action, version::text FROM audit_log WHERE object_type = 'network'"
        " AND object_id = :'i' ORDER BY id", i=nid)]


def public_title(http, nid, lang="fi"):
    r = http.get("/%s/networks/%s" % (lang, nid))
    return r.status_code if r.status_code != 200 else page(r).xpath("string(//h1)").strip()


def test_the_whole_life_of_a_network(ws, http):
    nid = ws.create(title_fi="Kotoutumisverkosto", activities_fi="Tapaamiset\n\n  Kerhot  ")
    assert ws.state(nid) == ("draft", None, "1", "2")
    assert http.get("/fi/networks/%s" % nid).status_code == 404
    # the list items are kept as typed, and the workspace lists the draft for the member too
    assert network_version_value(nid, 1, "activities_fi") == "Tapaamiset\n\n  Kerhot"
    doc = page(ws.member.get("/fi/manage"))
    assert doc.xpath("//section[.//h2[@id='network-listings-heading']]"
                     "//a[@href='/fi/manage/networks/%s']" % nid)

    # submitting asks for what the public reads and for the network's own rules
    # (a language begun needs its name, description and what it does)
    r = ws.edit(nid, action="submit", title_en="Integration network")
    assert r.status_code == 400
    found = field_errors(r)
    assert "listing-activities_fi" not in found
    for field in ("description_fi", "description_en", "activities_en", "area", "audiences",
                  "contact_name",
                  "contact_email", "rule_network_relevant", "rule_network_coordinator",
                  "rule_equality"):
        assert "listing-" + field in found, (field, found)
    # a region is asked for when the area is one
    r = ws.edit(nid, action="submit", area="region")
    assert "listing-region" in field_errors(r)
    assert ws.state(nid)[0] == "draft"

    ws.submit(nid, who=ws.member)
    assert ws.state(nid)[:3] == ("submitted", None, "1")
    assert run_psql_value("SELECT rules_confirmed::text FROM network_versions"
                          " WHERE network_id = :'i'", i=nid) == \
        "{network_relevant,network_coordinator,equality}"
    queue = page(ws.moderator.get("/fi/moderation"))
    row = queue.xpath("//tr[.//a[@href='/fi/moderation/networks/%s']]" % nid)
    assert row and "Verkosto" in row[0].xpath("string(.)")

    ws.decide(nid, "return", reason="Lisää resurssit.")
    assert ws.state(nid)[:3] == ("returned", None, "1")
    assert "Lisää resurssit." in last_mail(ws.main_email, "network_return")[2]
    sv = last_mail(ws.member_email, "network_return")
    assert sv[3] == "sv" and link_in(sv[2]) == "/sv/manage/networks/%s" % nid
    assert ws.edit(nid, resources_fi="Vapaaehtoiset").status_code == 303
    assert ws.state(nid)[:3] == ("returned", None, "2")
    ws.submit(nid, resources_fi="Vapaaehtoiset")
    ws.decide(nid, "approve")
    assert ws.state(nid)[:3] == ("published", "2", "2")
    assert public_title(http, nid) == "Kotoutumisverkosto"
    assert last_mail(ws.main_email, "network_approve")[1] == "Verkosto julkaistu: Kotoutumisverkosto"
    # public: its page with the lists as lists, the list page, the organisation's page
    doc = page(http.get("/fi/networks/%s" % nid))
    assert doc.xpath("//section[.//h2[@id='list-activities-heading']]//li/text()") == \
        ["Kohtaamispaikat", "Kerhot"]
    assert doc.xpath("//section[.//h2[@id='list-resources-heading']]//li/text()") == \
        ["Vapaaehtoiset"]
    assert "Kymenlaakso" in doc.xpath("string(//dl)")
    assert page(http.get("/fi/networks", params={"q": "Kotoutumisverkosto"})).xpath(
        "//a[@href='/fi/networks/%s']" % nid)
    org = page(http.get("/fi/organisations/%s" % ws.org))
    assert org.xpath("//section[.//h2[@id='org-networks-heading']]"
                     "//a[@href='/fi/networks/%s']" % nid)

    # an edit of the published network waits while the old one stays public
    assert ws.edit(nid, title_fi="Kotoutumisverkosto 2.0").status_code == 303
    assert ws.state(nid)[:3] == ("draft", "2", "3")
    assert public_title(http, nid) == "Kotoutumisverkosto"
    ws.submit(nid, title_fi="Kotoutumisverkosto 2.0", area="national", region="")
    doc = page(ws.review(nid))
    changed = [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
               for tr in doc.xpath("//table[contains(@class, 'listing-table')]"
                                   "//tr[@class='changed']")]
    assert changed == ["Otsikko suomeksi", "Toiminta-alue"]
    ws.decide(nid, "approve")
    assert public_title(http, nid) == "Kotoutumisverkosto 2.0"
    assert network_version_value(nid, 3, "region_code") is None

    # archived: asked once more, then 410
    r = ws.edit(nid, action="archive")
    assert r.status_code == 200 and page(r).xpath("//input[@name='confirm'][@value='yes']")
    r = ws.post(ws.main, ws.path(nid), {"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert ws.state(nid)[0] == "archived"
    assert http.get("/fi/networks/%s" % nid).status_code == 410
    assert audit(nid) == [("network.submit", "1"), ("network.return", "1"),
                          ("network.submit", "2"), ("network.approve", "2"),
                          ("network.submit", "3"), ("network.approve", "3"),
                          ("network.archive", "3")]
    log = page(ws.moderator.get("/fi/moderation/log"))
    assert log.xpath("//a[@href='/fi/moderation/networks/%s']" % nid)


def test_a_stale_save_is_a_conflict_that_loses_nothing(ws):
    nid = ws.create(title_fi="Verkosto")
    a = ws.main.get(ws.path(nid))
    b = ws.member.get(ws.path(nid))
    r = ws.post(ws.main, ws.path(nid), with_fields(form_fields(a), action="save",
                                                   description_fi="Pääkäyttäjän."))
    assert r.status_code == 303
    r = ws.post(ws.member, ws.path(nid), with_fields(form_fields(b), action="save",
                                                     description_fi="Jäsenen teksti."))
    assert r.status_code == 409
    assert page(r).xpath("string(//textarea[@name='description_fi'])") == "Jäsenen teksti."
    assert network_version_value(nid, 1, "description_fi") == "Pääkäyttäjän."


def test_wrong_values_are_messages_and_kept(ws):
    nid = ws.create(title_fi="Verkosto")
    r = ws.edit(nid, area="municipalities", municipalities=["999", "285"],
                audiences=["nobody"], contact_email="not an address", url="javascript:x")
    assert r.status_code == 400
    found = field_errors(r)
    for field in ("municipalities", "audiences", "contact_email", "url"):
        assert "listing-" + field in found, (field, found)
    doc = page(r)
    assert doc.xpath("//select[@name='municipalities']/optgroup/option[@value='285'][@selected]")
    # the other choices of the area are not kept: a region typed with municipalities goes
    assert ws.edit(nid, area="municipalities", region="08",
                   municipalities=["285", "286"]).status_code == 303
    assert network_version_value(nid, 1, "region_code") is None
    assert network_version_value(nid, 1, "municipalities::text") == "{285,286}"
    # fifty-one items are too many for one list
    r = ws.edit(nid, benefits_en="\n".join("item %d" % i for i in range(51)))
    assert r.status_code == 400 and "listing-benefits_en" in field_errors(r)


def test_networks_are_confirmed_as_current_once_a_year(ws):
    nid = ws.publish()
    doc = page(ws.main.get(ws.path(nid)))
    assert doc.xpath("//button[@value='confirm']")
    assert ws.edit(nid, action="confirm").status_code == 303
    assert audit(nid)[-1] == ("network.confirm", "1")


def test_another_organisations_networks_are_out_of_reach(ws, base_url):
    nid = ws.create(title_fi="Oma")
    uid, email = make_user()
    make_org(uid)
    stranger = Person(base_url)
    stranger.sign_in(email)
    assert stranger.get(ws.path(nid)).status_code == 404
    token = page(stranger.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    r = stranger.post(ws.path(nid), data={"csrf": token, "action": "save", "title_fi": "x",
                                          "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 404
    assert network_version_value(nid, 1, "title_fi") == "Oma"
    assert ws.main.get("/fi/moderation/networks/%s" % nid).status_code == 403
    assert ws.moderator.get("/fi/moderation/networks/99999999").status_code == 404
    assert ws.main.get("/fi/manage/networks/abc").status_code == 404
    # anonymous: to sign in
    anon = Person(base_url)
    r = anon.get(ws.path(nid), allow_redirects=False)
    assert r.status_code == 303 and "/fi/login?next=" in r.headers["Location"]
    r = anon.get("/fi/manage/networks/new", allow_redirects=False)
    assert r.status_code == 303


def test_a_post_without_its_token_is_refused(ws, base_url):
    nid = ws.create(title_fi="Oma")
    r = ws.main.post(ws.path(nid), data={"action": "save", "title_fi": "x", "revision": "2"},
                     headers={"Origin": base_url})
    assert r.status_code == 403
    assert network_version_value(nid, 1, "title_fi") == "Oma"


def test_daily_reminds_and_archives_a_network_not_confirmed_for_a_year(ws, http):
    nid = ws.publish(title_fi="Unohtunut verkosto")
    # (a clock in the past, so that no demo listing is due)
    run_psql("UPDATE networks SET confirmed_at = '2018-07-15' WHERE id = :'i'", i=nid)
    daily("2019-06-20T06:00:00Z")
    assert ws.state(nid)[0] == "published"
    assert last_mail(ws.main_email, "network_reminder")[1] == \
        "Vahvista, että verkoston tiedot ovat ajan tasalla: Unohtunut verkosto"
    out = daily("2019-07-20T06:00:00Z").stdout
    assert "1 unconfirmed" in out
    assert ws.state(nid)[0] == "archived"
    assert run_psql_value("SELECT archive_reason FROM networks WHERE id = :'i'",
                          i=nid) == "unconfirmed"
    assert audit(nid)[-1] == ("network.expire", "1")
    assert last_mail(ws.main_email, "network_expired")
    assert http.get("/fi/networks/%s" % nid).status_code == 410
