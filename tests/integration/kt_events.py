"""Helpers for the event tests (test_events_*.py): the listing helpers of kt_listings.py with
the event's paths, fields and rules, on the same engine.

    w = EventWorkspace(base_url)              # a fresh organisation, its people, a moderator
    eid = w.create(title_fi="Seminaari")      # a draft through the editor
    w.submit(eid)                             # submitted with every event rule confirmed
    w.decide(eid, "approve")
"""
import datetime
import re

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_listings import Workspace, errors, form_fields, with_fields

EVENT_RULES = ("event_relevant", "event_organiser", "equality")


def later(days):
    """D.M.YYYY, days from today."""
    d = datetime.date.today() + datetime.timedelta(days=days)
    return "%d.%d.%d" % (d.day, d.month, d.year)


# What a complete event needs on top of a title (kt_event_check with submit).
EVENT_COMPLETE = {
    "description_fi": "Seminaari järjestöjen ja kuntien yhteistyöstä.",
    "type": "seminar",
    "audiences": ["professionals", "organisations"],
    "languages": "fin",
    "start_date": later(30),
    "start_time": "9.30",
    "end_time": "15",
    "municipality": "837",
    "contact_email": "seminaari@example.org",
}


def event_rules():
    return [("rule_" + r, "yes") for r in EVENT_RULES]


def event_id(location):
    return re.search(r"/manage/events/(\d+)", location).group(1)


class EventWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing events."""

    def cleanup(self):
        run_psql("DELETE FROM events WHERE organisation_id = :'o'", o=self.org)

    def path(self, eid=None):
        return "/%s/manage/events/%s" % (self.lang, eid if eid else "new")

    def create(self, who=None, **fields):
        who = who or self.main
        r = who.get(self.path())
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), organisation=str(self.org), action="save", **fields)
        r = self.post(who, self.path(), data)
        assert r.status_code == 303, (r.status_code, errors(r))
        return event_id(r.headers["Location"])

    def submit(self, eid, who=None, **fields):
        fields = dict(EVENT_COMPLETE, **fields)
        r = self.edit(eid, who=who, action="submit", extra=event_rules(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, eid, lang="fi"):
        return self.moderator.get("/%s/moderation/events/%s" % (lang, eid))

    def decide(self, eid, decision, reason="", expect=303):
        r = self.review(eid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}
        r = self.post(self.moderator, "/fi/moderation/events/%s" % eid, data)
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        eid = self.create(title_fi=fields.pop("title_fi", "Julkaistu seminaari"))
        self.submit(eid, **fields)
        self.decide(eid, "approve")
        return eid

    def state(self, eid):
        return run_psql("SELECT state, published_version::text, latest_version::text,"
                        " revision::text FROM events WHERE id = :'i'", i=eid)[0]


def event_version_value(eid, version, column):
    return run_psql_value("SELECT %s FROM event_versions WHERE event_id = :'i'"
                          " AND version = :'v'" % column, i=eid, v=version)
