"""UI-string catalogs (xslt/i18n/{fi,sv,en}.xml) against the stylesheets that use them.

Needs no server: it reads the files and renders the sample page documents of
tests/fixtures/pages/ with lxml, which drives the same libxslt as the module.
(The package's conftest still wants the KT_* environment that `make test` sets.)

- every catalog is well-formed, <messages lang="xx"> matching its file name, keys unique,
  no empty value;
- the three catalogs have the same keys;
- every key a stylesheet asks for, kt:msg('key') or a family built with concat(), exists;
- every sample page renders in its language with no missing key, and every error code
  renders in every language;
- the rendered pages keep the rules the stylesheets promise: doctype, one h1, headings
  that do not skip levels, unique ids, no inline style or script.
"""
import os
import pathlib
import re
import sys

import pytest
from lxml import etree
from lxml import html as lxml_html

ROOT = pathlib.Path(__file__).resolve().parents[2]
XSLT_DIR = ROOT / "xslt"
CATALOG_DIR = XSLT_DIR / "i18n"
PAGES_DIR = ROOT / "tests" / "fixtures" / "pages"
LANGS = ("fi", "sv", "en")
ERROR_CODES = ("400", "403", "404", "405", "409", "410", "413", "414", "429", "500", "503")

LISTING_STATES = ("draft", "submitted", "returned", "rejected", "published", "archived",
                  "scheduled")
LISTING_RULES = ("immigrants", "non_commercial", "open", "non_aligned", "equality",
                 "not_authority", "not_single_event", "volunteering")
# events (issue 11): their rules, their rows (src/lib/kt_event.c), the kinds of listing
EVENT_RULES = ("event_relevant", "event_organiser", "equality")
EVENT_ROWS = ("type", "audiences", "time", "online")
# jobs (issue 12 item 2): their rules and rows (src/lib/kt_job.c)
JOB_RULES = ("job_relevant", "job_employer", "equality")
JOB_ROWS = ("hours", "deadline", "apply", "salary_fi", "salary_sv", "salary_en")
KINDS = ("activity", "event", "job", "project", "network", "news")
# projects (issue 12 item 3): their rules and rows (src/lib/kt_project.c)
PROJECT_RULES = ("project_funded", "project_runner", "equality")
PROJECT_ROWS = ("period", "funder", "objective", "grant", "area", "partners")
# news (issue 12 item 1): its rows (src/lib/kt_news_item.c), states, what it may be about
NEWS_ROWS = tuple("%s_%s" % (f, l) for f in ("summary", "body") for l in LANGS) + ("related",)
NEWS_STATES = ("draft", "published", "scheduled", "archived")
NEWS_RELATED = ("organisation", "project", "event")
# networks (issue 12 item 4): their rules, lists and rows (src/lib/kt_network.c), areas
NETWORK_RULES = ("network_relevant", "network_coordinator", "equality")
NETWORK_LISTS = ("activities", "resources", "benefits", "evaluation")
NETWORK_ROWS = tuple("%s_%s" % (f, l) for f in NETWORK_LISTS for l in LANGS) + ("area",)
NETWORK_AREAS = ("national", "region", "municipalities")
LISTING_ROWS = ("title_fi", "title_sv", "title_en", "description_fi", "description_sv",
                "description_en", "forms", "themes", "targets", "languages", "place", "address",
                "accessibility_fi", "accessibility_sv", "accessibility_en", "period", "schedule",
                "sessions", "price", "registration", "contact", "url", "project")
