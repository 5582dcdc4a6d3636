"""The life every kind of listing shares on the one lifecycle engine (issues 11 and 12), through
HTTP, once for each of events, jobs, projects and networks: write, submit (asked for the kind's
fields and rules), return with a reason, correct, resubmit, approve, public everywhere, edit
while published (the public version stays until approved), archive, 410; each step's audit line
and mail; a rejected new item is final, a stale save or decision a 409 that loses nothing;
another organisation's items out of reach (404), a member no moderator (403), anonymous visitors
sent to sign in, a POST without its own token refused; the confirmation "still current" only
where the kind asks for it.  What a kind does beyond that has its own file
(test_events_flow.py, test_jobs_flow.py, test_projects_flow.py, test_networks_flow.py); each
kind's part of the shared story is its Life below (the data it types, what it checks on top)."""
import pytest
from lxml import etree

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, link_in, make_org, make_user, page
from kt_events import EventWorkspace
from kt_jobs import JobWorkspace
from kt_listings import field_errors, form_fields, with_fields
from kt_networks import NetworkWorkspace
from kt_projects import ProjectWorkspace


class Life:
    """A kind's part of the shared story; the hooks check what only that kind shows."""
    title = title2 = ""              # its title, and the title of the edit while published
    create = {}                      # typed when it is created
    empty_submit = {}                # typed with the first, incomplete submission
    required = ()                    # fields that submission is refused for (rules: from the Kind)
    not_required = ()                # fields it is not refused for
    queue_label = ""                 # its kind as the moderation queue names it
    reason = ""                      # the moderator's reason to return it
    correction = {}                  # the correction after the return (typed from then on)
    approved_subject = ""            # the approval mail's subject
    listed_by = {}                   # a query of its list page that finds it
    org_section = ""                 # the organisation page's section that links to it
    change = {}                      # the edit while published, besides title2 …
    changed = ()                     # … and the rows the review marks changed
    feed = None                      # its partner feed, if it has one
    confirms = False                 # asked once a year whether it is still current

    def __init__(self, ws, http):
        self.ws, self.http = ws, http

    def fields(self):
        """Typed with every submission (a project's partners)."""
        return {}

    def created(self, lid):
        pass

    def refused(self, lid):
        pass

    def submitted(self, lid):
        pass

    def published(self, lid):
        pass

    def republished(self, lid):
        pass

    def archived(self, lid):
        pass


class EventLife(Life):
    title, title2 = "Yhteistyöseminaari", "Yhteistyöseminaari 2.0"
    required = ("type", "audiences", "languages", "start_date", "start_time", "end_time",
                "municipality", "contact_email", "description_fi")
    queue_label = "Tapahtuma tai koulutus"
    reason = "Lisää osoite."
    correction = {"street_address": "Hämeenpuisto 30"}
    approved_subject = "Tapahtuma julkaistu: Yhteistyöseminaari"
    listed_by = {"q": "Yhteistyöseminaari"}
    org_section = "org-events-heading"
    change, changed = {"start_time": "10"}, ("Aika",)
    feed = "/feed/events.xml"

    def published(self, eid):
        # Atom and the calendar too
        assert "/fi/events/%s" % eid in self.http.get("/feed/events.atom").text
        ics = self.http.get("/fi/events/%s.ics" % eid)
        assert ics.status_code == 200 and "Yhteistyöseminaari" in ics.text
        assert "DTSTART;TZID=Europe/Helsinki:" in ics.text

    def archived(self, eid):
        assert self.http.get("/fi/events/%s.ics" % eid).status_code == 410


class JobLife(Life):
    title, title2 = "Kotoutumisen ohjaaja", "Kotoutumisen ohjaaja (2 paikkaa)"
    required = ("type", "languages", "municipality", "deadline_date", "apply_url",
                "description_fi")
    queue_label = "Työpaikka tai vapaaehtoistehtävä"
    reason = "Lisää palkkatieto."
    correction = {"salary_fi": "2 900 €/kk"}
    approved_subject = "Työpaikkailmoitus julkaistu: Kotoutumisen ohjaaja"
    listed_by = {"q": "ohjaaja"}
    org_section = "org-jobs-heading"
    change, changed = {"deadline_time": "16"}, ("Hakuaika",)
    feed = "/feed/jobs.xml"


