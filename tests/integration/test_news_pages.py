"""News as the public reads it (ROUTES.md: /{lang}/news, /{lang}/news/{id}, /feed/news.atom):
newest first with pages, in the reader's language with the fallback notice, the body's
paragraphs and links, the related item, 404 before an item's time and for drafts, 410 once
withdrawn; the Atom feed (valid Atom 1.0 per language, ETag/304, what it leaves out); the
front page; and migration 015 turning the news rows of before into listings with their ids."""
import datetime
import os
import pathlib
import shutil
import subprocess

import pytest
from lxml import etree

from conftest import PSQL_BIN, kt_env, run_psql, run_psql_value
from kt_accounts import page
from kt_news import COMPLETE, NewsDesk, helsinki_now, insert_news

ROOT = pathlib.Path(__file__).resolve().parents[2]
ATOM = "http://www.w3.org/2005/Atom"
A = {"a": ATOM}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RNG = etree.RelaxNG(etree.parse(str(pathlib.Path(__file__).parent / "schemas" / "atom.rng")))


@pytest.fixture
def desk(base_url):
    d = NewsDesk(base_url)
    yield d
    d.cleanup()


def atom(http, lang="fi", status=200, **headers):
    r = http.get("/feed/news.atom", params={"lang": lang}, headers=headers)
    assert r.status_code == status, (r.status_code, r.text[:300])
    if status != 200:
        return r, None
    assert r.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    doc = etree.fromstring(r.content)
    assert RNG.validate(doc), RNG.error_log
    return r, doc


# ---- the demo items (sql/demo/030_news.sql) ------------------------------------------------

@pytest.mark.parametrize("ident,status", [("1", 200), ("4", 200), ("6", 200), ("7", 200),
                                          ("8", 404), ("900", 410), ("901", 404),
                                          ("902", 200)])
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_demo_items_answer_as_their_state_says(http, lang, ident, status):
    r = http.get("/%s/news/%s" % (lang, ident))
    assert r.status_code == status
    assert page(r).get("lang") == lang


def test_an_edit_waiting_leaves_the_public_version(http):
    doc = page(http.get("/fi/news/902"))
    assert doc.xpath("string(//h1)").strip() == "Uusia järjestöjä mukaan palveluun"
    assert run_psql_value("SELECT title_fi FROM news_versions WHERE news_id = 902"
                          " AND version = 2") == "Uusia järjestöjä ja seurakuntia mukaan palveluun"


def test_a_withdrawn_item_says_so(http):
    for lang, words in (("fi", "vetäneet tämän uutisen pois"), ("sv", "dragit tillbaka"),
                        ("en", "withdrawn this news item")):
        r = http.get("/%s/news/900" % lang)
        assert r.status_code == 410 and words in r.text


def test_the_body_its_links_and_the_related_item(http):
    doc = page(http.get("/fi/news/6"))
    prose = doc.xpath("//div[@class='prose']")[0]
    assert len(prose.xpath("p")) == 3
    assert prose.xpath("p[2]/a/@href") == ["https://example.org/jarjestotori/ilmoittaudu",
                                          "https://example.org/jarjestotori"]
    assert doc.xpath("string(//p[@class='lead'])").startswith("Järjestöt voivat esitellä")
    assert doc.xpath("//section[@class='news-related']//a/@href") == ["/fi/events/2"]
    assert doc.xpath("//link[@type='application/atom+xml'][@href='/feed/news.atom?lang=fi']")


def test_the_readers_language_with_the_fallback_notice(http):
    # news 7 is in Finnish and English: Swedish readers get one of them, and are told
    doc = page(http.get("/sv/news/7"))
    h1 = doc.xpath("//h1")[0]
    shown = h1.xpath("string(.//*[@lang]/@lang)")
    assert shown in ("fi", "en") and h1.xpath(".//*[@class='fallback-note']")
    assert doc.xpath("//p[@class='fallback-notice']")
    assert doc.xpath("//div[@class='prose'][@lang='%s']" % shown)
    doc = page(http.get("/en/news/7"))
    assert not doc.xpath("//*[@class='fallback-note'][not(ancestor::section[@class='news-related'])]"
                         " | //p[@class='fallback-notice']")
    # the related project has its name in Finnish only: shown so, and marked
    related = doc.xpath("//section[@class='news-related']//a")
    assert [a.get("href") for a in related] == ["/en/projects/26"]
    assert related[0].get("lang") == "fi"


def test_the_list_newest_first_with_its_teasers(http, psql):
    ids = [r[0] for r in psql("SELECT id FROM public_news ORDER BY published_at DESC, id DESC")]
    for lang in ("fi", "sv", "en"):
        doc = page(http.get("/%s/news" % lang))
        shown = [h.rsplit("/", 1)[1] for h in doc.xpath("//ul[@class='news-list']//h2/a/@href")]
        assert shown == ids[:20]
        assert "8" not in shown and "900" not in shown and "901" not in shown
        # every item has a teaser: its summary
        assert len(doc.xpath("//ul[@class='news-list']//p[@class='teaser']")) == len(shown)
    doc = page(http.get("/fi/news"))
    first = doc.xpath("//ul[@class='news-list']/li[1]//p[@class='teaser']")[0]
    assert first.text_content().strip() == run_psql_value(
        "SELECT summary_fi FROM public_news WHERE id = :'i'", i=ids[0])


