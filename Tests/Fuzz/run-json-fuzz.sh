#!/usr/bin/env bash
# Fuzz the JSON reader with libFuzzer (+ AddressSanitizer), seeded with JSONTestSuite.
#   Tests/Fuzz/run-json-fuzz.sh [SECONDS]    (default 60)
# HazardJSON is compiled on its own (it needs nothing but the standard library);
# crashes are written to .build/fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-60}"
OUT=.build/fuzz
mkdir -p "$OUT/corpus"
SUITE="${HAZARD_JSON_TEST_SUITE:-../shared/testdata/JSONTestSuite/test_parsing}"
[ -d "$SUITE" ] && cp -n "$SUITE"/*.json "$OUT/corpus/" 2>/dev/null || true
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name HazardJSONFuzz \
  Sources/HazardJSON/*.swift \
  Tests/Fuzz/JSONReaderFuzz.swift -o "$OUT/json-fuzz"
"$OUT/json-fuzz" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=5 -artifact_prefix="$OUT/" "$OUT/corpus"