# src/lib/kt_pagelist.c: /{lang}/help/{topic}
HELP_TOPICS = ("listing-rules", "registering", "main-user", "moderation")
# every code src/lib/kt_listing.c, kt_listing_db.c, kt_editor.c and kt_review.c give a field
LISTING_FORM_ERRORS = (
    ["title.none"]
    + ["%s_%s.%s" % (f, l, v) for f in ("title", "description") for l in LANGS
       for v in ("missing", "too_long", "invalid")]
    + ["accessibility_%s.%s" % (l, v) for l in LANGS for v in ("too_long", "invalid")]
    + """forms.missing forms.invalid themes.invalid targets.missing targets.invalid
         languages.missing languages.invalid languages.too_many languages_other.invalid
         languages_other.too_long place.missing street_address.too_long
         street_address.invalid postal_code.invalid post_office.too_long post_office.invalid
         start_date.invalid end_date.invalid end_date.before_start end_date.past slot.weekday
         slot.time slot.order slots.too_many session.date session.time session.order
         sessions.too_many sessions.single price.invalid price_amount.missing
         price_amount.invalid registration.invalid contact_name.too_long contact_name.invalid
         contact_email.too_long contact_email.invalid contact_phone.too_long
         contact_phone.invalid url.too_long url.invalid contact.missing project.invalid
         organisation.missing organisation.invalid listing_reason.missing""".split()
    + ["rule_%s.missing" % r for r in LISTING_RULES]
    # every code src/lib/kt_event.c and kt_event_db.c give a field
    + """event_type.missing event_type.invalid audiences.missing audiences.invalid
         start_date.missing start_time.missing start_time.invalid end_time.missing
         end_time.invalid event_end.before_start event_end.past event_place.missing
         online_url.too_long online_url.invalid registration_url.too_long
         registration_url.invalid registration_deadline.invalid
         registration_deadline.after_start event_contact.missing""".split()
    + ["rule_%s.missing" % r for r in EVENT_RULES]
    # every code src/lib/kt_job.c and kt_job_db.c give a field
    + """job_type.missing job_type.invalid job_place.missing hours.invalid
         job_languages.missing deadline_date.missing deadline_date.invalid deadline_date.past
         deadline_time.invalid apply_url.too_long apply_url.invalid apply_url.https
         apply_email.too_long apply_email.invalid job_apply.missing""".split()
    + ["salary_%s.%s" % (l, v) for l in LANGS for v in ("too_long", "invalid")]
    + ["rule_%s.missing" % r for r in JOB_RULES]
    # every code src/lib/kt_network.c and kt_network_db.c give a field
    + ["activities_%s.missing" % l for l in LANGS]
    + ["%s_%s.%s" % (f, l, v) for f in NETWORK_LISTS for l in LANGS
       for v in ("too_long", "invalid")]
    + """network_list.too_many network_area.missing network_area.invalid region.missing
         region.invalid municipalities.missing municipalities.invalid municipalities.too_many
         network_audiences.missing network_audiences.invalid contact_name.missing
         contact_email.missing""".split()
    + ["rule_%s.missing" % r for r in NETWORK_RULES]
    # every code src/lib/kt_project.c and kt_project_db.c give a field
    + """project_end.missing funder.missing funder.invalid funder_name.missing
         funder_name.too_long funder_name.invalid funder_name.not_other objective.missing
         objective.invalid objective.not_amif grant.invalid regions.invalid
         project_area.missing project_area.both partners.invalid partners.too_many
         project_contact.missing""".split()
    + ["rule_%s.missing" % r for r in PROJECT_RULES]
    # every code src/lib/kt_news_item.c, kt_news_db.c and kt_editor.c give a news field
    + ["news_title_%s.missing" % l for l in LANGS]
    + ["%s_%s.%s" % (f, l, v) for f in ("summary", "body") for l in LANGS
       for v in ("missing", "too_long", "invalid")]
    + """news_title.none related.invalid publish_date.missing publish_date.invalid
         publish_date.past publish_date.public publish_time.missing
         publish_time.invalid""".split())

