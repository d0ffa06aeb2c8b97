#!/usr/bin/env bash
# Ledger benchmark: write throughput vs. raw SQLite in the same run, and report latency at
# 100k and 1M hazards. Release build. Usage: Benchmarks/run-ledger.sh [inspections] [runs] [sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product LedgerBench 2>&1 | grep -E 'error|Compiling|Build' | tail -3
exec .build/release/LedgerBench "${1:-2000}" "${2:-3}" "${3:-100000,1000000}"
