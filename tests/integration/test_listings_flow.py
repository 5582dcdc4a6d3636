"""The listings lifecycle through HTTP (issue 5): draft, submit with the listing rules,
approve / return / reject, the edit of a published listing that waits in moderation while the
published version stays public, archiving, confirming, and every decision in the audit log and
the outbox."""

from conftest import run_psql, run_psql_value
from kt_accounts import last_mail, link_in, mails, page
from kt_listings import (COMPLETE, RULES, Workspace, errors, field_errors, form_fields,
                         public_title, rules, version_value, with_fields, workspace_fixture)
import feedlib


ws = workspace_fixture(Workspace)


def audit(lid):
    return run_psql("SELECT action, version::text, reason FROM audit_log"
                    " WHERE object_type = 'activity' AND object_id = :'i' ORDER BY id", i=lid)


def test_a_new_listing_is_a_private_draft(ws, http):
    lid = ws.create(title_fi="Luonnoskerho")
    assert ws.state(lid) == ("draft", None, "1", "2")
    assert http.get("/fi/activities/%s" % lid).status_code == 404
    r = ws.main.get(ws.path(lid) + "?done=saved")
    assert "Tiedot on tallennettu." in r.text
    assert page(r).xpath("//input[@name='title_fi']/@value") == ["Luonnoskerho"]
    # the workspace lists it, for the main user and the other member alike
    for who in (ws.main, ws.member):
        doc = page(who.get("/fi/manage"))
        assert doc.xpath("//a[@href='/fi/manage/activities/%s']" % lid)
    # saving again saves over the same undecided version
    assert ws.edit(lid, title_fi="Luonnoskerho 2").status_code == 303
    assert ws.state(lid) == ("draft", None, "1", "3")
    assert version_value(lid, 1, "title_fi") == "Luonnoskerho 2"


def test_a_draft_needs_a_title_and_keeps_what_was_typed(ws):
    r = ws.main.get(ws.path())
    data = with_fields(form_fields(r), organisation=str(ws.org), action="save",
                       description_sv="Bara en beskrivning", forms=["camp_excursion", "training"],
                       postal_code="123")
    r = ws.post(ws.main, ws.path(), data)
    assert r.status_code == 400
    assert "Kirjoita ilmoitukselle otsikko ainakin yhdellä kielellä." in errors(r)
    assert "Kirjoita postinumero viitenä numerona, esimerkiksi 00100." in errors(r)
    doc = page(r)
    assert doc.xpath("string(//textarea[@name='description_sv'])") == "Bara en beskrivning"
    assert set(doc.xpath("//input[@name='forms'][@checked]/@value")) == {"camp_excursion",
                                                                       "training"}
    assert doc.xpath("//input[@name='postal_code']/@value") == ["123"]
    assert doc.xpath("//input[@name='title_fi']/@aria-invalid") == ["true"]
    assert doc.xpath("//title")[0].text.startswith("Virhe:")
    assert run_psql_value("SELECT count(*) FROM activities WHERE organisation_id = :'o'",
                          o=ws.org) == "0"


def test_submit_asks_for_every_rule_and_the_required_fields(ws):
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, action="submit")
    assert r.status_code == 400
    found = field_errors(r)
    # the volunteering rule is asked of volunteering activities only (issue 14)
    for field in ["forms", "targets", "languages", "municipality", "contact_email",
                  "description_fi"] + ["rule_" + x for x in RULES if x != "volunteering"]:
        assert "listing-" + field in found, (field, found)
    assert "listing-rule_volunteering" not in found
    assert ws.state(lid)[0] == "draft"
    # with everything but one rule
    r = ws.edit(lid, action="submit", extra=rules()[1:], **COMPLETE)
    assert r.status_code == 400
    assert list(field_errors(r)) == ["listing-rule_immigrants"]
    doc = page(r)
    assert doc.xpath("//input[@name='rule_open'][@checked]")       # the ticked ones stay ticked
    assert ws.state(lid)[0] == "draft"


