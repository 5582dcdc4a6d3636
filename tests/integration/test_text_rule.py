"""One rule for text (issue 10, item 6): the forms refuse, with a message, every character
the database's CHECKs refuse (kt_text_ok / kt_email_ok, sql/009_accounts.sql), so that no
form answers 500 and nothing stored can make a later mail, page or decision fail.

- the validator and the CHECK agree at both ends of every range of the rule, for one line
  and for several lines;
- every CHECK of the rule is walked, with a character of each forbidden class, through the
  form that writes its column: 400, the field marked, nothing stored.  A CHECK on a column
  no form writes is named in NO_FORM; a new CHECK must be added to one of the two tables.
"""
import re

import pytest

from kt_accounts import MODERATOR, Person, clear_throttle, csrf_of, make_org, make_user, page
from kt_listings import Workspace, with_fields
from kt_events import EventWorkspace
from kt_jobs import JobWorkspace
from kt_networks import NetworkWorkspace
from kt_projects import ProjectWorkspace


def form_fields_of(doc, form_class="listing-form"):
    """[(name, value)] of the listing form of a parsed page, as a browser sends it."""
    data = []
    form = doc.xpath("//form[contains(@class, '%s')]" % form_class)[0]
    for el in form.xpath(".//input | .//textarea | .//select"):
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


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


# A character of each class the rule refuses everywhere (every range of it is walked at
# its ends by the boundary tests; these go through every form).
FORBIDDEN = {"C0": "\x01", "C1 NEL": "\x85", "line separator": "\u2028",
             "deprecated format": "\u206a", "byte order mark": "\ufeff",
             "noncharacter": "\uffff"}
# and, for the text rule alone, the rest of its classes
FORBIDDEN_TOO = {"escape": "\x1b", "DEL": "\x7f", "C1": "\x9f", "paragraph separator": "\u2029",
                 "interlinear annotation": "\ufff9", "noncharacter FDD0": "\ufdd0"}


@pytest.fixture(scope="module")
def ranges():
    """{multiline: the ranges [a, b] of code points the database refuses} (U+0001 up, no
    surrogates), read from the database once: one pass over every code point."""
    from conftest import run_psql
    rows = run_psql("SELECT c, kt_text_ok(chr(c), true) FROM generate_series(1, 1114111) c"
                    " WHERE (c < 55296 OR c > 57343) AND NOT kt_text_ok(chr(c), false)"
                    " ORDER BY c")
    out = {False: [], True: []}
    for c, multi_ok in rows:
        c = int(c)
        for multiline in (False, True):
            if multiline and multi_ok == "t":
                continue
            r = out[multiline]
            if r and r[-1][1] == c - 1:
                r[-1][1] = c
            else:
                r.append([c, c])
    return out


def boundaries(ranges):
    points = set()
    for a, b in ranges:
        points.update({a, b, a - 1, b + 1})
    return sorted(p for p in points if p >= 1 and not 0xD800 <= p <= 0xDFFF)


def refused(ranges, cp, multiline):
    return any(a <= cp <= b for a, b in ranges[multiline])


def marked(resp, field):
    return bool(page(resp).xpath("//*[@name='%s'][@aria-invalid='true']" % field))


def test_the_rule_is_what_the_issue_names(ranges):
    line = ranges[False]
    for cp in (0x01, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0x2028, 0x2029, 0xfeff):
        assert any(a <= cp <= b for a, b in line), hex(cp)
    # letters of every script, joiners and direction marks stay
    for cp in (0x41, 0xe4, 0x627, 0x200c, 0x200d, 0x200e, 0x202e, 0x1f600):
        assert not any(a <= cp <= b for a, b in line), hex(cp)


def test_one_line_fields_agree_with_the_database_at_every_boundary(base_url, psql, ranges):
    p = Person(base_url)
    for cp in boundaries(ranges[False]):
        # no email: the form answers 400 whatever the name, and says whether the name is wrong
        r = p.submit("/fi/register", first_name="A%sB" % chr(cp), last_name="L", email="",
                     password="", terms="")
        assert r.status_code == 400, (hex(cp), r.status_code)
        assert marked(r, "first_name") == refused(ranges, cp, False), hex(cp)


