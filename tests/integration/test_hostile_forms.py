"""No 500 from any input (issue 10, items 7 and 8): every POST route, every field of its
forms, sent overlong text, a multibyte character cut at the limit, C0 and C1 controls,
U+2028, numbers beyond int64, an empty value and the field twice — and each answer is 4xx
(or a redirect), never 5xx, with no error-log line above warn (conftest's log guard).

The routes are a table (ROUTES): a route added to mod_kotoutuminen.c with KT_POST joins
with one line here, and test_every_post_route_is_in_the_table fails until it does.  The
fields are read from the forms the route's own page shows, plus the ones a table entry
names (hidden ones the page makes, fields that come with an action)."""
import pathlib
import re

import pytest

from kt_accounts import (Person, clear_throttle, csrf_of, mail_link, make_org, make_user,
                         page, unique_email)
from kt_listings import Workspace
from kt_events import EventWorkspace
from kt_projects import ProjectWorkspace
from kt_networks import NetworkWorkspace
from kt_news import NewsDesk
from kt_jobs import JobWorkspace

ROOT = pathlib.Path(__file__).resolve().parents[2]

# The values sent in turn as each field.  (name, bytes of the urlencoded value)
HOSTILE = [
    ("overlong", "x" * 20000),
    ("overlong multibyte", "ä" * 3000),
    ("cut at 254", "a" * 253 + "%C3"),                 # a character cut where 254 bytes end
    ("cut multibyte", "%E2%82"),
    ("C0", "a%01b%1B%5B31m"),
    ("C1", "a%C2%85b%C2%9Fc"),
    ("U+2028", "a%E2%80%A8b"),
    ("beyond int64", "99999999999999999999999"),
    ("2^31", "2147483648"),
    ("empty", ""),
]


# Code points the HTML syntax forbids in a document (controls but ASCII white space,
# noncharacters), which the Nu checker refuses.
FORBIDDEN_IN_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


class Route:
    """path (with {placeholders} of Setup), who posts (Setup attribute), extra fields the
    page does not show, and the action values to sweep (one sweep each)."""

    def __init__(self, path, who, extra=(), actions=(None,), form_page=None):
        self.path, self.who, self.extra, self.actions = path, who, list(extra), list(actions)
        self.form_page = form_page      # where the token is read, when not path itself

    def __repr__(self):
        return self.path


