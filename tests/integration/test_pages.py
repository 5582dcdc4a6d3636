"""Public pages of the foundation (ROUTES.md) over real HTTP, in fi, sv and en.

Demo data ids are fixed in HACKING.md ("Demo data conventions")."""
import re

import pytest
import requests
from lxml import html as lxml_html

LANGS = ("fi", "sv", "en")
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "X-Frame-Options")


def get(base_url, path, **kw):
    kw.setdefault("allow_redirects", False)
    kw.setdefault("timeout", 10)
    return requests.get(base_url + path, **kw)


def page(resp):
    assert resp.headers["Content-Type"].startswith("text/html"), resp.headers["Content-Type"]
    return lxml_html.fromstring(resp.content)


def assert_site_page(resp, lang, status):
    """Our own accessible page: right status, language, landmarks, headers."""
    assert resp.status_code == status, resp.text[:500]
    doc = page(resp)
    assert doc.get("lang") == lang
    assert resp.text.startswith("<!DOCTYPE html>")
    assert len(doc.xpath("//main")) == 1
    assert doc.xpath("//a[@href='#main']"), "skip link"
    for name in SECURITY_HEADERS:
        assert name in resp.headers, name
    assert "unsafe-inline" not in resp.headers["Content-Security-Policy"]
    return doc


def switcher(doc):
    """href of the language switcher's link for each language."""
    links = {}
    for a in doc.xpath("//a[@hreflang]"):
        links[a.get("hreflang")] = a.get("href")
    return links


# ---- / and language negotiation ------------------------------------------

@pytest.mark.parametrize("header,lang", [
    (None, "fi"), ("sv-FI,sv;q=0.9", "sv"), ("en-GB,en;q=0.8", "en"), ("de,ar;q=0.5", "fi"),
    ("fi;q=0.1, en;q=0.9", "en"),
])
def test_root_redirects_by_accept_language(base_url, header, lang):
    headers = {"Accept-Language": header} if header else {}
    r = get(base_url, "/", headers=headers)
    assert r.status_code == 302
    assert r.headers["Location"] == f"/{lang}/"
    assert "Accept-Language" in r.headers.get("Vary", "")


def test_language_without_slash_redirects(base_url):
    r = get(base_url, "/sv?x=1")
    assert r.status_code == 301
    assert r.headers["Location"] == "/sv/?x=1"


# ---- front page -------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_front_page(base_url, lang):
    doc = assert_site_page(get(base_url, f"/{lang}/"), lang, 200)
    # newest activities link to their pages, news are listed, search goes to /activities
    assert len(doc.xpath(f"//main//a[starts-with(@href, '/{lang}/activities/')]")) >= 10
    assert doc.xpath(f"//form[@action='/{lang}/activities' and (@method='get' or not(@method))]")
    assert doc.xpath("//form//input[@name='q']")
    links = switcher(doc)
    assert links == {"fi": "/fi/", "sv": "/sv/", "en": "/en/"}


def test_front_page_ui_language_differs(base_url):
    titles = {lang: page(get(base_url, f"/{lang}/")).findtext(".//title") for lang in LANGS}
    assert len(set(titles.values())) == 3, titles


# ---- activity page ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_activity_page_shows_every_field(base_url, psql, lang):
    doc = assert_site_page(get(base_url, f"/{lang}/activities/1"), lang, 200)
    row = psql(f"SELECT v.title_{lang}, o.name, v.contact_email, v.street_address, v.url,"
               " v.price_eur, m.name_fi, v.postal_code, pr.name"
               " FROM activities a JOIN activity_versions v ON v.activity_id = a.id"
               " AND v.version = a.published_version JOIN organisations o ON o.id = a.organisation_id"
               " JOIN municipalities m ON m.code = v.municipality_code"
               " JOIN projects pr ON pr.id = v.project_id WHERE a.id = 1")[0]
    title, org, email, street, url, price, municipality, postal, project = row
    text = doc.text_content()
    assert doc.xpath("//h1")[0].text_content().strip() == title
    for value in (org, street, postal, project):
        assert value in text, value
    assert doc.xpath(f"//a[@href='mailto:{email}']")
    assert doc.xpath(f"//a[@href='{url}']")
    assert doc.xpath("//a[starts-with(@href, '/%s/organisations/')]" % lang)
    assert doc.xpath("//table")  # weekly schedule
    assert price.replace(".", ",") in text or price in text
    if lang != "sv":
        assert municipality in text
    assert switcher(doc) == {l: f"/{l}/activities/1" for l in LANGS}


@pytest.mark.parametrize("lang", ("sv", "en"))
def test_finnish_only_text_is_marked_as_finnish(base_url, lang):
    doc = assert_site_page(get(base_url, f"/{lang}/activities/2"), lang, 200)
    h1 = doc.xpath("//h1")[0]
    marked = h1.xpath("ancestor-or-self::*[@lang][1]/@lang | .//*[@lang]/@lang")
    assert "fi" in marked, lxml_html.tostring(h1)


def test_own_language_text_is_not_marked(base_url):
    doc = page(get(base_url, "/fi/activities/2"))
    h1 = doc.xpath("//h1")[0]
    assert h1.xpath("ancestor-or-self::*[@lang][1]/@lang") == ["fi"]


@pytest.mark.parametrize("lang", LANGS)
def test_archived_activity_is_gone(base_url, lang):
    assert_site_page(get(base_url, f"/{lang}/activities/900"), lang, 410)


@pytest.mark.parametrize("path", ["/activities/901", "/activities/999999", "/activities/abc",
                                  "/activities/0", "/activities/-1", "/activities/1x",
                                  "/activities/99999999999999999999999", "/activities/1/",
                                  "/no-such-page", "/organisations/90", "/organisations/x"])
