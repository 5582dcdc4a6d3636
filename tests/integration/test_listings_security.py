"""Who may do what to a listing (QUALITY.md, "Authorization checked on every object"), and
hostile input in every field of the editor: stored exactly or refused with a message, always
shown as text."""
import pytest

from conftest import run_psql, run_psql_value
from kt_accounts import Person, csrf_of, make_org, make_user, page
from kt_listings import (COMPLETE, Workspace, errors, field_errors, form_fields, rules,
                         version_value, with_fields, workspace_fixture)


ws = workspace_fixture(Workspace)


def outsider(base_url, moderator=False):
    """Signed in, active main user of an organisation of their own (not the listing's)."""
    uid, email = make_user(moderator=moderator)
    make_org(uid)
    p = Person(base_url)
    p.sign_in(email)
    return p


# ---- who may ------------------------------------------------------------------------------------

def test_anonymous_visitors_are_sent_to_sign_in(ws, base_url):
    lid = ws.create(title_fi="Kerho")
    anon = Person(base_url)
    for path in ("/fi/manage/activities/new", "/fi/manage/activities/%s" % lid,
                 "/fi/moderation/activities/%s" % lid):
        r = anon.get(path)
        assert r.status_code == 303 and r.headers["Location"].startswith("/fi/login?next=")
        # a POST goes the same way, before its body is even read
        r = anon.post(path, data={"action": "save", "title_fi": "x"},
                      headers={"Origin": base_url})
        assert r.status_code == 303
    assert version_value(lid, 1, "title_fi") == "Kerho"


def test_another_organisation_reaches_nothing(ws, base_url):
    lid = ws.publish(title_fi="Oma")
    other = outsider(base_url)
    path = "/fi/manage/activities/%s" % lid
    assert other.get(path).status_code == 404
    token = csrf_of(other.get("/fi/manage/activities/new"))
    for action in ("save", "submit", "archive", "confirm", "add_slot"):
        r = other.post(path, headers={"Origin": base_url},
                       data={"csrf": token, "action": action, "confirm": "yes",
                             "title_fi": "Kaapattu", "revision": ws.state(lid)[3]})
        assert r.status_code == 404, action
    # nor may a new listing name their organisation
    r = other.post("/fi/manage/activities/new", headers={"Origin": base_url},
                   data={"csrf": token, "action": "save", "title_fi": "Kaapattu",
                         "organisation": str(ws.org)})
    assert r.status_code == 400
    assert "listing-organisation" in field_errors(r)
    assert ws.state(lid)[0] == "published"
    assert version_value(lid, 1, "title_fi") == "Oma"
    assert run_psql_value("SELECT count(*) FROM activity_versions WHERE title_fi = 'Kaapattu'") == "0"


def test_a_moderator_moderates_but_does_not_edit(ws, base_url):
    lid = ws.create(title_fi="Kerho")
    ws.submit(lid)
    assert ws.moderator.get("/fi/manage/activities/%s" % lid).status_code == 404
    assert ws.review(lid).status_code == 200


def test_members_may_not_moderate(ws, base_url):
    lid = ws.create(title_fi="Oma kerho")
    ws.submit(lid)
    for who in (ws.main, ws.member, outsider(base_url)):
        r = who.get("/fi/moderation/activities/%s" % lid)
        assert r.status_code == 403
        r = who.post("/fi/moderation/activities/%s" % lid, headers={"Origin": base_url},
                     data={"csrf": csrf_of(who.get("/fi/manage/activities/new")),
                           "decision": "approve", "version": "1",
                           "revision": ws.state(lid)[3]})
        assert r.status_code == 403
    assert ws.state(lid)[0] == "submitted"


def test_a_member_who_left_loses_the_listing(ws, base_url):
    lid = ws.create(title_fi="Kerho", who=ws.member)
    run_psql("DELETE FROM memberships WHERE user_id = :'u'", u=ws.member_id)
    assert ws.member.get("/fi/manage/activities/%s" % lid).status_code == 404


@pytest.mark.parametrize("ident", ["999999999", "abc", "0", "-1", "1.0", "%2e%2e"])
def test_unknown_listings_are_404(ws, ident):
    assert ws.main.get("/fi/manage/activities/%s" % ident).status_code == 404
    assert ws.moderator.get("/fi/moderation/activities/%s" % ident).status_code == 404


def test_an_unknown_action_is_400(ws):
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, action="delete_everything")
    assert r.status_code == 400
    r = ws.edit(lid, action="remove_slot_99999999999999999999")
    assert r.status_code == 200           # a row that is not there: the form again


def test_a_decision_needs_a_known_choice(ws):
    lid = ws.create(title_fi="Kerho")
    ws.submit(lid)
    r = ws.decide(lid, "maybe", expect=400)
    assert "listing-decision" not in field_errors(r)
    assert "decision-decision" in field_errors(r)


