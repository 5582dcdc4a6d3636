"""Public search, GET /{lang}/activities (ROUTES.md, issue 3; HACKING.md "Search").

Expected result sets come from SQL over public_activities, the view every public page
reads, so these tests check the search against the listings themselves, not against
the search tables (activity_search) the module reads.  Demo data ids: HACKING.md."""
import datetime
import http.client as http_client
import json
import math
import pathlib
import re
import subprocess
import unicodedata
from urllib.parse import urlencode

import pytest
from lxml import etree
from lxml import html as lxml_html

from test_i18n_catalogs import catalog, check_page

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEARCH_SQL = ROOT / "build" / "kt-search-sql"
LANGS = ("fi", "sv", "en")
PAGE_SIZE = 20
MAX_PAGE = 1000
HELSINKI = datetime.timezone(datetime.timedelta(hours=2))  # demo data and tests: winter time


# ---- helpers -------------------------------------------------------------------------------

def url(lang, params=(), **kw):
    items = list(params) + sorted(kw.items())
    return "/%s/activities%s" % (lang, ("?" + urlencode(items)) if items else "")


def page(resp):
    assert resp.headers["Content-Type"].startswith("text/html"), resp.headers["Content-Type"]
    return lxml_html.fromstring(resp.content)


def number(text):
    """The first number in text: '1 234', '1,234', '1\u00a0234' -> 1234; none -> 0."""
    m = re.search(r"\d[\d\s\u00a0,]*", text)
    return int(re.sub(r"[\s\u00a0,]", "", m.group(0))) if m else 0


class Result:
    def __init__(self, resp):
        self.resp = resp
        self.status = resp.status_code
        self.doc = page(resp)
        heading = self.doc.xpath("string(//h2[@id='results-heading'])")
        self.total = number(heading)
        self.ids = [int(a.get("href").rsplit("/", 1)[1])
                    for a in self.doc.xpath("//section[@id='results']//h3/a")]

    def facet(self, param):
        """{value: count} next to each checkbox or option of a facet."""
        counts = {}
        for box in self.doc.xpath("//form//input[@type='checkbox'][@name=$p]", p=param):
            label = self.doc.xpath("//label[@for=$i]", i=box.get("id"))[0]
            counts[box.get("value")] = number(label.xpath("string(.//span[@class='count'])"))
        for opt in self.doc.xpath("//form//select[@name=$p]//option[@value!='']", p=param):
            counts[opt.get("value")] = number(opt.text_content().rsplit("(", 1)[1])
        return counts

    def checked(self, param):
        return sorted(self.doc.xpath("//form//input[@name=$p][@checked]/@value", p=param)
                      + self.doc.xpath("//form//select[@name=$p]//option[@selected]/@value", p=param))


def search(http, lang="fi", params=(), **kw):
    r = Result(http.get(url(lang, params, **kw)))
    assert r.status == 200, r.resp.text[:2000]
    return r


def all_ids(http, lang="fi", params=(), **kw):
    """Ids of every result, through all pages."""
    first = search(http, lang, params, **kw)
    ids = list(first.ids)
    for n in range(2, math.ceil(first.total / PAGE_SIZE) + 1):
        ids += search(http, lang, list(params) + [("page", n)], **kw).ids
    assert len(ids) == len(set(ids)) == first.total
    return set(ids)


def public_ids(psql, where="true", **vars):
    return {int(r[0]) for r in psql("SELECT id FROM public_activities a WHERE " + where, **vars)}


ANYWHERE = "(a.is_online OR a.is_nationwide)"


# ---- the page --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_search_page_lists_every_public_activity(http, psql, lang):
    r = search(http, lang)
    doc = r.doc
    assert doc.get("lang") == lang
    assert len(doc.xpath("//h1")) == 1
    form = doc.xpath("//form[@role='search'][@action=$a]", a="/%s/activities" % lang)[0]
    assert form.get("method") == "get"
    assert form.xpath(".//input[@type='search'][@name='q']")
    assert form.xpath(".//button[@type='submit']")
    assert all_ids(http, lang) == public_ids(psql)
    assert r.total == len(public_ids(psql)) > PAGE_SIZE
    # the language switcher keeps the search
    r = search(http, lang, [("q", "kieli"), ("form", "language_club")])
    for other in LANGS:
        href = r.doc.xpath("//a[@hreflang=$l]/@href", l=other)[0]
        assert href == "/%s/activities?q=kieli&form=language_club" % other


