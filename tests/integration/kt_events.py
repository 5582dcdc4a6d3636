"""The event's part of the listing helpers (kt_listings.py): its rules and what a complete
event needs; the Workspace, its paths and its tables come from the Kind.

    w = EventWorkspace(base_url)              # a fresh organisation, its people, a moderator
    eid = w.create(title_fi="Seminaari")      # a draft through the editor
    w.submit(eid)                             # submitted with every event rule confirmed
    w.decide(eid, "approve")
"""
from kt_listings import Kind, Workspace, later

# What a complete event needs on top of a title (kt_event_check with submit).
EVENT = Kind("event", "events", ("event_relevant", "event_organiser", "equality"), {
    "description_fi": "Seminaari järjestöjen ja kuntien yhteistyöstä.",
    "type": "seminar",
    "audiences": ["professionals", "organisations"],
    "languages": "fin",
    "start_date": later(30),
    "start_time": "9.30",
    "end_time": "15",
    "municipality": "837",
    "contact_email": "seminaari@example.org",
}, "Julkaistu seminaari")


class EventWorkspace(Workspace):
    """A fresh approved organisation with a main user, a member and a moderator, writing events."""
    kind = EVENT
