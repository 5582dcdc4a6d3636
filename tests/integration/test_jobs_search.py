"""The jobs' list and feed on the one filter machinery of list pages (issue 13 meets issue 12
item 2; HACKING.md "Filters", "Jobs"): free text without accents and in inflected forms, and
words that name a place or a language, as the events' (sql/018_jobs.sql's text vector); the
words asked stay in the box with a chip that removes them; the feed reads q as the page does.
Demo jobs: sql/demo/040_jobs.sql."""
import pytest
from lxml import etree

from kt_accounts import page

FEED = "/feed/jobs.xml"
NS = "urn:kotoutuminen:feed:jobs:1"
OPEN = {1, 2, 3, 4, 5, 6}


def ids(http, lang="fi", **params):
    r = http.get("/%s/jobs" % lang, params=params)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return {int(a.get("href").rsplit("/", 1)[1]) for a in
            page(r).xpath("//ul[contains(@class, 'job-cards')]//h3//a")} & OPEN


def feed_ids(http, **params):
    r = http.get(FEED, params=dict(params, limit=1000))
    assert r.status_code == 200, r.text[:300]
    return {int(e.get("id")) for e in etree.fromstring(r.content).iter("{%s}job" % NS)} & OPEN


@pytest.mark.parametrize("q", ["läksykerho", "laksykerho", "LAKSYKERHO", "läksykerhoon",
                               "läksykerhoissa"])
def test_free_text_without_accents_and_in_inflected_forms(http, q):
    assert ids(http, q=q) == {5}


def test_words_that_name_a_place_or_a_language(http):
    # "in Helsinki": the job there, and the remote ones, which can be done from anywhere
    assert ids(http, q="Helsingissä") == {1, 4, 6}
    # "in Swedish": the job that asks for Swedish
    assert ids(http, q="ruotsiksi") == {3}
    assert ids(http, "sv", q="på svenska") == {3}


def test_the_words_asked_stay_in_the_box_and_a_link_removes_them(http):
    doc = page(http.get("/fi/jobs", params={"q": "ohjaaja", "type": "permanent"}))
    assert doc.xpath("//input[@name='q'][@value='ohjaaja']")
    chips = doc.xpath("//div[@class='active-filters']//a/@href")
    assert "/fi/jobs?type=permanent" in chips and "/fi/jobs?q=ohjaaja" in chips


def test_the_feed_reads_q_as_the_page_does(http):
    assert feed_ids(http, q="laksykerhoon") == {5}
    assert feed_ids(http, q="Helsingissä") == {1, 4, 6}
