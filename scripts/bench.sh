#!/usr/bin/env bash
# The server benchmark (not a test: it prints numbers and judges nothing). Builds
# taskflow-server and the benchmark tools in Release into build-bench/, then, on SQLite and on a
# throwaway PostgreSQL:
#   rows    seeds 100,000 tasks with SQL into the original `tasks` table (the server's migrations
#           then run over them at start-up), and drives every scenario with wrk at 8 and 256
#           connections; each row is measured right after a reference of the same run (the
#           ceiling route, or get-by-id for the rows whose target is a share of it)
#   flood   12,000 tasks, 256 connections fetching the whole list for 10 s, a lone get-by-id every
#           100 ms during it and one right after it (bench-probe), the server's peak memory and
#           what its log says about requests of departed clients
#   events  1,000 open GET /tasks/events streams and a POST every 10 ms for 20 s (bench-events):
#           latency from each 201 to the event at every subscriber, lost and duplicate events,
#           server RSS and CPU; on PostgreSQL also with the writes sent to a second server
# wrk's Lua done() (benchmarks/server/bench.lua) prints each row's numbers; nothing is scraped
# from wrk's text. docs/PERFORMANCE.md explains the method and holds a full run.
#
#   scripts/bench.sh [--quick] [--db sqlite|postgres|both] [--only "rows flood events"]
#                    [--duration SECONDS] [--big-tasks N] [--pool-size N]
#                    [--connections "8 256"] [--streams N]
#
#   --quick         a smoke run (~7 min): 3 s per row, 20,000 tasks, a 5 s flood, 200 streams
#                   for 5 s. The default (~16 min) is 10 s per row, 100,000 tasks, 1,000 streams
#                   for 20 s: the README's numbers
#   --db            which databases (default both)
#   --only          which parts (default all three: rows flood events)
#   --duration      seconds per wrk row (its reference runs half as long, at least 2 s)
#   --big-tasks     tasks in the table the rows run against
#   --pool-size     passed to the server as --pool-size (default: the server's default)
#   --connections   the connection counts to run each row at (default "8 256")
#   --streams       open event streams for the events part
#
# Raw outputs, server logs and the tables (also as TSV) are kept in build-bench/results/<date-time>/.
# A server that dies is reported, restarted and its row marked +CRASH; the script then exits 1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() { sed -n '2,36p' "$0" | sed 's/^# \{0,1\}//'; }

quick=0
dbs=both
parts="rows flood events"
duration=""
big_tasks=""
pool_size=""
connections="8 256"
streams=""
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --db) dbs="${2:?--db needs sqlite, postgres or both}"; shift ;;
    --only) parts="${2:?--only needs parts}"; shift ;;
    --duration) duration="${2:?--duration needs seconds}"; shift ;;
    --big-tasks) big_tasks="${2:?--big-tasks needs a number}"; shift ;;
    --pool-size) pool_size="${2:?--pool-size needs a number}"; shift ;;
    --connections) connections="${2:?--connections needs a list}"; shift ;;
    --streams) streams="${2:?--streams needs a number}"; shift ;;
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
has_part() { [[ " $parts " == *" $1 "* ]]; }
if [ "$quick" = 1 ]; then
    duration="${duration:-3}"
    big_tasks="${big_tasks:-20000}"
    streams="${streams:-200}"
    flood_seconds=5
    events_seconds=5
else
    duration="${duration:-10}"
    big_tasks="${big_tasks:-100000}"
    streams="${streams:-1000}"
    flood_seconds=10
    events_seconds=20
fi
flood_tasks=12000
flood_connections=256
wrk_threads=2
# "a whole list of 12,000": the seed gives exactly 12 % of the tasks to alice
list_filter="assignee=alice"
list_count=$((big_tasks * 12 / 100))

# --- packages ------------------------------------------------------------------------------
# The test list brings wrk, curl and the release's PostgreSQL (15 on Debian 12, 17 on 13).
scripts/install-deps.sh build test
extra=()
command -v sqlite3 >/dev/null || extra+=(sqlite3)
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
cmake --build "$build_dir" --target taskflow-server bench-events bench-probe
built_server="$build_dir/server/taskflow-server"
events_bin="$build_dir/benchmarks/server/bench-events"
probe_bin="$build_dir/benchmarks/server/bench-probe"
lua="$root/benchmarks/server/bench.lua"

