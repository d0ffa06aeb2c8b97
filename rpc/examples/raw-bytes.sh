#!/usr/bin/env bash
# Talk to `hazard serve` with nothing but printf, a shell and python one-liners, so you can
# see the bytes of the protocol (rpc/PROTOCOL.md): a 4-byte big-endian length, then JSON.
#
#   hazard serve &                       # 127.0.0.1:7420, unauthenticated, loopback only
#   rpc/examples/raw-bytes.sh [HOST] [PORT]
set -euo pipefail
HOST="${1:-127.0.0.1}"
PORT="${2:-7420}"

# 1. Build a frame by hand. The payload is 47 bytes = 0x2f, so the header is 00 00 00 2f.
payload='{"jsonrpc":"2.0","id":1,"method":"engine.info"}'
printf 'payload: %s (%d bytes)\n' "$payload" "${#payload}"
frame() { python3 -c 'import struct,sys; p=sys.argv[1].encode(); sys.stdout.buffer.write(struct.pack(">I",len(p))+p)' "$1"; }
echo "frame bytes:"
frame "$payload" | od -An -tx1 | head -2

# 2. Send it with bash's /dev/tcp and read one response frame back: 4 bytes of length, then the body.
exec 3<>"/dev/tcp/$HOST/$PORT"
frame "$payload" >&3
read_frame() {  # unbuffered, so it takes exactly one frame off the socket and leaves the rest
  python3 -c '
import os, struct
def exactly(k):
    b = b""
    while len(b) < k:
        chunk = os.read(0, k - len(b))
        if not chunk: raise SystemExit("connection closed")
        b += chunk
    return b
(n,) = struct.unpack(">I", exactly(4))
print(f"response header: {n} bytes follow")
print(exactly(n).decode())' <&3
}
read_frame

# 3. The same with printf only: the header written as octal escapes (\000\000\000\057 = 47).
printf '\000\000\000\057{"jsonrpc":"2.0","id":2,"method":"engine.info"}' >&3
read_frame

# 4. Grade an inspection: two answers of the gas checklist; the rest stay unanswered.
frame '{"jsonrpc":"2.0","id":3,"method":"hazard.grade","params":{"checklist":"urban-gas-2023","answers":{"operates_stations":true,"has_emergency_plan":false}}}' >&3
read_frame | python3 -c 'import json,sys; lines=sys.stdin.read().split("\n",1); print(lines[0]); r=json.loads(lines[1])["result"]; print("rating:", r["rating"], "counts:", r["counts"])'

# 5. Two requests pipelined in one write, then a notification (no id: no answer) and a batch.
{ frame '{"jsonrpc":"2.0","id":"a","method":"checklists.list"}'; frame '{"jsonrpc":"2.0","id":"b","method":"no.such.method"}'; } >&3
read_frame | tail -1 | cut -c1-160
read_frame
frame '{"jsonrpc":"2.0","method":"engine.info"}' >&3
frame '[{"jsonrpc":"2.0","id":10,"method":"engine.info"},{"jsonrpc":"2.0","id":11,"method":"checklists.get","params":{"id":42}}]' >&3
read_frame | cut -c1-240

# 6. Not JSON: a parse error (-32700) and the connection stays open.
frame '{"jsonrpc": "2.0", "id": 4,' >&3
read_frame

# 7. A zero-length frame is a protocol error: one error frame, then the server closes.
printf '\000\000\000\000' >&3
read_frame
exec 3<&-
