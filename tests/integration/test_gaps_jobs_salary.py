"""The jobs' salary note in three languages (a gap of issue 12 item 2; sql/023_jobs_salary.sql,
HACKING.md "Jobs"): the form asks for it in each language's block, the page shows the page's
language or the best other one (said to be in another language), the review compares each
language word by word, and the partner feed carries each with xml:lang.

Demo jobs (sql/demo/040_jobs.sql): 1 has the note in fi, sv and en; 3 in fi and sv."""
import pytest

from feedlib import JOBS, XML_LANG
from kt_accounts import page
from kt_jobs import JOB, JobWorkspace
from kt_listings import errors, field_errors, workspace_fixture

ws = workspace_fixture(JobWorkspace)

NOTE_1 = {"fi": "Vaativuusryhmä 4, noin 2 900 €/kk", "sv": "Kravnivågrupp 4, cirka 2 900 €/mån",
          "en": "Job grade 4, about EUR 2 900 a month"}
LABEL = {"fi": "Palkka tai korvaus", "sv": "Lön eller ersättning", "en": "Salary or benefits"}


def salary_dd(http, lang, jid):
    doc = page(http.get("/%s/jobs/%s" % (lang, jid)))
    dd = doc.xpath("//dt[normalize-space() = '%s']/following-sibling::dd[1]" % LABEL[lang])
    assert dd, "no salary on /%s/jobs/%s" % (lang, jid)
    return dd[0]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_page_shows_the_note_in_its_language(http, lang):
    dd = salary_dd(http, lang, 1)
    assert " ".join(dd.text_content().split()) == NOTE_1[lang]
    assert not dd.xpath(".//*[@lang]")


def test_a_note_missing_in_the_page_language_falls_back_and_says_so(http):
    # job 3: Finnish and Swedish; an English page falls back to Finnish first
    dd = salary_dd(http, "en", 3)
    assert dd.xpath("string(.//span[@lang='fi'])") == "Tuntipalkka 18 €"
    assert "(in Finnish)" in dd.text_content()
    assert " ".join(salary_dd(http, "sv", 3).text_content().split()) == "Timlön 18 €"


def test_the_form_has_a_note_in_each_language_block(ws):
    r = ws.main.get(ws.path())
    doc = page(r)
    for lang in ("fi", "sv", "en"):
        field = doc.xpath("//fieldset[@class='language-texts'][.//input[@name='title_%s']]"
                          "//input[@name='salary_%s']" % (lang, lang))
        assert field and field[0].get("lang") == lang, lang
    assert not doc.xpath("//input[@name='salary']")
    jid = ws.create(title_fi="Ohjaaja", title_sv="Handledare", salary_fi="TVA",
                    salary_sv="Enligt kollektivavtal", salary_en="Collective agreement")
    assert [JOB.version_value(jid, 1, "salary_%s" % l) for l in ("fi", "sv", "en")] == \
        ["TVA", "Enligt kollektivavtal", "Collective agreement"]
    doc = page(ws.main.get(ws.path(jid)))
    assert doc.xpath("//input[@name='salary_sv']/@value") == ["Enligt kollektivavtal"]


def test_each_note_is_checked_on_its_own(ws):
    jid = ws.create(title_fi="Ohjaaja")
    r = ws.edit(jid, salary_sv="x" * 201, salary_en="a\u0085b")
    assert r.status_code == 400
    assert field_errors(r) == {
        "listing-salary_sv": "Virhe: Ruotsinkielinen palkkatieto on liian pitkä: enintään 200 merkkiä.",
        "listing-salary_en": "Virhe: Englanninkielisessä palkkatiedossa on merkki, jota ei voi tallentaa."
                             " Poista se ja kirjoita teksti uudelleen."}, errors(r)


def test_the_review_compares_each_language(ws):
    jid = ws.create(title_fi="Ohjaaja", title_sv="Handledare")
    ws.submit(jid, description_sv="Du handleder språkklubbar.", salary_fi="TVA",
              salary_sv="Enligt avtal")
    ws.decide(jid, "return", reason="Kerro palkka tarkemmin.")
    ws.submit(jid, description_sv="Du handleder språkklubbar.", salary_fi="TVA",
              salary_sv="Enligt avtal, grupp 5")
    doc = page(ws.review(jid))
    section = doc.xpath("//section[@aria-labelledby='review-returned-heading']")[0]
    changed = section.xpath(".//tr[contains(@class, 'changed')]/th")
    assert [th.text.strip() for th in changed] == ["Palkka tai korvaus ruotsiksi"]
    assert [i.text_content() for i in section.xpath(".//ins")] == ["[lisätty: , grupp 5]"]
    assert section.xpath(".//td//*[@lang='sv'][contains(., 'Enligt avtal')]")


def test_the_feed_carries_each_language(http):
    _, doc = JOBS.fetch(http, {"limit": "1000"})
    notes = {}
    for job in doc.iter(JOBS.tag("job")):
        notes[int(job.get("id"))] = {s.get(XML_LANG): s.text
                                     for s in job.iter(JOBS.tag("salary"))}
    assert notes[1] == NOTE_1
    assert notes[3] == {"fi": "Tuntipalkka 18 €", "sv": "Timlön 18 €"}
    assert notes[2] == {}
