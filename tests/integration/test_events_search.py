"""The events' list and feed on the one filter machinery of list pages (issue 13 meets issue 11;
HACKING.md "Filters", "Events and trainings"): free text without accents, inflected, and words
that name a place or a language (sql/017_search_events.sql); past as a switch of the filter
table (kept by the links that remove a choice, refused by the feed); tracking parameters ignored
on the feed too; and the search's names of municipalities follow their English names.
Demo events: sql/demo/020_events.sql."""
import pytest
from lxml import etree

from kt_accounts import page

FEED = "/feed/events.xml"
NS = "urn:kotoutuminen:feed:events:1"


def ids(http, lang="fi", **params):
    r = http.get("/%s/events" % lang, params=params)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return {int(a.get("href").rsplit("/", 1)[1]) for a in
            page(r).xpath("//ul[contains(@class, 'event-cards')]//h3//a")}


def feed_ids(http, **params):
    r = http.get(FEED, params=dict(params, limit=1000))
    assert r.status_code == 200, r.text[:300]
    return {int(e.get("id")) for e in etree.fromstring(r.content).iter("{%s}event" % NS)}


@pytest.mark.parametrize("q", ["järjestötori", "jarjestotori", "JARJESTOTORI",
                               "järjestötorille", "järjestötoreille"])
def test_free_text_without_accents_and_in_inflected_forms(http, q):
    assert ids(http, q=q) == {2, 3, 11}


def test_the_words_asked_stay_in_the_box_and_a_link_removes_them(http):
    doc = page(http.get("/fi/events", params={"q": "kielikerho", "type": "training"}))
    assert doc.xpath("//input[@name='q'][@value='kielikerho']")
    assert doc.xpath("//ul[@class='chips']//a[@href='/fi/events?type=training']")
    assert doc.xpath("//ul[@class='chips']//a[@href='/fi/events?q=kielikerho']")


def test_words_that_name_a_place_or_a_language(http):
    # "in Vantaa": the Vantaa network, and the online events, open to people anywhere
    vantaa = ids(http, q="Vantaalla")
    assert 12 in vantaa and {8, 14} <= vantaa and 3 not in vantaa
    # "in Swedish": the events held in Swedish
    assert ids(http, q="ruotsiksi") == {2, 5, 7, 14}
    assert ids(http, "sv", q="på svenska") == {2, 5, 7, 14}


def test_the_feed_reads_q_as_the_page_does(http):
    assert feed_ids(http, q="jarjestotori") == {2, 3, 11}
    # the feed carries ended events too: 31 ended, and is held online
    assert 31 in feed_ids(http, q="webinaari")


def test_past_is_a_switch_the_links_keep(http):
    r = http.get("/fi/events", params={"past": "1", "type": "webinar"})
    assert r.status_code == 200
    doc = page(r)
    assert ids(http, past="1", type="webinar") == {31}
    # removing the type keeps the ended ones; the other list drops past
    assert doc.xpath("//ul[@class='chips']//a[@href='/fi/events?past=1']")
    assert doc.xpath("//a[@href='/fi/events?type=webinar']")
    r = http.get("/fi/events", params={"past": "0"})
    assert r.status_code == 400 and "past" in r.text


def test_tracking_parameters_are_ignored_by_the_feed_too(http):
    assert feed_ids(http, utm_source="newsletter", fbclid="x", type="webinar") == \
        feed_ids(http, type="webinar")


def test_a_municipalitys_english_name_names_it(psql):
    # English names are the Finnish or Swedish ones today (sql/013_trust.sql); one that is
    # neither is found too (rolled back)
    rows = psql("""BEGIN;
UPDATE municipalities SET name_en = 'Capitalton' WHERE code = '091';
SELECT array_to_string(named_codes, ',') FROM kt_search_expand('capitalton');
ROLLBACK;""")
    assert rows == [("091",)]
    assert psql("SELECT count(*) FROM search_names WHERE word = 'capitalton'") == [("0",)]
