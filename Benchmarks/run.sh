#!/usr/bin/env bash
# `make bench`: release builds, the engine and its peers measured in one run, ratios printed.
# Figures are ns per criterion (lower is better); run-to-run noise on a shared 2-core
# machine is large, so compare the ratios printed here, not absolute numbers across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKLOAD="${WORKLOAD:-../shared/bench/workload-100.json}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

echo "== building (release)"
swift build -c release --product hazard-bench 2>&1 | grep -E "error|Compiling|Build" | tail -3

echo "== engine"
.build/release/hazard-bench "$WORKLOAD" "$OUT/engine.json"

echo "== peer: datalogic-py (Rust JSONLogic) in a virtualenv"
VENV=.build/bench-venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q datalogic-py
fi
"$VENV/bin/python" Benchmarks/peer_datalogic.py "$WORKLOAD" "$OUT/peer.json"

python3 - "$OUT/engine.json" "$OUT/peer.json" <<'PY'
import json, sys
engine = json.load(open(sys.argv[1]))["workload-100"]
peer = json.load(open(sys.argv[2]))
print("== ratios on workload-100 (peer ns ÷ engine ns, medians; > 1 means the engine is faster)")
print(f"  typed answers:            engine {engine['typed_median']:.2f} ns vs peer {peer['typed']['median']:.2f} ns  → {peer['typed']['median'] / engine['typed_median']:.1f}×  (target ≤ 10 ns)")
print(f"  including conversion:     engine {engine['converted_median']:.2f} ns vs peer {peer['converted']['median']:.2f} ns  → {peer['converted']['median'] / engine['converted_median']:.1f}×  (target ≤ 30 ns, ≥ 4× the peer)")
print(f"  full evaluation (engine findings+evidence+score): {engine['full_median']:.1f} ns/criterion")
PY

for extra in Benchmarks/run-*.sh; do
  [ -x "$extra" ] || continue
  echo "== $extra"
  "$extra"
done
