"""People's own accounts (issue 14, item 2): details and the language of emails, the
password (the current one asked; other sessions end), the email address (confirmed from
the new address, the old one told), the confirmation link again, a copy of one's data,
and deleting the account (refused while one is an organisation's only main user; personal
data erased; audit lines keep a pseudonym).  Every POST behind CSRF, the costly ones
throttled, and nobody reaches another person's data."""
import json
import re

import pytest

from kt_accounts import (MODERATOR, PASSWORD, Person, clear_throttle, csrf_of, last_mail,
                         link_in, mail_link, mails, make_org, make_user, page, unique_email)


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


def signed_in(base_url, email, lang="fi"):
    p = Person(base_url)
    p.sign_in(email, lang=lang)
    return p


ROUTES = ["/fi/account", "/fi/account/password", "/fi/account/email", "/fi/account/data",
          "/fi/account/delete"]


@pytest.mark.parametrize("path", ROUTES)
def test_own_account_pages_need_a_sign_in(base_url, path):
    r = Person(base_url).get(path)
    assert r.status_code == 303 and r.headers["Location"].startswith("/fi/login?next=")


@pytest.mark.parametrize("path", [p for p in ROUTES if p != "/fi/account/data"])
def test_every_post_needs_the_sessions_token(base_url, path, psql):
    uid, email = make_user()
    p = signed_in(base_url, email)
    before = psql("SELECT first_name, password_hash, email FROM users WHERE id = :'u'", u=uid)
    for token in (None, "x" * 43, csrf_of(Person(base_url).get("/fi/login"))):
        data = {"first_name": "Hijacked", "last_name": "X", "lang": "en", "confirm": "yes",
                "current_password": PASSWORD, "password": "uusi pitkä salasana",
                "email": unique_email("hijack")}
        if token:
            data["csrf"] = token
        r = p.post(path, data=data, headers={"Origin": base_url})
        assert r.status_code == 403, (path, token, r.status_code)
    assert psql("SELECT first_name, password_hash, email FROM users WHERE id = :'u'",
                u=uid) == before


def test_details_and_the_language_of_emails(base_url, psql):
    uid, email = make_user()
    p = signed_in(base_url, email)
    doc = page(p.get("/fi/account"))
    assert doc.xpath("//input[@name='first_name']/@value") == ["Testi"]
    assert doc.xpath("//a[@href='/fi/account']"), "the header links to one's account"
    r = p.submit("/fi/account", first_name="", last_name="Uusi", phone="abc", lang="de")
    assert r.status_code == 400
    assert {e.get("name") for e in page(r).xpath("//*[@aria-invalid='true']")} >= {
        "first_name", "phone"}
    r = p.submit("/fi/account", first_name="Sanna", last_name="Sukunimi",
                 phone="+358 40 555 0000", lang="sv")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/account?done=saved"
    assert psql("SELECT first_name, last_name, phone, lang, lang_chosen::text FROM users"
                " WHERE id = :'u'", u=uid) == [("Sanna", "Sukunimi", "+358 40 555 0000", "sv",
                                                "true")]
    # a chosen language is no longer the one of the last sign-in
    clear_throttle()
    signed_in(base_url, email, lang="en")
    assert psql("SELECT lang FROM users WHERE id = :'u'", u=uid) == [("sv",)]


def test_changing_the_password_asks_the_current_one_and_ends_other_sessions(base_url):
    uid, email = make_user()
    p = signed_in(base_url, email)
    other = signed_in(base_url, email)
    r = p.submit("/fi/account/password", current_password="väärä salasana",
                 password="uusi pitkä salasana 2026")
    assert r.status_code == 400
    assert page(r).xpath("//input[@name='current_password'][@aria-invalid='true']")
    r = p.submit("/fi/account/password", current_password=PASSWORD, password="lyhyt")
    assert r.status_code == 400
    r = p.submit("/fi/account/password", current_password=PASSWORD,
                 password="uusi pitkä salasana 2026")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/account?done=password"
    assert p.get("/fi/account").status_code == 200, "this session stays"
    assert other.get("/fi/account").status_code == 303, "the others end"
    assert last_mail(email, "password_self")
    clear_throttle()
    assert Person(base_url).submit("/fi/login", email=email,
                                   password=PASSWORD).status_code == 400
    Person(base_url).sign_in(email, "uusi pitkä salasana 2026")


