"""Tools for moderators (issue 14, item 4) through HTTP: asking an organisation for more
information and its answer, the business register link, the review of a resubmitted listing
against the version that was returned with word marks, and the audit log's filters, pages and
CSV export."""
import csv
import io

import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, last_mail, mails, make_org, make_user, page
from kt_events import EventWorkspace
from kt_listings import Workspace, errors, field_errors


class Applicant:
    """An organisation waiting for approval with its main user and a member; a moderator."""

    def __init__(self, base_url):
        self.base = base_url
        self.main_id, self.main_email = make_user(first="Aino", last="Hakija", lang="sv")
        self.member_id, self.member_email = make_user(first="Matti", last="Jäsen")
        self.org = make_org(self.main_id, status="pending", members=[self.member_id])
        self.main = self.signed_in(self.main_email, "sv")    # reads mail in Swedish
        self.member = self.signed_in(self.member_email)
        _, mod = make_user(first="Mona", last="Moderaattori", moderator=True)
        self.moderator = self.signed_in(mod)

    def signed_in(self, email, lang="fi"):
        p = Person(self.base)
        p.sign_in(email, lang=lang)
        return p

    def mod_path(self, lang="fi"):
        return "/%s/moderation/organisations/%s" % (lang, self.org)

    def manage_path(self, lang="fi"):
        return "/%s/manage/organisations/%s" % (lang, self.org)

    def decide(self, decision, reason=""):
        r = self.moderator.get(self.mod_path())
        assert r.status_code == 200
        csrf = page(r).xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0]
        return self.moderator.post(self.mod_path(), data={"csrf": csrf, "decision": decision,
                                                          "reason": reason},
                                   headers={"Origin": self.base})

    def answer(self, who, text):
        r = who.get(self.manage_path())
        csrfs = page(r).xpath("//form[.//textarea[@name='answer']]//input[@name='csrf']/@value")
        csrf = csrfs[0] if csrfs else page(r).xpath("//input[@name='csrf']/@value")[0]
        return who.post(self.manage_path(), data={"csrf": csrf, "action": "answer",
                                                  "answer": text},
                        headers={"Origin": self.base})


@pytest.fixture
def app(base_url):
    return Applicant(base_url)


def in_queue(app):
    doc = page(app.moderator.get("/fi/moderation"))
    href = "/fi/moderation/organisations/%s" % app.org
    return (bool(doc.xpath("//section[@aria-labelledby='queue-heading']//a[@href='%s']" % href)),
            bool(doc.xpath("//section[@aria-labelledby='waiting-answer-heading']//a[@href='%s']"
                           % href)))


def audit(org):
    return [a for (a,) in run_psql("SELECT action FROM audit_log WHERE object_type = 'organisation'"
                                   " AND object_id = :'o' ORDER BY id", o=org)]


# ---- ask for more information ------------------------------------------------------------

def test_ask_answer_and_back_to_the_queue(app):
    assert in_queue(app) == (True, False)
    question = "Onko yhdistyksellä <b>sääntöjen</b> mukaista toimintaa Espoossa?"
    r = app.decide("ask", question)
    assert r.status_code == 303 and r.headers["Location"].endswith("/fi/moderation?done=asked")
    assert in_queue(app) == (False, True)
    # mailed to the main user through the outbox, in their language, with a link to the page
    kind, subject, body, lang = last_mail(app.main_email, "org_question")
    assert lang == "sv" and question in body
    assert "/sv/manage/organisations/%s" % app.org in body
    assert not mails(app.member_email, "org_question")
    # the organisation's page shows the question; its main user answers there
    r = app.main.get(app.manage_path())
    doc = page(r)
    assert question in doc.xpath("string(//section[@aria-labelledby='question-heading'])")
    assert doc.xpath("//textarea[@name='answer']")
    # the member sees the question but cannot answer
    doc = page(app.member.get(app.manage_path()))
    assert question in doc.xpath("string(//main)") and not doc.xpath("//textarea[@name='answer']")
    assert app.answer(app.member, "Jäsenen vastaus").status_code == 403
    # an empty answer is asked again, with its message
    r = app.answer(app.main, "   ")
    assert r.status_code == 400
    assert list(field_errors(r)) == ["answer-answer"]
    r = app.answer(app.main, "Kyllä, kerhot kokoontuvat Espoon Leppävaarassa.")
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=answered")
    assert in_queue(app) == (True, False)
    doc = page(app.moderator.get("/fi/moderation"))
    row = doc.xpath("//tr[.//a[@href='/fi/moderation/organisations/%s']]" % app.org)[0]
    assert "Vastasi lisätietopyyntöön" in row.text_content()
    # the moderator's page has the question and the answer; a second answer is a 409
    doc = page(app.moderator.get(app.mod_path()))
    text = doc.xpath("string(//section[@aria-labelledby='questions-heading'])")
    assert question in text and "Leppävaarassa" in text
    assert "<b>" not in app.moderator.get(app.mod_path()).text.replace("&lt;b&gt;", "")
    assert app.answer(app.main, "Toinen vastaus").status_code == 409
    assert audit(app.org) == ["organisation.ask", "organisation.answer"]
    assert run_psql_value("SELECT reason FROM audit_log WHERE object_type = 'organisation'"
                          " AND object_id = :'o' AND action = 'organisation.ask'",
                          o=app.org) == question
    # and the decision after it
    assert app.decide("approve").status_code == 303
    assert run_psql_value("SELECT status FROM organisations WHERE id = :'o'", o=app.org) == "approved"


