"""Security of accounts (issue 4, QUALITY.md "Security"): CSRF tokens and Origin, session
cookies and their rotation and expiry, authorization of every /manage and /moderation route
(IDOR), sign-in throttling, single-use reset links, no account enumeration, hostile input."""
import re

import pytest

from kt_accounts import (MAIN_USER_1, MODERATOR, PASSWORD, Person, clear_throttle, csrf_of,
                         last_mail, mail_link, mails, make_org, make_user, page, timed,
                         unique_email)


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


# ---- CSRF ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/fi/login", "/fi/register", "/fi/password-reset"])
def test_anonymous_post_without_or_with_wrong_token_is_403(base_url, path):
    p = Person(base_url)
    good = csrf_of(p.get(path))
    for token in (None, "", "x" * 43, good[:-1] + ("A" if good[-1] != "A" else "B")):
        data = {"email": "a@example.org", "password": "x"}
        if token is not None:
            data["csrf"] = token
        r = p.post(path, data=data, headers={"Origin": base_url})
        assert r.status_code == 403, (token, r.status_code)
        assert page(r).get("lang") == "fi"
    # the right token from another visitor's page is wrong too
    other = csrf_of(Person(base_url).get(path))
    r = p.post(path, data={"csrf": other, "email": "a@example.org"}, headers={"Origin": base_url})
    assert r.status_code == 403


def test_signed_in_post_needs_the_sessions_token(base_url):
    uid, email = make_user()
    org = make_org(uid)
    p = Person(base_url)
    anonymous_token = csrf_of(p.get("/fi/login"))
    p.sign_in(email)
    path = "/fi/manage/organisations/%s" % org
    for token in (None, anonymous_token, csrf_of(Person(base_url).get("/fi/login"))):
        data = {"action": "save", "name": "Hijacked"}
        if token:
            data["csrf"] = token
        assert p.post(path, data=data, headers={"Origin": base_url}).status_code == 403
    # a token of another session of the same person does not work either
    q = Person(base_url)
    q.sign_in(email)
    r = p.post(path, data={"csrf": csrf_of(q.get(path)), "action": "save", "name": "X"},
               headers={"Origin": base_url})
    assert r.status_code == 403


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"}, {"Origin": "null"},
    {"Referer": "https://evil.example/form.html"},
])
def test_post_from_another_origin_is_403(base_url, headers):
    p = Person(base_url)
    token = csrf_of(p.get("/fi/login"))
    r = p.post("/fi/login", data={"csrf": token, "email": "x@example.org", "password": "y"},
               headers=headers)
    assert r.status_code == 403


def test_same_origin_referer_without_origin_is_accepted(base_url):
    p = Person(base_url)
    token = csrf_of(p.get("/fi/login"))
    r = p.post("/fi/login", data={"csrf": token, "email": "nobody@example.org", "password": "y"},
               headers={"Referer": base_url + "/fi/login"})
    assert r.status_code == 400   # the form answered: wrong password


# ---- cookies and sessions -----------------------------------------------------------------

def session_cookie_header(resp):
    for c in resp.raw.headers.getlist("Set-Cookie"):
        if c.startswith("kt_session="):
            return c
    return None


def test_session_cookie_flags_and_rotation(base_url, psql_value):
    uid, email = make_user()
    p = Person(base_url)
    form = p.get("/fi/login")
    pre = [c for c in form.raw.headers.getlist("Set-Cookie") if c.startswith("kt_pre=")]
    assert pre and "HttpOnly" in pre[0] and "SameSite=Lax" in pre[0] and "Path=/" in pre[0]
    # a session token planted before sign-in (session fixation) is replaced
    p.cookies.set("kt_session", "A" * 43)
    r = p.post("/fi/login", data={"csrf": csrf_of(form), "email": email, "password": PASSWORD},
               headers={"Origin": base_url})
    assert r.status_code == 303
    header = session_cookie_header(r)
    assert header, r.headers
    attrs = [a.strip() for a in header.split(";")]
    token = attrs[0].split("=", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token) and token != "A" * 43
    assert {"HttpOnly", "SameSite=Lax", "Path=/"} <= set(attrs)
    assert "Secure" not in attrs            # plain http in the tests; https adds it
    # only the token's SHA-256 is stored
    assert psql_value("SELECT count(*) FROM sessions WHERE token_hash = sha256(:'t'::bytea)",
                      t=token) == "1"
    assert psql_value("SELECT count(*) FROM sessions WHERE token_hash = :'t'::bytea",
                      t=token) == "0"
    # signing in again gives a new token; the old one is gone
    r2 = p.submit("/fi/login", form_page="/fi/manage", email=email, password=PASSWORD)
    token2 = session_cookie_header(r2).split(";")[0].split("=", 1)[1]
    assert token2 != token
    assert psql_value("SELECT count(*) FROM sessions WHERE token_hash = sha256(:'t'::bytea)",
                      t=token) == "0"