def test_wrong_current_passwords_are_throttled(base_url):
    uid, email = make_user()
    p = signed_in(base_url, email)
    for i in range(5):
        r = p.submit("/fi/account/password", current_password="väärä %d" % i,
                     password="uusi pitkä salasana 2026")
        assert r.status_code == 400, i
    r = p.submit("/fi/account/password", current_password=PASSWORD,
                 password="uusi pitkä salasana 2026")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_changing_the_email_address(base_url, psql):
    uid, email = make_user()
    other = signed_in(base_url, email)
    p = signed_in(base_url, email, "sv")       # mail in the language signed in with last
    new = unique_email("new")
    r = p.submit("/fi/account/email", email=new, current_password="väärä")
    assert r.status_code == 400 and not mails(new)
    r = p.submit("/fi/account/email", email=email.upper(), current_password=PASSWORD)
    assert r.status_code == 400, "the same address"
    r = p.submit("/fi/account/email", email=new, current_password=PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/fi/account?done=email_sent"
    subject, body = last_mail(new, "email_confirm")[1:3]
    assert body.startswith("Hei,\n") and "Testi" not in body, "no name to an unconfirmed address"
    assert new in p.get("/fi/account").text, "the page says a new address waits"
    link = link_in(body)
    assert re.fullmatch(r"/fi/account/email/[A-Za-z0-9_-]{43}", link)
    # nothing changed yet, and opening the link changes nothing either
    assert psql("SELECT email FROM users WHERE id = :'u'", u=uid) == [(email,)]
    assert p.get(link).status_code == 200
    # another person's session cannot use the link
    stranger = signed_in(base_url, make_user()[1])
    assert stranger.get(link).status_code == 404
    assert stranger.submit(link, form_page="/fi/account").status_code == 404
    r = p.submit(link)
    assert r.status_code == 303 and r.headers["Location"] == "/fi/account?done=email"
    assert psql("SELECT email FROM users WHERE id = :'u'", u=uid) == [(new,)]
    told = last_mail(email, "email_changed")
    assert new in told[2] and told[3] == "sv"
    assert other.get("/fi/account").status_code == 303, "other sessions end"
    assert p.get(link).status_code == 404, "the link works once"
    clear_throttle()
    Person(base_url).sign_in(new)


def test_an_address_taken_meanwhile_is_409(base_url):
    uid, email = make_user()
    p = signed_in(base_url, email)
    new = unique_email("taken")
    p.submit("/fi/account/email", email=new, current_password=PASSWORD)
    link = mail_link(new, "email_confirm")
    make_user(email=new)
    r = p.submit(link)
    assert r.status_code == 409 and page(r).get("lang") == "fi"


def test_resend_the_confirmation_link(base_url):
    email = unique_email("resend")
    Person(base_url).submit("/fi/register", first_name="R", last_name="S", email=email,
                            password="lähetä uudelleen salasana", terms="yes")
    assert len(mails(email, "verify")) == 1
    r = Person(base_url).submit("/sv/register/resend", email=email)
    assert r.status_code == 303 and r.headers["Location"] == "/sv/register/sent"
    assert len(mails(email, "verify")) == 2
    # a confirmed or unknown address gets nothing, and the answer is the same
    uid, known = make_user()
    r2 = Person(base_url).submit("/sv/register/resend", email=known)
    r3 = Person(base_url).submit("/sv/register/resend", email=unique_email("nobody"))
    assert (r2.status_code, r2.headers["Location"]) == (r3.status_code, r3.headers["Location"]) \
        == (303, "/sv/register/sent")
    assert not mails(known, "verify")
    # the new link confirms the address (one person registered it)
    r = Person(base_url).get(mail_link(email, "verify"))
    assert (r.status_code, r.headers["Location"]) == (303, "/sv/manage?done=verified")


def test_my_data_is_mine_only(base_url, psql):
    uid, email = make_user(first="Dora", last="Data")
    other_id, other_email = make_user(first="Olli", last="Muu")
    org = make_org(uid, name="Datan yhdistys ry")
    p = signed_in(base_url, email)
    r = p.get("/fi/account/data")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/json")
    assert r.headers["Content-Disposition"].startswith("attachment")
    assert r.headers.get("Cache-Control") == "no-store"
    data = json.loads(r.text)
    assert data["account"]["email"] == email and data["account"]["first_name"] == "Dora"
    assert [m["organisation"] for m in data["memberships"]] == ["Datan yhdistys ry"]
    assert data["sessions"] and "$2y$" not in r.text, "no hash, no token"
    assert "token_hash" not in r.text and "csrf" not in r.text
    assert other_email not in r.text and "Olli" not in r.text
    # no parameter reaches another person's data
    r = p.get("/fi/account/data?user=%s" % other_id)
    assert other_email not in r.text


def test_delete_is_refused_while_the_only_main_user(base_url, psql):
    uid, email = make_user()
    member, _ = make_user()
    org = make_org(uid, name="Ainoan pääkäyttäjän ry", members=[member])
    p = signed_in(base_url, email)
    doc = page(p.get("/fi/account/delete"))
    assert doc.xpath("//a[@href='/fi/manage/organisations/%s']" % org)
    assert not doc.xpath("//input[@name='current_password']"), "no form while refused"
    r = p.submit("/fi/account/delete", current_password=PASSWORD, confirm="yes")
    assert r.status_code == 400
    assert psql("SELECT deleted_at FROM users WHERE id = :'u'", u=uid) == [(None,)]
    # handing the role on lifts it
    psql("UPDATE memberships SET role = CASE WHEN user_id = :'m' THEN 'main' ELSE 'member' END"
         " WHERE organisation_id = :'o'", m=member, o=org)
    assert page(p.get("/fi/account/delete")).xpath("//input[@name='current_password']")


def test_delete_erases_personal_data_and_keeps_a_pseudonym(base_url, psql):
    uid, email = make_user(first="Poistuva", last="Lähtijä")
    main, _ = make_user()
    org = make_org(main, members=[uid])
    psql("INSERT INTO audit_log (actor_id, action, object_type, object_id)"
         " VALUES (:'u', 'membership.request', 'organisation', :'o')", u=uid, o=org)
    # and a line about the person, as its subject
    psql("INSERT INTO audit_log (actor_id, action, object_type, object_id, subject_user_id)"
         " VALUES (:'m', 'membership.approve', 'organisation', :'o', :'u')", m=main, o=org, u=uid)
    p = signed_in(base_url, email)
    p.submit("/fi/contact", form_page="/fi/contact", topic="general", message="Poistuvan viesti")
    r = p.submit("/fi/account/delete", current_password="väärä", confirm="yes")
    assert r.status_code == 400
    r = p.submit("/fi/account/delete", current_password=PASSWORD, confirm="")
    assert r.status_code == 400
    r = p.submit("/fi/account/delete", current_password=PASSWORD, confirm="yes")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/login?done=deleted"
    row = psql("SELECT email, first_name, last_name, phone, password_hash, pseudonym"
               " FROM users WHERE id = :'u'", u=uid)[0]
    assert row[0] == "deleted-%s@invalid" % row[5] and row[1:5] == ("", "", None, "!")
    assert re.fullmatch(r"[0-9a-f]{12}", row[5])
    assert psql("SELECT count(*) FROM memberships WHERE user_id = :'u' UNION ALL"
                " SELECT count(*) FROM sessions WHERE user_id = :'u' UNION ALL"
                " SELECT count(*) FROM contact_messages WHERE message = 'Poistuvan viesti'"
                " UNION ALL SELECT count(*) FROM mail_outbox WHERE recipient = :'e'",
                u=uid, e=email) == [("0",), ("0",), ("0",), ("0",)]
    assert p.get("/fi/account").status_code == 303, "signed out"
    clear_throttle()
    assert Person(base_url).submit("/fi/login", email=email,
                                   password=PASSWORD).status_code == 400
    # the decision log shows the pseudonym, never the name
    mod = signed_in(base_url, MODERATOR)
    log = mod.get("/fi/moderation/log")
    assert row[5] in log.text and "Poistuva" not in log.text
    # and so does the export, as the actor and as the subject
    csv = mod.get("/fi/moderation/log?type=organisation&format=csv")
    assert csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv")
    assert csv.text.count("Poistettu käyttäjä %s" % row[5]) >= 2
    assert "Poistuva" not in csv.text and "Lähtijä" not in csv.text
    # the address is free for a new account
    r = Person(base_url).submit("/fi/register", first_name="Uusi", last_name="Tili", email=email,
                                password="aivan uusi salasana", terms="yes")
    assert r.status_code == 303 and mails(email, "verify")
