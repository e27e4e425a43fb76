#!/usr/bin/env bash
# Proves the Dockerfile without a Docker engine: carries out its instructions, stage by stage,
# in clean Debian 12 roots made with debootstrap (a root per stage, as Docker has an image per
# stage), then runs the final stage's ENTRYPOINT as its USER and checks the server:
# GET /health, POST /tasks, GET /tasks, SIGTERM -> exit 0; on SQLite, and on PostgreSQL over
# TLS (sslmode=require) when a PostgreSQL server is installed here.
#
#   sudo scripts/container-proof.sh [--keep] [--refresh]
#
#   --keep      leave the work folder (the stage roots and logs) in place for a look
#   --refresh   rebuild the cached Debian base instead of reusing it
#
# Needs root (debootstrap, chroot, mount), the network to a Debian mirror, and a few minutes
# (the build stage installs the compiler and Qt and compiles the server). It installs
# debootstrap and curl with apt-get when they are missing: they are in no package list, as the
# proof is not part of scripts/test.sh.
# Environment: TASKFLOW_PROOF_CACHE (default /var/cache/taskflow-proof: the base root and the
# downloaded .debs, so re-runs are faster), TASKFLOW_PROOF_MIRROR (default
# http://deb.debian.org/debian), TMPDIR (where the work folder goes, default /var/tmp).
#
# What it understands of a Dockerfile is what ours uses: FROM debian:12-slim (or bookworm-slim)
# [AS name], ARG, ENV, WORKDIR, COPY [--from=stage] [--chown=user:group], RUN (shell form),
# USER, EXPOSE, STOPSIGNAL, LABEL, ENTRYPOINT and CMD; anything else stops it with FAIL, so the
# proof never silently proves less than the Dockerfile says. The build context is the files
# git knows (tracked, plus untracked ones not ignored; what Render's clone holds), less
# .dockerignore.
set -euo pipefail

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
root_dir="$(cd "$(dirname "$self")/.." && pwd)"

keep=0
refresh=0
for arg in "$@"; do
    case "$arg" in
    --keep) keep=1 ;;
    --refresh) refresh=1 ;;
    -h | --help) sed -n '2,26p' "$self"; exit 0 ;;
    *) echo "container-proof: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    echo "container-proof: needs root (debootstrap, chroot, mount); run it with sudo" >&2
    exit 2
fi

# Everything below runs in a private mount namespace: the mounts of the stage roots can never
# leak into the machine's, and vanish with the script however it ends.
if [ -z "${TASKFLOW_PROOF_IN_NAMESPACE:-}" ]; then
    export TASKFLOW_PROOF_IN_NAMESPACE=1
    exec unshare --mount --propagation private -- bash "$self" "$@"
fi

cache="${TASKFLOW_PROOF_CACHE:-/var/cache/taskflow-proof}"
mirror="${TASKFLOW_PROOF_MIRROR:-http://deb.debian.org/debian}"
dockerfile="$root_dir/Dockerfile"
dockerignore="$root_dir/.dockerignore"
suite=bookworm
default_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

started_at=$SECONDS
step_started_at=$SECONDS

elapsed() {
    local s=$(( SECONDS - $1 ))
    printf '%dm%02ds' $(( s / 60 )) $(( s % 60 ))
}
step() { step_started_at=$SECONDS; echo "==> $*"; }
pass() { echo "PASS  $* ($(elapsed "$step_started_at"))"; }
note() { echo "      $*"; }
# To stderr as well as the end of the run: a failure inside $(…) must still be seen.
fail() {
    echo "FAIL  $*" >&2
    echo "container proof: FAIL ($(elapsed "$started_at"))" >&2
    exit 1
}
# Shows the end of a log when a step fails.
fail_with_log() {
    local log=$1; shift
    if [ -f "$log" ]; then
        echo "----- last lines of $log"
        tail -n 40 "$log" | sed 's/^/      /'
        echo "-----"
    fi
    fail "$@"
}

