"""The network's part of the listing helpers (kt_listings.py): its rules, what a complete
network needs, and the member buttons; the Workspace, its paths and its tables come from the Kind.

    w = NetworkWorkspace(base_url)            # a fresh organisation, its people, a moderator
    nid = w.create(title_fi="Verkosto")       # a draft through the editor
    w.submit(nid)                             # submitted with every network rule confirmed
    w.decide(nid, "approve")
    w.member_action(nid, "add", org)          # the coordinator's buttons
"""
from conftest import run_psql_value
from kt_accounts import page
from kt_listings import Kind, Workspace

# What a complete network needs on top of a name (kt_network_check with submit).
NETWORK = Kind("network", "networks", ("network_relevant", "network_coordinator", "equality"), {
    "description_fi": "Järjestöjen verkosto, joka tukee kotoutumista.",
    "activities_fi": "Kohtaamispaikat\n\n  Kerhot  ",
    "area": "region",
    "region": "08",
    "audiences": ["immigrants", "organisations"],
    "contact_name": "Kaisa Esimerkki",
    "contact_email": "verkosto@example.org",
}, "Julkaistu verkosto")


class NetworkWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing
    networks it coordinates."""
    kind = NETWORK

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