def test_head_and_wrong_method(http):
    r = http.head(url("fi", q="kielikerho"))
    assert r.status_code == 200 and r.content == b""
    r = http.post(url("en"), data="q=x",
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 405
    assert "GET" in r.headers["Allow"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["", "q=kielikerho&municipality=091&language=ara&page=1",
                                   "municipality=091&municipality=049&region=01&free=1&online=1",
                                   "q=zzzqqq&form=mediation", "page=9", "page=2&sort=title"])
def test_search_pages_keep_the_page_rules(http, lang, query):
    """One h1, headings in order, unique ids, labels pointing at fields, nothing inline,
    foreign-language texts marked (the rules of test_i18n_catalogs.check_page)."""
    r = http.get("/%s/activities%s" % (lang, "?" + query if query else ""))
    assert r.status_code == 200
    doc = check_page(r.text, lang)
    for field in doc.xpath("//form//input[@type!='hidden'] | //form//select"):
        assert doc.xpath("//label[@for=$i]", i=field.get("id")), field.get("id")


@pytest.mark.parametrize("lang", LANGS)
def test_result_cards_show_what_a_visitor_needs(http, psql, lang):
    r = search(http, lang, q="kielikerho")
    cards = r.doc.xpath("//section[@id='results']//article")
    assert len(cards) == len(r.ids) > 0
    text = {i: c.text_content() for i, c in zip(r.ids, cards)}
    for aid, org, muni_fi, muni_sv, online, nationwide, price in psql(
            "SELECT a.id, o.name, m.name_fi, m.name_sv, a.is_online, a.is_nationwide, a.price_eur"
            " FROM public_activities a JOIN organisations o ON o.id = a.organisation_id"
            " LEFT JOIN municipalities m ON m.code = a.municipality_code"):
        if int(aid) not in text:
            continue
        t = text[int(aid)]
        assert org in t
        place = catalog(lang)["place.online"] if online == "t" else \
            catalog(lang)["place.nationwide"] if nationwide == "t" else \
            (muni_sv if lang == "sv" else muni_fi)
        assert place in t, (aid, place)
        if float(price) == 0:
            assert catalog(lang)["price.free"] in t
        for label in ("activity.languages", "activity.forms", "activity.price"):
            assert catalog(lang)[label] in t
    for a in r.doc.xpath("//section[@id='results']//h3/a"):
        assert re.fullmatch(r"/%s/activities/\d+" % lang, a.get("href"))


def expected_next(psql, activity_id, now):
    """The next weekly slot or dated session after `now` (Helsinki time), by hand."""
    start, end = psql("SELECT coalesce(start_date::text, ''), coalesce(end_date::text, '')"
                      " FROM public_activities WHERE id = :'id'", id=activity_id)[0]
    times = []
    for weekday, starts in psql("SELECT weekday, to_char(starts, 'HH24:MI') FROM activity_schedule"
                                " WHERE activity_id = :'id' AND version = 1", id=activity_id):
        day = max(now.date(), datetime.date.fromisoformat(start) if start else now.date())
        for k in range(0, 15):
            d = day + datetime.timedelta(days=k)
            at = datetime.datetime.combine(d, datetime.time.fromisoformat(starts))
            if d.isoweekday() == int(weekday) and at > now:
                if not end or d <= datetime.date.fromisoformat(end):
                    times.append(at)
                break
    for (starts,) in psql("SELECT to_char(starts_at, 'YYYY-MM-DD\"T\"HH24:MI') FROM activity_sessions"
                          " WHERE activity_id = :'id' AND version = 1", id=activity_id):
        at = datetime.datetime.fromisoformat(starts)
        if at > now:
            times.append(at)
    return min(times).strftime("%Y-%m-%dT%H:%M") if times else None


@pytest.mark.parametrize("activity_id", [1, 2, 3])
def test_cards_show_the_next_time(http, psql, activity_id):
    now = datetime.datetime.fromisoformat(psql_now(psql))
    expected = expected_next(psql, activity_id, now)
    r = search(http, "en", q=psql("SELECT coalesce(title_en, title_fi) FROM public_activities"
                                  " WHERE id = :'id'", id=activity_id)[0][0])
    card = r.doc.xpath("//article[.//h3/a[@href=$h]]", h="/en/activities/%d" % activity_id)[0]
    shown = card.xpath(".//dd/time/@datetime")
    assert shown == ([expected] if expected else []), card.text_content()


def psql_now(psql):
    return psql("SELECT to_char(now() AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM-DD\"T\"HH24:MI:SS')")[0][0]


# ---- filters ---------------------------------------------------------------------------------

FILTER_CASES = [
    ({"form": "homework_club"}, "'homework_club' = ANY (a.forms)"),
    ({"theme": "housing"}, "'housing' = ANY (a.themes)"),
    ({"target": "women"}, "'women' = ANY (a.targets)"),
    ({"language": "som"}, "'som' = ANY (a.languages)"),
    ({"language": "so"}, "'som' = ANY (a.languages)"),            # ISO 639-1
    ({"language": "UKR"}, "'ukr' = ANY (a.languages)"),
    ({"free": "1"}, "a.price_eur = 0"),
    ({"online": "1"}, "a.is_online"),
    ({"municipality": "091"}, "(a.municipality_code = '091' OR %s)" % ANYWHERE),
    ({"region": "15"}, "(a.municipality_code IN (SELECT code FROM municipalities"
                       " WHERE region_code = '15') OR %s)" % ANYWHERE),
]


@pytest.mark.parametrize("params,where", FILTER_CASES, ids=[urlencode(c[0]) for c in FILTER_CASES])
def test_each_filter(http, psql, params, where):
    expected = public_ids(psql, where)
    assert expected, "the demo data should have some"
    assert all_ids(http, "fi", **params) == expected


def test_repeated_values_are_ored_and_names_anded(http, psql):
    params = [("form", "homework_club"), ("form", "mediation"), ("language", "ara"),
              ("language", "ukr"), ("free", "1")]
    assert all_ids(http, "sv", params) == public_ids(
        psql, "a.forms && '{homework_club,mediation}' AND a.languages && '{ara,ukr}'"
              " AND a.price_eur = 0")
    params = [("municipality", "091"), ("municipality", "853"), ("target", "youth")]
    assert all_ids(http, "en", params) == public_ids(
        psql, "(a.municipality_code IN ('091', '853') OR %s) AND 'youth' = ANY (a.targets)"
              % ANYWHERE)


def test_region_selects_its_municipalities(http, psql):
    uusimaa = {c for (c,) in psql("SELECT code FROM municipalities WHERE region_code = '01'")}
    local = public_ids(psql, "a.municipality_code IN (SELECT code FROM municipalities"
                             " WHERE region_code = '01') AND NOT %s" % ANYWHERE)
    found = all_ids(http, "fi", region="01")
    assert local < found
    # the same as asking for every municipality of the region
    assert found == all_ids(http, "fi", [("municipality", c) for c in sorted(uusimaa)])
    assert found == public_ids(psql, "(a.municipality_code IN (SELECT code FROM municipalities"
                                     " WHERE region_code = '01') OR %s)" % ANYWHERE)
    assert all_ids(http, "fi", region="01", municipality="853") == public_ids(psql, ANYWHERE), \
        "Turku is not in Uusimaa: only what is available everywhere is left"


def test_online_and_nationwide_activities_are_in_every_place(http, psql):
    anywhere = public_ids(psql, ANYWHERE)
    assert {3, 28} <= anywhere      # 3 online and nationwide, 28 online only
    for params in ({"municipality": "091"}, {"municipality": "615"}, {"region": "19"},
                   {"region": "21"}):
        assert anywhere <= all_ids(http, "fi", **params), params
    # no local activity of another municipality slips in
    assert all_ids(http, "fi", municipality="615") == anywhere | public_ids(
        psql, "a.municipality_code = '615'")


def test_online_only_keeps_only_online_ones(http, psql):
    online = public_ids(psql, "a.is_online")
    assert all_ids(http, "fi", online="1", municipality="091") == online
    assert all_ids(http, "fi", online="1") == online
    nationwide_in_person = public_ids(psql, "a.is_nationwide AND NOT a.is_online")
    assert not (nationwide_in_person & online)


@pytest.fixture
def two_slots(psql):
    """A listing on Monday mornings and Saturday evenings, and one with dated sessions on
    a Tuesday evening, found by their word alone."""
    psql("""BEGIN;
            INSERT INTO activities (id, organisation_id, state, published_version, latest_version,
                                    published_at)
            VALUES (700001, 1, 'published', 1, 1, now()), (700002, 1, 'published', 1, 1, now());
            INSERT INTO activity_versions (activity_id, version, title_fi, forms, languages,
                                           municipality_code, price_eur)
            VALUES (700001, 1, 'Slottikerho yksi', '{meeting_place}', '{fin}', '091', 0),
                   (700002, 1, 'Slottikerho kaksi', '{meeting_place}', '{fin}', '091', 0);
            INSERT INTO activity_schedule (activity_id, version, position, weekday, starts, ends)
            VALUES (700001, 1, 1, 1, '10:00', '11:30'), (700001, 1, 2, 6, '18:00', '19:30');
            -- 2 Dec 2031 and 9 Dec 2031 are Tuesdays
            INSERT INTO activity_sessions (activity_id, version, position, starts_at, ends_at)
            VALUES (700002, 1, 1, '2031-12-02 17:30', '2031-12-02 19:00'),
                   (700002, 1, 2, '2031-12-09 17:30', '2031-12-09 19:00');
            COMMIT""")
    yield 700001, 700002
    psql("DELETE FROM activities WHERE id IN (700001, 700002)")


WEEKDAY_TIME = [
    # (weekday values, time values): which of the two listings each finds
    (["1"], ["evening"], set()),            # Monday morning + Saturday evening: no Monday evening
    (["6"], ["morning"], set()),
    (["1"], ["morning"], {1}),
    (["6"], ["evening"], {1}),
    (["1", "2"], ["evening"], {2}),         # ORed within a name: a Monday or Tuesday evening
    (["2", "6"], ["evening"], {1, 2}),
    (["1"], ["morning", "evening"], {1}),
    (["2"], ["afternoon"], set()),          # the sessions start at 17:30: evening
    (["1"], [], {1}),
    ([], ["evening"], {1, 2}),
]


@pytest.mark.parametrize("days,times,found", WEEKDAY_TIME,
                         ids=["%s-%s" % ("+".join(c[0]), "+".join(c[1])) for c in WEEKDAY_TIME])
def test_weekday_and_time_ask_for_one_slot(http, two_slots, days, times, found):
    """"Tuesday evenings" is one weekly time or dated session on a Tuesday in the
    evening, not a Tuesday morning and a Saturday evening (issue 13)."""
    params = [("q", "slottikerho")] + [("weekday", d) for d in days] + [("time", t) for t in times]
    r = search(http, "en", params)
    assert set(r.ids) == {two_slots[i - 1] for i in found}
    # each count is what choosing that value as its filter's only one finds
    for name, values in (("weekday", days), ("time", times)):
        for value, count in r.facet(name).items():
            chosen = [(n, v) for n, v in params if n != name] + [(name, value)]
            assert search(http, "en", chosen).total == count, (name, value)
    # and the feed finds the same, through the same conditions
    feed = http.get("/feed/activities.xml?" + urlencode(params))
    assert feed.status_code == 200
    ids = {int(i) for i in re.findall(rb'<activity id="(\d+)"', feed.content)}
    assert ids == set(r.ids)


def test_empty_values_from_forms_are_ignored(http, psql):
    r = search(http, "fi", [("q", ""), ("form", ""), ("region", ""), ("municipality", ""),
                            ("sort", ""), ("page", ""), ("free", "")])
    assert r.total == len(public_ids(psql))


def test_front_page_search_form_submits_here(http):
    front = page(http.get("/fi/"))
    form = front.xpath("//form[@action='/fi/activities']")[0]
    params = [("q", "kielikerho")]
    params += [("form", v) for v in form.xpath(".//input[@name='form']/@value")[:2]]
    params += [("free", "1"), ("online", "1")]
    assert search(http, "fi", params).status == 200


# ---- free text ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,q,must_find", [
    ("fi", "kielikerhot", {1, 27}),            # plural of kielikerho
    ("fi", "kielikerhoissa", {1, 27}),         # inessive plural
    ("fi", "läksykerhoon", {18, 43, 60}),      # illative
    ("sv", "läxhjälp", {11, 34}),              # the Swedish homework clubs
    ("sv", "läxhjälpen", {11, 34}),
    ("sv", "språkklubbar", {1, 17}),
    ("en", "clubs", {1, 18}),
    ("en", "mediating", {19, 50}),
    ("fi", "Luckan", {7, 44}),                 # an organisation's name
    ("sv", "Esbo", {9}),                       # a municipality's Swedish name
    ("en", "Espoo", {9}),
])
def test_full_text_stemming_and_names(http, lang, q, must_find):
    found = set(search(http, lang, q=q).ids)
    assert must_find <= found, (q, found)


