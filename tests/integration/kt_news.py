"""Helpers for the news tests (test_news_*.py): a moderator of the test's own writing news
through /{lang}/moderation/news…, the editor's form read the way a browser sends it.

    d = NewsDesk(base_url)                          # a fresh moderator, signed in
    nid = d.create(title_fi="Uutinen")              # a draft through the editor; its id
    d.edit(nid, action="publish", **COMPLETE)       # published at once
    d.schedule(nid, when)                           # … or from a time (datetime, Helsinki)
    d.withdraw(nid)                                 # asked once more, then withdrawn
"""
import datetime
import re

from conftest import run_psql, run_psql_value
from kt_accounts import Person, make_user, page
from kt_listings import errors, form_fields, with_fields

# What a publication needs in a language begun (kt_news_item_check with publish).
COMPLETE = {
    "title_fi": "Uusi kielikerho kirjastossa",
    "summary_fi": "Kirjaston kielikerho kokoontuu keskiviikkoisin.",
    "body_fi": "Kerhossa harjoitellaan suomea rennosti.\n\nLue lisää [kirjaston sivuilta](https://example.org/kirjasto).",
}


def news_id(location):
    return re.search(r"/moderation/news/(\d+)", location).group(1)


def helsinki_now():
    """The database's clock in Helsinki, as a naive datetime."""
    text = run_psql_value("SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki',"
                          " 'YYYY-MM-DD HH24:MI')")
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")


def typed(when):
    """(date, time) as a person types them: 15.1.2027, 9.30."""
    return ("%d.%d.%d" % (when.day, when.month, when.year), "%d.%02d" % (when.hour, when.minute))


class NewsDesk:
    """A moderator of the test's own, signed in, and the items it wrote (deleted at the end)."""

    def __init__(self, base_url, lang="fi"):
        self.base = base_url
        self.lang = lang
        self.mod_id, self.mod_email = make_user(first="Noora", last="Toimittaja", moderator=True)
        self.moderator = Person(base_url)
        self.moderator.sign_in(self.mod_email, lang=lang)
        self.ids = []

    def cleanup(self):
        """Deletes this test's items: tests that come later count the public ones."""
        for nid in self.ids:
            run_psql("DELETE FROM news WHERE id = :'i'", i=nid)
            run_psql("DELETE FROM audit_log WHERE object_type = 'news' AND object_id = :'i'",
                     i=nid)

    def path(self, nid=None, lang=None):
        return "/%s/moderation/news/%s" % (lang or self.lang, nid if nid else "new")

    def post(self, path, data, who=None):
        return (who or self.moderator).post(path, data=data, headers={"Origin": self.base})

    def create(self, action="save", expect=303, **fields):
        """A new item through the editor (saved, or published or scheduled); its id."""
        r = self.moderator.get(self.path())
        assert r.status_code == 200, r.status_code
        r = self.post(self.path(), with_fields(form_fields(r), action=action, **fields))
        assert r.status_code == expect, (r.status_code, errors(r))
        if expect != 303:
            return r
        nid = news_id(r.headers["Location"])
        self.ids.append(nid)
        return nid

    def form(self, nid):
        r = self.moderator.get(self.path(nid))
        assert r.status_code == 200, r.status_code
        return r

    def edit(self, nid, action="save", **fields):
        """GET the editor, change fields, POST with action; the response."""
        data = with_fields(form_fields(self.form(nid)), action=action, **fields)
        return self.post(self.path(nid), data)

    def publish(self, nid, **fields):
        r = self.edit(nid, action="publish", **dict(COMPLETE, **fields))
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def schedule(self, nid, when, **fields):
        date, time = typed(when)
        r = self.edit(nid, action="schedule", publish_date=date, publish_time=time,
                      **dict(COMPLETE, **fields))
        assert r.status_code == 303, (r.status_code, errors(r))
        return r

    def withdraw(self, nid):
        """Asked once more, then withdrawn; the final response (303)."""
        token = page(self.form(nid)).xpath(
            "//form[.//button[@value='withdraw']]//input[@name='csrf']/@value")[0]
        r = self.post(self.path(nid), {"csrf": token, "action": "withdraw"})
        assert r.status_code == 200, r.status_code
        assert page(r).xpath("//input[@name='confirm'][@value='yes']")
        r = self.post(self.path(nid), {"csrf": token, "action": "withdraw", "confirm": "yes"})
        assert r.status_code == 303, r.status_code
        return r

    def state(self, nid):
        """(state as stored, published_version, latest_version, revision, public now)."""
        row = run_psql_value(
            "SELECT state || ',' || coalesce(published_version::text, '') || ','"
            " || latest_version || ',' || revision || ','"
            " || (EXISTS (SELECT 1 FROM public_news p WHERE p.id = n.id))::text"
            " FROM news n WHERE id = :'i'", i=nid)
        s, pub, latest, rev, public = row.split(",")
        return s, int(pub) if pub else None, int(latest), rev, public == "true"


def insert_news(public_from="now()", **texts):
    """An item written straight into the tables (as a data load would), published from
    public_from (SQL), version 1 with texts (title_fi=…, body_sv=…); its id."""
    columns = sorted(texts)
    return run_psql_value(
        "WITH n AS (INSERT INTO news (state, published_version, latest_version,"
        " decided_version, published_at) VALUES (CASE WHEN %s > now() THEN 'scheduled'"
        " ELSE 'published' END, 1, 1, 1, %s) RETURNING id),"
        " v AS (INSERT INTO news_versions (news_id, version, %s) SELECT id, 1, %s FROM n)"
        " SELECT id FROM n" % (public_from, public_from, ", ".join(columns),
                               ", ".join(":'%s'" % c for c in columns)), **texts)
