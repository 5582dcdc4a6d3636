"""The search's count and order cache (sql/006_search_speed.sql; HACKING.md "Search").

Entries are keyed by the search and the generation of the listings: a page shows what
the cache holds until any listing changes, then counts and orders afresh.  These tests
prove both halves by altering a cached entry by hand: the page shows the altered value
while the entry is current, and the truth once a listing has changed."""
import uuid

import requests

from conftest import kt_env, wait_until
from kt_listings import Workspace, errors
from test_search import search, public_ids, all_ids

CACHE_TOTAL = ("UPDATE activity_search_cache SET counts = regexp_replace(counts,"
               " '(^|' || chr(30) || ')total' || chr(31) || chr(31) || '[0-9]+',"
               " '\\1total' || chr(31) || chr(31) || '9999') WHERE counts IS NOT NULL")


def generation(psql):
    return int(psql("SELECT n FROM activity_search_generation")[0][0])


def test_counts_are_cached_until_a_listing_changes(http, psql):
    params = [("form", "homework_club"), ("language", "ara")]
    where = "'homework_club' = ANY (a.forms) AND 'ara' = ANY (a.languages)"
    expected = public_ids(psql, where)
    assert len(expected) >= 2, "the demo data should have some"
    first = search(http, "fi", params)
    assert first.total == len(expected)
    # (keys hold chr(31), which the psql helper splits fields at: rows by key_hash)
    key = psql("SELECT key_hash FROM activity_search_cache WHERE counts IS NOT NULL"
               " AND key LIKE '%homework_club%' AND key LIKE '%ara%'")
    assert len(key) == 1, key
    gone = min(expected)
    try:
        # the page shows what the entry says while it is current ...
        psql(CACHE_TOTAL + " AND key_hash = :'k'", k=key[0][0])
        assert search(http, "sv", params).total == 9999, "another page language, same counts"
        # ... and the truth once a listing changed: archiving one moves the generation on
        before = generation(psql)
        psql("UPDATE activities SET archived_at = now() WHERE id = :'id'", id=gone)
        assert generation(psql) > before
        r = search(http, "fi", params)
        assert r.total == len(expected) - 1
        assert all_ids(http, "fi", params) == expected - {gone}
        assert r.facet("form")["homework_club"] == r.total
    finally:
        psql("UPDATE activities SET archived_at = NULL WHERE id = :'id'", id=gone)
    assert search(http, "fi", params).total == len(expected)


def test_orderings_are_cached_until_a_listing_changes(http, psql):
    first = search(http, "en", q="kielikerho")
    assert len(first.ids) >= 2
    rows = psql("SELECT key_hash FROM activity_search_cache WHERE ids IS NOT NULL"
                " AND key LIKE '%q=kielikerho' || chr(31) || 'relevance'")
    assert len(rows) == 1, rows
    try:
        psql("UPDATE activity_search_cache SET ids = ARRAY(SELECT unnest(ids) ORDER BY 1 DESC)"
             " WHERE key_hash = :'k'", k=rows[0][0])
        altered = search(http, "fi", q="kielikerho").ids
        assert altered == sorted(first.ids, reverse=True), "served from the cached ordering"
    finally:
        # any change of what the search reads: here an organisation's name, which only
        # the text rows hold (and back: the cached ordering is gone either way)
        psql("UPDATE organisations SET name = name || ' x' WHERE id = 1")
        psql("UPDATE organisations SET name = left(name, -2) WHERE id = 1")
    assert search(http, "fi", q="kielikerho").ids == first.ids
    # titles sort in the page's language: every language has its own ordering
    for lang in ("fi", "sv", "en"):
        search(http, lang, sort="title")
    assert len(psql("SELECT key_hash FROM activity_search_cache WHERE ids IS NOT NULL"
                    " AND key LIKE '%' || chr(31) || 'title__'")) == 3


def test_every_change_of_the_search_tables_moves_the_generation(http, psql):
    before = generation(psql)
    search(http, "fi", q="kerho")
    assert generation(psql) == before, "a search changes nothing"
    # a published version corrected in place (even to the same text) is a change the
    # feed shows (its updated_at moves, sql/004_feed.sql), and so the search's
    psql("UPDATE activity_versions SET title_en = title_en WHERE activity_id = 2 AND version = 1")
    assert generation(psql) > before


