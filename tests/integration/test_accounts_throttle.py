"""Throttles that hold (issue 10, items 3, 4, 5): counted in one statement before the
password is checked or the mail is written, keyed on what the account lookup uses, per
client address and per target address, answered with the site's own 429 page in the
visitor's language and Retry-After."""
import concurrent.futures

import pytest

from kt_accounts import (PASSWORD, Person, clear_throttle, csrf_of, mails, make_user, page,
                         unique_email)


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


def prepared(base_url, path="/fi/login"):
    """A visitor with the form's token, ready to post."""
    p = Person(base_url)
    return p, csrf_of(p.get(path))


def assert_429(r, lang="fi"):
    assert r.status_code == 429, (r.status_code, r.text[:500])
    assert 0 < int(r.headers["Retry-After"]) <= 3600
    doc = page(r)
    assert doc.get("lang") == lang
    assert doc.xpath("//main//h1"), "the site's own page, not httpd's"


# ---- 3. counted before the password is judged ------------------------------------------

def test_parallel_wrong_guesses_judge_at_most_five(base_url, psql):
    uid, email = make_user()
    visitors = [prepared(base_url) for _ in range(20)]

    def guess(i):
        p, token = visitors[i]
        # 20 bcrypt checks queue behind each other on a slow (sanitizer) build: a
        # longer wait than the suite's usual 15 s, the answers are what is tested
        return p.post("/fi/login", headers={"Origin": base_url}, timeout=90,
                      data={"csrf": token, "email": email, "password": "wrong guess %d" % i})

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        answers = [r.status_code for r in pool.map(guess, range(20))]
    judged = answers.count(400)
    assert judged <= 5, answers
    assert answers.count(429) == 20 - judged, answers
    # locked means locked: the right password waits too
    p, token = prepared(base_url)
    r = p.post("/fi/login", headers={"Origin": base_url},
               data={"csrf": token, "email": email, "password": PASSWORD})
    assert_429(r)
    assert int(psql("SELECT failures FROM login_throttle WHERE kind = 'account'"
                    " AND key = lower(:'e')", e=email)[0][0]) <= 5


def test_a_right_password_still_signs_in_after_a_few_wrong_ones(base_url):
    uid, email = make_user()
    p = Person(base_url)
    for i in range(4):
        assert p.submit("/fi/login", email=email, password="wrong %d" % i).status_code == 400
    p.sign_in(email)


# ---- 4. the throttle's key is the lookup's ---------------------------------------------

@pytest.mark.parametrize("spelling", [
    lambda e: "\u212a" + e[1:],          # KELVIN SIGN: lower() makes it "k"
    lambda e: e.upper(),
], ids=["kelvin-sign", "upper-case"])
def test_another_spelling_of_the_address_counts_for_the_same_account(base_url, spelling):
    uid, email = make_user(email=unique_email("kelvin"))
    p = Person(base_url)
    for i in range(5):
        assert p.submit("/fi/login", email=email, password="wrong %d" % i).status_code == 400
    r = Person(base_url).submit("/fi/login", email=spelling(email), password=PASSWORD)
    assert_429(r)


def test_an_address_no_account_can_have_is_no_500(base_url):
    """Item 7: over 254 bytes, cut inside a character at the old limit, or with controls."""
    p = Person(base_url)
    for email in ("a" * 253 + "ä@example.org", "ä" * 200 + "@example.org",
                  "a\u0085b@example.org", "a\u2028b@example.org", "x" * 5000):
        r = p.submit("/fi/login", email=email, password="whatever it is")
        assert r.status_code in (400, 429), (email[:20], r.status_code)


# ---- 5. registration, links and the contact form ----------------------------------------------

def register(p, email, lang="fi"):
    return p.submit("/%s/register" % lang, first_name="Rita", last_name="Rekisteri", email=email,
                    password="rekisteröinnin salasana", terms="yes")


def test_registration_is_throttled_per_target_address(base_url, psql):
    target = unique_email("target")
    for _ in range(3):
        assert register(Person(base_url), target).status_code == 303
    r = register(Person(base_url), target, lang="sv")
    assert_429(r, "sv")
    # refused before the work: no fourth registration, no fourth mail
    assert psql("SELECT count(*) FROM registrations r JOIN users u ON u.id = r.user_id"
                " WHERE u.email = :'e'", e=target) == [("3",)]
    assert len(mails(target, "verify")) == 3


def test_registration_is_throttled_per_client_address(base_url):
    for i in range(10):
        assert register(Person(base_url), unique_email("many")).status_code == 303, i
    r = register(Person(base_url), unique_email("many"), lang="en")
    assert_429(r, "en")


@pytest.mark.parametrize("path", ["/fi/password-reset", "/fi/register/resend"])
def test_links_are_throttled_per_target_address(base_url, path):
    uid, email = make_user()
    for _ in range(5):
        assert Person(base_url).submit(path, email=email).status_code == 303
    assert_429(Person(base_url).submit(path, email=email))
    # the mailbox got at most three
    assert len(mails(email, "reset")) <= 3


@pytest.mark.parametrize("path", ["/fi/password-reset", "/fi/register/resend"])
def test_links_are_throttled_per_client_address(base_url, path):
    for i in range(10):
        assert Person(base_url).submit(path, email=unique_email("x")).status_code == 303, i
    assert_429(Person(base_url).submit(path, email=unique_email("x")))


def test_the_contact_form_is_throttled_per_client_address(base_url, psql):
    before = int(psql("SELECT count(*) FROM contact_messages")[0][0])
    for i in range(5):
        r = Person(base_url).submit("/fi/contact", topic="general", message="Viesti %d" % i)
        assert r.status_code == 303, (i, r.status_code)
    assert_429(Person(base_url).submit("/fi/contact", topic="general", message="Kuudes"))
    assert int(psql("SELECT count(*) FROM contact_messages")[0][0]) == before + 5
    psql("DELETE FROM contact_messages WHERE message LIKE 'Viesti %'")


def test_limits_are_counted_in_the_database_for_every_node(psql, base_url):
    register(Person(base_url), unique_email("counted"))
    assert psql("SELECT action, hits::text FROM rate_limits WHERE action LIKE 'register%'"
                " AND key = '127.0.0.1'") == [("register_address", "1")]
