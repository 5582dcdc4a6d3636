"""The pages a public-sector service owes its users (issue 14): the accessibility statement,
help for organisations and its topics, how an organisation gets listed (linked from every
page's header), the privacy statement naming the controller from the configuration, and the
description and Open Graph tags of public pages."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import requests
from lxml import html as lxml_html

from conftest import ROOT, Client, run_psql, wait_until
from kt_accounts import Person, page
from kt_listings import Workspace

LANGS = ("fi", "sv", "en")
TOPICS = ("listing-rules", "registering", "main-user", "moderation")
PAGES = ["/accessibility", "/for-organisations", "/help"] + ["/help/" + t for t in TOPICS]
# The controller of conf/httpd-dev.conf.in, by language.
CONTROLLER = {"fi": "Esimerkkivirasto", "sv": "Exempelverket", "en": "Example Agency"}
AUTHORITY = {"fi": "Lupa- ja valvontavirasto", "sv": "Tillstånds- och tillsynsverket",
             "en": "Finnish Supervisory Agency"}


def doc_of(r):
    return lxml_html.fromstring(r.content)


def text_of(doc, xpath="//main"):
    return " ".join(doc.xpath("string(%s)" % xpath).split())


def meta(doc, attr, name):
    got = doc.xpath("//head/meta[@%s=%r]/@content" % (attr, name))
    return got[0] if len(got) == 1 else got


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_in_each_language(http, error_log, lang, path):
    r = http.get("/%s%s" % (lang, path))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    doc = doc_of(r)
    assert doc.get("lang") == lang
    assert len(doc.xpath("//h1")) == 1 and text_of(doc, "//h1")
    # every message was found: a missing key would show as itself and be logged
    assert not re.search(r"\b(help|fororg|accessibility|privacy|meta)\.[a-z-]+\.", text_of(doc, "/html"))
    assert "KT0203" not in error_log()
    # the language switcher leads to the same page
    assert doc.xpath("//nav[@class='lang-nav']//a[@hreflang='sv']/@href") == ["/sv" + path]
    # HEAD gets the headers only; other methods are refused with Allow
    assert http.head("/%s%s" % (lang, path)).status_code == 200
    r = http.post("/%s%s" % (lang, path), data={"a": "b"})
    assert r.status_code == 405 and r.headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_help_topic_is_a_404_page(http, lang):
    for topic in ("no-such-topic", "Moderation", "moderation.xml", "listing-rules%2F"):
        r = http.get("/%s/help/%s" % (lang, topic))
        assert r.status_code == 404, topic
        assert doc_of(r).get("lang") == lang
    assert http.get("/%s/help/moderation/more" % lang).status_code == 404


def test_accessibility_statement_says_what_the_law_asks(http):
    for lang in LANGS:
        doc = doc_of(http.get("/%s/accessibility" % lang))
        main = text_of(doc)
        # the law, the conformance status against WCAG 2.1 AA and the known gaps
        assert "306/2019" in main and "WCAG 2.1" in main and "AA" in main
        # (the listing form's requirements and its row buttons' focus were fixed in issue 14)
        gaps = doc.xpath("//ul[@class='gap-list']/li")
        assert len(gaps) == 2
        assert not any(re.search(r"WCAG (3\.3\.2|2\.4\.3) ", li.text_content()) for li in gaps)
        assert all(re.search(r"\(WCAG \d\.\d\.\d ", li.text_content())
                   for li in doc.xpath("//ul[@class='gap-list']/li"))
        # dates: prepared and reviewed, as dates of the page's language
        assert len(doc.xpath("//main//time[@datetime='2026-12-06']")) == 2
        # the feedback channel is the contact form, answered within 14 days
        assert doc.xpath("//main//a[@href='/%s/contact']" % lang)
        assert "14" in text_of(doc, "//h2[@id='feedback']/following-sibling::p[1]")
        # the supervising authority since 1 January 2026, its website; no invented numbers
        assert AUTHORITY[lang] in main
        assert doc.xpath("//main//a[@href='https://www.saavutettavuusvaatimukset.fi']")
        assert not re.search(r"\+358|\b0\d{1,3}[ -]\d{3}|@", main)
        # the service's address and its provider (the configured controller)
        assert "http://127.0.0.1" in main and CONTROLLER[lang] in main


def test_for_organisations_is_linked_from_every_page_header(http, base_url):
    moderator = Person(base_url)
    moderator.sign_in("moderaattori@example.org")
    for client, path in ((http, "/fi/"), (http, "/sv/activities/1"), (http, "/en/news"),
                         (http, "/fi/help/registering"), (http, "/fi/no-such-page"),
                         (http, "/sv/login"), (moderator, "/fi/moderation"),
                         (moderator, "/en/manage"), (moderator, "/fi/moderation/log")):
        r = client.get(path)
        lang = path[1:3]
        assert doc_of(r).xpath("//header//nav//a[@href='/%s/for-organisations']" % lang), path


def test_for_organisations_lists_who_may_register_from_the_database(http, psql):
    doc = doc_of(http.get("/en/for-organisations"))
    types = [t.text_content() for t in doc.xpath("//main//ul[@class='columns']/li")]
    assert types == [n for (n,) in psql("SELECT name_en FROM organisation_types"
                                        " WHERE registrable ORDER BY position")]
    assert "Government agency" not in types
    steps = doc.xpath("//main//ol[@class='steps']/li")
    assert len(steps) == 6
    for href in ("/en/register", "/en/login", "/en/help/moderation", "/en/help/listing-rules",
                 "/en/help/registering#business-id", "/en/contact"):
        assert doc.xpath("//main//a[@href=%r]" % href), href
    assert doc.xpath("//header//a[@href='/en/for-organisations'][@aria-current='page']")


def test_help_index_and_topics_link_each_other(http):
    doc = doc_of(http.get("/sv/help"))
    assert doc.xpath("//main//ul[@class='topic-list']/li/a/@href") == [
        "/sv/help/" + t for t in TOPICS]
    topic = doc_of(http.get("/sv/help/main-user"))
    others = topic.xpath("//nav[@class='other-topics']//a/@href")
    assert others == ["/sv/help/" + t for t in TOPICS if t != "main-user"]
    assert topic.xpath("//p[@class='breadcrumb']/a/@href") == ["/sv/help"]


def test_listing_rules_explain_every_rule_of_the_editor(http):
    doc = doc_of(http.get("/fi/help/listing-rules"))
    rules = ("immigrants", "non_commercial", "open", "non_aligned", "equality",
             "not_authority", "not_single_event", "volunteering")
    for rule in rules:
        section = doc.xpath("//section[@id='rule-%s']" % rule)
        assert section, rule
        assert section[0].xpath("string(h3)").strip() and len(section[0].xpath("string(p)")) > 60
    assert "tapahtumasarja" in text_of(doc)


def test_registering_topic_tells_about_the_business_id(http, psql):
    doc = doc_of(http.get("/fi/help/registering"))
    assert doc.xpath("//h2[@id='business-id']")
    assert doc.xpath("//main//a[@href='https://www.ytj.fi']")
    assert "0201256-6" in text_of(doc)
    assert len(doc.xpath("//main//ul[@class='columns']/li")) == int(
        psql("SELECT count(*) FROM organisation_types WHERE registrable")[0][0])


def decisions_within(days=90):
    """Listing decisions of the last days with a submission of the same version before."""
    return int(run_psql(
        "SELECT count(*) FROM audit_log a WHERE a.at > now() - interval '%d days'"
        " AND a.object_type <> 'organisation'"
        " AND split_part(a.action, '.', 2) IN ('approve', 'return', 'reject')"
        " AND EXISTS (SELECT 1 FROM audit_log s WHERE s.object_type = a.object_type"
        "  AND s.object_id = a.object_id AND s.action = a.object_type || '.submit'"
        "  AND s.version IS NOT DISTINCT FROM a.version AND s.at <= a.at)" % days)[0][0])


def test_moderation_topic_shows_how_long_moderation_took(http, base_url):
    ws = Workspace(base_url)
    try:
        # one more decision, taken just now: the figures count it
        ws.publish()
        doc = doc_of(http.get("/en/help/moderation"))
        items = doc.xpath("//ul[@class='review-times']/li")
        assert items, text_of(doc)
        line = items[0].text_content()
        assert line.startswith("listings: half were reviewed within ")
        assert "(%d decisions)" % decisions_within() in line
        assert re.search(r"within (an hour|\d+ hours|\d+ days) of being submitted", line)
        fi = text_of(doc_of(http.get("/fi/help/moderation")), "//ul[@class='review-times']")
        assert re.search(r"puolet käsiteltiin (tunnin|\d+ tunnin|\d+ päivän) ja", fi)
    finally:
        ws.cleanup()


def test_moderation_topic_without_recent_decisions_says_so(http, psql):
    moved = [i for (i,) in psql("UPDATE audit_log SET at = at - interval '400 days'"
                                " WHERE at > now() - interval '90 days' RETURNING id")]
    try:
        doc = doc_of(http.get("/sv/help/moderation"))
        assert not doc.xpath("//ul[@class='review-times']")
        assert "de senaste 90 dagarna" in text_of(doc, "//p[@class='review-times-none']")
    finally:
        if moved:
            psql("UPDATE audit_log SET at = at + interval '400 days'"
                 " WHERE id = ANY (string_to_array(:'ids', ',')::bigint[])",
                 ids=",".join(moved))


# ---- the privacy statement ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_privacy_statement_names_the_configured_controller(http, lang):
    doc = doc_of(http.get("/%s/privacy" % lang))
    cards = doc.xpath("//main//address[@class='contact-card']")
    assert len(cards) == 2
    assert cards[0].xpath("string(strong)") == CONTROLLER[lang]
    assert "PL 1, 00099 Esimerkki" in cards[0].text_content()
    assert cards[0].xpath(".//a/@href") == ["mailto:tietosuoja@example.org",
                                           "https://www.example.org/"]
    assert cards[1].xpath(".//a/@href") == ["mailto:tietosuojavastaava@example.org"]
    assert not doc.xpath("//*[contains(@class, 'controller-unset')]")
    # the rights section points to self-service and to the contact form
    rights = doc.xpath("//h2[@id='rights']/following-sibling::ul[1]//a/@href")
    assert rights == ["/%s/account" % lang, "/%s/account/data" % lang, "/%s/account/delete" % lang,
                      "/%s/contact" % lang, "https://tietosuoja.fi"]


def httpd_env(kt):
    """The environment tools/kt-env.sh starts httpd with: LD_PRELOAD of a sanitizer build."""
    env = dict(os.environ)
    preload = os.path.join(kt.env_dir, "httpd.preload")
    if os.path.exists(preload):
        env["LD_PRELOAD"] = open(preload).read().strip()
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_privacy_statement_without_a_controller(kt):
    """A second httpd from the same configuration without the KotoutuminenController…
    directives: the statement says the details are missing and where to ask, and httpd says
    so at start-up (KT0901)."""
    conf = open(os.path.join(kt.env_dir, "httpd.conf"), encoding="utf-8").read()
    port = free_port()
    work = tempfile.mkdtemp(prefix="kt-nocontroller-", dir=kt.env_dir)
    os.chmod(work, 0o755)
    conf = "\n".join(l for l in conf.splitlines()
                     if not re.match(r"\s*Kotoutuminen(Controller|DataProtectionOfficer)", l))
    conf = re.sub(r"(?m)^Listen .*$", "Listen 127.0.0.1:%d" % port, conf)
    conf = re.sub(r"(?m)^PidFile .*$", 'PidFile "%s/httpd.pid"' % work, conf)
    conf = re.sub(r"(?m)^ErrorLog .*$", 'ErrorLog "%s/error.log"' % work, conf)
    conf = re.sub(r"(?m)^CustomLog .*$", 'CustomLog "%s/access.log" kt' % work, conf)
    conf = re.sub(r"(?m)^DefaultRuntimeDir .*$", 'DefaultRuntimeDir "%s"' % work, conf)
    conf = re.sub(r"(?m)^KotoutuminenBaseURL .*$",
                  "KotoutuminenBaseURL http://127.0.0.1:%d" % port, conf)
    path = os.path.join(work, "httpd.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(conf)
    env = httpd_env(kt)
    httpd = os.environ.get("KT_HTTPD", "/usr/sbin/apache2")
    subprocess.run([httpd, "-d", kt.env_dir, "-f", path, "-k", "start"], check=True, env=env,
                   capture_output=True, timeout=30)
    try:
        base = "http://127.0.0.1:%d" % port

        def up():
            try:
                return requests.get(base + "/health", timeout=2).status_code == 200
            except requests.RequestException:
                return False
        assert wait_until(up, timeout=20)
        with Client(base) as client:
            for lang in LANGS:
                doc = doc_of(client.get("/%s/privacy" % lang))
                assert not doc.xpath("//main//address")
                unset = doc.xpath("//main//p[contains(@class, 'controller-unset')]")
                assert unset and len(unset[0].text_content()) > 40
                assert doc.xpath("//h2[@id='controller']/following-sibling::p"
                                 "/a[@href='/%s/contact']" % lang)
                # the accessibility statement names no provider then
                acc = text_of(doc_of(client.get("/%s/accessibility" % lang)))
                assert CONTROLLER[lang] not in acc
        log = open(os.path.join(work, "error.log"), encoding="utf-8").read()
        assert "KT0901: KotoutuminenController is not set" in log
    finally:
        subprocess.run([httpd, "-d", kt.env_dir, "-f", path, "-k", "stop"], env=env,
                       capture_output=True, timeout=30)
        pidfile = os.path.join(work, "httpd.pid")
        wait_until(lambda: not os.path.exists(pidfile), timeout=20)
        shutil.rmtree(work, ignore_errors=True)


def test_bad_controller_directives_stop_the_configuration(kt):
    httpd = os.environ.get("KT_HTTPD", "/usr/sbin/apache2")
    conf = open(os.path.join(kt.env_dir, "httpd.conf"), encoding="utf-8").read()
    for bad, message in (('KotoutuminenController "Nimi" de', "fi, sv or en"),
                         ('KotoutuminenController " "', "line of text"),
                         ('KotoutuminenControllerContact "a\tb"', "control characters"),
                         ("KotoutuminenControllerContact " + " ".join(["x"] * 11), "at most 10")):
        with tempfile.NamedTemporaryFile("w", suffix=".conf", dir=kt.env_dir,
                                         delete=False) as f:
            f.write(conf + "\n" + bad + "\n")
        try:
            proc = subprocess.run([httpd, "-d", kt.env_dir, "-f", f.name, "-t"],
                                  capture_output=True, text=True, timeout=30, env=httpd_env(kt))
            assert proc.returncode != 0 and message in proc.stderr, (bad, proc.stderr)
        finally:
            os.unlink(f.name)


# ---- description and Open Graph ---------------------------------------------------------

def test_activity_page_has_description_and_open_graph_from_its_content(http, base_url, psql):
    doc = doc_of(http.get("/sv/activities/1"))
    desc = meta(doc, "name", "description")
    first = psql("SELECT description_sv FROM public_activities WHERE id = 1")[0][0]
    first = " ".join(first.split("\n\n")[0].split())
    assert len(desc) <= 161
    assert desc.endswith("…") and first.startswith(desc[:-1])
    assert meta(doc, "property", "og:description") == desc
    assert meta(doc, "property", "og:title") == text_of(doc, "//h1")
    assert meta(doc, "property", "og:url") == base_url + "/sv/activities/1"
    assert doc.xpath("//head/link[@rel='canonical']/@href") == [base_url + "/sv/activities/1"]
    assert meta(doc, "property", "og:type") == "website"
    assert meta(doc, "property", "og:site_name") == "Stöd för integration"
    assert meta(doc, "property", "og:locale") == "sv_FI"
    assert sorted(meta(doc, "property", "og:locale:alternate")) == ["en_GB", "fi_FI"]


def test_description_is_escaped_and_whole_words(http, base_url):
    ws = Workspace(base_url)
    try:
        title = 'Kerho "<b>lainausmerkit</b>" & <script>alert(1)</script>'
        body = ("Lyhyt ja <i>vaarallinen</i> kuvaus \"lainauksin\" & ampersandein, "
                + "pitkäsanainen " * 20 + "\n\nToinen kappale.")
        lid = ws.publish(title_fi=title, description_fi=body)
        r = http.get("/fi/activities/%s" % lid)
        assert r.status_code == 200
        assert "<script>alert" not in r.text and "<i>vaarallinen" not in r.text
        doc = doc_of(r)
        desc = meta(doc, "name", "description")
        assert desc.startswith('Lyhyt ja <i>vaarallinen</i> kuvaus "lainauksin" & ampersandein')
        assert desc.endswith("pitkäsanainen…") and len(desc) <= 161
        assert "Toinen kappale" not in desc
        assert meta(doc, "property", "og:title") == title
    finally:
        ws.cleanup()


def test_news_item_is_an_article_and_lists_have_descriptions(http):
    doc = doc_of(http.get("/en/news/1"))
    assert meta(doc, "property", "og:type") == "article"
    assert meta(doc, "name", "description")
    for path in ("/fi/", "/fi/activities", "/fi/news", "/fi/projects", "/fi/organisations/1",
                 "/fi/projects/9", "/fi/feed", "/fi/terms", "/fi/privacy", "/fi/accessibility",
                 "/fi/help", "/fi/help/moderation", "/fi/for-organisations"):
        doc = doc_of(http.get(path))
        assert meta(doc, "name", "description"), path
        assert meta(doc, "property", "og:url").endswith(path), path
    # the front page's title is the site's name
    assert meta(doc_of(http.get("/sv/")), "property", "og:title") == "Stöd för integration"


def test_no_description_on_errors_forms_or_signed_in_pages(http, base_url):
    mod = Person(base_url)
    mod.sign_in("moderaattori@example.org")
    for client, path in ((http, "/fi/no-such-page"), (http, "/fi/activities/900"),
                         (http, "/fi/login"), (http, "/fi/register"),
                         (mod, "/fi/moderation"), (mod, "/fi/manage")):
        doc = doc_of(client.get(path))
        assert not doc.xpath("//head/meta[@name='description' or starts-with(@property, 'og:')]"), path
