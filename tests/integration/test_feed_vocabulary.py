"""The activity feed names forms, themes, target groups and languages from vocabularies
its database connection keeps (kt_feed.c, activity_prepare) instead of a subquery a row.
They are kept for one generation of the reference data (kt_reference_generation, moved
on by every statement that writes a vocabulary): a name changed — as tools/kt-iso639-sql
does to languages after a release — is in the very next page, on every connection,
never an old one."""
import pytest

from feedlib import ACTIVITIES, EVENTS, JOBS, N, fetch

pytestmark = pytest.mark.usefixtures("restore_names")

WARM = 12                          # requests enough to reach every connection of the pool


@pytest.fixture
def restore_names(psql):
    saved = psql("SELECT code, name_en FROM languages WHERE code IN ('fin', 'ara', 'som')")
    themes = psql("SELECT code, name_sv FROM themes")
    yield
    for code, name in saved:
        psql("UPDATE languages SET name_en = :'n' WHERE code = :'c'", n=name, c=code)
    for code, name in themes:
        psql("UPDATE themes SET name_sv = :'n' WHERE code = :'c'", n=name, c=code)


def names(doc, item, code, lang):
    """The lang names of the item elements with that code on the page."""
    return doc.xpath(".//f:%s[@code = $code]/f:name[@xml:lang = $lang]/text()" % item,
                     namespaces=N, code=code, lang=lang)


def first_with(http, path):
    """A page of the feed, and the codes the path's elements carry on it."""
    _, doc = fetch(http, {"limit": 100})
    codes = [e.get("code") for e in doc.iterfind(path, N)]
    assert codes, "the demo data has no %s" % path
    return doc, codes


def test_a_renamed_language_is_in_the_next_page(http, psql):
    _, codes = first_with(http, ".//f:activity/f:languages/f:language")
    code = codes[0]
    before = psql("SELECT name_en FROM languages WHERE code = :'c'", c=code)[0][0]
    for _ in range(WARM):
        _, doc = fetch(http, {"limit": 100})
        assert before in names(doc, "language", code, "en")
    psql("UPDATE languages SET name_en = :'n' WHERE code = :'c'", n=before + " (renamed)",
         c=code)
    for _ in range(WARM):
        _, doc = fetch(http, {"limit": 100})
        got = set(names(doc, "language", code, "en"))
        assert got == {before + " (renamed)"}


def test_a_renamed_theme_is_in_the_next_page(http, psql):
    _, codes = first_with(http, ".//f:activity/f:themes/f:theme")
    code = codes[0]
    for _ in range(WARM):
        fetch(http, {"limit": 100})
    psql("UPDATE themes SET name_sv = name_sv || ' (nytt namn)' WHERE code = :'c'", c=code)
    want = psql("SELECT name_sv FROM themes WHERE code = :'c'", c=code)[0][0]
    for _ in range(WARM):
        _, doc = fetch(http, {"limit": 100})
        got = set(names(doc, "theme", code, "sv"))
        assert got == {want}


def test_lists_keep_the_vocabulary_order_and_the_authors_language_order(http, psql):
    """Themes in the vocabulary's order whatever the listing's; languages in the
    listing's own order, as the SQL functions of sql/004_feed.sql packed them."""
    _, doc = fetch(http, {"limit": 100})
    for act in doc.iterfind("f:activity", N):
        aid = act.get("id")
        want_themes = [r[0] for r in psql(
            "SELECT t.code FROM themes t, activities a JOIN activity_versions v"
            " ON v.activity_id = a.id AND v.version = a.published_version"
            " WHERE a.id = :'id' AND t.code = ANY (v.themes) ORDER BY t.position", id=aid)]
        want_langs = [r[0] for r in psql(
            "SELECT u.code FROM activities a JOIN activity_versions v"
            " ON v.activity_id = a.id AND v.version = a.published_version,"
            " unnest(v.languages) WITH ORDINALITY u(code, n) JOIN languages l ON l.code = u.code"
            " WHERE a.id = :'id' ORDER BY u.n", id=aid)]
        assert [t.get("code") for t in act.iterfind("f:themes/f:theme", N)] == want_themes
        assert [l.get("code") for l in act.iterfind("f:languages/f:language", N)] == want_langs


# ---- validators: a renamed name is a new page, never a 304 --------------------------------

@pytest.fixture
def restore_type_names(psql):
    events = psql("SELECT code, name_fi FROM event_types")
    jobs = psql("SELECT code, name_fi FROM job_types")
    yield
    for code, name in events:
        psql("UPDATE event_types SET name_fi = :'n' WHERE code = :'c'", n=name, c=code)
    for code, name in jobs:
        psql("UPDATE job_types SET name_fi = :'n' WHERE code = :'c'", n=name, c=code)


def renamed_is_a_new_page(http, feed, params, rename):
    r, _ = feed.fetch(http, params)
    etag = r.headers["ETag"]
    feed.fetch(http, params, status=304, headers={"If-None-Match": etag})
    rename()
    r2, doc = feed.fetch(http, params, status=200, headers={"If-None-Match": etag})
    assert r2.headers["ETag"] != etag
    return doc


def test_a_renamed_language_changes_the_activity_feeds_etag(http, psql):
    _, codes = first_with(http, ".//f:activity/f:languages/f:language")
    code = codes[0]
    before = psql("SELECT name_en FROM languages WHERE code = :'c'", c=code)[0][0]
    doc = renamed_is_a_new_page(
        http, ACTIVITIES, {"limit": 100},
        lambda: psql("UPDATE languages SET name_en = :'n' WHERE code = :'c'",
                     n=before + " (renamed)", c=code))
    assert set(names(doc, "language", code, "en")) == {before + " (renamed)"}


@pytest.mark.usefixtures("restore_type_names")
@pytest.mark.parametrize("feed, table", [(EVENTS, "event_types"), (JOBS, "job_types")],
                         ids=["events", "jobs"])
def test_a_renamed_type_changes_the_kinds_feeds_etag(http, psql, feed, table):
    _, doc = feed.fetch(http, {"limit": 100})
    types = doc.xpath(".//f:type/@code", namespaces=feed.n)
    assert types, "the demo data has no %s in %s" % (feed.item, feed.path)
    code = types[0]
    doc = renamed_is_a_new_page(
        http, feed, {"limit": 100},
        lambda: psql("UPDATE %s SET name_fi = name_fi || ' (uusi nimi)' WHERE code = :'c'"
                     % table, c=code))
    want = psql("SELECT name_fi FROM %s WHERE code = :'c'" % table, c=code)[0][0]
    got = doc.xpath(".//f:type[@code = $c]/f:name[@xml:lang = 'fi']/text()",
                    namespaces=feed.n, c=code)
    assert got and set(got) == {want}