def test_multi_line_fields_agree_with_the_database_at_every_boundary(base_url, psql, ranges):
    p = Person(base_url)
    for cp in boundaries(ranges[True]):
        # no topic: 400 whatever the message, which is marked only when it is wrong
        r = p.submit("/fi/contact", topic="", message="A%sB" % chr(cp))
        assert r.status_code == 400, (hex(cp), r.status_code)
        assert marked(r, "message") == refused(ranges, cp, True), hex(cp)


def test_stored_text_is_cleaned_to_the_rule(psql):
    for name, ch in dict(FORBIDDEN, **FORBIDDEN_TOO).items():
        for ml in ("true", "false"):
            assert psql("SELECT kt_text_ok(kt_text_clean(:'s', :'m'::boolean), :'m'::boolean)",
                        s="a%sb" % ch, m=ml) == [("t",)], name


# ---- every CHECK through its form -------------------------------------------------------

# table.column -> (who writes it, the form's field).  `who` names a setup below.
FORM_OF_COLUMN = {
    "users.first_name": ("register", "first_name"),
    "users.last_name": ("register", "last_name"),
    "users.phone": ("register", "phone"),
    "users.email": ("register", "email"),
    "registrations.first_name": ("register", "first_name"),
    "registrations.last_name": ("register", "last_name"),
    "registrations.phone": ("register", "phone"),
    "registrations.email": ("register", "email"),
    "account_tokens.new_email": ("account-email", "email"),
    "organisations.name": ("org-new", "name"),
    "organisations.registry_number": ("org-new", "registry_number"),
    "organisations.website": ("org-new", "website"),
    "organisations.description_fi": ("org-new", "description"),
    "organisations.description_sv": ("org-new-sv", "description"),
    "organisations.description_en": ("org-new-en", "description"),
    "organisations.decision_reason": ("org-decision", "reason"),
    "audit_log.reason": ("org-decision", "reason"),
    "organisation_versions.name": ("profile", "name"),
    "organisation_versions.registry_number": ("profile", "registry_number"),
    "organisation_versions.website": ("profile", "website"),
    "organisation_versions.description_fi": ("profile", "description"),
    "organisation_versions.description_sv": ("profile-sv", "description"),
    "organisation_versions.description_en": ("profile-en", "description"),
    "organisation_versions.decision_reason": ("profile-decision", "reason"),
    "activities.decision_reason": ("listing-decision", "reason"),
    "contact_messages.name": ("contact", "sender_name"),
    "contact_messages.email": ("contact", "email"),
    "contact_messages.message": ("contact", "message"),
    "organisation_questions.question": ("org-ask", "reason"),
    "organisation_questions.answer": ("org-answer", "answer"),
}
for _f in ("title_fi", "title_sv", "title_en", "street_address", "post_office", "contact_name",
           "contact_email", "contact_phone", "url", "description_fi", "description_sv",
           "description_en", "accessibility_fi", "accessibility_sv", "accessibility_en"):
    FORM_OF_COLUMN["activity_versions." + _f] = ("listing", _f)
for _f in ("title_fi", "title_sv", "title_en", "street_address", "post_office", "online_url",
           "registration_url", "contact_name", "contact_email", "contact_phone", "url",
           "description_fi", "description_sv", "description_en"):
    FORM_OF_COLUMN["event_versions." + _f] = ("event", _f)
FORM_OF_COLUMN["events.decision_reason"] = ("event-decision", "reason")
for _f in ("title_fi", "title_sv", "title_en", "funder_name", "contact_name", "contact_email",
           "contact_phone", "url", "description_fi", "description_sv", "description_en"):
    FORM_OF_COLUMN["project_versions." + _f] = ("project", _f)
