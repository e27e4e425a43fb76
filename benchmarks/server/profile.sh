#!/usr/bin/env bash
# Profiles taskflow-server under wrk load, one scenario at a time, with perf (sampling, call
# graphs through DWARF unwinding) or valgrind's callgrind (exact instruction counts, slow).
# Uses the Release build scripts/bench.sh makes (build-bench/); run that once first.
#
#   benchmarks/server/profile.sh [--tool perf|callgrind] [--db sqlite|postgres]
#                                [--seconds N] [SCENARIO...]
#
# SCENARIO is one of: ceiling get create update list page stats (default: ceiling get create).
# The server runs with the access log off and a pool of its default size; 1,000 tasks are seeded
# for get/update/list, 20,000 more for page/stats. Reports go to build-bench/profile/<date-time>/:
# for each scenario the top functions by inclusive (children) and by self cost.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

tool=perf
db=sqlite
seconds=10
scenarios=()
while [ $# -gt 0 ]; do
    case "$1" in
    --tool) tool="$2"; shift ;;
    --db) db="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) scenarios+=("$1") ;;
    esac
    shift
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(ceiling get create)

server_bin="$root/build-bench/server/taskflow-server"
[ -x "$server_bin" ] || { echo "profile.sh: build it first: scripts/bench.sh --quick" >&2; exit 1; }
case "$tool" in
perf) command -v perf >/dev/null || apt-get install -y -q --no-install-recommends linux-perf ;;
callgrind) command -v valgrind >/dev/null || apt-get install -y -q --no-install-recommends valgrind ;;
*) echo "profile.sh: --tool perf or callgrind" >&2; exit 2 ;;
esac

out="$root/build-bench/profile/$(date +%Y%m%d-%H%M%S)-$tool-$db"
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-profile.XXXXXX")"
lua="$root/benchmarks/server"
server_pid=""
pg_dir=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    [ -n "$pg_dir" ] && scripts/pg.sh destroy "$pg_dir"
    rm -rf "$work"
}
trap cleanup EXIT

case "$db" in
sqlite) url="sqlite:///$work/profile.db" ;;
postgres)
    pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-profile-pg.XXXXXX")"
    url="postgresql://postgres@127.0.0.1:$(scripts/pg.sh create "$pg_dir")/postgres"
    ;;
*) echo "profile.sh: --db sqlite or postgres" >&2; exit 2 ;;
esac

launcher=()
if [ "$tool" = callgrind ]; then
    # Instrumentation starts switched off; callgrind_control switches it on for each scenario
    # only, and each scenario's counts are dumped to their own file.
    launcher=(valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.%p")
fi
QT_LOGGING_RULES="taskflow.access=false" "${launcher[@]}" "$server_bin" --database-url "$url" \
    --port 0 --benchmark-ceiling-route >"$out/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 600); do
    port=$(sed -n 's|.*listening on http://[^:]*:\([0-9][0-9]*\).*|\1|p' "$out/server.log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "profile.sh: the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

count() { curl -fsS "$base/health" | sed -n 's/.*"tasks_count":\([0-9]*\).*/\1/p'; }
seed_to() {
    local target=$1 have wrk_pid
    have=$(count)
    [ "$have" -lt "$target" ] || return 0
    wrk -t2 -c16 -d3600s -s "$lua/create.lua" "$base" -- $((target - have)) 2 >/dev/null 2>&1 &
    wrk_pid=$!
    while [ "$(count)" -lt "$target" ] && kill -0 "$wrk_pid" 2>/dev/null; do sleep 0.5; done
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
}
seed_to 1000
curl -fsS "$base/tasks?limit=1000" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$work/ids.txt"

load() { # load SCENARIO SECONDS
    case "$1" in
    ceiling) wrk -t2 -c8 -d"$2"s "$base/__ceiling" ;;
    get) wrk -t2 -c8 -d"$2"s -s "$lua/get.lua" "$base" -- "$work/ids.txt" ;;
    create) wrk -t2 -c8 -d"$2"s -s "$lua/create.lua" "$base" ;;
    update) wrk -t2 -c8 -d"$2"s -s "$lua/update.lua" "$base" -- "$work/ids.txt" ;;
    list) wrk -t2 -c8 -d"$2"s "$base/tasks" ;;
    page) wrk -t2 -c8 -d"$2"s "$base/tasks?sort=-updated_at&limit=50&offset=0" ;;
    stats) wrk -t2 -c8 -d"$2"s "$base/tasks/stats" ;;
    *) echo "profile.sh: unknown scenario $1" >&2; exit 2 ;;
    esac
}

for scenario in "${scenarios[@]}"; do
    case "$scenario" in page | stats) seed_to 21000 ;; esac
    echo "== $scenario ($tool, $db, ${seconds}s)"
    if [ "$tool" = perf ]; then
        load "$scenario" 1 >/dev/null # warm up
        perf record -F 499 -g --call-graph dwarf,16384 -p "$server_pid" -o "$out/$scenario.perf" \
            -- sleep "$seconds" >/dev/null 2>"$out/$scenario.perf-record.log" &
        perf_pid=$!
        load "$scenario" "$seconds" >"$out/$scenario.wrk.txt"
        wait "$perf_pid" || true
        perf report -i "$out/$scenario.perf" --children --stdio --no-demangle -g none \
            --percent-limit 1.5 --sort symbol 2>/dev/null | c++filt >"$out/$scenario.children.txt" || true
        perf report -i "$out/$scenario.perf" --no-children --stdio -g none \
            --percent-limit 0.7 --sort dso,symbol 2>/dev/null >"$out/$scenario.self.txt" || true
    else
        before=$(find "$out" -maxdepth 1 -name "callgrind.*" | wc -l)
        callgrind_control -i on "$server_pid" >/dev/null || true
        load "$scenario" "$seconds" >"$out/$scenario.wrk.txt"
        callgrind_control -d "$scenario" "$server_pid" >/dev/null || true
        callgrind_control -i off "$server_pid" >/dev/null || true
        for _ in $(seq 50); do
            [ "$(find "$out" -maxdepth 1 -name "callgrind.*" | wc -l)" -gt "$before" ] && break
            sleep 0.2
        done
        dump=$(ls -t "$out"/callgrind.* | head -n 1)
        mv "$dump" "$out/$scenario.callgrind"
        # (head closes the pipe early: not a failure)
        callgrind_annotate --inclusive=yes "$out/$scenario.callgrind" 2>/dev/null | head -n 80 \
            >"$out/$scenario.children.txt" || true
        callgrind_annotate --inclusive=no "$out/$scenario.callgrind" 2>/dev/null | head -n 60 \
            >"$out/$scenario.self.txt" || true
        callgrind_control -z "$server_pid" >/dev/null || true
    fi
    grep -E "Requests/sec" "$out/$scenario.wrk.txt" || true
done
echo "reports in $out"