def test_a_single_dated_session_is_refused_as_a_single_event(ws):
    lid = ws.create(title_fi="Juhla")
    fields = dict(COMPLETE, slot_weekday="", slot_start="", slot_end="",
                  session_date="14.3.2099", session_start="18")
    r = ws.edit(lid, action="submit", extra=rules(), **fields)
    assert r.status_code == 400
    # issue 11: the message points to the events, where a single event belongs
    assert field_errors(r) == {"listing-session-1": "Virhe: Yksittäistä tapahtumaa ei voi "
                               "ilmoittaa toimintana. Lisää sarjaan muut tapahtumapäivät tai "
                               "viikoittaiset ajat, tai ilmoita se tapahtumana tai koulutuksena. "
                               "Uusi tapahtuma tai koulutus"}
    assert page(r).xpath("//p[@id='listing-session-1-error']/a/@href") == \
        ["/fi/manage/events/new"]
    # as a draft it can be kept; with a second date it is an event series
    assert ws.edit(lid, **fields).status_code == 303
    r = ws.edit(lid, action="submit", extra=rules() + [("session_date", "21.3.2099"),
                                                       ("session_start", "18"),
                                                       ("session_end", "")], **fields)
    assert r.status_code == 303, errors(r)
    assert run_psql_value("SELECT count(*) FROM activity_sessions WHERE activity_id = :'i'",
                          i=lid) == "2"


def test_submit_approve_publishes_everywhere_and_tells_the_organisation(ws, http, base_url):
    lid = ws.create(title_fi="Hyväksyttävä kerho")
    r = ws.submit(lid, who=ws.member)
    assert r.headers["Location"].endswith("?done=submitted")
    assert ws.state(lid) == ("submitted", None, "1", "3")
    # the rules that apply to it, as confirmed (a language club: not the volunteering one)
    assert run_psql_value("SELECT rules_confirmed::text FROM activity_versions"
                          " WHERE activity_id = :'i'", i=lid) == \
        "{%s}" % ",".join(r for r in RULES if r != "volunteering")
    queue = page(ws.moderator.get("/fi/moderation"))
    assert queue.xpath("//a[@href='/fi/moderation/activities/%s']" % lid)
    assert http.get("/fi/activities/%s" % lid).status_code == 404

    since = run_psql_value("SELECT kt_feed_time(now())")
    ws.decide(lid, "approve")
    assert ws.state(lid) == ("published", "1", "1", "4")
    assert public_title(http, lid) == "Hyväksyttävä kerho"
    _, doc = feedlib.fetch(http, {"updated_since": since})
    assert feedlib.activity(doc, lid) is not None
    r = http.get("/fi/activities", params={"q": "Hyväksyttävä"})
    assert page(r).xpath("//a[@href='/fi/activities/%s']" % lid)
    assert [a[:2] for a in audit(lid)] == [("activity.submit", "1"), ("activity.approve", "1")]
    # the main user and the member who submitted, each in their own language
    fi = last_mail(ws.main_email, "listing_approve")
    sv = last_mail(ws.member_email, "listing_approve")
    assert fi[3] == "fi" and "Hyväksyttävä kerho" in fi[1]
    assert sv[3] == "sv" and sv[1].startswith("Annonsen publicerad")
    assert link_in(sv[2]) == "/sv/manage/activities/%s" % lid
    # a decided listing has no decision form any more; a second decision is a conflict
    r = ws.review(lid)
    assert not page(r).xpath("//input[@name='decision']")
    r = ws.moderator.post("/fi/moderation/activities/%s" % lid,
                          data={"csrf": page(r).xpath("//input[@name='csrf']/@value")[-1],
                                "decision": "reject", "reason": "x"},
                          headers={"Origin": base_url})
    assert r.status_code == 409