def test_an_item_without_a_summary_has_its_body_as_teaser(http):
    nid = insert_news(title_fi="Vanha uutinen", body_fi="Lue [lisää](https://e.fi) tästä.\n\nToinen.")
    try:
        doc = page(http.get("/fi/news"))
        li = [li for li in doc.xpath("//ul[@class='news-list']/li")
              if li.xpath(".//a[@href='/fi/news/%s']" % nid)][0]
        assert li.xpath("string(.//p[@class='teaser'])").strip() == "Lue lisää tästä."
    finally:
        run_psql("DELETE FROM news WHERE id = :'i'", i=nid)


def test_pages_of_twenty(desk, http):
    made = [insert_news("now() - interval '%d seconds'" % i, title_fi="Sivutus %d" % i,
                        summary_fi="s", body_fi="b") for i in range(25)]
    try:
        total = int(run_psql_value("SELECT count(*) FROM public_news"))
        first = page(http.get("/fi/news"))
        assert len(first.xpath("//ul[@class='news-list']/li")) == 20
        assert first.xpath("//nav[@class='pager']//a[@href='/fi/news?page=2']")
        second = page(http.get("/fi/news?page=2"))
        assert len(second.xpath("//ul[@class='news-list']/li")) == min(20, total - 20)
        assert second.xpath("//nav[@class='pager']//a[@href='/fi/news?page=1']")
        past = (total + 19) // 20 + 1
        assert http.get("/fi/news?page=%d" % past).status_code == 404
        for bad in ("0", "-1", "abc", "1001", "99999999999"):
            assert http.get("/fi/news", params={"page": bad}).status_code == 400, bad
    finally:
        for nid in made:
            run_psql("DELETE FROM news WHERE id = :'i'", i=nid)


def test_the_front_page_shows_the_newest(http, psql):
    ids = [r[0] for r in psql("SELECT id FROM public_news ORDER BY published_at DESC, id DESC"
                              " LIMIT 5")]
    for lang in ("fi", "sv", "en"):
        doc = page(http.get("/%s/" % lang))
        shown = [h.rsplit("/", 1)[1] for h in doc.xpath("//section[@class='news']//h3/a/@href")]
        assert shown == ids
        assert doc.xpath("//section[@class='news']//a[@href='/%s/news']" % lang)


# ---- Atom -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_atom_per_language(http, base_url, psql, lang):
    r, doc = atom(http, lang)
    assert doc.get(XML_LANG) == lang
    assert doc.findtext("a:id", namespaces=A) == "%s/feed/news.atom?lang=%s" % (base_url, lang)
    assert doc.find("a:author/a:name", A).text
    ids = [r[0] for r in psql("SELECT id FROM public_news ORDER BY published_at DESC, id DESC"
                              " LIMIT 50")]
    entries = doc.findall("a:entry", A)
    assert [e.findtext("a:id", namespaces=A) for e in entries] == \
        ["%s/%s/news/%s" % (base_url, lang, i) for i in ids]
    for e in entries:
        assert e.find("a:link[@rel='alternate']", A).get("href") == e.findtext("a:id", namespaces=A)
        # the service is the author of its news
        assert e.find("a:author/a:uri", A).text == "%s/%s/" % (base_url, lang)
        assert e.find("a:summary", A) is not None
    # conditional GET
    assert http.get("/feed/news.atom", params={"lang": lang},
                    headers={"If-None-Match": r.headers["ETag"]}).status_code == 304


def test_atom_texts_fall_back_with_their_language(http, base_url):
    _, doc = atom(http, "sv")
    four = [e for e in doc.findall("a:entry", A)
            if e.findtext("a:id", namespaces=A) == "%s/sv/news/4" % base_url]
    if four:
        assert four[0].find("a:title", A).get(XML_LANG) == "fi"


def test_atom_follows_scheduling_and_withdrawal(desk, http, base_url):
    nid = desk.create(**COMPLETE)
    desk.schedule(nid, helsinki_now() + datetime.timedelta(days=1))
    r, doc = atom(http)
    url = "%s/fi/news/%s" % (base_url, nid)
    assert url not in doc.xpath("//a:entry/a:id/text()", namespaces=A)
    # its time comes: in the feed, and the old ETag no longer matches
    run_psql("UPDATE news SET published_at = now() - interval '1 second' WHERE id = :'i'", i=nid)
    r2, doc = atom(http, **{"If-None-Match": r.headers["ETag"]})
    entry = doc.xpath("//a:entry[a:id = '%s']" % url, namespaces=A)[0]
    assert doc.xpath("//a:entry/a:id/text()", namespaces=A)[0] == url, "the newest first"
    # its time in the feed is when it became public, not when it was scheduled
    published = entry.findtext("a:published", namespaces=A)
    assert entry.findtext("a:updated", namespaces=A) >= published
    assert doc.findtext("a:updated", namespaces=A) == max(
        e.findtext("a:updated", namespaces=A) for e in doc.findall("a:entry", A))
    desk.withdraw(nid)
    _, doc = atom(http)
    assert url not in doc.xpath("//a:entry/a:id/text()", namespaces=A)