work=""
server_pid=""
pg_dir=""
proof_passed=0

cleanup() {
    local rc=$?
    set +e
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [ -n "$pg_dir" ]; then
        bash "$root_dir/scripts/pg.sh" destroy "$pg_dir" >/dev/null 2>&1
    fi
    if [ -n "$work" ] && [ -d "$work" ]; then
        unmount_all "$work"
        if grep -q " $work/" /proc/self/mountinfo; then
            echo "container-proof: mounts remain under $work; not removing it" >&2
        elif [ "$keep" -eq 1 ]; then
            echo "      kept: $work"
        else
            rm -rf --one-file-system "$work"
        fi
    fi
    if [ "$rc" -eq 0 ] && [ "$proof_passed" -eq 1 ]; then
        echo "PASS  cleaned up: server stopped, PostgreSQL removed, roots unmounted$([ "$keep" -eq 1 ] || echo " and deleted") ($(elapsed "$step_started_at"))"
        echo "container proof: PASS ($(elapsed "$started_at"))"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Unmounts everything below $1, deepest first.
unmount_all() {
    local base=$1 mountpoint
    awk -v base="$base/" 'index($5, base) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
        while read -r mountpoint; do
            umount "$mountpoint" 2>/dev/null || umount -l "$mountpoint"
        done
}

need_tool() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null 2>&1 && return 0
    note "installing $package (not in scripts/packages: the proof's own tool)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" >/dev/null 2>&1 ||
        { apt-get update -q >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" >/dev/null; } ||
        fail "cannot install $package"
}

free_port() {
    local port
    for _ in $(seq 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"; return
        fi
    done
    fail "found no free port"
}

# ---------------------------------------------------------------------------------------------
step "preflight"
[ -f "$dockerfile" ] || fail "no Dockerfile at $dockerfile"
need_tool debootstrap debootstrap
need_tool curl curl
need_tool git git
mkdir -p "$cache/apt-archives/partial" "$cache/logs"
work="$(mktemp -d "${TMPDIR:-/var/tmp}/taskflow-proof.XXXXXX")"
chmod 755 "$work"
logs="$cache/logs/latest"
rm -rf "$logs"; mkdir -p "$logs"
note "work folder $work, logs in $logs"
pass "root, debootstrap, curl, git; Dockerfile found"

# ---------------------------------------------------------------------------------------------
step "build context (git's files less .dockerignore)"
declare -a ignore_patterns=() ignore_negated=()
# A .dockerignore pattern as a regular expression: * and ? stop at '/', ** does not.
pattern_regex() {
    local p=$1 re="" c i=0
    while (( i < ${#p} )); do
        c=${p:i:1}
        if [ "$c" = "*" ]; then
            if [ "${p:i+1:1}" = "*" ]; then re+='.*'; i=$(( i + 1 )); else re+='[^/]*'; fi
        elif [ "$c" = "?" ]; then
            re+='[^/]'
        elif [[ "$c" == [.+^\$\(\)\{\}\|\\] ]]; then
            re+="\\$c"
        else
            re+="$c"
        fi
        i=$(( i + 1 ))
    done
    echo "^${re}\$"
}
if [ -f "$dockerignore" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        line="${line%$'\r'}"
        line="$(echo "$line" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')"
        [ -z "$line" ] && continue
        [ "${line:0:1}" = "#" ] && continue
        negated=0
        if [ "${line:0:1}" = "!" ]; then negated=1; line="${line:1}"; fi
        line="${line#/}"; line="${line%/}"
        ignore_patterns+=("$(pattern_regex "$line")")
        ignore_negated+=("$negated")
    done <"$dockerignore"
fi
# Docker's rule: the last pattern that matches the path (or one of its parent folders) decides.
ignored() {
    local path=$1 verdict=0 i candidate prefix rest
    for i in "${!ignore_patterns[@]}"; do
        prefix=""; rest=$path
        while :; do
            candidate="${prefix}${rest%%/*}"
            if [[ "$candidate" =~ ${ignore_patterns[$i]} ]]; then
                if [ "${ignore_negated[$i]}" = 1 ]; then verdict=0; else verdict=1; fi
                break
            fi
            [ "$rest" = "${rest#*/}" ] && break
            prefix="$candidate/"; rest="${rest#*/}"
        done
    done
    return $(( 1 - verdict ))
}
context="$work/context"
mkdir -p "$context"
if git -C "$root_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -d '' candidates < <(git -C "$root_dir" ls-files -z --cached --others --exclude-standard)
else
    mapfile -d '' candidates < <(cd "$root_dir" && find . -type f -not -path './.git/*' -printf '%P\0')
fi
declare -a context_files=()
for path in "${candidates[@]}"; do
    [ -e "$root_dir/$path" ] || [ -L "$root_dir/$path" ] || continue # deleted in the work tree
    ignored "$path" || context_files+=("$path")
done
[ ${#context_files[@]} -gt 0 ] || fail "the build context is empty"
printf '%s\0' "${context_files[@]}" | tar -C "$root_dir" --null -T - -cf - | tar -C "$context" -xf -
pass "${#context_files[@]} files in the context (of ${#candidates[@]} in the repository)"

# ---------------------------------------------------------------------------------------------
step "Debian 12 base root (debootstrap --variant=minbase $suite)"
base_tar="$cache/debian-12-minbase-root.tar"
debs_tar="$cache/debootstrap-$suite-minbase-debs.tgz"
if [ "$refresh" -eq 1 ]; then rm -f "$base_tar" "$debs_tar"; fi
if [ -f "$base_tar" ]; then
    pass "reused the cached base $base_tar"
else
    if [ ! -f "$debs_tar" ]; then
        note "downloading the base packages into $debs_tar"
        debootstrap --variant=minbase --make-tarball="$debs_tar.part" "$suite" "$work/debs" "$mirror" \
            >"$logs/debootstrap-download.log" 2>&1 ||
            fail_with_log "$logs/debootstrap-download.log" "debootstrap --make-tarball"
        mv "$debs_tar.part" "$debs_tar"
        rm -rf "$work/debs"
    fi
    debootstrap --variant=minbase --unpack-tarball="$debs_tar" "$suite" "$work/base" "$mirror" \
        >"$logs/debootstrap.log" 2>&1 || fail_with_log "$logs/debootstrap.log" "debootstrap"
    # The APT sources of the debian:12-slim image (with updates and security).
    rm -f "$work/base/etc/apt/sources.list"
    cat >"$work/base/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    rm -rf "$work/base/var/cache/apt/archives/"*.deb "$work/base/var/lib/apt/lists/"*
    tar -C "$work/base" -cf "$base_tar.part" . && mv "$base_tar.part" "$base_tar"
    rm -rf --one-file-system "$work/base"
    pass "made and cached $base_tar"
fi

# ---------------------------------------------------------------------------------------------
# The Dockerfile, one instruction per entry (continuation lines joined, comments dropped).
declare -a instructions=()
current=""
while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    trimmed="$(echo "$line" | sed 's/^[[:space:]]*//')"
    [[ "$trimmed" == \#* ]] && continue
    if [ -z "$current" ] && [ -z "$trimmed" ]; then continue; fi
    if [[ "$line" =~ \\[[:space:]]*$ ]]; then
        current+="$(echo "$line" | sed 's/\\[[:space:]]*$//') "
        continue
    fi
    current+="$line"
    instructions+=("$current")
    current=""
done <"$dockerfile"
[ -z "$current" ] || instructions+=("$current")

declare -A stage_root=() args=()
stage_count=0
root=""            # the current stage's root
declare -a stage_env=()
workdir=/
user=root
declare -a entrypoint=() cmd=() environment=() image_environment=()
entrypoint_form="" cmd_form=""
exposed="" stopsignal=""

# Reads a JSON array of plain strings (exec form) into the named array; false for shell form.
parse_exec_form() {
    local text=$1
    local -n target=$2
    target=()
    text="$(echo "$text" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')"
    [[ "$text" == \[*\] ]] || return 1
    text="${text:1:${#text}-2}"
    while [[ "$text" =~ ^[[:space:]]*\"([^\"\\]*)\"[[:space:]]*(,(.*))?$ ]]; do
        target+=("${BASH_REMATCH[1]}")
        text="${BASH_REMATCH[3]}"
    done
    [[ "$text" =~ ^[[:space:]]*$ ]] || fail "cannot read the exec form: $1"
}

stage_mount() {
    local r=$1
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    mount --make-rslave "$r/dev"
    # The downloaded .debs stay in the cache for the next run (BuildKit's cache mount, in effect).
    mount --bind "$cache/apt-archives" "$r/var/cache/apt/archives"
    rm -f "$r/etc/resolv.conf"
    cp -L /etc/resolv.conf "$r/etc/resolv.conf"
}

# user[:group] of the current stage as uid:gid, from the stage's own /etc/passwd.
resolve_user() {
    local spec=$1 name group uid gid
    name="${spec%%:*}"
    group=""; [[ "$spec" == *:* ]] && group="${spec#*:}"
    if [[ "$name" =~ ^[0-9]+$ ]]; then
        uid=$name
        gid=$(awk -F: -v u="$uid" '$3 == u { print $4; exit }' "$root/etc/passwd")
    else
        uid=$(awk -F: -v u="$name" '$1 == u { print $3; exit }' "$root/etc/passwd")
        gid=$(awk -F: -v u="$name" '$1 == u { print $4; exit }' "$root/etc/passwd")
    fi
    [ -n "$uid" ] || fail "user '$name' does not exist in the stage"
    if [ -n "$group" ]; then
        if [[ "$group" =~ ^[0-9]+$ ]]; then gid=$group
        else gid=$(awk -F: -v g="$group" '$1 == g { print $3; exit }' "$root/etc/group"); fi
        [ -n "$gid" ] || fail "group '$group' does not exist in the stage"
    fi
    echo "$uid:${gid:-$uid}"
}

user_home() {
    local ids=$1
    awk -F: -v u="${ids%%:*}" '$3 == u { print $6; exit }' "$root/etc/passwd"
}

# A path inside the stage root that does not lead out of it through a symbolic link.
inside() {
    local path="$root/${1#/}" real
    real="$(realpath -m "$path")"
    [[ "$real" == "$root" || "$real" == "$root"/* ]] || fail "path $1 leaves the stage root"
    echo "$path"
}

no_substitution() {
    [[ "$1" != *'$'* ]] || fail "variable substitution is not supported by the proof: $2"
}

do_copy() {
    local text=$1 from="" chown="" token
    local -a words=() sources=()
    read -r -a words <<<"$text"
    while [[ "${words[0]:-}" == --* ]]; do
        token="${words[0]}"; words=("${words[@]:1}")
        case "$token" in
        --from=*) from="${token#--from=}" ;;
        --chown=*) chown="${token#--chown=}" ;;
        *) fail "COPY option $token is not supported by the proof" ;;
        esac
    done
    [ ${#words[@]} -ge 2 ] || fail "COPY needs a source and a destination: $text"
    local dest="${words[-1]}"
    sources=("${words[@]:0:${#words[@]}-1}")
    local base="$context"
    if [ -n "$from" ]; then
        base="${stage_root[$from]:-}"
        [ -n "$base" ] || fail "COPY --from=$from: no such stage"
    fi
    [[ "$dest" == /* ]] || dest="${workdir%/}/$dest"
    local ids=0:0
    [ -z "$chown" ] || ids="$(resolve_user "$chown")"
    local src target
    for src in "${sources[@]}"; do
        [[ "$src" != *[\*\?\[]* ]] || fail "COPY wildcards are not supported by the proof: $src"
        src="${src#./}"; src="${src#/}"
        local from_path="$base/$src"
        [ "$src" = "." ] || [ "$src" = "" ] && from_path="$base"
        [ -e "$from_path" ] || fail "COPY $src: not in the ${from:+stage $from}${from:-build context} (.dockerignore?)"
        if [ -d "$from_path" ]; then
            target="$(inside "$dest")"
            mkdir -p "$target"
            cp -a "$from_path/." "$target/"
            chown -R "$ids" "$target"
        else
            if [[ "$dest" == */ ]] || [ ${#sources[@]} -gt 1 ] || [ -d "$(inside "$dest")" ]; then
                target="$(inside "${dest%/}/$(basename "$src")")"
            else
                target="$(inside "$dest")"
            fi
            mkdir -p "$(dirname "$target")"
            cp -a "$from_path" "$target"
            chown "$ids" "$target"
        fi
    done
}

# The environment a RUN or the container's process gets: Docker's defaults, then ARG and ENV.
run_environment() {
    local ids=$1 home
    local -n out=$2
    home="$(user_home "$ids")"
    [ "${ids%%:*}" = 0 ] && home=/root
    out=("PATH=$default_path" "HOSTNAME=taskflow-proof" "HOME=${home:-/}")
    local key
    for key in "${!args[@]}"; do out+=("$key=${args[$key]}"); done
    out+=("${stage_env[@]}")
}

instruction_number=0
for instruction in "${instructions[@]}"; do
    instruction_number=$(( instruction_number + 1 ))
    keyword="$(echo "${instruction%%[[:space:]]*}" | tr '[:lower:]' '[:upper:]')"
    rest="$(echo "${instruction#*[[:space:]]}" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//')"
    [ "$keyword" = "FROM" ] || [ -n "$root" ] || fail "the Dockerfile must start with FROM"
    case "$keyword" in
    FROM)
        read -r image _ name <<<"$rest"
        case "$image" in
        debian:12-slim | debian:bookworm-slim | debian:12 | debian:bookworm) ;;
        *) fail "FROM $image: the proof has only the Debian 12 base" ;;
        esac
        stage_count=$(( stage_count + 1 ))
        step "stage $stage_count: FROM $image${name:+ AS $name}"
        root="$work/stage-$stage_count"
        mkdir -p "$root"
        tar -C "$root" -xf "$base_tar"
        stage_mount "$root"
        stage_root[$stage_count]=$root
        [ -z "${name:-}" ] || stage_root[$name]=$root
        final_stage_root=$root
        stage_env=(); workdir=/; user=root
        entrypoint=(); cmd=(); entrypoint_form=""; cmd_form=""; exposed=""; stopsignal=""
        pass "fresh Debian 12 root"
        ;;
    ARG)
        no_substitution "$rest" "ARG $rest"
        key="${rest%%=*}"
        if [[ "$rest" == *=* ]]; then args[$key]="${rest#*=}"; else args[$key]=""; fi
        ;;
    ENV)
        no_substitution "$rest" "ENV $rest"
        read -r -a pairs <<<"$rest"
        if [[ "${pairs[0]}" != *=* ]]; then pairs=("${pairs[0]}=${rest#*[[:space:]]}"); fi
        for pair in "${pairs[@]}"; do
            value="${pair#*=}"; value="${value#\"}"; value="${value%\"}"
            stage_env+=("${pair%%=*}=$value")
        done
        ;;
    WORKDIR)
        no_substitution "$rest" "WORKDIR $rest"
        [[ "$rest" == /* ]] || rest="${workdir%/}/$rest"
        workdir="$rest"
        mkdir -p "$(inside "$workdir")"
        ;;
    USER)
        no_substitution "$rest" "USER $rest"
        user="$rest"
        ;;
    COPY)
        step "stage $stage_count: COPY $rest"
        do_copy "$rest"
        pass "copied"
        ;;
    RUN)
        parse_exec_form "$rest" ignored_words && fail "RUN in exec form is not supported by the proof"
        step "stage $stage_count: RUN $rest"
        ids="$(resolve_user "$user")"
        run_environment "$ids" environment
        log="$logs/$(printf '%02d' "$instruction_number")-stage$stage_count-run.log"
        if ! nice -n 5 chroot --userspec="$ids" "$root" /usr/bin/env -i -C "$workdir" \
                "${environment[@]}" /bin/sh -c "$rest" </dev/null >"$log" 2>&1; then
            fail_with_log "$log" "RUN $rest"
        fi
        pass "ran as $user ($(wc -l <"$log") lines of output in $(basename "$log"))"
        ;;
    EXPOSE) exposed="$rest" ;;
    STOPSIGNAL) stopsignal="$rest" ;;
    LABEL) ;;
    ENTRYPOINT)
        if parse_exec_form "$rest" entrypoint; then entrypoint_form="exec"
        else entrypoint_form=shell; entrypoint=(/bin/sh -c "$rest"); fi
        ;;
    CMD)
        if parse_exec_form "$rest" cmd; then cmd_form="exec"
        else cmd_form=shell; cmd=(/bin/sh -c "$rest"); fi
        ;;
    *)
        fail "$keyword is not supported by the proof (line: $instruction)"
        ;;
    esac
done
[ "$stage_count" -ge 1 ] || fail "the Dockerfile has no FROM"

# ---------------------------------------------------------------------------------------------
# The final stage is the image. Checks on what it holds and how it starts.
root="$final_stage_root"
step "image: how the container starts"
[ "$entrypoint_form" = exec ] || [ -z "$entrypoint_form" ] ||
    fail "ENTRYPOINT is in shell form: /bin/sh would be PID 1 and the server would not get SIGTERM"
if [ "$entrypoint_form" = exec ]; then
    # The base image's CMD is dropped when the stage sets ENTRYPOINT; a CMD of the stage's
    # own adds arguments.
    command_line=("${entrypoint[@]}")
    [ "$cmd_form" != shell ] || fail "CMD in shell form after an exec-form ENTRYPOINT"
    command_line+=("${cmd[@]}")
else
    [ "$cmd_form" = exec ] || fail "CMD must be in exec form so that the server is PID 1"
    command_line=("${cmd[@]}")
fi
[ ${#command_line[@]} -gt 0 ] || fail "the image has neither ENTRYPOINT nor CMD"
ids="$(resolve_user "$user")"
[ "${ids%%:*}" != 0 ] || fail "the image runs as root (USER is $user)"
[ -z "$stopsignal" ] || [ "$stopsignal" = SIGTERM ] || [ "$stopsignal" = 15 ] ||
    fail "STOPSIGNAL is $stopsignal; Render sends SIGTERM"
note "command: ${command_line[*]} as $user ($ids), workdir $workdir; EXPOSE ${exposed:-none}"
note "environment: ${stage_env[*]}"
pass "exec form, non-root user $user"

step "image: runtime libraries only"
server_binary="${command_line[0]}"
[ -x "$(inside "$server_binary")" ] || fail "$server_binary is not in the image"
ldd_log="$logs/ldd.log"
{
    echo "== $server_binary"
    chroot "$root" ldd "$server_binary"
    for plugin in "$root"/usr/lib/*/qt6/plugins/sqldrivers/*.so; do
        [ -e "$plugin" ] || continue
        echo "== ${plugin#"$root"}"
        chroot "$root" ldd "${plugin#"$root"}"
    done
} >"$ldd_log" 2>&1 || fail_with_log "$ldd_log" "ldd in the image"
if grep -q "not found" "$ldd_log"; then
    grep -B0 "not found" "$ldd_log" | sed 's/^/      /'
    fail_with_log "$ldd_log" "libraries missing from the image (add their packages to scripts/packages/runtime.txt)"
fi
for driver in libqsqlpsql.so libqsqlite.so; do
    ls "$root"/usr/lib/*/qt6/plugins/sqldrivers/"$driver" >/dev/null 2>&1 ||
        fail "the Qt SQL driver $driver is not in the image"
done
for tool in c++ g++ cmake ninja; do
    if chroot "$root" /bin/sh -c "command -v $tool" >/dev/null 2>&1; then
        fail "the image holds the build tool $tool"
    fi
done
if ls "$root"/usr/lib/*/libQt6Gui.so* "$root"/usr/lib/*/libQt6Widgets.so* >/dev/null 2>&1; then
    fail "the image holds Qt GUI libraries"
fi
note "image root: $(du -sxh --exclude=archives "$root" 2>/dev/null | cut -f1) (without the .deb cache)"
pass "every library of the server and its SQL drivers resolves; no compiler, no Qt GUI"

run_environment "$ids" image_environment

# Runs the image's command once to completion, e.g. with --version or --check-config.
container_run() {
    local log=$1; shift
    chroot --userspec="$ids" "$root" /usr/bin/env -i -C "$workdir" "${image_environment[@]}" \
        "$@" </dev/null >"$log" 2>&1
}

step "image: ${command_line[*]} --version"
container_run "$logs/version.log" "${command_line[@]}" --version ||
    fail_with_log "$logs/version.log" "--version"
pass "$(head -n 1 "$logs/version.log")"

# Starts the container's command with DATABASE_URL and a free PORT, then the round trip.
roundtrip() {
    local label=$1 database_url=$2 secret=${3:-}
    local port log pid_uid body id exit_code
    port="$(free_port)"
    log="$logs/server-$label.log"

    step "container ($label): start as $user, DATABASE_URL=$(echo "$database_url" | sed 's#://\([^:/@]*\):[^@]*@#://\1:***@#'), PORT=$port"
    chroot --userspec="$ids" "$root" /usr/bin/env -i -C "$workdir" "${image_environment[@]}" \
        "PORT=$port" "DATABASE_URL=$database_url" "${command_line[@]}" </dev/null >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 300); do
        grep -q "listening on http://" "$log" && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q "listening on http://0.0.0.0:$port" "$log" ||
        fail_with_log "$log" "the server does not listen on 0.0.0.0:$port"
    # chroot and env exec: this process is the server itself, as PID 1 would be in Docker.
    [ "$(basename "$(readlink "/proc/$server_pid/exe")")" = "$(basename "$server_binary")" ] ||
        fail "the started process is $(readlink "/proc/$server_pid/exe"), not the server: a wrapper would swallow SIGTERM"
    pid_uid="$(awk '/^Uid:/ { print $2 }' "/proc/$server_pid/status")"
    [ "$pid_uid" = "${ids%%:*}" ] || fail "the server runs as uid $pid_uid, not $user"
    pass "$(grep -o 'listening on http://[^ ]*' "$log"), uid $pid_uid, the server process itself"

    step "container ($label): GET /health"
    body="$(curl -sS -m 10 -w '\n%{http_code}' "http://127.0.0.1:$port/health")" || fail "GET /health: no answer"
    [ "${body##*$'\n'}" = 200 ] || fail "GET /health answered ${body##*$'\n'}: ${body%$'\n'*}"
    body="${body%$'\n'*}"
    [[ "$body" == *'"status":"healthy"'* ]] || fail "GET /health: $body"
    [[ "$body" == *'"environment":"production"'* ]] || fail "GET /health does not say production: $body"
    pass "200 $body"

    step "container ($label): POST /tasks, GET /tasks"
    body="$(curl -sS -m 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
        -d '{"title":"container proof","priority":"high"}' "http://127.0.0.1:$port/tasks")" ||
        fail "POST /tasks: no answer"
    [ "${body##*$'\n'}" = 201 ] || fail "POST /tasks answered ${body##*$'\n'}: ${body%$'\n'*}"
    id="$(echo "$body" | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4)"
    [ -n "$id" ] || fail "POST /tasks: no id in ${body%$'\n'*}"
    body="$(curl -sS -m 10 -w '\n%{http_code}' "http://127.0.0.1:$port/tasks")" || fail "GET /tasks: no answer"
    [ "${body##*$'\n'}" = 200 ] || fail "GET /tasks answered ${body##*$'\n'}"
    [[ "$body" == *"\"id\":\"$id\""* ]] || fail "GET /tasks does not list $id: ${body%$'\n'*}"
    pass "201 created $id; 200 listed it"
    note "server memory: $(awk '/^VmRSS:/ { print $2 / 1024 " MiB resident" }' "/proc/$server_pid/status") (Render's free instance has 512 MB)"

    step "container ($label): SIGTERM"
    kill -TERM "$server_pid"
    exit_code=0
    for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    wait "$server_pid" || exit_code=$?
    server_pid=""
    [ "$exit_code" -eq 0 ] || fail_with_log "$log" "exit code $exit_code after SIGTERM"
    grep -q "SIGTERM received" "$log" || fail_with_log "$log" "the server did not log SIGTERM"
    if [ -n "$secret" ] && grep -qF "$secret" "$log"; then fail "the password appears in the log"; fi
    pass "exit code 0"
}

roundtrip sqlite "sqlite:////tmp/taskflow-proof.db"

# PostgreSQL over TLS, as on Supabase: a throwaway cluster on this machine with ssl = on.
if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 &&
        id postgres >/dev/null 2>&1; then
    step "PostgreSQL with ssl = on (scripts/pg.sh, a certificate made now)"
    pg_dir="$work/pg"
    pg_port="$(bash "$root_dir/scripts/pg.sh" create "$pg_dir" 2>"$logs/pg.log")" ||
        fail_with_log "$logs/pg.log" "pg.sh create"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
        -keyout "$pg_dir/data/server.key" -out "$pg_dir/data/server.crt" >>"$logs/pg.log" 2>&1 ||
        fail_with_log "$logs/pg.log" "openssl req"
    chown postgres:postgres "$pg_dir/data/server.key" "$pg_dir/data/server.crt"
    chmod 600 "$pg_dir/data/server.key"
    printf "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n" >>"$pg_dir/data/postgresql.conf"
    bash "$root_dir/scripts/pg.sh" stop "$pg_dir" >>"$logs/pg.log" 2>&1 &&
        bash "$root_dir/scripts/pg.sh" start "$pg_dir" >>"$logs/pg.log" 2>&1 ||
        fail_with_log "$pg_dir/server.log" "PostgreSQL did not restart with ssl = on"
    pass "127.0.0.1:$pg_port"

    pg_secret="proof-p4ss"
    pg_url="postgresql://postgres:$pg_secret@127.0.0.1:$pg_port/postgres?sslmode=require"
    step "image: ${command_line[*]} --check-config (sslmode=require)"
    container_run "$logs/check-config.log" "${command_line[@]}" --check-config "--database-url=$pg_url" ||
        fail_with_log "$logs/check-config.log" "--check-config exited non-zero"
    ! grep -qF "$pg_secret" "$logs/check-config.log" || fail "--check-config printed the password"
    grep -q "database:  connected" "$logs/check-config.log" || fail_with_log "$logs/check-config.log" "--check-config"
    sed 's/^/      /' "$logs/check-config.log"
    pass "exit 0, password redacted"

    roundtrip postgres-tls "$pg_url" "$pg_secret"
else
    note "SKIP PostgreSQL over TLS: no PostgreSQL server, openssl or user postgres on this machine (scripts/install-deps.sh test)"
fi

step "clean-up"
proof_passed=1
