"""The two commands from a checkout in a private directory (issue 16): root's home is
mode 0700, and so is a `mktemp -d` folder.  As root, PostgreSQL runs as postgres and
httpd's workers as www-data, and neither can enter such a checkout; nothing they read
at run time may come from it.

A copy of this checkout (its sources and build, as they are now) is made in a new
0700 directory; then
* `make run` there comes up with its state outside the checkout and serves a styled
  page, its stylesheet and the feed's schema, and Ctrl-C stops everything;
* `make run VARDIR=<inside the private directory>` refuses before anything starts,
  with one line that names the directory and the fix;
* the test harness (tools/kt-env.sh, as make test starts it) serves the same from there;
* `make test`'s runner says which stage failed and why when its servers cannot start."""

import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from lxml import html as lxml_html

from deploylib import ROOT, clean_env, free_port, get, is_root, port_open, run, wait_for

# What a copy of the checkout leaves out: state, other builds, caches.
SKIP = {".git", "var", "node_modules", "__pycache__", "asan", "fuzz", "fuzz-corpus"}


@pytest.fixture(scope="module")
def private_checkout(built):
    base = pathlib.Path(tempfile.mkdtemp(prefix="kt-private."))
    assert base.stat().st_mode & 0o777 == 0o700
    copy = base / "kotoutuminen"
    # copy2 keeps the times, so that make finds the build up to date.
    shutil.copytree(ROOT, copy, symlinks=True, copy_function=shutil.copy2,
                    ignore=lambda d, names: [n for n in names if n in SKIP])
    # The browser tests' packages are not needed by make run; the link keeps
    # tools/install-deps from installing them again into the copy.
    modules = ROOT / "tests" / "browser" / "node_modules"
    if modules.is_dir():
        (copy / "tests" / "browser" / "node_modules").symlink_to(modules)
    try:
        yield copy
    finally:
        shutil.rmtree(base, ignore_errors=True)


def fetch_page_css_and_schema(base_url, checkout):
    r = get(base_url + "/fi/")
    assert r.status_code == 200, r.text[:500]
    hrefs = lxml_html.fromstring(r.content).xpath("//link[@rel='stylesheet']/@href")
    assert hrefs == ["/static/site.css"], hrefs
    css = get(base_url + hrefs[0])
    assert css.status_code == 200, (css.status_code, css.text[:300])
    assert css.content == (checkout / "static" / "site.css").read_bytes()
    xsd = get(base_url + "/feed/activities.xsd")
    assert xsd.status_code == 200, (xsd.status_code, xsd.text[:300])
    assert xsd.content == (checkout / "xslt" / "feed" / "activities.xsd").read_bytes()