def test_atom_parameters(http):
    _, doc = atom(http, "")
    assert doc.get(XML_LANG) == "fi"
    for params in ({"lang": "de"}, {"lang": ["fi", "sv"]}, {"page": "2"}):
        assert http.get("/feed/news.atom", params=params).status_code == 400
    assert http.get("/feed/news.xml").status_code == 404, "news has no partner feed"


# ---- migration 015 ----------------------------------------------------------------------------

def psql_db(db, sql):
    env = kt_env()
    return subprocess.run([PSQL_BIN, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", env.pghost,
                           "-p", str(env.pgport), "-U", env.pguser, "-d", db, "-c", sql],
                          capture_output=True, text=True, timeout=120, check=True).stdout.strip()


def migrate(db, sql_dir):
    env = kt_env()
    run_env = dict(os.environ, PGHOST=env.pghost, PGPORT=str(env.pgport), PGUSER=env.pguser,
                   PGDATABASE=db, KT_DATADIR=str(sql_dir.parent))
    subprocess.run([str(ROOT / "tools" / "kt-migrate")], env=run_env, check=True,
                   capture_output=True, timeout=600)


def test_migration_keeps_the_ids_and_urls_of_news_there_was(tmp_path):
    """A database as it was before 015, with news rows of the old shape (as the demo data
    loaded them, one in the future, one without a body), migrated: each keeps its id, its
    texts are its version 1, public from the same time."""
    db = "kt_news_migration_%d" % os.getpid()
    sql_dir = tmp_path / "data" / "sql"
    sql_dir.mkdir(parents=True)
    (tmp_path / "data" / "tools").mkdir()
    for f in sorted((ROOT / "sql").glob("[0-9][0-9][0-9]_*.sql")):
        if f.name < "015":
            shutil.copy(f, sql_dir)
    psql_db("postgres", "CREATE DATABASE %s" % db)
    try:
        migrate(db, sql_dir)
        psql_db(db, """
            INSERT INTO users (id, email, first_name, last_name, password_hash, is_moderator)
                VALUES (7, 'mod@example.org', 'M', 'M', 'x', true);
            INSERT INTO news (id, title_fi, title_sv, title_en, body_fi, body_sv, body_en,
                              author_id, published_at) VALUES
                (1, 'Yksi', 'Ett', 'One', 'Teksti.' || E'\\n\\n' || 'Toinen.', 'Text.', NULL, 7,
                 '2026-02-10 10:00+02'),
                (4, 'Neljä', NULL, NULL, NULL, NULL, NULL, NULL, '2026-09-08 14:00+03'),
                (5, 'Tuleva', NULL, NULL, 'Myöhemmin.', NULL, NULL, 7, now() + interval '2 days');
            SELECT setval(pg_get_serial_sequence('news', 'id'), 5);""")
        shutil.copy(ROOT / "sql" / "015_news.sql", sql_dir)
        migrate(db, sql_dir)
        rows = psql_db(db, "SELECT n.id, n.state, n.published_version, n.latest_version,"
                           " n.created_by, v.title_fi, translate(coalesce(v.body_fi, '-'),"
                           " E'\\n', '/'), v.title_sv, to_char(n.published_at AT TIME ZONE"
                           " 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI')"
                           " FROM news n JOIN news_versions v ON v.news_id = n.id ORDER BY n.id")
        lines = rows.split("\n")
        assert lines[0] == "1|published|1|1|7|Yksi|Teksti.//Toinen.|Ett|2026-02-10 10:00"
        assert lines[1] == "4|published|1|1||Neljä|-||2026-09-08 14:00"
        assert lines[2].startswith("5|scheduled|1|1|7|Tuleva|Myöhemmin.||")
        assert len(lines) == 3
        assert psql_db(db, "SELECT string_agg(id::text, ',' ORDER BY id) FROM public_news") == "1,4"
        # the next item written gets the next id, and the old columns are gone
        assert psql_db(db, "INSERT INTO news (created_by) VALUES (7) RETURNING id") == "6"
        assert psql_db(db, "SELECT count(*) FROM information_schema.columns WHERE"
                           " table_name = 'news' AND column_name IN ('title_fi', 'body_fi',"
                           " 'author_id')") == "0"
    finally:
        psql_db("postgres", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % db)