# Keys the stylesheets build at run time with kt:msg(concat('prefix', …)).  A new
# prefix in a stylesheet must be added here, with every key it can produce.
DYNAMIC_FAMILIES = {
    "lang.": ["lang." + l for l in LANGS],
    "fallback.": ["fallback." + l for l in LANGS],
    "fallback.text.": ["fallback.text." + l for l in LANGS],
    "month.": ["month.%d" % m for m in range(1, 13)],
    "weekday.": ["weekday.%d" % d for d in range(1, 8)],
    "error.": ["error.%s.%s" % (c, part) for c in ERROR_CODES for part in ("title", "text")],
    # accounts and organisations (issue 4)
    "notice.": ["notice." + c for c in (
        "password", "verified", "created", "saved", "requested", "approve", "decline", "remove",
        "make_main", "approved", "rejected", "submitted", "confirmed", "archived",
        "listing_approve", "listing_return", "listing_reject",
        # issues 10 and 14: accounts, profile changes, the contact form
        "released", "profile_waits", "profile_approve", "profile_reject", "contact_handled",
        "contact_sent", "deleted", "account_saved", "account_password", "account_email",
        "account_email_sent",
        # issue 12: what moderators write themselves (news)
        "published", "scheduled", "withdrawn",
        # issue 14: a moderator's question to an organisation and its answer
        "asked", "answered",
        # issue 12 item 4: a network's members (src/kt_networks.c)
        "network_requested", "network_left", "network_cancelled", "network_unchanged",
        "member_added", "member_approved", "member_declined", "member_removed",
        "member_unchanged")],
    "role.": ["role.main", "role.member"],
    "orgstatus.": ["orgstatus." + s for s in ("pending", "rejected", "pending.text", "rejected.text")],
    "join.membership.": ["join.membership.pending", "join.membership.active"],
    "members.": ["members." + a for a in ("approve", "decline", "make_main", "remove")],
    "audit.": ["audit." + a for a in (
        "organisation.register", "organisation.update", "organisation.approve",
        "organisation.reject", "organisation.ask", "organisation.answer",
        "membership.request", "membership.approve",
        "membership.decline", "membership.remove", "membership.make_main",
        "user.make_moderator", "user.delete", "organisation.release",
        "organisation.edit_submit", "organisation.edit_approve", "organisation.edit_reject",
        "contact.handled")]
        + ["audit.activity." + a for a in (
            "submit", "approve", "return", "reject", "archive", "confirm", "expire", "end")]
        + ["audit.event." + a for a in ("submit", "approve", "return", "reject", "archive",
                                        "end")]
        + ["audit.job." + a for a in ("submit", "approve", "return", "reject", "archive", "end")]
        + ["audit.news." + a for a in ("publish", "schedule", "withdraw")]
        + ["audit.network." + a for a in (
            "submit", "approve", "return", "reject", "archive", "confirm", "expire",
            "member_add", "join_request", "join_approve", "join_decline", "join_cancel",
            "member_leave", "member_remove")]
        + ["audit.project." + a for a in ("submit", "approve", "return", "reject", "archive")],
    # every error code the C side can give a field (src/kt_account.c, kt_org.c, …)
    "form.error.": ["form.error." + c for c in (
        ["%s.%s" % (f, v) for f in ("first_name", "last_name", "name", "description", "reason",
                                    "email", "registry_number")
         for v in ("missing", "too_long", "invalid")]
        + ["phone.too_long", "phone.invalid", "password.missing", "password.too_short",
           "password.too_long", "password.common", "password.personal", "terms.missing",
           "login.failed", "login.unverified", "type.missing", "type.invalid",
           "business_id.missing", "business_id.invalid", "business_id.checksum",
           "business_id.taken", "municipality.missing", "municipality.invalid",
           "website.too_long", "website.invalid", "q.too_short", "q.too_long", "q.invalid",
           "decision.missing",
           # issues 10 and 14 (src/kt_account.c, kt_myaccount.c, kt_contact.c)
           "email.same", "current_password.missing", "current_password.wrong",
           "verify.password", "lang.invalid", "delete.blocked", "delete_confirm.missing",
           "topic.missing", "topic.invalid", "message.missing", "message.too_long",
           "message.invalid", "sender_name.too_long", "sender_name.invalid",
           # issue 14: the moderator's question, the applicant's answer, a submission
           # for an organisation that waits for approval
           "question.missing", "answer.missing", "answer.too_long", "answer.invalid",
           "listing.organisation_pending"]
         + LISTING_FORM_ERRORS)
        if c not in ("description.missing",)],
    "error.reason.": ["error.reason." + r for r in (
        "unknown-param", "unknown-value", "repeated", "too-long", "too-many", "out-of-range",
        "invalid-utf8", "control-char", "bad-escape")],
    # search.xsl: a filter's legend or a flag's label, by parameter name
    "search.": ["search.%s.legend" % f for f in (
        "form", "theme", "target", "language", "region", "municipality", "weekday", "time")]
        + ["search.free.label", "search.online.label", "search.in_person.label"]
        + ["search.weekday.%d" % d for d in range(1, 8)]
        + ["search.time." + t for t in ("morning", "afternoon", "evening")],
    "search.sort.": ["search.sort." + s for s in ("relevance", "newest", "title", "next")],
    # cards' weekly times (layout.xsl)
    "weekdays.": ["weekdays.%d" % d for d in range(1, 8)],
    # the partner guide (feed-guide.xsl): names from <feed-guide> (src/kt_feed_guide.c)
    # listings (issue 5): listing.xsl, moderation.xsl, manage.xsl
    "listing.state.": ["listing.state." + s for s in LISTING_STATES]
        + ["listing.state.%s.text" % s for s in LISTING_STATES],
    "listing.archived.": ["listing.archived." + r for r in ("organisation", "unconfirmed", "ended",
                                                            "withdrawn")],
    "listing.in.": ["listing.in." + l for l in LANGS],
    "listing.field.title.": ["listing.field.title." + l for l in LANGS],
    "listing.field.description.": ["listing.field.description." + l for l in LANGS],
    "listing.field.accessibility.": ["listing.field.accessibility." + l for l in LANGS],
    "listing.row.": ["listing.row." + r for r in LISTING_ROWS + EVENT_ROWS + JOB_ROWS
                     + NEWS_ROWS + PROJECT_ROWS + NETWORK_ROWS],
    "rule.": ["rule." + r for r in LISTING_RULES + EVENT_RULES + JOB_RULES + PROJECT_RULES
              + NETWORK_RULES],
    # every kind of listing (kt_kind): its names in the workspace, the queue, the editor
    "kind.": ["kind.%s.%s" % (k, w) for k in KINDS
              for w in ("one", "plural", "new", "none", "intro")],
    # news.xsl, news-manage.xsl
    "news.state.": ["news.state.%s.text" % s for s in NEWS_STATES],
    "news.related.": ["news.related." + k for k in NEWS_RELATED],
    "news.in.": ["news.in." + l for l in LANGS],
    "news.field.title.": ["news.field.title." + l for l in LANGS],
    "news.field.summary.": ["news.field.summary." + l for l in LANGS],
    "news.field.body.": ["news.field.body." + l for l in LANGS],
    # events.xsl: a filter's legend or label, by parameter name
    "events.": ["events.%s.legend" % f for f in ("type", "audience")]
        + ["events.%s.label" % f for f in ("from", "to", "online", "free")],
    # jobs.xsl: a select's label, by parameter name
    "jobs.": ["jobs.%s.label" % f for f in ("region", "municipality")],
    # networks.xsl, network-manage.xsl, manage.xsl, organisation.xsl (issue 12 item 4)
    "networks.": ["networks.%s.label" % f for f in ("region", "municipality")],
    "network.membership.": ["network.membership." + s for s in ("pending", "active")],
    "network.leave.": ["network.leave." + s for s in ("pending", "active")],
    "network.list.": ["network.list." + n for n in NETWORK_LISTS],
    "network.area.": ["network.area." + a for a in NETWORK_AREAS],
    "network.members.": ["network.members." + a for a in ("approve", "decline", "remove")],
    "network.field.title.": ["network.field.title." + l for l in LANGS],
    "network.field.description.": ["network.field.description." + l for l in LANGS],
    "network.field.": ["network.field.%s.%s" % (n, l) for n in NETWORK_LISTS for l in LANGS],
    "organisation.networks.": ["organisation.networks." + r for r in ("coordinator", "member")],
    # projects (project-manage.xsl, projects.xsl) and the organisations directory
    "project.field.name.": ["project.field.name." + l for l in LANGS],
    "projects.": ["projects.%s.legend" % f for f in ("funder", "objective")],
    "organisations.": ["organisations.%s.label" % f for f in ("municipality", "type")],
    # issue 14: the statements and the help for organisations (info.xsl, help.xsl, meta.xsl)
    "accessibility.gap.": ["accessibility.gap.%s%s" % (g, part) for g in (
        "session-timeout", "user-content")
        for part in ("", ".criterion")],
    "help.topic.": ["help.topic.%s.%s" % (t, part) for t in HELP_TOPICS
                    for part in ("title", "summary")],
    "help.rule.": ["help.rule.%s.%s" % (r, part) for r in LISTING_RULES
                   for part in ("title", "text")],
    "help.moderation.state.": ["help.moderation.state." + s for s in (
        "draft", "submitted", "published", "returned", "rejected")],
    "help.moderation.times.": ["help.moderation.times." + s for s in ("listings", "organisations")],
    # the audit log's filter (moderation.xsl): types that are not kinds of listing
    "log.type.": ["log.type.organisation", "log.type.user", "log.type.contact"],
    "feed.guide.url.": ["feed.guide.url." + n for n in ("feed", "schema", "atom", "calendar",
                                                         "jobs", "jobs-schema")],
    # the contact form and its moderation (contact.xsl, moderation.xsl)
    "contact.topic.": ["contact.topic." + t for t in (
        "general", "accessibility", "organisation", "listing", "account", "privacy")],
    # a change of an approved organisation's profile (manage.xsl, moderation.xsl)
    "profile.edit.": ["profile.edit." + s + x for s in ("submitted", "rejected")
                      for x in ("", ".text")],
    "feed.guide.param.": ["feed.guide.param." + n for n in ("limit", "cursor", "updated_since")],
    "feed.guide.filter.": ["feed.guide.filter." + n for n in (
        "q", "form", "theme", "target", "language", "municipality", "region", "weekday", "time",
        "free", "online", "in_person")],
}