FORM_OF_COLUMN["projects.decision_reason"] = ("project-decision", "reason")
for _f in ("title_fi", "title_sv", "title_en", "summary_fi", "summary_sv", "summary_en",
           "body_fi", "body_sv", "body_en"):
    FORM_OF_COLUMN["news_versions." + _f] = ("news", _f)
for _f in ("title_fi", "title_sv", "title_en", "apply_url", "apply_email", "contact_name",
           "contact_email", "contact_phone", "salary_fi", "salary_sv", "salary_en",
           "description_fi", "description_sv",
           "description_en"):
    FORM_OF_COLUMN["job_versions." + _f] = ("job", _f)
FORM_OF_COLUMN["jobs.decision_reason"] = ("job-decision", "reason")
for _f in ["title_%s" % _l for _l in ("fi", "sv", "en")] + [
        "%s_%s" % (_n, _l) for _n in ("description", "activities", "resources", "benefits",
                                      "evaluation") for _l in ("fi", "sv", "en")] + [
        "contact_name", "contact_email", "contact_phone", "url"]:
    FORM_OF_COLUMN["network_versions." + _f] = ("network", _f)
FORM_OF_COLUMN["networks.decision_reason"] = ("network-decision", "reason")

# CHECKs on columns no form writes (yet): the day a form does, it moves to the table above.
NO_FORM = {
    "mail_outbox.subject": "composed by the site from the catalogs; kt_mail_compose cleans it",
    "mail_outbox.recipient": "an address already checked by the form that asked for it",
    "projects.name": "the public version's name, copied by a trigger from project_versions",
}


def checked_columns(psql):
    rows = psql("SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE contype = 'c' AND pg_get_constraintdef(oid) ~ 'kt_(text|email)_ok'")
    cols = set()
    for table, definition in rows:
        for m in re.finditer(r"kt_(?:text|email)_ok\(\(?(\w+)", definition):
            cols.add("%s.%s" % (table, m.group(1)))
    return cols


def test_every_check_of_the_rule_has_a_form_or_a_reason(psql):
    cols = checked_columns(psql)
    assert "users.first_name" in cols and "activity_versions.title_fi" in cols
    unknown = sorted(c for c in cols if c not in FORM_OF_COLUMN and c not in NO_FORM)
    assert not unknown, "CHECKs of the text rule that no test walks: %s" % unknown
    stale = sorted(c for c in FORM_OF_COLUMN if c not in cols)
    assert not stale, "columns listed here without a CHECK: %s" % stale


