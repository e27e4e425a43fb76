#!/usr/bin/env bash
# The test command: builds everything and runs every test. Installs the Debian packages that
# are missing, starts its own throwaway PostgreSQL and removes it afterwards. Four passes, each
# headed "== pass N/4", with a one-line summary of each at the end:
#   1. build  the dev preset (warnings are errors) and every CTest suite: common, the server on
#             SQLite and on PostgreSQL, TLS to PostgreSQL, the desktop app offscreen
#             (scripts/ctest-pass.sh dev);
#   2. asan   the same suites built with AddressSanitizer + UndefinedBehaviorSanitizer; any
#             sanitizer report fails it (scripts/sanitize.sh);
#   3. fuzz   each libFuzzer target for FUZZ_SECONDS (default 15) on its seed corpus
#             (scripts/fuzz.sh);
#   4. other  pass 1 on the other Debian release, in a fresh root made with debootstrap during
#             the run: Debian 13 (Qt 6.8) on a Debian 12 machine, Debian 12 (Qt 6.4) on a
#             Debian 13 one (scripts/test-other-release.sh; needs root or sudo, and Debian's
#             mirror).
#
#   scripts/test.sh                     every pass (what .ci/run runs)
#   scripts/test.sh --first-pass-only   pass 1 alone (what pass 4 runs inside its root)
#
# Environment: SKIP_SANITIZE=1, SKIP_FUZZ=1, SKIP_OTHER_RELEASE=1 leave passes 2, 3, 4 out for a
# quicker local run (refused when CI=true: CI runs everything); CMAKE_ARGS (added to the
# configure line), CTEST_ARGS, FUZZ_SECONDS, JOBS (parallel compile jobs, default the cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Ctrl+C or a TERM ends the run at once (the passes clean up after themselves).
trap 'exit 130' INT
trap 'exit 143' TERM

first_pass_only=0
case "${1:-}" in
"") ;;
--first-pass-only) first_pass_only=1 ;;
-h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) echo "test.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac
if [ "${CI:-}" = true ] && [ "$first_pass_only" = 0 ]; then
    for skip in SKIP_SANITIZE SKIP_FUZZ SKIP_OTHER_RELEASE; do
        if [ "${!skip:-0}" = 1 ]; then
            echo "test.sh: $skip=1 with CI=true: CI runs every pass" >&2
            exit 2
        fi
    done
fi
want() { [ "$first_pass_only" = 0 ] && [ "${!1:-0}" != 1 ]; }

# One run at a time per checkout (they share the build folders): a second waits.
exec 9>"$root/build-test.lock"
if ! flock -n 9; then
    echo "test.sh: another scripts/test.sh is running in this checkout; waiting for it"
    flock 9
fi

release="$(scripts/install-deps.sh --release)"
lists=(build desktop test)
if want SKIP_FUZZ; then lists+=(fuzz); fi
scripts/install-deps.sh "${lists[@]}"

qt_version="$(qtpaths6 --qt-query QT_VERSION 2>/dev/null || echo '?')"
logs="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-test-logs.XXXXXX")"
summary=()
failed=0
started=$SECONDS
finish() {
    local rc=$?
    trap - EXIT
    trap '' PIPE
    echo
    echo "== test command summary ($release, Qt $qt_version)"
    printf '%s\n' "${summary[@]}"
    # The tallies the passes printed (CTest's, fuzz.sh's; pass 4's behind its prefix), added up.
    local tally
    tally="$(cat "$logs"/*.log 2>/dev/null | awk '
        { sub(/^\[[a-z0-9-]+\] /, "") }
        match($0, /[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+/) {
            n = split(substr($0, RSTART, RLENGTH), w, " "); failed += w[4]; passed += w[n] - w[4]; next }
        /^[0-9]+ passed, [0-9]+ failed$/ { passed += $1; failed += $3 }
        END { printf "%d passed, %d failed", passed, failed }')"
    rm -rf "$logs"
    local total=$((SECONDS - started))
    if [ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]; then
        echo "test command: PASS in $((total / 60))m$((total % 60))s"
    else
        echo "test command: FAIL in $((total / 60))m$((total % 60))s"
        [ "$rc" -ne 0 ] || rc=1
    fi
    echo "tests: $tally"
    exit "$rc"
}
trap finish EXIT

# run_pass N NAME DESCRIPTION COMMAND...: runs one pass with its output labelled and logged.
run_pass() {
    local n=$1 name=$2 what=$3; shift 3
    local t0=$SECONDS rc
    echo
    echo "== pass $n/4 $name: $what"
    set +e
    "$@" 2>&1 | tee "$logs/pass$n.log"
    rc=${PIPESTATUS[0]}
    set -e
    local secs=$((SECONDS - t0)) verdict=PASS
    if [ "$rc" -ne 0 ]; then verdict="FAIL (exit $rc)"; failed=$((failed + 1)); fi
    echo "== pass $n/4 $name: $verdict in $((secs / 60))m$((secs % 60))s"
    summary+=("$(printf 'pass %d/4 %-6s %-16s %4dm%02ds  %s' "$n" "$name" "$verdict" $((secs / 60)) $((secs % 60)) "$what")")
}
skip_pass() {
    summary+=("$(printf 'pass %d/4 %-6s %-16s %8s  %s' "$1" "$2" "SKIPPED ($3)" "" "")")
}

run_pass 1 build "$release, Qt $qt_version: dev preset (-Werror), every CTest suite" scripts/ctest-pass.sh dev
if [ "$first_pass_only" = 1 ]; then exit "$((failed > 0))"; fi

if want SKIP_SANITIZE; then
    run_pass 2 asan "ASan + UBSan build (sanitize preset), every CTest suite" scripts/sanitize.sh
else skip_pass 2 asan SKIP_SANITIZE=1; fi

if want SKIP_FUZZ; then
    run_pass 3 fuzz "each libFuzzer target for ${FUZZ_SECONDS:-15} s (fuzz preset)" scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
else skip_pass 3 fuzz SKIP_FUZZ=1; fi

if want SKIP_OTHER_RELEASE; then
    other=debian-13
    [ "$release" = debian-13 ] && other=debian-12
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    other_pass() {
        if [ ${#sudo[@]} -gt 0 ] && ! command -v sudo >/dev/null; then
            echo "pass 4 needs root for debootstrap, mount and chroot: run as root, install sudo," \
                 "or leave the pass out locally with SKIP_OTHER_RELEASE=1" >&2
            return 2
        fi
        "${sudo[@]}" env CI="${CI:-}" CTEST_ARGS="${CTEST_ARGS:-}" CMAKE_ARGS="${CMAKE_ARGS:-}" \
            JOBS="${JOBS:-}" scripts/test-other-release.sh "$other" 2>&1 | sed -u "s/^/[$other] /"
        return "${PIPESTATUS[0]}"
    }
    run_pass 4 other "pass 1 in a fresh $other root (debootstrap)" other_pass
else skip_pass 4 other SKIP_OTHER_RELEASE=1; fi

exit "$((failed > 0))"