ROUTES = [
    Route("/fi/register", "anonymous"),
    Route("/fi/register/resend", "anonymous"),
    Route("/fi/verify/{verify_token}", "anonymous"),
    Route("/fi/login", "anonymous", extra=["next"]),
    Route("/fi/logout", "logout_user", extra=["next"], form_page="/fi/"),   # signs out once
    Route("/fi/password-reset", "anonymous"),
    Route("/fi/password-reset/{reset_token}", "anonymous"),
    Route("/fi/contact", "anonymous"),
    Route("/fi/account", "user"),
    Route("/fi/account/password", "user"),
    Route("/fi/account/email", "user"),
    Route("/fi/account/email/{email_token}", "user", extra=["email"]),
    Route("/fi/account/delete", "blocked_user", extra=["current_password", "confirm"],
          form_page="/fi/account"),      # refused: its page shows no form then
    Route("/fi/manage/join", "user", extra=["organisation"]),
    Route("/fi/manage/organisations/new", "user"),
    Route("/fi/manage/organisations/{org}", "main",
          extra=["action", "member"], actions=["save", "approve", "remove", "make_main"]),
    Route("/fi/manage/activities/new", "main", extra=["organisation"], actions=["save"]),
    Route("/fi/manage/activities/{listing}", "main", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/organisations/{pending_org}", "moderator",
          extra=["decision", "reason", "about", "stamp"]),
    Route("/fi/moderation/organisations/{edited_org}", "moderator",
          extra=["decision", "reason", "about", "stamp"]),
    Route("/fi/moderation/activities/{submitted}", "moderator",
          extra=["decision", "reason", "version", "revision"]),
    Route("/fi/moderation/contact/{contact}", "moderator", extra=["action"]),
    Route("/fi/manage/events/new", "main", extra=["organisation"], actions=["save"]),
    Route("/fi/manage/events/{event}", "main", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/news/new", "news_moderator", actions=["save"]),
    Route("/fi/moderation/news/{news}", "news_moderator", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/events/{event_submitted}", "moderator",
          extra=["decision", "reason", "version", "revision"]),
    Route("/fi/manage/jobs/new", "main", extra=["organisation"], actions=["save"]),
    Route("/fi/manage/jobs/{job}", "main", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/jobs/{job_submitted}", "moderator",
          extra=["decision", "reason", "version", "revision"]),
    Route("/fi/manage/networks/new", "main", extra=["organisation"], actions=["save"]),
    Route("/fi/manage/networks/{network}", "main", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/networks/{network_submitted}", "moderator",
          extra=["decision", "reason", "version", "revision"]),
    Route("/fi/manage/networks/{network_public}/members", "network_main",
          extra=["action", "organisation"], actions=["add", "approve", "decline", "remove"],
          form_page="/fi/manage/networks/{network_public}"),
    Route("/fi/manage/networks/{network_public}/join", "main", extra=["organisation"]),
    Route("/fi/manage/networks/{network_public}/leave", "main", extra=["organisation"],
          form_page="/fi/manage/networks/{network_public}/join"),
    Route("/fi/manage/projects/new", "main", extra=["organisation"], actions=["save"]),
    Route("/fi/manage/projects/{project}", "main", extra=["revision"], actions=["save"]),
    Route("/fi/moderation/projects/{project_submitted}", "moderator",
          extra=["decision", "reason", "version", "revision"]),
]


def route_table_posts():
    """Every route of mod_kotoutuminen.c that takes a POST, as a path pattern."""
    text = (ROOT / "mod_kotoutuminen.c").read_text()
    found = []
    for m in re.finditer(r'\{\s*"([^"]+)",\s*(\d),\s*([^,]+),', text):
        path, has_arg, methods = m.group(1), m.group(2) == "1", m.group(3)
        if "KT_POST" in methods:
            found.append((path, has_arg))
    # and those the route table makes for every kind of listing (kind_routes): the editor and
    # the review of each segment named by a descriptor (src/lib/kt_kinds.c), or for a kind
    # owned by no organisation (KT_KIND_UNOWNED) its moderators' editor
    kinds = (ROOT / "src" / "lib" / "kt_kinds.c").read_text()
    for m in re.finditer(r'\{\s*"\w+",\s*"\w+",\s*"\w+",\s*"\w+",\s*"(\w+)"\s*\}'
                         r'[^;]*?(KT_KIND_\w+)', kinds):
        seg = m.group(1)
        if m.group(2) == "KT_KIND_UNOWNED":
            found += [("/moderation/%s/new" % seg, False), ("/moderation/%s/" % seg, True)]
        else:
            found += [("/manage/%s/new" % seg, False), ("/manage/%s/" % seg, True),
                      ("/moderation/%s/" % seg, True)]
    return found


def test_every_post_route_is_in_the_table():
    covered = [r.path[3:] for r in ROUTES]
    missing = []
    for path, has_arg in route_table_posts():
        if "*" in path:     # "prefix*suffix": the argument stands where the star is
            pattern = "^" + re.escape(path).replace(r"\*", "[^/]+") + "$"
        else:
            pattern = "^" + re.escape(path) + ("[^/]+$" if has_arg else "$")
        if not any(re.match(pattern, c.replace("{", "X").replace("}", "")) for c in covered):
            missing.append(path)
    assert not missing, "POST routes the sweep does not know: add a Route line for %s" % missing


class Setup:
    """The people and objects the routes need, made once for the module."""

    def __init__(self, base_url, psql):
        self.base = base_url
        self.ws = Workspace(base_url)
        self.main = self.ws.main
        self.moderator = self.ws.moderator
        uid, self.user_email = make_user()
        self.user = self._signed_in(self.user_email)
        buid, bemail = make_user()
        make_org(buid)                     # the only main user of it: deleting is refused
        self.blocked_user = self._signed_in(bemail)
        self.org = self.ws.org
        self.pending_org = make_org(uid, status="pending")
        self.edited_org = make_org(self.ws.main_id)
        r = self.main.submit("/fi/manage/organisations/%s" % self.edited_org, action="save",
                             name="Muuttuva ry", registry_number="123.456", municipality="091")
        assert r.status_code == 303
        self.listing = self.ws.create(title_fi="Pyyhkäisykerho")
        self.submitted = self.ws.create(title_fi="Tarkistettava")
        self.ws.submit(self.submitted)
        # events: the same organisation (and people) as the activities
        self.events = EventWorkspace(base_url)
        self.events.org, self.events.main = self.org, self.main
        self.events.moderator = self.moderator
        self.event = self.events.create(title_fi="Pyyhkäisyseminaari")
        self.event_submitted = self.events.create(title_fi="Tarkistettava seminaari")
        self.events.submit(self.event_submitted)
        # projects: the same again
        self.projects = ProjectWorkspace(base_url)
        self.projects.org, self.projects.main = self.org, self.main
        self.projects.moderator = self.moderator
        self.project = self.projects.create(title_fi="Pyyhkäisyhanke")
        self.project_submitted = self.projects.create(title_fi="Tarkistettava hanke")
        self.projects.submit(self.project_submitted)
        # news: written by moderators (a moderator of its own, signed in)
        self.news_desk = NewsDesk(base_url)
        self.news_moderator = self.news_desk.moderator
        self.news = self.news_desk.create(title_fi="Pyyhkäisyuutinen")
        # jobs: the same organisation and people too
        self.jobs = JobWorkspace(base_url)
        self.jobs.org, self.jobs.main = self.org, self.main
        self.jobs.moderator = self.moderator
        self.job = self.jobs.create(title_fi="Pyyhkäisytyöpaikka")
        self.job_submitted = self.jobs.create(title_fi="Tarkistettava työpaikka")
        self.jobs.submit(self.job_submitted)
        # networks: the organisation's own, and a public one of another organisation that
        # the organisation's main user asks to join and leaves
        self.networks = NetworkWorkspace(base_url)
        self.networks.org, self.networks.main = self.org, self.main
        self.networks.moderator = self.moderator
        self.network = self.networks.create(title_fi="Pyyhkäisyverkosto")
        self.network_submitted = self.networks.create(title_fi="Tarkistettava verkosto")
        self.networks.submit(self.network_submitted)
        self.other_networks = NetworkWorkspace(base_url)
        self.network_public = self.other_networks.publish(title_fi="Julkinen verkosto")
        self.network_main = self.other_networks.main
        self.contact = psql("INSERT INTO contact_messages (lang, topic, message) VALUES"
                            " ('fi', 'general', 'Pyyhkäisy') RETURNING id")[0][0]
        # registered twice: the link then asks for the password (a form to sweep)
        reg = unique_email("sweep")
        for first in ("S", "T"):
            Person(base_url).submit("/fi/register", first_name=first, last_name="W", email=reg,
                                    password="pyyhkäisyn salasana", terms="yes")
        self.verify_token = mail_link(reg, "verify").rsplit("/", 1)[1]
        Person(base_url).submit("/fi/password-reset", email=self.user_email)
        self.reset_token = mail_link(self.user_email, "reset").rsplit("/", 1)[1]
        self.user.submit("/fi/account/email", email=unique_email("new"),
                         current_password="demo-salasana-2026")
        self.email_token = self._email_token(psql, uid)
        self.logout_user = self._signed_in(make_user()[1])
        clear_throttle()

    def _signed_in(self, email):
        p = Person(self.base)
        p.sign_in(email)
        return p

    def _email_token(self, psql, uid):
        to = psql("SELECT new_email FROM account_tokens WHERE user_id = :'u' AND purpose = 'email'"
                  " ORDER BY created_at DESC LIMIT 1", u=uid)[0][0]
        return mail_link(to, "email_confirm").rsplit("/", 1)[1]

    def person_copy(self, who):
        """A new client for the person: the same session cookie, a connection of its own."""
        p = Person(self.base)
        if who != "anonymous":
            p.cookies.update(getattr(self, who).cookies)
        return p


@pytest.fixture(scope="module")
def setup(base_url):
    from conftest import run_psql
    clear_throttle()
    s = Setup(base_url, run_psql)
    yield s
    s.news_desk.cleanup()
    s.events.cleanup()
    s.jobs.cleanup()
    s.networks.cleanup()
    s.other_networks.cleanup()
    s.projects.cleanup()
    s.ws.cleanup()
    clear_throttle()


def post_forms(resp):
    return page(resp).xpath("//form[@method='post']")


def defaults(form):
    """[(name, value)] of a form as a browser sends it unchanged (no token, no button)."""
    pairs = []
    for el in form.xpath(".//input | .//textarea | .//select"):
        name, kind = el.get("name"), el.get("type")
        if not name or name == "csrf" or kind == "submit":
            continue
        if el.tag == "textarea":
            pairs.append((name, el.text or ""))
        elif el.tag == "select":
            chosen = el.xpath("option[@selected]/@value")
            pairs.append((name, chosen[0] if chosen else ""))
        elif kind in ("checkbox", "radio"):
            if el.get("checked") is not None:
                pairs.append((name, el.get("value")))
        else:
            pairs.append((name, el.get("value") or ""))
    return pairs


def field_names_of(forms):
    names = []
    for form in forms:
        for el in form.xpath(".//input | .//textarea | .//select | .//button[@name]"):
            name = el.get("name")
            if name and name != "csrf" and name not in names:
                names.append(name)
    return names


def body_of(token, pairs, field, hostile):
    """The urlencoded body: the form's own values encoded, the field's hostile value (already
    encoded) in place of every value it had, or added."""
    from urllib.parse import quote
    out, done = ["csrf=" + token], False
    for name, value in pairs:
        if name == field:
            if not done:
                out.extend(hostile)
                done = True
            continue
        out.append("%s=%s" % (quote(name, safe=""), quote(value, safe="")))
    if not done:
        out.extend(hostile)
    return "&".join(out)


class FormPage:
    """A form page as fetched, parsed once (the sweep posts many times from one page)."""

    def __init__(self, resp):
        self.resp = resp
        self.forms = post_forms(resp)
        self.fields = field_names_of(self.forms)
        self._token = None

    def token(self, form):
        token = form.xpath(".//input[@name='csrf']/@value")
        if token:
            return token[0]
        if self._token is None:
            self._token = csrf_of(self.resp)
        return self._token


def sweep(setup, route, action, who):
    from urllib.parse import quote
    path = route.path.format(**{k: getattr(setup, k) for k in (
        "verify_token", "reset_token", "email_token", "org", "listing", "pending_org",
        "edited_org", "submitted", "contact", "event", "event_submitted", "news", "job",
        "job_submitted", "network", "network_submitted", "network_public", "project",
        "project_submitted")})
    form_page = (route.form_page.format(network_public=setup.network_public)
                 if route.form_page else path)
    page_resp = who.get(form_page)
    assert page_resp.status_code < 500, (path, page_resp.status_code)
    answers = {}
    if page_resp.status_code >= 300:
        return answers        # the sweep ended what it needs (a link used, a sign-out)
    shown = FormPage(page_resp)
    fields = shown.fields + [f for f in route.extra if f not in shown.fields]
    fresh = True
    for field in fields:
        if route.who in THROTTLED:
            clear_throttle()        # a 429 would answer before the field is looked at
        for name, value in HOSTILE + [("repeated", None)]:
            if not fresh:
                page_resp = who.get(form_page)   # a write before: the form's revision moved
                if page_resp.status_code >= 300:
                    return answers
                shown = FormPage(page_resp)
            forms = shown.forms
            if not forms:
                return answers
            form = next((f for f in forms if f.xpath(".//*[@name='%s']" % field)), forms[0])
            token = shown.token(form)
            pairs = defaults(form)
            if action:
                pairs = [p for p in pairs if p[0] != "action"] + [("action", action)]
            hostile = (["%s=a" % quote(field, safe=""), "%s=b" % quote(field, safe="")]
                       if value is None else ["%s=%s" % (quote(field, safe=""), value)])
            resp = who.post(path, data=body_of(token, pairs, field, hostile).encode(), headers={
                "Origin": setup.base, "Content-Type": "application/x-www-form-urlencoded"})
            answers[(field, name)] = resp.status_code
            assert resp.status_code < 500, (path, action, field, name, resp.status_code)
            # a form shown again keeps what was typed, but never a character HTML forbids
            if resp.headers.get("Content-Type", "").startswith("text/html"):
                bad = FORBIDDEN_IN_HTML.search(resp.text)
                assert not bad, (path, action, field, name, hex(ord(bad.group())))
            fresh = resp.status_code >= 400
    return answers


# The sweep runs its routes side by side (the ASan build is slow, and httpd serves requests
# in parallel): in lanes of a thread pool, each lane a list of routes run in table order.
# Routes that change what another one sees share a lane: those of the people that the
# throttle counts (it is cleared between fields), and the three about the public network.
# Every other route has objects of its own (its listing, its organisation, its new items).
THROTTLED = ("anonymous", "user", "blocked_user", "logout_user")
WORKERS = 4


def lanes_of(routes):
    lanes = {}
    for route in routes:
        key = ("throttled" if route.who in THROTTLED
               else "network_public" if "{network_public}" in route.path else route.path)
        lanes.setdefault(key, []).append(route)
    # the editors of the listings post the most: first, so that the lanes end together
    heavy = re.compile(r"^/fi/manage/(activities|events|networks|jobs|projects)/")
    return sorted(lanes.values(), key=lambda lane: not heavy.match(lane[0].path))


def log_time(line):
    """The wall-clock time of an error-log line (None for a line without one)."""
    import datetime
    m = re.match(r"^\[(\w{3} \w{3} +\d+ [\d:.]+ \d{4})\]", line)
    if not m:
        return None
    return datetime.datetime.strptime(m.group(1), "%a %b %d %H:%M:%S.%f %Y").timestamp()


@pytest.fixture(scope="module")
def swept(setup, request):
    """{route: (posts answered, or the exception its sweep raised; error-log lines above
    warn written while it ran)} for the routes this run selected.  The error log is read
    here (conftest's guard of each test starts after this module fixture has run)."""
    import concurrent.futures
    import time
    from conftest import _LogGuard, kt_env
    selected = [item.callspec.params["route"] for item in request.session.items
                if getattr(item, "originalname", "") == "test_hostile_values_in_every_field_are_4xx"]
    guard = _LogGuard(kt_env().error_log, [])
    done, windows = {}, {}

    def run_lane(lane):
        people = {}     # a copy of each person for this lane (a session is not thread-safe)
        for route in lane:
            who = people.setdefault(route.who, setup.person_copy(route.who))
            start = time.time()
            try:
                done[route] = sum(len(sweep(setup, route, action, who))
                                  for action in route.actions)
            except Exception as e:      # raised again by the route's own test
                done[route] = e
            windows[route] = (start - 1, time.time() + 1)

    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run_lane, lanes_of(selected)))
    time.sleep(0.02)    # let a request that just finished write its last line
    bad = guard.unexpected_lines()
    return {route: (done[route], [line for line in bad if log_time(line) is None
                                  or windows[route][0] <= log_time(line) <= windows[route][1]])
            for route in selected}


