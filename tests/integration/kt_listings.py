"""Helpers for the listing tests (test_listings_*.py): organisations of the test's own with
their people, the editor's form read the way a browser sends it, and the moderator's decision.

    w = Workspace(base_url)                  # a fresh approved organisation, its main user,
                                             # a member, and a moderator, all signed in
    lid = w.create(title_fi="Kerho")         # a draft through the editor; its id
    w.submit(lid)                            # submitted with every rule confirmed
    w.decide(lid, "approve")
"""
import re

from lxml import html as lxml_html

from conftest import run_psql, run_psql_value
from kt_accounts import Person, make_org, make_user, page

RULES = ("immigrants", "non_commercial", "open", "non_aligned", "equality", "not_authority",
         "not_single_event", "volunteering")

# What a complete listing needs on top of a title (kt_listing_check with submit).
COMPLETE = {
    "description_fi": "Harjoittelemme suomea rennosti kahvin äärellä.",
    "forms": "language_club",
    "targets": "adults",
    "languages": "fin",
    "municipality": "091",
    "contact_email": "kerho@example.org",
    "slot_weekday": "2",
    "slot_start": "17",
    "slot_end": "19",
}


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


def rules():
    return [("rule_" + r, "yes") for r in RULES]


def errors(resp):
    """The messages of the error summary."""
    return [" ".join("".join(li.itertext()).split())
            for li in page(resp).xpath("//div[@class='error-summary']//li")]


def field_errors(resp):
    """{field id: message} of the fields marked wrong."""
    doc = page(resp)
    return {p.get("id")[:-len("-error")]: " ".join("".join(p.itertext()).split())
            for p in doc.xpath("//p[@class='field-error']")}


def listing_id(location):
    return re.search(r"/manage/activities/(\d+)", location).group(1)


class Workspace:
    """A fresh approved organisation with a main user and a member, and a moderator."""

    def __init__(self, base_url, lang="fi"):
        self.base = base_url
        self.lang = lang
        self.main_id, self.main_email = make_user(first="Maija", last="Pääkäyttäjä")
        self.member_id, self.member_email = make_user(first="Mikko", last="Jäsen", lang="sv")
        self.mod_id, self.mod_email = make_user(first="Moa", last="Moderaattori", moderator=True)
        self.org = make_org(self.main_id, members=[self.member_id])
        self.main = self._signed_in(self.main_email)
        self.member = self._signed_in(self.member_email, "sv")   # reads mail in Swedish
        self.moderator = self._signed_in(self.mod_email)

    def cleanup(self):
        """Deletes the organisation's listings: tests that come later count public ones."""
        run_psql("DELETE FROM activities WHERE organisation_id = :'o'", o=self.org)

    def _signed_in(self, email, lang="fi"):
        p = Person(self.base)
        p.sign_in(email, lang=lang)
        return p

    def path(self, lid=None):
        return "/%s/manage/activities/%s" % (self.lang, lid if lid else "new")

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
        return listing_id(r.headers["Location"])

    def edit(self, lid, who=None, action="save", extra=(), **fields):
        """GET the editor, change fields, POST with action; the response."""
        who = who or self.main
        r = who.get(self.path(lid))
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), action=action, **fields) + list(extra)
        return self.post(who, self.path(lid), data)

    def submit(self, lid, who=None, **fields):
        fields = dict(COMPLETE, **fields)
        r = self.edit(lid, who=who, action="submit", extra=rules(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, lid, lang="fi"):
        return self.moderator.get("/%s/moderation/activities/%s" % (lang, lid))

    def decide(self, lid, decision, reason="", expect=303):
        r = self.review(lid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}
        r = self.post(self.moderator, "/fi/moderation/activities/%s" % lid, data)
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        """A listing created, submitted and approved; its id."""
        lid = self.create(title_fi=fields.pop("title_fi", "Julkaistu kerho"))
        self.submit(lid, **fields)
        self.decide(lid, "approve")
        return lid

    def state(self, lid):
        """(state, published_version, latest_version, revision) as text."""
        return run_psql("SELECT CASE WHEN archived_at IS NOT NULL THEN 'archived' ELSE state END,"
                        " published_version::text, latest_version::text, revision::text"
                        " FROM activities WHERE id = :'i'", i=lid)[0]


def version_value(lid, version, column):
    return run_psql_value("SELECT %s FROM activity_versions WHERE activity_id = :'i'"
                          " AND version = :'v'" % column, i=lid, v=version)


def public_title(http, lid, lang="fi"):
    r = http.get("/%s/activities/%s" % (lang, lid))
    if r.status_code != 200:
        return r.status_code
    return lxml_html.fromstring(r.content).xpath("string(//h1)").strip()
