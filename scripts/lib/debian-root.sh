# Fresh Debian roots made with debootstrap, for the proofs that need a clean machine of a given
# release: the test command's pass on the other release (scripts/test-other-release.sh), the
# package proof and the container proof. Sourced, not run. Needs root.
#
#   debian_root_enter_namespace "$@"  re-runs the calling script in a private mount namespace:
#                                     every mount made below vanishes with it, however it ends
#   debian_root_make SUITE DIR        DIR becomes a fresh minbase root of SUITE (bookworm,
#                                     trixie) with the APT sources of Debian's images
#   debian_root_mount DIR             /proc, /sys, /dev and resolv.conf for DIR
#   debian_root_run DIR CMD...        CMD inside DIR, as root, with a clean environment
#                                     (plus the variables named in DEBIAN_ROOT_PASS_ENV)
#   debian_root_remove DIR            kills what still runs inside DIR, unmounts, deletes
#
# Environment: TASKFLOW_ROOT_CACHE, a folder for debootstrap's package tarball per suite (made
# on first use; later roots unpack it instead of downloading); TASKFLOW_MIRROR (default
# http://deb.debian.org/debian).

debian_root_mirror="${TASKFLOW_MIRROR:-http://deb.debian.org/debian}"

debian_root_suite_of() { # debian-12 -> bookworm
    case "$1" in
    debian-12 | 12 | bookworm) echo bookworm ;;
    debian-13 | 13 | trixie) echo trixie ;;
    *) echo "debian-root: unknown release '$1'" >&2; return 1 ;;
    esac
}

debian_root_enter_namespace() {
    [ -z "${TASKFLOW_IN_MOUNT_NAMESPACE:-}" ] || return 0
    export TASKFLOW_IN_MOUNT_NAMESPACE=1
    # Inside a chroot (the test command run in a root of its own, say) / is no mount point and
    # its propagation cannot change: then the mounts live in this namespace, and the clean-up
    # that every caller traps removes them.
    if unshare --mount --propagation private true 2>/dev/null; then
        exec unshare --mount --propagation private -- bash "$0" "$@"
    fi
    echo "debian-root: no private mount namespace here (a chroot?): mounts are removed on exit" >&2
}

debian_root_make() {
    local suite=$1 dir=$2 cache="${TASKFLOW_ROOT_CACHE:?set TASKFLOW_ROOT_CACHE}"
    local tarball="$cache/debootstrap-$suite-minbase.tgz"
    mkdir -p "$cache" "$dir"
    if [ ! -s "$tarball" ]; then
        local download="$dir.download"
        rm -rf "$download"
        debootstrap --variant=minbase --include=ca-certificates --make-tarball="$tarball.part" \
            "$suite" "$download" "$debian_root_mirror" >"$dir.debootstrap.log" 2>&1 \
            || { tail -n 20 "$dir.debootstrap.log" >&2; rm -rf "$download"; return 1; }
        rm -rf "$download"
        mv "$tarball.part" "$tarball"
    fi
    debootstrap --variant=minbase --include=ca-certificates --unpack-tarball="$tarball" \
        "$suite" "$dir" "$debian_root_mirror" >"$dir.debootstrap.log" 2>&1 \
        || { tail -n 20 "$dir.debootstrap.log" >&2; return 1; }
    rm -f "$dir.debootstrap.log"
    chmod 755 "$dir"
    # The APT sources of the debian:12-slim / debian:13-slim images: with updates and security.
    rm -f "$dir/etc/apt/sources.list"
    cat >"$dir/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $debian_root_mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${debian_root_mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    rm -rf "$dir/var/cache/apt/archives/"*.deb
}

debian_root_mount() {
    local dir=$1
    mount -t proc proc "$dir/proc"
    mount --rbind /sys "$dir/sys"
    mount --make-rslave "$dir/sys"
    mount --rbind /dev "$dir/dev"
    mount --make-rslave "$dir/dev"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
}

debian_root_run() {
    local dir=$1; shift
    local env=(HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}"
               PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
    local name
    for name in ${DEBIAN_ROOT_PASS_ENV:-}; do
        if [ -n "${!name+set}" ]; then env+=("$name=${!name}"); fi
    done
    chroot "$dir" /usr/bin/env -i "${env[@]}" "$@"
}

debian_root_remove() {
    local dir=$1 pid link mountpoint
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    dir="$(cd "$dir" && pwd -P)"
    # What still runs inside (a PostgreSQL started by a test that was interrupted, say).
    for link in /proc/[0-9]*/root; do
        pid=${link#/proc/}; pid=${pid%/root}
        if [ "$(readlink "$link" 2>/dev/null)" = "$dir" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    # Deepest first; a busy mount is detached lazily.
    awk -v base="$dir/" 'index($5, base) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
        while read -r mountpoint; do
            umount "$mountpoint" 2>/dev/null || umount -l "$mountpoint" 2>/dev/null
        done
    if grep -q " $dir/" /proc/self/mountinfo; then
        echo "debian-root: mounts remain under $dir; not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system "$dir" "$dir.download" "$dir.debootstrap.log"
}