class Forms:
    """Whoever may post each form, with what else the form needs to be otherwise right.
    Each form's page is read once: a refused POST changes nothing, so its token (and a
    listing's revision) stay good."""

    def __init__(self, base_url):
        self.base = base_url
        self.anonymous = Person(base_url)
        self.tokens = {}
        self.user_id, self.user_email = make_user()
        self.user = Person(base_url)
        self.user.sign_in(self.user_email)
        self.mod = Person(base_url)
        self.mod.sign_in(MODERATOR)
        self.ws = Workspace(base_url)
        self.listing = self.ws.create(title_fi="Merkkikerho")
        self.submitted = self.ws.create(title_fi="Tarkistettava kerho")
        self.ws.submit(self.submitted)
        self.events = EventWorkspace(base_url)
        self.event = self.events.create(title_fi="Merkkiseminaari")
        self.event_submitted = self.events.create(title_fi="Tarkistettava seminaari")
        self.events.submit(self.event_submitted)
        self.jobs = JobWorkspace(base_url)
        self.job = self.jobs.create(title_fi="Merkkityöpaikka")
        self.job_submitted = self.jobs.create(title_fi="Tarkistettava työpaikka")
        self.jobs.submit(self.job_submitted)
        self.networks = NetworkWorkspace(base_url)
        self.network = self.networks.create(title_fi="Merkkiverkosto")
        self.network_submitted = self.networks.create(title_fi="Tarkistettava verkosto")
        self.networks.submit(self.network_submitted)
        self.projects = ProjectWorkspace(base_url)
        self.project = self.projects.create(title_fi="Merkkihanke", funder="other")
        self.project_submitted = self.projects.create(title_fi="Tarkistettava hanke")
        self.projects.submit(self.project_submitted)
        self.pending = make_org(self.user_id, status="pending")
        self.approved = make_org(self.user_id)
        # a change of the approved organisation's profile waits
        r = self.user.submit("/fi/manage/organisations/%s" % self.approved, action="save",
                             name="Muutettu ry", registry_number="123.456", municipality="091")
        assert r.status_code == 303
        # a pending organisation the moderators asked a question, for its answer's form
        self.asked = make_org(self.user_id, status="pending")
        r = self.mod.submit("/fi/moderation/organisations/%s" % self.asked, decision="ask",
                            reason="Mikä on yhdistyksen rekisterinumero?")
        assert r.status_code == 303

    def send(self, person, path, data):
        key = (id(person), path)
        if key not in self.tokens:
            r = person.get(path)
            assert r.status_code == 200, (path, r.status_code)
            self.tokens[key] = (csrf_of(r), page(r))
        token, doc = self.tokens[key]
        data = dict(data, csrf=token)
        return person.post(path, data=data, headers={"Origin": self.base}), doc

    def post(self, who, field, value):
        return self.post_fields(who, {field: value})

    def post_fields(self, who, changes):
        ok_org = dict(name="Merkkiyhdistys ry", type="association", business_id="",
                      registry_number="123.456", municipality="091", website="",
                      description="")
        if who == "register":
            data = dict(first_name="Rita", last_name="R", email="rita@example.org", phone="",
                        password="", terms="yes")
            data.update(changes)
            return self.send(self.anonymous, "/fi/register", data)[0]
        if who == "contact":
            data = dict(topic="general", sender_name="", email="", message="Hei")
            data.update(changes)
            return self.send(self.anonymous, "/fi/contact", data)[0]
        if who == "account-email":
            return self.send(self.user, "/fi/account/email",
                             dict(dict(email="", current_password=""), **changes))[0]
        if who == "account":
            return self.send(self.user, "/fi/account", dict(dict(
                first_name="Testi", last_name="K", phone="", lang="fi"), **changes))[0]
        if who.startswith("org-new"):
            lang = who[8:] or "fi"
            ok_org.update(changes)
            return self.send(self.user, "/%s/manage/organisations/new" % lang, ok_org)[0]
        if who.startswith("profile") and who != "profile-decision":
            lang = who[8:] or "fi"
            data = dict(action="save", name="Muutettu ry", registry_number="123.456",
                        municipality="091", website="", description="")
            data.update(changes)
            return self.send(self.user, "/%s/manage/organisations/%s" % (lang, self.approved),
                             data)[0]
        if who == "org-decision":
            return self.send(self.mod, "/fi/moderation/organisations/%s" % self.pending,
                             dict(dict(decision="reject", reason=""), **changes))[0]
        if who == "org-ask":
            return self.send(self.mod, "/fi/moderation/organisations/%s" % self.pending,
                             dict(dict(decision="ask", reason=""), **changes))[0]
        if who == "org-answer":
            return self.send(self.user, "/fi/manage/organisations/%s" % self.asked,
                             dict(dict(action="answer", answer=""), **changes))[0]
        if who == "profile-decision":
            path = "/fi/moderation/organisations/%s" % self.approved
            r, doc = self.send(self.mod, path, {})
            stamp = doc.xpath("//input[@name='stamp']/@value")[0]
            return self.send(self.mod, path, dict(dict(about="profile", decision="reject",
                                                       reason="", stamp=stamp), **changes))[0]
        if who in ("listing", "event", "job", "project", "news", "network"):
            if who == "news":
                person, path = self.mod, "/fi/moderation/news/new"
                changes = dict(dict(title_fi="Merkkiuutinen"), **changes)
            else:
                ws, lid = {"listing": (self.ws, self.listing), "event": (self.events, self.event),
                           "job": (self.jobs, self.job),
                           "project": (self.projects, self.project),
                           "network": (self.networks, self.network)}[who]
                person, path = ws.main, ws.path(lid)
            r, doc = self.send(person, path, {})
            data = with_fields(form_fields_of(doc), action="save", **changes)
            data = [(n, v) for n, v in data if n != "csrf"] + [("csrf", self.tokens[
                (id(person), path)][0])]
            return person.post(path, data=data, headers={"Origin": self.base})
        if who in ("listing-decision", "event-decision", "job-decision", "project-decision",
                   "network-decision"):
            path = {"listing-decision": "/fi/moderation/activities/%s" % self.submitted,
                    "event-decision": "/fi/moderation/events/%s" % self.event_submitted,
                    "job-decision": "/fi/moderation/jobs/%s" % self.job_submitted,
                    "project-decision": "/fi/moderation/projects/%s" % self.project_submitted,
                    "network-decision": "/fi/moderation/networks/%s" % self.network_submitted
                    }[who]
            r, doc = self.send(self.ws.moderator, path, {})
            return self.send(self.ws.moderator, path, dict(dict(
                decision="return", reason="",
                version=doc.xpath("//input[@name='version']/@value")[0],
                revision=doc.xpath("//input[@name='revision']/@value")[0]), **changes))[0]
        raise AssertionError(who)