def test_text_query_in_any_language_on_any_page(http):
    # the page language does not limit which language a query is read in
    assert {11, 34} <= set(search(http, "en", q="läxhjälp").ids)
    assert {1, 27} <= set(search(http, "sv", q="kielikerhot").ids)


def test_websearch_syntax(http):
    both = set(search(http, "fi", q="kielikerho helsinki").ids)
    either = set(search(http, "fi", q="kielikerho or läksykerho").ids)
    without = set(search(http, "fi", q="kielikerho -helsinki").ids)
    kieli = set(search(http, "fi", q="kielikerho").ids)
    assert both and both < kieli and not (both & without) and both | without == kieli
    assert kieli < either


def test_title_matches_rank_first(http):
    r = search(http, "fi", q="läksykerho")
    titled = {18, 43, 60}            # "Läksykerho" in the Finnish title
    assert set(r.ids[:3]) == titled, r.ids


@pytest.mark.parametrize("q", ["a", "x", "the", "!!!", "'", '"', "-", "or", "&|!<->:*()",
                               "kielikerho\" OR \"", "  ", "ä", "😀", "السلام", "1", "091",
                               "a b c d e f g h i j k l m n o p q r s t u v w x y z",
                               "kielikerho" * 20, "%", "\\", "'; DROP TABLE activities; --"])
