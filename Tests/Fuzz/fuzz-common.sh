# Shared by the run-*-fuzz.sh scripts (sourced, not run). Each script compiles its target's
# sources straight into one libFuzzer + AddressSanitizer binary (no SwiftPM target), seeds a
# working corpus under .build/fuzz/<name>/ from the committed Tests/Fuzz/corpus/<name>/, and
# runs for SECONDS. New inputs stay in .build; a crash, hang (-timeout=5) or memory blow-up
# (-rss_limit_mb=2048) is written to .build/fuzz/<name>/crash-* (or timeout-*, oom-*) and
# fails the script.
#
# Environment:
#   HAZARD_BUILD_LOCK  a file to `flock` around the compile only (machines that share cores).
#   FUZZ_MAX_LEN       longest input libFuzzer makes (default per target).
#   FUZZ_RUNS          passed as -runs: 0 replays the committed corpus once and stops, with no
#                      mutation, so `make test` can run it as a deterministic regression test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# fuzz_build NAME SWIFTC-ARGS...: compiles .build/fuzz/NAME/NAME-fuzz unless it is newer than
# every input file named in the arguments and this script. The module is HazardNameFuzz, or
# $FUZZ_MODULE when the sources import a module they are compiled into (the plugins'
# `import HazardCore`: in a module of that name the import names the module itself).
fuzz_build() {
    local name="$1"; shift
    local dir=".build/fuzz/$name" binary=".build/fuzz/$name/$name-fuzz"
    mkdir -p "$dir/corpus"
    local stale=0 arg
    [ -x "$binary" ] || stale=1
    for arg in "$@" Tests/Fuzz/fuzz-common.sh; do
        if [ "$stale" = 0 ] && [ -f "$arg" ] && [ "$arg" -nt "$binary" ]; then stale=1; fi
    done
    [ "$stale" = 1 ] || return 0
    echo "fuzz: building $binary"
    local lock=()
    [ -n "${HAZARD_BUILD_LOCK:-}" ] && lock=(flock "$HAZARD_BUILD_LOCK")
    local started
    started=$(date +%s)
    "${lock[@]}" swiftc -O -sanitize=fuzzer,address -parse-as-library -swift-version 6 -package-name hazard -module-name "${FUZZ_MODULE:-Hazard${name^}Fuzz}" "$@" -o "$binary"
    echo "fuzz: built $binary in $(( $(date +%s) - started )) s"
}

# fuzz_run NAME SECONDS MAX_LEN [EXTRA-LIBFUZZER-ARGS...]
fuzz_run() {
    local name="$1" seconds="$2" max_len="${FUZZ_MAX_LEN:-$3}"; shift 3
    local dir=".build/fuzz/$name"
    cp -n "Tests/Fuzz/corpus/$name"/* "$dir/corpus/" 2>/dev/null || true
    echo "fuzz: $name for ${seconds}s (max_len $max_len)"
    local runs=()
    [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
    "$dir/$name-fuzz" -max_total_time="$seconds" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/" "${runs[@]}" "$@" "$dir/corpus"
}
