#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (the sanitize preset:
# TASKFLOW_SANITIZE=ON, Debug, warnings as errors) and runs every CTest suite with
# scripts/ctest-pass.sh, which also starts the throwaway PostgreSQL. The taskflow-server
# processes the tests start are sanitized too.
#
# Every sanitizer report, from a test or from a server it started, goes to a file in
# <build>/sanitizer-reports/ (so none is lost in a child's captured output); the script prints
# them at the end and fails when there is any, even if every test passed.
#
# Environment: CMAKE_ARGS are added to the configure line (e.g. -DTASKFLOW_BUILD_DESKTOP=OFF to
# skip the desktop app and its suites); CTEST_ARGS and JOBS as for scripts/ctest-pass.sh;
# ASAN_OPTIONS / UBSAN_OPTIONS are appended to the defaults below.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build_dir="$root/build-sanitize" # the sanitize preset's binaryDir
reports="$build_dir/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"

# quarantine_size_mb: ASan keeps freed memory aside (256 MB by default) to catch use after free,
# and that shows in the resident size the memory-bound tests measure (tst_hostile's non-reading
# pipeliner grew by 117 MB with the default, 23 MB with 16).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:quarantine_size_mb=16:check_initialization_order=1:strict_init_order=1:log_path=$reports/asan${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

status=0
scripts/ctest-pass.sh sanitize || status=$?

found=$(find "$reports" -type f | sort)
echo
if [ -n "$found" ]; then
    echo "== sanitizer reports ($(echo "$found" | wc -l)):"
    for file in $found; do
        echo "--- $file"
        cat "$file"
    done
    [ "$status" -ne 0 ] || status=1
else
    echo "== no sanitizer reports (ASan + LSan + UBSan)"
fi
if [ "$status" -eq 0 ]; then
    echo "sanitize: every test passed under ASan + UBSan"
else
    echo "sanitize: FAILED (exit $status)"
fi
exit "$status"
