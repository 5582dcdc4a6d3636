"""Helpers of the deployment tests (tests/deploy): commands run as a person would run
them, free ports, plain HTTP."""

import os
import pathlib
import random
import socket
import subprocess
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")
HTTPD = "/usr/sbin/apache2"

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "X-Frame-Options", "Permissions-Policy")


def is_root():
    return os.geteuid() == 0


def clean_env(**extra):
    """The environment for a command run as a person would run it: nothing of make test's
    own make (MAKEFLAGS would point a sub-make at a jobserver it does not have), no
    VARDIR/PORT/PGPORT/KT_* of the caller."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "VARDIR", "PORT",
                        "PGPORT", "PGHOST", "PGDATABASE", "PGUSER")
           and not k.startswith("KT_")}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run(cmd, check=True, timeout=180, **kw):
    """Run a command, output captured as text; on failure the assertion shows it."""
    kw.setdefault("env", clean_env())
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if check:
        assert proc.returncode == 0, "%s failed (%d):\n%s%s" % (
            " ".join(map(str, cmd)), proc.returncode, proc.stdout, proc.stderr)
    return proc


def free_port(avoid=()):
    """A port nobody listens on, below the ephemeral range (as tools/kt-env.sh picks)."""
    for _ in range(200):
        port = random.randint(15000, 29999)
        if port in avoid:
            continue
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port")


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(predicate, timeout=60.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def get(url, host=None, **kw):
    """GET without following redirects, never through a proxy of the environment."""
    headers = dict(kw.pop("headers", {}))
    if host:
        headers["Host"] = host
    with requests.Session() as s:
        s.trust_env = False
        return s.get(url, headers=headers, allow_redirects=False, timeout=20, **kw)


def header_count(response, name):
    """How many times the server sent a header (requests would join repeats with ', ')."""
    return len(response.raw.headers.getlist(name))


def as_user(user, cmd):
    """cmd run as USER when we are root (cd / first: a private working directory must not
    make the program complain), else as ourselves."""
    if is_root():
        return ["runuser", "-u", user, "--", *cmd]
    return list(cmd)