@pytest.mark.parametrize("expire", [
    "last_seen_at = now() - interval '3 hours'",       # idle
    "expires_at = now() - interval '1 second'",         # absolute
])
def test_sessions_expire(base_url, psql, expire):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    assert p.get("/fi/manage").status_code == 200
    psql("UPDATE sessions SET %s WHERE user_id = :'u'" % expire, u=uid)
    r = p.get("/fi/manage")
    assert r.status_code == 303 and r.headers["Location"].startswith("/fi/login?next=")
    # the dead cookie is cleared
    assert "Max-Age=0" in (session_cookie_header(r) or "")


def test_garbage_session_cookie_is_anonymous(base_url):
    p = Person(base_url)
    for junk in ("x", "A" * 43, "%00", "\u00e4" * 43):
        p.cookies.set("kt_session", junk)
        assert p.get("/fi/").status_code == 200
        assert p.get("/fi/manage").status_code == 303


# ---- authorization: every /manage and /moderation route --------------------------------------

MANAGE_GETS = ["/fi/manage", "/fi/manage/join", "/fi/manage/organisations/new",
               "/fi/manage/organisations/1", "/fi/manage/activities/new",
               "/fi/manage/activities/1"]
MODERATION_GETS = ["/fi/moderation", "/fi/moderation/organisations/90", "/fi/moderation/log",
                   "/fi/moderation/activities/42"]


@pytest.mark.parametrize("path", MANAGE_GETS + MODERATION_GETS)
def test_anonymous_is_sent_to_sign_in_with_a_return_path(base_url, path):
    r = Person(base_url).get(path + "?x=1")
    assert r.status_code == 303
    assert r.headers["Location"] == "/fi/login?next=" + path.replace("/", "%2f") + "%3fx%3d1"
    assert r.headers.get("Cache-Control") == "no-store"


def test_sign_in_returns_to_the_page_but_never_elsewhere(base_url):
    uid, email = make_user()
    for nxt, where in [("/fi/manage/join?q=ab", "/fi/manage/join?q=ab"),
                       ("https://evil.example/", "/fi/manage"), ("//evil.example/", "/fi/manage"),
                       ("/\\evil.example", "/fi/manage"), ("javascript:alert(1)", "/fi/manage"),
                       ("/fi/\r\nSet-Cookie:x=1", "/fi/manage")]:
        p = Person(base_url)
        r = p.submit("/fi/login", form_page="/fi/login", email=email, password=PASSWORD,
                     next=nxt)
        assert r.status_code == 303 and r.headers["Location"] == where, (nxt, r.headers)


def test_non_moderator_gets_403_on_moderation(base_url):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    for path in MODERATION_GETS:
        assert p.get(path).status_code == 403, path
    token = csrf_of(p.get("/fi/manage"))
    r = p.post("/fi/moderation/organisations/90", headers={"Origin": base_url},
               data={"csrf": token, "decision": "approve", "reason": ""})
    assert r.status_code == 403