def test_asking_needs_a_question_and_one_at_a_time(app):
    r = app.decide("ask", "")
    assert r.status_code == 400
    assert field_errors(r) == {"decision-reason": "Virhe: Kirjoita kysymys, johon pyydät hakijalta "
                                                  "lisätietoja."}
    assert app.decide("ask", "Ensimmäinen kysymys?").status_code == 303
    # while it waits for the answer, the form offers no second question
    doc = page(app.moderator.get(app.mod_path()))
    assert not doc.xpath("//input[@name='decision'][@value='ask']")
    assert doc.xpath("//input[@name='decision'][@value='approve']")
    r = app.decide("ask", "Toinen kysymys?")
    assert r.status_code == 400
    assert "decision-decision" in field_errors(r)
    assert run_psql_value("SELECT count(*) FROM organisation_questions WHERE organisation_id = :'o'",
                          o=app.org) == "1"
    # the moderator may still reject it; the open question is then closed to answers
    assert app.decide("reject", "Ei rekisteröity yhdistys.").status_code == 303
    assert app.answer(app.main, "Myöhäinen vastaus").status_code == 409
    assert not page(app.main.get(app.manage_path())).xpath("//textarea[@name='answer']")


def test_questions_only_to_organisations_that_wait(base_url, app):
    uid, _ = make_user()
    approved = make_org(uid)
    r = app.moderator.get("/fi/moderation/organisations/%s" % approved)
    assert not page(r).xpath("//input[@name='decision']")
    r = app.moderator.post("/fi/moderation/organisations/%s" % approved,
                           data={"csrf": page(r).xpath("//input[@name='csrf']/@value")[0],
                                 "decision": "ask", "reason": "?"},
                           headers={"Origin": base_url})
    assert r.status_code == 409
    # not a moderator: 403; without the token: 403
    r = app.main.post(app.mod_path(), data={"decision": "ask", "reason": "?"},
                      headers={"Origin": base_url})
    assert r.status_code == 403
    r = app.moderator.post(app.mod_path(), data={"decision": "ask", "reason": "?"},
                           headers={"Origin": base_url})
    assert r.status_code == 403
    assert run_psql_value("SELECT count(*) FROM organisation_questions WHERE organisation_id = :'o'",
                          o=app.org) == "0"


def test_someone_else_cannot_answer(app, base_url):
    assert app.decide("ask", "Kuka vastaa toiminnasta?").status_code == 303
    stranger = Person(base_url)
    stranger.sign_in(make_user()[1])
    assert stranger.get(app.manage_path()).status_code == 404
    r = stranger.post(app.manage_path(), data={"csrf": "x", "action": "answer", "answer": "Minä"},
                      headers={"Origin": base_url})
    assert r.status_code in (403, 404)
    assert run_psql_value("SELECT answer FROM organisation_questions WHERE organisation_id = :'o'",
                          o=app.org) is None