def test_any_text_is_a_valid_query(http, q):
    r = search(http, "fi", q=q)
    assert r.status == 200


def test_markup_in_q_comes_back_as_text(http):
    q = "<script>alert(1)</script><b>x</b>&amp;"
    r = http.get(url("fi", q=q))
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<b>x" not in r.text
    doc = page(r)
    assert doc.xpath("//input[@name='q']/@value") == [q]
    assert not doc.xpath("//script | //main//b")
    assert q in doc.xpath("string(//title)")


# ---- facets ---------------------------------------------------------------------------------

FACETS = ("form", "theme", "target", "language", "region", "municipality", "weekday", "time")
PLACES = ("region", "municipality")
FACET_SEARCHES = [
    [],
    [("q", "kielikerho")],
    [("form", "language_club"), ("language", "ara")],
    [("region", "01"), ("free", "1"), ("target", "women"), ("target", "families")],
    [("municipality", "091"), ("online", "1")],
]


def replaced(params, name, value):
    return [(n, v) for n, v in params if n != name] + [(name, value)]


@pytest.mark.parametrize("params", FACET_SEARCHES, ids=[urlencode(p) or "all" for p in FACET_SEARCHES])
def test_facet_counts_are_the_results_of_choosing_them(http, params):
    """Each count is the number of results with that value as its filter's only value."""
    r = search(http, "en", params)
    checked = 0
    for name in FACETS:
        counts = r.facet(name)
        assert counts, name
        sample = sorted(counts.items(), key=lambda kv: -kv[1])[:3] + \
            [kv for kv in sorted(counts.items()) if kv[1] == 0][:1]
        for value, count in sample:
            chosen = replaced(params, name, value)
            if name in PLACES:
                # a place counts the activities held there, not those available
                # everywhere that its results include too (issue 13)
                chosen = replaced(chosen, "in_person", "1")
            got = search(http, "en", chosen).total
            assert got == count, (name, value, count, got)
            checked += 1
    for flag in ("free", "online", "in_person"):
        (count,) = r.facet(flag).values()
        assert search(http, "en", replaced(params, flag, "1")).total == count
    assert checked >= 12