LITERAL_RE = re.compile(r"""kt:msg\(\s*'([^']*)'\s*\)|kt:msg\(\s*"([^"]*)"\s*\)""")
CONCAT_RE = re.compile(r"""kt:msg\(\s*concat\(\s*'([^']*)'""")


def stylesheets():
    return sorted(XSLT_DIR.glob("*.xsl"))


def parse_catalog(lang):
    return etree.parse(str(CATALOG_DIR / ("%s.xml" % lang)))


def catalog(lang):
    return {m.get("key"): (m.text or "") for m in parse_catalog(lang).getroot().iter("msg")}


def expressions(path):
    """Every attribute value of a stylesheet (XPath expressions and attribute value
    templates), where kt:msg calls live; comments are not looked at."""
    doc = etree.parse(str(path))
    return [v for v in doc.xpath("//@*")]


def without_comments(path):
    doc = etree.parse(str(path), etree.XMLParser(remove_comments=True))
    return etree.tostring(doc, encoding="unicode")


def used_literal_keys():
    keys = {}
    for path in stylesheets():
        for expr in expressions(path):
            for m in LITERAL_RE.finditer(expr):
                keys.setdefault(m.group(1) or m.group(2), set()).add(path.name)
    return keys


def used_prefixes():
    found = {}
    for path in stylesheets():
        for expr in expressions(path):
            for m in CONCAT_RE.finditer(expr):
                found.setdefault(m.group(1), set()).add(path.name)
    return found


