#!/usr/bin/env bash
# Proves the Debian packages on clean machines: for each release, in a fresh root made with
# debootstrap, `apt-get install ./taskflow-*.deb` pulls in what they need; the server starts
# exactly as its systemd unit says (ExecStart as User/Group, EnvironmentFile, WorkingDirectory)
# and answers GET /health; the desktop app starts offscreen and shows the task list it got from
# that server (its --screenshot, taken once the list has arrived; kept in build-package-proof/);
# the server exits 0 on SIGTERM. The server and the app run in a network namespace of their
# own, so the unit's port 8000 is free whatever runs on this machine.
#
#   sudo scripts/package-proof.sh [--debs DIR] [debian-12] [debian-13]
#
# Packages: built for each release (they link its Qt): on this machine's release with the
# release preset in build-release/, on the other in a fresh root of it; --debs DIR installs the
# taskflow-*.deb of DIR on every release named instead. Default: both releases.
# Needs root (debootstrap, chroot, unshare) and Debian's mirror; not part of the test command
# (about ten minutes per release, most of it compiling and apt). Environment:
# TASKFLOW_ROOT_CACHE (default build-package-proof/cache), JOBS.
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
root_dir="$(cd "$(dirname "$self")/.." && pwd)"
# shellcheck source=scripts/lib/debian-root.sh
. "$root_dir/scripts/lib/debian-root.sh"

debs=""
releases=()
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
    --debs) debs="$(cd "${2:?--debs needs a folder}" && pwd)"; shift ;;
    debian-12 | debian-13) releases+=("$1") ;;
    -h | --help) sed -n '2,19p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-proof: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ ${#releases[@]} -gt 0 ] || releases=(debian-12 debian-13)
if [ "$(id -u)" -ne 0 ]; then
    echo "package-proof: needs root (debootstrap, chroot, unshare); run it with sudo" >&2
    exit 2
fi
debian_root_enter_namespace "${args[@]}"

