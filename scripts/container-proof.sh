#!/usr/bin/env bash
# Builds the real image from the Dockerfile with buildah (as root, no daemon, no registry) and
# smoke-tests it: GET /health, POST /tasks then GET /tasks, SIGTERM -> exit 0; on SQLite, and
# on PostgreSQL over TLS (sslmode=require) when a PostgreSQL server is installed here.
#
#   sudo scripts/container-proof.sh [--release 12|13] [--keep]
#
#   --release   the Debian release of the image (the Dockerfile's DEBIAN_RELEASE; default 13,
#               as Render builds it)
#   --keep      leave the work folder (buildah's storage, logs) in place for a look
#
# How: a fresh debootstrap root of that release (scripts/lib/debian-root.sh) is imported as
# docker.io/library/debian:<release>-slim, the name the FROM lines use (buildah from scratch,
# add, commit), in a buildah storage of the proof's own; `buildah bud --isolation chroot
# --pull=never` builds the Dockerfile; `buildah run --isolation chroot` starts the image's
# ENTRYPOINT as the image's USER. Everything is deleted afterwards. Takes a few minutes (the
# build stage installs the compiler and Qt and compiles the server); not part of the test
# command. Environment: TASKFLOW_ROOT_CACHE (default build-container-proof/cache: debootstrap's
# tarball, kept between runs), TMPDIR.
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
root_dir="$(cd "$(dirname "$self")/.." && pwd)"
# shellcheck source=scripts/lib/debian-root.sh
. "$root_dir/scripts/lib/debian-root.sh"

release=13
keep=0
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
    --release) release="${2:?--release needs 12 or 13}"; shift ;;
    --keep) keep=1 ;;
    -h | --help) sed -n '2,22p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "container-proof: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
suite="$(debian_root_suite_of "$release")"
if [ "$(id -u)" -ne 0 ]; then
    echo "container-proof: needs root (debootstrap, buildah's storage); run it with sudo" >&2
    exit 2
fi
debian_root_enter_namespace "${args[@]}"

started_at=$SECONDS
step_started_at=$SECONDS
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
step() { step_started_at=$SECONDS; echo "==> $*"; }
pass() { echo "PASS  $* ($(elapsed "$step_started_at"))"; }
note() { echo "      $*"; }
fail() {
    echo "FAIL  $*" >&2
    echo "container proof: FAIL ($(elapsed "$started_at"))" >&2
    exit 1
}
fail_with_log() {
    local log=$1; shift
    if [ -f "$log" ]; then
        echo "----- last lines of $log"; tail -n 40 "$log" | sed 's/^/      /'; echo "-----"
    fi
    fail "$@"
}

for tool in buildah debootstrap curl; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install $tool)"
done
export TASKFLOW_ROOT_CACHE="${TASKFLOW_ROOT_CACHE:-$root_dir/build-container-proof/cache}"
mkdir -p "$TASKFLOW_ROOT_CACHE"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/taskflow-container-proof.XXXXXX")"
chmod 755 "$work"
logs="$work/logs"
mkdir -p "$logs"
# A storage of the proof's own: the imported base never shadows a real image elsewhere.
bah=(buildah --root "$work/storage" --runroot "$work/run")
image=localhost/taskflow-server:proof
server_pid=""
pg_dir=""
ctr=""
proof_passed=0
cleanup() {
    local rc=$?
    set +e
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null
    fi
    [ -n "$pg_dir" ] && bash "$root_dir/scripts/pg.sh" destroy "$pg_dir" >/dev/null 2>&1
    [ -d "$work/base" ] && debian_root_remove "$work/base"
    if [ "$keep" -eq 1 ]; then
        echo "      kept: $work"
    else
        "${bah[@]}" rm --all >/dev/null 2>&1
        "${bah[@]}" rmi --all --force >/dev/null 2>&1
        # buildah's overlay storage leaves mounts behind: they vanish with this namespace, but
        # must be gone before the folder is deleted.
        awk -v base="$work/" 'index($5, base) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
            while read -r m; do umount "$m" 2>/dev/null || umount -l "$m"; done
        rm -rf --one-file-system "$work"
    fi
    if [ "$rc" -eq 0 ] && [ "$proof_passed" -eq 1 ]; then
        echo "container proof: PASS ($(elapsed "$started_at"))"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    fail "found no free port"
}

