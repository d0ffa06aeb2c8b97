#!/usr/bin/env bash
# RPC load benchmark: hazard.grade on the urban-gas checklist (22 criteria, 38 questions,
# the gas example's answers; ~1.5 KB request, ~15 KB response) at 1, 16 and 64 connections,
# without pipelining and with 16 requests in flight per connection, against `hazard serve`
# and, in the same run, against a minimal C length-prefixed server (the transport ceiling)
# fed the same request bytes twice over: echoing each request back, and answering each with
# a frame as long as the real grading response. Loopback only; every cell is bounded in time.
#
#   Benchmarks/run-rpc.sh            # short: 3 s per cell (~1.5 min)
#   Benchmarks/run-rpc.sh --long     # 60 s per hazard.grade cell, 10 s per echo cell (~11 min):
#                                    # the zero-errors/zero-lost run
#   SECONDS_PER_CELL=10 Benchmarks/run-rpc.sh
#
# Also prints the JSON cost breakdown (Benchmarks/RPCJSONBench). The load generator
# (Benchmarks/RPCLoadC, C and epoll, so it takes as little of the two cores as it can) shares
# the machine with the server, so absolute figures understate a dedicated server; compare the
# ratio to the echo ceilings measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

PER_CELL="${SECONDS_PER_CELL:-3}"
ECHO_CELL="$PER_CELL"
[ "${1:-}" = "--long" ] && PER_CELL=60 && ECHO_CELL=10
FIXTURES=Tests/HazardRPCTests/Fixtures
REQUEST="$FIXTURES/gas-grade-request.json"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building (release): hazard, RPCJSONBench; cc rpc-echo, rpc-load"
LOCK=(flock /tmp/hazard-swift-build.lock)
command -v flock >/dev/null || LOCK=()
"${LOCK[@]}" swift build -c release --product hazard 2>&1 | grep -E "error|Build" | tail -2
"${LOCK[@]}" swift build -c release --product RPCJSONBench 2>&1 | grep -E "error|Build" | tail -2
cc -O2 -pthread -o "$WORK/rpc-echo" Benchmarks/RPCEcho/echo.c
cc -O2 -pthread -o "$WORK/rpc-load" Benchmarks/RPCLoadC/load.c
# The load generator numbers each request itself: it sends `{"id":N,` + the request without its id.
for name in gas-grade-request gas-grade-summary-request; do
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); d.pop("id", None); print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))' \
    "$FIXTURES/$name.json" > "$WORK/$name.body.json"
done
BODY="$WORK/gas-grade-request.body.json"

echo "== JSON and dispatch cost per request"
.build/release/RPCJSONBench "$REQUEST" "$FIXTURES/urban-gas-2023.yaml" | grep -E "ratio|path|response|median" | grep -vE "JSONSerialization +median"

start_and_wait_port() {  # $1 = log file; prints the port from "listening on 127.0.0.1:PORT"
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1" | head -1)
    [ -n "$port" ] && { echo "$port"; return; }
    sleep 0.1
  done
  echo "server did not start: $(cat "$1")" >&2; exit 1
}

.build/release/hazard serve --port 0 --database "$WORK/bench.sqlite" --checklists "$FIXTURES" --log-level warning > "$WORK/hazard.log" 2>&1 &
PIDS+=($!)
HAZARD_PORT=$(start_and_wait_port "$WORK/hazard.log")
"$WORK/rpc-echo" 0 2 > "$WORK/echo.log" 2>&1 &
PIDS+=($!)
ECHO_PORT=$(start_and_wait_port "$WORK/echo.log")
# The size of the real grading response, for the echo that answers with frames that long.
RESPONSE_BYTES=$(python3 - "$HAZARD_PORT" "$REQUEST" <<'PY'
import socket, struct, sys
body = open(sys.argv[2], "rb").read()
with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as s:
    s.sendall(struct.pack(">I", len(body)) + body)
    head = b""
    while len(head) < 4: head += s.recv(4 - len(head))
    print(struct.unpack(">I", head)[0])
PY
)
"$WORK/rpc-echo" 0 2 "$RESPONSE_BYTES" > "$WORK/echo-sized.log" 2>&1 &
PIDS+=($!)
SIZED_PORT=$(start_and_wait_port "$WORK/echo-sized.log")

