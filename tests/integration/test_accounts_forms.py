"""Every account form shown again with errors, in fi, sv and en: the page's language, an error
summary linking to each wrong field, each field's message tied with aria-describedby, the typed
values kept (never a password), messages from the right catalog."""
import pathlib

import pytest
from lxml import etree

from kt_accounts import (MODERATOR, Person, clear_throttle, make_org, make_user, page,
                         unique_email)

LANGS = ("fi", "sv", "en")
CATALOG_DIR = pathlib.Path(__file__).resolve().parents[2] / "xslt" / "i18n"
CATALOGS = {
    lang: {m.get("key"): m.text for m in etree.parse(str(CATALOG_DIR / (lang + ".xml"))).iter("msg")}
    for lang in LANGS
}


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


def check_form_errors(resp, lang, form, expected, kept=None, absent=()):
    """expected: {field: error code}; kept: {field: value shown again}; absent: never shown."""
    assert resp.status_code == 400, resp.text[:1000]
    doc = page(resp)
    assert doc.get("lang") == lang
    cat = CATALOGS[lang]
    assert doc.findtext(".//title").startswith(cat["form.title.errors"])
    summary = doc.xpath("//div[contains(@class, 'error-summary')]")
    assert len(summary) == 1 and summary[0].get("role") == "alert"
    links = {a.get("href"): a.text_content().strip() for a in summary[0].xpath(".//a")}
    for field, code in expected.items():
        fid = "%s-%s" % (form, field)
        message = cat["form.error." + code]
        assert links.get("#" + fid) == message, (fid, links)
        control = doc.get_element_by_id(fid)
        assert doc.xpath("//label[@for='%s']" % fid) or field in ("decision",), fid
        described = (control.get("aria-describedby") or "").split()
        if control.tag == "input" and control.get("type") == "radio":
            described = control.xpath("ancestor::fieldset[1]/@aria-describedby")[0].split()
        assert fid + "-error" in described, (fid, described)
        err = doc.get_element_by_id(fid + "-error")
        assert message in err.text_content()
    for field, value in (kept or {}).items():
        control = doc.get_element_by_id("%s-%s" % (form, field))
        shown = control.text if control.tag == "textarea" else control.get("value")
        if control.tag == "select":
            shown = control.xpath("option[@selected]/@value")[0]
        assert shown == value, (field, shown)
    for field in absent:
        control = doc.get_element_by_id("%s-%s" % (form, field))
        assert not control.get("value"), field
    assert "form.error." not in resp.text, "a message key is missing from a catalog"
    return doc


@pytest.mark.parametrize("lang", LANGS)
def test_register_errors(base_url, lang):
    r = Person(base_url).submit("/%s/register" % lang, first_name="Åsa", last_name="",
                                email="åsa@", phone="12", password="salasana1234",
                                terms="")
    check_form_errors(r, lang, "register",
                      {"last_name": "last_name.missing", "email": "email.invalid",
                       "phone": "phone.invalid", "password": "password.common",
                       "terms": "terms.missing"},
                      kept={"first_name": "Åsa", "email": "åsa@", "phone": "12"},
                      absent=["password"])


@pytest.mark.parametrize("lang", LANGS)
def test_login_errors(base_url, lang):
    r = Person(base_url).submit("/%s/login" % lang, email="", password="")
    check_form_errors(r, lang, "login", {"email": "email.missing"})
    r = Person(base_url).submit("/%s/login" % lang, email=unique_email(), password="no such")
    doc = page(r)
    assert r.status_code == 400
    assert CATALOGS[lang]["form.error.login.failed"] in doc.xpath(
        "string(//div[contains(@class, 'error-summary')])")
    assert not doc.xpath("//input[@name='password']/@value")


@pytest.mark.parametrize("lang", LANGS)
def test_reset_errors(base_url, lang):
    r = Person(base_url).submit("/%s/password-reset" % lang, email="not an address")
    check_form_errors(r, lang, "reset", {"email": "email.invalid"},
                      kept={"email": "not an address"})


@pytest.mark.parametrize("lang", LANGS)
def test_new_password_errors(base_url, lang):
    uid, email = make_user(first="Kalle", last="Karhunen")
    p = Person(base_url)
    p.submit("/%s/password-reset" % lang, email=email)
    from kt_accounts import mail_link
    link = mail_link(email, "reset")
    r = p.submit(link, password="Karhunen2026!")
    check_form_errors(r, lang, "newpassword", {"password": "password.personal"},
                      absent=["password"])


@pytest.mark.parametrize("lang", LANGS)
def test_new_organisation_errors(base_url, lang):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email, lang=lang)
    r = p.submit("/%s/manage/organisations/new" % lang, name="Yhdistys <b>ry</b>",
                 type="association", business_id="1234567-8", registry_number="",
                 municipality="999", website="ftp://x", description="Kuvaus\nrivit")
    check_form_errors(r, lang, "organisation",
                      {"business_id": "business_id.checksum",
                       "registry_number": "registry_number.missing",
                       "municipality": "municipality.invalid", "website": "website.invalid"},
                      kept={"name": "Yhdistys <b>ry</b>", "type": "association",
                            "business_id": "1234567-8", "website": "ftp://x",
                            "description": "Kuvaus\nrivit"})
    r = p.submit("/%s/manage/organisations/new" % lang, name="", type="state_agency",
                 business_id="9010007-1", municipality="")
    check_form_errors(r, lang, "organisation",
                      {"name": "name.missing", "type": "type.invalid",
                       "municipality": "municipality.missing"})


def test_taken_business_id(base_url):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    r = p.submit("/fi/manage/organisations/new", name="Kopio", type="foundation",
                 business_id="9010007-1", municipality="091")
    check_form_errors(r, "fi", "organisation", {"business_id": "business_id.taken"},
                      kept={"business_id": "9010007-1"})


@pytest.mark.parametrize("lang", LANGS)
def test_profile_errors(base_url, lang):
    uid, email = make_user()
    org = make_org(uid)
    p = Person(base_url)
    p.sign_in(email, lang=lang)
    r = p.submit("/%s/manage/organisations/%s" % (lang, org), action="save", name="x" * 201,
                 registry_number="12a", municipality="091", website="", description="ok")
    check_form_errors(r, lang, "profile", {"name": "name.too_long",
                                           "registry_number": "registry_number.invalid"},
                      kept={"registry_number": "12a", "municipality": "091",
                            "description": "ok"})


@pytest.mark.parametrize("lang", LANGS)
def test_join_search_errors(base_url, lang):
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email, lang=lang)
    r = p.get("/%s/manage/join" % lang, params={"q": "a"})
    check_form_errors(r, lang, "search", {"q": "q.too_short"}, kept={"q": "a"})


@pytest.mark.parametrize("lang", LANGS)
def test_moderation_decision_errors(base_url, lang):
    uid, _ = make_user()
    org = make_org(uid, status="pending")
    mod = Person(base_url)
    mod.sign_in(MODERATOR, lang=lang)
    path = "/%s/moderation/organisations/%s" % (lang, org)
    r = mod.submit(path, reason="Perustelu ilman päätöstä")
    check_form_errors(r, lang, "decision", {"decision": "decision.missing"},
                      kept={"reason": "Perustelu ilman päätöstä"})


def test_every_page_language_has_its_own_texts(base_url):
    titles = {lang: page(Person(base_url).get("/%s/register" % lang)).findtext(".//h1")
              for lang in LANGS}
    assert len(set(titles.values())) == 3