@pytest.mark.parametrize("lang", LANGS)
def test_not_found_is_our_page(base_url, lang, path):
    assert_site_page(get(base_url, f"/{lang}{path}"), lang, 404)


def test_error_pages_speak_the_language(base_url):
    texts = {lang: page(get(base_url, f"/{lang}/no-such-page")).findtext(".//h1") for lang in LANGS}
    assert len(set(texts.values())) == 3, texts


def test_unknown_language_prefix_uses_accept_language(base_url):
    r = get(base_url, "/de/", headers={"Accept-Language": "sv"})
    assert_site_page(r, "sv", 404)


# ---- organisation page -------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_organisation_page(base_url, psql, lang):
    doc = assert_site_page(get(base_url, f"/{lang}/organisations/1"), lang, 200)
    name, business_id = psql("SELECT name, business_id FROM organisations WHERE id = 1")[0]
    assert doc.xpath("//h1")[0].text_content().strip() == name
    assert business_id in doc.text_content()
    published = psql("SELECT count(*) FROM public_activities WHERE organisation_id = 1")[0][0]
    links = set(doc.xpath(f"//main//a[starts-with(@href, '/{lang}/activities/')]/@href"))
    assert len(links) == int(published) >= 2


# ---- methods, health, headers --------------------------------------------------

@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_wrong_method_is_405_with_allow(base_url, method):
    r = requests.request(method, base_url + "/en/activities/1", data="x=1",
                         headers={"Content-Type": "application/x-www-form-urlencoded"},
                         allow_redirects=False, timeout=10)
    assert_site_page(r, "en", 405)
    assert "GET" in r.headers["Allow"]


def test_head_has_no_body(base_url):
    r = requests.head(base_url + "/fi/activities/1", timeout=10)
    assert r.status_code == 200
    assert r.content == b""


def test_health(base_url):
    r = get(base_url, "/health")
    assert r.status_code == 200
    assert r.text.strip() == "ok"


def test_static_files_carry_security_headers(base_url):
    r = get(base_url, "/static/site.css")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/css")
    for name in SECURITY_HEADERS:
        assert name in r.headers


def test_error_document_direct_access_is_404(base_url):
    assert_site_page(get(base_url, "/error/500", headers={"Accept-Language": "en"}), "en", 404)


def test_oversized_body_gets_our_413(base_url):
    # LimitRequestBody is 1 MiB in the test configuration
    r = requests.get(base_url + "/sv/", data=b"x" * (2 * 1024 * 1024), timeout=20,
                     headers={"Content-Type": "application/octet-stream"})
    assert_site_page(r, "sv", 413)


# ---- hostile input -----------------------------------------------------------

def test_markup_in_path_and_query_is_text(base_url):
    r = get(base_url, "/fi/%3Cscript%3Ealert(1)%3C/script%3E?q=%3Cscript%3Ealert(2)%3C/script%3E")
    assert r.status_code == 404
    assert "<script" not in r.text.lower()


def test_invalid_utf8_and_controls_in_query_do_not_break_pages(base_url):
    r = get(base_url, "/en/?x=%FF%FE%00%01%C3%28&y=%E2%80%AE")
    assert r.status_code in (200, 400)
    doc = assert_site_page(r, "en", r.status_code)
    # the page is still well-formed text, the switcher link carries the query as given
    assert doc.xpath("//a[@hreflang='fi']")
    assert "\x00" not in r.text and "\x01" not in r.text


def test_no_page_exposes_server_version(base_url):
    r = get(base_url, "/fi/no-such-page")
    assert re.fullmatch(r"Apache", r.headers.get("Server", "Apache"))


def test_absent_optional_fields_leave_no_empty_links(base_url, psql):
    """SQL NULLs must not turn into empty values (apr_dbd gives "" for NULL)."""
    ids = [row[0] for row in psql("SELECT id FROM public_activities ORDER BY id")]
    assert len(ids) >= 40
    for activity_id in ids:
        r = get(base_url, f"/fi/activities/{activity_id}")
        assert r.status_code == 200
        empty = re.findall(r'href="[^"]*/(?:projects|organisations|activities)/"', r.text)
        assert not empty, (activity_id, empty)
        assert 'href=""' not in r.text, activity_id


def test_activity_without_project_has_no_project_section(base_url, psql):
    (activity_id,) = psql("SELECT id FROM public_activities WHERE project_id IS NULL ORDER BY id LIMIT 1")[0]
    doc = page(get(base_url, f"/en/activities/{activity_id}"))
    assert not doc.xpath("//a[contains(@href, '/projects/')]")


def raw_request(base_url, data):
    """Bytes on the wire, for requests that requests/urllib refuse to send."""
    import socket
    from urllib.parse import urlsplit
    url = urlsplit(base_url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall(data)
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return head.decode("latin-1"), body.decode("utf-8")


@pytest.mark.parametrize("bad", [
    b"Bad Header Without Colon\r\n",
    b"X-Long: " + b"a" * 9000 + b"\r\n",   # over LimitRequestFieldSize
])
def test_malformed_request_gets_our_400_in_the_urls_language(base_url, bad):
    head, body = raw_request(base_url, b"GET /sv/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + bad
                             + b"Connection: close\r\n\r\n")
    assert head.startswith("HTTP/1.1 400")
    assert "text/html; charset=utf-8" in head
    doc = lxml_html.fromstring(body)
    assert doc.get("lang") == "sv"
    assert len(doc.xpath("//main")) == 1