# ---------------------------------------------------------------------------------------------
step "base image: a fresh Debian $release root as docker.io/library/debian:$release-slim"
debian_root_make "$suite" "$work/base" || fail "debootstrap $suite"
tar -C "$work/base" -cf "$work/rootfs.tar" . && rm -rf --one-file-system "$work/base"
base_ctr="$("${bah[@]}" from scratch)"
"${bah[@]}" add "$base_ctr" "$work/rootfs.tar" / >/dev/null
"${bah[@]}" config --cmd /bin/bash --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "$base_ctr"
"${bah[@]}" commit --quiet "$base_ctr" "docker.io/library/debian:$release-slim" >/dev/null
"${bah[@]}" rm "$base_ctr" >/dev/null
rm -f "$work/rootfs.tar"
pass "imported"

step "buildah bud -f Dockerfile --build-arg DEBIAN_RELEASE=$release"
(cd "$root_dir" && "${bah[@]}" bud --isolation chroot --pull=never --layers=false \
    --build-arg "DEBIAN_RELEASE=$release" -f Dockerfile -t "$image" .) >"$logs/build.log" 2>&1 ||
    fail_with_log "$logs/build.log" "the image did not build"
pass "$image, $("${bah[@]}" images --format '{{.Size}}' "$image")"

step "image: how the container starts"
# Go's formatting of the lists: [/usr/bin/taskflow-server] (buildah 1.28 has no json function).
entrypoint="$("${bah[@]}" inspect --type image --format '{{range .OCIv1.Config.Entrypoint}}{{.}}{{"\n"}}{{end}}' "$image")"
user="$("${bah[@]}" inspect --type image --format '{{.OCIv1.Config.User}}' "$image")"
stopsignal="$("${bah[@]}" inspect --type image --format '{{.OCIv1.Config.StopSignal}}' "$image")"
mapfile -t command_line <<<"$entrypoint"
[[ "${command_line[0]}" == /* ]] && [ "${command_line[0]}" != /bin/sh ] ||
    fail "ENTRYPOINT is not in exec form: ${command_line[*]}"
[ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ] || fail "the image runs as root ('$user')"
[ -z "$stopsignal" ] || [ "$stopsignal" = SIGTERM ] || fail "STOPSIGNAL is $stopsignal; Render sends SIGTERM"
ctr="$("${bah[@]}" from --pull=never "$image")"
pass "ENTRYPOINT ${command_line[*]}, USER $user, STOPSIGNAL ${stopsignal:-default}"

# container_run LOG ENV... -- CMD...: the image's command as the image's user and environment.
container_run() {
    local log=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=(--env "$1"); shift; done
    shift
    "${bah[@]}" run --isolation chroot "${envs[@]}" "$ctr" -- "$@" </dev/null >"$log" 2>&1
}

step "image: ${command_line[*]} --version"
container_run "$logs/version.log" -- "${command_line[@]}" --version || fail_with_log "$logs/version.log" "--version"
pass "$(head -n 1 "$logs/version.log")"

# The server process buildah run started (a descendant of it): signals go to it directly.
server_process() {
    for _ in $(seq 100); do
        server_process_below "$1" && return 0
        sleep 0.1
    done
    return 1
}
server_process_below() {
    local child
    for child in $(pgrep -P "$1" 2>/dev/null); do
        if [ "$(basename "$(readlink "/proc/$child/exe" 2>/dev/null)")" = taskflow-server ]; then
            echo "$child"; return 0
        fi
        server_process_below "$child" && return 0
    done
    return 1
}

roundtrip() {
    local label=$1 database_url=$2 secret=${3:-}
    local port log pid body id exit_code uid
    port="$(free_port)"
    log="$logs/server-$label.log"
    step "container ($label): start, DATABASE_URL=$(echo "$database_url" | sed 's#://\([^:/@]*\):[^@]*@#://\1:***@#'), PORT=$port"
    container_run "$log" "PORT=$port" "DATABASE_URL=$database_url" -- "${command_line[@]}" &
    server_pid=$!
    pid="$(server_process "$server_pid")" || fail_with_log "$log" "no taskflow-server process under buildah run"
    for _ in $(seq 300); do
        grep -q "listening on http://" "$log" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q "listening on http://0.0.0.0:$port" "$log" || fail_with_log "$log" "the server does not listen on 0.0.0.0:$port"
    uid="$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")"
    [ "$uid" != 0 ] || fail "the server runs as root"
    pass "$(grep -o 'listening on http://[^ ]*' "$log"), uid $uid"

    step "container ($label): GET /health"
    body="$(curl -sS -m 10 -w '\n%{http_code}' "http://127.0.0.1:$port/health")" || fail "GET /health: no answer"
    [ "${body##*$'\n'}" = 200 ] || fail "GET /health answered ${body##*$'\n'}: ${body%$'\n'*}"
    body="${body%$'\n'*}"
    [[ "$body" == *'"status":"healthy"'* ]] || fail "GET /health: $body"
    [[ "$body" == *'"environment":"production"'* ]] || fail "GET /health does not say production: $body"
    pass "200 $body"

    step "container ($label): POST /tasks, GET /tasks"
    body="$(curl -sS -m 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
        -d '{"title":"container proof","priority":"high"}' "http://127.0.0.1:$port/tasks")" || fail "POST /tasks: no answer"
    [ "${body##*$'\n'}" = 201 ] || fail "POST /tasks answered ${body##*$'\n'}: ${body%$'\n'*}"
    id="$(echo "$body" | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4)"
    [ -n "$id" ] || fail "POST /tasks: no id in ${body%$'\n'*}"
    body="$(curl -sS -m 10 -w '\n%{http_code}' "http://127.0.0.1:$port/tasks")" || fail "GET /tasks: no answer"
    [ "${body##*$'\n'}" = 200 ] || fail "GET /tasks answered ${body##*$'\n'}"
    [[ "$body" == *"\"id\":\"$id\""* ]] || fail "GET /tasks does not list $id: ${body%$'\n'*}"
    pass "201 created $id; 200 listed it"
    note "server memory: $(awk '/^VmRSS:/ { print $2 / 1024 " MiB resident" }' "/proc/$pid/status")"

    step "container ($label): SIGTERM"
    kill -TERM "$pid"
    exit_code=0
    wait "$server_pid" || exit_code=$?
    server_pid=""
    [ "$exit_code" -eq 0 ] || fail_with_log "$log" "exit code $exit_code after SIGTERM"
    grep -q "SIGTERM received" "$log" || fail_with_log "$log" "the server did not log SIGTERM"
    if [ -n "$secret" ] && grep -qF "$secret" "$log"; then fail "the password appears in the log"; fi
    pass "exit code 0"
}

roundtrip sqlite "sqlite:////tmp/taskflow-proof.db"

# PostgreSQL over TLS, as on Supabase: a throwaway cluster on this machine with ssl = on.
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && command -v openssl >/dev/null && id postgres >/dev/null 2>&1; then
    step "PostgreSQL with ssl = on (scripts/pg.sh, a certificate made now)"
    pg_dir="$work/pg"
    pg_port="$(bash "$root_dir/scripts/pg.sh" create "$pg_dir" 2>"$logs/pg.log")" || fail_with_log "$logs/pg.log" "pg.sh create"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
        -keyout "$pg_dir/data/server.key" -out "$pg_dir/data/server.crt" >>"$logs/pg.log" 2>&1 || fail_with_log "$logs/pg.log" "openssl req"
    chown postgres:postgres "$pg_dir/data/server.key" "$pg_dir/data/server.crt"
    chmod 600 "$pg_dir/data/server.key"
    printf "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n" >>"$pg_dir/data/postgresql.conf"
    { bash "$root_dir/scripts/pg.sh" stop "$pg_dir" && bash "$root_dir/scripts/pg.sh" start "$pg_dir"; } >>"$logs/pg.log" 2>&1 ||
        fail_with_log "$pg_dir/server.log" "PostgreSQL did not restart with ssl = on"
    pass "127.0.0.1:$pg_port"
    pg_secret="proof-p4ss"
    roundtrip postgres-tls "postgresql://postgres:$pg_secret@127.0.0.1:$pg_port/postgres?sslmode=require" "$pg_secret"
else
    note "SKIP PostgreSQL over TLS: no PostgreSQL server, openssl or user postgres here (scripts/install-deps.sh test)"
fi
proof_passed=1
