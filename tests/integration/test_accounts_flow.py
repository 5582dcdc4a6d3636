"""The whole life of an organisation's accounts through real HTTP and the emails' links
(issue 4): register -> verify -> create organisation -> moderator approves -> a second person
asks to join -> main user approves -> the main-user role is handed on."""
import re

import pytest

from kt_accounts import (MODERATOR, Person, business_id, clear_throttle, last_mail, link_in,
                         mail_link, mails, make_org, make_user, page, unique_email, user_id)


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


def register(person, lang="fi", **overrides):
    email = overrides.pop("email", None) or unique_email("reg")
    fields = dict(first_name="Aino", last_name="Aaltonen", email=email, phone="+358 40 123 4567",
                  password="vihreä kirahvi ui järvessä", terms="yes")
    fields.update(overrides)
    r = person.submit("/%s/register" % lang, **fields)
    assert r.status_code == 303, r.text[:3000]
    assert r.headers["Location"] == "/%s/register/sent" % lang
    return email


def verify(person, email, password="vihreä kirahvi ui järvessä"):
    """Opens the mailed link: one person registered the address, so opening it confirms
    (GET /{lang}/verify/{token}, ROUTES.md) and signs in.  (An address registered more than
    once asks for the registration's password: test_accounts_takeover.py.)"""
    path = mail_link(email, "verify")
    assert re.fullmatch(r"/(fi|sv|en)/verify/[A-Za-z0-9_-]{43}", path), path
    r = person.get(path)
    assert r.status_code == 303, r.text[:2000]
    assert r.headers["Location"] == "/%s/manage?done=verified" % path[1:3]
    assert person.cookies.get("kt_session"), "confirming signs in"
    return path