# ---- the catalogs themselves ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_well_formed_with_lang(lang):
    root = parse_catalog(lang).getroot()
    assert root.tag == "messages"
    assert root.get("lang") == lang
    for child in root:
        if isinstance(child.tag, str):
            assert child.tag == "msg", "unexpected element <%s>" % child.tag
            assert len(child) == 0, "msg %s has child elements" % child.get("key")


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_keys_unique_and_values_filled(lang):
    seen = set()
    for m in parse_catalog(lang).getroot().iter("msg"):
        key = m.get("key")
        assert key and re.fullmatch(r"[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*", key), key
        assert key not in seen, "%s defined twice in %s.xml" % (key, lang)
        seen.add(key)
        value = m.text or ""
        assert value.strip(), "empty value for %s in %s.xml" % (key, lang)
        assert value == value.strip(), "leading/trailing space in %s (%s)" % (key, lang)


def test_catalogs_have_the_same_keys():
    keys = {lang: set(catalog(lang)) for lang in LANGS}
    for lang in LANGS[1:]:
        assert keys[lang] == keys["fi"], (
            "%s.xml differs from fi.xml: missing %s, extra %s"
            % (lang, sorted(keys["fi"] - keys[lang]), sorted(keys[lang] - keys["fi"])))


def test_language_names_are_each_in_their_own_language():
    # The switcher shows Suomi / Svenska / English whatever the page's language.
    for lang in LANGS:
        cat = catalog(lang)
        assert [cat["lang." + l] for l in LANGS] == ["Suomi", "Svenska", "English"]