echo "== load: ${PER_CELL}s per hazard.grade cell, ${ECHO_CELL}s per echo cell, after 1s warm-up"
echo "   hazard serve :$HAZARD_PORT; C echo :$ECHO_PORT; C echo with $RESPONSE_BYTES-byte replies :$SIZED_PORT"
RESULTS="$WORK/results.jsonl"
for conns in 1 16 64; do
  for depth in 1 16; do
    "$WORK/rpc-load" --port "$HAZARD_PORT" --connections "$conns" --depth "$depth" --seconds "$PER_CELL" \
      --request "$BODY" --label hazard.grade | tee -a "$WORK/out.txt" | grep -v '^JSON' || true
    "$WORK/rpc-load" --port "$ECHO_PORT" --connections "$conns" --depth "$depth" --seconds "$ECHO_CELL" \
      --request "$BODY" --label echo-c | tee -a "$WORK/out.txt" | grep -v '^JSON' || true
    "$WORK/rpc-load" --port "$SIZED_PORT" --connections "$conns" --depth "$depth" --seconds "$ECHO_CELL" \
      --request "$BODY" --label echo-sized --reply-bytes "$RESPONSE_BYTES" | tee -a "$WORK/out.txt" | grep -v '^JSON' || true
  done
done
# The same grading with "detail":"summary" (no findings in the ~1 KB response): what the
# engine and transport cost without the 15 KB findings document.
for depth in 1 16; do
  "$WORK/rpc-load" --port "$HAZARD_PORT" --connections 64 --depth "$depth" --seconds "$PER_CELL" \
    --request "$WORK/gas-grade-summary-request.body.json" --label grade-summary | tee -a "$WORK/out.txt" | grep -v '^JSON' || true
done
grep '^JSON ' "$WORK/out.txt" | sed 's/^JSON //' > "$RESULTS"

python3 - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
cells = {}
for r in rows:
    cells.setdefault((r["connections"], r["depth"]), {})[r["label"]] = r
print("== hazard.grade vs the C ceilings (same request bytes, same load generator):")
print("   echo = the request sent back; sized = a reply as long as the grading response")
print(f"{'conns':>5} {'depth':>5} {'grade req/s':>12} {'p50 µs':>8} {'p99 µs':>9} {'p99.9 µs':>9} {'echo req/s':>11} {'ratio':>6} {'sized req/s':>12} {'ratio':>6} {'errors':>6} {'lost':>5}")
bad = 0
def ratio(a, b):
    return a["requests_per_second"] / b["requests_per_second"] if b and b["requests_per_second"] else float("nan")
for (c, d), cell in sorted(cells.items()):
    g, e, z = cell.get("hazard.grade"), cell.get("echo-c"), cell.get("echo-sized")
    if not g or not e:
        continue
    bad += g["errors"] + g["lost"]
    print(f"{c:>5} {d:>5} {g['requests_per_second']:>12.0f} {g['p50_us']:>8.0f} {g['p99_us']:>9.0f} {g['p999_us']:>9.0f} "
          f"{e['requests_per_second']:>11.0f} {ratio(g, e):>6.1%} {(z or {}).get('requests_per_second', 0):>12.0f} {ratio(g, z):>6.1%} "
          f"{g['errors']:>6} {g['lost']:>5}")
for r in rows:
    if r["label"] == "grade-summary":
        bad += r["errors"] + r["lost"]
        print(f"grade detail=summary: conns {r['connections']} depth {r['depth']}: {r['requests_per_second']:.0f} req/s, "
              f"p50 {r['p50_us']:.0f} µs, p99 {r['p99_us']:.0f} µs, p99.9 {r['p999_us']:.0f} µs")
print(f"errors + lost responses over the run: {bad}")
sys.exit(1 if bad else 0)
PY
