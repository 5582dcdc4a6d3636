"""The smaller items of issue 10: logs carry SQLSTATE and constraint names, never a row's
values (9); every XML error body is well-formed whatever the request (10); an https site
sends Strict-Transport-Security and names its cookies __Host-, and the anonymous CSRF token
is an HMAC under a server-side secret (14)."""
import base64
import hashlib
import hmac
import os
import pathlib
import re
import shutil
import socket
import subprocess
import time

import pytest
import requests
from lxml import etree

from conftest import kt_env, run_psql
from kt_accounts import PASSWORD, Person, clear_throttle, csrf_of, make_org, make_user, page
from test_kt_admin import kt_admin


@pytest.fixture(autouse=True)
def _no_throttle():
    clear_throttle()
    yield
    clear_throttle()


# ---- 9. logs carry no row values -------------------------------------------------------------

@pytest.mark.expect_log(r"KT0101: statement kt_org_update failed")
def test_a_failing_statement_logs_sqlstate_and_constraint_only(base_url, psql, error_log):
    uid, email = make_user(first="Lokitesti", last="Henkilö")
    org = make_org(uid, status="pending")
    p = Person(base_url)
    p.sign_in(email)
    # a constraint the form does not know: the database refuses, the page is a 500
    psql("ALTER TABLE organisations ADD CONSTRAINT test_no_secret_name"
         " CHECK (name <> 'Salainen Yhdistys ry')")
    try:
        r = p.submit("/fi/manage/organisations/%s" % org, action="save",
                     name="Salainen Yhdistys ry", registry_number="123.456", municipality="091",
                     website="https://salainen.example/", description="Salainen kuvaus")
        assert r.status_code == 500
    finally:
        psql("ALTER TABLE organisations DROP CONSTRAINT test_no_secret_name")
    lines = [l for l in error_log().splitlines() if "KT0101" in l]
    assert lines, error_log()
    line = lines[-1]
    assert "SQLSTATE 23514" in line and "constraint test_no_secret_name" in line, line
    assert "table organisations" in line
    for secret in ("Salainen", "salainen.example", "Failing row", "123.456"):
        assert secret not in line, (secret, line)


def test_kt_admin_reports_no_row_values(psql):
    psql("ALTER TABLE users ADD CONSTRAINT test_no_mod_name CHECK (first_name <> 'Piilo')")
    try:
        proc = kt_admin("create-moderator", "piilo-%d@example.org" % os.getpid(), "--first",
                        "Piilo", "--last", "Nimi", check=False,
                        env_extra={"KT_ADMIN_PASSWORD": "pitkä ja hyvä moderaattorin salasana"})
    finally:
        psql("ALTER TABLE users DROP CONSTRAINT test_no_mod_name")
    assert proc.returncode == 1
    assert "SQLSTATE 23514" in proc.stderr and "test_no_mod_name" in proc.stderr
    assert "Piilo" not in proc.stderr and "$2y$" not in proc.stderr


# ---- 10. XML error bodies are well-formed -------------------------------------------------------

HOSTILE_QUERIES = ["%01%0d%0a=1", "%01=%02", "%C3=1", "%FF%FE=x", "a%22%3E%3C=1", "%26amp;=1",
                   "lang=%01", "lang=fi&lang=%0d", "x=%E2%80%A8", "%00=1", "=" * 3,
                   "lang=" + "%C3%A4" * 300]