@pytest.mark.parametrize("route", ROUTES, ids=[r.path for r in ROUTES])
def test_hostile_values_in_every_field_are_4xx(swept, route):
    answered, log_lines = swept[route]
    if isinstance(answered, Exception):
        raise answered
    assert answered, "nothing was posted to %s" % route
    assert not log_lines, ("error-log lines above warn while %s was swept (routes swept at"
                           " the same time may have written them):\n%s"
                           % (route, "\n".join(log_lines[:20])))


def test_versions_beyond_an_integer_are_409_not_500(base_url):
    """Item 7: version/revision above 2^31 in a moderation POST."""
    ws = Workspace(base_url)
    lid = ws.create(title_fi="Versiokerho")
    ws.submit(lid)
    doc = page(ws.review(lid))
    token = doc.xpath("//form[.//input[@name='decision']]//input[@name='csrf']/@value")[0]
    for version, revision in (("2147483648", "1"), ("1", "2147483648"),
                              ("99999999999999999999", "1"), ("-1", "1")):
        r = ws.moderator.post("/fi/moderation/activities/%s" % lid, headers={"Origin": base_url},
                              data={"csrf": token, "decision": "approve", "reason": "",
                                    "version": version, "revision": revision})
        assert r.status_code == 409, (version, revision, r.status_code)
    ws.cleanup()