def test_a_facet_ignores_its_own_choice(http):
    base = search(http, "fi", q="kerho").facet("form")
    chosen = search(http, "fi", q="kerho", form="mentoring")
    assert chosen.facet("form") == base
    assert chosen.checked("form") == ["mentoring"]


def test_facet_names_in_the_page_language(http, psql):
    for lang, arabic in (("fi", "arabia"), ("sv", "arabiska"), ("en", "Arabic")):
        r = search(http, lang)
        label = r.doc.xpath("//label[@for='f-language-ara']")[0].text_content()
        assert label.startswith(arabic), label
        form_name = psql("SELECT kt_name(:'l', name_fi, name_sv, name_en) FROM activity_forms"
                         " WHERE code = 'homework_club'", l=lang)[0][0]
        assert r.doc.xpath("//label[@for='f-form-homework_club']")[0].text_content() \
            .startswith(form_name)


def test_language_list_holds_used_and_chosen_languages(http, psql):
    used = {c for (c,) in psql("SELECT DISTINCT unnest(languages) FROM public_activities")}
    assert set(search(http, "en").facet("language")) == used
    r = search(http, "en", language="deu")          # a real language nobody uses here
    assert r.total == 0
    assert r.facet("language")["deu"] == 0 and r.checked("language") == ["deu"]


def test_municipalities_grouped_by_region(http, psql):
    r = search(http, "sv")
    select = r.doc.xpath("//select[@name='municipality']")[0]
    label = r.doc.xpath("//label[@for=$i]", i=select.get("id"))[0].text_content()
    assert label == catalog("sv")["search.municipality.legend"]
    groups = select.xpath("./optgroup")
    regions = dict(psql("SELECT name_sv, code FROM regions"))
    assert sorted(g.get("label") for g in groups) == sorted(regions)
    where = {code: region for code, region in psql("SELECT code, region_code FROM municipalities")}
    for g in groups:
        for opt in g.xpath("./option"):
            assert where[opt.get("value")] == regions[g.get("label")]
    assert len(select.xpath(".//option[@value!='']")) == len(where) == 308
    # names sorted the Swedish way: Å, Ä, Ö last
    for group in groups:
        names = [o.text_content().rsplit(" (", 1)[0] for o in group.xpath("./option")]
        assert names == sorted(names, key=lambda n: title_key("sv", n)), names


def test_chosen_filters_stay_in_the_form_and_url(http):
    params = [("q", "kerho"), ("form", "homework_club"), ("language", "so"),
              ("municipality", "853"), ("free", "1"), ("sort", "title")]
    r = search(http, "fi", params)
    doc = r.doc
    assert doc.xpath("//input[@name='q']/@value") == ["kerho"]
    assert r.checked("form") == ["homework_club"]
    assert r.checked("language") == ["som"]
    assert r.checked("municipality") == ["853"]
    assert r.checked("free") == ["1"]
    assert doc.xpath("//form//input[@type='hidden'][@name='sort']/@value") == ["title"]
    # each choice has a link that takes just it away
    removes = doc.xpath("//section[@id='results']//a[@class='remove']/@href")
    assert "/fi/activities?form=homework_club&language=som&municipality=853&free=1&sort=title" \
        in removes
    assert "/fi/activities?q=kerho&language=som&municipality=853&free=1&sort=title" in removes


def test_several_places_from_a_url_keep_a_multiple_select(http):
    r = search(http, "fi", [("municipality", "091"), ("municipality", "049")])
    assert r.doc.xpath("//select[@name='municipality']/@multiple")
    assert r.checked("municipality") == ["049", "091"]
    assert not search(http, "fi", municipality="091").doc.xpath("//select/@multiple")


# ---- sorting and paging ----------------------------------------------------------------------

def test_default_sort_is_relevance_with_words_and_newest_without(http, psql):
    newest = [int(i) for (i,) in psql("SELECT id FROM public_activities"
                                      " ORDER BY published_at DESC, id DESC LIMIT 20")]
    assert search(http, "fi").ids == newest
    assert search(http, "fi", sort="newest").ids == newest
    assert search(http, "fi", sort="relevance").ids == newest     # nothing to rank by
    r = search(http, "fi", q="läksykerho")
    current = r.doc.xpath("//div[@class='sort-links']//a[@aria-current]/@href")
    assert current == ["/fi/activities?q=l%C3%A4ksykerho"]


@pytest.mark.parametrize("lang", LANGS)
def test_sort_by_title_in_the_page_language(http, psql, lang):
    titles = dict(psql("SELECT id, kt_name(:'l', title_fi, title_sv, title_en)"
                       " FROM public_activities", l=lang))
    shown = search(http, lang, sort="title").ids + \
        search(http, lang, sort="title", page=2).ids
    names = [titles[str(i)] for i in shown]
    keys = [title_key(lang, n) for n in names]
    assert keys == sorted(keys), names


def title_key(lang, s):
    """Sort key of a title the way the language sorts (ICU): Finnish and Swedish put
    å, ä, ö after z, English treats them as a and o; space before punctuation before
    digits before letters."""
    s = s.lower()
    if lang != "en":
        s = s.replace("å", "{").replace("ä", "|").replace("ö", "}")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    order = " 0123456789abcdefghijklmnopqrstuvwxyz{|}"
    return [0 if c == " " else order.index(c) + 1 if c in order else 1 for c in s]