def test_ui_text_really_is_translated():
    cats = {lang: catalog(lang) for lang in LANGS}
    # a few central strings must differ between the languages
    for key in ("site.name", "skip.main", "nav.activities", "error.404.title", "search.submit"):
        assert len({cats[l][key] for l in LANGS}) == 3, key


# ---- stylesheets against the catalogs -----------------------------------------------

def test_stylesheets_use_messages():
    assert stylesheets(), "no stylesheets in xslt/"
    assert used_literal_keys(), "no kt:msg('…') found: has the namespace prefix changed?"


@pytest.mark.parametrize("lang", LANGS)
def test_every_literal_key_exists(lang):
    cat = catalog(lang)
    missing = {k: sorted(files) for k, files in used_literal_keys().items() if k not in cat}
    assert not missing, "keys used by stylesheets but missing from %s.xml: %s" % (lang, missing)


def test_every_dynamic_prefix_is_known():
    unknown = {p: sorted(f) for p, f in used_prefixes().items() if p not in DYNAMIC_FAMILIES}
    assert not unknown, ("kt:msg(concat('prefix', …)) with a prefix this test does not know; "
                         "add it to DYNAMIC_FAMILIES: %s" % unknown)


@pytest.mark.parametrize("lang", LANGS)
def test_every_dynamic_key_exists(lang):
    cat = catalog(lang)
    used = used_prefixes()
    missing = [k for prefix, keys in DYNAMIC_FAMILIES.items() if prefix in used
               for k in keys if k not in cat]
    assert not missing, "missing from %s.xml: %s" % (lang, missing)


# Words a stylesheet may write itself: attribute tokens and internal markers, not UI text.
TOKENS = {"yes", "true", "page"}
# Attributes people read (or hear): these must come from kt:msg too.
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}


def test_stylesheets_have_no_hard_coded_ui_text():
    """Text in stylesheets is only punctuation and spacing: words come from kt:msg."""
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    word = re.compile(r"[^\W\d_]{2,}")
    for path in stylesheets():
        doc = etree.parse(str(path))
        for node in doc.iter():
            if not isinstance(node.tag, str) or not node.text or not node.text.strip():
                continue
            if node.get("disable-output-escaping") == "yes":
                continue
            if node.tag == xsl + "attribute" and node.get("name") not in READ_ATTRIBUTES:
                continue
            if node.text.strip() in TOKENS:
                continue
            assert not word.search(node.text), (path.name, node.tag, node.text)
        # literal result attributes people read, e.g. aria-label="…", must be {kt:msg(…)}
        for attr in doc.xpath("//*[not(starts-with(name(), 'xsl:'))]/@*"):
            if attr.attrname in READ_ATTRIBUTES and word.search(attr):
                assert attr.startswith("{kt:msg("), (path.name, attr.attrname, attr)


def test_disable_output_escaping_only_for_the_doctype():
    uses = []
    for path in stylesheets():
        doc = etree.parse(str(path))
        for node in doc.xpath("//*[@disable-output-escaping='yes']"):
            uses.append((path.name, node.text))
    assert uses == [("layout.xsl", "<!DOCTYPE html>\n")], uses


def test_no_inline_style_or_script_in_stylesheets():
    # The CSP has style-src 'self' and no inline script.
    for path in stylesheets():
        doc = etree.parse(str(path))
        assert not doc.xpath("//script | //style | //*[local-name()='attribute'][@name='style']"
                             " | //@style | //*[starts-with(name(@*), 'on')]"), path.name
        assert not re.search(r"""\sstyle\s*=|<script|javascript:""", without_comments(path)), \
            path.name


# ---- rendering the sample pages ------------------------------------------------------

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import render_pages  # noqa: E402  (needs the path above)

