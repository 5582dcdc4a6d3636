"""The partner guide, GET /{lang}/feed: the site's own page in each language, whose
addresses and examples really work."""
import pytest
from lxml import html as lxml_html

from feedlib import validate

LANGS = ("fi", "sv", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_guide_page(http, base_url, lang):
    r = http.get("/%s/feed" % lang)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/html")
    doc = lxml_html.fromstring(r.content)
    assert doc.get("lang") == lang
    assert len(doc.xpath("//h1")) == 1
    hrefs = doc.xpath("//main//a/@href")
    for path in ("/feed/activities.xml", "/feed/activities.xsd",
                 "/feed/activities.atom?lang=" + lang):
        assert base_url + path in hrefs
    codes = doc.xpath("//main//code/text()")
    for name in ("limit", "cursor", "updated_since", "q", "form", "theme", "target", "language",
                 "municipality", "region", "free", "online"):
        assert name in codes
    # the footer of every page leads here
    assert doc.xpath("//footer//a[@href='/%s/feed']" % lang)


def test_guide_links_and_examples_work(http, base_url):
    doc = lxml_html.fromstring(http.get("/en/feed").content)
    for href in doc.xpath("//main//a/@href"):
        assert href.startswith(base_url)
        r = http.get(href[len(base_url):])
        assert r.status_code == 200, (href, r.status_code, r.text[:300])
        if "/feed/activities.xml" in href:
            validate(r.content)
