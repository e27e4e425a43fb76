#!/usr/bin/env bash
# One build-and-CTest pass of the test command: configures and builds a CMakePresets.json
# preset (dev or sanitize), starts a throwaway PostgreSQL for the database suites, runs the
# preset's CTest suites and removes the database afterwards, also on failure or Ctrl+C.
#
#   scripts/ctest-pass.sh dev|sanitize
#
# Environment: CMAKE_ARGS (added to the configure line), CTEST_ARGS (added to ctest's),
# JOBS (parallel compile jobs; default: the number of cores). Expects the packages of
# scripts/install-deps.sh build desktop test to be there (scripts/test.sh installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
preset=${1:?usage: scripts/ctest-pass.sh dev|sanitize}

# shellcheck disable=SC2086
cmake --preset "$preset" ${CMAKE_ARGS:-}
cmake --build --preset "$preset" --parallel "${JOBS:-$(nproc)}"

pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/taskflow-pg.XXXXXX")"
cleanup() { scripts/pg.sh destroy "$pg_dir" || true; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pg_port="$(scripts/pg.sh create "$pg_dir")"
echo "Throwaway PostgreSQL $(scripts/pg.sh version "$pg_dir") on 127.0.0.1:$pg_port ($pg_dir)"
export TASKFLOW_TEST_PG_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
export TASKFLOW_TEST_PG_DIR="$pg_dir"
export TASKFLOW_TEST_PG_SCRIPT="$root/scripts/pg.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

# shellcheck disable=SC2086
ctest --preset "$preset" ${CTEST_ARGS:-}