@pytest.fixture(scope="module")
def forms(base_url):
    f = Forms(base_url)
    yield f
    f.ws.cleanup()
    f.events.cleanup()
    f.jobs.cleanup()
    f.networks.cleanup()
    f.projects.cleanup()


def test_every_forbidden_class_through_every_form(forms, psql):
    before = psql("SELECT count(*) FROM registrations UNION ALL SELECT count(*) FROM"
                  " contact_messages UNION ALL SELECT count(*) FROM organisations")
    walked = set()
    for column, (who, field) in sorted(FORM_OF_COLUMN.items()):
        if (who, field) in walked:
            continue
        walked.add((who, field))
        for name, ch in FORBIDDEN.items():
            value = ("kerho%s@example.org" % ch if field in ("email", "contact_email",
                                                               "apply_email")
                     else "https://example.org/%s" % ch if field in ("url", "website",
                                                                      "apply_url")
                     else "040 123%s4567" % ch if field in ("phone", "contact_phone")
                     else "12%s3" % ch if field == "registry_number"
                     else "Kerho %s kaikille" % ch)
            r = forms.post(who, field, value)
            assert r.status_code == 400, (column, name, r.status_code)
            assert marked(r, field), (column, name)
    # nothing was stored by any of them
    assert psql("SELECT count(*) FROM registrations UNION ALL SELECT count(*) FROM"
                " contact_messages UNION ALL SELECT count(*) FROM organisations") == before


def test_a_title_with_nel_is_refused_and_decisions_still_work(base_url, psql):
    """The issue's case: a title with U+0085 made every decision a 500 (the mail subject's
    CHECK); it is refused now, and a listing's decision mails go out."""
    ws = Workspace(base_url)
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, title_fi="Kerho\u0085naisille")
    assert r.status_code == 400 and marked(r, "title_fi")
    ws.submit(lid, title_fi="Kerho naisille")
    ws.decide(lid, "approve")
    assert psql("SELECT count(*) FROM mail_outbox WHERE kind = 'listing_approve'"
                " AND subject LIKE '%Kerho naisille%'") != [("0",)]
    ws.cleanup()


# ---- every other CHECK of what people type ------------------------------------------------