results="$build_dir/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
work="$(mktemp -d "${TMPDIR:-/tmp}/tfbench.XXXXXX")"
chmod 755 "$work"
# The server runs from a copy whose name and path do not contain "taskflow": on a shared
# machine, someone's `pkill taskflow-server` (or `pkill -f taskflow`) would otherwise stop it
# in the middle of a row. (It happened: a clean exit after "SIGTERM received".)
server_bin="$work/tfb-server"
cp "$built_server" "$server_bin"
started_at=$(date +%s)

# 1,000 streams and 256 connections need more descriptors than the usual 1,024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- teardown ------------------------------------------------------------------------------
declare -A pids=()   # server name -> pid
bg_pids=()
pg_dir=""
# A server that does not exit cleanly on SIGTERM (a crash on the way out, or no exit in 10 s)
# is a result too: reported like a crash, and the script exits 1 at the end.
stop_server() { # stop_server NAME
    local pid=${pids[$1]:-}
    [ -n "$pid" ] || return 0
    local killed=""
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && killed=yes
        kill -KILL "$pid" 2>/dev/null || true
    fi
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    unset "pids[$1]"
    if [ "$status" -ne 0 ] || [ -n "$killed" ]; then
        crashes=$((crashes + 1))
        {
            echo "bench.sh: THE SERVER $1 DID NOT EXIT CLEANLY ON SIGTERM: pid $pid, exit status $status$( \
                [ "$status" -gt 128 ] && echo " (signal $((status - 128)))")${killed:+, still running after 10 s (killed)}"
            echo "the end of its log (${logs[$1]:-?}):"
            tail -n 5 "${logs[$1]:-/dev/null}" || true
        } | tee -a "$results/crashes.txt" >&2
    fi
}
cleanup() {
    for pid in "${bg_pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for name in "${!pids[@]}"; do stop_server "$name"; done
    if [ -n "$pg_dir" ]; then scripts/pg.sh destroy "$pg_dir" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { echo "bench.sh: $*" >&2; exit 1; }

# --- servers -------------------------------------------------------------------------------
crashes=0
crashed=""
declare -A urls=() logs=() ports=()
alive() { local pid=${pids[$1]:-}; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# start_server NAME DATABASE_URL [EXTRA ARGS...]: on a free port (--port 0, read from its log);
# sets base (its URL) and server_pid
start_server() {
    local name=$1 url=$2
    shift 2
    local log="$results/server-$name.log"
    [ -e "$log" ] && log="$results/server-$name-$(date +%H%M%S).log"
    local extra_args=()
    [ -n "$pool_size" ] && extra_args+=(--pool-size "$pool_size")
    local t0; t0=$(date +%s.%N)
    QT_LOGGING_RULES="taskflow.access=false" "$server_bin" --database-url "$url" --host 127.0.0.1 \
        --port 0 --benchmark-ceiling-route "${extra_args[@]}" "$@" >"$log" 2>&1 &
    pids[$name]=$!
    urls[$name]=$url
    logs[$name]=$log
    local port=""
    for _ in $(seq 1200); do
        alive "$name" || { tail -n 20 "$log" >&2; die "the server $name did not start (see $log)"; }
        port=$(sed -n 's|.*listening on http://[^:]*:\([0-9][0-9]*\).*|\1|p' "$log" | head -n 1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || die "the server $name did not start listening in 120 s (see $log)"
    ports[$name]=$port
    base="http://127.0.0.1:$port"
    server_pid=${pids[$name]}
    curl -fsS -m 30 "$base/health" >/dev/null || die "GET /health failed on a fresh server $name"
    awk -v a="$t0" -v b="$(date +%s.%N)" -v n="$name" 'BEGIN {printf "  server %s up in %.1f s\n", n, b - a}'
}

# The server crashing is a result, not the end of the run: it is reported, restarted on the
# same database, and the row it broke is marked; the script exits non-zero at the end.
require_server() { # require_server NAME
    alive "$1" && return 0
    local pid=${pids[$1]} status=0
    wait "$pid" 2>/dev/null || status=$?
    crashes=$((crashes + 1))
    crashed=yes
    local what="THE SERVER $1 CRASHED"
    # A clean exit after "SIGTERM received" was not a crash: something else on the machine
    # stopped it.
    if [ "$status" -eq 0 ] && grep -q "SIGTERM received\|SIGINT received" "${logs[$1]}"; then
        what="THE SERVER $1 WAS STOPPED FROM OUTSIDE (SIGTERM/SIGINT, not by this script)"
    fi
    {
        echo "bench.sh: $what: pid $pid, exit status $status$( \
            [ "$status" -gt 128 ] && echo " (signal $((status - 128)))"), during: ${current_row:-?}"
        echo "the end of its log (${logs[$1]}):"
        tail -n 10 "${logs[$1]}" || true
    } | tee -a "$results/crashes.txt" >&2
    unset "pids[$1]"
    start_server "$1" "${urls[$1]}"
    echo "bench.sh: restarted $1: pid ${pids[$1]}" | tee -a "$results/crashes.txt" >&2
}

# Peak resident memory: VmHWM, reset by writing 5 to /proc/PID/clear_refs.
reset_peak() { echo 5 >"/proc/$1/clear_refs" 2>/dev/null || true; }
read_peak() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; } # KiB
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
clk_tck=$(getconf CLK_TCK)

# --- seeding -------------------------------------------------------------------------------
# The table exactly as the original backend creates it, filled with SQL; the server's
# migrations (indexes, change log, kept counts) then run over it when it starts, as they would
# on a database the original backend filled. Per 25 tasks: 3 alice (12 %), 7 bob, 6 carol,
# 5 dave, 4 nobody; statuses and priorities in equal thirds, independent of each other; 80 %
# have a due date, half of those in the past (so about 27 % are overdue); created one second
# apart, so every sort key has a spread.
seed_sqlite() { # seed_sqlite FILE N
    sqlite3 "$1" <<SQL
CREATE TABLE IF NOT EXISTS tasks (id VARCHAR NOT NULL, title VARCHAR(200) NOT NULL,
  description VARCHAR(1000), status VARCHAR(11), priority VARCHAR(6), assignee VARCHAR(100),
  due_date DATETIME, created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
  updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP), PRIMARY KEY (id));
CREATE INDEX IF NOT EXISTS ix_tasks_id ON tasks (id);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO tasks SELECT
  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
        || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  'Task ' || i || CASE WHEN i % 4 = 0 THEN ' report' ELSE ' work' END,
  CASE WHEN i % 2 = 0 THEN NULL ELSE 'Seeded task ' || i || ': a short description with some words in it.' END,
  CASE i % 3 WHEN 0 THEN 'TODO' WHEN 1 THEN 'IN_PROGRESS' ELSE 'DONE' END,
  CASE (i / 3) % 3 WHEN 0 THEN 'LOW' WHEN 1 THEN 'MEDIUM' ELSE 'HIGH' END,
  CASE WHEN i % 25 < 3 THEN 'alice' WHEN i % 25 < 10 THEN 'bob' WHEN i % 25 < 16 THEN 'carol'
       WHEN i % 25 < 21 THEN 'dave' ELSE NULL END,
  CASE WHEN i % 10 >= 8 THEN NULL
       WHEN i % 2 = 0 THEN strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || (1 + i % 2000) || ' hours')
       ELSE strftime('%Y-%m-%d %H:%M:%S', 'now', '+' || (1 + i % 2000) || ' hours') END,
  strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || ($2 - i + 3600) || ' seconds'),
  strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || ($2 - i) || ' seconds')