def test_whole_flow(base_url, psql, psql_value):
    # 1. register, confirm the address with the emailed link
    aino = Person(base_url)
    email = register(aino)
    subject, body = last_mail(email, "verify")[1:3]
    assert subject == "Vahvista sähköpostiosoitteesi"
    # nobody has confirmed the address yet: the mail carries no name anyone typed
    assert body.startswith("Hei,\n") and "Aino" not in body
    assert psql_value("SELECT email_verified_at FROM users WHERE email = :'e'", e=email) is None
    link = verify(aino, email)
    assert psql("SELECT email_verified_at IS NOT NULL, first_name, last_name, phone FROM users"
                " WHERE email = :'e'", e=email) == [("t", "Aino", "Aaltonen", "+358 40 123 4567")]
    # a link opened again (by its owner after a mail scanner) confirms nothing new: sign in
    again = aino.get(link)
    assert (again.status_code, again.headers["Location"]) == (303, "/fi/login?done=verified")

    # 2. signed in by confirming: register an organisation, which waits for a moderator
    bid = business_id()
    name = "Kotoutumisen ystävät %s ry" % bid[:7]
    r = aino.submit("/fi/manage/organisations/new", name=name, type="association",
                    business_id=bid, registry_number="222.333", municipality="837",
                    website="https://example.org/ystavat", description="Kerhoja ja retkiä.")
    assert r.status_code == 303, r.text[:3000]
    m = re.fullmatch(r"/fi/manage/organisations/(\d+)\?done=created", r.headers["Location"])
    assert m, r.headers["Location"]
    org = m.group(1)
    assert psql("SELECT status, type, municipality_code, description_fi, created_by::text"
                " FROM organisations WHERE id = :'o'", o=org) == [
        ("pending", "association", "837", "Kerhoja ja retkiä.", user_id(email))]
    assert psql("SELECT role, status FROM memberships WHERE organisation_id = :'o'", o=org) == [
        ("main", "active")]
    assert last_mail(email, "org_received")
    doc = page(aino.get(r.headers["Location"]))
    assert doc.xpath("//p[@role='status']"), "notice after the redirect"
    assert Person(base_url).get("/fi/organisations/%s" % org).status_code == 404

    # 3. a moderator approves it from the queue; the main user is told
    mod = Person(base_url)
    mod.sign_in(MODERATOR)
    queue = page(mod.get("/fi/moderation"))
    assert queue.xpath("//a[@href='/fi/moderation/organisations/%s']" % org)
    r = mod.submit("/fi/moderation/organisations/%s" % org, decision="approve", reason="")
    assert r.status_code == 303, r.text[:2000]
    assert r.headers["Location"] == "/fi/moderation?done=approved"
    assert psql_value("SELECT status FROM organisations WHERE id = :'o'", o=org) == "approved"
    assert name in last_mail(email, "org_approved")[2]
    assert Person(base_url).get("/fi/organisations/%s" % org).status_code == 200
    log = mod.get("/fi/moderation/log")
    assert log.status_code == 200 and name in log.text
    # a decided organisation cannot be decided again
    r = mod.post("/fi/moderation/organisations/%s" % org, headers={"Origin": base_url},
                 data={"csrf": page(mod.get("/fi/moderation")).xpath(
                     "//input[@name='csrf']/@value")[0], "decision": "reject", "reason": "x"})
    assert r.status_code == 409

    # 4. a second person registers in Swedish, finds the organisation and asks to join
    bo = Person(base_url)
    bo_email = register(bo, lang="sv", first_name="Bo", last_name="Berg",
                        password="blå elefanter dansar tango")
    assert last_mail(bo_email, "verify")[3] == "sv"
    verify(bo, bo_email, "blå elefanter dansar tango")
    found = page(bo.get("/sv/manage/join", params={"q": bid}))
    assert found.xpath("//input[@name='organisation'][@value='%s']" % org)
    r = bo.submit("/sv/manage/join", form_page="/sv/manage/join?q=" + bid, organisation=org)
    assert r.status_code == 303 and r.headers["Location"] == "/sv/manage?done=requested"
    assert psql("SELECT role, status FROM memberships WHERE organisation_id = :'o'"
                " AND user_id = :'u'", o=org, u=user_id(bo_email)) == [("member", "pending")]
    request_mail = last_mail(email, "membership_request")
    assert "Bo Berg" in request_mail[2]

    # 5. the main user follows the mail's link and approves
    manage = link_in(request_mail[2])
    assert manage == "/fi/manage/organisations/%s" % org
    r = aino.submit(manage, action="approve", member=user_id(bo_email))
    assert r.status_code == 303 and r.headers["Location"] == manage + "?done=approve"
    assert psql_value("SELECT status FROM memberships WHERE organisation_id = :'o'"
                      " AND user_id = :'u'", o=org, u=user_id(bo_email)) == "active"
    assert last_mail(bo_email, "membership_approve")[3] == "sv"
    assert bo.get("/sv/manage/organisations/%s" % org).status_code == 200

    # 6. the main-user role is handed on: Bo is main, Aino an ordinary member
    r = aino.submit(manage, action="make_main", member=user_id(bo_email))
    assert r.status_code == 303, r.text[:2000]
    assert dict(psql("SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id"
                     " WHERE m.organisation_id = :'o'", o=org)) == {email: "member",
                                                                    bo_email: "main"}
    assert last_mail(bo_email, "membership_make_main")
    # Aino may no longer decide anything
    r = aino.submit(manage, action="remove", member=user_id(bo_email))
    assert r.status_code == 403
    # every decision is in the audit log
    actions = [a for (a,) in psql("SELECT action FROM audit_log WHERE object_type = 'organisation'"
                                  " AND object_id = :'o' ORDER BY id", o=org)]
    assert actions == ["organisation.register", "organisation.approve", "membership.request",
                       "membership.approve", "membership.make_main"]


