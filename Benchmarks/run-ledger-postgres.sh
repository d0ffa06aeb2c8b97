#!/usr/bin/env bash
# Ledger benchmark on PostgreSQL: write throughput at 1 and 8 concurrent callers against the
# same rows through bare prepared statements on one connection (the ceiling), then report
# latency over many hazards. Starts and stops a throwaway cluster (Tests/Support/postgres-cluster.sh).
# Release build. Usage: Benchmarks/run-ledger-postgres.sh [inspections] [runs] [sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
flock /tmp/hazard-build.lock swift build -c release --product LedgerBench 2>&1 | grep -E 'error|Build' | tail -3
eval "$(Tests/Support/postgres-cluster.sh start)"
trap 'Tests/Support/postgres-cluster.sh stop "$HAZARD_PG_DIR"' EXIT
echo "PostgreSQL $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1 | cut -d/ -f5) (throwaway cluster, fsync=off, unix socket); $(nproc) cores"
.build/release/LedgerBench postgres "$HAZARD_TEST_POSTGRES" "${1:-1000}" "${2:-3}" "${3:-100000,1000000}"
