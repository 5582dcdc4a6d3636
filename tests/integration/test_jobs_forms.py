"""Jobs meet the forms of issue 14 (items 3-4; HACKING.md "Forms", "Moderation"): the job form
tidies its link, addresses and phone rather than refusing them, and the review marks a job's free
texts (titles, descriptions, the salary note) word by word, against the published version and
against the version that was returned."""
from kt_accounts import page
from kt_jobs import JOB, JobWorkspace
from kt_listings import workspace_fixture


ws = workspace_fixture(JobWorkspace)


def test_links_addresses_and_phone_are_tidied(ws):
    jid = ws.create(title_fi="Siistitty työpaikka")
    ws.submit(jid, apply_url="www.Kaneli.example/hae", apply_email="mailto:Haku@Kaneli.FI",
              contact_email="Maija@KANELI.fi", contact_phone="040.123.4567")
    assert JOB.version_value(jid, 1, "apply_url") == "https://www.kaneli.example/hae"
    assert JOB.version_value(jid, 1, "apply_email") == "Haku@kaneli.fi"
    assert JOB.version_value(jid, 1, "contact_email") == "Maija@kaneli.fi"
    assert JOB.version_value(jid, 1, "contact_phone") == "040 123 4567"
    # the editor shows the tidied value back
    doc = page(ws.main.get(ws.path(jid)))
    assert doc.xpath("//input[@name='apply_url']/@value") == ["https://www.kaneli.example/hae"]


def test_the_review_marks_free_texts_word_by_word(ws):
    jid = ws.create(title_fi="Ohjaaja")
    ws.submit(jid, description_fi="Ohjaat kielikerhoja.", salary_fi="TVA")
    ws.decide(jid, "return", reason="Kerro palkka tarkemmin.")
    ws.submit(jid, description_fi="Ohjaat kielikerhoja ja vapaaehtoisia.",
              salary_fi="TVA, vaativuusluokka 5")
    doc = page(ws.review(jid))
    section = doc.xpath("//section[@aria-labelledby='review-returned-heading']")[0]
    marks = [i.text_content() for i in section.xpath(".//ins")]
    assert marks == ["[lisätty:  ja vapaaehtoisia]", "[lisätty: , vaativuusluokka 5]"]
