"""Helpers for the tests of every kind of listing (activities here; events, jobs, projects and
networks in kt_events.py, kt_jobs.py, kt_projects.py, kt_networks.py): organisations of the
test's own with their people, the editor's form read the way a browser sends it, and the
moderator's decision.  One Workspace drives every kind through its Kind (paths, tables, rules,
what a complete submission needs), as the module's one lifecycle engine does.

    w = Workspace(base_url)                  # a fresh approved organisation, its main user,
                                             # a member, and a moderator, all signed in
    lid = w.create(title_fi="Kerho")         # a draft through the editor; its id
    w.submit(lid)                            # submitted with every rule confirmed
    w.decide(lid, "approve")
    w = Workspace(base_url, kind=EVENT)      # the same for another kind (kt_events.EventWorkspace)
"""
import datetime
import re

import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, make_org, make_user, page

def form_fields(resp, form_class="listing-form"):
    """[(name, value)] of the listing form as a browser would send it (no button)."""
    doc = page(resp)
    forms = doc.xpath("//form[contains(@class, '%s')]" % form_class)
    assert forms, "no %s form on %s (HTTP %s)" % (form_class, resp.url, resp.status_code)
    data = []
    for el in forms[0].xpath(".//input | .//textarea | .//select"):
        name, kind = el.get("name"), el.get("type")
        if not name or kind == "submit":
            continue
        if el.tag == "textarea":
            data.append((name, el.text or ""))
        elif el.tag == "select":
            chosen = el.xpath("option[@selected]/@value")
            data.append((name, chosen[0] if chosen else ""))
        elif kind in ("checkbox", "radio"):
            if el.get("checked") is not None:
                data.append((name, el.get("value")))
        else:
            data.append((name, el.get("value") or ""))
    return data


def with_fields(data, **changes):
    """The form with some fields set: the first one of that name gets the value (a list
    sets every value of a repeated field), new names are added."""
    out, done = [], set()
    for name, value in data:
        if name in changes:
            if name in done:
                continue
            done.add(name)
            new = changes[name]
            for v in (new if isinstance(new, (list, tuple)) else [new]):
                out.append((name, v))
        else:
            out.append((name, value))
    for name, new in changes.items():
        if name not in done:
            for v in (new if isinstance(new, (list, tuple)) else [new]):
                out.append((name, v))
    return out


def errors(resp):
    """The messages of the error summary."""
    return [" ".join("".join(li.itertext()).split())
            for li in page(resp).xpath("//div[@class='error-summary']//li")]


def field_errors(resp):
    """{field id: message} of the fields marked wrong."""
    doc = page(resp)
    return {p.get("id")[:-len("-error")]: " ".join("".join(p.itertext()).split())
            for p in doc.xpath("//p[@class='field-error']")}




def later(days):
    """D.M.YYYY, days from today (negative: in the past), as a person types a date."""
    d = datetime.date.today() + datetime.timedelta(days=days)
    return "%d.%d.%d" % (d.day, d.month, d.year)


class Kind:
    """What tells one kind of listing from another in the tests: its name (the audit log's
    object_type), the plural that names its paths and its table, the rules a submission
    confirms, what a complete submission needs on top of a title, and the title publish()
    gives it."""

    def __init__(self, name, plural, rules, complete, title):
        self.name = name
        self.plural = plural
        self.rules = tuple(rules)
        self.complete = complete
        self.title = title

    def rule_fields(self):
        """The rules' checkboxes, every one ticked."""
        return [("rule_" + r, "yes") for r in self.rules]

    def id_in(self, location):
        """The id in a redirect to the editor."""
        return re.search(r"/manage/%s/(\d+)" % self.plural, location).group(1)

    def version_value(self, ident, version, column):
        """A column (or an SQL expression of its columns) of one stored version."""
        return run_psql_value("SELECT %s FROM %s_versions WHERE %s_id = :'i'"
                              " AND version = :'v'" % (column, self.name, self.name),
                              i=ident, v=version)

    def audit(self, ident):
        """[(action, version)] of its audit lines, oldest first."""
        return [(a, v) for a, v in run_psql(
            "SELECT action, version::text FROM audit_log WHERE object_type = :'k'"
            " AND object_id = :'i' ORDER BY id", k=self.name, i=ident)]

    def public_title(self, http, ident, lang="fi"):
        """The public page's heading, or its status when it is not 200."""
        r = http.get("/%s/%s/%s" % (lang, self.plural, ident))
        return r.status_code if r.status_code != 200 else page(r).xpath("string(//h1)").strip()

    def listed(self, http, ident, **params):
        """Whether the Finnish list page with params links to it."""
        doc = page(http.get("/fi/%s" % self.plural, params=params))
        return bool(doc.xpath("//a[@href='/fi/%s/%s']" % (self.plural, ident)))


