"""Smoother forms (issue 14, item 3) through HTTP: tolerant input tidied and shown back, the
registry number asked of registered associations only, fields needed to publish marked as such,
row buttons that come back to the row they added or to the next one, and the listing rules
remembered for a resubmission and asked only where they apply."""
import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, business_id, make_user, page
from kt_events import EventWorkspace
from kt_listings import (COMPLETE, RULES, Workspace, errors, field_errors, form_fields, rules,
                         with_fields)


@pytest.fixture
def ws(base_url):
    w = Workspace(base_url)
    yield w
    w.cleanup()


@pytest.fixture
def ews(base_url):
    w = EventWorkspace(base_url)
    yield w
    w.cleanup()


def signed_in(base_url, email=None):
    _, email = make_user(email=email)
    p = Person(base_url)
    p.sign_in(email)
    return p


def value(doc, name):
    return doc.xpath("//*[@name='%s']/@value" % name)


# ---- tolerant input ---------------------------------------------------------------------

def test_business_id_and_website_are_tidied_not_refused(base_url):
    p = signed_in(base_url)
    bid = business_id()
    digits = bid.replace("-", "")
    r = p.submit("/fi/manage/organisations/new", name="Kanelin kerho ry", type="association",
                 business_id="%s %s" % (digits[:4], digits[4:]), registry_number="123.456",
                 municipality="091", website="www.Kaneli.example/kerho", description="")
    assert r.status_code == 303, r.text[:3000]
    oid = r.headers["Location"].split("/")[-1].split("?")[0]
    assert run_psql("SELECT business_id, website FROM organisations WHERE id = :'o'", o=oid) == \
        [(bid, "https://www.kaneli.example/kerho")]
    # shown back in the form: a form with another error keeps the tidied values
    r = p.submit("/fi/manage/organisations/new", name="", type="foundation",
                 business_id="FI" + business_id().replace("-", ""), registry_number="",
                 municipality="091", website="kaneli.example", description="")
    assert r.status_code == 400
    doc = page(r)
    assert value(doc, "website") == ["https://kaneli.example"]
    shown = value(doc, "business_id")[0]
    assert len(shown) == 9 and shown[7] == "-", shown
    assert list(field_errors(r)) == ["organisation-name"]


def test_what_cannot_be_tidied_is_refused_as_typed(base_url):
    p = signed_in(base_url)
    r = p.submit("/fi/manage/organisations/new", name="Virheyhdistys ry", type="association",
                 business_id="1234567-8", registry_number="123.456", municipality="091",
                 website="ftp://kaneli.example", description="")
    assert r.status_code == 400
    errs = field_errors(r)
    assert "organisation-business_id" in errs and "organisation-website" in errs
    doc = page(r)
    assert value(doc, "website") == ["ftp://kaneli.example"]
    # eight digits are tidied into the right shape; the check digit is still checked
    r = p.submit("/fi/manage/organisations/new", name="Virheyhdistys ry", type="association",
                 business_id="12345678", registry_number="123.456", municipality="091",
                 website="", description="")
    assert value(page(r), "business_id") == ["1234567-8"]
    assert "tarkistusmerkki" in field_errors(r)["organisation-business_id"]


def test_listing_contact_details_are_tidied_and_shown_back(ws):
    lid = ws.create(title_fi="Siisti kerho", contact_email="Kerho@Kaneli.EXAMPLE",
                    contact_phone="040\u00a0123  4567", url="www.kaneli.example")
    assert run_psql("SELECT contact_email, contact_phone, url FROM activity_versions"
                    " WHERE activity_id = :'i'", i=lid) == \
        [("Kerho@kaneli.example", "040 123 4567", "https://www.kaneli.example")]
    doc = page(ws.main.get(ws.path(lid)))
    assert value(doc, "contact_email") == ["Kerho@kaneli.example"]
    assert value(doc, "url") == ["https://www.kaneli.example"]
    # a form shown again with an error shows the tidied values too
    r = ws.edit(lid, action="save", postal_code="12", contact_phone="09/310.1234",
                url="Kaneli.example/Sivu")
    assert r.status_code == 400
    doc = page(r)
    assert value(doc, "contact_phone") == ["09 310 1234"]
    assert value(doc, "url") == ["https://kaneli.example/Sivu"]


