"""Fixtures for the integration tests: real HTTP against the httpd + PostgreSQL that
tools/kt-test started (tools/kt-env.sh), found through the KT_* environment variables.

By hand:  tools/kt-env.sh start /tmp/kt && . /tmp/kt/env && python3 -m pytest tests/integration

Fixtures
    base_url        "http://127.0.0.1:PORT" (no trailing slash)
    http            a requests.Session: paths like "/fi/" are joined to base_url, redirects
                    are NOT followed unless allow_redirects=True, every request times out
    psql            psql(sql, **vars) -> [(col, …), …]: strings, None for NULL
    psql_value      psql_value(sql, **vars) -> the one value of a one-row, one-column query
    pg_stop, pg_start, httpd_graceful
                    stop / start PostgreSQL (same port), graceful restart of httpd
    expect_log      expect_log(r"regex", ...): error-log lines matching these are allowed
    error_log       error_log() -> the error-log text written since this test began

After every test the new error-log lines are read: a line at level error, crit, alert or
emerg fails the test unless a regex from @pytest.mark.expect_log(...) or the expect_log
fixture matches it.  A child crash or a sanitizer report fails it always.  A test that
stopped PostgreSQL gets it started again afterwards.
"""

import os
import pathlib
import re
import subprocess
import time

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
KT_ENV_SH = ROOT / "tools" / "kt-env.sh"
PSQL_BIN = "/usr/lib/postgresql/15/bin/psql"
if not os.path.exists(PSQL_BIN):
    PSQL_BIN = "psql"

_FIELD_SEP = "\x1f"
_NULL = "\x1e"

REQUEST_TIMEOUT = 15  # seconds; a hanging request is a failure, not a stuck suite
# A connection kept alive longer than this is not reused: httpd closes it after
# KeepAliveTimeout (5 s, conf/httpd-dev.conf.in), and a request sent on it as it closes
# fails with "Remote end closed connection without response" — which requests cannot
# retry for a POST.  (Seen with 20 visitors prepared one by one on a loaded machine.)
KEEPALIVE_REUSE = 3.0

# "[Mon Nov 23 18:05:19.099590 2026] [authz_core:error] [pid …] …"
_LOG_LEVEL_RE = re.compile(r"^\[[^\]]*\] \[[^:\]]*:(emerg|alert|crit|error)\]")
# A child dying on a signal is logged at level notice; sanitizers write to stderr,
# which httpd sends to the error log without the usual prefix.
_CRASH_RE = re.compile(
    r"exit signal|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:"
)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "expect_log(*regexes): error-log lines (level error or worse) this test provokes on purpose",
    )


class KtEnv:
    """Where the servers are, from the variables tools/kt-env.sh writes to DIR/env."""

    NAMES = ("KT_BASE_URL", "KT_ENV_DIR", "KT_ERROR_LOG", "KT_PGHOST", "KT_PGPORT")

    def __init__(self):
        missing = [n for n in self.NAMES if not os.environ.get(n)]
        if missing:
            pytest.exit(
                "missing %s: run the integration tests with `make test`, or after "
                "`tools/kt-env.sh start DIR` with `. DIR/env`" % ", ".join(missing),
                returncode=4,
            )
        self.base_url = os.environ["KT_BASE_URL"].rstrip("/")
        self.env_dir = os.environ["KT_ENV_DIR"]
        self.error_log = os.environ["KT_ERROR_LOG"]
        self.pghost = os.environ["KT_PGHOST"]
        self.pgport = os.environ["KT_PGPORT"]
        self.pguser = os.environ.get("KT_PGUSER", "kt")
        self.pgdatabase = os.environ.get("KT_PGDATABASE", "kotoutuminen")
        self.pg_stopped = False


_kt = None


def kt_env():
    global _kt
    if _kt is None:
        _kt = KtEnv()
    return _kt


# --- helpers (also usable as plain functions) -------------------------------------------


def _kt_env_sh(*args):
    proc = subprocess.run(
        [str(KT_ENV_SH), *args], capture_output=True, text=True, timeout=90
    )
    if proc.returncode != 0:
        raise RuntimeError(
            "kt-env.sh %s failed (%d):\n%s%s"
            % (" ".join(args), proc.returncode, proc.stdout, proc.stderr)
        )


def pg_stop():
    """Stop PostgreSQL (fast shutdown); httpd keeps running."""
    env = kt_env()
    env.pg_stopped = True
    _kt_env_sh("pg-stop", env.env_dir)


def pg_start():
    """Start PostgreSQL again on the same port; returns once it accepts connections."""
    env = kt_env()
    _kt_env_sh("pg-start", env.env_dir)
    env.pg_stopped = False


def httpd_graceful():
    """`apachectl graceful` for our httpd: returns once the signal is sent."""
    _kt_env_sh("httpd-graceful", kt_env().env_dir)


# SQL that may change what a public page shows (anything but a plain read).
_WRITE_RE = re.compile(r"\b(INSERT|UPDATE|DELETE|TRUNCATE|ALTER|kt_public_move)\b", re.I)


def _server_catch_up(env):
    """After a change made by hand: httpd's page cache (src/kt_pcache.c) hears of it by a
    notification within milliseconds, which a test's next request could still outrun.
    /health reads the database's generation into the cache at once, so the next request
    sees the change for certain.  (test_page_cache.py proves the notification path with
    sync=False.)"""
    if env.pg_stopped:
        return
    try:
        requests.get(env.base_url + "/health", timeout=5)
    except requests.RequestException:
        pass


