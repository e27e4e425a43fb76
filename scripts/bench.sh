#!/usr/bin/env bash
# The server benchmark (not a test). Builds taskflow-server in Release into build-bench/, starts
# it on SQLite and on a throwaway PostgreSQL, seeds tasks through the API and drives every
# scenario with wrk at 8 and 256 connections. Prints one table: requests/s, p50, p99, errors,
# the share of the ceiling route's requests/s, server CPU per request and the server's peak
# resident memory. docs/PERFORMANCE.md explains the scenarios and holds a full run.
#
#   scripts/bench.sh [--quick] [--db sqlite|postgres|both] [--duration SECONDS]
#                    [--big-tasks N] [--pool-size N] [--connections "8 256"]
#
#   --quick         a smoke run: 3 s per scenario and 20,000 tasks for the large-table
#                   scenarios (the default is 10 s and 100,000, for the README numbers)
#   --db            which databases (default both)
#   --duration      seconds per wrk run
#   --big-tasks     how many tasks the page/stats scenarios run against
#   --pool-size     passed to the server as --pool-size (default: the server's default)
#   --connections   the connection counts to run each scenario at (default "8 256")
#
# Raw wrk output, server logs and the table (also as TSV) are kept in
# build-bench/results/<date-time>/. A server that dies is reported, restarted and its row
# marked +CRASH; the script then exits 1 (run under `ulimit -c unlimited` to keep a core).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

quick=0
dbs=both
duration=""
big_tasks=""
pool_size=""
connections="8 256"
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --db) dbs="${2:?--db needs sqlite, postgres or both}"; shift ;;
    --duration) duration="${2:?--duration needs seconds}"; shift ;;
    --big-tasks) big_tasks="${2:?--big-tasks needs a number}"; shift ;;
    --pool-size) pool_size="${2:?--pool-size needs a number}"; shift ;;
    --connections) connections="${2:?--connections needs a list}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
case "$dbs" in
sqlite) db_list="sqlite" ;;
postgres) db_list="postgres" ;;
both) db_list="sqlite postgres" ;;
*) echo "bench.sh: --db must be sqlite, postgres or both" >&2; exit 2 ;;
esac
if [ "$quick" = 1 ]; then
    duration="${duration:-3}"
    big_tasks="${big_tasks:-20000}"
else
    duration="${duration:-10}"
    big_tasks="${big_tasks:-100000}"
fi
list_tasks=1000
wrk_threads=2
seed_connections=32