def test_only_public_changes_move_the_generation(base_url, http, psql):
    """Issue 15 item 5: what the public does not see keeps every cached search warm — a
    draft edit of a published listing saved, submitted, returned; the published edit
    then moves the generation on, and the search finds its new words."""
    w = Workspace(base_url)
    try:
        lid = w.publish(title_fi="Lämmin kerho")
        word = "tuore" + "".join("bcdfghjklmnprstv"[int(c, 16)] for c in uuid.uuid4().hex[:8])
        search(http, "fi", q="kerho")
        before = generation(psql)
        r = w.edit(lid, title_fi="Lämmin %s kerho" % word)
        assert r.status_code == 303, (r.status_code, errors(r))
        assert w.state(lid)[1:3] == ("1", "2"), "a draft beside the published version"
        assert generation(psql) == before, "a saved draft edit changes nothing public"
        w.submit(lid, title_fi="Lämmin %s kerho" % word)
        w.decide(lid, "return", reason="Lisää aika.")
        assert generation(psql) == before, "submitting and returning change nothing public"
        assert search(http, "fi", q=word).total == 0
        w.submit(lid, title_fi="Lämmin %s kerho" % word)
        w.decide(lid, "approve")
        assert generation(psql) > before, "publishing the edit moves it on"
        assert search(http, "fi", q=word).ids == [int(lid)]
    finally:
        w.cleanup()


def test_the_cache_can_be_turned_off(http, psql, httpd_graceful):
    db = kt_env().pgdatabase

    def stores(q):
        """Whether a search for q (on a new connection) stored its counts."""
        requests.get(kt_env().base_url + "/fi/activities", params={"q": q}, timeout=15)
        return psql("SELECT count(*) FROM activity_search_cache WHERE key LIKE :'k'",
                    k="%q=" + q)[0][0] != "0"

    try:
        psql('ALTER DATABASE :"db" SET kt.search_cache = off', db=db)
        httpd_graceful()
        # new children, new connections with the setting: a new search stores nothing
        assert wait_until(lambda: not stores("cacheoff" + uuid.uuid4().hex[:8]), timeout=20)
        # and the page is still right
        r = search(http, "fi", [("form", "homework_club"), ("free", "1")])
        assert r.total == len(public_ids(psql, "'homework_club' = ANY (a.forms)"
                                               " AND a.price_eur = 0"))
    finally:
        psql('ALTER DATABASE :"db" RESET kt.search_cache', db=db)
        httpd_graceful()
    assert wait_until(lambda: stores("cacheon" + uuid.uuid4().hex[:8]), timeout=20)


def test_vocabulary_rows_kept_with_a_connection_follow_changes(http, psql):
    """The page keeps the vocabulary rows with its database connection, stamped with
    the generations of the listings and of the vocabularies: a renamed municipality or
    a language newly in use shows on the next page."""
    def muni_label(lang="fi"):
        r = search(http, lang)
        return r.doc.xpath("string(//select[@name='municipality']//option[@value='091'])")

    assert muni_label().startswith("Helsinki ")
    try:
        psql("UPDATE municipalities SET name_fi = 'Helsinki-testi' WHERE code = '091'")
        for _ in range(3):          # whichever pooled connection answers
            assert muni_label().startswith("Helsinki-testi ")
        assert muni_label("sv").startswith("Helsingfors ")
    finally:
        psql("UPDATE municipalities SET name_fi = 'Helsinki' WHERE code = '091'")
    for _ in range(3):
        assert muni_label().startswith("Helsinki ")
    # a language no listing was held in: not listed, then listed once one is
    assert "deu" not in search(http, "en").facet("language")
    try:
        psql("UPDATE activity_versions SET languages = languages || '{deu}'"
             " WHERE activity_id = 2 AND version = 1")
        for _ in range(3):
            assert search(http, "en").facet("language")["deu"] == 1
    finally:
        psql("UPDATE activity_versions SET languages = array_remove(languages, 'deu')"
             " WHERE activity_id = 2 AND version = 1")
    assert "deu" not in search(http, "en").facet("language")