def test_a_user_of_organisation_a_reaches_nothing_of_b(base_url, psql, psql_value):
    a_main, a_email = make_user()
    b_main, b_email = make_user()
    b_member, _ = make_user()
    org_a = make_org(a_main)
    org_b = make_org(b_main, members=[b_member])
    psql("INSERT INTO memberships (user_id, organisation_id) VALUES (:'u', :'o')",
         u=make_user()[0], o=org_b)
    p = Person(base_url)
    p.sign_in(a_email)
    b_path = "/fi/manage/organisations/%s" % org_b
    assert p.get(b_path).status_code == 404
    assert p.get("/fi/manage/organisations/999999999").status_code == 404
    assert p.get("/fi/manage/organisations/abc").status_code == 404
    token = csrf_of(p.get("/fi/manage/organisations/%s" % org_a))
    before = psql("SELECT * FROM memberships WHERE organisation_id = :'o' ORDER BY user_id",
                  o=org_b)
    for data in ({"action": "save", "name": "Hijacked", "municipality": "091"},
                 {"action": "approve", "member": b_member}, {"action": "remove", "member": b_member},
                 {"action": "make_main", "member": a_main}, {"action": "decline", "member": b_member}):
        data["csrf"] = token
        r = p.post(b_path, data=data, headers={"Origin": base_url})
        assert r.status_code in (403, 404), (data, r.status_code)
    assert psql("SELECT * FROM memberships WHERE organisation_id = :'o' ORDER BY user_id",
                o=org_b) == before
    assert psql_value("SELECT name FROM organisations WHERE id = :'o'", o=org_b) != "Hijacked"
    # acting on org A's page on a person of B changes nothing either
    r = p.post("/fi/manage/organisations/%s" % org_a, headers={"Origin": base_url},
               data={"csrf": token, "action": "remove", "member": b_member})
    assert r.status_code == 409


def test_an_ordinary_member_cannot_decide(base_url, psql_value):
    main, _ = make_user()
    member, member_email = make_user()
    other, _ = make_user()
    org = make_org(main, members=[member, other])
    p = Person(base_url)
    p.sign_in(member_email)
    path = "/fi/manage/organisations/%s" % org
    doc = page(p.get(path))
    assert not doc.xpath("//button[@name='action']"), "no decision buttons for members"
    token = csrf_of(p.get("/fi/manage"))
    for data in ({"action": "remove", "member": other}, {"action": "make_main", "member": member},
                 {"action": "save", "name": "X", "municipality": "091"}):
        data["csrf"] = token
        assert p.post(path, data=data, headers={"Origin": base_url}).status_code == 403
    assert psql_value("SELECT count(*) FROM memberships WHERE organisation_id = :'o'", o=org) == "3"


def test_pending_member_sees_nothing_yet(base_url, psql):
    main, _ = make_user()
    asker, email = make_user()
    org = make_org(main)
    psql("INSERT INTO memberships (user_id, organisation_id) VALUES (:'u', :'o')", u=asker, o=org)
    p = Person(base_url)
    p.sign_in(email)
    assert p.get("/fi/manage/organisations/%s" % org).status_code == 404


def test_the_database_keeps_one_main_user(psql):
    main, _ = make_user()
    org = make_org(main)
    with pytest.raises(RuntimeError, match="would have no main user"):
        psql("UPDATE memberships SET role = 'member' WHERE organisation_id = :'o'", o=org)


# ---- throttling -------------------------------------------------------------------------------

def test_sixth_wrong_password_in_a_row_is_429(base_url):
    uid, email = make_user()
    p = Person(base_url)
    for i in range(5):
        r = p.submit("/fi/login", email=email, password="wrong password %d" % i)
        assert r.status_code == 400, i
    r = p.submit("/fi/login", email=email, password="wrong password 6")
    assert r.status_code == 429
    assert 0 < int(r.headers["Retry-After"]) <= 300
    assert page(r).get("lang") == "fi"
    # locked means locked: the right password waits too, and so does another client
    assert p.submit("/fi/login", email=email, password=PASSWORD).status_code == 429
    assert Person(base_url).submit("/fi/login", email=email.upper(),
                                   password=PASSWORD).status_code == 429


def test_unknown_addresses_are_throttled_alike(base_url):
    email = unique_email("nobody")
    p = Person(base_url)
    for _ in range(5):
        assert p.submit("/fi/login", email=email, password="whatever it is").status_code == 400
    assert p.submit("/fi/login", email=email, password="whatever it is").status_code == 429