# --- packages ------------------------------------------------------------------------------
scripts/install-deps.sh build
extra=()
command -v wrk >/dev/null || extra+=(wrk)   # not in scripts/packages/*.txt (yet)
command -v curl >/dev/null || extra+=(curl)
if [[ " $db_list " == *" postgres "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    extra+=(postgresql-15)
fi
if [ ${#extra[@]} -gt 0 ]; then
    echo "Installing: ${extra[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${extra[@]}"
fi

# --- build ---------------------------------------------------------------------------------
build_dir="$root/build-bench"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DTASKFLOW_BUILD_DESKTOP=OFF -DTASKFLOW_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --target taskflow-server
server_bin="$build_dir/server/taskflow-server"
# Qt HttpServer alone (benchmarks/server/qtceiling): the library's own ceiling on this machine.
cmake -S benchmarks/server/qtceiling -B "$build_dir/qtceiling" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir/qtceiling"
qt_bin="$build_dir/qtceiling/qt-httpserver-ceiling"
lua_dir="$root/benchmarks/server"

results="$build_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
work="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-bench.XXXXXX")"

# --- teardown ------------------------------------------------------------------------------
server_pid=""
wrk_pid=""
pg_dir=""
stop_server() {
    [ -n "$server_pid" ] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
cleanup() {
    if [ -n "$wrk_pid" ]; then kill -INT "$wrk_pid" 2>/dev/null || true; fi
    stop_server
    if [ -n "$pg_dir" ]; then scripts/pg.sh destroy "$pg_dir" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- helpers -------------------------------------------------------------------------------
die() { echo "bench.sh: $*" >&2; exit 1; }

server_alive() { [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; }

# The server crashing is a result, not the end of the run: it is reported (exit status, the
# end of its log, kept in crashes.txt), restarted on the same database, and the row it broke is
# marked; the script then exits non-zero once the table is printed.
crashes=0
crashed=""   # set when the server had to be restarted since the row began
server_name=""
server_url=""
require_server() {
    server_alive && return 0
    [ "$db" = qt-only ] && die "qt-httpserver-ceiling died (see $server_log)"
    local status=0
    wait "$server_pid" 2>/dev/null || status=$?
    crashes=$((crashes + 1))
    crashed=yes
    local what="THE SERVER CRASHED"
    # A clean exit after "SIGTERM received" was not a crash: something else on the machine
    # stopped it (on a shared machine: someone's `pkill taskflow-server`).
    if [ "$status" -eq 0 ] && grep -q "SIGTERM received\|SIGINT received" "$server_log"; then
        what="THE SERVER WAS STOPPED FROM OUTSIDE (SIGTERM/SIGINT, not by this script)"
    fi
    {
        echo "bench.sh: $what: pid $server_pid ($db) is gone, exit status $status$( \
            [ "$status" -gt 128 ] && echo " (signal $((status - 128)))"), during: ${current_row:-?}"
        echo "the end of its log ($server_log):"
        tail -n 10 "$server_log" || true
    } | tee -a "$results/crashes.txt" >&2
    server_pid=""
    start_server "$server_name" "$server_url"
    echo "bench.sh: restarted the server on the same database: pid $server_pid" | tee -a "$results/crashes.txt" >&2
}

# start_server NAME DATABASE_URL: starts it on a free port (--port 0, read back from its log)
start_server() {
    server_name=$1
    server_url=$2
    server_log="$results/server-$1.log"
    [ "$crashes" -gt 0 ] && server_log="$results/server-$1-restart$crashes.log"
    local extra_args=()
    [ -n "$pool_size" ] && extra_args+=(--pool-size "$pool_size")
    QT_LOGGING_RULES="taskflow.access=false" "$server_bin" --database-url "$2" --host 127.0.0.1 \
        --port 0 --benchmark-ceiling-route "${extra_args[@]}" >"$server_log" 2>&1 &
    server_pid=$!
    port=""
    for _ in $(seq 300); do
        server_alive || { tail -n 20 "$server_log" >&2; die "the server did not start (see $server_log)"; }
        port=$(sed -n 's|.*listening on http://[^:]*:\([0-9][0-9]*\).*|\1|p' "$server_log" | head -n 1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || die "the server did not start listening in 30 s (see $server_log)"
    base="http://127.0.0.1:$port"
    curl -fsS "$base/health" >/dev/null || die "GET /health failed on a fresh server"
}

# Peak resident memory: the kernel's high-water mark (VmHWM), reset before each phase by
# writing 5 to /proc/PID/clear_refs so each row shows its own peak; peak_all keeps the maximum.
peak_all=0
peak=0
reset_peak() { echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true; }
read_peak() { # sets peak (KiB) and raises peak_all
    peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || true)
    peak=${peak:-0}
    if [ "$peak" -gt "$peak_all" ]; then peak_all=$peak; fi
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat" 2>/dev/null || echo 0; }
clk_tck=$(getconf CLK_TCK)

tasks_count() {
    curl -fsS "$base/health" 2>/dev/null | sed -n 's/.*"tasks_count":\([0-9]*\).*/\1/p'
}

# seed TARGET: creates tasks through POST /tasks until there are TARGET; prints rate
seed() {
    local target=$1 have need start end tick=0 n out
    current_row="seeding to $target tasks"
    have=$(tasks_count)
    need=$((target - have))
    [ "$need" -gt 0 ] || { echo "seed: already $have tasks"; return 0; }
    out="$results/$db-seed-$target.txt"
    reset_peak
    local t0; t0=$(cpu_ticks)
    start=$(date +%s.%N)
    wrk -t"$wrk_threads" -c"$seed_connections" -d900s -s "$lua_dir/create.lua" "$base" \
        -- "$need" "$wrk_threads" >"$out" 2>&1 &
    wrk_pid=$!
    local last=-1 stalled=0
    while :; do
        sleep 0.25
        n=$(tasks_count)
        [ "${n:-0}" -ge "$target" ] && break
        kill -0 "$wrk_pid" 2>/dev/null || break
        require_server
        tick=$((tick + 1))
        [ $((tick % 40)) -eq 0 ] && echo "  ... $n tasks"
        # No new task for 30 s: the creates are failing (see the server log); stop waiting.
        if [ "${n:-0}" -eq "$last" ]; then stalled=$((stalled + 1)); else stalled=0; last=${n:-0}; fi
        [ "$stalled" -lt 120 ] || { echo "  seeding stalled at $n tasks" >&2; break; }
    done
    end=$(date +%s.%N)
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
    wrk_pid=""
    n=$(tasks_count)
    if [ "${n:-0}" -lt "$target" ]; then # wrk ended early: top up one by one
        [ $((target - ${n:-0})) -le 1000 ] \
            || die "seeding stopped at ${n:-0} of $target tasks (see $out and $server_log)"
        echo "  seeding with wrk stopped at $n of $target; topping up with curl"
        for _ in $(seq $((target - n))); do
            curl -fsS -o /dev/null -H 'Content-Type: application/json' \
                -d '{"title":"Top-up task"}' "$base/tasks"
        done
        n=$(tasks_count)
    fi
    local cpu secs
    read_peak
    cpu=$(( $(cpu_ticks) - t0 ))
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
    awk -v db="$db" -v have="$have" -v n="$n" -v s="$secs" -v c="$seed_connections" \
        -v peak="$peak" -v cpu="$cpu" -v hz="$clk_tck" 'BEGIN {
            made = n - have
            printf "seed  %-8s %7d -> %7d tasks: %d created in %s s = %.0f creates/s (%d connections), %.0f us server CPU per create, peak RSS %.1f MiB\n",
                db, have, n, made, s, (s > 0 ? made / s : 0), c, (made > 0 ? cpu * 1e6 / hz / made : 0), peak / 1024
        }' | tee -a "$results/seeding.txt"
}

to_ms() { # wrk prints 238.00us, 1.26ms, 2.01s
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
        else printf "-" }'
}

# The requests/s of GET /__ceiling, measured right before each scenario (half its duration,
# at least 2 s) so that each row's share of the ceiling is read against the machine's load of
# that moment: other work on a shared machine moves both figures together.
ceiling_duration=$(( duration / 2 > 2 ? duration / 2 : 2 ))
measure_ceiling() { # measure_ceiling CONNS FILE: sets ceiling
    wrk -t"$wrk_threads" -c"$1" -d"${ceiling_duration}s" --timeout 2s "$base/__ceiling" >"$2" 2>&1 || true
    ceiling=$(awk '/^Requests\/sec:/ {print $2}' "$2")
    ceiling=${ceiling:-0}
}

# Waits until the server has worked off what the previous run left queued: requests whose
# clients are gone still run on the database pool. GET /health queues behind them.
drain() {
    [ "$db" = qt-only ] || curl -sS -m 300 -o /dev/null "$base/health" || true
    sleep 0.5
}

# scenario NAME CONNS PATH [LUA_SCRIPT [LUA_ARGS...]]
scenario() {
    local name=$1 conns=$2 path=$3 script=${4:-}
    shift 3; [ $# -gt 0 ] && shift
    local out="$results/$db-${name// /_}-$conns.txt"
    local args=(-t"$wrk_threads" -c"$conns" -d"${duration}s" --timeout 2s --latency)
    [ -n "$script" ] && args+=(-s "$lua_dir/$script")
    current_row="$name at $conns connections"
    crashed=""
    require_server
    drain
    ceiling=""
    if [[ "$name" != ceiling* ]]; then
        measure_ceiling "$conns" "${out%.txt}-ceiling.txt"
        drain
    fi
    reset_peak
    local t0; t0=$(cpu_ticks)
    if [ $# -gt 0 ]; then
        wrk "${args[@]}" "$base$path" -- "$@" >"$out" 2>&1 || true
    else
        wrk "${args[@]}" "$base$path" >"$out" 2>&1 || true
    fi
    local cpu=$(( $(cpu_ticks) - t0 ))
    read_peak
    require_server
    local rps p50 p99 requests errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    requests=$(awk '/ requests in / {print $1}' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
    errors=$(awk '/Socket errors:/ {gsub(/,/, ""); e += $4 + $6 + $8 + $10}
                  /Non-2xx or 3xx responses:/ {e += $5}
                  END {print e + 0}' "$out")
    if [ -z "$rps" ]; then
        echo "bench.sh: wrk gave no result for $name; its output:" >&2
        cat "$out" >&2
        rps=0; requests=0
    fi
    [ -n "$ceiling" ] || ceiling=$rps
    if [ -n "$crashed" ]; then errors="${errors}+CRASH"; cpu=-1; fi
    local row
    row=$(awk -v db="$db" -v n="$name" -v c="$conns" -v r="$rps" -v p50="$p50" -v p99="$p99" \
        -v e="$errors" -v ceil="$ceiling" -v req="${requests:-0}" -v cpu="$cpu" -v hz="$clk_tck" \
        -v peak="$peak" 'BEGIN {
            pct = ceil > 0 ? sprintf("%.1f", 100 * r / ceil) : "-"
            cpr = (req > 0 && cpu >= 0) ? sprintf("%.0f", cpu * 1e6 / hz / req) : "-"
            printf "%s\t%s\t%s\t%.0f\t%s\t%s\t%s\t%.0f\t%s\t%s\t%.1f\n", db, n, c, r, p50, p99, e, ceil, pct, cpr, peak / 1024
        }')
    echo "$row" >>"$results/results.tsv"
    print_row "$row"
}

print_header() {
    printf '%-8s  %-22s %5s %8s %8s %8s %6s %8s %6s %7s %7s\n' \
        db scenario conns 'req/s' 'p50 ms' 'p99 ms' errors 'ceiling' '%ceil' 'CPU us' 'RSS MiB'
    printf '%-8s  %-22s %5s %8s %8s %8s %6s %8s %6s %7s %7s\n' \
        -------- ---------------------- ----- -------- -------- -------- ------ -------- ------ ------- -------
}
print_row() {
    local IFS=$'\t'
    # shellcheck disable=SC2086
    set -- $1
    printf '%-8s  %-22s %5s %8s %8s %8s %6s %8s %6s %7s %7s\n' "$@"
}

fetch_ids() { # fetch_ids QUERY FILE: the ids of one page of tasks
    curl -fsS "$base/tasks?$1" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$2"
    [ -s "$2" ] || die "no task ids from GET /tasks?$1"
}

print_table() {
    echo "Results ($(date -u +%Y-%m-%dT%H:%M:%SZ); load $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
    echo "errors = wrk socket errors (connect/read/write/timeout) + non-2xx answers;"
    echo "ceiling = req/s of GET /__ceiling (a constant JSON answer) measured right before the row,"
    echo "at the same connections; %ceil = req/s / ceiling;"
    echo "CPU us = server CPU (user+system) per request; RSS MiB = the server's peak resident memory"
    echo "during that row (VmHWM)."
    echo
    print_header
    while IFS= read -r row; do print_row "$row"; done <"$results/results.tsv"
    echo
    cat "$results/seeding.txt"
    [ -s "$results/crashes.txt" ] && grep "^bench.sh: THE SERVER" "$results/crashes.txt"
    awk -v p="$peak_all" 'BEGIN {printf "server peak resident memory over the whole run: %.1f MiB\n", p / 1024}'
}

pg_version() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$bin" ]; then "$bin/postgres" --version; else echo "no PostgreSQL"; fi
}

# --- the machine ---------------------------------------------------------------------------
{
    echo "TaskFlow server benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "machine:  $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
        "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
        "kernel $(uname -r), Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
    echo "software: Qt $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo '?')," \
        "$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)," \
        "$(pg_version)," \
        "SQLite $(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo '?')"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at the start"
    echo "settings: ${duration} s per run, wrk -t${wrk_threads} --timeout 2s, connections: ${connections};" \
        "${list_tasks} tasks for the list scenarios, ${big_tasks} for page/stats;" \
        "server pool size ${pool_size:-default (5)}"
    echo "          access log OFF (QT_LOGGING_RULES=\"taskflow.access=false\"): one log line per"
    echo "          request would otherwise dominate; the ceiling route is on (--benchmark-ceiling-route)"
    echo "results:  $results"
} | tee "$results/machine.txt"
echo

# --- the run -------------------------------------------------------------------------------
: >"$results/results.tsv"
: >"$results/seeding.txt"

# Qt HttpServer alone, no TaskFlow code: what the library answers here, for reference.
db="qt-only"
server_log="$results/server-qt-only.log"
"$qt_bin" 0 >"$server_log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
    server_alive || die "qt-httpserver-ceiling did not start (see $server_log)"
    port=$(sed -n 's|.*listening on http://[^:]*:\([0-9][0-9]*\).*|\1|p' "$server_log" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || die "qt-httpserver-ceiling did not start"
base="http://127.0.0.1:$port"
echo "== Qt HttpServer alone (benchmarks/server/qtceiling): pid $server_pid on $base"
print_header
for c in $connections; do scenario ceiling "$c" /__ceiling; done
stop_server
echo
for db in $db_list; do
    case "$db" in
    sqlite)
        url="sqlite:///$work/bench.db"
        ;;
    postgres)
        pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-bench-pg.XXXXXX")"
        pg_port="$(scripts/pg.sh create "$pg_dir")"
        url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
        ;;
    esac
    start_server "$db" "$url"
    echo "== $db: server pid $server_pid on $base"
    print_header

    for c in $connections; do scenario ceiling "$c" /__ceiling; done

    # 1,000 tasks: the list scenarios, and the reads and updates that leave the count alone.
    seed "$list_tasks"
    fetch_ids "limit=1000" "$work/ids-$db.txt"
    for c in $connections; do scenario "list all (1k)" "$c" /tasks; done
    for c in $connections; do scenario "list filtered (1k)" "$c" "/tasks?status=todo&priority=high"; done
    for c in $connections; do scenario "get by id" "$c" / get.lua "$work/ids-$db.txt"; done
    for c in $connections; do scenario "update (PATCH)" "$c" / update.lua "$work/ids-$db.txt"; done
    for c in $connections; do scenario "health (1k)" "$c" /health; done

    # Exactly big_tasks tasks for page and stats; create runs last, as it grows the table.
    seed "$big_tasks"
    big_label="$((big_tasks / 1000))k"
    fetch_ids "sort=title&limit=1000&offset=$((big_tasks / 2))" "$work/ids-big-$db.txt"
    for c in $connections; do scenario "page -updated ($big_label)" "$c" "/tasks?sort=-updated_at&limit=50&offset=0"; done
    for c in $connections; do scenario "stats ($big_label)" "$c" /tasks/stats; done
    for c in $connections; do scenario "get by id ($big_label)" "$c" / get.lua "$work/ids-big-$db.txt"; done
    for c in $connections; do scenario "create" "$c" / create.lua; done
    # The ceiling again at the end: how much the machine's load moved during the run.
    for c in $connections; do scenario "ceiling (again)" "$c" /__ceiling; done

    stop_server
    if [ "$db" = postgres ]; then scripts/pg.sh destroy "$pg_dir" || true; pg_dir=""; fi
    echo
done

# --- the table -----------------------------------------------------------------------------
print_table | tee "$results/table.txt"
if [ "$crashes" -gt 0 ]; then
    echo "bench.sh: the server was lost $crashes time(s) during this run; see $results/crashes.txt" >&2
    exit 1
fi
