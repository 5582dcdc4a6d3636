"""A feed page's items come from one statement whose rows are streamed as the database
sends them (kt_db_stream: libpq's single-row mode), written out while the database
computes the next ones.  When the database fails part-way — here its backend is
terminated while it waits for the child to take more rows — the answer is cut off: no
last chunk and no closing tag, so a partner sees a failed transfer, never a short list
that parses (FEED.md); KT2601 and KT0605 say why.  The next page is whole again."""
import socket
import time

import pytest

from feedlib import Scratch

LO, HI = 797001, 797300          # 300 scratch listings, the oldest: page 1 is theirs
BIG = 30000                       # characters of each accessibility text (3 languages)


@pytest.fixture
def scratch(psql):
    s = Scratch(psql)
    yield s
    s.cleanup()
    # no trace: their tombstones would be 300 deletions in every sync of the next minutes
    psql("DELETE FROM feed_tombstones WHERE activity_id BETWEEN :'lo' AND :'hi'", lo=LO, hi=HI)


def read_head(sock):
    """The status line and headers (lower-case names), and the body bytes read with them."""
    data = b""
    while b"\r\n\r\n" not in data:
        got = sock.recv(4096)
        assert got, "the connection closed before the headers"
        data += got
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = dict((k.strip().lower(), v.strip())
                   for k, v in (line.split(":", 1) for line in lines[1:]))
    return lines[0], headers, body


def test_a_database_failure_mid_page_cuts_the_answer_off(kt, http, psql, psql_value, scratch,
                                                         expect_log, error_log):
    expect_log(r"KT2601: statement kt_feed_items failed while streaming",
               r"KT0605: feed: the database failed in the middle of the answer")
    scratch.make(LO, HI)
    psql("BEGIN;"
         " UPDATE activity_versions SET accessibility_fi = repeat('Esteetön. ', :'n' / 10),"
         " accessibility_sv = repeat('Tillgänglig. ', :'n' / 13),"
         " accessibility_en = repeat('Accessible. ', :'n' / 12)"
         " WHERE activity_id BETWEEN :'lo' AND :'hi';"
         " UPDATE activities SET updated_at = timestamptz '2020-01-01'"
         " + (id - :'lo') * interval '1 minute' WHERE id BETWEEN :'lo' AND :'hi';"
         " COMMIT;", n=BIG, lo=LO, hi=HI)

    port = int(kt.base_url.rsplit(":", 1)[1])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # a small window: the child soon waits on us, and the database on the child
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
    sock.settimeout(60)
    sock.connect(("127.0.0.1", port))
    try:
        sock.sendall(b"GET /feed/activities.xml?limit=300 HTTP/1.1\r\nHost: x\r\n"
                     b"Connection: close\r\n\r\n")
        status, headers, body = read_head(sock)
        assert status.split()[1] == "200"
        assert headers.get("transfer-encoding") == "chunked"

        # the page (~27 MB) is far more than the sockets between us hold: the backend
        # ends up waiting to send the child more rows
        backend = None
        deadline = time.time() + 30
        while backend is None and time.time() < deadline:
            backend = psql_value(
                "SELECT max(pid) FROM pg_stat_activity WHERE wait_event = 'ClientWrite'"
                " AND query LIKE '%activity_search%' AND pid <> pg_backend_pid()")
            if backend is None:
                time.sleep(0.1)
        assert backend, "the feed's statement never waited on the child"
        psql("SELECT pg_terminate_backend(:'pid')", pid=backend)

        while True:
            got = sock.recv(65536)
            if not got:
                break
            body += got
    finally:
        sock.close()

    assert len(body) > 100000
    assert b"</activities>" not in body
    assert not body.endswith(b"\r\n0\r\n\r\n"), "the answer ended with the last chunk"
    for _ in range(50):
        if "KT0605" in error_log():
            break
        time.sleep(0.1)
    log = error_log()
    assert "KT2601" in log and "KT0605" in log

    # the child's next answer, on a connection mod_dbd has made good again, is whole
    r = http.get("/feed/activities.xml?limit=5")
    assert r.status_code == 200
    assert r.text.rstrip().endswith("</activities>")
    assert r.text.count("<activity ") == 5
