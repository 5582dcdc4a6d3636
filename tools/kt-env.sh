#!/bin/bash
# A private PostgreSQL 15 + httpd for `make run` and the tests, everything under one
# directory:
#   DIR/pg            the PostgreSQL cluster (kept between runs: that is the data)
#   DIR/pgsock        its unix socket (clients use TCP on 127.0.0.1 anyway)
#   DIR/httpd.conf    conf/httpd-dev.conf.in filled in
#   DIR/static/       a copy of static/ that httpd serves (its workers may not be able
#                     to enter the checkout), refreshed by start and httpd-graceful
#   DIR/error.log, DIR/access.log, DIR/postgresql.log, DIR/httpd.pid, DIR/run/
#   DIR/env           `export KT_…` lines for the tests and scripts
#
#   kt-env.sh start DIR [PORT]   start both (httpd on PORT, default a free port),
#                                migrate, load demo data into an empty database
#   kt-env.sh stop DIR           stop both and wait until they are gone
#   kt-env.sh pg-stop DIR        stop PostgreSQL only (httpd keeps running)
#   kt-env.sh pg-start DIR       start it again on the same port
#   kt-env.sh httpd-graceful DIR graceful restart of httpd (after rebuilding the module,
#                                changing a stylesheet, the feed's schema or static/)
#   kt-env.sh psql DIR [ARGS…]   psql on the database
#
# Environment: KT_MODULE is the module to load (default ./mod_kotoutuminen.so);
# PGPORT picks PostgreSQL's port; KT_HTTPD_PRELOAD is put into
# LD_PRELOAD of httpd only (for a sanitizer build of the module, e.g. libasan.so).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=${KT_PG_BIN:-/usr/lib/postgresql/15/bin}
HTTPD=${KT_HTTPD:-/usr/sbin/apache2}
# The module to load; the sanitizer stage of kt-test points this at build/asan/.
MODULE=${KT_MODULE:-$ROOT/mod_kotoutuminen.so}
PYTHON=/usr/bin/python3
DB_HOST=127.0.0.1
DB_USER=kt
DB_NAME=kotoutuminen

die() {
    echo "kt-env: $*" >&2
    exit 1
}

is_root() {
    [ "$(id -u)" -eq 0 ]
}

# PostgreSQL refuses to run as root: as root, run its programs as `postgres`.
# cd / first, so that a private working directory does not make it complain.
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# When started as root, PostgreSQL runs as postgres and httpd's workers as www-data:
# both must be able to enter DIR.  Checked before anything starts; the message names
# the private directory on the way and what to do.  (The checkout itself may be
# private: nothing of it is read by them at run time.)
check_reachable() {   # check_reachable DIR
    local dir=$1 user probe part=/
    is_root || return 0
    # DIR itself is made enterable by start (and created when missing): its parents
    # are what count.
    probe=$(dirname "$dir")
    while [ ! -e "$probe" ]; do
        probe=$(dirname "$probe")
    done
    [ -d "$probe" ] || die "$probe is not a directory"
    for user in postgres www-data; do
        runuser -u "$user" -- test -x "$probe" 2>/dev/null && continue
        # The first directory on the way that the user cannot enter.
        local chain=() p=$probe
        while [ "$p" != / ]; do
            chain=("$p" "${chain[@]}")
            p=$(dirname "$p")
        done
        for part in "${chain[@]}"; do
            runuser -u "$user" -- test -x "$part" 2>/dev/null || break
        done
        die "the $user user cannot enter $dir: $part is private (mode $(stat -c %a "$part")); keep the state elsewhere, e.g. VARDIR=/var/tmp/kotoutuminen for make run, TMPDIR=/tmp for make test"
    done
}

# httpd serves CSS and icons from a copy in DIR (see check_reachable): fresh on start,
# file by file on a graceful restart (each replaced by a rename, so that a request
# under way never reads half a file).
copy_static() {   # copy_static DIR [refresh]
    local dir=$1 rel
    if [ "${2:-}" != refresh ]; then
        rm -rf "$dir/static"
    fi
    mkdir -p "$dir/static"
    (cd "$ROOT/static" && find . -type d) | while IFS= read -r rel; do
        mkdir -p "$dir/static/$rel"
    done
    (cd "$ROOT/static" && find . -type f) | while IFS= read -r rel; do
        cmp -s "$ROOT/static/$rel" "$dir/static/$rel" && continue
        cp -p "$ROOT/static/$rel" "$dir/static/$rel.kt-new"
        mv -f "$dir/static/$rel.kt-new" "$dir/static/$rel"
    done
    chmod -R u+rwX,go+rX "$dir/static"
}

# Files PostgreSQL writes must belong to it.
give_to_pg() {
    if is_root; then
        chown postgres:postgres "$@"
    fi
}

