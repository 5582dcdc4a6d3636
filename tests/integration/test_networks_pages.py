"""The public pages of networks (issue 12 item 4) on the demo data (sql/demo/060_networks.sql):
the list with its filters (q, municipality, region, audience, page; their 400s:
test_kinds_pages.py), one network in each language with the fallback notice, 404 and 410, and
the organisation's page."""
import pytest

from kt_accounts import page


def ids(resp):
    return [a.split("/")[-1] for a in page(resp).xpath(
        "//section[.//h2[@id='networks-results-heading']]//h3/a/@href")]


def test_the_list_and_its_filters(http):
    r = http.get("/fi/networks")
    assert r.status_code == 200
    shown = ids(r)
    assert "1" in shown and "2" in shown
    assert not {"3", "4", "900"} & set(shown)          # submitted, draft, archived
    # a region: its networks, those of its municipalities, and the national ones
    assert set(ids(http.get("/fi/networks", params={"region": "08"}))) >= {"1", "2"}
    assert ids(http.get("/fi/networks", params={"region": "01"})).count("1") == 0
    # a municipality of the region finds the region's network
    assert "1" in ids(http.get("/fi/networks", params={"municipality": "285"}))
    assert "1" not in ids(http.get("/fi/networks", params={"municipality": "091"}))
    assert "1" in ids(http.get("/fi/networks", params={"audience": "asylum_seekers"}))
    assert "2" not in ids(http.get("/fi/networks", params={"audience": "asylum_seekers"}))
    # free text in the lists too: a word only in what network 1 does
    assert ids(http.get("/fi/networks", params={"q": "kunniaväkivallan"})) == ["1"]
    assert ids(http.get("/fi/networks", params={"q": "language clubs"})) == ["2"]
    # the choices are shown with links that remove them, and tracking parameters ignored
    r = http.get("/fi/networks", params={"audience": ["families", "volunteers"], "utm_source": "x"})
    assert r.status_code == 200
    chips = page(r).xpath("//ul[@class='chips']//a/@href")
    assert "/fi/networks?audience=volunteers" in chips


def test_free_text_as_the_other_lists_read_it(http):
    """q through the one filter machinery (kt_network_filters, sql/020_networks.sql): without
    accents, inflected, and a place's name finding what the place filters find (the region's
    network for one of its towns, the national ones everywhere)."""
    assert ids(http.get("/fi/networks", params={"q": "kunniavakivallan"})) == ["1"]
    assert set(ids(http.get("/fi/networks", params={"q": "Kotkassa"}))) == {"1", "2"}
    assert set(ids(http.get("/fi/networks", params={"q": "Kymenlaaksossa"}))) == {"1", "2"}
    assert ids(http.get("/fi/networks", params={"q": "Vantaalla"})) == ["2"]
    assert ids(http.get("/fi/networks", params={"q": "kotka kunniaväkivalta"})) == ["1"]
    # the words asked stay in the box and as a choice that removes them
    r = http.get("/fi/networks", params={"q": "Kotkassa", "audience": "families"})
    doc = page(r)
    assert doc.xpath("//input[@name='q']/@value") == ["Kotkassa"]
    assert "/fi/networks?audience=families" in doc.xpath("//ul[@class='chips']//a/@href")


def test_a_page_after_the_last_says_so(http):
    r = http.get("/sv/networks", params={"page": "50"})
    assert r.status_code == 200
    doc = page(r)
    assert doc.xpath("//nav[@class='pagination']//a[@href='/sv/networks']")


def test_one_network_in_each_language(http):
    r = http.get("/fi/networks/1")
    assert r.status_code == 200
    doc = page(r)
    assert doc.xpath("string(//h1)").strip() == "Maahanmuuttajajärjestöt Kymenlaaksossa"
    text = doc.xpath("string(//main)")
    for fact in ("Kymenlaakso", "Kunniaväkivallan ennaltaehkäisy", "Turvapaikanhakijat",
                 "vertaisohjaajat", "Hyvien väestösuhteiden luominen", "asiakas-, sidosryhmä",
                 "kymenlaakso.verkosto@example.org", "040 000 0000", "Kotkan Monikulttuurikeskus"):
        assert fact in text, fact
    assert doc.xpath("//section[.//h2[@id='members-heading']]//a[@href='/fi/organisations/41']")
    assert doc.xpath("//a[@href='mailto:kymenlaakso.verkosto@example.org']")
    # English as written; Swedish falls back, and says so on the name and every text
    en = page(http.get("/en/networks/1"))
    assert en.xpath("string(//h1)").strip() == "Immigrant organisations in Kymenlaakso"
    assert not en.xpath("//*[@class='fallback-notice']")
    sv = page(http.get("/sv/networks/1"))
    assert sv.xpath("//h1/span[@lang]")
    assert len(sv.xpath("//p[@class='fallback-notice']")) == 5
    assert sv.xpath("//ul[@lang]")
    # the national one in Swedish, with no fallback
    sv2 = page(http.get("/sv/networks/2"))
    assert sv2.xpath("string(//h1)").strip() == "Språkklubbarnas riksomfattande nätverk"
    assert "Hela landet" in sv2.xpath("string(//main)")
    assert not sv2.xpath("//p[@class='fallback-notice']")


@pytest.mark.parametrize("path,status", [
    ("/fi/networks/3", 404), ("/fi/networks/4", 404), ("/fi/networks/900", 410),
    ("/en/networks/99999999", 404), ("/fi/networks/abc", 404),
    ("/fi/networks/99999999999999999999", 404),
])
def test_not_public_networks(http, path, status):
    assert http.get(path).status_code == status


def test_organisation_pages_list_their_networks(http):
    doc = page(http.get("/fi/organisations/40"))
    rows = doc.xpath("//section[.//h2[@id='org-networks-heading']]//li")
    assert len(rows) == 1 and "koordinaattori" in rows[0].xpath("string(.)")
    doc = page(http.get("/en/organisations/13"))
    rows = doc.xpath("//section[.//h2[@id='org-networks-heading']]//li")
    assert len(rows) == 1 and "member" in rows[0].xpath("string(.)")
    assert rows[0].xpath(".//a[@href='/en/networks/2']")
    # organisation 1 coordinates only network 2 in public (3, 4 and 900 are not)
    doc = page(http.get("/fi/organisations/1"))
    assert doc.xpath("//section[.//h2[@id='org-networks-heading']]//a/@href") == ["/fi/networks/2"]
