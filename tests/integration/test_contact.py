"""The contact form (issue 14, item 1): feedback, accessibility feedback included, reaches
the moderators through the mail outbox and a list in /moderation, where a moderator marks a
message handled.  Throttled per client address (test_accounts_throttle.py), behind CSRF,
checked by the one text validator (test_text_rule.py)."""
import pytest

from kt_accounts import (MODERATOR, Person, clear_throttle, csrf_of, make_user, page,
                         unique_email)


@pytest.fixture(autouse=True)
def _no_throttle(psql):
    clear_throttle()
    yield
    clear_throttle()
    psql("DELETE FROM contact_messages WHERE message LIKE 'TEST %'")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_form_says_what_happens_to_a_message(base_url, lang):
    r = Person(base_url).get("/%s/contact" % lang)
    assert r.status_code == 200
    doc = page(r)
    assert doc.get("lang") == lang
    assert doc.xpath("//select[@name='topic']/option[@value='accessibility']")
    assert doc.xpath("//textarea[@name='message'][@required]")
    assert not doc.xpath("//input[@name='email'][@required]"), "the email is optional"
    assert len(doc.xpath("//main//ul/li")) >= 3, "who reads it, a reply, what is kept"


def test_the_accessibility_statement_can_preselect_its_topic(base_url):
    doc = page(Person(base_url).get("/fi/contact?topic=accessibility"))
    assert doc.xpath("//option[@value='accessibility'][@selected]")


def test_a_message_reaches_every_moderator_and_the_queue(base_url, psql):
    mod_id, mod_email = make_user(moderator=True, lang="sv")
    sender = unique_email("sender")
    p = Person(base_url)
    r = p.submit("/en/contact", topic="accessibility", sender_name="Aada Asiakas",
                 email=sender, message="TEST The search form's\nerror text is not read out.")
    assert r.status_code == 303 and r.headers["Location"] == "/en/contact?done=sent"
    assert page(p.get(r.headers["Location"])).xpath("//p[@role='status']")
    row = psql("SELECT id, lang, topic, name, email, user_id FROM contact_messages"
               " WHERE message LIKE 'TEST The search form%'")
    assert row and row[0][1:] == ("en", "accessibility", "Aada Asiakas", sender, None)
    mid = row[0][0]
    # mailed to the moderators, each in their own language; nothing to the sender
    mail = psql("SELECT subject, body, lang FROM mail_outbox WHERE kind = 'contact'"
                " AND recipient = :'r' ORDER BY id DESC LIMIT 1", r=mod_email)
    assert mail and mail[0][2] == "sv" and "Respons om tillgänglighet" in mail[0][0]
    assert "not read out" in mail[0][1] and "/sv/moderation/contact/%s" % mid in mail[0][1]
    assert psql("SELECT count(*) FROM mail_outbox WHERE recipient = :'s'", s=sender) == [("0",)]
    # listed in /moderation, marked handled by a moderator
    mod = Person(base_url)
    mod.sign_in(MODERATOR)
    queue = page(mod.get("/fi/moderation"))
    assert queue.xpath("//a[@href='/fi/moderation/contact/%s']" % mid)
    one = mod.get("/fi/moderation/contact/%s" % mid)
    assert one.status_code == 200 and "not read out" in one.text
    r = mod.submit("/fi/moderation/contact/%s" % mid, action="handled")
    assert r.status_code == 303 and r.headers["Location"] == "/fi/moderation?done=contact_handled"
    assert not page(mod.get("/fi/moderation")).xpath(
        "//a[@href='/fi/moderation/contact/%s']" % mid)
    assert psql("SELECT handled_by::text FROM contact_messages WHERE id = :'i'", i=mid) == [
        (psql("SELECT id::text FROM users WHERE email = :'e'", e=MODERATOR)[0][0],)]
    # handled is handled
    assert mod.submit("/fi/moderation/contact/%s" % mid, action="handled").status_code == 409
    assert psql("SELECT action FROM audit_log WHERE object_type = 'contact'"
                " AND object_id = :'i'", i=mid) == [("contact.handled",)]
    psql("UPDATE users SET is_moderator = false WHERE id = :'u'", u=mod_id)


def test_only_moderators_read_messages(base_url, psql):
    mid = psql("INSERT INTO contact_messages (lang, topic, message) VALUES"
               " ('fi', 'general', 'TEST salainen') RETURNING id")[0][0]
    path = "/fi/moderation/contact/%s" % mid
    assert Person(base_url).get(path).status_code == 303
    uid, email = make_user()
    p = Person(base_url)
    p.sign_in(email)
    assert p.get(path).status_code == 403
    r = p.post(path, data={"csrf": csrf_of(p.get("/fi/manage")), "action": "handled"},
               headers={"Origin": base_url})
    assert r.status_code == 403
    assert psql("SELECT handled_at FROM contact_messages WHERE id = :'i'", i=mid) == [(None,)]
    mod = Person(base_url)
    mod.sign_in(MODERATOR)
    assert mod.get("/fi/moderation/contact/999999999").status_code == 404
    assert mod.get("/fi/moderation/contact/abc").status_code == 404


def test_the_form_needs_its_token_and_checks_what_it_gets(base_url, psql):
    p = Person(base_url)
    r = p.post("/fi/contact", data={"topic": "general", "message": "TEST ilman tokenia"},
               headers={"Origin": base_url})
    assert r.status_code == 403
    r = p.submit("/fi/contact", topic="nope", message="", email="ei-osoite",
                 sender_name="x" * 201)
    assert r.status_code == 400
    bad = {e.get("name") for e in page(r).xpath("//*[@aria-invalid='true']")}
    assert bad == {"topic", "message", "email", "sender_name"}
    assert psql("SELECT count(*) FROM contact_messages WHERE message LIKE 'TEST ilman%'") == [
        ("0",)]


def test_a_signed_in_sender_is_remembered(base_url, psql):
    uid, email = make_user(first="Kirsi", last="Kirjautunut")
    p = Person(base_url)
    p.sign_in(email)
    doc = page(p.get("/fi/contact"))
    assert doc.xpath("//input[@name='email']/@value") == [email]
    r = p.submit("/fi/contact", topic="account", sender_name="Kirsi", email=email,
                 message="TEST kirjautuneen viesti")
    assert r.status_code == 303
    assert psql("SELECT user_id::text FROM contact_messages WHERE message = 'TEST kirjautuneen"
                " viesti'") == [(uid,)]
