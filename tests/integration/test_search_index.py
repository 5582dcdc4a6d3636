"""The search index (src/kt_sindex.c, src/lib/kt_facets.c; HACKING.md "Search index").

Each child matches a search's words, counts its facets and orders its results by
relevance from bitmaps of the listings' generation instead of in the database.  These tests prove that it changes nothing anybody sees: every
search page is compared byte for byte with the index on and off (with the page
cache and the count cache off both times, so that each page counts for itself), and a
change to the listings is counted on the very next request, index or not.

The access log's second-to-last field (conf/httpd-dev.conf.in: %{kt-search}n) says
how each page counted: index, or db."""
import contextlib
import os
import random
import time
import uuid

import pytest

from conftest import access_log_word, kt_env, httpd_graceful
from test_search import search

FORMS = ["camp_excursion", "counselling", "homework_club", "language_club", "mediation",
         "meeting_place", "mentoring", "online_phone", "peer_activity", "training",
         "volunteering"]
LANGUAGES = ["ara", "eng", "fin", "rus", "som", "swe", "ukr", "so", "ar"]
THEMES = ["community_networks", "language", "work_education", "family_parenting"]
TARGETS = ["adults", "children", "women", "youth", "families"]
REGIONS = ["01", "05", "07", "13", "17"]
MUNICIPALITIES = ["049", "091", "092", "179", "398", "564", "837", "853"]
WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"]
TIMES = ["morning", "afternoon", "evening"]
FLAGS = ["free", "online", "in_person"]

# Searches chosen for what each filter means to the index: places with the listings
# available everywhere, weekday and time reading each other, flags, languages by their
# ISO 639-1 codes, a region with a municipality outside it, several values of one filter.
FIXED = [
    [("form", "homework_club"), ("language", "ara")],
    [("form", "language_club"), ("language", "som"), ("municipality", "091")],
    [("weekday", "2"), ("time", "evening"), ("municipality", "091")],
    [("weekday", "2"), ("weekday", "6"), ("time", "morning")],
    [("time", "evening"), ("form", "language_club")],
    [("weekday", "7"), ("free", "1")],
    [("region", "01"), ("municipality", "837")],
    [("region", "07"), ("online", "1")],
    [("in_person", "1"), ("free", "1")],
    [("language", "so"), ("language", "ar"), ("target", "women")],
    [("theme", "language"), ("target", "adults"), ("target", "youth")],
    [("form", "counselling"), ("form", "mentoring"), ("region", "01"), ("page", "2")],
    [("municipality", "049"), ("municipality", "092"), ("sort", "title")],
    [("form", "volunteering"), ("in_person", "1"), ("sort", "next")],
]


def random_searches(n, seed=15):
    """n searches of two to four filters, the same ones every run."""
    rnd = random.Random(seed)
    pools = [("form", FORMS), ("language", LANGUAGES), ("theme", THEMES),
             ("target", TARGETS), ("region", REGIONS), ("municipality", MUNICIPALITIES),
             ("weekday", WEEKDAYS), ("time", TIMES)]
    out = []
    for _ in range(n):
        params = []
        for name, values in rnd.sample(pools, rnd.randint(2, 4)):
            params += [(name, v) for v in rnd.sample(values, rnd.randint(1, 2))]
        if rnd.random() < 0.3:
            params.append((rnd.choice(FLAGS), "1"))
        out.append(params)
    return out


# Words: compounds and prefixes, an exclusion, an alternative, a near-miss, names of
# filter values, stop words only, with filters and every sort (title and next order in
# the database, over the same matches).
TEXT = [
    [("q", "kielikerho")],
    [("q", "suomen kielen kerho")],
    [("q", "läksykerho")],
    [("q", "kerho")],
    [("q", "kielikerho -helsinki")],
    [("q", "kerho or club")],
    [("q", "finish language")],
    [("q", "Vantaa arabia")],
    [("q", "äiti")],
    [("q", "cafe")],
    [("q", "the")],
    [("q", '"läksy kerho"')],
    [("q", "kerho"), ("language", "ara"), ("sort", "newest")],
    [("q", "kerho"), ("municipality", "091"), ("sort", "title")],
    [("q", "kerho"), ("weekday", "2"), ("sort", "next")],
    [("q", "club"), ("form", "homework_club"), ("page", "2")],
    [("q", "support"), ("time", "evening"), ("free", "1")],
]

SEARCHES = FIXED + TEXT + random_searches(40)


def search_word(agent):
    """The access log's kt-search word for the request sent with User-Agent agent."""
    return access_log_word(agent, 2)


def page(http, params, lang="fi"):
    """(status, body, how it counted) of the search page."""
    agent = "kt-sindex-test-" + uuid.uuid4().hex
    r = http.get("/%s/activities" % lang, params=params, headers={"User-Agent": agent})
    return r.status_code, r.content, search_word(agent)