FIXTURES = sorted(p.name for p in PAGES_DIR.glob("*.xml"))


def check_page(html_text, lang):
    """Structural rules every rendered page keeps."""
    assert html_text.startswith("<!DOCTYPE html>\n"), html_text[:80]
    doc = lxml_html.fromstring(html_text.encode("utf-8"))
    assert doc.get("lang") == lang
    assert "kt:msg" not in html_text
    assert len(doc.xpath("//main[@id='main']")) == 1
    first_focusable = doc.xpath("//body//a[@href] | //body//input | //body//button")[0]
    assert first_focusable.get("class") == "skip-link" and first_focusable.get("href") == "#main"
    assert len(doc.xpath("//h1")) == 1, "exactly one h1"
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, "heading levels skip: %s" % levels
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "duplicate ids"
    for ref in doc.xpath("//@aria-labelledby | //@aria-describedby | //label/@for"):
        for one in ref.split():
            assert one in ids, "reference to missing id %s" % one
    assert not doc.xpath("//@style | //script | //style")
    assert len(doc.xpath("//head/meta[@http-equiv or @charset]")) == 1, "one encoding declaration"
    # every content text not in the page's language says so
    for el in doc.xpath("//main//*[@lang][not(self::input or self::textarea)]"
                        "[not(contains(@class, 'lang-labelled'))]"):
        if el.get("lang") != lang:
            # the note follows the text, or a notice comes before a longer text, or (a
            # news teaser) the item's title carries the note
            assert el.xpath("following-sibling::*[1][@class='fallback-note'] "
                            "| preceding-sibling::*[1][@class='fallback-notice'] "
                            "| ancestor::*[following-sibling::*[1][@class='fallback-note']] "
                            "| ancestor::article[1]//*[@class='fallback-note']"), \
                lxml_html.tostring(el)[:200]
    return doc


def test_there_are_sample_pages():
    types = {etree.parse(str(PAGES_DIR / n)).getroot().get("type") for n in FIXTURES}
    assert {"front", "activity", "organisation", "feed-guide", "error"} <= types


@pytest.mark.parametrize("name", FIXTURES)
def test_sample_page_renders(name):
    html_text, lang = render_pages.render(str(PAGES_DIR / name))
    check_page(html_text, lang)


def error_page(lang, code, detail=None):
    page = etree.Element("page", lang=lang, type="error", status=code,
                         path="/%s/x" % lang, base="http://127.0.0.1:8080")
    alts = etree.SubElement(page, "alternates")
    for l in LANGS:
        a = etree.SubElement(alts, "alternate", lang=l, href="/%s/x" % l)
        if l == lang:
            a.set("current", "true")
    etree.SubElement(page, "error", code=code)
    if detail:
        etree.SubElement(page, "detail", param="page").text = detail
    return etree.ElementTree(page)


@pytest.mark.parametrize("code", ERROR_CODES + ("418",))
@pytest.mark.parametrize("lang", LANGS)
def test_every_error_code_renders(lang, code):
    html_text, _ = render_pages.render_doc(error_page(lang, code, detail="<b>x</b> & y"))
    doc = check_page(html_text, lang)
    known = code if code in ERROR_CODES else "500"
    assert doc.xpath("string(//h1)") == catalog(lang)["error.%s.title" % known]
    # the detail is shown as text, never as markup
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html_text
    assert doc.xpath("//main//a[@href='/%s/']" % lang)
    assert doc.xpath("//main//a[@href='/%s/activities']" % lang)


def test_very_long_text_renders():
    """Thousands of lines or paragraphs must not hit libxslt's recursion limit (a 500)."""
    for sep in ("\n", "\n\n", "\r\n\r\n"):
        doc = etree.parse(str(PAGES_DIR / "activity-1.fi.xml"))
        doc.find(".//description").text = sep.join(["rivi <b>&amp;"] * 20000)
        html_text, lang = render_pages.render_doc(doc)
        check_page(html_text, lang)
        # in the page itself; the head's description quotes the start of it too
        body = html_text.split("<body", 1)[1]
        assert body.count("rivi &lt;b&gt;&amp;amp;") == 20000