def test_event_addresses_are_tidied(ews):
    eid = ews.create(title_fi="Webinaari", online_url="kaneli.example/live",
                     registration_url="WWW.kaneli.example/ilmo", contact_email="mailto:Info@KANELI.example")
    assert run_psql("SELECT online_url, registration_url, contact_email FROM event_versions"
                    " WHERE event_id = :'i'", i=eid) == \
        [("https://kaneli.example/live", "https://www.kaneli.example/ilmo", "Info@kaneli.example")]


# ---- the registry number ------------------------------------------------------------------

def test_registry_number_is_required_for_associations_only(base_url):
    p = signed_in(base_url)
    doc = page(p.get("/fi/manage/organisations/new"))
    label = " ".join(doc.xpath("string(//label[@for='organisation-registry_number'])").split())
    assert label == "Yhdistysrekisterinumero (pakollinen rekisteröidyille yhdistyksille)"
    assert "vapaaehtoinen" not in label
    r = p.submit("/fi/manage/organisations/new", name="Yhdistys ilman numeroa ry",
                 type="association", business_id=business_id(), registry_number="",
                 municipality="091", website="", description="")
    assert r.status_code == 400
    assert list(field_errors(r)) == ["organisation-registry_number"]
    # a foundation is not asked for it: not checked, not kept
    r = p.submit("/fi/manage/organisations/new", name="Säätiö", type="foundation",
                 business_id=business_id(), registry_number="sr. 1234 (säätiö)",
                 municipality="091", website="", description="")
    assert r.status_code == 303, field_errors(r)
    oid = r.headers["Location"].split("/")[-1].split("?")[0]
    assert run_psql_value("SELECT registry_number FROM organisations WHERE id = :'o'",
                          o=oid) is None
    for lang, words in (("sv", "obligatoriskt för registrerade föreningar"),
                        ("en", "required for registered associations")):
        doc = page(p.get("/%s/manage/organisations/new" % lang))
        assert words in doc.xpath("string(//label[@for='organisation-registry_number'])")


# ---- needed to publish ------------------------------------------------------------------------

def labels(doc):
    """{field id: label text} of the listing form, legends of groups included."""
    out = {}
    for el in doc.xpath("//form[contains(@class, 'listing-form')]//label[@for]"):
        out[el.get("for")] = " ".join(el.text_content().split())
    for fs in doc.xpath("//form[contains(@class, 'listing-form')]//fieldset[.//input[@id]]"):
        first = fs.xpath(".//input[@id]/@id")[0]
        legend = fs.xpath("legend")
        if legend:
            out.setdefault("legend:" + first, " ".join(legend[0].text_content().split()))
    return out


def test_the_form_says_what_publishing_needs(ws):
    doc = page(ws.main.get(ws.path()))
    text = " ".join(doc.xpath("string(//form[contains(@class, 'listing-form')]/p[@class='hint'])")
                    .split())
    assert "otsikko yhdellä kielellä" in text and "tarvitaan julkaisuun" in text
    found = labels(doc)
    for group in ("legend:listing-forms", "legend:listing-targets", "legend:listing-languages"):
        assert found[group].endswith("(tarvitaan julkaisuun)"), found[group]
    # parts of a group whose note says what is needed: no marker
    for field in ("listing-title_fi", "listing-description_fi", "listing-municipality",
                  "listing-contact_email", "listing-contact_phone", "listing-url"):
        assert "(" not in found[field], (field, found[field])
    # truly optional ones, and a condition said as such
    assert found["listing-street_address"].endswith("(vapaaehtoinen)")
    assert found["legend:listing-themes"].endswith("(vapaaehtoinen)")
    assert found["listing-price_amount"].endswith("(tarvitaan, jos osallistuminen maksaa)")
    markers = doc.xpath("//form[contains(@class, 'listing-form')]//span[@class='publish-marker']")
    assert len(markers) == 3
    # a draft needs a title only; submitting then names what publishing needs
    lid = ws.create(title_fi="Pelkkä otsikko")
    r = ws.edit(lid, action="submit", extra=rules())
    assert r.status_code == 400
    assert set(field_errors(r)) == {"listing-forms", "listing-targets", "listing-languages",
                                    "listing-municipality", "listing-contact_email",
                                    "listing-description_fi"}


