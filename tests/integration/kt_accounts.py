"""Helpers for the account tests (test_accounts_*.py): people with their own cookie jars who
fill in forms the way a browser does, the mail outbox, and accounts made straight in the
database when a test is not about registering.

    alice = Person(base_url)
    r = alice.submit("/fi/register", first_name="Alice", ...)   # GET for the token, then POST
    link = mail_link(psql, "alice@example.org", "verify")
"""
import itertools
import os
import random
import re
import time

from lxml import html as lxml_html

from conftest import Client, run_psql, run_psql_value

LANGS = ("fi", "sv", "en")
# demo accounts (sql/demo/demo.sql, HACKING.md) and the users made here share it
PASSWORD = "demo-salasana-2026"
PASSWORD_HASH = "$2y$11$voFCac55yKt064WiR3w/v.eBH5Em3VCatZzmokCqsAivbXERcMriO"
MODERATOR = "moderaattori@example.org"
MAIN_USER_1 = "paakayttaja@example.org"
MEMBER_1 = "jasen@example.org"

_seq = itertools.count()


def unique_email(tag="user"):
    return "%s-%d-%d-%s@example.org" % (tag, os.getpid(), next(_seq), random.randrange(10**6))


def business_id():
    """A valid, unused Y-tunnus starting with 8 (demo data uses 9)."""
    weights = (7, 9, 10, 5, 8, 4, 2)
    while True:
        digits = "8" + "".join(random.choice("0123456789") for _ in range(6))
        rest = sum(int(d) * w for d, w in zip(digits, weights)) % 11
        if rest == 1:
            continue
        bid = "%s-%d" % (digits, 0 if rest == 0 else 11 - rest)
        if not run_psql_value("SELECT 1 FROM organisations WHERE business_id = :'b'", b=bid):
            return bid


def page(resp):
    return lxml_html.fromstring(resp.content)


def csrf_of(resp):
    tokens = page(resp).xpath("//form[@method='post']//input[@name='csrf']/@value")
    assert tokens, "no CSRF field on %s" % resp.url
    return tokens[-1]


class Person(Client):
    """A browser: cookies kept, Origin sent with every POST as browsers do."""

    def __init__(self, base_url):
        super().__init__(base_url)
        self.base = base_url

    def submit(self, path, form_page=None, expect_form=True, **fields):
        """GET form_page (default: path) for the token, then POST fields to path."""
        r = self.get(form_page or path)
        assert r.status_code in (200, 400), (r.status_code, r.url)
        data = {"csrf": csrf_of(r)}
        data.update(fields)
        return self.post(path, data=data, headers={"Origin": self.base})

    def sign_in(self, email, password=PASSWORD, lang="fi"):
        r = self.submit("/%s/login" % lang, email=email, password=password)
        assert r.status_code == 303, (r.status_code, r.text[:2000])
        assert self.cookies.get("kt_session")
        return r


def make_user(email=None, first="Testi", last="Käyttäjä", moderator=False, verified=True,
              lang="fi"):
    """An account straight in the database, with the demo password; returns (id, email).
    An unverified one is as registering leaves it (sql/009_accounts.sql): no password of
    its own, the demo password in a registration that waits for confirmation."""
    email = email or unique_email()
    uid = run_psql_value(
        "INSERT INTO users (email, first_name, last_name, password_hash, email_verified_at,"
        " is_moderator, lang) VALUES (:'e', :'f', :'l', :'h',"
        " CASE WHEN :'v' = 'yes' THEN now() END, :'m'::boolean, :'lang') RETURNING id",
        e=email, f=first if verified else "", l=last if verified else "",
        h=PASSWORD_HASH if verified else "!", v="yes" if verified else "no",
        m="true" if moderator else "false", lang=lang)
    if not verified:
        run_psql("INSERT INTO registrations (user_id, email, first_name, last_name, lang,"
                 " password_hash, expires_at) VALUES (:'u', :'e', :'f', :'l', :'lang', :'h',"
                 " now() + interval '48 hours')",
                 u=uid, e=email, f=first, l=last, lang=lang, h=PASSWORD_HASH)
    return uid, email


def make_org(main_user_id, status="approved", name=None, members=()):
    """An organisation with its main user (and active members) in the database; its id."""
    name = name or "Testiyhdistys %d ry" % random.randrange(10**9)
    oid = run_psql_value(
        "INSERT INTO organisations (name, type, business_id, registry_number, municipality_code,"
        " status, created_by) VALUES (:'n', 'association', :'b', '123.456', '091', :'s', :'u')"
        " RETURNING id", n=name, b=business_id(), s=status, u=main_user_id)
    run_psql("INSERT INTO memberships (user_id, organisation_id, role, status)"
             " VALUES (:'u', :'o', 'main', 'active')", u=main_user_id, o=oid)
    for uid in members:
        run_psql("INSERT INTO memberships (user_id, organisation_id, role, status)"
                 " VALUES (:'u', :'o', 'member', 'active')", u=uid, o=oid)
    return oid


def user_id(email):
    return run_psql_value("SELECT id FROM users WHERE lower(email) = lower(:'e')", e=email)


def mails(to, kind=None):
    """(kind, subject, body, lang) of the mails queued for an address, oldest first."""
    rows = run_psql("SELECT kind, subject, body, lang FROM mail_outbox WHERE recipient = :'t'"
                    " ORDER BY id", t=to)
    return [r for r in rows if kind is None or r[0] == kind]


def last_mail(to, kind):
    found = mails(to, kind)
    assert found, "no %s mail to %s (outbox has: %s)" % (kind, to, [m[0] for m in mails(to)])
    return found[-1]


def link_in(body):
    """The first address of this site in a mail body, as a path."""
    m = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert m, body
    return m.group(1)


def mail_link(to, kind):
    return link_in(last_mail(to, kind)[2])


def clear_throttle():
    """Sign-in counts and the rate limits of registration, links and the contact form
    (tests come from one client address, 127.0.0.1)."""
    run_psql("DELETE FROM login_throttle; DELETE FROM rate_limits")


def timed(fn, n=5):
    """Median seconds of n calls."""
    times = []
    for _ in range(n):
        t0 = time.monotonic()
        fn()
        times.append(time.monotonic() - t0)
    times.sort()
    return times[len(times) // 2]
