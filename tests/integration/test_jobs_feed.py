"""The jobs' partner feed, GET /feed/jobs.xml, beyond what every kind's feed keeps
(test_kinds_feed.py): what the demo jobs say in it, and the list page's filters.  (Closed at
the deadline: test_jobs_flow.py.)"""
from feedlib import JOBS as FEED


def test_what_the_demo_jobs_say(http):
    _, doc = FEED.fetch(http, {"limit": 1000})
    one = doc.xpath("f:job[@id='1']", namespaces=FEED.n)[0]
    assert one.find(FEED.tag("type")).get("code") == "permanent"
    assert one.find(FEED.tag("hours")).get("per-week") == "37.5"
    deadline = one.find(FEED.tag("deadline"))
    assert deadline.get("time") == "16:00" and deadline.get("closes").endswith("Z")
    assert one.find(FEED.tag("apply")).get("href").startswith("https://")
    assert one.find(FEED.tag("organisation")).get("business-id") == "9010007-1"
    four = doc.xpath("f:job[@id='4']", namespaces=FEED.n)[0]
    assert four.find(FEED.tag("place")).get("remote") == "true"


def test_the_list_pages_filters(http):
    def ids(**params):
        return {i for k, i in FEED.items(FEED.fetch(http, dict(params, limit=1000))[1])
                if k == "a"}
    assert ids(type="volunteer") >= {5, 6} and not ids(type="volunteer") & {1, 2, 3, 4}
    assert {4, 6} <= ids(remote="1") and not ids(remote="1") & {1, 2, 3, 5}
    assert {1, 4, 6} <= ids(municipality="091") and not ids(municipality="091") & {2, 3, 5}
    assert 5 in ids(q="läksykerho")