FROM n;
COMMIT;
SQL
}
psql_db() { # psql_db DBNAME [psql args...]
    local db=$1; shift
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"
}
seed_postgres() { # seed_postgres DBNAME N
    psql_db postgres -c "CREATE DATABASE $1" >/dev/null
    psql_db "$1" <<SQL
CREATE TYPE taskstatus AS ENUM ('TODO', 'IN_PROGRESS', 'DONE');
CREATE TYPE taskpriority AS ENUM ('LOW', 'MEDIUM', 'HIGH');
CREATE TABLE tasks (id VARCHAR NOT NULL, title VARCHAR(200) NOT NULL, description VARCHAR(1000),
  status taskstatus, priority taskpriority, assignee VARCHAR(100),
  due_date TIMESTAMP WITHOUT TIME ZONE, created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
  updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), PRIMARY KEY (id));
CREATE INDEX ix_tasks_id ON tasks (id);
INSERT INTO tasks SELECT gen_random_uuid()::text,
  'Task ' || i || CASE WHEN i % 4 = 0 THEN ' report' ELSE ' work' END,
  CASE WHEN i % 2 = 0 THEN NULL ELSE 'Seeded task ' || i || ': a short description with some words in it.' END,
  (CASE i % 3 WHEN 0 THEN 'TODO' WHEN 1 THEN 'IN_PROGRESS' ELSE 'DONE' END)::taskstatus,
  (CASE (i / 3) % 3 WHEN 0 THEN 'LOW' WHEN 1 THEN 'MEDIUM' ELSE 'HIGH' END)::taskpriority,
  CASE WHEN i % 25 < 3 THEN 'alice' WHEN i % 25 < 10 THEN 'bob' WHEN i % 25 < 16 THEN 'carol'
       WHEN i % 25 < 21 THEN 'dave' ELSE NULL END,
  CASE WHEN i % 10 >= 8 THEN NULL
       WHEN i % 2 = 0 THEN date_trunc('second', now() AT TIME ZONE 'utc') - (1 + i % 2000) * interval '1 hour'
       ELSE date_trunc('second', now() AT TIME ZONE 'utc') + (1 + i % 2000) * interval '1 hour' END,
  date_trunc('second', now() AT TIME ZONE 'utc') - ($2 - i + 3600) * interval '1 second',
  date_trunc('second', now() AT TIME ZONE 'utc') - ($2 - i) * interval '1 second'