def test_pages(http):
    first = search(http, "en")
    total = first.total
    last = math.ceil(total / PAGE_SIZE)
    assert last >= 3
    nav = first.doc.xpath("//nav[@class='pagination']")[0]
    assert nav.get("aria-label") == catalog("en")["search.pages.label"]
    assert nav.xpath(".//a[@aria-current='page']/@href") == ["/en/activities"]
    assert nav.xpath(".//a[@rel='next']/@href") == ["/en/activities?page=2"]
    assert not nav.xpath(".//a[@rel='prev']")
    end = search(http, "en", page=last)
    assert len(end.ids) == total - (last - 1) * PAGE_SIZE
    assert end.doc.xpath("//nav[@class='pagination']//a[@aria-current='page']/@href") == \
        ["/en/activities?page=%d" % last]
    assert not end.doc.xpath("//nav[@class='pagination']//a[@rel='next']")
    # filters are kept in every page link
    r = search(http, "en", q="club", free="1")
    for href in r.doc.xpath("//nav[@class='pagination']//a/@href"):
        assert href.startswith("/en/activities?q=club&free=1")


@pytest.mark.parametrize("n", [4, 50, MAX_PAGE])
def test_a_page_past_the_end_says_so(http, n):
    r = search(http, "sv", page=n)
    assert r.ids == [] and r.total > 0
    text = r.doc.xpath("string(//section[@id='results'])")
    assert catalog("sv")["search.past-end.last"] in text
    last = math.ceil(r.total / PAGE_SIZE)
    assert r.doc.xpath("//div[@class='no-results']//a/@href") == \
        ["/sv/activities?page=%d" % last, "/sv/activities"]


def test_empty_result_offers_to_remove_each_choice(http):
    params = [("q", "kielikerho"), ("form", "mediation"), ("municipality", "615")]
    r = search(http, "en", params)
    assert r.total == 0 and r.ids == []
    assert catalog("en")["search.empty.text"] in r.doc.text_content()
    links = r.doc.xpath("//div[@class='no-results']//a/@href")
    assert "/en/activities" in links                 # start again
    removals = [h for h in links if h != "/en/activities"]
    assert len(removals) == 3
    assert any(search(http, "en", [tuple(kv.split("=")) for kv in h.split("?")[1].split("&")]).total
               for h in removals)


# ---- bad parameters ---------------------------------------------------------------------------

BAD = [
    ("form=nope", "form", "unknown-value"),
    ("form=language_club&form=Language_Club", "form", "unknown-value"),
    ("theme=x", "theme", "unknown-value"),
    ("target=kids", "target", "unknown-value"),
    ("language=xx", "language", "unknown-value"),
    ("language=suomi", "language", "unknown-value"),
    ("municipality=abc", "municipality", "unknown-value"),
    ("municipality=000", "municipality", "unknown-value"),
    ("region=99", "region", "unknown-value"),
    ("free=0", "free", "unknown-value"),
    ("online=yes", "online", "unknown-value"),
    ("sort=oldest", "sort", "unknown-value"),
    ("page=-1", "page", "out-of-range"),
    ("page=0", "page", "out-of-range"),
    ("page=1001", "page", "out-of-range"),
    ("page=99999999999", "page", "out-of-range"),
    ("page=abc", "page", "unknown-value"),
    ("page=2&page=3", "page", "repeated"),
    ("q=a&q=b", "q", "repeated"),
    ("q=" + "x" * 10000, "q", "too-long"),
    ("q=" + "%C3%A4" * 201, "q", "too-long"),       # 201 characters, 402 bytes
    ("q=" + "%D8%B3" * 10000, "q", "too-long"),     # 10 000 Arabic letters, 60 000 bytes of URL
    ("q=%FF%FE", "q", "invalid-utf8"),
    ("q=%C3%28", "q", "invalid-utf8"),
    ("q=a%00b", "q", "control-char"),
    ("q=100%", "q", "bad-escape"),
    ("weekday=8", "weekday", "unknown-value"),
    ("time=night", "time", "unknown-value"),
    ("in_person=yes", "in_person", "unknown-value"),
    ("sort=soonest", "sort", "unknown-value"),
    ("&".join("municipality=%03d" % i for i in range(60)), "municipality", "too-many"),
    ("&".join(["q="] * 200), None, "too-many"),
]


def raw_get(base_url, path):
    """GET path exactly as written: requests would repair a stray '%' before sending."""
    host, port = base_url.split("//")[1].split(":")
    conn = http_client.HTTPConnection(host, int(port), timeout=15)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query,param,reason", BAD, ids=[b[0][:40] for b in BAD])