def test_a_client_address_is_throttled_over_all_accounts(base_url, psql):
    uid, email = make_user()
    psql("INSERT INTO login_throttle (kind, key, failures, locked_until)"
         " VALUES ('address', '127.0.0.1', 30, now() + interval '10 minutes')")
    r = Person(base_url).submit("/fi/login", email=email, password=PASSWORD)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 500


def test_success_clears_the_account_count(base_url, psql_value):
    uid, email = make_user()
    p = Person(base_url)
    for _ in range(4):
        p.submit("/fi/login", email=email, password="not the password")
    p.sign_in(email)
    assert psql_value("SELECT count(*) FROM login_throttle WHERE kind = 'account'"
                      " AND key = lower(:'e')", e=email) == "0"


# ---- password reset ---------------------------------------------------------------------------

def test_reset_link_works_once_and_ends_sessions(base_url, psql_value):
    uid, email = make_user()
    old = Person(base_url)
    old.sign_in(email)
    p = Person(base_url)
    r = p.submit("/fi/password-reset", email=email.upper())
    assert r.status_code == 303 and r.headers["Location"] == "/fi/password-reset/sent"
    link = mail_link(email, "reset")
    assert re.fullmatch(r"/fi/password-reset/[A-Za-z0-9_-]{43}", link)
    form = p.get(link)
    assert form.status_code == 200 and email in form.text
    r = p.submit(link, password="short")
    assert r.status_code == 400
    r = p.submit(link, password="uusi pitkä salasana tähän")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/login?done=password"
    assert last_mail(email, "password_changed")
    # used: the link is dead for GET and POST
    assert p.get(link).status_code == 404
    assert p.submit(link, form_page="/fi/password-reset",
                    password="kolmas salasana vielä").status_code == 404
    # every session ended; the old password fails, the new one works
    assert old.get("/fi/manage").status_code == 303
    assert Person(base_url).submit("/fi/login", email=email, password=PASSWORD).status_code == 400
    Person(base_url).sign_in(email, "uusi pitkä salasana tähän")


def test_expired_reset_link_fails(base_url, psql):
    uid, email = make_user()
    p = Person(base_url)
    p.submit("/fi/password-reset", email=email)
    link = mail_link(email, "reset")
    psql("UPDATE account_tokens SET expires_at = now() - interval '1 second'"
         " WHERE user_id = :'u'", u=uid)
    assert p.get(link).status_code == 404
    assert p.submit(link, form_page="/fi/password-reset",
                    password="uusi pitkä salasana tähän").status_code == 404
    for bad in ("/fi/password-reset/" + "A" * 43, "/fi/password-reset/short",
                "/fi/verify/" + "B" * 43):
        assert p.get(bad).status_code == 404


def test_reset_mails_are_limited(base_url):
    uid, email = make_user()
    p = Person(base_url)
    for _ in range(5):
        assert p.submit("/fi/password-reset", email=email).status_code == 303
    assert len(mails(email, "reset")) == 3


# ---- no account enumeration -------------------------------------------------------------------

def strip_tokens(text):
    return re.sub(r'value="[^"]*"', 'value=""', text)


def test_register_does_not_tell_whether_an_address_is_taken(base_url):
    new_email = unique_email("fresh")
    answers = []
    for email in (MAIN_USER_1, new_email):
        r = Person(base_url).submit("/fi/register", first_name="Eve", last_name="Example",
                                    email=email, password="kaksi kirahvia kävelee",
                                    terms="yes")
        answers.append((r.status_code, r.headers.get("Location"), r.text))
    assert answers[0] == answers[1]
    # the owner of the taken address is told instead
    assert last_mail(MAIN_USER_1, "register_exists")
    assert last_mail(new_email, "verify")


def test_reset_does_not_tell_whether_an_address_has_an_account(base_url):
    known = Person(base_url).submit("/fi/password-reset", email=make_user()[1])
    unknown = Person(base_url).submit("/fi/password-reset", email=unique_email("nobody"))
    assert (known.status_code, known.headers["Location"], known.text) == \
           (unknown.status_code, unknown.headers["Location"], unknown.text)


