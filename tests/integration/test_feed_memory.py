"""The feed streams (FEED.md: "Memory stays flat however large the answer"): the httpd
child that serves a page of 1000 large listings (about 16 MB of XML) grows its peak RSS
by about one row (the items are streamed row by row: kt_db_stream), not by the page.

The child is the one holding the test's connection (found through its socket's inode);
its peak (VmHWM) is reset through /proc/PID/clear_refs first, which needs root or the
same user as httpd's children: otherwise the test is skipped, as it is under
AddressSanitizer (the sanitizer stage of make test), whose allocator holds freed memory.  The requests are
pipelined on that one connection, so one worker thread serves them one after the other.
bench/feed-rss measures the same on 100 000 listings."""
import os
import re
import socket

import pytest

from feedlib import Scratch

LO, HI = 795001, 796000          # 1000 scratch listings, the oldest: page 1 is theirs
BIG = 5000                        # characters of each accessibility text (3 languages)
LIMIT_MB = 4                      # the page is ~16 MB; one row ~50 kB, the writer's buffer 64 kB


@pytest.fixture
def scratch(psql):
    s = Scratch(psql)
    yield s
    s.cleanup()
    # no trace: their tombstones would be 1000 deletions in every sync of the next minutes
    psql("DELETE FROM feed_tombstones WHERE activity_id BETWEEN :'lo' AND :'hi'", lo=LO, hi=HI)


def children(parent):
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/stat" % pid) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                        out.append(int(pid))
            except (OSError, ValueError, IndexError):
                pass
    return out


def socket_inode(server_port, client_port):
    """The inode of the server's end of our connection, from /proc/net/tcp."""
    want = ("0100007F:%04X" % server_port, "0100007F:%04X" % client_port)
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if (fields[1], fields[2]) == want:
                return int(fields[9])
    return None


def holder(pids, inode):
    target = "socket:[%d]" % inode
    for pid in pids:
        try:
            for fd in os.listdir("/proc/%d/fd" % pid):
                if os.readlink("/proc/%d/fd/%s" % (pid, fd)) == target:
                    return pid
        except OSError:
            continue
    return None


def vm(pid, key):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"^%s:\s+(\d+) kB" % key, f.read(), re.M).group(1)) / 1024.0


def read_response(sock_file):
    """One HTTP/1.1 response (chunked or with a length); its status and body size."""
    status = int(sock_file.readline().split()[1])
    headers = {}
    while True:
        line = sock_file.readline().decode("latin-1").strip()
        if not line:
            break
        name, value = line.split(":", 1)
        headers[name.lower()] = value.strip()
    size = 0
    if headers.get("transfer-encoding") == "chunked":
        while True:
            n = int(sock_file.readline().split(b";")[0], 16)
            if n == 0:
                sock_file.readline()
                break
            size += len(sock_file.read(n))
            sock_file.readline()
    else:
        size = len(sock_file.read(int(headers.get("content-length", "0"))))
    return status, size


def test_a_page_of_large_listings_is_streamed(kt, psql, scratch):
    scratch.make(LO, HI)
    psql("BEGIN;"
         " UPDATE activity_versions SET accessibility_fi = repeat('Esteetön. ', :'n' / 10),"
         " accessibility_sv = repeat('Tillgänglig. ', :'n' / 13),"
         " accessibility_en = repeat('Accessible. ', :'n' / 12)"
         " WHERE activity_id BETWEEN :'lo' AND :'hi';"
         # back to their old times: they stay the first page of the feed
         " UPDATE activities SET updated_at = timestamptz '2020-01-01'"
         " + (id - :'lo') * interval '1 minute' WHERE id BETWEEN :'lo' AND :'hi';"
         " COMMIT;", n=BIG, lo=LO, hi=HI)

    port = int(kt.base_url.rsplit(":", 1)[1])
    with open(os.path.join(kt.env_dir, "httpd.pid")) as f:
        parent = int(f.read())
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    try:
        reader = sock.makefile("rb")
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert read_response(reader)[0] == 200
        inode = socket_inode(port, sock.getsockname()[1])
        child = holder(children(parent), inode) if inode else None
        if child is None:
            pytest.skip("cannot tell which httpd child holds the connection")
        with open("/proc/%d/maps" % child) as f:
            if "libasan" in f.read():
                # its allocator keeps freed memory in quarantine: RSS says nothing here
                pytest.skip("the module runs under AddressSanitizer")
        try:
            with open("/proc/%d/clear_refs" % child, "w") as f:
                f.write("5")
        except OSError as e:
            pytest.skip("cannot reset the child's peak RSS: %s" % e)
        before = vm(child, "VmHWM")

        request = b"GET /feed/activities.xml?limit=1000 HTTP/1.1\r\nHost: x\r\n\r\n"
        sock.sendall(request * 2)
        sizes = []
        for _ in range(2):
            status, size = read_response(reader)
            assert status == 200
            sizes.append(size)
        after = vm(child, "VmHWM")
    finally:
        sock.close()

    page_mb = sizes[0] / 1e6
    assert page_mb > 14, "the page should be large: %.1f MB" % page_mb
    growth = after - before
    print("child %d: VmHWM %.1f MB -> %.1f MB serving 2 pages of %.1f MB" % (
        child, before, after, page_mb))
    assert growth < LIMIT_MB, ("the child's peak RSS grew by %.1f MB serving pages of %.1f MB"
                               % (growth, page_mb))