def run_psql(sql, sync=True, **variables):
    """Run SQL through psql; the rows it printed, as tuples of strings (None for NULL).

    Values go in as psql variables, never pasted into the SQL:
        run_psql("SELECT state FROM activities WHERE id = :'id'", id=12)  ->  [("published",)]
    Statements without rows (UPDATE, …) add nothing; several SELECTs add their rows in turn.
    After a write the server is brought up to date (_server_catch_up) unless sync=False.
    """
    env = kt_env()
    cmd = [
        PSQL_BIN, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        # Fields end at \x1f, rows at NUL (text never holds one), NULL prints as \x1e.
        "-F", _FIELD_SEP, "-0", "-P", "null=" + _NULL,
        "-h", env.pghost, "-p", str(env.pgport), "-U", env.pguser, "-d", env.pgdatabase,
    ]
    for name, value in variables.items():
        cmd += ["-v", "%s=%s" % (name, value)]
    # From stdin (not -c) so that :'name' variables are interpolated.
    proc = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("psql failed (%d): %s\nSQL: %s" % (proc.returncode, proc.stderr, sql))
    if sync and _WRITE_RE.search(sql):
        _server_catch_up(env)
    return [
        tuple(None if field == _NULL else field for field in record.split(_FIELD_SEP))
        for record in proc.stdout.split("\0")
        if record
    ]


def run_psql_value(sql, **variables):
    """The single value of a one-row, one-column query (None for NULL or no row)."""
    rows = run_psql(sql, **variables)
    return rows[0][0] if rows else None


def wait_until(predicate, timeout=15.0, interval=0.2):
    """Call predicate() until it returns something true; that value, or None after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value or None
        time.sleep(interval)


def access_log_word(agent, field):
    """A word our access log format puts at the end of each line (conf/httpd-dev.conf.in:
    field 1 the page cache's, 2 the search's), for the request sent with User-Agent agent."""
    log = kt_env().env_dir + "/access.log"

    def find():
        with open(log, encoding="utf-8", errors="replace") as f:
            for line in f:
                if '"%s"' % agent in line:
                    return line.rsplit(" ", field)[1].strip()
        return None
    word = wait_until(find, timeout=5, interval=0.05)
    assert word, "no access log line for " + agent
    return word


class Client(requests.Session):
    """A session bound to the server under test that does not follow redirects by default."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url
        # Never a proxy or ~/.netrc from the environment: the server is on loopback.
        self.trust_env = False
        self._last_used = 0.0

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        if time.monotonic() - self._last_used > KEEPALIVE_REUSE:
            self.close()        # idle connections go; cookies stay (KEEPALIVE_REUSE)
        try:
            return super().request(method, url, *args, **kwargs)
        finally:
            self._last_used = time.monotonic()

    # requests.Session.get/options default to following redirects: not here.
    def get(self, url, params=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("GET", url, params=params, **kwargs)

    def options(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("OPTIONS", url, **kwargs)


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def kt():
    return kt_env()


@pytest.fixture(scope="session")
def base_url(kt):
    return kt.base_url


@pytest.fixture
def http(base_url):
    with Client(base_url) as client:
        yield client


@pytest.fixture
def psql(kt):
    return run_psql


@pytest.fixture
def psql_value(kt):
    return run_psql_value


@pytest.fixture(name="pg_stop")
def pg_stop_fixture(kt):
    return pg_stop


@pytest.fixture(name="pg_start")
def pg_start_fixture(kt):
    return pg_start


@pytest.fixture(name="httpd_graceful")
def httpd_graceful_fixture(kt):
    return httpd_graceful


class _LogGuard:
    def __init__(self, path, expected):
        self.path = path
        self.expected = list(expected)
        self.start = self._size()

    def _size(self):
        try:
            return os.path.getsize(self.path)
        except FileNotFoundError:
            return 0

    def new_text(self):
        try:
            with open(self.path, "rb") as f:
                if self._size() >= self.start:
                    f.seek(self.start)
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def unexpected_lines(self):
        bad = []
        for line in self.new_text().splitlines():
            if _CRASH_RE.search(line):
                bad.append(line)
            elif _LOG_LEVEL_RE.match(line) and not any(re.search(p, line) for p in self.expected):
                bad.append(line)
        return bad


@pytest.fixture(autouse=True)
def _kt_log_guard(request, kt):
    expected = []
    for marker in request.node.iter_markers("expect_log"):
        expected.extend(marker.args)
    guard = _LogGuard(kt.error_log, expected)
    yield guard
    if kt.pg_stopped:   # the test stopped PostgreSQL and did not (get to) start it again
        pg_start()
    time.sleep(0.02)    # let a request that just finished write its last line
    bad = guard.unexpected_lines()
    if bad:
        shown = "\n".join(bad[:20]) + ("\n… %d more" % (len(bad) - 20) if len(bad) > 20 else "")
        pytest.fail(
            "unexpected lines in the error log (declare expected ones with "
            "@pytest.mark.expect_log(r'…') or the expect_log fixture):\n" + shown,
            pytrace=False,
        )


@pytest.fixture
def expect_log(_kt_log_guard):
    def add(*regexes):
        _kt_log_guard.expected.extend(regexes)
    return add


@pytest.fixture
def error_log(_kt_log_guard):
    return _kt_log_guard.new_text