# A port nobody listens on, below Linux's ephemeral range (32768+) so that the
# test's own outgoing connections never take it.
free_port() {
    "$PYTHON" - "$@" <<'EOF'
import random, socket, sys
avoid = {int(p) for p in sys.argv[1:]}
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
    print(port)
    sys.exit(0)
sys.exit("no free port found")
EOF
}

port_is_free() {
    "$PYTHON" - "$1" <<'EOF'
import socket, sys
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        sys.exit(1)
EOF
}

# The absolute path of DIR; only `start` creates it.
env_dir() {   # env_dir DIR [create]
    [ -n "${1:-}" ] || die "missing DIR"
    if [ "${2:-}" = create ]; then
        mkdir -p "$1"
    fi
    [ -d "$1" ] || die "$1: no such directory"
    (cd "$1" && pwd)
}

# Read DIR/env (written by start) into KT_* variables.
load_env() {
    [ -f "$1/env" ] || die "$1/env not found: was 'kt-env.sh start $1' run?"
    # shellcheck disable=SC1091
    . "$1/env"
}

psql_as_kt() {   # psql_as_kt DIR DBNAME ARGS…
    local dir=$1 db=$2
    shift 2
    load_env "$dir"
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$KT_PGHOST" -p "$KT_PGPORT" -U "$DB_USER" -d "$db" "$@"
}

# --- PostgreSQL --------------------------------------------------------------------

pg_running() {
    [ -f "$1/pg/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" status -D "$1/pg" >/dev/null 2>&1
}

pg_init() {
    local dir=$1
    if [ -f "$dir/pg/PG_VERSION" ]; then
        # A cluster made by an earlier run as another user: hand it to postgres.
        if is_root && [ "$(stat -c %U "$dir/pg")" != postgres ]; then
            chown -R postgres:postgres "$dir/pg"
        fi
        return 0
    fi
    echo "kt-env: creating PostgreSQL cluster in $dir/pg"
    mkdir -p "$dir/pg"
    chmod 700 "$dir/pg"
    give_to_pg "$dir/pg"
    if ! as_pg "$PG_BIN/initdb" -D "$dir/pg" -U "$DB_USER" --auth=trust -E UTF8 \
            --locale=C.UTF-8 --lc-messages=C --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        die "initdb failed"
    fi
    # Port, socket and address change from run to run: they live in a file of their
    # own that every start rewrites (see pg_configure).
    cat >>"$dir/pg/postgresql.conf" <<'EOF'

# --- tools/kt-env.sh ---
include_if_exists = 'kt-runtime.conf'
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
EOF
}

pg_configure() {   # pg_configure DIR PORT
    local dir=$1 port=$2
    mkdir -p "$dir/pgsock"
    give_to_pg "$dir/pgsock"
    cat >"$dir/pg/kt-runtime.conf" <<EOF
# Written by tools/kt-env.sh on every start.
listen_addresses = '$DB_HOST'
port = $port
unix_socket_directories = '$dir/pgsock'
EOF
    give_to_pg "$dir/pg/kt-runtime.conf"
}

pg_start() {
    local dir=$1
    touch "$dir/postgresql.log"
    give_to_pg "$dir/postgresql.log"
    if ! as_pg "$PG_BIN/pg_ctl" start -D "$dir/pg" -l "$dir/postgresql.log" -w -t 30 -s; then
        tail -n 30 "$dir/postgresql.log" >&2 || true
        die "PostgreSQL did not start (log: $dir/postgresql.log)"
    fi
}

pg_stop() {
    local dir=$1
    pg_running "$dir" || return 0
    # fast: roll back open transactions and go; immediate only if that hangs.
    if ! as_pg "$PG_BIN/pg_ctl" stop -D "$dir/pg" -m fast -w -t 30 -s; then
        as_pg "$PG_BIN/pg_ctl" stop -D "$dir/pg" -m immediate -w -t 30 -s
    fi
}

# --- httpd -------------------------------------------------------------------------

# The pid of our httpd parent, if it runs.  Checked against its command line so that
# a stale pid file never makes us signal an unrelated process that reused the pid.
httpd_pid() {
    local dir=$1 pid cmdline
    [ -f "$dir/httpd.pid" ] || return 1
    pid=$(cat "$dir/httpd.pid" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ "$cmdline" == *"$dir/httpd.conf"* ]] || return 1
    echo "$pid"
}