@pytest.mark.parametrize("path", ["/feed/activities.atom", "/feed/activities.xml"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_every_xml_error_body_is_well_formed(http, path, query):
    r = http.get("%s?%s" % (path, query))
    assert 400 <= r.status_code < 500, (query, r.status_code)
    if r.headers.get("Content-Type", "").startswith("application/xml"):
        doc = etree.fromstring(r.content)      # raises when not well-formed
        assert doc.tag.endswith("error")


# ---- 14. https: HSTS, __Host- cookies, the anonymous token ---------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def https_site(tmp_path_factory):
    """A second httpd on the same database and module whose KotoutuminenBaseURL is https
    (TLS itself would sit in front of it: a proxy or mod_ssl); stopped afterwards."""
    env = kt_env()
    src = pathlib.Path(env.env_dir)
    d = tmp_path_factory.mktemp("https-site")
    (d / "run").mkdir()
    port = free_port()
    conf = (src / "httpd.conf").read_text()
    conf = re.sub(r"(?m)^ServerRoot .*$", 'ServerRoot "%s"' % d, conf)
    conf = re.sub(r"(?m)^DefaultRuntimeDir .*$", 'DefaultRuntimeDir "%s/run"' % d, conf)
    conf = re.sub(r"(?m)^PidFile .*$", 'PidFile "%s/httpd.pid"' % d, conf)
    conf = re.sub(r"(?m)^Listen .*$", "Listen 127.0.0.1:%d" % port, conf)
    conf = re.sub(r"(?m)^ErrorLog .*$", 'ErrorLog "%s/error.log"' % d, conf)
    conf = re.sub(r"(?m)^CustomLog .*$", 'CustomLog "%s/access.log" kt' % d, conf)
    conf = re.sub(r"(?m)^KotoutuminenBaseURL .*$", "KotoutuminenBaseURL https://kt.example", conf)
    (d / "httpd.conf").write_text(conf)
    cmd = ["/usr/sbin/apache2", "-d", str(d), "-f", str(d / "httpd.conf"), "-k", "start"]
    run_env = dict(os.environ)
    preload = src / "httpd.preload"
    if preload.exists():
        run_env["LD_PRELOAD"] = preload.read_text().strip()
    subprocess.run(cmd, check=True, env=run_env, timeout=60)
    base = "http://127.0.0.1:%d" % port
    for _ in range(100):
        try:
            if requests.get(base + "/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(0.1)
    yield base
    pid = int((d / "httpd.pid").read_text())
    os.kill(pid, 15)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    log = (d / "error.log").read_text(errors="replace")
    bad = [l for l in log.splitlines() if re.match(r"^\[[^\]]*\] \[[^:\]]*:(emerg|alert|crit|error)\]", l)]
    assert not bad, bad


def set_cookies(resp):
    return resp.raw.headers.getlist("Set-Cookie")


def test_an_https_site_is_https_only(https_site):
    r = requests.get(https_site + "/fi/login", timeout=10)
    assert r.status_code == 200
    assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
    pre = [c for c in set_cookies(r) if c.startswith("__Host-kt_pre=")]
    assert pre, set_cookies(r)
    attrs = [a.strip() for a in pre[0].split(";")]
    assert "Secure" in attrs and "Path=/" in attrs and not any(
        a.lower().startswith("domain") for a in attrs)
    assert not [c for c in set_cookies(r) if c.startswith("kt_pre=")]
    # even error pages and static files say so
    assert requests.get(https_site + "/fi/no-such-page", timeout=10).headers[
        "Strict-Transport-Security"] == "max-age=31536000"


def test_signing_in_on_an_https_site_sets_a_host_cookie(https_site):
    uid, email = make_user()
    s = requests.Session()
    s.trust_env = False
    r = s.get(https_site + "/fi/login", timeout=10)
    pre = re.match(r"__Host-kt_pre=([^;]+)", [c for c in set_cookies(r)
                                               if c.startswith("__Host-kt_pre=")][0]).group(1)
    token = page(r).xpath("//form[@method='post']//input[@name='csrf']/@value")[0]
    # requests keeps Secure cookies for https only: say them as the browser would
    r = s.post(https_site + "/fi/login", timeout=10, allow_redirects=False,
               headers={"Origin": "https://kt.example", "Cookie": "__Host-kt_pre=" + pre},
               data={"csrf": token, "email": email, "password": PASSWORD})
    assert r.status_code == 303, r.text[:1000]
    session = [c for c in set_cookies(r) if c.startswith("__Host-kt_session=")]
    assert session and "Secure" in session[0], set_cookies(r)
    value = re.match(r"__Host-kt_session=([^;]+)", session[0]).group(1)
    # the plain name is not read on an https site
    assert s.get(https_site + "/fi/manage", timeout=10, allow_redirects=False,
                 headers={"Cookie": "kt_session=" + value}).status_code == 303
    assert s.get(https_site + "/fi/manage", timeout=10, allow_redirects=False,
                 headers={"Cookie": "__Host-kt_session=" + value}).status_code == 200


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_the_anonymous_token_is_an_hmac_under_the_servers_secret(base_url, psql):
    p = Person(base_url)
    token = csrf_of(p.get("/fi/login"))
    cookie = p.cookies.get("kt_pre")
    secret = bytes.fromhex(psql("SELECT encode(secret, 'hex') FROM csrf_secret")[0][0])
    label = b"kt-csrf-anon-v1:" + cookie.encode()
    assert token == b64url(hmac.new(secret, label, hashlib.sha256).digest())
    # what anybody could compute from the cookie alone is no token
    plain = b64url(hashlib.sha256(label).digest())
    r = p.post("/fi/login", data={"csrf": plain, "email": "a@example.org", "password": "x"},
               headers={"Origin": base_url})
    assert r.status_code == 403
