"""Public pages of projects and the organisations directory on the demo data (issue 12 items 3
and 5): /{lang}/projects with q, funder, objective, active=1 and page (its 400s:
test_kinds_pages.py), a project's fields in the page's language (the objective from the
vocabulary, not the text it was loaded with), partners linked, ended projects kept and
marked, 404 and 410; /{lang}/organisations with q, municipality, type and page, and each profile listing its
published items of every kind (run and partnered projects)."""
import pytest

from conftest import run_psql
from kt_accounts import page

LANGS = ("fi", "sv", "en")


def ids(doc, lang, segment):
    return {int(h.rsplit("/", 1)[1]) for h in doc.xpath(
        "//main//h3//a[starts-with(@href, '/%s/%s/')]/@href" % (lang, segment))}


def all_listed(http, lang, segment, **params):
    """Every id the list shows, page by page."""
    found, n = set(), 1
    while True:
        doc = page(http.get("/%s/%s" % (lang, segment), params=dict(params, page=n)))
        got = ids(doc, lang, segment)
        if not got:
            return found
        found |= got
        n += 1


def public_projects(where="true"):
    return {int(r[0]) for r in run_psql("SELECT id FROM public_projects WHERE " + where)}


@pytest.mark.parametrize("lang, objective", [("fi", "2.2 Kotoutuminen"),
                                             ("sv", "2.2 Integration"),
                                             ("en", "2.2 Integration")])
def test_the_objective_is_named_in_the_pages_language(http, lang, objective):
    doc = page(http.get("/%s/projects/1" % lang))
    facts = doc.xpath("string(//dl[@class='facts'])")
    assert objective in facts
    if lang != "fi":
        assert "Kotoutuminen" not in facts
    # an ended project stays public and says so
    assert doc.xpath("//p[@class='callout']")


def test_the_list_shows_every_public_project_and_its_filters(http):
    assert all_listed(http, "en", "projects") == public_projects()
    assert all_listed(http, "fi", "projects", funder="amif") == public_projects(
        "funder = 'amif'")
    assert all_listed(http, "fi", "projects", objective="amif_2_1") == {28}
    assert all_listed(http, "fi", "projects", objective=["amif_2_1", "amif_2_3"]) == \
        public_projects("objective IN ('amif_2_1', 'amif_2_3')")
    active = all_listed(http, "sv", "projects", active="1")
    assert 27 in active and 30 in active and 1 not in active and 31 not in active
    assert active == public_projects("coalesce(start_date <= current_date, true)"
                                     " AND coalesce(end_date >= current_date, true)")
    assert all_listed(http, "fi", "projects", q="Kielipolku") == {27}
    assert all_listed(http, "en", "projects", funder="other") == {31}
    # not public: archived, a draft, one waiting for review, an edit waiting (v1 shown)
    listed = all_listed(http, "fi", "projects")
    assert not listed & {900, 901, 902}
    assert http.get("/fi/projects/900").status_code == 410
    assert http.get("/fi/projects/901").status_code == 404
    assert http.get("/fi/projects/902").status_code == 404
    assert "lauantaisin" not in http.get("/fi/projects/30").text


def test_a_chosen_filter_can_be_removed(http):
    doc = page(http.get("/fi/projects", params={"funder": "amif", "active": "1"}))
    chips = doc.xpath("//ul[@class='chips']//a/@href")
    assert chips == ["/fi/projects?active=1", "/fi/projects?funder=amif"]
    assert doc.xpath("//input[@name='funder'][@value='amif'][@checked]")
    assert doc.xpath("//input[@name='active'][@checked]")


def test_tracking_parameters_and_a_page_past_the_end(http):
    assert http.get("/fi/projects?utm_source=x&fbclid=y").status_code == 200
    doc = page(http.get("/fi/projects", params={"page": "50"}))
    assert doc.xpath("//p[@class='empty']") and doc.xpath("//nav[@class='pagination']//a")


def test_a_project_in_each_language_with_partners_linked(http):
    for lang in LANGS:
        doc = page(http.get("/%s/projects/27" % lang))
        assert doc.xpath("//a[@href='/%s/organisations/2']" % lang)
        assert doc.xpath("//a[@href='/%s/organisations/5']" % lang)
        assert doc.xpath("//a[@href='/%s/organisations/1']" % lang)
    assert page(http.get("/sv/projects/27")).xpath("string(//h1)").strip() == "Språkstigen"
    # only in Finnish: the Swedish page says so
    doc = page(http.get("/sv/projects/29"))
    assert doc.xpath("//h1//*[@lang='fi'] | //h1[@lang='fi']")
    assert doc.xpath("//*[@class='fallback-note']")


def test_projects_on_organisation_pages_run_and_partnered(http):
    doc = page(http.get("/fi/organisations/1"))
    run = doc.xpath("//section[@aria-labelledby='projects-heading']//h3//a/@href")
    partner = doc.xpath("//section[@aria-labelledby='partner-projects-heading']//h3//a/@href")
    assert "/fi/projects/27" in run and "/fi/projects/900" not in run
    assert partner == ["/fi/projects/29"]
    doc = page(http.get("/en/organisations/2"))
    assert "/en/projects/27" in doc.xpath(
        "//section[@aria-labelledby='partner-projects-heading']//a/@href")


def test_the_directory_lists_approved_organisations(http):
    approved = {int(r[0]) for r in run_psql("SELECT id FROM organisations"
                                            " WHERE status = 'approved'")}
    assert all_listed(http, "fi", "organisations") == approved
    assert 90 not in approved
    assert all_listed(http, "sv", "organisations", q="KAUPUNKI") == {int(r[0]) for r in run_psql(
        "SELECT id FROM organisations WHERE status = 'approved' AND name ILIKE '%kaupunki%'")}
    assert all_listed(http, "en", "organisations", q="9010007-1") == {1}
    assert all_listed(http, "fi", "organisations", municipality="049") == {int(r[0]) for r in run_psql(
        "SELECT id FROM organisations WHERE status = 'approved' AND municipality_code = '049'")}
    assert all_listed(http, "fi", "organisations", type="state_agency",
                      municipality="091") == {int(r[0]) for r in run_psql(
        "SELECT id FROM organisations WHERE status = 'approved' AND type = 'state_agency'"
        " AND municipality_code = '091'")}
    doc = page(http.get("/fi/organisations", params={"type": "municipality"}))
    assert doc.xpath("//select[@name='type']/option[@value='municipality'][@selected]")


@pytest.mark.parametrize("query, param", [
    ("municipality=999", "municipality"), ("type=company", "type"), ("page=-1", "page"),
    ("form=x", "form"), ("q=a&q=b", "q"),
])
def test_the_directory_refuses_bad_parameters(http, query, param):
    r = http.get("/sv/organisations?" + query)
    assert r.status_code == 400
    assert param in page(r).xpath("string(//main)")


def test_the_directory_is_linked_from_every_page(http):
    for lang in LANGS:
        doc = page(http.get("/%s/" % lang))
        assert doc.xpath("//footer//a[@href='/%s/organisations']" % lang)
    assert http.get("/fi/organisations/90").status_code == 404
