"""Helpers for the network tests (test_networks_*.py): the listing helpers of kt_listings.py
with the network's paths, fields and rules, on the same engine, and the member buttons.

    w = NetworkWorkspace(base_url)            # a fresh organisation, its people, a moderator
    nid = w.create(title_fi="Verkosto")       # a draft through the editor
    w.submit(nid)                             # submitted with every network rule confirmed
    w.decide(nid, "approve")
    w.member_action(nid, "add", org)          # the coordinator's buttons
"""
import re

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_listings import Workspace, errors, form_fields, with_fields

NETWORK_RULES = ("network_relevant", "network_coordinator", "equality")

# What a complete network needs on top of a name (kt_network_check with submit).
NETWORK_COMPLETE = {
    "description_fi": "Järjestöjen verkosto, joka tukee kotoutumista.",
    "activities_fi": "Kohtaamispaikat\n\n  Kerhot  ",
    "area": "region",
    "region": "08",
    "audiences": ["immigrants", "organisations"],
    "contact_name": "Kaisa Esimerkki",
    "contact_email": "verkosto@example.org",
}


def network_rules():
    return [("rule_" + r, "yes") for r in NETWORK_RULES]


def network_id(location):
    return re.search(r"/manage/networks/(\d+)", location).group(1)


class NetworkWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing
    networks it coordinates."""

    def cleanup(self):
        run_psql("DELETE FROM networks WHERE organisation_id = :'o'", o=self.org)

    def path(self, nid=None):
        return "/%s/manage/networks/%s" % (self.lang, nid if nid else "new")

    def create(self, who=None, **fields):
        who = who or self.main
        r = who.get(self.path())
        assert r.status_code == 200, r.status_code
        data = with_fields(form_fields(r), organisation=str(self.org), action="save", **fields)
        r = self.post(who, self.path(), data)
        assert r.status_code == 303, (r.status_code, errors(r))
        return network_id(r.headers["Location"])

    def submit(self, nid, who=None, **fields):
        fields = dict(NETWORK_COMPLETE, **fields)
        r = self.edit(nid, who=who, action="submit", extra=network_rules(), **fields)
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def review(self, nid, lang="fi"):
        return self.moderator.get("/%s/moderation/networks/%s" % (lang, nid))

    def decide(self, nid, decision, reason="", expect=303):
        r = self.review(nid)
        assert r.status_code == 200, r.status_code
        doc = page(r)
        data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
                "decision": decision, "reason": reason,
                "version": doc.xpath("//input[@name='version']/@value")[0],
                "revision": doc.xpath("//input[@name='revision']/@value")[0]}
        r = self.post(self.moderator, "/fi/moderation/networks/%s" % nid, data)
        assert r.status_code == expect, (r.status_code, errors(r))
        return r

    def publish(self, **fields):
        nid = self.create(title_fi=fields.pop("title_fi", "Julkaistu verkosto"))
        self.submit(nid, **fields)
        self.decide(nid, "approve")
        return nid

    def state(self, nid):
        return run_psql("SELECT state, published_version::text, latest_version::text,"
                        " revision::text FROM networks WHERE id = :'i'", i=nid)[0]

    def member_action(self, nid, action, org, who=None):
        """The coordinator's button (add, approve, decline, remove) as the editor page has it."""
        who = who or self.main
        doc = page(who.get(self.path(nid)))
        token = doc.xpath("//section[@id='members']//input[@name='csrf']/@value")[0]
        return self.post(who, "/fi/manage/networks/%s/members" % nid,
                         {"csrf": token, "action": action, "organisation": str(org)})


def join_page(person, nid, lang="fi"):
    return person.get("/%s/manage/networks/%s/join" % (lang, nid))


def join(person, nid, org, base):
    """An organisation's main user asks to join, through the join page's form."""
    doc = page(join_page(person, nid))
    token = doc.xpath("//form[.//select[@name='organisation']]//input[@name='csrf']/@value")[0]
    return person.post("/fi/manage/networks/%s/join" % nid,
                       data={"csrf": token, "organisation": str(org)}, headers={"Origin": base})


def leave(person, nid, org, base):
    doc = page(join_page(person, nid))
    token = doc.xpath("//input[@name='csrf']/@value")[0]
    return person.post("/fi/manage/networks/%s/leave" % nid,
                       data={"csrf": token, "organisation": str(org)}, headers={"Origin": base})


def member_status(nid, org):
    return run_psql_value("SELECT status FROM network_members WHERE network_id = :'n'"
                          " AND organisation_id = :'o'", n=nid, o=org)


def network_version_value(nid, version, column):
    return run_psql_value("SELECT %s FROM network_versions WHERE network_id = :'i'"
                          " AND version = :'v'" % column, i=nid, v=version)