def test_login_does_not_tell_whether_an_address_has_an_account(base_url):
    uid, email = make_user()
    nobody = unique_email("nobody")
    wrong = Person(base_url).submit("/fi/login", email=email, password="wrong password!")
    unknown = Person(base_url).submit("/fi/login", email=nobody, password="wrong password!")
    assert wrong.status_code == unknown.status_code == 400
    assert strip_tokens(wrong.text).replace(email, "X") == \
        strip_tokens(unknown.text).replace(nobody, "X")
    clear_throttle()
    # and takes as long: both check a bcrypt hash
    p, q = Person(base_url), Person(base_url)
    tp, tq = csrf_of(p.get("/fi/login")), csrf_of(q.get("/fi/login"))
    # measured in turns, so that a burst of load on a shared machine falls on both
    known, unknown = [], []
    for _ in range(4):
        known.append(timed(lambda: p.post("/fi/login", headers={"Origin": base_url}, data={
            "csrf": tp, "email": email, "password": "wrong pw"}), 1))
        unknown.append(timed(lambda: q.post("/fi/login", headers={"Origin": base_url}, data={
            "csrf": tq, "email": nobody, "password": "wrong pw"}), 1))
    known_t, unknown_t = sorted(known)[1], sorted(unknown)[1]
    assert abs(known_t - unknown_t) < max(0.05, 0.5 * max(known_t, unknown_t)), \
        (known_t, unknown_t)


# ---- hostile input ------------------------------------------------------------------------------

def raw_post(person, path, body, ctype="application/x-www-form-urlencoded", base=None):
    token = csrf_of(person.get(path))
    if isinstance(body, str):
        body = body.encode()
    body = b"csrf=" + token.encode() + b"&" + body
    return person.post(path, data=body, headers={"Content-Type": ctype, "Origin": base})


@pytest.mark.parametrize("body,status", [
    (b"email=a%00b&password=x", 400),
    (b"email=\xff\xfe&password=x", 400),
    (b"email=%C3&password=x", 400),
    (b"email=%zz", 400),
    (b"email=" + b"a" * 70000, 413),
    (b"&".join(b"f%d=1" % i for i in range(300)), 413),
])
def test_bad_bodies_get_clear_errors(base_url, body, status):
    p = Person(base_url)
    r = raw_post(p, "/fi/login", body, base=base_url)
    assert r.status_code == status
    assert page(r).get("lang") == "fi"


@pytest.mark.parametrize("ctype", ["multipart/form-data; boundary=x", "application/json",
                                   "text/plain", "application/x-www-form-urlencoded; charset=latin1"])
def test_wrong_content_type_is_415(base_url, ctype):
    r = raw_post(Person(base_url), "/fi/login", "email=a", ctype=ctype, base=base_url)
    assert r.status_code == 415


def test_huge_body_beyond_the_server_limit_is_413(base_url):
    r = Person(base_url).post("/fi/login", data=b"a=" + b"x" * 2000000,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_markup_in_every_field_is_shown_as_text(base_url):
    evil = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>'
    r = Person(base_url).submit("/fi/register", first_name=evil, last_name=evil, email=evil,
                                phone=evil, password=evil, terms=evil)
    assert r.status_code == 400
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    doc = page(r)
    assert doc.xpath("//input[@name='first_name']/@value") == [evil]
    assert not doc.xpath("//script | //img[@src='x']")
    uid, email = make_user()
    org = make_org(uid)
    p = Person(base_url)
    p.sign_in(email)
    r = p.submit("/fi/manage/organisations/%s" % org, action="save", name=evil,
                 municipality="091", website=evil, description=evil, registry_number=evil)
    assert r.status_code == 400 and not page(r).xpath("//script | //img[@src='x']")
    r = p.submit("/fi/manage/organisations/%s" % org, action="save", name=evil,
                 municipality="091", description=evil, registry_number="1.2")
    assert r.status_code == 303
    shown = p.get("/fi/manage/organisations/%s" % org)
    assert "<script>alert(1)" not in shown.text and not page(shown).xpath("//script")


def test_get_and_head_are_not_posts(base_url):
    p = Person(base_url)
    assert p.request("PUT", "/fi/login", data="a=1").status_code == 405
    r = p.request("DELETE", "/fi/logout")
    assert r.status_code == 405 and r.headers["Allow"] == "POST"
    assert p.get("/fi/logout").status_code == 405
    assert p.head("/fi/login").status_code == 200