def test_the_event_form_marks_what_publishing_needs(ews):
    doc = page(ews.main.get(ews.path()))
    found = labels(doc)
    for field in ("listing-start_date", "listing-start_time", "listing-end_time"):
        assert found[field].endswith("(tarvitaan julkaisuun)"), found[field]
    assert found["legend:listing-audiences"].endswith("(tarvitaan julkaisuun)")
    assert "(" not in found["listing-registration_url"]
    assert found["listing-end_date"].endswith("(vapaaehtoinen)")
    for lang, marker in (("sv", "(behövs för publicering)"), ("en", "(needed to publish)")):
        doc = page(ews.main.get("/%s/manage/events/new" % lang))
        assert labels(doc)["listing-start_date"].endswith(marker)


# ---- rows -------------------------------------------------------------------------------------

def row_ids(doc, kind):
    return doc.xpath("//fieldset[starts-with(@id, '%s-')]/@id" % kind)


def test_add_a_row_comes_back_to_the_new_row_with_the_typed_values(ws):
    lid = ws.create(title_fi="Rivikerho", slot_weekday="2", slot_start="17", slot_end="19")
    doc = page(ws.main.get(ws.path(lid)))
    # the button posts to the page's own address with the new row's fragment
    assert row_ids(doc, "slot") == ["slot-1"]
    assert doc.xpath("//button[@value='add_slot']/@formaction") == [ws.path(lid) + "#slot-2"]
    assert doc.xpath("//button[@value='add_session']/@formaction") == [ws.path(lid) + "#session-2"]
    assert not doc.xpath("//*[@autofocus]")
    data = with_fields(form_fields(ws.main.get(ws.path(lid))), action="add_slot",
                       title_fi="Rivikerho, muokattu")
    r = ws.post(ws.main, ws.path(lid), data)
    assert r.status_code == 200
    doc = page(r)
    assert value(doc, "title_fi") == ["Rivikerho, muokattu"]          # typed values kept
    assert row_ids(doc, "slot") == ["slot-1", "slot-2"]
    # the new row's first field has the focus, and it alone
    assert doc.xpath("//*[@autofocus]/@id") == ["listing-slot-2"]
    assert doc.xpath("//fieldset[@id='slot-2']//select/@autofocus")
    # an empty row stays where it was when another is added
    r = ws.post(ws.main, ws.path(lid), with_fields(form_fields(r), action="add_slot"))
    doc = page(r)
    assert row_ids(doc, "slot") == ["slot-1", "slot-2", "slot-3"]
    assert doc.xpath("//*[@autofocus]/@id") == ["listing-slot-3"]
    # nothing saved
    assert run_psql_value("SELECT title_fi FROM activity_versions WHERE activity_id = :'i'",
                          i=lid) == "Rivikerho"


def test_remove_a_row_comes_back_to_the_next_row(ws):
    lid = ws.create(title_fi="Poistokerho")
    data = with_fields(form_fields(ws.main.get(ws.path(lid))),
                       session_date=["1.2.2099", "8.2.2099", "15.2.2099"],
                       session_start=["10", "11", "12"], session_end=["", "", ""])
    assert ws.post(ws.main, ws.path(lid), with_fields(data, action="save")).status_code == 303
    doc = page(ws.main.get(ws.path(lid)))
    removes = doc.xpath("//button[starts-with(@value, 'remove_session_')]")
    assert [(b.get("value"), b.get("formaction").split("#")[1]) for b in removes] == \
        [("remove_session_1", "session-1"), ("remove_session_2", "session-2"),
         ("remove_session_3", "session-2")]
    r = ws.post(ws.main, ws.path(lid), with_fields(form_fields(ws.main.get(ws.path(lid))),
                                                   action="remove_session_2"))
    assert r.status_code == 200
    doc = page(r)
    assert value(doc, "session_date") == ["1.2.2099", "15.2.2099"]
    # the row that took the removed one's place has the focus
    assert doc.xpath("//*[@autofocus]/@id") == ["listing-session-2"]
    # the last one removed: the one before it
    r = ws.post(ws.main, ws.path(lid), with_fields(form_fields(ws.main.get(ws.path(lid))),
                                                   action="remove_session_3"))
    assert page(r).xpath("//*[@autofocus]/@id") == ["listing-session-2"]