# What a complete listing needs on top of a title (kt_listing_check with submit).
ACTIVITY = Kind("activity", "activities",
                ("immigrants", "non_commercial", "open", "non_aligned", "equality",
                 "not_authority", "not_single_event", "volunteering"),
                {"description_fi": "Harjoittelemme suomea rennosti kahvin äärellä.",
                 "forms": "language_club",
                 "targets": "adults",
                 "languages": "fin",
                 "municipality": "091",
                 "contact_email": "kerho@example.org",
                 "slot_weekday": "2",
                 "slot_start": "17",
                 "slot_end": "19"},
                "Julkaistu kerho")
RULES = ACTIVITY.rules
COMPLETE = ACTIVITY.complete
rules = ACTIVITY.rule_fields
listing_id = ACTIVITY.id_in
version_value = ACTIVITY.version_value
public_title = ACTIVITY.public_title


class Workspace:
    """A fresh approved organisation with a main user and a member, and a moderator, writing
    listings of one kind (the class's `kind`, or the one given)."""

    kind = ACTIVITY

    def __init__(self, base_url, lang="fi", kind=None):
        self.base = base_url
        self.lang = lang
        self.kind = kind or self.kind
        self.main_id, self.main_email = make_user(first="Maija", last="Pääkäyttäjä")
        self.member_id, self.member_email = make_user(first="Mikko", last="Jäsen", lang="sv")
        self.mod_id, self.mod_email = make_user(first="Moa", last="Moderaattori", moderator=True)
        self.org = make_org(self.main_id, members=[self.member_id])
        self.main = self._signed_in(self.main_email)
        self.member = self._signed_in(self.member_email, "sv")   # reads mail in Swedish
        self.moderator = self._signed_in(self.mod_email)

    def cleanup(self):
        """Deletes the organisation's listings: tests that come later count public ones."""
        run_psql("DELETE FROM %s WHERE organisation_id = :'o'" % self.kind.plural, o=self.org)

    def _signed_in(self, email, lang="fi"):
        p = Person(self.base)
        p.sign_in(email, lang=lang)
        return p

    def path(self, lid=None):
        return "/%s/manage/%s/%s" % (self.lang, self.kind.plural, lid if lid else "new")

    def review_path(self, lid, lang="fi"):
        return "/%s/moderation/%s/%s" % (lang, self.kind.plural, lid)

    def post(self, who, path, data):
        return who.post(path, data=data, headers={"Origin": self.base})

    def create(self, who=None, **fields):
        """A new listing saved as a draft through the editor; its id."""
        who = who or self.main
        r = who.get(self.path())
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), organisation=str(self.org), action="save", **fields)
        r = self.post(who, self.path(), data)
        assert r.status_code == 303, (r.status_code, errors(r))
        return self.kind.id_in(r.headers["Location"])

    def edit(self, lid, who=None, action="save", extra=(), **fields):
        """GET the editor, change fields, POST with action; the response."""
        who = who or self.main
        r = who.get(self.path(lid))
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), action=action, **fields) + list(extra)
        return self.post(who, self.path(lid), data)

    def submit(self, lid, who=None, **fields):
        """Submitted with the kind's complete fields (fields override) and every rule."""
        fields = dict(self.kind.complete, **fields)
        r = self.edit(lid, who=who, action="submit", extra=self.kind.rule_fields(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, lid, lang="fi"):
        return self.moderator.get(self.review_path(lid, lang))

    def decision(self, lid, decision, reason=""):
        """The review's decision form, filled in (read before anything else changes)."""
        r = self.review(lid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        form = "//form[.//input[@name='decision']]"
        return {"csrf": doc.xpath(form + "//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}

    def decide(self, lid, decision, reason="", expect=303):
        r = self.post(self.moderator, self.review_path(lid), self.decision(lid, decision, reason))
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        """A listing created, submitted and approved; its id."""
        lid = self.create(title_fi=fields.pop("title_fi", self.kind.title))
        self.submit(lid, **fields)
        self.decide(lid, "approve")
        return lid

    def state(self, lid):
        """(state, published_version, latest_version, revision) as text.  (The state is
        'archived' exactly when archived_at is set: a CHECK of every kind's table.)"""
        return run_psql("SELECT state, published_version::text, latest_version::text,"
                        " revision::text FROM %s WHERE id = :'i'" % self.kind.plural, i=lid)[0]



def workspace_fixture(cls):
    """The `ws` fixture of a test file: a Workspace of the class, its listings deleted after."""
    @pytest.fixture
    def ws(base_url):
        w = cls(base_url)
        yield w
        w.cleanup()
    return ws
