"""A network's member organisations through HTTP (issue 12 item 4): the coordinator adds
approved organisations; an organisation's main user asks to join a published network and the
coordinator approves or declines; members leave, the coordinator removes.  No moderation and
no versions, but each change is an audit line and a mail to the other side.  Every route
refuses other organisations' people (404/403), anonymous visitors (sign in) and a POST
without its token (403)."""
from conftest import run_psql
from kt_accounts import Person, last_mail, link_in, make_org, make_user, mails, page
from kt_networks import (NetworkWorkspace, join, join_page, leave, member_status)
from kt_listings import workspace_fixture


ws = workspace_fixture(NetworkWorkspace)


class Other:
    """Another approved organisation with its main user and a plain member."""

    def __init__(self, base_url, status="approved"):
        self.main_id, self.main_email = make_user(first="Olli", last="Muu", lang="sv")
        self.member_id, self.member_email = make_user(first="Mari", last="Muu")
        self.org = make_org(self.main_id, status=status, members=[self.member_id])
        self.main = Person(base_url)
        self.main.sign_in(self.main_email, lang="sv")
        self.member = Person(base_url)
        self.member.sign_in(self.member_email)


def audit(nid):
    return [(a, r) for a, r in run_psql(
        "SELECT action, reason FROM audit_log WHERE object_type = 'network'"
        " AND object_id = :'i' AND action LIKE 'network.%%\\_%%' ORDER BY id", i=nid)]


def public_members(http, nid):
    doc = page(http.get("/fi/networks/%s" % nid))
    return doc.xpath("//section[.//h2[@id='members-heading']]//li/a/@href")


def test_the_coordinator_adds_and_removes_members(ws, http, base_url):
    nid = ws.publish(title_fi="Jäsenverkosto")
    other = Other(base_url)
    doc = page(ws.main.get(ws.path(nid)))
    assert doc.xpath("//select[@name='organisation']/option[@value='%s']" % other.org)
    # not the coordinator itself, nor an organisation that waits for approval
    waiting = Other(base_url, status="pending")
    assert not doc.xpath("//select[@name='organisation']/option[@value='%s']" % ws.org)
    assert not doc.xpath("//select[@name='organisation']/option[@value='%s']" % waiting.org)
    r = ws.member_action(nid, "add", waiting.org)
    assert r.status_code == 303 and "done=member_unchanged" in r.headers["Location"]
    assert member_status(nid, waiting.org) is None

    r = ws.member_action(nid, "add", other.org, who=ws.member)
    assert r.status_code == 303 and "done=member_added" in r.headers["Location"]
    assert member_status(nid, other.org) == "active"
    assert public_members(http, nid) == ["/fi/organisations/%s" % other.org]
    # the organisation's page lists the network, as a member
    org = page(http.get("/fi/organisations/%s" % other.org))
    assert org.xpath("//section[.//h2[@id='org-networks-heading']]"
                     "//a[@href='/fi/networks/%s']" % nid)
    # its main user hears of it, in Swedish, with a link to the network's membership page
    kind, subject, body, lang = last_mail(other.main_email, "network_member_added")
    assert lang == "sv" and "Jäsenverkosto" in subject
    assert link_in(body) == "/sv/manage/networks/%s/join" % nid
    assert not mails(other.member_email, "network_member_added")
    # the notice on the coordinator's page
    doc = page(ws.main.get(ws.path(nid) + "?done=member_added"))
    assert doc.xpath("//section[@id='members']//p[@class='notice']")
    # adding twice changes nothing
    r = ws.member_action(nid, "add", other.org)
    assert "done=member_unchanged" in r.headers["Location"]

    r = ws.member_action(nid, "remove", other.org)
    assert "done=member_removed" in r.headers["Location"]
    assert member_status(nid, other.org) is None
    assert public_members(http, nid) == []
    assert last_mail(other.main_email, "network_member_removed")
    name = run_psql("SELECT name FROM organisations WHERE id = :'o'", o=other.org)[0][0]
    assert audit(nid) == [("network.member_add", name), ("network.member_remove", name)]
    # the audit log's type filter takes the kind (forms, issue 14): both lines, with the name
    doc = page(ws.moderator.get("/fi/moderation/log?type=network"))
    assert doc.xpath("//select[@name='type']/option[@selected]/@value") == ["network"]
    text = doc.xpath("string(//main//table)")
    assert text.count(name) >= 2


