#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: its own data folder and port on 127.0.0.1,
# run as user `postgres` when we are root (PostgreSQL refuses to run as root).
#
#   scripts/pg.sh create DIR      initdb into DIR, start it, print `PORT`
#   scripts/pg.sh stop DIR        stop it (the tests use this to cut the database off)
#   scripts/pg.sh start DIR       start it again on the same port
#   scripts/pg.sh destroy DIR     stop it and remove DIR
#   scripts/pg.sh version         print the server version it uses
#
# The server binaries are the newest in /usr/lib/postgresql/<major>/bin that has initdb and
# pg_ctl (15 on Debian 12, 17 on Debian 13, whichever is newest where several are installed);
# PG_BIN=/path/to/bin chooses others.
set -euo pipefail

pg_bin() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
    local dir found=""
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then found=$dir; fi
    done
    [ -n "$found" ] || {
        echo "pg.sh: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin" \
             "(scripts/install-deps.sh test installs them)" >&2
        exit 1
    }
    echo "$found"
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        # runuser keeps our environment out of it; the cluster only needs its arguments.
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    # A port nothing answers on, below the kernel's ephemeral range: a port in that range may be
    # the source port of some client's connection, and then PostgreSQL cannot bind it.
    local port low=32768
    [ -r /proc/sys/net/ipv4/ip_local_port_range ] && read -r low _ </proc/sys/net/ipv4/ip_local_port_range
    [ "$low" -gt 12000 ] || low=32768
    for _ in $(seq 50); do
        port=$(( 10000 + RANDOM % (low - 10000) ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"; return
        fi
    done
    echo "pg.sh: found no free port" >&2; exit 1
}

cmd=${1:-}; dir=${2:-}
bin=$(pg_bin)
if [ "$cmd" = version ]; then "$bin/postgres" -V | awk '{print $3}'; exit 0; fi
[ -n "$cmd" ] && [ -n "$dir" ] || { sed -n '2,14p' "$0"; exit 2; }

case "$cmd" in
create)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    # Everyone is trusted on loopback except one role that must give its password, so the
    # tests can show a wrong password never leaks (tests/server/tst_secrets.cpp).
    { echo "host all taskflow_secret 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/hba.tmp"
    mv "$dir/hba.tmp" "$dir/data/pg_hba.conf"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/data/pg_hba.conf"
    # Another process may take the port between the check and the start: try a few.
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        echo "$port" >"$dir/port"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null; then
            echo "$port"
            exit 0
        fi
        echo "pg.sh: PostgreSQL did not start on port $port (attempt $attempt):" >&2
        tail -n 3 "$dir/server.log" >&2 || true
    done
    exit 1
    ;;
start)
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then exit 0; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $(cat "$dir/port")" -w -t 60 start >/dev/null
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
destroy)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "pg.sh: unknown command '$cmd'" >&2; exit 2 ;;
esac