def test_rejection_needs_a_reason_which_is_emailed(base_url, psql_value):
    uid, email = make_user()
    org = make_org(uid, status="pending")
    mod = Person(base_url)
    mod.sign_in(MODERATOR, lang="en")
    path = "/en/moderation/organisations/%s" % org
    r = mod.submit(path, decision="reject", reason="  ")
    assert r.status_code == 400
    doc = page(r)
    assert doc.xpath("//a[@href='#decision-reason']")
    assert doc.xpath("//input[@name='decision'][@value='reject'][@checked]")
    r = mod.submit(path, decision="reject", reason="Not a registered association.")
    assert r.status_code == 303
    assert psql_value("SELECT status || ':' || decision_reason FROM organisations WHERE id = :'o'",
                      o=org) == "rejected:Not a registered association."
    assert "Not a registered association." in last_mail(email, "org_rejected")[2]
    # the main user sees the reason in the workspace
    owner = Person(base_url)
    owner.sign_in(email)
    assert "Not a registered association." in owner.get("/fi/manage/organisations/%s" % org).text


def test_decline_and_remove_members(base_url, psql):
    main, main_email = make_user()
    asker, asker_email = make_user(lang="en")
    member, member_email = make_user()
    org = make_org(main, members=[member])
    psql("INSERT INTO memberships (user_id, organisation_id) VALUES (:'u', :'o')", u=asker, o=org)
    p = Person(base_url)
    p.sign_in(main_email)
    path = "/fi/manage/organisations/%s" % org
    assert p.submit(path, action="decline", member=asker).status_code == 303
    assert last_mail(asker_email, "membership_decline")[3] == "en"
    assert p.submit(path, action="remove", member=member).status_code == 303
    assert last_mail(member_email, "membership_remove")
    assert psql("SELECT user_id::text FROM memberships WHERE organisation_id = :'o'", o=org) == [
        (main,)]
    # already handled: 409, nothing changes
    assert p.submit(path, action="approve", member=asker).status_code == 409
    # the last main user cannot remove themselves
    assert p.submit(path, action="remove", member=main).status_code == 409


def test_main_user_edits_the_profile(base_url, psql):
    """An organisation not approved yet is under review as a whole: its profile changes in
    place (an approved one's waits for a moderator: test_accounts_takeover.py)."""
    main, email = make_user()
    org = make_org(main, status="pending")
    p = Person(base_url)
    p.sign_in(email, lang="sv")
    path = "/sv/manage/organisations/%s" % org
    r = p.submit(path, action="save", name="Nytt namn rf", registry_number="123.456",
                 municipality="091", website="https://example.org/nytt",
                 description="Beskrivning\r\npå svenska.")
    assert r.status_code == 303 and r.headers["Location"] == path + "?done=saved"
    assert psql("SELECT name, website, description_sv, description_fi FROM organisations"
                " WHERE id = :'o'", o=org) == [
        ("Nytt namn rf", "https://example.org/nytt", "Beskrivning\npå svenska.", None)]
    assert psql("SELECT action FROM audit_log WHERE object_id = :'o'", o=org) == [
        ("organisation.update",)]


def test_unverified_account_cannot_sign_in_and_gets_a_new_link(base_url):
    uid, email = make_user(verified=False)
    p = Person(base_url)
    r = p.submit("/fi/login", email=email, password="demo-salasana-2026")
    assert r.status_code == 400
    assert page(r).xpath("//div[@class='error-summary']//li")
    assert "kt_session" not in p.cookies
    assert last_mail(email, "verify")
    # a wrong password tells nothing and sends nothing
    clear_throttle()
    before = len(mails(email, "verify"))
    r = Person(base_url).submit("/fi/login", email=email, password="not the password at all")
    assert r.status_code == 400 and len(mails(email, "verify")) == before


def test_logout_ends_the_session(base_url, psql_value):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    token_cookie = p.cookies.get("kt_session")
    assert psql_value("SELECT count(*) FROM sessions WHERE user_id = :'u'", u=uid) == "1"
    r = p.submit("/fi/logout", form_page="/fi/manage")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/"
    assert psql_value("SELECT count(*) FROM sessions WHERE user_id = :'u'", u=uid) == "0"
    # the old cookie is worth nothing
    q = Person(base_url)
    q.cookies.set("kt_session", token_cookie)
    assert q.get("/fi/manage").status_code == 303
    # signing out when already signed out is harmless
    assert Person(base_url).post("/fi/logout", data={"csrf": "stale"}).status_code == 303
