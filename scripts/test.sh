#!/usr/bin/env bash
# Builds everything and runs every test. Installs missing Debian packages, starts a throwaway
# PostgreSQL for the database tests and removes it afterwards. Three passes:
#   1. the normal build (RelWithDebInfo) and every CTest suite;
#   2. the same suites built with AddressSanitizer + UndefinedBehaviorSanitizer
#      (scripts/sanitize.sh: any sanitizer report fails the run);
#   3. each libFuzzer target for FUZZ_SECONDS (default 15) on its seed corpus (scripts/fuzz.sh).
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure flags), CTEST_ARGS;
# SKIP_SANITIZE=1 and SKIP_FUZZ=1 leave passes 2 and 3 out (a quicker local run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh build desktop test

build_dir="${BUILD_DIR:-build}"
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-}
cmake --build "$build_dir" --parallel

pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-pg.XXXXXX")"
cleanup() { scripts/pg.sh destroy "$pg_dir" || true; }
trap cleanup EXIT INT TERM
pg_port="$(scripts/pg.sh create "$pg_dir")"
echo "Throwaway PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
export TASKFLOW_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
export TASKFLOW_TEST_PG_DIR="$pg_dir"
export TASKFLOW_TEST_PG_SCRIPT="$root/scripts/pg.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

# shellcheck disable=SC2086
ctest --test-dir "$build_dir" --output-on-failure --timeout 600 ${CTEST_ARGS:-}

# The sanitizer pass calls this script again for its own build (without passes 2 and 3).
cleanup
trap - EXIT INT TERM
if [ "${SKIP_SANITIZE:-0}" != 1 ]; then
    SKIP_SANITIZE=1 SKIP_FUZZ=1 scripts/sanitize.sh
fi
if [ "${SKIP_FUZZ:-0}" != 1 ]; then
    scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
fi