FROM generate_series(1, $2) AS i;
VACUUM ANALYZE tasks;
SQL
}
# seed_db KIND NAME N: makes the database and sets url to it
seed_db() {
    local t0; t0=$(date +%s.%N)
    case "$1" in
    sqlite) seed_sqlite "$work/$2.db" "$3"; url="sqlite:///$work/$2.db" ;;
    postgres) seed_postgres "$2" "$3"; url="postgresql://postgres@127.0.0.1:$pg_port/$2" ;;
    esac
    awk -v a="$t0" -v b="$(date +%s.%N)" -v k="$1" -v n="$3" 'BEGIN {printf "  seeded %d tasks on %s with SQL in %.1f s\n", n, k, b - a}'
}
ids_query="SELECT id FROM tasks ORDER BY random() LIMIT 1000"
export_ids() { # export_ids KIND DBNAME FILE
    case "$1" in
    sqlite) sqlite3 "$work/$2.db" "$ids_query" >"$3" ;;
    postgres) psql_db "$2" -At -c "$ids_query" >"$3" ;;
    esac
    [ -s "$3" ] || die "no task ids in $2"
}

# --- one wrk row -----------------------------------------------------------------------------
# run_wrk CONNS SECONDS OUT PATH LUA_ARGS...: sets the row's fields from bench.lua's ROW line
run_wrk() {
    local conns=$1 secs=$2 out=$3 path=$4
    shift 4
    wrk -t"$wrk_threads" -c"$conns" -d"${secs}s" --timeout 2s -s "$lua" "$base$path" -- "$@" >"$out" 2>&1 || true
    row_line=$(grep '^ROW ' "$out" | tail -n 1 || true)
    [ -n "$row_line" ] || { echo "bench.sh: wrk gave no row; its output:" >&2; cat "$out" >&2; row_line="ROW requests=0 rps=0"; }
}
field() { # field NAME: from row_line
    local v
    v=$(tr ' ' '\n' <<<"$row_line" | sed -n "s/^$1=//p")
    echo "${v:-0}"
}

# Lets the server finish what the previous row left (a list being sent to a client that left).
drain() { curl -sS -m 30 -o /dev/null "$base/health" || true; sleep 1; }

