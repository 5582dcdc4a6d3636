"""A project's name in the page's language wherever another kind shows it (issue 12 gaps):
activity and event pages, a news item's related project and the editors' project choices
show the name in fi, sv or en, falling back as the rest of the site does (marked with the
language it is in); the partner feeds keep their one name (FEED.md)."""
import copy

import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import page
from kt_events import EVENT
from kt_listings import ACTIVITY, workspace_fixture
from kt_news import insert_news
from kt_projects import ProjectWorkspace

ws = workspace_fixture(ProjectWorkspace)

NAMES = {"fi": "Polkuhanke", "sv": "Stigprojektet", "en": "Path project"}


def writing(ws, kind):
    """The same organisation and people, writing another kind."""
    other = copy.copy(ws)
    other.kind = kind
    return other


@pytest.fixture
def linked(ws):
    """A project public in three languages; an activity, an event and a news item about it."""
    pid = ws.publish(title_fi=NAMES["fi"], title_sv=NAMES["sv"], title_en=NAMES["en"],
                     description_sv="Projektet tar språkträningen till biblioteken.",
                     description_en="The project takes language practice to libraries.")
    acts, evs = writing(ws, ACTIVITY), writing(ws, EVENT)
    aid = acts.publish(project=str(pid))
    eid = evs.publish(project=str(pid))
    nid = insert_news(title_fi="Hankeuutinen", body_fi="Uutinen hankkeesta.",
                      related_project_id=str(pid))
    yield pid, aid, eid, nid
    run_psql("DELETE FROM news WHERE id = :'i'", i=nid)
    acts.cleanup()
    evs.cleanup()


def project_link(http, path, pid, lang):
    doc = page(http.get("/%s/%s" % (lang, path)))
    links = doc.xpath("//main//a[@href='/%s/projects/%s']" % (lang, pid))
    assert len(links) == 1, (lang, path)
    return links[0]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_activity_event_and_news_name_the_project_in_the_pages_language(ws, linked, http, lang):
    pid, aid, eid, nid = linked
    for path in ("activities/%s" % aid, "events/%s" % eid, "news/%s" % nid):
        a = project_link(http, path, pid, lang)
        assert a.text_content().strip() == NAMES[lang], (path, lang)
        assert a.get("lang") is None, (path, lang)
    # the editors offer the organisation's projects by the same names
    for plural in ("activities", "events"):
        doc = page(ws.main.get("/%s/manage/%s/new" % (lang, plural)))
        assert doc.xpath("string(//select[@name='project']/option[@value='%s'])" % pid) \
            == NAMES[lang], plural
    # and the moderators' news editor its related items
    doc = page(ws.moderator.get("/%s/moderation/news/new" % lang))
    assert doc.xpath("string(//option[@value='project-%s'])" % pid) == NAMES[lang]


def test_a_name_missing_in_the_language_falls_back_marked(ws, linked, http):
    pid, aid, eid, nid = linked
    run_psql("UPDATE project_versions SET title_sv = NULL, description_sv = NULL"
             " WHERE project_id = :'p'", p=pid)
    for path in ("activities/%s" % aid, "events/%s" % eid, "news/%s" % nid):
        a = project_link(http, path, pid, "sv")
        # Swedish falls back to English, as titles do (kt_text_pick), and says so
        assert a.text_content().strip() == NAMES["en"] and a.get("lang") == "en", path
        note = a.xpath("following-sibling::*[1][@class='fallback-note']")
        assert note and note[0].text_content().strip() == "(på engelska)", path


def test_the_feeds_keep_one_name(ws, linked, http):
    """FEED.md's <project id> carries one name, the same in every request."""
    pid, aid, eid, nid = linked
    # from just before the item's own last change: what other tests changed in the hour
    # before can fill more than a page
    for feed, table, ident in (("activities", "activities", aid), ("events", "events", eid)):
        since = run_psql_value(
            "SELECT to_char((updated_at - interval '1 second') AT TIME ZONE 'UTC',"
            " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM %s WHERE id = :'i'" % table, i=ident)
        r = http.get("/feed/%s.xml" % feed, params={"updated_since": since, "limit": 1000})
        assert r.status_code == 200
        assert ('<project id="%s">%s</project>' % (pid, NAMES["fi"])) in r.text, feed
    assert run_psql_value("SELECT name FROM projects WHERE id = :'p'", p=pid) == NAMES["fi"]