def test_enter_in_a_field_saves_instead_of_removing_a_row(ws):
    lid = ws.create(title_fi="Enter-kerho")
    doc = page(ws.main.get(ws.path(lid)))
    first = doc.xpath("//form[contains(@class, 'listing-form')]//button[@type='submit']")[0]
    assert (first.get("name"), first.get("value")) == ("action", "save")
    assert first.get("tabindex") == "-1" and first.get("aria-hidden") == "true"


# ---- the rules ------------------------------------------------------------------------------

def rule_boxes(doc):
    return doc.xpath("//input[starts-with(@name, 'rule_')]/@name")


def ticked(doc):
    return doc.xpath("//input[starts-with(@name, 'rule_')][@checked]/@name")


def test_the_volunteering_rule_only_for_volunteering_activities(ws):
    lid = ws.create(title_fi="Kerho ilman vapaaehtoistyötä")
    assert "rule_volunteering" not in rule_boxes(page(ws.main.get(ws.path(lid))))
    fields = dict(COMPLETE)
    # submitted without the volunteering box: fine for a language club
    extra = [r for r in rules() if r[0] != "rule_volunteering"]
    r = ws.edit(lid, action="submit", extra=extra, **fields)
    assert r.status_code == 303, errors(r)
    confirmed = run_psql_value("SELECT array_to_string(rules_confirmed, ',') FROM activity_versions"
                               " WHERE activity_id = :'i'", i=lid)
    assert confirmed.split(",") == [x for x in RULES if x != "volunteering"]
    # an activity whose form is volunteering is asked it, and needs it
    vid = ws.create(title_fi="Vapaaehtoiseksi", forms="volunteering")
    doc = page(ws.main.get(ws.path(vid)))
    assert "rule_volunteering" in rule_boxes(doc)
    r = ws.edit(vid, action="submit", extra=extra, **dict(fields, forms="volunteering"))
    assert r.status_code == 400
    assert list(field_errors(r)) == ["listing-rule_volunteering"]
    r = ws.edit(vid, action="submit", extra=rules(), **dict(fields, forms="volunteering"))
    assert r.status_code == 303
    # the moderator sees the rules that apply, each confirmed
    doc = page(ws.review(vid))
    assert len(doc.xpath("//ul[@class='rules-list']/li")) == 8
    assert not doc.xpath("//ul[@class='rules-list']/li[contains(., 'ei vahvistettu')]")
    doc = page(ws.review(lid))
    assert len(doc.xpath("//ul[@class='rules-list']/li")) == 7


def test_rules_are_remembered_for_a_resubmission(ws):
    lid = ws.create(title_fi="Palautettava kerho")
    ws.submit(lid)
    ws.decide(lid, "return", reason="Kerro kellonajat tarkemmin.")
    doc = page(ws.main.get(ws.path(lid)))
    assert sorted(ticked(doc)) == sorted("rule_" + r for r in RULES if r != "volunteering")
    # corrected and saved (a new version, the returned one stays as it was): still ticked
    assert ws.edit(lid, title_fi="Palautettava kerho, korjattu").status_code == 303
    assert ws.state(lid)[2] == "2"
    doc = page(ws.main.get(ws.path(lid)))
    assert len(ticked(doc)) == 7
    # submitted again as the form has it, without ticking anything anew
    r = ws.edit(lid, action="submit")
    assert r.status_code == 303, errors(r)
    assert run_psql_value("SELECT array_length(rules_confirmed, 1) FROM activity_versions"
                          " WHERE activity_id = :'i' AND version = 2", i=lid) == "7"
    # each version keeps what was confirmed with it
    assert run_psql_value("SELECT array_length(rules_confirmed, 1) FROM activity_versions"
                          " WHERE activity_id = :'i' AND version = 1", i=lid) == "7"


def test_event_rules_are_remembered_too(ews):
    eid = ews.create(title_fi="Palautettava seminaari")
    ews.submit(eid)
    ews.decide(eid, "return", reason="Lisää ohjelma.")
    doc = page(ews.main.get(ews.path(eid)))
    assert sorted(ticked(doc)) == ["rule_equality", "rule_event_organiser", "rule_event_relevant"]