# httpd_cmd DIR ARGS…: Debian's apache2 binary, run directly.  It needs none of
# /etc/apache2/envvars because our configuration names every path itself; -d sets
# ServerRoot before the configuration is read.
# The preload given at `start` is remembered in DIR, so that a later graceful
# restart (from the tests) starts the same sanitizer runtime first.
httpd_cmd() {
    local dir=$1 preload=${KT_HTTPD_PRELOAD:-}
    shift
    if [ -z "$preload" ] && [ -f "$dir/httpd.preload" ]; then
        preload=$(<"$dir/httpd.preload")
    fi
    if [ -n "$preload" ]; then
        LD_PRELOAD="$preload${LD_PRELOAD:+:$LD_PRELOAD}" "$HTTPD" -d "$dir" -f "$dir/httpd.conf" "$@"
    else
        "$HTTPD" -d "$dir" -f "$dir/httpd.conf" "$@"
    fi
}

httpd_stop() {
    local dir=$1 pid children i
    pid=$(httpd_pid "$dir") || { rm -f "$dir/httpd.pid"; return 0; }
    children=$(pgrep -P "$pid" || true)
    # Signal by pid rather than `-k stop`: that would have to parse the configuration,
    # which fails if the module has since been removed or broken by a rebuild.
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "kt-env: httpd $pid did not stop in 20 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    # The parent normally reaps its children; make sure none is left behind.
    for pid in $children; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -f "$dir/httpd.pid"
}