def test_bad_parameters_get_a_400_naming_them(base_url, lang, query, param, reason):
    status, headers, body = raw_get(base_url, "/%s/activities?%s" % (lang, query))
    assert status == 400, (query, status)
    assert headers["Content-Type"].startswith("text/html")
    doc = lxml_html.fromstring(body)
    assert doc.get("lang") == lang
    cat = catalog(lang)
    assert doc.xpath("string(//h1)") == cat["error.400.title"]
    detail = doc.xpath("//div[@class='error-detail']")[0]
    text = detail.text_content()
    if param:
        assert detail.xpath(".//code")[0].text == param
    assert cat["error.reason." + reason] in text
    assert headers.get("Cache-Control") == "no-store"
    retry = detail.xpath(".//a/@href")
    assert retry and retry[0].startswith("/%s/activities" % lang)
    assert b"\x00" not in body


@pytest.mark.parametrize("lang", LANGS)
def test_tracking_parameters_are_ignored(http, lang):
    """A link shared on social media opens the same search, not a 400 (ROUTES.md)."""
    plain = http.get(url(lang, [("q", "kieli"), ("form", "language_club")]))
    shared = http.get("/%s/activities?q=kieli&utm_source=fb&utm_medium=social&form=language_club"
                      "&fbclid=IwAR0x&gclid=1&mc_cid=2&mc_eid=3" % lang)
    assert shared.status_code == 200
    assert Result(shared).ids == Result(plain).ids
    # nor on any other GET page, the feed included
    for path in ("/%s/?utm_campaign=x" % lang, "/%s/activities/1?fbclid=y" % lang,
                 "/feed/activities.xml?utm_source=partner", "/feed/activities.atom?utm_source=x"):
        assert http.get(path).status_code == 200, path


def test_retry_link_drops_only_the_wrong_part(http):
    doc = page(http.get("/en/activities?q=club&fbclid2=abc&form=mentoring"))
    retry = doc.xpath("//div[@class='error-detail']//a/@href")[0]
    assert retry == "/en/activities?q=club&form=mentoring"
    assert http.get(retry).status_code == 200


def test_a_long_wrong_value_is_shown_shortened(http):
    doc = page(http.get("/fi/activities?form=" + "a" * 40 + "&x=" + "b" * 500))
    shown = doc.xpath("string(//div[@class='error-detail']//p[2]/code)")
    assert shown.startswith("b" * 60) and shown.endswith("…") and len(shown) == 61


# ---- OpenSearch -----------------------------------------------------------------------------

OS_NS = "http://a9.com/-/spec/opensearch/1.1/"


@pytest.mark.parametrize("path,lang,headers", [
    ("/fi/opensearch.xml", "fi", {}),
    ("/sv/opensearch.xml", "sv", {}),
    ("/opensearch.xml", "en", {"Accept-Language": "en-GB,en;q=0.9"}),
    ("/opensearch.xml", "fi", {}),
])
def test_opensearch_description(http, base_url, path, lang, headers):
    r = http.get(path, headers=headers)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/opensearchdescription+xml")
    root = etree.fromstring(r.content)
    assert root.tag == "{%s}OpenSearchDescription" % OS_NS
    short = root.findtext("{%s}ShortName" % OS_NS)
    assert short == catalog(lang)["opensearch.short-name"] and len(short) <= 16
    assert root.findtext("{%s}Language" % OS_NS) == lang
    templates = root.xpath("o:Url[@type='text/html']/@template", namespaces={"o": OS_NS})
    assert templates == [base_url + "/%s/activities?q={searchTerms}" % lang]
    if path == "/opensearch.xml":
        assert "Accept-Language" in r.headers.get("Vary", "")


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_the_opensearch_description(http, lang):
    for path in ("/%s/" % lang, url(lang)):
        doc = page(http.get(path))
        link = doc.xpath("//head/link[@rel='search']")[0]
        assert link.get("type") == "application/opensearchdescription+xml"
        assert link.get("href") == "/%s/opensearch.xml" % lang
        assert link.get("title") == catalog(lang)["opensearch.short-name"]


# ---- the search tables follow the listings -----------------------------------------------------

def test_search_follows_archiving_renames_and_new_versions(http, psql):
    try:
        psql("UPDATE activities SET archived_at = now() WHERE id = 27")
        assert 27 not in all_ids(http, "fi", q="kielikerho")
        psql("UPDATE activities SET archived_at = NULL WHERE id = 27")
        assert 27 in set(search(http, "fi", q="kielikerho").ids)

        psql("UPDATE organisations SET name = 'Zyxwv Testiyhdistys ry' WHERE id = 20")
        assert set(search(http, "fi", q="zyxwv").ids) == {7, 44}

        # a new approved version replaces the old one in the search
        psql("""INSERT INTO activity_versions (activity_id, version, title_fi, forms, languages,
                    municipality_code, price_eur)
                SELECT 2, 2, 'Qwerty-kerho ja Zorbutaidepiiri', forms, '{fin,vie}', '564', 0
                  FROM activity_versions WHERE activity_id = 2 AND version = 1;
                UPDATE activities SET published_version = 2, latest_version = 2 WHERE id = 2""")
        assert search(http, "fi", q="qwerty").ids == [2]
        # a word new to the lexicon comes with its stems: found by a part of it
        assert search(http, "fi", q="taidepiiri").ids == [2]
        assert 2 in all_ids(http, "fi", language="vie", municipality="564")
        assert 2 not in all_ids(http, "fi", municipality="091")
    finally:
        psql("""UPDATE activities SET archived_at = NULL WHERE id = 27;
                UPDATE organisations SET name = 'Luckan r.f.' WHERE id = 20;
                UPDATE activities SET published_version = 1, latest_version = 1 WHERE id = 2;
                DELETE FROM activity_versions WHERE activity_id = 2 AND version = 2""")
    assert 2 in all_ids(http, "fi", municipality="091")
    assert set(search(http, "fi", q="Luckan").ids) == {7, 44}
    assert search(http, "fi", q="taidepiiri").ids == []
    # the precomputed counts of the unfiltered search followed every change
    drift = psql("""SELECT facet, code, n FROM activity_search_counts WHERE n <> 0
                    EXCEPT SELECT split_part(k, chr(31), 1), split_part(k, chr(31), 2), count(*)
                      FROM activity_search s, unnest(kt_search_row_keys(s)) k
                     GROUP BY k""")
    assert drift == []


