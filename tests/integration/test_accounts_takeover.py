"""Accounts that cannot be taken over (issue 10, items 1, 2, 11, 12, 13): a pre-registered
address, a moderator promoted from an account someone pre-registered, business IDs that
rejected or abandoned registrations held, and unreviewed profile changes of approved
organisations."""
import re

import pytest

from kt_accounts import (MODERATOR, Person, business_id, clear_throttle, last_mail, mail_link,
                         mails, make_org, make_user, page, unique_email, user_id)
from kt_listings import COMPLETE, Workspace, form_fields, with_fields
from test_kt_admin import kt_admin


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


ATTACKER_PASSWORD = "hyökkääjän oma salasana 1"
OWNER_PASSWORD = "omistajan oikea salasana 2"


def register(person, email, first, last, password, lang="fi"):
    r = person.submit("/%s/register" % lang, first_name=first, last_name=last, email=email,
                      password=password, terms="yes")
    assert r.status_code == 303, r.text[:2000]
    return r


def signs_in(base_url, email, password):
    p = Person(base_url)
    r = p.submit("/fi/login", email=email, password=password)
    return r.status_code == 303 and bool(p.cookies.get("kt_session"))


def links(email):
    return [re.search(r"https?://[^/\s]+(/\S+)", body).group(1)
            for _, _, body, _ in mails(email, "verify")]


# ---- 1. a pre-registered address ------------------------------------------------------------