def page_counted(http, params, how, timeout=15):
    """The page once it was counted `how` (a child reads its index after the first
    search that finds it missing or old; until then it counts in the database)."""
    deadline = time.monotonic() + timeout
    while True:
        status, body, word = page(http, params)
        if word == how or time.monotonic() > deadline:
            assert word == how, "%s: counted %s, not %s" % (params, word, how)
            return status, body
        time.sleep(0.1)


@contextlib.contextmanager
def archived(psql, activity):
    """Listing `activity` archived for the block (the listings' generation moves on),
    public again after it."""
    psql("UPDATE activities SET archived_at = now() WHERE id = :'id'", id=activity)
    try:
        yield
    finally:
        psql("UPDATE activities SET archived_at = NULL WHERE id = :'id'", id=activity)


class Modes:
    """The server with every cache off, and the index on or off (search-index.conf,
    read by conf/httpd-dev.conf.in; the count cache is a database setting that new
    connections read: a graceful restart gives httpd new ones)."""

    def __init__(self, psql):
        self.psql = psql
        self.conf = os.path.join(kt_env().env_dir, "search-index.conf")

    def set(self, index, caches, more=()):
        lines = [] if caches else ["KotoutuminenPageCache none"]
        if not index:
            lines.append("KotoutuminenSearchIndex Off")
        lines.extend(more)
        with open(self.conf, "w") as f:
            f.write("\n".join(lines) + "\n")
        self.psql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %%I %s', current_database());"
                  " END $$" % ("RESET kt.search_cache" if caches
                               else "SET kt.search_cache = off"))
        httpd_graceful()
        time.sleep(1.5)


@pytest.fixture
def modes(psql):
    m = Modes(psql)
    try:
        yield m
    finally:
        m.set(index=True, caches=True)


def test_every_search_page_is_the_same_with_the_index_and_without(http, modes):
    modes.set(index=True, caches=False)
    with_index = [page_counted(http, params, "index") for params in SEARCHES]
    modes.set(index=False, caches=False)
    without = [page_counted(http, params, "db") for params in SEARCHES]
    for params, a, b in zip(SEARCHES, with_index, without):
        assert a[0] == b[0] == 200, params
        assert a[1] == b[1], "the page differs with the index: %s" % params
    # the searches found something, and not everything
    totals = {search(http, "fi", p).total for p in FIXED + TEXT}
    assert len(totals) > 10 and max(totals) < 60, totals


def test_a_change_is_counted_on_the_very_next_request(http, psql, modes):
    params = [("form", "homework_club"), ("language", "ara")]
    modes.set(index=True, caches=False)
    page_counted(http, params, "index")
    before = search(http, "fi", params)
    with archived(psql, before.ids[0]):
        # the next request: the index is of the old listings, so it is not used
        after = search(http, "fi", params)
        assert after.total == before.total - 1
        assert after.facet("form")["homework_club"] == after.total
        # and once the child has read the new listings, it counts the same
        page_counted(http, params, "index")
        assert search(http, "fi", params).total == before.total - 1
    assert search(http, "fi", params).total == before.total


def test_a_text_search_sees_a_change_at_once(http, psql, modes):
    """A search with words waits for the child's index of the new listings (or, when
    that cannot be had soon, matches in the database): never the old listings."""
    params = [("q", "läksykerho")]
    modes.set(index=True, caches=False)
    page_counted(http, params, "index")
    before = search(http, "fi", params)
    gone = before.ids[0]
    with archived(psql, gone):
        after = search(http, "fi", params)
        assert after.total == before.total - 1 and gone not in after.ids
        assert after.ids == [i for i in before.ids if i != gone][:len(after.ids)]
    restored = search(http, "fi", params)
    assert restored.ids == before.ids


def test_a_text_search_does_not_wait_on_a_connection_it_holds(http, psql, modes):
    """With one connection a child (DBDMax 1), a text search that waits for the new
    index holds the connection the builder needs to read it: it stops waiting as soon
    as the builder is seen waiting for a connection, and matches in the database
    (waiting its whole 3 s, as it did, was a stall of every such search after each
    change once the waiting requests held the child's connections)."""
    params = [("q", "läksykerho")]
    modes.set(index=True, caches=False, more=["DBDMin 0", "DBDKeep 1", "DBDMax 1"])
    page_counted(http, params, "index")
    before = search(http, "fi", params)
    gone = before.ids[0]
    with archived(psql, gone):
        agent = "kt-sindex-test-" + uuid.uuid4().hex
        began = time.monotonic()
        r = http.get("/fi/activities", params=params, headers={"User-Agent": agent})
        took = time.monotonic() - began
        assert r.status_code == 200
        assert search_word(agent) == "db"
        assert took < 2.0, "the search waited %.1f s for an index it kept from being read" % took
        after = search(http, "fi", params)
        assert after.total == before.total - 1 and gone not in after.ids
        # and the child reads the new listings once the connection is free
        page_counted(http, params, "index")