# ---- the text search uses its indexes ----------------------------------------------------------

def plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


def search_sql(*args):
    if not SEARCH_SQL.exists():
        pytest.fail("%s is missing: `make test` builds it (make build/kt-search-sql)" % SEARCH_SQL)
    return subprocess.run([str(SEARCH_SQL), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def search_args(psql, lang, query):
    """The search statements' parameters for a query string, as SQL literals, made as the
    module makes them (build/kt-search-sql args: its parser and kt_search_sql_args, with q
    read by kt_search_expand), as bench/run makes them."""
    q = search_sql("q", query)
    expanded = psql("SELECT query, coalesce(exact, '') FROM kt_search_expand(:'q')",
                    q=q)[0] if q else ()
    return search_sql("args", lang, query, *expanded)


ACTIVITY_TABLES = {"activities", "activity_versions", "activity_search", "activity_search_text"}


def test_text_search_uses_the_indexes(psql):
    """With 5 000 more listings (inside a transaction that is rolled back, statistics
    included), a text query reads the GIN indexes and never has to scan an activity
    table: every plan has an index path.  At this size a sequential scan of the narrow
    rows is as cheap as the index for the non-text filters (weekday, time, in_person,
    whose estimates are rough), so it is priced out (enable_seqscan = off); a seq scan
    left means no index could serve.  On 100 000 listings make bench shows the plans
    PostgreSQL chooses by itself."""
    script = """
BEGIN;
INSERT INTO activities (id, organisation_id, state, published_version, latest_version, published_at)
SELECT 500000 + g, 1 + g %% 30, 'published', 1, 1, now() - g * interval '1 hour'
  FROM generate_series(1, 5000) g;
INSERT INTO activity_versions (activity_id, version, title_fi, description_fi, forms, languages,
                               municipality_code, price_eur)
SELECT 500000 + g,
       1,
       (ARRAY['Kohtaamispaikka', 'Vertaisryhmä', 'Neuvontapiste', 'Digitukea', 'Retki'])[1 + g %% 5]
           || ' ' || g,
       'Tervetuloa mukaan keskustelemaan arjesta ja harjoittelemaan yhdessä.',
       ARRAY[(ARRAY['meeting_place', 'peer_activity', 'counselling'])[1 + g %% 3]],
       '{fin,ara}', '091', 0
  FROM generate_series(1, 5000) g;
-- what this transaction inserted waits in the GIN indexes' pending lists, which
-- VACUUM would merge (it cannot run in a transaction): merge them here
SELECT gin_clean_pending_list(c.oid) FROM pg_class c
 WHERE c.relname LIKE 'activity_search%%' AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'gin');
ANALYZE activity_search;
ANALYZE activity_search_text;
SET LOCAL plan_cache_mode = force_custom_plan;
SET LOCAL enable_seqscan = off;
PREPARE kt_c AS %s;
PREPARE kt_d AS %s;
PREPARE kt_r AS %s;
EXPLAIN (FORMAT JSON) EXECUTE kt_c(%s);
EXPLAIN (FORMAT JSON) EXECUTE kt_d(%s, 'language');
EXPLAIN (FORMAT JSON) EXECUTE kt_r(%s, 'relevance', 0);
EXPLAIN (FORMAT JSON) EXECUTE kt_r(%s, 'newest', 0);
ROLLBACK;
""" % (tuple(search_sql(name).replace("%", "%%") for name in ("counts-r", "counts-dim", "results"))
       + tuple(search_args(psql, lang, query).replace("%", "%%") for lang, query in (
           ("fi", "q=kielikerho"),
           ("sv", "q=läxhjälp&language=swe&weekday=2"),
           ("fi", "q=kielikerho&time=evening&in_person=1"),
           ("sv", "q=läxhjälp&online=1"))))
    rows = psql(script.replace("%%", "%"))
    plans = [json.loads(r[0])[0]["Plan"] for r in rows if r[0].startswith("[")]
    assert len(plans) == 4
    for plan in plans:
        nodes = list(plan_nodes(plan))
        seq = [n["Relation Name"] for n in nodes
               if n["Node Type"] == "Seq Scan" and n.get("Relation Name") in ACTIVITY_TABLES]
        assert not seq, "sequential scan of %s" % seq
        assert any(n.get("Index Name", "").startswith("activity_search_text_") for n in nodes)
    # and nothing of it stayed
    assert psql("SELECT count(*) FROM activities WHERE id > 500000")[0][0] == "0"