def test_return_with_a_reason_then_resubmit_as_a_new_version(ws):
    lid = ws.create(title_fi="Palautettava")
    ws.submit(lid)
    r = ws.decide(lid, "return", reason="", expect=400)
    assert "Kerro organisaatiolle, miksi palautat tai hylkäät ilmoituksen." in errors(r)
    ws.decide(lid, "return", reason="Lisää osoite <b>kiitos</b>.")
    assert ws.state(lid)[0] == "returned"
    body = last_mail(ws.main_email, "listing_return")[2]
    assert "Lisää osoite <b>kiitos</b>." in body
    r = ws.main.get(ws.path(lid))
    assert "Lisää osoite <b>kiitos</b>." in page(r).xpath("string(//section[@class='callout'])")
    # the returned version is history: the correction is version 2, still "returned"
    assert ws.edit(lid, street_address="Kotikatu 1").status_code == 303
    assert ws.state(lid)[:3] == ("returned", None, "2")
    assert version_value(lid, 1, "street_address") is None
    assert version_value(lid, 2, "street_address") == "Kotikatu 1"
    # and saved over while it is being corrected
    assert ws.edit(lid, street_address="Kotikatu 2").status_code == 303
    assert ws.state(lid)[:3] == ("returned", None, "2")
    ws.submit(lid)
    assert ws.state(lid)[:3] == ("submitted", None, "2")
    ws.decide(lid, "approve")
    assert ws.state(lid)[:3] == ("published", "2", "2")
    assert [a[:2] for a in audit(lid)] == [("activity.submit", "1"), ("activity.return", "1"),
                                           ("activity.submit", "2"), ("activity.approve", "2")]


def test_reject_of_a_new_listing_is_final(ws, http):
    lid = ws.create(title_fi="Hylättävä")
    ws.submit(lid)
    ws.decide(lid, "reject", reason="Kaupallinen kurssi.")
    assert ws.state(lid)[0] == "rejected"
    r = ws.main.get(ws.path(lid))
    assert r.status_code == 200
    doc = page(r)
    assert not doc.xpath("//form[contains(@class, 'listing-form')]")      # read-only
    assert "Kaupallinen kurssi." in doc.xpath("string(//section[@class='callout'])")
    assert "Hylättävä" in doc.xpath("string(//table)")
    r = ws.post(ws.main, ws.path(lid), [("csrf", doc.xpath("//input[@name='csrf']/@value")[0]),
                                        ("action", "submit"), ("revision", "9"),
                                        ("title_fi", "Uusi yritys")])
    assert r.status_code == 409
    assert "Uusi yritys" in page(r).xpath("string(//table)")              # their text, shown
    assert http.get("/fi/activities/%s" % lid).status_code == 404
    assert "Kaupallinen kurssi." in last_mail(ws.main_email, "listing_reject")[2]


def test_an_edit_of_a_published_listing_waits_while_the_old_one_stays_public(ws, http):
    lid = ws.publish(title_fi="Alkuperäinen")
    updated = run_psql_value("SELECT updated_at FROM activities WHERE id = :'i'", i=lid)
    assert ws.edit(lid, title_fi="Muutettu", themes=["language"]).status_code == 303
    assert ws.state(lid)[:3] == ("draft", "1", "2")
    assert public_title(http, lid) == "Alkuperäinen"
    assert run_psql_value("SELECT updated_at FROM activities WHERE id = :'i'", i=lid) == updated
    r = ws.member.get("/fi/manage")
    assert "Muutokset odottavat tarkistusta" in r.text
    ws.submit(lid, title_fi="Muutettu")
    assert public_title(http, lid) == "Alkuperäinen"
    # the review shows what changed against the published version
    doc = page(ws.review(lid))
    changed = [" ".join(tr.xpath("th[@scope='row']")[0].itertext())
               for tr in doc.xpath("//table[contains(@class, 'listing-table')]//tr[@class='changed']")]
    assert [c.split(" Muuttunut")[0] for c in changed] == ["Otsikko suomeksi", "Teemat"]
    assert "Alkuperäinen" in doc.xpath("string(//tr[@class='changed'][1]/td[1])")
    assert "Muutettu" in doc.xpath("string(//tr[@class='changed'][1]/td[2])")
    ws.decide(lid, "approve")
    assert public_title(http, lid) == "Muutettu"
    assert ws.state(lid)[:3] == ("published", "2", "2")
    assert run_psql_value("SELECT updated_at > :'u' FROM activities WHERE id = :'i'",
                          i=lid, u=updated) == "t"


def test_a_rejected_edit_leaves_the_published_version_public(ws, http):
    lid = ws.publish(title_fi="Pysyvä")
    ws.submit(lid, title_fi="Hylättävä muutos")
    ws.decide(lid, "reject", reason="Ei sovi.")
    assert ws.state(lid)[:3] == ("rejected", "1", "2")
    assert public_title(http, lid) == "Pysyvä"
    # the organisation may write the edit again: a new version
    assert ws.edit(lid, title_fi="Toinen yritys").status_code == 303
    assert ws.state(lid)[:3] == ("draft", "1", "3")