def test_the_business_register_link(app):
    bid = run_psql_value("SELECT business_id FROM organisations WHERE id = :'o'", o=app.org)
    for lang in ("fi", "sv", "en"):
        doc = page(app.moderator.get(app.mod_path(lang)))
        links = doc.xpath("//a[@href='https://tietopalvelu.ytj.fi/yritys/%s']" % bid)
        assert links, lang
        assert ("YTJ" if lang != "sv" else "FODS") in links[0].text_content()


# ---- a resubmitted listing against the returned version ----------------------------------

@pytest.fixture
def ws(base_url):
    w = Workspace(base_url)
    yield w
    w.cleanup()


def changed_rows(table):
    return [" ".join(tr.xpath("th[@scope='row']")[0].itertext()).split(" Muuttunut")[0]
            for tr in table.xpath(".//tr[@class='changed']")]


def test_a_resubmission_is_compared_with_the_returned_version_word_by_word(ws):
    lid = ws.create(title_fi="Kielikahvila")
    ws.submit(lid, description_fi="Juttelemme suomeksi kahvin äärellä.")
    ws.decide(lid, "return", reason="Kerro, kenelle kahvila on.")
    ws.submit(lid, description_fi="Juttelemme suomeksi teen äärellä. Tervetuloa aikuiset!")
    doc = page(ws.review(lid))
    section = doc.xpath("//section[@aria-labelledby='review-returned-heading']")[0]
    text = " ".join(section.text_content().split())
    assert "Palautettu versio on versio 1." in text and "Kerro, kenelle kahvila on." in text
    table = section.xpath(".//table")[0]
    assert changed_rows(table) == ["Kuvaus suomeksi"]
    cell = table.xpath(".//tr[@class='changed']/td[2]")[0]
    assert [d.text_content() for d in cell.xpath(".//del")] == ["[poistettu: kahvin]"]
    assert [i.text_content() for i in cell.xpath(".//ins")] == \
        ["[lisätty: teen]", "[lisätty:  Tervetuloa aikuiset!]"]
    # the marks are said in words for screen readers, in the page's language
    assert cell.xpath(".//del/span[@class='visually-hidden']")
    doc = page(ws.review(lid, "en"))
    assert "Changes since the returned version" in doc.xpath("string(//main)")
    assert "[added: teen]" in doc.xpath("string(//ins)")
    # returned again and approved: the next edit compares with the published version only
    ws.decide(lid, "approve")
    ws.submit(lid, title_fi="Kielikahvila Espoossa")
    doc = page(ws.review(lid))
    assert not doc.xpath("//section[@aria-labelledby='review-returned-heading']")
    assert doc.xpath("//ins[contains(., 'Espoossa')]")


def test_an_edit_of_a_published_listing_returned_shows_both_comparisons(ws):
    lid = ws.publish(title_fi="Julkaistu kerho")
    ws.submit(lid, title_fi="Julkaistu kerho, muutos")
    ws.decide(lid, "return", reason="Tarkista nimi.")
    ws.submit(lid, title_fi="Julkaistu kerho, korjattu muutos")
    doc = page(ws.review(lid))
    returned = doc.xpath("//section[@aria-labelledby='review-returned-heading']//table")[0]
    assert changed_rows(returned) == ["Otsikko suomeksi"]
    # only the rows that changed since the return, beside the full comparison with the public one
    assert len(returned.xpath(".//tbody/tr")) == 1
    published = doc.xpath("//section[@aria-labelledby='review-content-heading']//table")[0]
    assert changed_rows(published) == ["Otsikko suomeksi"]
    assert [i.text_content() for i in published.xpath(".//ins")] == \
        ["[lisätty: , korjattu muutos]"]
    assert [i.text_content() for i in returned.xpath(".//ins")] == ["[lisätty: korjattu ]"]


def test_events_are_compared_with_the_returned_version_too(base_url):
    ews = EventWorkspace(base_url)
    try:
        eid = ews.create(title_fi="Seminaari")
        ews.submit(eid, description_fi="Seminaari kuntien työntekijöille.")
        ews.decide(eid, "return", reason="Kerro kohderyhmä.")
        ews.submit(eid, description_fi="Seminaari kuntien ja järjestöjen työntekijöille.")
        doc = page(ews.review(eid))
        section = doc.xpath("//section[@aria-labelledby='review-returned-heading']")[0]
        assert [i.text_content() for i in section.xpath(".//ins")] == ["[lisätty: ja järjestöjen ]"]
    finally:
        ews.cleanup()