out="$root_dir/build-package-proof"
export TASKFLOW_ROOT_CACHE="${TASKFLOW_ROOT_CACHE:-$out/cache}"
mkdir -p "$out" "$TASKFLOW_ROOT_CACHE"
exec 9>"$out/lock"
flock -n 9 || { echo "package-proof: another run uses $out; waiting"; flock 9; }
this_release="$("$root_dir/scripts/install-deps.sh" --release)"
started=$SECONDS
roots=()
cleanup() {
    local rc=$? dir
    trap - EXIT INT TERM
    trap '' PIPE
    for dir in "${roots[@]}"; do debian_root_remove "$dir" || rc=1; done
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { echo "[$release] $*"; }
fail() { echo "[$release] FAIL $*" >&2; exit 1; }
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

new_root() { # new_root SUITE: sets root_made to a fresh, mounted root
    root_made="$(mktemp -d "$out/root-$1.XXXXXX")"
    roots+=("$root_made")
    debian_root_make "$1" "$root_made" >&2 || return 1
    debian_root_mount "$root_made"
}

copy_checkout() { # copy_checkout DEST: the files git knows (no build folders)
    mkdir -p "$1"
    git -C "$root_dir" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' path; do
            if [ -e "$root_dir/$path" ]; then printf '%s\0' "$path"; fi
        done | tar -C "$root_dir" --null -T - -cf - | tar -C "$1" -xf -
}

build_packages() { # build_packages RELEASE SUITE DEST
    local t0=$SECONDS
    rm -rf "$3"; mkdir -p "$3"
    if [ "$1" = "$this_release" ]; then
        say "building the packages here (release preset, build-release/)"
        (cd "$root_dir" && scripts/install-deps.sh build desktop >/dev/null &&
            cmake --preset release >/dev/null &&
            cmake --build --preset release --parallel "${JOBS:-$(nproc)}" >/dev/null &&
            cpack --preset release -B "$3" >"$3/cpack.log") || fail "building the packages (see $3/cpack.log)"
    else
        say "building the packages in a fresh $1 root (release preset)"
        local dir
        new_root "$2" || fail "debootstrap $2"
        dir=$root_made
        copy_checkout "$dir/src"
        DEBIAN_ROOT_PASS_ENV=JOBS debian_root_run "$dir" bash -c \
            'cd /src && scripts/install-deps.sh build desktop && cmake --preset release &&
             cmake --build --preset release --parallel "${JOBS:-$(nproc)}" && cpack --preset release -B /debs' \
            >"$3/build.log" 2>&1 || { tail -n 30 "$3/build.log" >&2; fail "building the packages in the root"; }
        cp "$dir"/debs/*.deb "$3/"
        debian_root_remove "$dir"
    fi
    rm -rf "$3/_CPack_Packages"
    say "packages built in $(elapsed "$t0")"
}

# unit_value KEY FILE: a [Service] setting of the unit.
unit_value() { sed -n "s/^$1=//p" "$2" | tail -n 1; }

prove() { # prove RELEASE SUITE DEBS_DIR
    local release=$1 suite=$2 pkgs=$3 t0=$SECONDS dir
    local shot="$out/screenshot-$release.png"
    say "fresh $suite root for the installation"
    new_root "$suite" || fail "debootstrap $suite"
    dir=$root_made
    mkdir -p "$dir/tmp/debs"
    cp "$pkgs"/taskflow-*.deb "$dir/tmp/debs/"
    say "apt-get install ./taskflow-*.deb"
    debian_root_run "$dir" bash -c 'export DEBIAN_FRONTEND=noninteractive; cd /tmp/debs &&
        apt-get update -q && apt-get install -y -q ./taskflow-*.deb' >"$out/apt-$release.log" 2>&1 ||
        { tail -n 30 "$out/apt-$release.log" >&2; fail "apt-get install"; }
    say "installed: $(debian_root_run "$dir" dpkg-query -W -f='${Package} ${Version}, ' 'taskflow-*')" \
        "pulling in $(grep -c '^Setting up' "$out/apt-$release.log") packages"

    local unit="$dir/usr/lib/systemd/system/taskflow-server.service"
    [ -f "$unit" ] || fail "no systemd unit at /usr/lib/systemd/system/taskflow-server.service"
    local exec_start user group env_file workdir
    exec_start="$(unit_value ExecStart "$unit")"
    user="$(unit_value User "$unit")"
    group="$(unit_value Group "$unit")"
    env_file="$(unit_value EnvironmentFile "$unit")"
    workdir="$(unit_value WorkingDirectory "$unit")"
    say "unit: ExecStart=$exec_start User=$user Group=$group EnvironmentFile=$env_file WorkingDirectory=$workdir"
    # Owners by the root's own user and group tables (this machine's may name the ids otherwise).
    local uid gid
    uid="$(debian_root_run "$dir" id -u "$user")" || fail "the package made no user $user"
    gid="$(debian_root_run "$dir" getent group "$group" | cut -d: -f3)"
    [ -n "$gid" ] || fail "the package made no group $group"
    [ "$(stat -c '%u:%g %a' "$dir$env_file")" = "0:$gid 640" ] ||
        fail "$env_file is $(stat -c '%u:%g %a' "$dir$env_file"), not root:$group ($gid) 640"
    [ "$(stat -c '%u' "$dir$workdir")" = "$uid" ] || fail "$workdir is not owned by $user ($uid)"
    say "user $user ($uid), $env_file root:$group 640, $workdir owned by $user"

    # The environment as systemd reads EnvironmentFile=: KEY=VALUE lines, # comments.
    local envs=() line
    while IFS= read -r line; do
        case "$line" in '' | '#'*) continue ;; *=*) envs+=("$line") ;; esac
    done <"$dir$env_file"
    say "environment file: ${envs[*]}"
    local port
    port="$(printf '%s\n' "${envs[@]}" | sed -n 's/^PORT=//p')"

    # In a network namespace of the proof's own: the unit's port is free, nothing leaves it.
    local script
    script="$(cat <<'PROOF'
set -euo pipefail
ip link set lo up
dir=$1 user=$2 group=$3 workdir=$4 port=$5 shot=$6 exec_start=$7; shift 7
log=$dir/tmp/server.log
chroot "$dir" /usr/sbin/runuser -u "$user" -g "$group" -- /usr/bin/env -i -C "$workdir" \
    PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@" $exec_start </dev/null >"$log" 2>&1 &
server=$!
code=""
for _ in $(seq 100); do
    code="$(curl -s -o "$dir/tmp/health.json" -w '%{http_code}' "http://127.0.0.1:$port/health" || true)"
    [ "$code" = 200 ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
[ "$code" = 200 ] || { cat "$log" >&2; echo "GET /health: $code" >&2; exit 1; }
echo "GET /health 200 $(cat "$dir/tmp/health.json")"
# The server itself, below chroot and runuser: its user, and where SIGTERM goes.
find_server() {
    local child
    for child in $(pgrep -P "$1"); do
        if [ "$(basename "$(readlink "/proc/$child/exe")")" = taskflow-server ]; then echo "$child"; return 0; fi
        find_server "$child" && return 0
    done
    return 1
}
pid="$(find_server "$server")" || { echo "no taskflow-server process below $server" >&2; exit 1; }
uid="$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")"
name="$(awk -F: -v uid="$uid" '$3 == uid {print $1}' "$dir/etc/passwd")"
[ "$name" = "$user" ] || { echo "the server runs as uid $uid ($name), not $user" >&2; kill -TERM "$pid"; exit 1; }
echo "server process $pid runs as $name (uid $uid) in $(readlink "/proc/$pid/cwd" | sed "s|^$dir||")"
for title in "Package proof: install" "Package proof: read the list"; do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d "{\"title\":\"$title\",\"priority\":\"high\"}" \
        "http://127.0.0.1:$port/tasks"
done
echo "POST /tasks twice: 201"
if chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
        timeout 60 taskflow-desktop --server "http://127.0.0.1:$port" --screenshot /tmp/shot.png \
        >"$dir/tmp/desktop.log" 2>&1; then
    echo "desktop app: $(grep -a 'screenshot saved' "$dir/tmp/desktop.log")"
else
    cat "$dir/tmp/desktop.log" >&2; echo "the desktop app failed" >&2; kill -TERM "$pid"; exit 1
fi
cp "$dir/tmp/shot.png" "$shot"
kill -TERM "$pid"
status=0; wait "$server" || status=$?
[ "$status" = 0 ] || { cat "$log" >&2; echo "the server exited $status after SIGTERM" >&2; exit 1; }
echo "SIGTERM: the server exited 0"
PROOF
)"
    unshare --net bash -c "$script" proof "$dir" "$user" "$group" "$workdir" "$port" "$shot" \
        "$exec_start" "${envs[@]}" 2>&1 | sed -u "s/^/[$release] /"
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "the installed packages did not work (above)"
    debian_root_remove "$dir"
    say "PASS in $(elapsed "$t0"); screenshot: $shot"
}

for release in "${releases[@]}"; do
    suite="$(debian_root_suite_of "$release")"
    t_release=$SECONDS
    pkgs="$debs"
    if [ -z "$pkgs" ]; then
        pkgs="$out/debs-$release"
        build_packages "$release" "$suite" "$pkgs"
    fi
    for deb in "$pkgs"/taskflow-*.deb; do
        say "$(basename "$deb"): $(du -h "$deb" | cut -f1) ($(dpkg-deb -f "$deb" Installed-Size) KiB installed); Depends: $(dpkg-deb -f "$deb" Depends)"
    done
    prove "$release" "$suite" "$pkgs"
    say "done in $(elapsed "$t_release")"
done
echo "package proof: PASS (${releases[*]}) in $(elapsed "$started")"
