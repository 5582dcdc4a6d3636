"""The page cache (issue 15 item 1; HACKING.md "Page cache", sql/024_page_cache.sql).

Public pages are kept as rendered and served again while the database's public generation
is the one they were made under.  The access log's last field is the cache's word for each
request (conf/httpd-dev.conf.in: %{kt-cache}n): stored (rendered, kept), hit, miss (rendered,
not kept), bypass (the cache did not take part).  Each request here carries a User-Agent of
its own, by which its log line is found.

What must never happen is a stale page: every change a visitor could see, made through the
site, by hand in psql, or by time alone, shows on the next request; and never a personal one:
a signed-in person's page is neither served from nor put into the cache."""
import time
import uuid

import pytest

from conftest import access_log_word, run_psql, run_psql_value, wait_until
from kt_accounts import Person, make_user, page
from kt_events import EventWorkspace
from kt_jobs import JobWorkspace
from kt_listings import Workspace, workspace_fixture
from kt_news import NewsDesk
from test_reliability import DB_DOWN_LOG

ws = workspace_fixture(Workspace)
events_ws = workspace_fixture(EventWorkspace)
jobs_ws = workspace_fixture(JobWorkspace)


@pytest.fixture
def desk(base_url):
    d = NewsDesk(base_url)
    yield d
    d.cleanup()


def cache_word(agent):
    """The cache's word in the access log line of the request sent with User-Agent agent."""
    return access_log_word(agent, 1)


def get(http, path, method="GET", **kw):
    """(response, the cache's word for it).  A page rendered right after a notification
    of a change made elsewhere may be "miss" rather than "stored" (kept only once the
    watcher has read when time next changes a page)."""
    agent = "kt-cache-test-" + uuid.uuid4().hex
    headers = dict(kw.pop("headers", {}), **{"User-Agent": agent})
    r = http.request(method, path, headers=headers, **kw)
    return r, cache_word(agent)


def word():
    """A word no page holds yet."""
    return "pc" + uuid.uuid4().hex[:12]


def titles(r):
    return [t.strip() for t in page(r).xpath("//main//a/text() | //main//h1/text()"
                                             " | //main//h2/text() | //main//h3/text()")]


# --- what is covered --------------------------------------------------------------------

# Tables no public page reads (sessions, accounts, mail, throttles, the workflow's own;
# of the audit log only moderation decisions are, by /{lang}/help/moderation), or that only follow covered ones (the search's tables move
# activity_search_generation, which moves the page generation; the feed's tombstones are
# written by triggers of the kinds' tables; memberships and organisation_versions are
# the workspace's).  A new table goes into one list or gets a kt_public_* trigger.
NEVER_PUBLIC = {
    "account_tokens", "contact_messages", "csrf_secret", "feed_secret",
    "feed_tombstones", "listing_tombstones", "login_throttle", "mail_outbox", "memberships",
    "organisation_questions", "organisation_versions", "rate_limits", "registrations",
    "schema_migrations", "sessions", "users",
    "kt_public_generation", "kt_reference_generation",
    "activity_search_cache",
    # derived: change only with public activities, and move activity_search_generation
    "activity_search", "activity_search_text", "activity_search_counts", "search_words",
}