# The figures before the rebuild, from the README's full run of commit 8bd58d9 (req/s at 8 / 256
# connections; page and stats on 100,000 tasks; health and update on 1,000; list on 1,000).
before_figure() { # before_figure DB SCENARIO CONNS
    local key="$1|$2|$3"
    case "$key" in
    "sqlite|ceiling|8") echo 33630 ;; "sqlite|ceiling|256") echo 28261 ;;
    "postgres|ceiling|8") echo 51391 ;; "postgres|ceiling|256") echo 37526 ;;
    "sqlite|get by id|8") echo 13602 ;; "sqlite|get by id|256") echo 15313 ;;
    "postgres|get by id|8") echo 7537 ;; "postgres|get by id|256") echo 4745 ;;
    "sqlite|stats|8") echo 40 ;; "sqlite|stats|256") echo "26 (198 t/o)" ;;
    "postgres|stats|8") echo 59 ;; "postgres|stats|256") echo "55 (446 t/o)" ;;
    "sqlite|health|8") echo "16072 (1k)" ;; "sqlite|health|256") echo "15117 (1k)" ;;
    "postgres|health|8") echo "5176 (1k)" ;; "postgres|health|256") echo "8703 (1k)" ;;
    "sqlite|page 50"*"|8") echo "1036 (off 0)" ;; "sqlite|page 50"*"|256") echo "1050 (off 0)" ;;
    "postgres|page 50"*"|8") echo "19 (off 0)" ;; "postgres|page 50"*"|256") echo "21 (173 t/o)" ;;
    "sqlite|list "*"|8") echo "217 (1k)" ;; "sqlite|list "*"|256") echo "249 (1k)" ;;
    "postgres|list "*"|8") echo "116 (1k)" ;; "postgres|list "*"|256") echo "150 (43 t/o, 1k)" ;;
    "sqlite|update"*"|8") echo 5490 ;; "sqlite|update"*"|256") echo 4497 ;;
    "postgres|update"*"|8") echo 6848 ;; "postgres|update"*"|256") echo 5451 ;;
    "sqlite|create|8") echo 3468 ;; "sqlite|create|256") echo 3766 ;;
    "postgres|create|8") echo "2725 (crash)" ;; "postgres|create|256") echo 5108 ;;
    *) echo "-" ;;
    esac
}

# row DB NAME CONNS REF PATH LUA_ARGS...: REF is "ceiling" or "get" (the reference measured
# right before, for half the duration, so the share is read against the machine as it was)
ref_seconds=$(( duration / 2 > 2 ? duration / 2 : 2 ))
row() {
    local db=$1 name=$2 conns=$3 ref=$4 path=$5
    shift 5
    local slug="${name//[^a-zA-Z0-9]/_}"
    local out="$results/$db-$slug-$conns.txt"
    current_row="$db $name at $conns connections"
    crashed=""
    require_server rows
    drain
    local ref_rps=""
    if [ "$ref" = ceiling ] && [ "$name" != ceiling ]; then
        run_wrk "$conns" "$ref_seconds" "${out%.txt}-ref-ceiling.txt" /__ceiling path
        ref_rps=$(field rps)
        drain
    elif [ "$ref" = get ]; then
        run_wrk "$conns" "$ref_seconds" "${out%.txt}-ref-get.txt" / get "$ids_file"
        ref_rps=$(field rps)
        drain
    fi
    reset_peak "$server_pid"
    local t0; t0=$(cpu_ticks "$server_pid")
    run_wrk "$conns" "$duration" "$out" "$path" "$@"
    local cpu=$(( $(cpu_ticks "$server_pid") - t0 ))
    local peak; peak=$(read_peak "$server_pid")
    [ "$peak" -gt "$rows_peak" ] && rows_peak=$peak
    require_server rows
    [ -n "$ref_rps" ] || ref_rps=$(field rps)
    local errors_other
    errors_other=$(( $(field connect) + $(field read) + $(field write) + $(field s503_other) + $(field s4xx) + $(field s5xx_other) + $(field s_other) ))
    local marker=""
    [ -n "$crashed" ] && marker="+CRASH"
    local line
    line=$(awk -v db="$db" -v n="$name" -v c="$conns" -v r="$(field rps)" -v p50="$(field p50)" \
        -v p99="$(field p99)" -v mx="$(field max)" -v to="$(field timeout)" -v b503="$(field s503_retry)" \
        -v eo="$errors_other$marker" -v ref="$ref" -v rr="$ref_rps" -v req="$(field requests)" \
        -v cpu="$cpu" -v hz="$clk_tck" -v peak="$peak" -v s304="$(field s304)" \
        -v before="$(before_figure "$db" "$name" "$conns")" 'BEGIN {
            pct = rr > 0 ? sprintf("%.1f", 100 * r / rr) : "-"
            cpr = req > 0 ? sprintf("%.0f", cpu * 1e6 / hz / req) : "-"
            printf "%s\t%s\t%s\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f\t%s\t%s\t%.1f\t%s\t%s\n",
                db, n, c, r, p50, p99, mx, to, b503, eo, ref, rr, pct, cpr, peak / 1024, s304, before
        }')
    echo "$line" >>"$results/rows.tsv"
    print_row "$line"
}
rows_header() {
    printf '%-8s  %-24s %5s %8s %8s %8s %8s %5s %7s %6s %8s %8s %6s %6s %6s  %s\n' \
        db scenario conns 'req/s' 'p50 ms' 'p99 ms' 'max ms' t/o '503+RA' 'other' ref 'ref r/s' '%ref' 'CPUus' 'RSS' 'before (req/s)'
}
print_row() {
    local IFS=$'\t'
    # shellcheck disable=SC2086
    set -- $1
    printf '%-8s  %-24s %5s %8s %8s %8s %8s %5s %7s %6s %8s %8s %6s %6s %6s  %s\n' \
        "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11}" "${12}" "${13}" "${14}" "${15}" "${17}"
}

