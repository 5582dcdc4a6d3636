"""Jobs as the public sees them (ROUTES.md, issue 12 item 2): /{lang}/jobs with its filters, open
ones soonest deadline first (its 400s: test_kinds_pages.py), one job's page (404 / 410,
the fallback language, the JobPosting microdata), the front page's link, an organisation's open
jobs and the sitemap.  Demo jobs: sql/demo/040_jobs.sql."""
import pytest

from kt_accounts import page

LANGS = ("fi", "sv", "en")
OPEN = {1, 2, 3, 4, 5, 6}


def ids(resp):
    return [int(a.get("href").rsplit("/", 1)[1]) for a in
            page(resp).xpath("//ul[contains(@class, 'job-cards')]//h3//a")]


def jobs(http, lang="fi", **params):
    r = http.get("/%s/jobs" % lang, params=params)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r


@pytest.mark.parametrize("lang", LANGS)
def test_open_jobs_soonest_deadline_first(http, psql, lang):
    got = ids(jobs(http, lang))
    assert OPEN <= set(got) and not {900, 901, 902} & set(got)
    closes = [psql("SELECT closes_at FROM public_jobs WHERE id = :'i'", i=j)[0][0] for j in got]
    assert closes == sorted(closes)
    doc = page(jobs(http, lang))
    assert doc.get("lang") == lang
    assert doc.xpath("//form[@role='search']//input[@name='remote'][@value='1']")


def test_filters(http):
    def found(**params):
        return set(ids(jobs(http, **params))) & (OPEN | {900})
    assert found(type="volunteer") == {5, 6}
    assert found(type=["volunteer", "internship"]) == {4, 5, 6}
    assert found(remote="1") == {4, 6}
    # a place also matches every remote job: it can be done from anywhere
    assert found(municipality="091") == {1, 4, 6}
    assert found(region="01") == {1, 4, 5, 6}
    # with remote=1 a place changes nothing: remote jobs are everywhere
    assert found(municipality="837", remote="1") == {4, 6}
    assert found(q="läksykerho") == {5}
    assert found(q="homework") == {5}
    # the chosen filters are listed, each with a link that removes it
    doc = page(jobs(http, type="volunteer", region="01"))
    chips = doc.xpath("//div[@class='active-filters']//a/@href")
    assert "/fi/jobs?region=01" in chips and "/fi/jobs?type=volunteer" in chips


def test_tracking_parameters_are_ignored_and_a_page_after_the_last_says_so(http):
    assert ids(jobs(http, utm_source="x", type="volunteer")) == ids(jobs(http, type="volunteer"))
    doc = page(jobs(http, page="999"))
    assert doc.xpath("//p[@class='empty']") and doc.xpath("//nav[contains(@class, 'pagination')]")


@pytest.mark.parametrize("lang", LANGS)
def test_one_job(http, lang):
    doc = page(http.get("/%s/jobs/1" % lang))
    assert doc.xpath("string(//h1)").strip()
    assert doc.xpath("//a[@href='/%s/organisations/1']" % lang)
    assert doc.xpath("//a[@href='https://example.org/rekry/kotoutumisen-ohjaaja']")
    hours = {"fi": "37,5 h/vko", "sv": "37,5 h/vecka", "en": "37.5 h a week"}[lang]
    text = doc.xpath("string(//main)")
    assert hours in text and "2 900" in text
    # schema.org JobPosting, as microdata (escaped by the serializer like everything else)
    job = doc.xpath("//article[@itemtype='https://schema.org/JobPosting']")[0]
    props = {m.get("itemprop"): m.get("content") for m in job.xpath(".//meta[@itemprop]")}
    assert props["employmentType"] == "FULL_TIME"
    assert props["validThrough"].endswith("Z") and props["datePosted"]
    assert job.xpath(".//*[@itemprop='title']") and job.xpath(".//*[@itemprop='hiringOrganization']")
    assert job.xpath(".//*[@itemprop='addressLocality']")


def test_a_remote_job_and_an_email_to_apply(http):
    doc = page(http.get("/fi/jobs/4"))
    assert doc.xpath("//meta[@itemprop='jobLocationType'][@content='TELECOMMUTE']")
    assert doc.xpath("//a[@href='mailto:harjoittelu@example.org']")
    assert page(http.get("/fi/jobs/5")).xpath("//a[@href='mailto:vapaaehtoiset@example.org']")


def test_404_and_410(http):
    assert http.get("/fi/jobs/900").status_code == 410
    for path in ("/fi/jobs/901", "/fi/jobs/902", "/fi/jobs/99999999", "/fi/jobs/abc",
                 "/fi/jobs/1.ics"):
        assert http.get(path).status_code == 404, path


def test_a_jobs_text_falls_back_to_another_language(http):
    doc = page(http.get("/en/jobs/2"))
    assert doc.xpath("//main//*[@lang='fi']")
    assert doc.xpath("//p[@class='fallback-notice']")


@pytest.mark.parametrize("lang", LANGS)
def test_the_front_page_links_to_the_jobs(http, lang):
    assert page(http.get("/%s/" % lang)).xpath("//a[@href='/%s/jobs']" % lang)


def test_an_organisations_page_lists_its_open_jobs(http):
    doc = page(http.get("/fi/organisations/1"))
    assert doc.xpath("//ul[contains(@class, 'job-cards')]//a[@href='/fi/jobs/1']")
    assert not doc.xpath("//a[@href='/fi/jobs/900']")
    # an organisation without open jobs shows no empty section
    assert not page(http.get("/fi/organisations/2")).xpath("//ul[contains(@class, 'job-cards')]")


def test_the_sitemap_lists_open_jobs(http):
    text = http.get("/sitemap.xml").text
    assert "/fi/jobs/1<" in text and "/sv/jobs/6<" in text
    assert "/fi/jobs/900<" not in text and "/fi/jobs/901<" not in text
    assert "/en/jobs<" in text