def test_long_rewritten_texts_are_marked_as_a_whole(ws):
    # 550 words rewritten: 1 100 tokens changed, more than the work allowed for word marks
    old = " ".join("sana%d" % i for i in range(550))
    new = " ".join("uusi%d" % i for i in range(550))
    lid = ws.create(title_fi="Pitkä")
    ws.submit(lid, description_fi=old)
    ws.decide(lid, "return", reason="Kirjoita uudelleen.")
    ws.submit(lid, description_fi=new)
    r = ws.review(lid)
    assert r.status_code == 200
    table = page(r).xpath("//section[@aria-labelledby='review-returned-heading']//table")[0]
    assert changed_rows(table) == ["Kuvaus suomeksi"]
    row = table.xpath(".//tr[@class='changed']")[0]
    assert not row.xpath(".//del | .//ins")
    assert "uusi549" in row.text_content() and "sana549" in row.text_content()


# ---- the audit log -----------------------------------------------------------------------

@pytest.fixture
def moderator(base_url):
    _, email = make_user(moderator=True)
    p = Person(base_url)
    p.sign_in(email)
    return p


def entries(doc):
    return doc.xpath("//main//table/tbody/tr")


def test_the_log_filters_by_type_and_days(moderator, app):
    assert app.decide("ask", "Kysymys lokiin").status_code == 303
    doc = page(moderator.get("/fi/moderation/log?type=organisation"))
    assert entries(doc)
    assert doc.xpath("//select[@name='type']/option[@selected]/@value") == ["organisation"]
    assert all("/moderation/organisations/" in "".join(tr.xpath(".//a/@href"))
               for tr in entries(doc) if tr.xpath(".//a"))
    today = run_psql_value("SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD')")
    doc = page(moderator.get("/fi/moderation/log?type=organisation&from=%s&to=%s" % (today, today)))
    assert "Kysymys lokiin" in doc.xpath("string(//main//table)")
    assert doc.xpath("//input[@name='from']/@value") == [today]
    # a day with nothing: says so, and offers to clear the filters
    doc = page(moderator.get("/fi/moderation/log?from=1.1.2001&to=2.1.2001"))
    assert not entries(doc)
    assert "Valituilla rajauksilla" in doc.xpath("string(//main)")
    assert doc.xpath("//a[@href='/fi/moderation/log'][contains(., 'Poista rajaukset')]")
    # every kind of listing is a type
    options = doc.xpath("//select[@name='type']/option/@value")
    assert options == ["", "organisation", "user", "contact", "activity", "event", "job",
                       "project", "network", "news"]


@pytest.fixture
def old_entries():
    """Audit lines of a year long gone, made here: 60 about listings and 1 202 about users, three
    at a time in the same second (the export's key is the time and the id; the first chunk of
    500 ends inside such a group)."""
    run_psql("INSERT INTO audit_log (at, action, object_type, object_id, reason)"
             " SELECT timestamptz '2001-03-01 12:00:00+02' + i * interval '1 minute',"
             " 'activity.submit', 'activity', 1, 'vanha ' || i FROM generate_series(1, 60) i")
    run_psql("INSERT INTO audit_log (at, action, object_type, object_id, reason)"
             " SELECT timestamptz '2001-06-01 12:00:00+03' + (i / 3) * interval '1 second',"
             " 'user.make_moderator', 'user', 1, '=rivi ' || i FROM generate_series(1, 1202) i")
    yield
    run_psql("DELETE FROM audit_log WHERE at < '2002-01-01'")


