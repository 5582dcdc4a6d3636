"""What every kind's list page does with a wrong parameter (ROUTES.md: 400 on bad values),
once for each of events, jobs, projects and networks: a 400 page in the page's language that
names the parameter, with a link back to the list that leaves the wrong pair out and keeps the
filters chosen with it.  A kind's own list, filters and pages: test_KIND_pages.py."""
import pytest

from kt_accounts import page

# Every list refuses these alike.
COMMON = [
    ("q=a&q=b", "q", "repeated"),
    ("q=" + "x" * 201, "q", "too-long"),
    ("page=0", "page", "out-of-range"),
    ("page=1001", "page", "out-of-range"),
    ("q=%ff", None, "invalid-utf8"),
]

# (the language, the list, a filter chosen with the wrong pair, the list's own 400s)
KINDS = {
    "event": ("sv", "events", "free=1", [
        ("foo=1", "foo", "unknown-param"),
        ("type=party", "type", "unknown-value"),
        ("municipality=999", "municipality", "unknown-value"),
        ("audience=Professionals", "audience", "unknown-value"),
        ("online=yes", "online", "unknown-value"),
        ("from=2027-02-30", "from", "unknown-value"),
    ]),
    "job": ("sv", "jobs", "type=volunteer", [
        ("type=gig", "type", "unknown-value"),
        ("municipality=999", "municipality", "unknown-value"),
        ("remote=yes", "remote", "unknown-value"),
        ("past=1", "past", "unknown-param"),
    ]),
    "project": ("en", "projects", "", [
        ("funder=nobody", "funder", "unknown-value"),
        ("objective=amif_9_9", "objective", "unknown-value"),
        ("objective=2.2", "objective", "unknown-value"),
        ("active=yes", "active", "unknown-value"),
        ("active=1&active=1", "active", "repeated"),
        ("region=01", "region", "unknown-param"),
    ]),
    "network": ("en", "networks", "", [
        ("audience=everyone", "audience", "unknown-value"),
        ("municipality=999", "municipality", "unknown-value"),
        ("region=99", "region", "unknown-value"),
        ("region=abc", "region", "unknown-value"),
        ("type=seminar", "type", "unknown-param"),
    ]),
}


@pytest.mark.parametrize("kind,query,param,reason", [
    (kind, *case) for kind, (_, _, _, own) in KINDS.items() for case in own + COMMON])
def test_a_wrong_parameter_is_a_400_page_that_says_which(http, kind, query, param, reason):
    lang, plural, kept, _ = KINDS[kind]
    r = http.get("/%s/%s?%s" % (lang, plural, query + ("&" + kept if kept else "")))
    assert r.status_code == 400
    doc = page(r)
    assert doc.get("lang") == lang
    if param:
        assert param in doc.xpath("string(//main)")
        # the link to the same list leaves the wrong pair out and keeps the rest
        retry = doc.xpath("//main//a[starts-with(@href, '/%s/%s')]/@href" % (lang, plural))
        assert retry and query not in retry[0], retry
        if kept and not kept.startswith(param + "="):
            assert kept in retry[0], retry
