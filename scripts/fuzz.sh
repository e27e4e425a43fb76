#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang and runs each for a fixed time on a copy of
# its seed corpus (docs/FUZZING.md).
#
# Usage: scripts/fuzz.sh [seconds-per-target] [--merge] [target...]
#   seconds-per-target  default 60; CI runs 20
#   --merge             afterwards, add the inputs that found new coverage to fuzz/corpus/
#                       (libFuzzer -merge=1); without it the repository corpus is never touched
#   target...           fuzz_task_body fuzz_query_string fuzz_iso_datetime fuzz_database_url
#                       fuzz_request_framer
#                       (default: all five)
# Builds with the fuzz preset (build-fuzz/). Environment: JOBS (parallel compile jobs, default
#   the number of cores),
#   TASKFLOW_FUZZ_KNOWN (skip the checks of reported findings, e.g. "date-range"; default none),
#   ASAN_OPTIONS (appended to quarantine_size_mb=64).
# Prints the executions of each target and "N passed, M failed"; exits 1 when a target found a
# crash, a sanitizer report, a leak, a timeout or a failed check, naming the input file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

all_targets=(fuzz_task_body fuzz_query_string fuzz_iso_datetime fuzz_database_url fuzz_request_framer)
seconds=60
merge=0
targets=()
for arg in "$@"; do
    case "$arg" in
        --merge) merge=1 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        ''|*[!0-9]*)
            case " ${all_targets[*]} " in
                *" $arg "*) targets+=("$arg") ;;
                *) echo "fuzz.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
            esac ;;
        *) seconds="$arg" ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
[ "$seconds" -ge 1 ] || { echo "fuzz.sh: seconds must be at least 1" >&2; exit 2; }

for tool in clang clang++ cmake ninja; do
    command -v "$tool" >/dev/null || {
        echo "fuzz.sh: $tool is missing (scripts/install-deps.sh build fuzz installs it)" >&2
        exit 2
    }
done

build_dir=build-fuzz # the fuzz preset's binaryDir
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel "${JOBS:-$(nproc)}" --target "${targets[@]}"

# Per-target libFuzzer options: the URL checks look at every 8-character run of a password, so
# its inputs stay short; a URL or a query string longer than that says nothing new.
options_for() {
    case "$1" in
        fuzz_database_url) echo "-max_len=1024" ;;
        fuzz_query_string) echo "-max_len=2048" ;;
        fuzz_iso_datetime) echo "-max_len=256" ;;
        *) echo "-max_len=8192" ;;
    esac
}

# A smaller ASan quarantine than the 256 MB default keeps a long run near 200 MB instead of
# 1 GB on a shared machine; 64 MB still holds the memory of thousands of inputs.
export ASAN_OPTIONS="quarantine_size_mb=64${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

run_dir="$build_dir/fuzz-run"
passed=0
failed=0
summary=()
for target in "${targets[@]}"; do
    work="$run_dir/$target"
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts"
    if [ -d "fuzz/corpus/$target" ]; then
        cp -R "fuzz/corpus/$target/." "$work/corpus/"
    fi
    dict=()
    [ -f "fuzz/dict/$target.dict" ] && dict=("-dict=fuzz/dict/$target.dict")
    echo "== $target: ${seconds}s on $(find "$work/corpus" -type f | wc -l) seed inputs"
    status=0
    # shellcheck disable=SC2046
    "$build_dir/fuzz/$target" "$work/corpus" "${dict[@]}" $(options_for "$target") \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/artifacts/" >"$work/log" 2>&1 || status=$?
    executions="$(grep -a 'stat::number_of_executed_units' "$work/log" | tail -n1 | awk '{print $2}')"
    artifacts="$(find "$work/artifacts" -type f | sort)"
    if [ "$status" -eq 0 ] && [ -z "$artifacts" ]; then
        passed=$((passed + 1))
        line="$target: ${executions:-?} executions in ${seconds}s, clean"
    else
        failed=$((failed + 1))
        line="$target: FAILED after ${executions:-?} executions (exit $status)"
        echo "--- $target log (last 60 lines of $work/log):"
        tail -n 60 "$work/log"
        for file in $artifacts; do
            echo "--- input: $file"
            echo "    reproduce: $build_dir/fuzz/$target -artifact_prefix=$build_dir/ $file"
            echo "    bytes: $(head -c 300 "$file" | LC_ALL=C cat -v | head -c 600)"
        done
    fi
    echo "$line"
    summary+=("$line")
    if [ "$merge" -eq 1 ] && [ "$status" -eq 0 ]; then
        mkdir -p "fuzz/corpus/$target"
        before=$(find "fuzz/corpus/$target" -type f | wc -l)
        # shellcheck disable=SC2046
        "$build_dir/fuzz/$target" -merge=1 "${dict[@]}" $(options_for "$target") \
            "fuzz/corpus/$target" "$work/corpus" >"$work/merge.log" 2>&1
        after=$(find "fuzz/corpus/$target" -type f | wc -l)
        echo "   merged $((after - before)) new inputs into fuzz/corpus/$target"
    fi
done

echo
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