class ProjectLife(Life):
    title, title2 = "Kielipolku", "Kielipolku 2"
    required = ("start_date", "end_date", "funder", "regions", "contact_email", "description_fi")
    queue_label = "Hanke"
    reason = "Lisää kumppanien rooli kuvaukseen."
    correction = {"description_fi": "Hanke vie kielen harjoittelun kirjastoihin kumppaneiden"
                                    " kanssa."}
    approved_subject = "Hanke julkaistu: Kielipolku"
    listed_by = {"funder": "amif", "objective": "amif_2_2", "active": "1", "q": "Kielipolku"}
    org_section = "projects-heading"
    change, changed = {"grant": "150000"}, ("Myönnetty tuki",)

    def __init__(self, ws, http):
        super().__init__(ws, http)
        self.partner = make_org(make_user()[0])

    def fields(self):
        return {"partners": [str(self.partner), "2"]}

    def submitted(self, pid):
        assert self.ws.kind.version_value(pid, 1, "partners::text") == "{%s,2}" % self.partner
        assert self.ws.kind.version_value(pid, 1, "grant_eur::text") == "120000.00"
        # the review names the objective, the partners and the region in words
        review = page(self.ws.review(pid)).xpath("string(//main)")
        assert "2.2 Kotoutuminen" in review and "Helsingin kaupunki" in review
        assert "Uusimaa" in review

    def published(self, pid):
        # partners linked, the objective in the page's language; another objective's list,
        # and the partner's page
        doc = page(self.http.get("/sv/projects/%s" % pid))
        assert doc.xpath("//a[@href='/sv/organisations/%s']" % self.partner)
        assert doc.xpath("//a[@href='/sv/organisations/2']")
        assert "2.2 Integration" in doc.xpath("string(//dl[@class='facts'])")
        assert "Kotoutuminen" not in doc.xpath("string(//dl[@class='facts'])")
        assert not self.ws.kind.listed(self.http, pid, objective="amif_2_3", q="Kielipolku")
        assert page(self.http.get("/fi/organisations/%s" % self.partner)).xpath(
            "//section[@aria-labelledby='partner-projects-heading']"
            "//a[@href='/fi/projects/%s']" % pid)

    def republished(self, pid):
        # activities of the organisation can name it now by its new name
        assert run_psql_value("SELECT name FROM projects WHERE id = :'i'", i=pid) == "Kielipolku 2"

    def archived(self, pid):
        assert not self.ws.kind.listed(self.http, pid, q="Kielipolku")
        assert run_psql_value("SELECT name FROM projects WHERE id = :'i'", i=pid) is None
        run_psql("DELETE FROM projects WHERE organisation_id = :'o'", o=self.partner)


class NetworkLife(Life):
    title, title2 = "Kotoutumisverkosto", "Kotoutumisverkosto 2.0"
    create = {"activities_fi": "Tapaamiset\n\n  Kerhot  "}
    # a language begun needs its name, description and what it does
    empty_submit = {"title_en": "Integration network"}
    required = ("description_fi", "description_en", "activities_en", "area", "audiences",
                "contact_name", "contact_email")
    not_required = ("activities_fi",)
    queue_label = "Verkosto"
    reason = "Lisää resurssit."
    correction = {"resources_fi": "Vapaaehtoiset"}
    approved_subject = "Verkosto julkaistu: Kotoutumisverkosto"
    listed_by = {"q": "Kotoutumisverkosto"}
    org_section = "org-networks-heading"
    change, changed = {"area": "national", "region": ""}, ("Toiminta-alue",)
    confirms = True

    def created(self, nid):
        # the list items are kept as typed
        assert self.ws.kind.version_value(nid, 1, "activities_fi") == "Tapaamiset\n\n  Kerhot"

    def refused(self, nid):
        # a region is asked for when the area is one
        r = self.ws.edit(nid, action="submit", area="region")
        assert "listing-region" in field_errors(r)

    def published(self, nid):
        # its page shows the lists as lists, and the region
        doc = page(self.http.get("/fi/networks/%s" % nid))
        assert doc.xpath("//section[.//h2[@id='list-activities-heading']]//li/text()") == \
            ["Kohtaamispaikat", "Kerhot"]
        assert doc.xpath("//section[.//h2[@id='list-resources-heading']]//li/text()") == \
            ["Vapaaehtoiset"]
        assert "Kymenlaakso" in doc.xpath("string(//dl)")

    def republished(self, nid):
        assert self.ws.kind.version_value(nid, 3, "region_code") is None


LIVES = {"event": (EventWorkspace, EventLife), "job": (JobWorkspace, JobLife),
         "project": (ProjectWorkspace, ProjectLife), "network": (NetworkWorkspace, NetworkLife)}


@pytest.fixture(params=list(LIVES))
def ws(request, base_url):
    w = LIVES[request.param][0](base_url)
    yield w
    w.cleanup()


@pytest.fixture
def life(ws, http):
    return LIVES[ws.kind.name][1](ws, http)


def feed_items(http, feed, since):
    r = http.get(feed, params={"updated_since": since, "limit": 1000})
    assert r.status_code == 200, r.text[:500]
    return {(el.tag.split("}")[1], el.get("id")) for el in etree.fromstring(r.content)}


