"""Helpers for the job tests (test_jobs_*.py): the listing helpers of kt_listings.py with the
job's paths, fields and rules, on the same engine (as kt_events.py for events).

    w = JobWorkspace(base_url)                # a fresh organisation, its people, a moderator
    jid = w.create(title_fi="Ohjaaja")        # a draft through the editor
    w.submit(jid)                             # submitted with every job rule confirmed
    w.decide(jid, "approve")
"""
import datetime
import re

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_listings import Workspace, errors, form_fields, with_fields

JOB_RULES = ("job_relevant", "job_employer", "equality")


def later(days):
    """D.M.YYYY, days from today."""
    d = datetime.date.today() + datetime.timedelta(days=days)
    return "%d.%d.%d" % (d.day, d.month, d.year)


# What a complete job needs on top of a title (kt_job_check with submit).
JOB_COMPLETE = {
    "description_fi": "Ohjaat kielikerhoja ja vapaaehtoisia.",
    "type": "fixed_term",
    "languages": "fin",
    "municipality": "837",
    "hours": "37,5",
    "deadline_date": later(30),
    "apply_url": "https://example.org/hae",
}


def job_rules():
    return [("rule_" + r, "yes") for r in JOB_RULES]


def job_id(location):
    return re.search(r"/manage/jobs/(\d+)", location).group(1)


class JobWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing jobs."""

    def cleanup(self):
        run_psql("DELETE FROM jobs WHERE organisation_id = :'o'", o=self.org)

    def path(self, jid=None):
        return "/%s/manage/jobs/%s" % (self.lang, jid if jid else "new")

    def create(self, who=None, **fields):
        who = who or self.main
        r = who.get(self.path())
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), organisation=str(self.org), action="save", **fields)
        r = self.post(who, self.path(), data)
        assert r.status_code == 303, (r.status_code, errors(r))
        return job_id(r.headers["Location"])

    def submit(self, jid, who=None, **fields):
        fields = dict(JOB_COMPLETE, **fields)
        r = self.edit(jid, who=who, action="submit", extra=job_rules(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, jid, lang="fi"):
        return self.moderator.get("/%s/moderation/jobs/%s" % (lang, jid))

    def decide(self, jid, decision, reason="", expect=303):
        r = self.review(jid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}
        r = self.post(self.moderator, "/fi/moderation/jobs/%s" % jid, data)
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        jid = self.create(title_fi=fields.pop("title_fi", "Julkaistu työpaikka"))
        self.submit(jid, **fields)
        self.decide(jid, "approve")
        return jid

    def state(self, jid):
        return run_psql("SELECT state, published_version::text, latest_version::text,"
                        " revision::text FROM jobs WHERE id = :'i'", i=jid)[0]


def job_version_value(jid, version, column):
    return run_psql_value("SELECT %s FROM job_versions WHERE job_id = :'i'"
                          " AND version = :'v'" % column, i=jid, v=version)
