#!/usr/bin/env bash
# The test command's last pass: its first pass (the build with warnings as errors and every
# CTest suite, with a throwaway PostgreSQL of that release) on the other Debian release, in a
# fresh root made with debootstrap during the run. On Debian 12 (Qt 6.4) that is Debian 13
# (Qt 6.8), and the other way round, so every run covers both. The checkout goes in as git
# sees its working tree (tracked files and untracked ones that are not ignored: no build
# folders); the root is unmounted and deleted afterwards, also on failure or Ctrl+C.
#
#   sudo scripts/test-other-release.sh [debian-12|debian-13]
#
# Needs root (debootstrap, mount, chroot) and Debian's mirror. Environment: CI, CTEST_ARGS,
# CMAKE_ARGS and JOBS are passed in; KEEP_ROOT=1 leaves the root for a look;
# TASKFLOW_ROOT_CACHE (default build-other-release/cache) keeps debootstrap's tarball and the
# downloaded .debs between runs (a run works without it, only slower).
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
root_dir="$(cd "$(dirname "$self")/.." && pwd)"
# shellcheck source=scripts/lib/debian-root.sh
. "$root_dir/scripts/lib/debian-root.sh"

if [ "$(id -u)" -ne 0 ]; then
    echo "test-other-release: needs root (debootstrap, mount, chroot): run it with sudo" >&2
    exit 2
fi
this_release="$("$root_dir/scripts/install-deps.sh" --release)"
case "${1:-}" in
"") [ "$this_release" = debian-12 ] && release=debian-13 || release=debian-12 ;;
debian-12 | debian-13) release=$1 ;;
*) echo "test-other-release: unknown release '$1' (debian-12 or debian-13)" >&2; exit 2 ;;
esac
suite="$(debian_root_suite_of "$release")"
debian_root_enter_namespace "$@"

work="$root_dir/build-other-release"
export TASKFLOW_ROOT_CACHE="${TASKFLOW_ROOT_CACHE:-$work/cache}"
mkdir -p "$work" "$TASKFLOW_ROOT_CACHE/apt-$suite"
# One run at a time per checkout: a second waits for the first.
exec 9>"$work/lock"
if ! flock -n 9; then
    echo "test-other-release: another run uses $work; waiting for it"
    flock 9
fi
# Roots left by a run that was killed outright (nothing else can be using them now).
for stale in "$work"/root-*; do
    if [ -d "$stale" ]; then debian_root_remove "$stale"; fi
done

started=$SECONDS
dir=""
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    trap '' PIPE # the reader of our output may be gone (Ctrl+C): clean up all the same
    if [ -n "$dir" ]; then
        if [ "${KEEP_ROOT:-0}" = 1 ]; then
            echo "test-other-release: kept $dir (delete it with: sudo rm -rf --one-file-system $dir)"
        else
            debian_root_remove "$dir" || rc=1
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

dir="$(mktemp -d "$work/root-$suite.XXXXXX")"
echo "== fresh $release ($suite) root in $dir"
debian_root_make "$suite" "$dir"
debian_root_mount "$dir"
mount --bind "$TASKFLOW_ROOT_CACHE/apt-$suite" "$dir/var/cache/apt/archives"

mkdir -p "$dir/src"
if git -C "$root_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root_dir" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' path; do
            if [ -e "$root_dir/$path" ]; then printf '%s\0' "$path"; fi # not deleted in the tree
        done |
        tar -C "$root_dir" --null -T - -cf - | tar -C "$dir/src" -xf -
else
    tar -C "$root_dir" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$dir/src" -xf -
fi
echo "== root ready in $((SECONDS - started)) s; running scripts/test.sh (first pass) in it"

DEBIAN_ROOT_PASS_ENV="CI CTEST_ARGS CMAKE_ARGS JOBS" \
    debian_root_run "$dir" bash -c 'cd /src && exec scripts/test.sh --first-pass-only'
echo "== $release: passed in $((SECONDS - started)) s"
