"""The workspace counts the requests to join a network that wait for its coordinator
(issue 12 gaps): a main user of the coordinating organisation sees on /{lang}/manage each
network with requests waiting, their number and a link to the network's members page, in
fi, sv and en; none waiting shows nothing, and nobody else sees them."""
from kt_accounts import Person, make_org, make_user, page
from kt_listings import workspace_fixture
from kt_networks import NetworkWorkspace, join, member_status

ws = workspace_fixture(NetworkWorkspace)

WAITING = {"fi": "odottavia liittymispyyntöjä: %d", "sv": "väntande anslutningsbegäranden: %d",
           "en": "requests to join waiting: %d"}


def asker(base_url):
    """Another approved organisation and its signed-in main user."""
    uid, email = make_user(first="Anni", last="Hakija")
    org = make_org(uid)
    person = Person(base_url)
    person.sign_in(email)
    return org, person


def requests_on(person, nid, lang="fi"):
    """The workspace's line about the network's requests: (link text, the line), or None."""
    doc = page(person.get("/%s/manage" % lang))
    links = doc.xpath("//section[.//h2[@id='my-networks-heading']]"
                      "//a[@href='/%s/manage/networks/%s#members']" % (lang, nid))
    if not links:
        return None
    assert len(links) == 1
    return links[0], " ".join(links[0].getparent().xpath("string(.)").split())


def test_the_coordinator_sees_requests_waiting(ws, base_url):
    nid = ws.publish(title_fi="Pyyntöverkosto", title_en="Request network",
                     description_en="A network of organisations.", activities_en="Meetings")
    first, first_main = asker(base_url)
    second, second_main = asker(base_url)
    # nothing waits: nothing is said
    assert requests_on(ws.main, nid) is None
    assert not page(ws.main.get("/fi/manage")).xpath("//a[contains(@href, '#members')]")

    assert join(first_main, nid, first, base_url).status_code == 303
    link, line = requests_on(ws.main, nid)
    assert link.text.strip() == "Pyyntöverkosto" and line.endswith(WAITING["fi"] % 1)
    assert join(second_main, nid, second, base_url).status_code == 303
    # in each language, the name in the page's language (Swedish falls back to English, marked)
    for lang, name, in_lang in (("fi", "Pyyntöverkosto", None), ("sv", "Request network", "en"),
                                ("en", "Request network", None)):
        link, line = requests_on(ws.main, nid, lang)
        assert link.text.strip() == name and link.get("lang") == in_lang, lang
        assert line.endswith(WAITING[lang] % 2), (lang, line)
    # the link leads to the requests, with their buttons
    doc = page(ws.main.get("/fi/manage/networks/%s" % nid))
    assert len(doc.xpath("//section[@id='members']//button[@value='approve']")) == 2

    # not for a plain member of the coordinator, nor for the organisations asking
    assert requests_on(ws.member, nid) is None
    assert requests_on(first_main, nid) is None
    assert requests_on(second_main, nid) is None

    # decided, they are gone
    assert ws.member_action(nid, "approve", first).status_code == 303
    assert requests_on(ws.main, nid)[1].endswith(WAITING["fi"] % 1)
    assert ws.member_action(nid, "decline", second).status_code == 303
    assert member_status(nid, first) == "active" and member_status(nid, second) is None
    assert requests_on(ws.main, nid) is None
