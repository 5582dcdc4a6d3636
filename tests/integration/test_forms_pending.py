"""Drafts while the organisation waits for approval (issue 14, item 3): its people write and save
drafts of every kind, the page says why they cannot be submitted yet and what happens next, a
submission is refused without losing what was typed, and once a moderator approves the
organisation the same drafts go to review.  Nothing of it is public or in the queue meanwhile."""
import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, make_org, make_user, page
from kt_events import EVENT
from kt_listings import COMPLETE, errors, form_fields, listing_id, rules, with_fields


class Pending:
    """An organisation waiting for approval, its main user and a member, a moderator."""

    def __init__(self, base_url):
        self.base = base_url
        self.main_id, self.main_email = make_user(first="Paula", last="Odottava")
        self.member_id, self.member_email = make_user(first="Jussi", last="Jäsen")
        self.org = make_org(self.main_id, status="pending", members=[self.member_id])
        self.main = self.signed_in(self.main_email)
        self.member = self.signed_in(self.member_email)
        _, mod = make_user(moderator=True)
        self.moderator = self.signed_in(mod)

    def signed_in(self, email):
        p = Person(self.base)
        p.sign_in(email)
        return p

    def post(self, who, path, data):
        return who.post(path, data=data, headers={"Origin": self.base})

    def cleanup(self):
        run_psql("DELETE FROM activities WHERE organisation_id = :'o'", o=self.org)
        run_psql("DELETE FROM events WHERE organisation_id = :'o'", o=self.org)


@pytest.fixture
def org(base_url):
    o = Pending(base_url)
    yield o
    o.cleanup()


def new_draft(org, who, segment="activities", **fields):
    path = "/fi/manage/%s/new" % segment
    r = who.get(path)
    assert r.status_code == 200
    data = with_fields(form_fields(r), organisation=str(org.org), action="save", **fields)
    r = org.post(who, path, data)
    assert r.status_code == 303, (r.status_code, errors(r))
    loc = r.headers["Location"]
    return listing_id(loc) if segment == "activities" else EVENT.id_in(loc)


def test_drafts_are_written_and_the_page_says_why_they_wait(org, http):
    r = org.main.get("/fi/manage/activities/new")
    doc = page(r)
    assert doc.xpath("//form[contains(@class, 'listing-form')]")
    # the organisation is offered, marked as waiting; no submit button, the reason instead
    assert "(odottaa hyväksyntää)" in doc.xpath("string(//select[@name='organisation'])")
    assert not doc.xpath("//button[@value='submit']")
    assert not doc.xpath("//input[starts-with(@name, 'rule_')]")
    callout = " ".join(doc.xpath("string(//div[@class='callout'])").split())
    assert "odottaa ylläpidon hyväksyntää" in callout and "sähköpostia" in callout
    lid = new_draft(org, org.member, title_fi="Odottava kerho")
    doc = page(org.main.get("/fi/manage/activities/%s" % lid))
    assert doc.xpath("//input[@name='title_fi']/@value") == ["Odottava kerho"]
    assert "kun ylläpito on hyväksynyt organisaation" in doc.xpath(
        "string(//section[@aria-labelledby='status-heading'])")
    # saved again, in another language of the page
    r = org.post(org.main, "/sv/manage/activities/%s" % lid,
                 with_fields(form_fields(org.main.get("/sv/manage/activities/%s" % lid)),
                             action="save", title_sv="Väntande klubb"))
    assert r.status_code == 303
    assert "väntar på moderatorernas godkännande" in org.main.get(
        "/sv/manage/activities/%s" % lid).text
    # the workspace lists it; the public and the moderators see nothing
    assert page(org.main.get("/fi/manage")).xpath("//a[@href='/fi/manage/activities/%s']" % lid)
    assert http.get("/fi/activities/%s" % lid).status_code == 404
    assert not page(org.moderator.get("/fi/moderation")).xpath(
        "//a[@href='/fi/moderation/activities/%s']" % lid)