def test_the_log_pages_keep_the_filters(moderator, old_entries):
    q = "/fi/moderation/log?type=activity&from=2001-01-01&to=31.12.2001"
    doc = page(moderator.get(q))
    assert len(entries(doc)) == 50
    assert "vanha 60" in doc.xpath("string(//main//table/tbody/tr[1])")
    canonical = "/fi/moderation/log?type=activity&from=2001-01-01&to=2001-12-31"
    older = doc.xpath("//a[@rel='next']/@href")
    assert older == [canonical + "&page=2"]
    assert not doc.xpath("//a[@rel='prev']")
    doc = page(moderator.get(older[0]))
    assert len(entries(doc)) == 10
    assert "vanha 1" in doc.xpath("string(//main//table/tbody/tr[last()])")
    assert doc.xpath("//a[@rel='prev']/@href") == [canonical]
    assert not doc.xpath("//a[@rel='next']")
    assert doc.xpath("//a[contains(@href, 'format=csv')]/@href") == [canonical + "&format=csv"]
    # a page past the end: empty, says so, no next link
    doc = page(moderator.get(canonical + "&page=9999"))
    assert not entries(doc) and not doc.xpath("//a[@rel='next']")
    assert "Valituilla rajauksilla" in doc.xpath("string(//main)")


def test_the_export_reads_every_chunk_once(moderator, old_entries):
    r = moderator.get("/fi/moderation/log?type=user&from=2001-01-01&to=2001-12-31&format=csv")
    assert r.headers["Content-Disposition"] == \
        'attachment; filename="audit-log-user-from-2001-01-01-to-2001-12-31.csv"'
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"), newline="")))[1:]
    # more than two chunks of 500, each row once, newest first, ties by id (also where a chunk
    # ends inside a tie), and the formula guard on every cell
    assert [row[9] for row in rows] == ["'=rivi %d" % i for i in range(1202, 0, -1)]
    assert [row[0] for row in rows] == sorted((row[0] for row in rows), reverse=True)


@pytest.mark.parametrize("query, param, reason", [
    ("type=gig", "type", "unknown-value"),
    ("type=activity&type=event", "type", "repeated"),
    ("from=31.2.2026", "from", "unknown-value"),
    ("from=2026-03-01&to=2026-02-01", "to", "out-of-range"),
    ("page=0", "page", "out-of-range"),
    ("page=10001", "page", "out-of-range"),
    ("format=xlsx", "format", "unknown-value"),
    ("sort=newest", "sort", "unknown-param"),
])
def test_bad_log_parameters_are_400_naming_them(moderator, query, param, reason):
    r = moderator.get("/fi/moderation/log?" + query)
    assert r.status_code == 400
    doc = page(r)
    assert doc.xpath("//html/@lang") == ["fi"]
    assert param in doc.xpath("string(//main)")


def test_tracking_parameters_are_ignored(moderator):
    assert moderator.get("/fi/moderation/log?utm_source=x&fbclid=y").status_code == 200


def test_csv_export(moderator, app, base_url):
    hostile = "=HYPERLINK(\"http://evil.example\",\"klikkaa\"), \"lainattu\"\nrivi"
    assert app.decide("reject", hostile).status_code == 303
    r = moderator.get("/fi/moderation/log?type=organisation&format=csv")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="audit-log-organisation.csv"'
    assert r.content.startswith(b"\xef\xbb\xbf")
    text = r.content.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Aika", "Tekijä", "Päätös", "Päätöksen koodi", "Kohteen tyyppi",
                       "Kohteen tunniste", "Kohde", "Versio", "Henkilö", "Perustelu"]
    mine = [row for row in rows[1:] if row[5] == str(app.org)]
    assert [(row[2], row[3]) for row in mine] == [("Hylkäsi organisaation", "organisation.reject")]
    # the reason came back whole, as text: quoted, and a leading = made harmless
    assert mine[0][9] == "'" + hostile
    assert all(row[4] == "organisation" for row in rows[1:])
    # every entry, not one page: more than the page's 50 when there are that many
    total = int(run_psql_value("SELECT count(*) FROM audit_log"))
    rows = list(csv.reader(io.StringIO(
        moderator.get("/fi/moderation/log?format=csv").content.decode("utf-8-sig"), newline="")))
    assert len(rows) - 1 == total
    # English headers on the English page
    r = moderator.get("/en/moderation/log?format=csv&from=2000-01-01")
    assert r.content.decode("utf-8-sig").startswith("When,")


def test_the_log_is_for_moderators_only(base_url, app):
    r = app.main.get("/fi/moderation/log?format=csv", allow_redirects=False)
    assert r.status_code == 403 and r.headers["Content-Type"].startswith("text/html")
    r = Person(base_url).get("/fi/moderation/log?format=csv", allow_redirects=False)
    assert r.status_code == 303 and "/fi/login" in r.headers["Location"]