# CHECK name -> (form, the fields that would break it were the form to let them through, the
# field then marked; None: the error names a row of the form, not one field)
TYPED_CHECKS = {
    "users_lang_check": ("account", {"lang": "de"}, None),        # radios: the group is named
    "organisations_business_id_check": ("org-new", {"business_id": "1234567"}, "business_id"),
    "organisations_name_check": ("org-new", {"name": "x" * 301}, "name"),
    "organisation_versions_name_check": ("profile", {"name": "x" * 301}, "name"),
    "contact_messages_topic_check": ("contact", {"topic": "spam"}, "topic"),
    "contact_messages_message_check": ("contact", {"message": "x" * 5001}, "message"),
    "contact_messages_name_check": ("contact", {"sender_name": "x" * 201}, "sender_name"),
    "organisation_questions_question_check": ("org-ask", {"reason": "x" * 2001}, "reason"),
    "organisation_questions_answer_check": ("org-answer", {"answer": "x" * 2001}, "answer"),
    "activity_versions_check": ("listing", {"start_date": "1.5.2027", "end_date": "1.4.2027"},
                                "end_date"),
    "activity_versions_check1": ("listing", {"title_fi": "", "title_sv": "", "title_en": ""},
                                 None),
    "activity_versions_postal_code_check": ("listing", {"postal_code": "0010"}, "postal_code"),
    "activity_versions_price_eur_check": ("listing", {"price": "fee", "price_amount": "-5"},
                                          "price_amount"),
    "activity_versions_registration_check": ("listing", {"registration": "maybe"}, None),
    "activity_schedule_weekday_check": ("listing", {"slot_weekday": "8", "slot_start": "17",
                                                    "slot_end": "19"}, None),
    "activity_schedule_check": ("listing", {"slot_weekday": "2", "slot_start": "19",
                                            "slot_end": "17"}, None),
    # (an end before the start is the next morning: only an empty session breaks it)
    "activity_sessions_check": ("listing", {"session_date": "1.5.2027", "session_start": "17",
                                            "session_end": "17"}, None),
    "event_versions_check": ("event", {"title_fi": "", "title_sv": "", "title_en": ""}, None),
    "event_versions_check1": ("event", {"start_date": "2.5.2027", "end_date": "1.5.2027"},
                              "end_date"),
    "event_versions_check2": ("event", {"start_date": "1.5.2027", "start_time": "17",
                                        "end_time": "16"}, None),
    "event_versions_postal_code_check": ("event", {"postal_code": "0010"}, "postal_code"),
    "event_versions_price_eur_check": ("event", {"price": "fee", "price_amount": "-5"},
                                       "price_amount"),
    "project_versions_check": ("project", {"title_fi": "", "title_sv": "", "title_en": ""},
                               None),
    "project_versions_check1": ("project", {"start_date": "2.5.2027", "end_date": "1.5.2027"},
                                "end_date"),
    "project_versions_check2": ("project", {"funder": "amif", "funder_name": "Säätiö"},
                                "funder_name"),
    # checkboxes: the group is named
    "project_versions_check3": ("project", {"partners": [str(i) for i in range(1, 40)]}, None),
    "project_versions_grant_eur_check": ("project", {"grant": "-5"}, "grant"),
    "news_versions_check": ("news", {"title_fi": "", "title_sv": "", "title_en": ""},
                            "title_fi"),
    "job_versions_check": ("job", {"title_fi": "", "title_sv": "", "title_en": ""}, None),
    "job_versions_apply_url_check": ("job", {"apply_url": "http://example.org/hae"}, "apply_url"),
    "job_versions_hours_per_week_check": ("job", {"hours": "81"}, "hours"),
    "network_versions_check": ("network", {"title_fi": "", "title_sv": "", "title_en": ""},
                               None),
}