def test_a_save_on_an_older_revision_is_a_conflict_that_loses_nothing(ws):
    lid = ws.create(title_fi="Yhteinen", description_fi="Alku.")
    r_main = ws.main.get(ws.path(lid))
    r_member = ws.member.get(ws.path(lid))
    data_main = with_fields(form_fields(r_main), action="save", description_fi="Pääkäyttäjän teksti.")
    data_member = with_fields(form_fields(r_member), action="save",
                              description_fi="Jäsenen pitkä ja huolellinen teksti.")
    assert ws.post(ws.main, ws.path(lid), data_main).status_code == 303
    r = ws.post(ws.member, ws.path(lid), data_member)
    assert r.status_code == 409
    doc = page(r)
    table = doc.xpath("string(//table[contains(@class, 'listing-table')])")
    assert "Jäsenen pitkä ja huolellinen teksti." in table and "Pääkäyttäjän teksti." in table
    # the member's text is in the form, made from the current revision
    assert doc.xpath("string(//textarea[@name='description_fi'])") == \
        "Jäsenen pitkä ja huolellinen teksti."
    current = ws.state(lid)[3]
    assert doc.xpath("//input[@name='revision']/@value") == [current]
    assert version_value(lid, 1, "description_fi") == "Pääkäyttäjän teksti."
    # saving that form again is a deliberate overwrite
    r = ws.post(ws.member, ws.path(lid), with_fields(form_fields(r), action="save"))
    assert r.status_code == 303
    assert version_value(lid, 1, "description_fi") == "Jäsenen pitkä ja huolellinen teksti."


def test_a_decision_on_a_listing_changed_meanwhile_is_a_conflict(ws):
    lid = ws.create(title_fi="Kesken")
    ws.submit(lid)
    r = ws.review(lid)
    doc = page(r)
    data = {"csrf": doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0],
            "decision": "approve", "reason": "",
            "version": doc.xpath("//input[@name='version']/@value")[0],
            "revision": doc.xpath("//input[@name='revision']/@value")[0]}
    # the author takes it back to correct something
    assert ws.edit(lid, title_fi="Korjattu").status_code == 303
    assert ws.state(lid)[0] == "draft"
    r = ws.post(ws.moderator, "/fi/moderation/activities/%s" % lid, data)
    assert r.status_code == 409
    ws.submit(lid)
    r = ws.post(ws.moderator, "/fi/moderation/activities/%s" % lid, data)
    assert r.status_code == 409          # the revision it was made from is gone
    ws.decide(lid, "approve")
    assert version_value(lid, 1, "title_fi") == "Korjattu"


def test_archiving_asks_once_more_then_takes_it_off_everywhere(ws, http):
    lid = ws.publish(title_fi="Arkistoitava")
    since = run_psql_value("SELECT kt_feed_time(now())")
    r = ws.edit(lid, action="archive")
    assert r.status_code == 200
    doc = page(r)
    assert doc.xpath("//input[@name='confirm'][@value='yes']")
    assert ws.state(lid)[0] == "published"
    r = ws.post(ws.main, ws.path(lid), {"csrf": doc.xpath("//input[@name='csrf']/@value")[0],
                                        "action": "archive", "confirm": "yes"})
    assert r.status_code == 303 and r.headers["Location"].endswith("?done=archived")
    assert ws.state(lid)[0] == "archived"
    assert http.get("/fi/activities/%s" % lid).status_code == 410
    _, doc = feedlib.fetch(http, {"updated_since": since})
    assert ("d", int(lid)) in [i[:2] for i in feedlib.items(doc)]
    assert audit(lid)[-1][:2] == ("activity.archive", "1")
    r = ws.main.get(ws.path(lid))
    assert not page(r).xpath("//form[contains(@class, 'listing-form')]")
    assert "Organisaatio arkistoi ilmoituksen." in r.text