def test_a_main_user_asks_to_join_and_the_coordinator_decides(ws, http, base_url):
    nid = ws.publish(title_fi="Avoin verkosto")
    other = Other(base_url)
    # the public page links to the membership page; anonymous visitors sign in first
    doc = page(http.get("/fi/networks/%s" % nid))
    assert doc.xpath("//a[@href='/fi/manage/networks/%s/join']" % nid)
    r = Person(base_url).get("/fi/manage/networks/%s/join" % nid, allow_redirects=False)
    assert r.status_code == 303 and "/fi/login?next=" in r.headers["Location"]
    # a plain member cannot ask for the organisation
    doc = page(join_page(other.member, nid))
    assert not doc.xpath("//select[@name='organisation']")
    token = doc.xpath("//input[@name='csrf']/@value")[0]
    r = other.member.post("/fi/manage/networks/%s/join" % nid,
                          data={"csrf": token, "organisation": other.org},
                          headers={"Origin": base_url})
    assert r.status_code == 403
    assert member_status(nid, other.org) is None

    r = join(other.main, nid, other.org, base_url)
    assert r.status_code == 303 and r.headers["Location"].endswith("join?done=requested")
    assert member_status(nid, other.org) == "pending"
    assert public_members(http, nid) == []
    kind, subject, body, lang = last_mail(ws.main_email, "network_join_request")
    assert "Avoin verkosto" in subject and link_in(body) == "/fi/manage/networks/%s#members" % nid
    doc = page(other.main.get(r.headers["Location"]))
    assert doc.xpath("//p[@class='notice']")
    assert "pyyntö odottaa" in doc.xpath("string(//main)")
    # the coordinator sees the request; declining deletes it and tells the organisation
    doc = page(ws.main.get(ws.path(nid)))
    assert doc.xpath("//section[@id='members']//button[@value='approve']")
    r = ws.member_action(nid, "decline", other.org)
    assert "done=member_declined" in r.headers["Location"]
    assert member_status(nid, other.org) is None
    assert last_mail(other.main_email, "network_join_declined")[3] == "sv"

    # asked again and approved
    join(other.main, nid, other.org, base_url)
    r = ws.member_action(nid, "approve", other.org)
    assert "done=member_approved" in r.headers["Location"]
    assert member_status(nid, other.org) == "active"
    assert public_members(http, nid) == ["/fi/organisations/%s" % other.org]
    assert last_mail(other.main_email, "network_join_approved")
    # the workspace lists the membership
    doc = page(other.main.get("/fi/manage"))
    assert doc.xpath("//section[.//h2[@id='my-networks-heading']]"
                     "//a[@href='/fi/manage/networks/%s/join']" % nid)

    # the member leaves; the coordinator hears of it
    r = leave(other.main, nid, other.org, base_url)
    assert r.status_code == 303 and r.headers["Location"].endswith("join?done=left")
    assert member_status(nid, other.org) is None
    assert last_mail(ws.main_email, "network_member_left")
    # a request taken back
    join(other.main, nid, other.org, base_url)
    r = leave(other.main, nid, other.org, base_url)
    assert r.headers["Location"].endswith("join?done=cancelled")
    assert last_mail(ws.main_email, "network_join_cancelled")
    assert [a for a, _ in audit(nid)] == [
        "network.join_request", "network.join_decline", "network.join_request",
        "network.join_approve", "network.member_leave", "network.join_request",
        "network.join_cancel"]


