"""Helpers for the project tests (test_projects_*.py): the listing helpers of kt_listings.py
with the project's paths, fields and rules, on the same engine.

    w = ProjectWorkspace(base_url)             # a fresh organisation, its people, a moderator
    pid = w.create(title_fi="Kielipolku")      # a draft through the editor
    w.submit(pid)                              # submitted with every project rule confirmed
    w.decide(pid, "approve")
"""
import datetime
import re

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_listings import Workspace, errors, form_fields, with_fields

PROJECT_RULES = ("project_funded", "project_runner", "equality")


def day(days):
    """D.M.YYYY, days from today."""
    d = datetime.date.today() + datetime.timedelta(days=days)
    return "%d.%d.%d" % (d.day, d.month, d.year)


# What a complete project needs on top of a name (kt_project_check with submit).
PROJECT_COMPLETE = {
    "description_fi": "Hanke vie suomen kielen harjoittelun kirjastoihin ja asukastaloihin.",
    "start_date": day(-60),
    "end_date": day(600),
    "funder": "amif",
    "objective": "amif_2_2",
    "grant": "120 000",
    "regions": "01",
    "contact_email": "hanke@example.org",
}


def project_rules():
    return [("rule_" + r, "yes") for r in PROJECT_RULES]


def project_id(location):
    return re.search(r"/manage/projects/(\d+)", location).group(1)


class ProjectWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing
    projects."""

    def cleanup(self):
        run_psql("DELETE FROM projects WHERE organisation_id = :'o'", o=self.org)

    def path(self, pid=None):
        return "/%s/manage/projects/%s" % (self.lang, pid if pid else "new")

    def create(self, who=None, **fields):
        who = who or self.main
        r = who.get(self.path())
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), organisation=str(self.org), action="save", **fields)
        r = self.post(who, self.path(), data)
        assert r.status_code == 303, (r.status_code, errors(r))
        return project_id(r.headers["Location"])

    def submit(self, pid, who=None, **fields):
        fields = dict(PROJECT_COMPLETE, **fields)
        r = self.edit(pid, who=who, action="submit", extra=project_rules(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, pid, lang="fi"):
        return self.moderator.get("/%s/moderation/projects/%s" % (lang, pid))

    def decide(self, pid, decision, reason="", expect=303):
        r = self.review(pid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}
        r = self.post(self.moderator, "/fi/moderation/projects/%s" % pid, data)
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        pid = self.create(title_fi=fields.pop("title_fi", "Julkaistu hanke"))
        self.submit(pid, **fields)
        self.decide(pid, "approve")
        return pid

    def state(self, pid):
        return run_psql("SELECT state, published_version::text, latest_version::text,"
                        " revision::text FROM projects WHERE id = :'i'", i=pid)[0]


def project_version_value(pid, version, column):
    return run_psql_value("SELECT %s FROM project_versions WHERE project_id = :'i'"
                          " AND version = :'v'" % column, i=pid, v=version)