def test_every_table_is_covered_or_never_public(psql):
    tables = {t for (t,) in psql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')")}
    covered = {t for (t,) in psql(
        "SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t"
        " WHERE NOT t.tgisinternal AND t.tgfoid::regproc::text LIKE 'kt_public_%'")}
    assert "activity_search_generation" in covered
    forgotten = tables - covered - NEVER_PUBLIC
    assert not forgotten, "neither covered by a kt_public_* trigger nor NEVER_PUBLIC: %s" % (
        sorted(forgotten))
    assert not (covered & NEVER_PUBLIC), sorted(covered & NEVER_PUBLIC)
    stale = NEVER_PUBLIC - tables
    assert not stale, "NEVER_PUBLIC names tables that are gone: %s" % sorted(stale)


def test_private_writes_leave_the_generation(psql, psql_value):
    lid = psql_value("SELECT min(id) FROM public_activities")
    remind = ("UPDATE activities SET reminded_at = now(), revision = revision + 1"
              " WHERE id = :'i'")
    # A listing's update refreshes its search rows, which differ (a public change) when
    # a vocabulary name in them was changed since (test_feed_vocabulary renames some):
    # once to bring them up to date, then measured.
    psql(remind, i=lid)
    before = psql_value("SELECT n FROM kt_public_generation")
    psql(remind, i=lid)
    psql("UPDATE users SET phone = phone")
    psql("UPDATE sessions SET last_seen_at = last_seen_at")
    psql("UPDATE activity_search_cache SET generation = generation")
    audit = psql_value("INSERT INTO audit_log (action, object_type, object_id)"
                       " VALUES ('activity.submit', 'activity', :'i') RETURNING id", i=lid)
    psql("DELETE FROM audit_log WHERE id = :'a'", a=audit)
    assert psql_value("SELECT n FROM kt_public_generation") == before
    psql("UPDATE municipalities SET name_fi = name_fi WHERE code = '091'")
    assert int(psql_value("SELECT n FROM kt_public_generation")) > int(before)


# --- stored, then served -------------------------------------------------------------------

def test_a_page_is_stored_then_served_as_it_was(http):
    path = "/fi/activities?q=" + word()
    first, w1 = get(http, path)
    assert first.status_code == 200 and w1 == "stored"
    again, w2 = get(http, path)
    assert w2 == "hit"
    assert again.content == first.content
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Content-Type"] == first.headers["Content-Type"]
    assert again.headers["Cache-Control"] == "no-cache"
    assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


def test_tracking_parameters_hit_the_clean_entry(http):
    q = word()
    _, w1 = get(http, "/sv/activities?q=" + q)
    assert w1 == "stored"
    r, w2 = get(http, "/sv/activities?utm_source=x&q=%s&fbclid=y" % q)
    assert w2 == "hit" and r.status_code == 200


def test_validators_from_the_cache(http):
    path = "/en/activities?q=" + word()
    first, _ = get(http, path, headers={"Accept-Encoding": "identity"})
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith('W/')
    r, w = get(http, path, headers={"If-None-Match": etag})
    assert (r.status_code, w) == (304, "hit") and not r.content
    # mod_deflate's form of the tag, as a browser sends it back
    r, w = get(http, path, headers={"If-None-Match": etag[:-1] + '-gzip"',
                                    "Accept-Encoding": "gzip"})
    assert (r.status_code, w) == (304, "hit")
    r, w = get(http, path, method="HEAD")
    assert (r.status_code, w) == (200, "hit") and not r.content
    assert r.headers["ETag"] == etag


# --- fresh after every public change ----------------------------------------------------------

def front_titles(http, lang="fi"):
    r, _ = get(http, "/%s/" % lang)
    return titles(r)


def test_activity_published_archived_shows_at_once(ws, http):
    title = "Kerho " + word()
    front_titles(http)
    get(http, "/fi/activities?q=" + title.split()[1])
    lid = ws.publish(title_fi=title)
    r, w = get(http, "/fi/")
    assert w == "stored" and title in titles(r), "the very next front page shows it"
    r, w = get(http, "/fi/")
    assert w == "hit" and title in titles(r), "and the hit after it is of the new page"
    assert ws.kind.listed(http, lid, q=title.split()[1])
    item, w = get(http, "/fi/activities/%s" % lid)
    assert item.status_code == 200 and w == "stored"
    assert get(http, "/fi/activities/%s" % lid)[1] == "hit"

    r = ws.edit(lid, action="archive")
    token = page(r).xpath("//input[@name='csrf']/@value")[0]
    r = ws.post(ws.main, ws.path(lid), {"csrf": token, "action": "archive", "confirm": "yes"})
    assert r.status_code == 303
    assert get(http, "/fi/activities/%s" % lid)[0].status_code == 410
    assert title not in front_titles(http)
    assert not ws.kind.listed(http, lid, q=title.split()[1])


def test_event_published_shows_at_once(events_ws, http):
    title = "Seminaari " + word()
    before, _ = get(http, "/fi/events")
    lid = events_ws.create(title_fi=title)
    events_ws.submit(lid)
    get(http, "/fi/events")      # cached while the event waits for review
    events_ws.decide(lid, "approve")
    r, w = get(http, "/fi/events")
    assert w == "stored" and events_ws.kind.listed(http, lid)
    item, _ = get(http, "/fi/events/%s" % lid)
    assert item.status_code == 200 and title in item.text


def test_news_published_and_withdrawn_shows_at_once(desk, http):
    title = "Uutinen " + word()
    nid = desk.create(title_fi=title)
    front_titles(http)
    get(http, "/fi/news")
    desk.publish(nid, title_fi=title)
    assert title in front_titles(http)
    r, w = get(http, "/fi/news")
    assert w == "stored" and title in r.text
    assert get(http, "/fi/news")[1] == "hit"
    desk.withdraw(nid)
    r, _ = get(http, "/fi/news")
    assert title not in r.text
    assert title not in front_titles(http)


def test_a_change_by_hand_in_psql_shows_on_the_next_request(http, psql, psql_value):
    lid = psql_value("SELECT min(id) FROM public_activities")
    path = "/fi/activities/%s" % lid
    get(http, path)
    assert get(http, path)[1] == "hit"
    old = psql_value("SELECT title_fi FROM public_activities WHERE id = :'i'", i=lid)
    new = "Käsin " + word()
    try:
        # no request to httpd in between (sync=False: not even /health, see conftest.py)
        psql("UPDATE activity_versions v SET title_fi = :'t' FROM activities a"
             " WHERE a.id = :'i' AND v.activity_id = a.id AND v.version = a.published_version",
             sync=False, t=new, i=lid)
        # the notification travels: PostgreSQL's listening backend, then the watcher
        # thread; on a loaded machine a request sent at once can outrun it by a few ms
        time.sleep(0.2)
        r, w = get(http, path)
        assert w != "hit" and new in r.text, "the watcher heard of it"
    finally:
        psql("UPDATE activity_versions v SET title_fi = :'t' FROM activities a"
             " WHERE a.id = :'i' AND v.activity_id = a.id AND v.version = a.published_version",
             t=old, i=lid)
    assert new not in get(http, path)[0].text


def test_a_draft_of_a_published_listing_keeps_the_cache_warm(ws, http):
    title = "Lämmin " + word()
    lid = ws.publish(title_fi=title)
    path = "/fi/activities/%s" % lid
    get(http, path)
    assert get(http, path)[1] == "hit"
    r = ws.edit(lid, title_fi="Luonnos " + word())
    assert r.status_code == 303
    r, w = get(http, path)
    assert w == "hit" and title in r.text


# --- never personal -------------------------------------------------------------------------

def signed_in(r):
    """Whether the page is a signed-in person's: it offers signing out, with her token."""
    return bool(page(r).xpath("//form[@action='/fi/logout']//input[@name='csrf']/@value"))


def test_a_signed_in_person_gets_no_cached_page_and_leaves_none(base_url, http):
    path = "/fi/activities?q=" + word()
    uid, email = make_user(first="Siiri", last="Kirjautunut")
    p = Person(base_url)
    p.sign_in(email)
    r, w = get(p, path)
    assert w == "bypass" and signed_in(r)
    assert "no-store" in r.headers["Cache-Control"]
    # what she was shown was not kept: the first anonymous visitor renders it
    r, w = get(http, path)
    assert w == "stored" and not signed_in(r)
    # and she does not get the anonymous entry
    r, w = get(p, path)
    assert w == "bypass" and signed_in(r)
    r = p.submit("/fi/logout", form_page="/fi/")
    assert r.status_code == 303
    r, w = get(p, path)
    assert w == "hit" and not signed_in(r)


def test_pages_with_a_form_or_a_cookie_are_not_kept(base_url, http):
    # the sign-in form: a token, and the anonymous visitor's CSRF cookie
    r, w = get(http, "/fi/login")
    assert w == "bypass" and "Set-Cookie" in r.headers
    # a session cookie the database does not know: the page clears it, and is not kept
    path = "/fi/activities?q=" + word()
    stranger = Person(base_url)
    stranger.cookies.set("kt_session", "A" * 43)
    r, w = get(stranger, path)
    assert w == "bypass" and r.status_code == 200
    assert "kt_session=" in r.headers.get("Set-Cookie", "")
    assert get(http, path)[1] == "stored", "the first page was not kept"


def test_back_to_results_follows_the_referer(http, psql_value, base_url):
    lid = psql_value("SELECT min(id) FROM public_activities")
    path = "/fi/activities/%s" % lid
    q1, q2 = word(), word()

    def back(referer):
        headers = {"Referer": base_url + referer} if referer else {}
        r, w = get(http, path, headers=headers)
        links = page(r).xpath("//a[contains(@href, '/fi/activities?')]/@href")
        return [h for h in links if "q=" in h], w

    links, w = back("/fi/activities?q=" + q1)
    assert links == ["/fi/activities?q=" + q1], links
    assert back("/fi/activities?q=" + q1) == (links, "hit")
    other, _ = back("/fi/activities?q=" + q2)
    assert other == ["/fi/activities?q=" + q2]
    assert back(None)[0] == []
    assert back("/fi/news")[0] == []


# --- time ------------------------------------------------------------------------------------

def test_a_job_leaves_the_list_at_its_deadline(jobs_ws, http, psql):
    title = "Ohjaaja " + word()
    jid = jobs_ws.publish(title_fi=title)
    psql("UPDATE job_versions v SET deadline_date = d::date, deadline_time = d::time"
         " FROM jobs j, (SELECT date_trunc('second', now() + interval '3 seconds')"
         "                      AT TIME ZONE 'Europe/Helsinki' AS d) t"
         " WHERE j.id = :'i' AND v.job_id = j.id AND v.version = j.published_version", i=jid)
    r, w = get(http, "/fi/jobs")
    assert title in r.text and w != "hit"
    # kept (once the watcher has read the new deadline) until the deadline
    r = wait_until(lambda: (lambda r, w: w == "hit" and r)(*get(http, "/fi/jobs")),
                   timeout=2, interval=0.1)
    assert r and title in r.text
    time.sleep(3.2)
    r, w = get(http, "/fi/jobs")
    assert title not in r.text, "gone on the first request after the deadline"
    assert get(http, "/fi/jobs/%s" % jid)[0].status_code in (404, 410)


def test_an_event_becomes_past_at_its_end(events_ws, http, psql):
    title = "Päättyvä " + word()
    lid = events_ws.publish(title_fi=title)
    psql("UPDATE event_versions v SET start_date = s::date, start_time = s::time,"
         " end_date = e::date, end_time = e::time"
         " FROM events ev, (SELECT date_trunc('second', now() - interval '1 hour')"
         "                         AT TIME ZONE 'Europe/Helsinki' AS s,"
         "                         date_trunc('second', now() + interval '3 seconds')"
         "                         AT TIME ZONE 'Europe/Helsinki' AS e) t"
         " WHERE ev.id = :'i' AND v.event_id = ev.id AND v.version = ev.published_version",
         i=lid)
    assert events_ws.kind.listed(http, lid)
    assert get(http, "/fi/events")[1] == "hit"
    time.sleep(3.2)
    assert not events_ws.kind.listed(http, lid), "past events leave the upcoming list"


# --- the database away ------------------------------------------------------------------------

def test_health_brings_the_node_up_to_date_at_once(http, psql, psql_value):
    lid = psql_value("SELECT min(id) FROM public_activities")
    path = "/fi/activities/%s" % lid
    get(http, path)
    assert get(http, path)[1] == "hit"
    # moved with no notification at all (as if it were lost): only /health can tell
    psql("UPDATE kt_public_generation SET n = n + 1", sync=False)
    assert get(http, path)[1] == "hit", "nothing told the node yet"
    assert http.get("/health").status_code == 200
    assert get(http, path)[1] in ("stored", "miss")


def test_no_cached_page_while_the_database_is_away(base_url, http, pg_stop, pg_start,
                                                   expect_log):
    expect_log(*DB_DOWN_LOG)
    path = "/fi/activities?q=" + word()
    get(http, path)
    assert get(http, path)[1] == "hit"
    pg_stop()
    try:
        r, w = get(http, path)
        assert r.status_code == 503 and w == "bypass", "the watcher cannot know: no cache"
        assert get(http, "/fi/")[0].status_code == 503
    finally:
        pg_start()

    def cached_again():
        r, w = get(http, path)
        return r.status_code == 200 and w in ("hit", "stored")
    assert wait_until(cached_again, timeout=15, interval=0.3)
    get(http, path)
    assert get(http, path)[1] == "hit"