# --- the machine ---------------------------------------------------------------------------
pg_version() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$bin" ]; then "$bin/postgres" --version; else echo "no PostgreSQL"; fi
}
{
    echo "TaskFlow server benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- server common 2>/dev/null || echo ' (server/common modified)')"
    echo "machine:  $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
        "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
        "kernel $(uname -r), Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
    echo "software: Qt $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo '?')," \
        "$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $(pg_version)," \
        "SQLite $(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo '?')"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at the start"
    echo "settings: parts: $parts; ${duration} s per row (references ${ref_seconds} s), wrk -t${wrk_threads} --timeout 2s," \
        "connections: ${connections}; ${big_tasks} tasks; pool ${pool_size:-default}; access log off"
    echo "results:  $results"
} | tee "$results/machine.txt"
echo

: >"$results/rows.tsv"
: >"$results/flood.txt"
: >"$results/events.txt"
rows_peak=0

# --- the parts -------------------------------------------------------------------------------
rows_part() { # rows_part DB
    local db=$1
    echo "== rows: $db, $big_tasks tasks"
    seed_db "$db" big "$big_tasks"
    ids_file="$work/ids-$db.txt"
    export_ids "$db" big "$ids_file"
    start_server rows "$url"
    grep -h "applied migration" "${logs[rows]}" | sed 's/^/  /' || true
    # The migrations just rewrote the table's companions (search text, counts): let PostgreSQL's
    # statistics and visibility map catch up now rather than with autovacuum during the first rows.
    [ "$db" = postgres ] && psql_db big -c "VACUUM ANALYZE" >/dev/null
    rows_peak=$(read_peak "$server_pid") # start-up and migrations
    local etag
    etag=$(curl -fsS -D - -o /dev/null "$base/tasks?$list_filter" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
    [ -n "$etag" ] || die "no ETag on GET /tasks?$list_filter"
    local have
    have=$(curl -fsS "$base/tasks/stats?$list_filter" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    echo "  GET /tasks?$list_filter: $have tasks, ETag $etag"
    rows_header
    local c
    for c in $connections; do row "$db" ceiling "$c" ceiling /__ceiling path; done
    for c in $connections; do row "$db" "get by id" "$c" ceiling / get "$ids_file"; done
    for c in $connections; do row "$db" stats "$c" get /tasks/stats path; done
    for c in $connections; do row "$db" health "$c" get /health path; done
    for c in $connections; do row "$db" "page 50, any offset" "$c" get / page "$big_tasks" 50; done
    # the first 20 pages: what OFFSET costs when it is small
    for c in $connections; do row "$db" "page 50, offset < 1000" "$c" get / page 1000 50; done
    for c in $connections; do row "$db" "stats filtered" "$c" get "/tasks/stats?status=todo&priority=high" path; done
    for c in $connections; do row "$db" "list $((list_count / 1000))k" "$c" ceiling "/tasks?$list_filter" path; done
    for c in $connections; do row "$db" "list $((list_count / 1000))k 304" "$c" ceiling "/tasks?$list_filter" path If-None-Match "$etag"; done
    for c in $connections; do row "$db" "update (PATCH)" "$c" ceiling / update "$ids_file"; done
    for c in $connections; do row "$db" create "$c" ceiling / create; done
    stop_server rows
    awk -v p="$rows_peak" -v d="$db" 'BEGIN {printf "  %s: server peak RSS over all rows (start-up included): %.1f MiB\n", d, p / 1024}' \
        | tee -a "$results/rows-peak.txt"
    echo
}

flood_part() { # flood_part DB
    local db=$1
    echo "== flood: $db, $flood_tasks tasks, $flood_connections connections fetching the whole list for $flood_seconds s"
    seed_db "$db" flood "$flood_tasks"
    export_ids "$db" flood "$work/ids-flood-$db.txt"
    start_server flood "$url"
    local id; id=$(head -n 1 "$work/ids-flood-$db.txt")
    curl -fsS -o /dev/null "$base/tasks" # warm: one whole list
    reset_peak "$server_pid"
    local t0; t0=$(cpu_ticks "$server_pid")
    local out="$results/$db-flood-wrk.txt"
    wrk -t"$wrk_threads" -c"$flood_connections" -d"${flood_seconds}s" --timeout 2s -s "$lua" "$base/tasks" -- path >"$out" 2>&1 &
    local wrk_pid=$!
    bg_pids+=("$wrk_pid")
    "$probe_bin" --port "${ports[flood]}" --path "/tasks/$id" --interval-ms 100 --seconds "$flood_seconds" \
        --timeout-ms 5000 --after-pid "$wrk_pid" >"$results/$db-flood-probe.txt" 2>&1 || true
    wait "$wrk_pid" 2>/dev/null || true
    local t1; t1=$(cpu_ticks "$server_pid")
    sleep 3 # anything still running for the departed clients shows as CPU here
    local t2; t2=$(cpu_ticks "$server_pid")
    local peak; peak=$(read_peak "$server_pid")
    row_line=$(grep '^ROW ' "$out" | tail -n 1 || echo "ROW")
    local probe; probe=$(grep '^PROBE ' "$results/$db-flood-probe.txt" || echo "PROBE")
    stop_server flood
    # Two log lines tell about departed clients: one per request whose client left before its
    # answer (queued, running or being sent), and one per batch dropped from the queue unrun.
    local dropped left
    dropped=$(awk '/queued request\(s\) whose client had left; never run/ {for (i = 1; i <= NF; i++) if ($i == "dropped") s += $(i + 1)} END {print s + 0}' "${logs[flood]}")
    left=$(grep -c "a client left before its answer" "${logs[flood]}" || true)
    {
        echo "$db flood: wrk ${row_line#ROW }"
        echo "$db probes: ${probe#PROBE }"
        grep -v '^PROBE ' "$results/$db-flood-probe.txt" | sed "s/^/$db   /"
        awk -v db="$db" -v peak="$peak" -v a="$((t1 - t0))" -v b="$((t2 - t1))" -v hz="$clk_tck" -v d="$dropped" -v l="${left:-0}" 'BEGIN {
            printf "%s server: peak RSS %.1f MiB; CPU %.2f s during the flood, %.2f s in the 3 s after it; log: %d client(s) left before their answer, %d queued request(s) of departed clients dropped, never run\n",
                db, peak / 1024, a / hz, b / hz, l, d }'
    } | tee -a "$results/flood.txt"
    echo
}

events_part() { # events_part DB
    local db=$1
    echo "== events: $db, $streams streams, a POST every 10 ms for $events_seconds s"
    seed_db "$db" events 1000
    start_server events "$url"
    local read_port=${ports[events]} read_pid=$server_pid
    reset_peak "$read_pid"
    local out="$results/$db-events.txt"
    "$events_bin" --read-port "$read_port" --streams "$streams" --interval-ms 10 --seconds "$events_seconds" \
        --server-pid "$read_pid" >"$out" 2>&1 || true
    sed "s/^/  /" "$out"
    echo "$db same-server: $(grep '^EVENTS ' "$out" | sed 's/^EVENTS //')" >>"$results/events.txt"
    if [ "$db" = postgres ]; then
        echo "-- events across servers: streams on one server, writes to a second on the same PostgreSQL"
        start_server events-writer "$url"
        local write_port=${ports[events-writer]} write_pid=$server_pid
        reset_peak "$read_pid"
        reset_peak "$write_pid"
        out="$results/$db-events-cross.txt"
        "$events_bin" --read-port "$read_port" --write-port "$write_port" --streams "$streams" \
            --interval-ms 10 --seconds "$events_seconds" --server-pid "$read_pid" --server-pid "$write_pid" \
            >"$out" 2>&1 || true
        sed "s/^/  /" "$out"
        echo "$db cross-server: $(grep '^EVENTS ' "$out" | sed 's/^EVENTS //')" >>"$results/events.txt"
        stop_server events-writer
    fi
    stop_server events
    echo
}

for db in $db_list; do
    if [ "$db" = postgres ]; then
        pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-bench-pg.XXXXXX")"
        pg_port="$(scripts/pg.sh create "$pg_dir")"
    fi
    if has_part rows; then rows_part "$db"; fi
    if has_part flood; then flood_part "$db"; fi
    if has_part events; then events_part "$db"; fi
    if [ "$db" = postgres ]; then scripts/pg.sh destroy "$pg_dir" || true; pg_dir=""; fi
done

# --- the summary ---------------------------------------------------------------------------------
# The rows as a Markdown table for the README (rows.md): errors as timeouts, 503 busy (with
# Retry-After) and anything else; the share of the reference the row was measured against.
if [ -s "$results/rows.tsv" ]; then
    {
        echo "| scenario | db | conns | req/s | p99 ms | errors | % of reference | before: req/s |"
        echo "|---|---|---:|---:|---:|---|---:|---:|"
        awk -F'\t' '{
            err = ""
            if ($8 > 0) err = err $8 " timeouts"
            if ($9 > 0) err = err (err == "" ? "" : ", ") $9 " busy (503 + Retry-After)"
            if ($10 != "0") err = err (err == "" ? "" : ", ") $10 " other"
            if (err == "") err = "0"
            ref = ($11 == "get") ? "of get by id" : "of ceiling"
            share = ($2 == "ceiling") ? "100 (ceiling)" : $13 " % " ref
            rps = ($4 == 0) ? "0 (none answered)" : $4
            p99 = ($6 + 0 == 0) ? "—" : $6
            printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $1, $3, rps, p99, err, share, $17
        }' "$results/rows.tsv"
    } >"$results/rows.md"