def test_a_submission_waits_for_the_approval_and_keeps_what_was_typed(org):
    lid = new_draft(org, org.main, title_fi="Lähetettävä kerho")
    path = "/fi/manage/activities/%s" % lid
    data = with_fields(form_fields(org.main.get(path)), action="submit",
                       description_fi="Kuvaus, jota ei saa kadottaa.") + rules()
    r = org.post(org.main, path, data)
    assert r.status_code == 403
    doc = page(r)
    assert "odottaa vielä ylläpidon hyväksyntää" in " ".join(
        doc.xpath("string(//div[@class='error-summary'])").split())
    assert doc.xpath("//textarea[@name='description_fi']/text()") == ["Kuvaus, jota ei saa kadottaa."]
    assert run_psql_value("SELECT state FROM activities WHERE id = :'i'", i=lid) == "draft"
    assert run_psql_value("SELECT count(*) FROM audit_log WHERE object_type = 'activity'"
                          " AND object_id = :'i'", i=lid) == "0"
    # a new listing submitted straight away: the same
    r = org.main.get("/fi/manage/activities/new")
    data = with_fields(form_fields(r), organisation=str(org.org), action="submit",
                       title_fi="Suoraan lähetetty", **COMPLETE) + rules()
    r = org.post(org.main, "/fi/manage/activities/new", data)
    assert r.status_code == 403
    assert page(r).xpath("//input[@name='title_fi']/@value") == ["Suoraan lähetetty"]
    assert run_psql_value("SELECT count(*) FROM activities WHERE organisation_id = :'o'",
                          o=org.org) == "1"


def test_once_approved_the_drafts_go_to_review(org):
    lid = new_draft(org, org.main, title_fi="Hyväksynnän jälkeen")
    eid = new_draft(org, org.main, segment="events", title_fi="Seminaari hyväksynnän jälkeen")
    # a moderator approves the organisation
    r = org.moderator.get("/fi/moderation/organisations/%s" % org.org)
    csrf = page(r).xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0]
    r = org.post(org.moderator, "/fi/moderation/organisations/%s" % org.org,
                 {"csrf": csrf, "decision": "approve", "reason": ""})
    assert r.status_code == 303
    doc = page(org.main.get("/fi/manage/activities/%s" % lid))
    assert doc.xpath("//button[@value='submit']")
    path = "/fi/manage/activities/%s" % lid
    r = org.post(org.main, path, with_fields(form_fields(org.main.get(path)), action="submit",
                                             **COMPLETE) + rules())
    assert r.status_code == 303, errors(r)
    path = "/fi/manage/events/%s" % eid
    r = org.post(org.main, path, with_fields(form_fields(org.main.get(path)), action="submit",
                                             **EVENT.complete) + EVENT.rule_fields())
    assert r.status_code == 303, errors(r)
    queue = page(org.moderator.get("/fi/moderation"))
    assert queue.xpath("//a[@href='/fi/moderation/activities/%s']" % lid)
    assert queue.xpath("//a[@href='/fi/moderation/events/%s']" % eid)


def test_the_workspace_offers_drafts_to_a_waiting_organisation(org):
    doc = page(org.main.get("/fi/manage/organisations/%s" % org.org))
    assert doc.xpath("//a[@href='/fi/manage/activities/new?organisation=%s']" % org.org)
    assert doc.xpath("//a[@href='/fi/manage/events/new?organisation=%s']" % org.org)
    assert "luonnoksina" in doc.xpath("string(//main)")
    doc = page(org.member.get("/fi/manage"))
    assert doc.xpath("//a[@href='/fi/manage/activities/new']")


def test_a_rejected_organisation_writes_nothing_and_others_see_nothing(org, base_url):
    lid = new_draft(org, org.main, title_fi="Yksityinen luonnos")
    # someone else's draft: 404, as for any listing that is not theirs
    stranger = Person(base_url)
    stranger.sign_in(make_user()[1])
    assert stranger.get("/fi/manage/activities/%s" % lid).status_code == 404
    run_psql("UPDATE organisations SET status = 'rejected' WHERE id = :'o'", o=org.org)
    r = org.main.get("/fi/manage/activities/%s" % lid)
    assert r.status_code == 200
    assert not page(r).xpath("//form[contains(@class, 'listing-form')]")
    r = org.main.get("/fi/manage/activities/new")
    assert not page(r).xpath("//form[contains(@class, 'listing-form')]")