# CHECKs no form field reaches: values the code sets from closed lists or computes, and
# reference data.  A new CHECK must join one of the two tables (the test says which).
NOT_TYPED = {
    "account_tokens_new_email", "account_tokens_purpose_check", "activities_archive_reason_check",
    "activities_check", "activities_check1", "activities_check2", "activities_check3",
    "activities_revision_check", "activities_state_check", "activity_forms_code_check",
    "activity_forms_search_bit_check", "themes_search_bit_check",
    "target_groups_search_bit_check", "activity_search_cache_check",
    "activity_versions_version_check", "audit_log_version_check", "contact_messages_lang_check",
    "csrf_secret_only_row_check", "csrf_secret_secret_check", "feed_secret_only_row_check",
    "feed_secret_secret_check", "languages_code1_check", "languages_code_check",
    "login_throttle_kind_check", "mail_outbox_lang_check", "mail_outbox_status_check",
    "memberships_role_check", "memberships_status_check", "municipalities_code_check",
    "regions_code_check", "organisation_versions_check", "organisation_versions_state_check",
    "organisation_versions_version_check", "organisations_status_check",
    "rate_limits_action_check", "rate_limits_hits_check", "registrations_lang_check",
    "users_deleted_pseudonym", "users_pseudonym_check",
    # a question's answer and its time come together, after the question
    "organisation_questions_check", "organisation_questions_check1",
    # the lifecycle's columns of every kind (written by the engine, never typed) and the
    # events' vocabularies
    "activities_state_archived", "events_archive_reason_check", "events_check",
    "events_check1", "events_check2", "events_check3", "events_revision_check",
    "events_state_archived", "events_state_check", "event_versions_version_check",
    "event_types_code_check", "listing_tombstones_kind_check",
    # projects' lifecycle columns and vocabularies
    "projects_archive_reason_check", "projects_check", "projects_check1", "projects_check2",
    "projects_check3", "projects_revision_check", "projects_state_archived",
    "projects_state_check", "project_versions_version_check", "project_funders_code_check",
    "project_objectives_code_check",
    "news_archive_reason_check", "news_check", "news_check1", "news_check2", "news_check3",
    "news_revision_check", "news_state_archived", "news_state_check",
    "news_versions_version_check",
    # a news item's related item is one choice of one select
    "news_versions_check1",
    # jobs' lifecycle columns and vocabulary
    "jobs_archive_reason_check", "jobs_check", "jobs_check1", "jobs_check2", "jobs_check3",
    "jobs_revision_check", "jobs_state_archived", "jobs_state_check",
    "job_versions_version_check", "job_types_code_check",
    # networks' (sql/020_networks.sql): the lifecycle's columns, the vocabulary, the members
    # (written by the code from closed lists), and the area's parts (kept apart by
    # kt_network_from_form, bounded by its checks first)
    "networks_archive_reason_check", "networks_check", "networks_check1", "networks_check2",
    "networks_check3", "networks_revision_check", "networks_state_archived",
    "networks_state_check", "network_versions_version_check", "network_versions_area_check",
    "network_versions_check1", "network_versions_check2", "network_versions_check3",
    "network_audiences_code_check", "network_members_status_check", "network_members_check",
    # the page cache's generation (sql/024_page_cache.sql), one row moved by triggers
    "kt_public_generation_only_row_check",
    # names of values as the search reads them (sql/027_search_names_inline.sql): built by
    # kt_search_names_refresh from the reference data's names, words of letters only
    "search_names_prefixes_plain",
}


def test_every_check_is_typed_through_a_form_or_is_not_typed(psql):
    rows = psql("SELECT conname, pg_get_constraintdef(oid) ~ 'kt_(text|email)_ok'"
                " FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0")
    names = {n for n, _ in rows}
    # the text rule's own, walked above (lengths beside it are in TYPED_CHECKS)
    text = {n for n, rule in rows if rule == "t" and n not in TYPED_CHECKS}
    unknown = sorted(names - text - set(TYPED_CHECKS) - NOT_TYPED)
    assert not unknown, ("CHECK constraints nobody walks: add each to TYPED_CHECKS (a form "
                         "that could break it) or NOT_TYPED (no form field reaches it): %s"
                         % unknown)


@pytest.mark.parametrize("check", sorted(TYPED_CHECKS))
def test_what_a_check_refuses_the_form_refuses_first(forms, check):
    who, changes, field = TYPED_CHECKS[check]
    r = forms.post_fields(who, changes)
    assert r.status_code == 400, (check, r.status_code)
    doc = page(r)
    if field:
        assert marked(r, field), check
    assert doc.xpath("//div[@class='error-summary']//li"), check