fi
{
    echo "Results ($(date -u +%Y-%m-%dT%H:%M:%SZ); load $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
        "$(( ($(date +%s) - started_at) / 60 )) min)"
    if [ -s "$results/rows.tsv" ]; then
        echo "t/o = wrk timeouts (no answer in 2 s); 503+RA = 503 with Retry-After; other = every other"
        echo "error (socket errors, other non-2xx/3xx); ref = the reference measured right before the"
        echo "row (ceiling route or get-by-id), %ref = req/s / ref r/s; CPUus = server CPU per request;"
        echo "RSS = server peak RSS (MiB) during the row; before = the README's figure before the rebuild."
        rows_header
        while IFS= read -r line; do print_row "$line"; done <"$results/rows.tsv"
        cat "$results/rows-peak.txt" 2>/dev/null || true
        echo
    fi
    if [ -s "$results/flood.txt" ]; then cat "$results/flood.txt"; echo; fi
    if [ -s "$results/events.txt" ]; then cat "$results/events.txt"; fi
    if [ -s "$results/crashes.txt" ]; then grep "^bench.sh: THE SERVER" "$results/crashes.txt"; fi
} | tee "$results/summary.txt"
if [ "$crashes" -gt 0 ]; then
    echo "bench.sh: the server was lost $crashes time(s) during this run; see $results/crashes.txt" >&2
    exit 1
fi