def test_only_public_networks_take_requests(ws, base_url):
    draft = ws.create(title_fi="Luonnosverkosto")
    other = Other(base_url)
    assert join_page(other.main, draft).status_code == 404
    # a member added to a draft still sees it, to leave it, but cannot ask to join others
    ws.member_action(draft, "add", other.org)
    doc = page(join_page(other.main, draft))
    assert doc.xpath("//button[contains(., 'Lämna nätverket') or contains(., 'Eroa')]")
    token = doc.xpath("//input[@name='csrf']/@value")[0]
    r = other.main.post("/fi/manage/networks/%s/join" % draft,
                        data={"csrf": token, "organisation": other.org},
                        headers={"Origin": base_url})
    assert r.status_code == 404
    assert leave(other.main, draft, other.org, base_url).status_code == 303
    assert member_status(draft, other.org) is None
    assert join_page(other.main, draft).status_code == 404
    assert join_page(other.main, "abc").status_code == 404
    assert join_page(other.main, 99999999).status_code == 404


def test_member_routes_are_out_of_reach_of_others(ws, base_url):
    nid = ws.publish(title_fi="Suljettu verkosto")
    other = Other(base_url)
    third = Other(base_url)
    token = page(other.main.get("/fi/manage")).xpath("//input[@name='csrf']/@value")[0]
    # only the coordinator's people change members: another main user gets 404
    for action in ("add", "approve", "decline", "remove"):
        r = other.main.post("/fi/manage/networks/%s/members" % nid,
                            data={"csrf": token, "action": action, "organisation": third.org},
                            headers={"Origin": base_url})
        assert r.status_code == 404, action
    assert member_status(nid, third.org) is None
    # leaving for an organisation one is not the main user of
    ws.member_action(nid, "add", third.org)
    r = other.main.post("/fi/manage/networks/%s/leave" % nid,
                        data={"csrf": token, "organisation": third.org},
                        headers={"Origin": base_url})
    assert r.status_code == 403
    assert member_status(nid, third.org) == "active"
    # asking for an organisation one is not the main user of
    r = other.main.post("/fi/manage/networks/%s/join" % nid,
                        data={"csrf": token, "organisation": ws.org},
                        headers={"Origin": base_url})
    assert r.status_code == 403
    # without the token, or without signing in
    r = ws.main.post("/fi/manage/networks/%s/members" % nid,
                     data={"action": "remove", "organisation": third.org},
                     headers={"Origin": base_url})
    assert r.status_code == 403
    assert member_status(nid, third.org) == "active"
    anon = Person(base_url)
    for path in ("members", "join", "leave"):
        r = anon.post("/fi/manage/networks/%s/%s" % (nid, path), data={"organisation": third.org},
                      headers={"Origin": base_url}, allow_redirects=False)
        assert r.status_code in (303, 403), path
        assert member_status(nid, third.org) == "active"
    # a wrong action or organisation is a 400, a GET of a POST route a 405
    r = ws.member_action(nid, "promote", third.org)
    assert r.status_code == 400
    r = ws.member_action(nid, "add", "x")
    assert r.status_code == 400
    assert ws.main.get("/fi/manage/networks/%s/members" % nid).status_code == 405
    assert ws.main.get("/fi/manage/networks/%s/leave" % nid).status_code == 405


def test_member_changes_are_throttled_per_person(ws, base_url):
    """Every change mails someone: 30 an hour by one person (rate_limits)."""
    nid = ws.publish(title_fi="Kiireinen verkosto")
    other = Other(base_url)
    key = "user-%s" % ws.main_id
    run_psql("INSERT INTO rate_limits (action, key, hits) VALUES ('network_members_user', :'k',"
             " 30) ON CONFLICT (action, key) DO UPDATE SET hits = 30, window_start = now()", k=key)
    try:
        r = ws.member_action(nid, "add", other.org)
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
        assert member_status(nid, other.org) is None
        assert not mails(other.main_email, "network_member_added")
        # another person is not held back
        assert join(other.main, nid, other.org, base_url).status_code == 303
        assert member_status(nid, other.org) == "pending"
    finally:
        run_psql("DELETE FROM rate_limits WHERE key = :'k'", k=key)
    assert ws.member_action(nid, "approve", other.org).status_code == 303
    # a decline or removal links to the network's public page, not to a membership page
    ws.member_action(nid, "remove", other.org)
    assert link_in(last_mail(other.main_email, "network_member_removed")[2]) == \
        "/sv/networks/%s" % nid