fill_template() {   # fill_template DIR PORT PGPORT
    local dir=$1 port=$2 pgport=$3 text
    text=$(<"$ROOT/conf/httpd-dev.conf.in")
    # bash 5.2 would otherwise turn "&" in a replacement into the matched text.
    shopt -u patsub_replacement 2>/dev/null || true
    text=${text//@PORT@/"$port"}
    text=${text//@ENVDIR@/"$dir"}
    text=${text//@MODULE@/"$MODULE"}
    text=${text//@ROOT@/"$ROOT"}
    text=${text//@STATICDIR@/"$dir/static"}
    text=${text//@PGHOST@/"$DB_HOST"}
    text=${text//@PGPORT@/"$pgport"}
    text=${text//@PGDB@/"$DB_NAME"}
    text=${text//@PGUSER@/"$DB_USER"}
    if grep -q '@[A-Z]*@' <<<"$text"; then
        die "unfilled placeholder in conf/httpd-dev.conf.in: $(grep -o '@[A-Z]*@' <<<"$text" | sort -u | tr '\n' ' ')"
    fi
    printf '%s\n' "$text" >"$dir/httpd.conf"
}

wait_for_health() {   # wait_for_health DIR URL
    local dir=$1 url=$2 code=000 i
    for ((i = 0; i < 150; i++)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health" || true)
        [ "$code" = 200 ] && return 0
        if ! httpd_pid "$dir" >/dev/null && [ "$i" -gt 10 ]; then
            break   # the parent died: no point in waiting longer
        fi
        sleep 0.1
    done
    echo "kt-env: httpd did not answer 200 on $url/health (last status $code)" >&2
    if [ -s "$dir/httpd-start.log" ]; then
        echo "--- httpd start output ---" >&2
        cat "$dir/httpd-start.log" >&2
    fi
    echo "--- $dir/error.log (last 50 lines) ---" >&2
    tail -n 50 "$dir/error.log" >&2 2>/dev/null || true
    return 1
}

# --- subcommands -------------------------------------------------------------------

START_DIR=
start_exit() {
    local rc=$?
    if [ "$rc" -ne 0 ] && [ -n "$START_DIR" ]; then
        echo "kt-env: start failed; stopping what did start" >&2
        httpd_stop "$START_DIR"
        pg_stop "$START_DIR"
    fi
}

cmd_start() {
    local dir port pgport prev_pgport=""
    [ -n "${1:-}" ] || die "missing DIR"
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found (tools/install-deps installs postgresql)"
    [ -x "$HTTPD" ] || die "$HTTPD not found (tools/install-deps installs apache2)"
    [ -f "$MODULE" ] || die "$MODULE is not built (run make)"
    check_reachable "$(realpath -m "$1")"
    dir=$(env_dir "$1" create)
    port=${2:-}
    chmod go+x "$dir"

    # Whatever an earlier, interrupted run left behind.
    httpd_stop "$dir"
    pg_stop "$dir"

    # PostgreSQL's port: PGPORT if given, else the one used last time if it is free.
    if [ -f "$dir/env" ]; then
        # shellcheck disable=SC1091
        prev_pgport=$( (. "$dir/env" && echo "${KT_PGPORT:-}") || true)
    fi
    if [ -n "${PGPORT:-}" ]; then
        pgport=$PGPORT
    elif [ -n "$prev_pgport" ] && port_is_free "$prev_pgport"; then
        pgport=$prev_pgport
    else
        pgport=$(free_port ${port:+"$port"})
    fi
    if [ -n "$port" ]; then
        port_is_free "$port" || die "port $port on 127.0.0.1 is in use (choose another with PORT=…)"
    else
        port=$(free_port "$pgport")
    fi
    [ "$port" != "$pgport" ] || die "httpd and PostgreSQL cannot share port $port"

    {
        printf 'export KT_ENV_DIR=%q\n' "$dir"
        printf 'export KT_BASE_URL=%q\n' "http://127.0.0.1:$port"
        printf 'export KT_PGHOST=%q\n' "$DB_HOST"
        printf 'export KT_PGPORT=%q\n' "$pgport"
        printf 'export KT_PGUSER=%q\n' "$DB_USER"
        printf 'export KT_PGDATABASE=%q\n' "$DB_NAME"
        printf 'export KT_ERROR_LOG=%q\n' "$dir/error.log"
    } >"$dir/env"

    # From here on a failure stops whatever did start: all or nothing.
    START_DIR=$dir
    trap start_exit EXIT

    pg_init "$dir"
    pg_configure "$dir" "$pgport"
    pg_start "$dir"

    if [ -z "$(psql_as_kt "$dir" postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
        psql_as_kt "$dir" postgres -c "CREATE DATABASE $DB_NAME"
    fi
    PGHOST=$DB_HOST PGPORT=$pgport PGUSER=$DB_USER PGDATABASE=$DB_NAME \
        KT_PSQL="$PG_BIN/psql" "$ROOT/tools/kt-migrate"

    if [ -f "$ROOT/sql/demo/demo.sql" ] &&
        [ "$(psql_as_kt "$dir" "$DB_NAME" -At -c "SELECT count(*) FROM activities")" = 0 ]; then
        # demo.sql first, then the other sql/demo/*.sql in name order (a file per topic),
        # each all or nothing; a file that says BEGIN itself already is a transaction.
        local f
        for f in "$ROOT/sql/demo/demo.sql" $(ls "$ROOT"/sql/demo/*.sql | grep -v '/demo\.sql$' | sort); do
            echo "kt-env: loading sql/demo/$(basename "$f")"
            local one_tx=(--single-transaction)
            if grep -qiE '^[[:space:]]*(BEGIN|START TRANSACTION)[[:space:]]*;' "$f"; then
                one_tx=()
            fi
            psql_as_kt "$dir" "$DB_NAME" "${one_tx[@]}" -f "$f" >/dev/null
        done
    fi

    fill_template "$dir" "$port" "$pgport"
    copy_static "$dir"
    if [ -n "${KT_HTTPD_PRELOAD:-}" ]; then
        printf '%s\n' "$KT_HTTPD_PRELOAD" >"$dir/httpd.preload"
    else
        rm -f "$dir/httpd.preload"
    fi
    mkdir -p "$dir/run"
    touch "$dir/error.log"
    if ! httpd_cmd "$dir" -k start >"$dir/httpd-start.log" 2>&1; then
        cat "$dir/httpd-start.log" >&2
        tail -n 20 "$dir/error.log" >&2 || true
        die "httpd did not start"
    fi
    wait_for_health "$dir" "http://127.0.0.1:$port" || die "httpd is not healthy"
    trap - EXIT
    echo "kt-env: running at http://127.0.0.1:$port/ (PostgreSQL on 127.0.0.1:$pgport, logs in $dir)"
}

cmd_stop() {
    local dir
    dir=$(env_dir "${1:-}")
    httpd_stop "$dir"
    pg_stop "$dir"
}

cmd_pg_stop() {
    local dir
    dir=$(env_dir "${1:-}")
    pg_stop "$dir"
}

cmd_pg_start() {
    local dir
    dir=$(env_dir "${1:-}")
    [ -f "$dir/pg/kt-runtime.conf" ] || die "no cluster in $dir/pg: run 'kt-env.sh start $dir' first"
    pg_running "$dir" || pg_start "$dir"   # kt-runtime.conf keeps the port of the last start
}

cmd_httpd_graceful() {
    local dir
    dir=$(env_dir "${1:-}")
    httpd_pid "$dir" >/dev/null || die "httpd is not running in $dir"
    copy_static "$dir" refresh
    httpd_cmd "$dir" -k graceful
}

cmd_psql() {
    local dir
    dir=$(env_dir "${1:-}")
    shift
    load_env "$dir"
    exec "$PG_BIN/psql" -X -h "$KT_PGHOST" -p "$KT_PGPORT" -U "$KT_PGUSER" -d "$KT_PGDATABASE" "$@"
}

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
}

[ $# -ge 2 ] || usage
cmd=$1
shift
case "$cmd" in
    start)          cmd_start "$@" ;;
    stop)           cmd_stop "$@" ;;
    pg-stop)        cmd_pg_stop "$@" ;;
    pg-start)       cmd_pg_start "$@" ;;
    httpd-graceful) cmd_httpd_graceful "$@" ;;
    psql)           cmd_psql "$@" ;;
    *)              usage ;;
esac
