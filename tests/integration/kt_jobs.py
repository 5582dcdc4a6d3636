"""The job's part of the listing helpers (kt_listings.py): its rules and what a complete job
needs; the Workspace, its paths and its tables come from the Kind.

    w = JobWorkspace(base_url)                # a fresh organisation, its people, a moderator
    jid = w.create(title_fi="Ohjaaja")        # a draft through the editor
    w.submit(jid)                             # submitted with every job rule confirmed
    w.decide(jid, "approve")
"""
from kt_listings import Kind, Workspace, later

# What a complete job needs on top of a title (kt_job_check with submit).
JOB = Kind("job", "jobs", ("job_relevant", "job_employer", "equality"), {
    "description_fi": "Ohjaat kielikerhoja ja vapaaehtoisia.",
    "type": "fixed_term",
    "languages": "fin",
    "municipality": "837",
    "hours": "37,5",
    "deadline_date": later(30),
    "apply_url": "https://example.org/hae",
}, "Julkaistu työpaikka")


class JobWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing jobs."""
    kind = JOB