def test_the_owners_registration_wins_over_a_pre_registration(base_url, psql):
    victim = unique_email("victim")
    # someone registers another person's address with their own password and name ...
    register(Person(base_url), victim, "Mallory", "Hyökkääjä", ATTACKER_PASSWORD)
    # ... and cannot sign in with it, before or after anything else happens
    assert not signs_in(base_url, victim, ATTACKER_PASSWORD)
    # the real owner registers too; both links arrive in the owner's mailbox
    owner = Person(base_url)
    register(owner, victim, "Olga", "Omistaja", OWNER_PASSWORD)
    first, second = links(victim)[:2]
    # the attacker's link, opened by the owner, confirms nothing with the attacker's password:
    # only the owner's own password does, whichever link the owner opens
    r = owner.get(first)
    assert r.status_code == 200 and victim in r.text
    r = owner.submit(first, password=OWNER_PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/fi/manage?done=verified"
    assert psql("SELECT first_name, last_name, email_verified_at IS NOT NULL FROM users"
                " WHERE lower(email) = lower(:'e')", e=victim) == [("Olga", "Omistaja", "t")]
    # nothing the attacker typed survives the confirmation, and every other link is dead
    assert psql("SELECT count(*) FROM registrations r JOIN users u ON u.id = r.user_id"
                " WHERE lower(u.email) = lower(:'e')", e=victim) == [("0",)]
    # (the other link now only leads to signing in)
    r = Person(base_url).get(second)
    assert (r.status_code, r.headers["Location"]) == (303, "/fi/login?done=verified")
    assert Person(base_url).submit(second, form_page="/fi/login",
                                   password=ATTACKER_PASSWORD).status_code == 404
    clear_throttle()
    assert not signs_in(base_url, victim, ATTACKER_PASSWORD)
    assert signs_in(base_url, victim, OWNER_PASSWORD)


def test_a_link_of_an_address_registered_once_confirms_it(base_url, psql):
    """GET /{lang}/verify/{token} confirms the address (ROUTES.md) when one person registered
    it: that registration's password is the only one there is."""
    email = unique_email("confirm")
    p = Person(base_url)
    register(p, email, "Aino", "Aalto", OWNER_PASSWORD)
    r = p.get(links(email)[-1])
    assert (r.status_code, r.headers["Location"]) == (303, "/fi/manage?done=verified")
    assert psql("SELECT first_name, email_verified_at IS NOT NULL FROM users WHERE email = :'e'",
                e=email) == [("Aino", "t")]
    clear_throttle()
    assert signs_in(base_url, email, OWNER_PASSWORD)


def test_a_link_of_an_address_registered_twice_needs_the_password(base_url, psql):
    email = unique_email("confirm2")
    register(Person(base_url), email, "Mallory", "M", ATTACKER_PASSWORD)
    p = Person(base_url)
    register(p, email, "Aino", "Aalto", OWNER_PASSWORD)
    link = links(email)[-1]
    # opening the link (a mail scanner does) changes nothing while two people claim it
    assert p.get(link).status_code == 200
    assert psql("SELECT email_verified_at FROM users WHERE email = :'e'", e=email) == [(None,)]
    r = p.submit(link, password="väärä salasana tässä")
    assert r.status_code == 400
    assert page(r).xpath("//input[@name='password'][@aria-invalid='true']")
    assert psql("SELECT email_verified_at FROM users WHERE email = :'e'", e=email) == [(None,)]
    assert p.submit(link, password=OWNER_PASSWORD).status_code == 303
    assert psql("SELECT first_name FROM users WHERE email = :'e'", e=email) == [("Aino",)]


def test_mail_to_an_unconfirmed_address_carries_nothing_a_stranger_typed(base_url):
    email = unique_email("spam")
    spam = "Osta halpoja pillereitä osoitteesta evil.example"
    register(Person(base_url), email, spam, spam, OWNER_PASSWORD, lang="en")
    subject, body = last_mail(email, "verify")[1:3]
    assert spam not in subject and spam not in body
    assert body.startswith("Hello,\n")


def test_a_reset_link_goes_only_to_a_confirmed_account(base_url):
    email = unique_email("unconfirmed")
    register(Person(base_url), email, "Mallory", "M", ATTACKER_PASSWORD)
    r = Person(base_url).submit("/fi/password-reset", email=email)
    assert r.status_code == 303
    assert not mails(email, "reset")


# ---- 2. kt-admin create-moderator on an existing account ----------------------------------------

def test_promoting_a_pre_registered_address_in_link_mode(base_url, psql):
    email = unique_email("modvictim")
    register(Person(base_url), email, "Mallory", "Hyökkääjä", ATTACKER_PASSWORD)
    old_link = links(email)[-1]
    proc = kt_admin("create-moderator", email, "--first", "Maija", "--last", "Moderaattori",
                    "--base-url", base_url)
    reset = proc.stdout.split("once: ")[1].strip()[len(base_url):]
    # whoever pre-registered the address can neither sign in nor confirm it
    assert not signs_in(base_url, email, ATTACKER_PASSWORD)
    r = Person(base_url).submit(old_link, form_page="/fi/login", password=ATTACKER_PASSWORD)
    assert r.status_code == 404
    assert psql("SELECT first_name, last_name, password_hash, is_moderator::text FROM users"
                " WHERE email = :'e'", e=email) == [("Maija", "Moderaattori", "!", "true")]
    # the printed link sets the password
    p = Person(base_url)
    assert p.submit(reset, password="moderaattorin uusi salasana").status_code == 303
    clear_throttle()
    assert signs_in(base_url, email, "moderaattorin uusi salasana")


def test_promoting_a_confirmed_account_in_link_mode_ends_its_sessions(base_url, psql):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    p.submit("/fi/password-reset", form_page="/fi/manage", email=email)   # a live reset link
    stale = mail_link(email, "reset")
    kt_admin("create-moderator", email, "--base-url", base_url)
    assert p.get("/fi/manage").status_code == 303, "the session ended"
    assert Person(base_url).get(stale).status_code == 404, "earlier links ended"
    assert psql("SELECT password_hash, first_name FROM users WHERE id = :'u'", u=uid) == [
        ("!", "Testi")], "the password is cleared, a confirmed person's name kept"
    clear_throttle()
    assert not signs_in(base_url, email, "demo-salasana-2026")


# ---- 11. business IDs ---------------------------------------------------------------------------

def org_form(**over):
    fields = dict(name="Oikea yhdistys ry", type="association", business_id=business_id(),
                  registry_number="123.456", municipality="091", website="",
                  description="")
    fields.update(over)
    return fields


def test_a_rejected_registration_does_not_keep_the_business_id(base_url, psql):
    bid = business_id()
    squatter, _ = make_user()
    org = make_org(squatter, status="pending")
    psql("UPDATE organisations SET business_id = :'b' WHERE id = :'o'", b=bid, o=org)
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    # held while it waits ...
    r = p.submit("/fi/manage/organisations/new", **org_form(business_id=bid))
    assert r.status_code == 400
    assert page(r).xpath("//input[@name='business_id'][@aria-invalid='true']")
    # ... and free once rejected
    psql("UPDATE organisations SET status = 'rejected' WHERE id = :'o'", o=org)
    r = p.submit("/fi/manage/organisations/new", **org_form(business_id=bid))
    assert r.status_code == 303, r.text[:2000]
    assert psql("SELECT status FROM organisations WHERE business_id = :'b' ORDER BY id",
                b=bid) == [("rejected",), ("pending",)]


def test_a_moderator_releases_a_pending_claim(base_url, psql):
    squatter, squatter_email = make_user()
    org = make_org(squatter, status="pending")
    bid = psql("SELECT business_id FROM organisations WHERE id = :'o'", o=org)[0][0]
    mod = Person(base_url)
    mod.sign_in(MODERATOR)
    path = "/fi/moderation/organisations/%s" % org
    assert page(mod.get(path)).xpath("//input[@name='decision'][@value='release']")
    r = mod.submit(path, decision="release", reason="")
    assert r.status_code == 400, "a release says why"
    r = mod.submit(path, decision="release", reason="Y-tunnus kuuluu toiselle yhdistykselle.")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/moderation?done=released"
    assert psql("SELECT status FROM organisations WHERE id = :'o'", o=org) == [("rejected",)]
    assert psql("SELECT action FROM audit_log WHERE object_type = 'organisation'"
                " AND object_id = :'o' ORDER BY id DESC LIMIT 1", o=org) == [
        ("organisation.release",)]
    assert "toiselle yhdistykselle" in last_mail(squatter_email, "org_released")[2]
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    assert p.submit("/fi/manage/organisations/new",
                    **org_form(business_id=bid)).status_code == 303


# ---- 12. profile changes of an approved organisation are moderated ----------------------------------

def test_profile_changes_of_an_approved_organisation_wait_for_a_moderator(base_url, psql):
    main, email = make_user()
    org = make_org(main, name="Hyväksytty yhdistys ry")
    p = Person(base_url)
    p.sign_in(email)
    path = "/fi/manage/organisations/%s" % org
    r = p.submit(path, action="save", name="Huijausyhdistys ry", registry_number="123.456",
                 municipality="091", website="https://evil.example/", description="Osta nyt!")
    assert r.status_code == 303 and r.headers["Location"] == path + "?done=profile_waits"
    # the public page keeps the approved profile
    public = Person(base_url).get("/fi/organisations/%s" % org)
    assert "Hyväksytty yhdistys ry" in public.text and "Huijaus" not in public.text
    assert "evil.example" not in public.text
    # the main user sees that it waits, and goes on from the waiting values
    doc = page(p.get(path))
    assert doc.xpath("//input[@name='name']/@value") == ["Huijausyhdistys ry"]
    # saving again saves over the one waiting change
    p.submit(path, action="save", name="Uusi nimi ry", registry_number="123.456",
             municipality="091", website="https://example.org/uusi", description="Kuvaus.")
    assert psql("SELECT count(*), max(name) FROM organisation_versions WHERE organisation_id = :'o'"
                " AND state = 'submitted'", o=org) == [("1", "Uusi nimi ry")]
    # the moderator sees both, decides on what was seen
    mod = Person(base_url)
    mod.sign_in(MODERATOR)
    queue = page(mod.get("/fi/moderation"))
    assert queue.xpath("//a[@href='/fi/moderation/organisations/%s']" % org)
    mpath = "/fi/moderation/organisations/%s" % org
    review = mod.get(mpath)
    doc = page(review)
    assert doc.xpath("//tr[contains(@class, 'changed')]")
    stamp = doc.xpath("//input[@name='stamp']/@value")[0]
    r = mod.submit(mpath, about="profile", decision="approve", reason="", stamp=stamp + "1")
    assert r.status_code == 409, "a change the moderator did not see is not decided"
    r = mod.submit(mpath, about="profile", decision="approve", reason="", stamp=stamp)
    assert r.status_code == 303, r.text[:2000]
    public = Person(base_url).get("/fi/organisations/%s" % org)
    assert "Uusi nimi ry" in public.text
    assert last_mail(email, "org_edit_approved")
    # a rejected change leaves the public profile and says why
    p.submit(path, action="save", name="Kolmas nimi ry", registry_number="123.456",
             municipality="091", website="", description="")
    stamp = page(mod.get(mpath)).xpath("//input[@name='stamp']/@value")[0]
    assert mod.submit(mpath, about="profile", decision="reject", reason="",
                      stamp=stamp).status_code == 400
    r = mod.submit(mpath, about="profile", decision="reject", reason="Nimi ei vastaa rekisteriä.",
                   stamp=stamp)
    assert r.status_code == 303
    assert psql("SELECT name FROM organisations WHERE id = :'o'", o=org) == [("Uusi nimi ry",)]
    assert "Nimi ei vastaa rekisteriä." in last_mail(email, "org_edit_rejected")[2]
    assert "Nimi ei vastaa rekisteriä." in p.get(path).text
    assert [a for (a,) in psql("SELECT action FROM audit_log WHERE object_id = :'o'"
                               " AND object_type = 'organisation' ORDER BY id", o=org)] == [
        "organisation.edit_submit", "organisation.edit_submit", "organisation.edit_approve",
        "organisation.edit_submit", "organisation.edit_reject"]


def test_a_member_cannot_submit_profile_changes(base_url, psql):
    main, _ = make_user()
    member, member_email = make_user()
    org = make_org(main, members=[member])
    p = Person(base_url)
    p.sign_in(member_email)
    r = p.submit("/fi/manage/organisations/%s" % org, action="save", name="X ry",
                 municipality="091")
    assert r.status_code == 403
    assert psql("SELECT count(*) FROM organisation_versions WHERE organisation_id = :'o'",
                o=org) == [("0",)]


# ---- 13. contact_email is an addr-spec ---------------------------------------------------------------

def test_contact_email_is_an_address_and_nothing_else(base_url):
    ws = Workspace(base_url)
    lid = ws.create(title_fi="Kerho")
    for bad in ("kerho@example.org?subject=Hei&body=Klikkaa", "kerho?cc=x@example.org",
                "a=b@example.org", "a&b@example.org", "kerho@example.org\u2028Bcc: x@example.org"):
        r = ws.edit(lid, contact_email=bad)
        assert r.status_code == 400, bad
        assert page(r).xpath("//input[@name='contact_email'][@aria-invalid='true']"), bad
    assert ws.edit(lid, contact_email="kerho+info@example.org").status_code == 303
    ws.cleanup()