# ---- hostile input -----------------------------------------------------------------------------

EVIL = '<script>alert("x")</script><b onmouseover=alert(1)>&amp;</b>'
TEXTS = ["title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en",
         "accessibility_fi", "accessibility_sv", "accessibility_en", "street_address",
         "post_office", "contact_name"]


def test_markup_in_every_field_is_stored_exactly_and_shown_as_text(ws, http):
    fields = dict(COMPLETE, **{f: EVIL + f for f in TEXTS})
    lid = ws.create(**{"title_fi": "x"})
    ws.submit(lid, **fields)
    for f in TEXTS:
        assert version_value(lid, 1, f) == EVIL + f, f
    ws.decide(lid, "approve")
    for r in (ws.main.get(ws.path(lid)), ws.review(lid), http.get("/fi/activities/%s" % lid),
              http.get("/sv/activities/%s" % lid)):
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<b onmouseover" not in r.text
        assert "&lt;script&gt;alert" in r.text
    doc = page(ws.main.get(ws.path(lid)))
    assert doc.xpath("//input[@name='title_sv']/@value") == [EVIL + "title_sv"]
    assert doc.xpath("string(//textarea[@name='description_en'])") == EVIL + "description_en"


def test_right_to_left_text_and_emoji_are_kept(ws, http):
    rtl = "نادي اللغة الفنلندية \u202e للنساء 👩‍👩‍👧 🇫🇮"
    lid = ws.create(title_fi=rtl, description_en="Emoji 😀 and \u05e2\u05d1\u05e8\u05d9\u05ea")
    assert version_value(lid, 1, "title_fi") == rtl
    doc = page(ws.main.get(ws.path(lid)))
    assert doc.xpath("//input[@name='title_fi']/@value") == [rtl]


def test_100000_characters_are_refused_with_the_text_kept(ws):
    lid = ws.create(title_fi="Kerho")
    huge = "ä" * 100000
    r = ws.edit(lid, description_fi=huge, title_sv="x" * 100000)
    assert r.status_code == 400
    found = field_errors(r)
    assert "5 000" in found["listing-description_fi"]
    assert "200" in found["listing-title_sv"]
    doc = page(r)
    assert doc.xpath("string(//textarea[@name='description_fi'])") == huge
    assert version_value(lid, 1, "description_fi") is None


def test_a_too_long_body_is_413(ws, base_url):
    lid = ws.create(title_fi="Kerho")
    token = csrf_of(ws.main.get(ws.path(lid)))
    body = "csrf=%s&action=save&title_fi=x&description_fi=%s" % (token, "%F0%9F%98%80" * 100000)
    r = ws.main.post(ws.path(lid), data=body, headers={
        "Origin": base_url, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert "<html" in r.text


@pytest.mark.parametrize("raw", ["title_fi=%FF%FE", "title_fi=a%00b", "title_fi=%zz",
                                 "title_fi=a&%C3%28=1"])
def test_broken_bodies_are_400(ws, base_url, raw):
    lid = ws.create(title_fi="Kerho")
    token = csrf_of(ws.main.get(ws.path(lid)))
    r = ws.main.post(ws.path(lid), data="csrf=%s&action=save&%s" % (token, raw), headers={
        "Origin": base_url, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400
    assert version_value(lid, 1, "title_fi") == "Kerho"


def test_control_characters_in_one_line_fields_are_refused(ws):
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, title_fi="a\tb", contact_name="x\x07y", street_address="1\n2")
    assert r.status_code == 400
    assert {"listing-title_fi", "listing-contact_name", "listing-street_address"} <= \
        set(field_errors(r))


def test_too_many_fields_is_413(ws, base_url):
    lid = ws.create(title_fi="Kerho")
    token = csrf_of(ws.main.get(ws.path(lid)))
    body = "csrf=%s&action=save&title_fi=x&" % token + "&".join("forms=f%d" % i for i in range(700))
    r = ws.main.post(ws.path(lid), data=body, headers={
        "Origin": base_url, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_codes_not_in_the_vocabularies_are_refused(ws):
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, forms=["language_club", "'; DROP TABLE activities; --"],
                themes=["nope"], targets=["x" * 300], municipality="abc", project="123456789")
    assert r.status_code == 400
    assert {"listing-forms", "listing-themes", "listing-targets", "listing-municipality",
            "listing-project"} <= set(field_errors(r))
    assert run_psql_value("SELECT count(*) FROM activities") != "0"


def test_another_organisations_project_is_refused(ws, base_url):
    other_uid, _ = make_user()
    other_org = make_org(other_uid)
    pid = run_psql_value("INSERT INTO projects (organisation_id, name) VALUES (:'o', 'Vieras')"
                         " RETURNING id", o=other_org)
    lid = ws.create(title_fi="Kerho")
    r = ws.edit(lid, project=pid)
    assert r.status_code == 400
    assert "listing-project" in field_errors(r)
