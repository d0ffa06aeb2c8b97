#!/usr/bin/env bash
# Soak: `hazard serve` (release, tokens on, temporary ledger, the shipped checklists) for N
# minutes under mixed well-behaved traffic — hazard.grade on every shipped example,
# inspection.record, plan → rectify → verify by different principals, hazards.list/get,
# reports.dispatch, reconnecting now and then — beside a hostile client cycling attacks
# (pipelining without reading, 1,000-entry checklists.get batches and oversized frames,
# half-sent frames, wrong-token floods, unauthenticated connection floods). The server's
# VmRSS is sampled every 3 s. Prints requests per method, well-behaved errors, p50/p99,
# RSS after warm-up (1 min) and at the end, and PASS only with 0 well-behaved errors and
# an end RSS at most 10 % above the after-warm-up one; then stops the server with SIGTERM
# and checks it exits 0.
#
#   Benchmarks/run-soak.sh                 # 10 minutes (what `make bench` runs)
#   Benchmarks/run-soak.sh --minutes 2     # shorter (warm-up point: a third of the run, at most 1 min)
#   SOAK_WORKERS=4 SOAK_RATE=0 Benchmarks/run-soak.sh   # more workers, unpaced (default 3 at 4 cycles/s)
#   SOAK_HOSTILE=0 Benchmarks/run-soak.sh --minutes 3   # without the attacker (or SOAK_WORKERS=0: only it)
#   HAZARD_BIN=.build/debug/hazard Benchmarks/run-soak.sh --minutes 1   # no build, that binary
#   MALLOC_MMAP_THRESHOLD_=1048576 Benchmarks/run-soak.sh   # glibc: buffers of 1 MiB and more are
#       mmapped and given back when freed (RSS growth from the 16 MiB batch answers is then gone)
#
# Well-behaved clients connect from 127.0.0.1, the attacker from 127.0.0.2…9 (Linux routes
# all of 127/8 to loopback), so per-address limits land on the attacker.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="${2:?--minutes needs a number}"; shift 2 ;;
    --minutes=*) MINUTES="${1#--minutes=}"; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-soak.sh: unknown argument $1 (usage: run-soak.sh [--minutes N])" >&2; exit 2 ;;
  esac
done
SECONDS_TOTAL=$(python3 -c 'import sys; m = float(sys.argv[1]); assert m > 0; print(m * 60)' "$MINUTES") \
  || { echo "run-soak.sh: --minutes must be a positive number" >&2; exit 2; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${HAZARD_BIN:-}" ]; then
  BIN="$HAZARD_BIN"   # a binary already built (e.g. the debug one, to try the script quickly)
else
  echo "== building (release): hazard"
  LOCK=(flock /tmp/hazard-build.lock)
  command -v flock >/dev/null || LOCK=()
  "${LOCK[@]}" swift build -c release --product hazard 2>&1 | grep -E "error|Build" | tail -2
  BIN=.build/release/hazard
fi

# Tokens in clear for the clients; only their SHA-256 (from `hazard serve --hash-token`) in the server's file.
python3 - "$WORK" <<'PY'
import json, secrets, sys
roles = {"admin": "admin", "inspector": "inspector", "department": "department", "reader": "reader", "mallory": "reader"}
json.dump({name: secrets.token_hex(24) for name in roles}, open(f"{sys.argv[1]}/clear-tokens.json", "w"))
json.dump(roles, open(f"{sys.argv[1]}/roles.json", "w"))
PY
entries=()
for name in admin inspector department reader mallory; do
  token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]], end="")' "$WORK/clear-tokens.json" "$name")
  role=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/roles.json" "$name")
  hash=$(printf '%s' "$token" | "$BIN" serve --hash-token)
  entries+=("{\"name\": \"soak-$name\", \"role\": \"$role\", \"sha256\": \"$hash\"}")
done
(IFS=,; echo "{\"tokens\": [${entries[*]}]}") > "$WORK/tokens.json"

# The shipped examples as hazard.grade params (JSON): PyYAML when it is installed, else the
# gas fixture alone.
python3 - "$WORK/examples.json" <<'PY'
import datetime, glob, json, sys
def sector_of(checklist):
    for path in glob.glob("checklists/*/*.yaml"):
        head = open(path, encoding="utf-8").read(4096)
        if f"\nid: {checklist}\n" in "\n" + head:
            for line in head.splitlines():
                if line.startswith("sector:"):
                    return line.split(":", 1)[1].strip()
    raise SystemExit(f"no sector for {checklist}")
examples = []
try:
    import yaml
    for path in sorted(glob.glob("examples/*.yaml")):
        doc = yaml.safe_load(open(path, encoding="utf-8"))
        plain = json.loads(json.dumps(doc, default=lambda v: v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else str(v)))
        examples.append({"checklist": plain["checklist"], "inspection_date": plain["inspection_date"], "answers": plain["answers"]})
except ImportError:
    fixture = json.load(open("Tests/HazardRPCTests/Fixtures/gas-grade-request.json"))["params"]
    examples.append({k: fixture[k] for k in ("checklist", "inspection_date", "answers")})
    print("   (PyYAML not installed: grading the gas fixture only)")
for e in examples:
    e["sector"] = sector_of(e["checklist"])
json.dump(examples, open(sys.argv[1], "w"), ensure_ascii=False)
print(f"   {len(examples)} examples: {', '.join(e['checklist'] for e in examples)}")
PY

"$BIN" serve --port 0 --database "$WORK/soak.sqlite" --checklists checklists --auth "$WORK/tokens.json" \
  --log-level warning > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/server.out" | head -1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "hazard serve exited: $(cat "$WORK/server.err")" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "hazard serve did not report its port" >&2; exit 1; }
echo "== soak: ${MINUTES} min against hazard serve :$PORT (pid $SERVER_PID, tokens on)"

status=0
python3 Benchmarks/soak_clients.py --port "$PORT" --pid "$SERVER_PID" --tokens "$WORK/clear-tokens.json" \
  --examples "$WORK/examples.json" --seconds "$SECONDS_TOTAL" --workdir "$WORK" \
  --workers "${SOAK_WORKERS:-3}" --rate "${SOAK_RATE:-4}" --hostile "${SOAK_HOSTILE:-1}" || status=$?
wal=$(du -h "$WORK/soak.sqlite-wal" 2>/dev/null | cut -f1 || true)

echo "== stopping the server (SIGTERM)"
kill -TERM "$SERVER_PID"
code=0
wait "$SERVER_PID" || code=$?
SERVER_PID=""
echo "   exit code $code; ledger $(du -h "$WORK/soak.sqlite" | cut -f1) (WAL ${wal:-none} before shutdown); server log lines at warning or above: $(wc -l < "$WORK/server.err")"
grep -m3 -E "error|critical" "$WORK/server.err" | sed 's/^/   /' || true
if [ "$code" -ne 0 ]; then echo "soak: FAIL (the server exited $code on SIGTERM)"; status=1; fi
exit "$status"
