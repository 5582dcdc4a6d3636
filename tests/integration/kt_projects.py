"""The project's part of the listing helpers (kt_listings.py): its rules and what a complete
project needs; the Workspace, its paths and its tables come from the Kind.

    w = ProjectWorkspace(base_url)             # a fresh organisation, its people, a moderator
    pid = w.create(title_fi="Kielipolku")      # a draft through the editor
    w.submit(pid)                              # submitted with every project rule confirmed
    w.decide(pid, "approve")
"""
from kt_listings import Kind, Workspace, later as day

# What a complete project needs on top of a name (kt_project_check with submit).
PROJECT = Kind("project", "projects", ("project_funded", "project_runner", "equality"), {
    "description_fi": "Hanke vie suomen kielen harjoittelun kirjastoihin ja asukastaloihin.",
    "start_date": day(-60),
    "end_date": day(600),
    "funder": "amif",
    "objective": "amif_2_2",
    "grant": "120 000",
    "regions": "01",
    "contact_email": "hanke@example.org",
}, "Julkaistu hanke")


class ProjectWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing
    projects."""
    kind = PROJECT