def test_still_current_is_one_click(ws, base_url):
    lid = ws.publish()
    run_psql("UPDATE activities SET confirmed_at = now() - interval '340 days',"
             " reminded_at = now() - interval '5 days' WHERE id = :'i'", i=lid)
    doc = page(ws.member.get("/fi/manage"))
    form = doc.xpath("//form[@action='/fi/manage/activities/%s']" % lid)[0]
    assert "Vahvista viimeistään" in doc.xpath("string(//tr[.//form[@action='/fi/manage/activities/%s']])" % lid)
    r = ws.member.post("/fi/manage/activities/%s" % lid,
                       data={"csrf": form.xpath(".//input[@name='csrf']/@value")[0],
                             "from": "manage", "action": "confirm"},
                       headers={"Origin": base_url})
    assert r.status_code == 303 and r.headers["Location"] == "/fi/manage?done=confirmed"
    assert run_psql("SELECT confirmed_at > now() - interval '1 minute', reminded_at IS NULL"
                    " FROM activities WHERE id = :'i'", i=lid) == [("t", "t")]
    assert audit(lid)[-1][:2] == ("activity.confirm", "1")
    # a draft cannot be confirmed
    draft = ws.create(title_fi="Luonnos")
    r = ws.edit(draft, action="confirm")
    assert r.status_code == 409


def test_rows_are_added_and_removed_by_buttons(ws):
    lid = ws.create(title_fi="Rivit")
    r = ws.edit(lid, action="add_slot", slot_weekday="1", slot_start="9", slot_end="10")
    assert r.status_code == 200
    doc = page(r)
    assert len(doc.xpath("//select[@name='slot_weekday']")) == 2
    data = with_fields(form_fields(r), slot_weekday=["1", "3"], slot_start=["9", "12"],
                       slot_end=["10", "13"], action="remove_slot_1")
    r = ws.post(ws.main, ws.path(lid), data)
    assert r.status_code == 200
    doc = page(r)
    assert doc.xpath("//select[@name='slot_weekday']/option[@selected]/@value") == ["3"]
    assert doc.xpath("//input[@name='slot_start']/@value") == ["12"]
    assert version_value(lid, 1, "title_fi") == "Rivit"           # nothing saved
    assert run_psql_value("SELECT count(*) FROM activity_schedule WHERE activity_id = :'i'",
                          i=lid) == "0"
    r = ws.post(ws.main, ws.path(lid), with_fields(form_fields(r), action="save"))
    assert r.status_code == 303
    assert run_psql("SELECT weekday::text, to_char(starts, 'HH24:MI'), to_char(ends, 'HH24:MI')"
                    " FROM activity_schedule WHERE activity_id = :'i'", i=lid) == \
        [("3", "12:00", "13:00")]


def test_languages_by_name_or_code(ws):
    lid = ws.create(title_fi="Kielet")
    r = ws.edit(lid, languages=["fin"], languages_other="Tigrinya, amh; so, tigrinja (tir)")
    assert r.status_code == 303, errors(r)
    assert version_value(lid, 1, "languages::text") == "{fin,tir,amh,som}"
    doc = page(ws.main.get(ws.path(lid)))
    assert set(doc.xpath("//input[@name='languages'][@checked]/@value")) == {"fin", "tir", "amh",
                                                                           "som"}
    r = ws.edit(lid, languages_other="klingon")
    assert r.status_code == 400
    assert "listing-languages_other" in field_errors(r)
    assert page(r).xpath("//input[@name='languages_other']/@value") == ["klingon"]


def test_a_rejected_organisation_cannot_write(base_url):
    # one waiting for approval writes drafts (test_forms_pending.py)
    from kt_accounts import Person, make_org, make_user
    uid, email = make_user()
    make_org(uid, status="rejected")
    p = Person(base_url)
    p.sign_in(email)
    r = p.get("/fi/manage/activities/new")
    assert r.status_code == 200
    assert not page(r).xpath("//form[contains(@class, 'listing-form')]")
    assert page(r).xpath("//a[@href='/fi/manage/join']")
    r = p.post("/fi/manage/activities/new", data={"csrf": page(r).xpath(
        "//input[@name='csrf']/@value")[0], "title_fi": "x", "action": "save"},
        headers={"Origin": base_url})
    assert r.status_code == 403


def test_the_page_is_in_the_language_of_the_request(ws):
    lid = ws.create(title_fi="Kerho")
    for lang, heading in (("sv", "Annonsens status"), ("en", "Status of the listing")):
        r = ws.main.get("/%s/manage/activities/%s" % (lang, lid))
        assert r.status_code == 200
        assert page(r).get("lang") == lang
        assert heading in r.text