def changed_rows(ws, lid):
    """The rows the review marks changed, by their headings."""
    doc = page(ws.review(lid))
    return [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
            for tr in doc.xpath("//table[contains(@class, 'listing-table')]"
                                "//tr[@class='changed']")]


def test_the_whole_life(ws, life, http):
    kind, plural = ws.kind, ws.kind.plural
    lid = ws.create(title_fi=life.title, **life.create)
    assert ws.state(lid) == ("draft", None, "1", "2")
    assert http.get("/fi/%s/%s" % (plural, lid)).status_code == 404
    life.created(lid)
    # the workspace lists it under its kind, for the member too
    doc = page(ws.member.get("/fi/manage"))
    assert doc.xpath("//section[.//h2[@id='%s-listings-heading']]"
                     "//a[@href='/fi/manage/%s/%s']" % (kind.name, plural, lid))

    # submitting asks for what the public reads and for the kind's own rules
    r = ws.edit(lid, action="submit", **life.empty_submit)
    assert r.status_code == 400
    found = field_errors(r)
    for field in life.required + tuple("rule_" + r for r in kind.rules):
        assert "listing-" + field in found, (field, found)
    for field in life.not_required:
        assert "listing-" + field not in found, (field, found)
    life.refused(lid)
    assert ws.state(lid)[0] == "draft"

    since = run_psql_value("SELECT kt_feed_time(now())")
    ws.submit(lid, who=ws.member, **life.fields())
    assert ws.state(lid)[:3] == ("submitted", None, "1")
    assert kind.version_value(lid, 1, "rules_confirmed::text") == "{%s}" % ",".join(kind.rules)
    # the queue shows it among the other kinds, with its kind
    queue = page(ws.moderator.get("/fi/moderation"))
    row = queue.xpath("//tr[.//a[@href='/fi/moderation/%s/%s']]" % (plural, lid))
    assert row and life.queue_label in row[0].xpath("string(.)")
    life.submitted(lid)

    # returned with a reason, told to the main user and (in Swedish, with a link to the item)
    # to the member who submitted it; corrected as version 2, submitted again
    ws.decide(lid, "return", reason=life.reason)
    assert ws.state(lid)[:3] == ("returned", None, "1")
    assert life.reason in last_mail(ws.main_email, kind.name + "_return")[2]
    sv = last_mail(ws.member_email, kind.name + "_return")
    assert sv[3] == "sv" and life.reason in sv[2]
    assert link_in(sv[2]) == "/sv/manage/%s/%s" % (plural, lid)
    correction = dict(life.fields(), **life.correction)
    assert ws.edit(lid, **correction).status_code == 303
    assert ws.state(lid)[:3] == ("returned", None, "2")
    ws.submit(lid, **correction)
    assert ws.state(lid)[:3] == ("submitted", None, "2")
    ws.decide(lid, "approve")
    assert ws.state(lid)[:3] == ("published", "2", "2")
    assert kind.public_title(http, lid) == life.title
    assert last_mail(ws.main_email, kind.name + "_approve")[1] == life.approved_subject
    # public everywhere: its list, the organisation's page, the feed
    assert kind.listed(http, lid, **life.listed_by)
    assert page(http.get("/fi/organisations/%s" % ws.org)).xpath(
        "//section[@aria-labelledby='%s']//a[@href='/fi/%s/%s']" % (life.org_section, plural,
                                                                    lid))
    if life.feed:
        assert (kind.name, lid) in feed_items(http, life.feed, since)
    life.published(lid)

    # an edit of the published item waits while the old one stays public
    assert ws.edit(lid, title_fi=life.title2).status_code == 303
    assert ws.state(lid)[:3] == ("draft", "2", "3")
    assert kind.public_title(http, lid) == life.title
    ws.submit(lid, title_fi=life.title2, **dict(correction, **life.change))
    assert changed_rows(ws, lid) == ["Otsikko suomeksi"] + list(life.changed)
    assert kind.public_title(http, lid) == life.title
    ws.decide(lid, "approve")
    assert kind.public_title(http, lid) == life.title2
    life.republished(lid)

    # archived: asked once more, then 410 (and a deletion in the feed)
    since = run_psql_value("SELECT kt_feed_time(now())")
    r = ws.edit(lid, action="archive")
    assert r.status_code == 200 and page(r).xpath("//input[@name='confirm'][@value='yes']")
    r = ws.post(ws.main, ws.path(lid), {"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert ws.state(lid)[0] == "archived"
    assert http.get("/fi/%s/%s" % (plural, lid)).status_code == 410
    if life.feed:
        assert ("deleted", lid) in feed_items(http, life.feed, since)
    life.archived(lid)
    assert ws.kind.audit(lid) == [(kind.name + "." + a, v) for a, v in (
        ("submit", "1"), ("return", "1"), ("submit", "2"), ("approve", "2"), ("submit", "3"),
        ("approve", "3"), ("archive", "3"))]
    # the log names it and links to its review
    log = page(ws.moderator.get("/fi/moderation/log"))
    assert log.xpath("//a[@href='/fi/moderation/%s/%s']" % (plural, lid))


def test_a_rejected_new_item_is_final(ws):
    lid = ws.create(title_fi="Hylättävä")
    ws.submit(lid)
    ws.decide(lid, "reject", reason="Ei liity kotoutumiseen.")
    assert ws.state(lid)[0] == "rejected"
    assert not page(ws.main.get(ws.path(lid))).xpath("//form[contains(@class, 'listing-form')]")
    assert "Ei liity kotoutumiseen." in last_mail(ws.main_email, ws.kind.name + "_reject")[2]


def test_a_stale_save_or_decision_is_a_conflict_that_loses_nothing(ws):
    # two people on one draft: the second save is a 409 that keeps their text
    lid = ws.create(title_fi="Yhteinen")
    a, b = ws.main.get(ws.path(lid)), ws.member.get(ws.path(lid))
    assert ws.post(ws.main, ws.path(lid), with_fields(
        form_fields(a), action="save", description_fi="Pääkäyttäjän.")).status_code == 303
    r = ws.post(ws.member, ws.path(lid), with_fields(
        form_fields(b), action="save", description_fi="Jäsenen teksti."))
    assert r.status_code == 409
    assert page(r).xpath("string(//textarea[@name='description_fi'])") == "Jäsenen teksti."
    assert ws.kind.version_value(lid, 1, "description_fi") == "Pääkäyttäjän."
    # a decision on what the moderator no longer sees is a 409 too
    stale = ws.create(title_fi="Muuttuva")
    ws.submit(stale)
    data = ws.decision(stale, "approve")
    ws.edit(stale, title_fi="Muuttui")
    assert ws.post(ws.moderator, ws.review_path(stale), data).status_code == 409


def test_another_organisations_items_are_out_of_reach(ws, base_url, http):
    plural = ws.kind.plural
    lid = ws.create(title_fi="Oma")
    uid, email = make_user()
    make_org(uid)
    stranger = Person(base_url)
    stranger.sign_in(email)
    assert stranger.get(ws.path(lid)).status_code == 404
    token = page(stranger.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    r = stranger.post(ws.path(lid), data={"csrf": token, "action": "save", "title_fi": "x",
                                          "revision": "2"}, headers={"Origin": base_url})
    assert r.status_code == 404
    # an item for an organisation one is not a member of is refused
    r = stranger.get(ws.path())
    data = with_fields(form_fields(r), organisation=str(ws.org), action="save", title_fi="x")
    assert stranger.post(ws.path(), data=data,
                         headers={"Origin": base_url}).status_code in (400, 404)
    assert ws.kind.version_value(lid, 1, "title_fi") == "Oma"
    assert run_psql_value("SELECT count(*) FROM %s WHERE organisation_id = :'o'" % plural,
                          o=ws.org) == "1"
    # a member is no moderator; unknown and malformed ids are 404
    assert ws.main.get(ws.review_path(lid)).status_code == 403
    assert ws.moderator.get(ws.review_path(99999999)).status_code == 404
    assert ws.main.get("/fi/manage/%s/abc" % plural).status_code == 404
    # anonymous visitors are sent to sign in
    for path in (ws.path(), ws.path(lid), ws.review_path(lid)):
        r = http.get(path, allow_redirects=False)
        assert r.status_code == 303 and r.headers["Location"].startswith("/fi/login?next="), path


def test_a_post_without_its_own_token_is_refused(ws, base_url):
    lid = ws.create(title_fi="Suojattu")
    uid, email = make_user()
    make_org(uid)
    other = Person(base_url)
    other.sign_in(email)
    others = page(other.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    for token in (None, "x" * 43, others):
        data = {"action": "save", "title_fi": "Muutettu", "revision": "2"}
        if token:
            data["csrf"] = token
        assert ws.post(ws.main, ws.path(lid), data).status_code == 403, token
    assert ws.kind.version_value(lid, 1, "title_fi") == "Suojattu"


def test_confirming_as_current_only_where_the_kind_asks_for_it(ws, life):
    lid = ws.publish()
    doc = page(ws.main.get(ws.path(lid)))
    assert bool(doc.xpath("//button[@value='confirm']")) == life.confirms
    r = ws.edit(lid, action="confirm")
    assert r.status_code == (303 if life.confirms else 409)
    confirmed = [line for line in ws.kind.audit(lid) if line[0] == ws.kind.name + ".confirm"]
    assert confirmed == ([(ws.kind.name + ".confirm", "1")] if life.confirms else [])
