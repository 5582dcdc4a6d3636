"""Place names in q in the forms people write them (issue 13 item 2; sql/022_search_place_names.sql,
HACKING.md "Matching"): regions of two words ("Kanta-Hämeessä", "Egentliga Finland"), Uusimaa whose
both parts inflect ("Uudellamaalla"), Finnish stems that are not a weak grade ("Heinävedellä",
"Kannuksessa") and the irregular ones ("Kangasalla"), in every kind whose list reads q with the
names (activities, events, jobs: a region stands for its municipalities too).  The recall of the
activities' search on such queries is in search_recall.tsv (test_search_recall.py).

Each name is checked through the offer to use it as a filter, which the activities' page makes for
every value a word names (no demo listing is needed in the place)."""
import pytest

from kt_accounts import page

DEMO_EVENTS = set(range(1, 32))
DEMO_JOBS = {1, 2, 3, 4, 5, 6}


def offers(http, lang, q):
    """The filters the page offers for words of q: {(param, code): href}."""
    r = http.get("/%s/activities" % lang, params={"q": q})
    assert r.status_code == 200, (r.status_code, r.text[:300])
    doc = page(r)
    out = {}
    for a in doc.xpath("//div[@class='named']//a"):
        href = a.get("href")
        for param in ("region", "municipality", "language", "form"):
            marker = "%s=" % param
            if marker in href:
                out[(param, href.split(marker, 1)[1].split("&", 1)[0])] = href
    return out


@pytest.mark.parametrize("lang,q,param,code", [
    # regions in Finnish: Uusi|maa inflects in both parts; of two words only the last one does
    ("fi", "Uudellamaalla", "region", "01"),
    ("fi", "Uudeltamaalta", "region", "01"),
    ("fi", "Uudenmaan", "region", "01"),
    ("fi", "Kanta-Hämeessä", "region", "05"),
    ("fi", "Kanta Hämeessä", "region", "05"),
    ("fi", "Varsinais-Suomessa", "region", "02"),
    ("fi", "Päijät-Hämeessä", "region", "07"),
    ("fi", "Etelä-Karjalassa", "region", "09"),
    ("fi", "Pohjois-Savossa", "region", "11"),
    ("fi", "Keski-Suomessa", "region", "13"),
    ("fi", "Etelä-Pohjanmaalla", "region", "14"),
    ("fi", "Pohjois-Pohjanmaalta", "region", "17"),
    # in Swedish and English
    ("sv", "i Nyland", "region", "01"),
    ("sv", "Egentliga Finland", "region", "02"),
    ("sv", "i Södra Österbotten", "region", "14"),
    ("sv", "Norra Karelens", "region", "12"),
    ("en", "in Southwest Finland", "region", "02"),
    ("en", "North Ostrobothnia", "region", "17"),
    ("en", "South Savo", "region", "10"),
    # municipalities: weak grades (010) and the stems 022 adds
    ("fi", "Lahdessa", "municipality", "398"),
    ("fi", "Turussa", "municipality", "853"),
    ("fi", "Porissa", "municipality", "609"),
    ("fi", "Kemissä", "municipality", "240"),
    ("fi", "Helsingissä", "municipality", "091"),
    ("fi", "Seinäjoella", "municipality", "743"),
    ("fi", "Heinävedellä", "municipality", "090"),
    ("fi", "Orivedellä", "municipality", "562"),
    ("fi", "Kannuksessa", "municipality", "217"),
    ("fi", "Muhoksella", "municipality", "494"),
    ("fi", "Alavudella", "municipality", "010"),
    ("fi", "Varkaudessa", "municipality", "915"),
    ("fi", "Kangasalla", "municipality", "211"),
    ("fi", "Virroilla", "municipality", "936"),
    ("fi", "Punkalaitumella", "municipality", "619"),
    ("fi", "Pihtiputaalla", "municipality", "601"),
    ("fi", "Uudessakaupungissa", "municipality", "895"),
    ("fi", "Mänttä-Vilppulassa", "municipality", "508"),
])
def test_a_place_name_in_any_form_is_offered_as_its_filter(http, lang, q, param, code):
    got = offers(http, lang, q)
    # the name was all of q: the offer is the filter alone
    assert got.get((param, code)) == "/%s/activities?%s=%s" % (lang, param, code), got


@pytest.mark.parametrize("lang,q,wrong", [
    # the last word alone names something else: the Finnish language, the region Pohjanmaa
    ("fi", "Varsinais-Suomessa", ("language", "fin")),
    ("fi", "Keski-Suomessa", ("language", "fin")),
    ("fi", "Etelä-Pohjanmaalla", ("region", "15")),
    ("sv", "i Norra Österbotten", ("region", "15")),
    ("en", "Central Ostrobothnia", ("region", "15")),
])
def test_a_name_of_two_words_is_not_read_as_its_last_word(http, lang, q, wrong):
    assert wrong not in offers(http, lang, q)


def test_the_rest_of_q_stays_when_a_name_becomes_a_filter(http):
    got = offers(http, "fi", "kielikerho Kanta-Hämeessä")
    assert got[("region", "05")] == "/fi/activities?q=kielikerho&region=05"
    assert got[("form", "language_club")] == \
        "/fi/activities?q=Kanta-H%C3%A4meess%C3%A4&form=language_club"
    # a hyphenated word loses the part that became the filter, not the rest's meaning
    # ("-kerho" would exclude kerho)
    assert offers(http, "fi", "Helsinki-kerho")[("municipality", "091")] == \
        "/fi/activities?q=kerho&municipality=091"
    # only a stop word left: nothing
    assert offers(http, "sv", "i Nyland")[("region", "01")] == "/sv/activities?region=01"


def kind_ids(http, kind, q, demo):
    r = http.get("/fi/%s" % kind, params={"q": q})
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return {int(a.get("href").rsplit("/", 1)[1]) for a in
            page(r).xpath("//main//h3//a[starts-with(@href, '/fi/%s/')]" % kind)} & demo


def test_events_find_a_region_by_its_municipalities(http):
    # events 1, 2, 10 Helsinki, 3 Espoo, 12 Vantaa; 8 and 14 online; 4 Tampere, 5 Turku
    for q in ["Uusimaa", "Uudellamaalla", "i Nyland"]:
        got = kind_ids(http, "events", q, DEMO_EVENTS)
        assert {1, 2, 3, 10, 12, 8, 14} <= got and not {4, 5} & got, (q, got)
    got = kind_ids(http, "events", "Pohjois-Pohjanmaalla", DEMO_EVENTS)
    assert 6 in got and 7 not in got, got          # Oulu; Vaasa is in Pohjanmaa
    assert 13 in kind_ids(http, "events", "Kanta-Hämeessä", DEMO_EVENTS)


def test_jobs_find_a_region_by_its_municipalities(http):
    # jobs 1 Helsinki, 5 Vantaa; 4 and 6 remote; 2 Tampere, 3 Turku
    got = kind_ids(http, "jobs", "Uudellamaalla", DEMO_JOBS)
    assert got == {1, 4, 5, 6}, got
    got = kind_ids(http, "jobs", "Varsinais-Suomessa", DEMO_JOBS)
    assert got == {3, 4, 6}, got
