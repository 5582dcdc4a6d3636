"""PostgreSQL going away and coming back, pool exhaustion and graceful restarts
(QUALITY.md "Reliability", ARCHITECTURE.md pitfalls 1 and 4)."""
import concurrent.futures
import time

import pytest
import requests

# What mod_dbd and we log while the database is down, and nothing else.
DB_DOWN_LOG = (r"AH00629", r"AH00633", r"AH02655", r"AH00639", r"AH00632", r"KT010[34]")


def status(base_url, path, **kw):
    return requests.get(base_url + path, timeout=10, allow_redirects=False, **kw)


def test_postgres_restart_gives_503_then_recovers(base_url, pg_stop, pg_start, expect_log):
    expect_log(*DB_DOWN_LOG)
    pages = ["/fi/", "/sv/activities/1", "/en/organisations/1"]
    # warm up: statements get prepared on pooled connections
    for _ in range(3):
        for p in pages:
            assert status(base_url, p).status_code == 200

    pg_stop()
    for p in pages + ["/health"]:
        r = status(base_url, p, headers={"Accept-Language": "sv"})
        assert r.status_code == 503, (p, r.status_code)
        assert int(r.headers["Retry-After"]) > 0
        if p != "/health":
            assert "<main" in r.text, "our own page, not httpd's"

    pg_start()
    deadline = time.monotonic() + 5
    while True:
        codes = [status(base_url, p).status_code for p in pages]
        if codes == [200, 200, 200]:
            break
        assert time.monotonic() < deadline, f"not recovered within 5 s: {codes}"
        time.sleep(0.2)
    # every pooled connection, not only the first, works again: the statements
    # prepared on the old server sessions are prepared anew
    for _ in range(40):
        for p in pages:
            assert status(base_url, p).status_code == 200


def test_more_requests_than_connections_all_answer(base_url):
    # DBDMax is 16 per child in the test configuration (its ThreadsPerChild), 32
    # connections for its 2 children; 48 at once must queue or get 503, never hang.
    paths = ["/fi/", "/sv/activities/1", "/en/activities/3", "/fi/organisations/1"] * 12

    def fetch(path):
        return requests.get(base_url + path, timeout=30).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=48) as pool:
        codes = list(pool.map(fetch, paths))
    assert set(codes) <= {200, 503}, codes
    assert codes.count(200) >= len(codes) // 2


def test_graceful_restart_under_load_loses_no_request(base_url, httpd_graceful):
    stop = time.monotonic() + 4
    failures = []

    def hammer():
        n = 0
        while time.monotonic() < stop:
            try:
                r = requests.get(base_url + "/fi/activities/1", timeout=15)
                if r.status_code != 200:
                    failures.append(r.status_code)
            except requests.RequestException as exc:  # a dropped connection is a failure
                failures.append(repr(exc))
            n += 1
        return n

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(hammer) for _ in range(6)]
        time.sleep(1)
        httpd_graceful()
        total = sum(f.result() for f in futures)
    assert total > 20
    assert failures == []
