# shellcheck shell=bash disable=SC2154  # dir, THREADS, CONNECTIONS: the caller's
# Sourced by bench/run and bench/feed-rss once KT_BASE_URL is known: waiting for the
# children's search index and for a quiet machine before a measurement.  Needs dir (the
# environment's directory, whose access.log it reads), THREADS and CONNECTIONS.

# Until every child of the restarted httpd has its search index (read as a child starts,
# about 2 s for 100 000 listings, several children at once): 12 searches in a row counted
# by it (the access log's kt-search word), each with words of its own so that no cache has
# it.  First 32 connections for 2 s: after a graceful restart mpm_event starts only the
# children MinSpareThreads asks for, and the others when load comes, so they start now
# (the steady state of a running site, not a restart).
index_ready() {
    local t i ok
    wrk -t "$THREADS" -c "$CONNECTIONS" -d 2s "$KT_BASE_URL/fi/" >/dev/null
    sleep 1
    for ((t = 0; t < 120; t++)); do
        ok=1
        for ((i = 0; i < 12; i++)); do
            curl -s -o /dev/null -A "kt-bench-ready-$t-$i" "$KT_BASE_URL/fi/activities?q=kerho+ready$t$i"
            grep -q "\"kt-bench-ready-$t-$i\" [0-9]* index " "$dir/access.log" || ok=
        done
        [ -n "$ok" ] && break
        sleep 1
    done
    [ -n "$ok" ] || echo "bench: the search index was not ready in 2 minutes; measuring anyway" >&2
    quiet
}

# Until the machine is quiet (over 85 % idle for a second; at most 2 minutes): children
# that answered with their index may still be reading it in others.  Never fails.
quiet() {
    local t a b
    for ((t = 0; t < 120; t++)); do
        a=$(awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat)
        sleep 1
        b=$(awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat)
        awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
            exit !((y[1] - x[1]) / (y[2] - x[2] + 1e-9) > 0.85) }' && return 0
    done
    echo "bench: the machine was not quiet in 2 minutes; measuring anyway" >&2
}