def test_make_run_from_a_private_directory(private_checkout):
    copy = private_checkout
    port = free_port()
    # Ctrl-C goes to the whole process group, as a terminal sends it.
    proc = subprocess.Popen(["make", "run", "PORT=%d" % port], cwd=copy, env=clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    lines = []
    vardir = None
    try:
        deadline = time.monotonic() + 180
        for line in proc.stdout:
            lines.append(line)
            if "is running at" in line or time.monotonic() > deadline:
                break
        out = "".join(lines)
        assert "is running at http://127.0.0.1:%d/" % port in out, out
        m = re.search(r"the data lives in (\S+) ", out)
        if is_root():
            assert m, out   # said once, before anything started
            vardir = pathlib.Path(m.group(1))
            assert not str(vardir).startswith(str(copy.parent))
        else:
            vardir = copy / "var"
        assert (vardir / "pg" / "PG_VERSION").exists()
        fetch_page_css_and_schema("http://127.0.0.1:%d" % port, copy)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        rest, _ = proc.communicate(timeout=90)
        lines.append(rest or "")
        # make may end before kt-run has stopped both servers: wait for them.
        stopped = wait_for(lambda: not port_open(port) and vardir is not None
                           and not (vardir / "httpd.pid").exists()
                           and not (vardir / "pg" / "postmaster.pid").exists(), timeout=60)
        if vardir is not None and vardir != copy / "var":
            shutil.rmtree(vardir, ignore_errors=True)
    assert "stopping httpd and PostgreSQL" in "".join(lines)
    assert stopped, "servers still running after Ctrl-C:\n" + "".join(lines)[-3000:]


@pytest.mark.skipif(not is_root(), reason="only root's servers run as other users")
def test_an_unreachable_vardir_is_refused_in_one_line(private_checkout):
    copy = private_checkout
    vardir = copy / "var"
    r = run(["make", "-s", "run", "PORT=%d" % free_port(), "VARDIR=%s" % vardir], cwd=copy,
            check=False, timeout=120)
    assert r.returncode != 0
    said = [line for line in (r.stdout + r.stderr).splitlines() if line.startswith("kt-")]
    assert len(said) == 1, said
    assert str(vardir) in said[0] and str(copy.parent) in said[0]   # the private one
    assert "is private (mode 700)" in said[0] and "VARDIR=" in said[0]
    assert not vardir.exists(), "something was created before the refusal"


def test_the_test_harness_from_a_private_directory(private_checkout):
    copy = private_checkout
    state = pathlib.Path(tempfile.mkdtemp(prefix="kt-harness."))
    kt_env = str(copy / "tools" / "kt-env.sh")
    try:
        run([kt_env, "start", str(state)], cwd=copy, timeout=180)
        env = dict(line.split("=", 1) for line in
                   run(["bash", "-c", '. "$1/env" && env | grep ^KT_', "-", str(state)]).stdout.split())
        fetch_page_css_and_schema(env["KT_BASE_URL"], copy)
    finally:
        run([kt_env, "stop", str(state)], cwd=copy, check=False)
        shutil.rmtree(state, ignore_errors=True)


@pytest.mark.skipif(not is_root(), reason="only root's servers run as other users")
def test_make_tests_runner_names_the_stage_and_the_reason(private_checkout, tmp_path):
    """A temporary directory the servers cannot reach: the integration stage fails, and
    the summary says so in its line."""
    private_tmp = tmp_path / "private"
    private_tmp.mkdir(mode=0o700)
    r = run([str(private_checkout / "tools" / "kt-test")], cwd=private_checkout, check=False,
            env=clean_env(KT_STAGES="unit integration", TMPDIR=private_tmp), timeout=300)
    assert r.returncode == 1, r.stdout[-2000:]
    summary = r.stdout[r.stdout.index("kt-test summary"):]
    assert re.search(r"^  unit +passed", summary, re.M), summary
    lines = [x for x in summary.splitlines() if x.startswith("  integration-")]
    assert len(lines) == 2, summary     # its two halves, each in a lane of its own
    for line in lines:
        assert "FAILED: not run, the servers did not start: kt-env: the postgres user " \
            "cannot enter" in line, summary
        assert str(private_tmp) in line and "TMPDIR=" in line, line
    assert summary.rstrip().endswith("stages: 1 passed, 2 failed"), summary


def test_zz_a_schema_that_cannot_be_read_stops_the_start_in_one_line(private_checkout):
    """The feed's schema is read at start-up like the stylesheets: a missing file is a
    start that fails, saying which file, not a 500 on the first request.  (Last: it
    takes the file away from the copy for a moment.)"""
    copy = private_checkout
    xsd = copy / "xslt" / "feed" / "xml.xsd"
    hidden = xsd.with_name("xml.xsd.hidden")
    xsd.rename(hidden)
    state = pathlib.Path(tempfile.mkdtemp(prefix="kt-harness."))
    kt_env = str(copy / "tools" / "kt-env.sh")
    try:
        r = run([kt_env, "start", str(state)], cwd=copy, check=False, timeout=180)
        assert r.returncode != 0
        assert "KT0610: cannot read the feed schema %s: No such file or directory" % xsd \
            in r.stdout + r.stderr, r.stderr[-2000:]
    finally:
        run([kt_env, "stop", str(state)], cwd=copy, check=False)
        shutil.rmtree(state, ignore_errors=True)
        hidden.rename(xsd)
