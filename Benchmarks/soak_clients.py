#!/usr/bin/env python3
"""The soak's clients (driven by Benchmarks/run-soak.sh): well-behaved workers doing mixed
ledger and grading traffic beside a hostile client cycling attacks, while the server's RSS
is sampled. Prints requests per method, well-behaved errors, p50/p99 latency, RSS after
warm-up and at the end, and PASS/FAIL; exits 1 on FAIL.

    soak_clients.py --port P --pid PID --tokens tokens.json --examples examples.json --seconds S

Well-behaved clients connect from 127.0.0.1; the hostile one from 127.0.0.2 … 127.0.0.9
(all of 127/8 is loopback on Linux), so per-address limits fall on the attacker the way they
would on a real network rather than on everyone sharing one loopback address."""
import argparse
import datetime
import json
import multiprocessing
import os
import random
import select
import socket
import struct
import sys
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rpc", "python"))
from hazard_rpc import HazardClient, HazardRPCError, HazardProtocolError, encode_frame  # noqa: E402

HOST = "127.0.0.1"
# Every well-behaved connection is dropped and re-made (and re-authenticated) this often, so
# connection churn and admission are part of the soak.
RECONNECT_EVERY_CYCLES = 25
# Districts of Suzhou, one per worker (its enterprise's region).
REGIONS = ["320581", "320582", "320583", "320585", "320506", "320507", "320508", "320509"]


# -- well-behaved workers -----------------------------------------------------------------

class Recorder:
    """Latency (seconds) per method, errors with their first messages."""

    SLOW = 1.0

    def __init__(self, start):
        self.start = start
        self.latency = {}
        self.errors = {}
        self.slow = []  # (seconds since the soak started, method, seconds taken) past SLOW

    def timed(self, method, call):
        started = time.monotonic()
        try:
            result = call()
        except Exception as error:  # any failure of a well-behaved request is a soak error
            self.errors.setdefault(method, []).append(f"{type(error).__name__}: {error}"[:300])
            raise
        took = time.monotonic() - started
        self.latency.setdefault(method, []).append(took)
        if took > self.SLOW:
            self.slow.append((started - self.start, method, took))
        return result


def uscc(prefix17):
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    check = 31 - sum(alphabet.index(c) * w for c, w in zip(prefix17, weights)) % 31
    return prefix17 + alphabet[0 if check == 31 else check]


class Principals:
    """One authenticated connection per role the worker plays."""

    def __init__(self, port, tokens, recorder):
        self.port, self.tokens, self.recorder = port, tokens, recorder
        self.clients = {}

    def get(self, role):
        if role not in self.clients:
            client = self.recorder.timed("connect+session.authenticate",
                                         lambda: HazardClient(HOST, self.port, timeout=30, token=self.tokens[role]))
            self.clients[role] = client
        return self.clients[role]

    def call(self, role, method, params):
        client = self.get(role)
        try:
            return self.recorder.timed(method, lambda: client.call(method, params))
        except (OSError, HazardProtocolError):
            self.drop(role)
            raise

    def drop(self, role):
        client = self.clients.pop(role, None)
        if client:
            client.close()

    def close(self):
        for role in list(self.clients):
            self.drop(role)


def worker(index, port, tokens, examples, start, deadline, rate, out_path):
    recorder = Recorder(start)
    rng = random.Random(index)
    principals = Principals(port, tokens, recorder)
    enterprise = uscc(f"913205{index:02d}MA1PY0000")
    region = REGIONS[index % len(REGIONS)]
    today = datetime.date.today()
    cycles = 0
    try:
        principals.call("admin", "enterprises.register",
                        {"uscc": enterprise, "name": f"浸泡测试企业{index}", "region": region,
                         "sectors": sorted({e["sector"] for e in examples})})
        while time.monotonic() < deadline:
            started = time.monotonic()
            cycles += 1
            try:
                cycle(principals, rng, examples, enterprise, region, today)
            except (HazardRPCError, HazardProtocolError, OSError):
                pass  # recorded by Recorder; the worker carries on with fresh connections
            except Exception:
                recorder.errors.setdefault("worker", []).append(traceback.format_exc()[-300:])
            if cycles % RECONNECT_EVERY_CYCLES == 0:
                principals.close()
            if rate > 0:
                time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - started)))
    finally:
        principals.close()
        with open(out_path, "w", encoding="utf-8") as f:
            json.dump({"latency": recorder.latency, "errors": recorder.errors, "slow": recorder.slow, "cycles": cycles}, f)


def cycle(p, rng, examples, enterprise, region, today):
    """One round of an inspection office's day: grade every shipped example, record one
    inspection, take one of its hazards through plan → rectify → verify (three different
    principals: reader, inspector, department), list, and dispatch."""
    for example in examples:
        p.call("reader", "hazard.grade", {"checklist": example["checklist"], "answers": example["answers"],
                                          "inspection_date": example["inspection_date"],
                                          "detail": rng.choice(["full", "hazards", "summary"])})
    example = rng.choice(examples)
    recorded = p.call("inspector", "inspection.record", {
        "checklist": example["checklist"], "answers": example["answers"], "inspection_date": example["inspection_date"],
        "enterprise": enterprise, "inspectors": ["检查员甲", "检查员乙"], "signed_by": "检查员甲"})
    if recorded["hazards"]:
        hazard = rng.choice(recorded["hazards"])
        deadline = (today + datetime.timedelta(days=30)).isoformat()
        p.call("inspector", "hazards.plan", {"id": hazard["id"], "responsible": "王五", "measures": "整改", "funds": "1万元",
                                             "deadline": deadline, "contingency": "停用"})
        p.call("inspector", "hazards.rectify", {"id": hazard["id"], "note": "已整改"})
        closed = p.call("department", "hazards.verify", {"id": hazard["id"], "note": "复查合格"})["hazard"]
        if closed["status"] != "closed":
            raise AssertionError(f"verified hazard is {closed['status']}")
        p.call("reader", "hazards.get", {"id": hazard["id"]})
    p.call("reader", "hazards.list", {"enterprise": enterprise, "limit": 50})
    p.call("reader", "checklists.list", {})
    p.call("department", "reports.dispatch", {"from": (today - datetime.timedelta(days=400)).isoformat(),
                                              "region": region, "sector": example["sector"]})


# -- the hostile client -------------------------------------------------------------------

def hostile(port, tokens, start, deadline, out_path):
    """Cycles attacks until the deadline, each bounded to a few seconds; counts what the
    server answered (an attack's own failures are expected and only counted)."""
    counts = {}
    timeline = []  # (start, end) seconds since the soak started, attack name
    rng = random.Random(99)

    def note(key):
        counts[key] = counts.get(key, 0) + 1

    attacks = [pipeline_without_reading, oversized_batches, half_sent_frames, wrong_token_flood, unauthenticated_flood]
    n = 0
    while time.monotonic() < deadline:
        attack = attacks[n % len(attacks)]
        n += 1
        source = f"127.0.0.{2 + n % 8}"
        began = time.monotonic() - start
        try:
            attack(port, tokens, source, note, rng, deadline)
            note(f"{attack.__name__}: runs")
        except Exception as error:
            note(f"{attack.__name__}: {type(error).__name__}")
        timeline.append((began, time.monotonic() - start, attack.__name__))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"counts": counts, "timeline": timeline}, f)


# The insider: a valid (reader) token, used from an address that never sends a wrong one,
# so the per-address wrong-token throttle the other attacks provoke never refuses it.
INSIDER = "127.0.0.10"


def connect(port, source, timeout=10):
    return socket.create_connection((HOST, port), timeout=timeout, source_address=(source, 0))


def read_frame(sock):
    """One frame's JSON, or None once the server closed."""
    def exactly(n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                return None
            data += chunk
        return data
    head = exactly(4)
    if head is None:
        return None
    body = exactly(struct.unpack(">I", head)[0])
    return None if body is None else json.loads(body)


def error_code(frame):
    if isinstance(frame, dict) and "error" in frame:
        return frame["error"]["code"]
    return None


def authenticate(sock, token):
    sock.sendall(encode_frame({"jsonrpc": "2.0", "id": 0, "method": "session.authenticate", "params": {"token": token}}))
    answer = read_frame(sock)
    if not (isinstance(answer, dict) and "result" in answer):
        raise RuntimeError(f"the insider's token was refused: {answer}")
    return answer


def pipeline_without_reading(port, tokens, source, note, rng, deadline):
    """An authenticated client that pipelines grading requests and never reads: the server
    must stop reading it at its output high-water mark and not hold more for it."""
    with connect(port, INSIDER) as sock:
        authenticate(sock, tokens["mallory"])
        frame = encode_frame({"jsonrpc": "2.0", "id": 1, "method": "checklists.get", "params": {"id": "urban-gas-2023"}})
        burst = frame * 64
        sock.setblocking(False)
        quiet_since = time.monotonic()
        pending = b""
        while time.monotonic() - quiet_since < 2.0 and time.monotonic() < deadline:
            pending = pending or burst
            _, writable, _ = select.select([], [sock], [], 0.1)
            if writable:
                try:
                    sent = sock.send(pending)
                except BlockingIOError:
                    sent = 0
                if sent:
                    pending = pending[sent:]
                    quiet_since = time.monotonic()
        note("pipeline_without_reading: pushed back")
        time.sleep(2)


def oversized_batches(port, tokens, source, note, rng, deadline):
    """Batches of 1,000 `checklists.get` (the biggest documents): the answer passes
    `max_response` and later entries come back -32013; 1,001 entries are -32600; a frame
    over `max_frame` is -32010 and the connection closes."""
    with connect(port, INSIDER, timeout=60) as sock:
        authenticate(sock, tokens["mallory"])
        checklist = rng.choice(["hazchem-2017", "urban-gas-2023", "fire-gb35181-2025", "coal-2026"])
        batch = [{"jsonrpc": "2.0", "id": i, "method": "checklists.get", "params": {"id": checklist}} for i in range(1000)]
        sock.sendall(encode_frame(batch))
        answer = read_frame(sock)
        if isinstance(answer, list):
            cut = any(error_code(a) == -32013 for a in answer)
            note("oversized_batches: 1000 entries -> " + ("past max_response, -32013" if cut else "answered in full"))
        sock.sendall(encode_frame(batch + batch[:1]))
        note(f"oversized_batches: 1001 entries -> {error_code(read_frame(sock))}")
        sock.sendall(struct.pack(">I", (1 << 20) + 1) + b"{" * 1024)
        note(f"oversized_batches: over max_frame -> {error_code(read_frame(sock))}")


def half_sent_frames(port, tokens, source, note, rng, deadline):
    """Connections that announce a frame and send only part of it, then stall: held until
    the server's deadlines close them (auth timeout for these unauthenticated ones)."""
    socks = []
    try:
        for _ in range(12):
            sock = connect(port, source)
            sock.sendall(struct.pack(">I", 4000) + b'{"jsonrpc":"2.0","id":1,"method":"engine.info"')
            socks.append(sock)
        # Authenticated ones too, which only the idle timeout closes; hold them a while.
        sock = connect(port, INSIDER)
        authenticate(sock, tokens["mallory"])
        sock.sendall(struct.pack(">I", 4000) + b'{"jsonrpc":')
        socks.append(sock)
        time.sleep(min(4.0, max(0.0, deadline - time.monotonic())))
        note("half_sent_frames: held")
    finally:
        for sock in socks:
            sock.close()


def wrong_token_flood(port, tokens, source, note, rng, deadline):
    """Connections that each guess tokens: closed after the fifth wrong one; past the
    per-address budget the server answers with `retry_after_seconds`, unchecked."""
    for _ in range(8):
        with connect(port, source) as sock:
            batch = [{"jsonrpc": "2.0", "id": i, "method": "session.authenticate", "params": {"token": f"guess-{rng.random()}"}}
                     for i in range(7)]
            sock.sendall(encode_frame(batch))
            answer = read_frame(sock)
            throttled = isinstance(answer, list) and any("retry_after_seconds" in (a.get("error", {}).get("data") or {}) for a in answer)
            note("wrong_token_flood: throttled" if throttled else "wrong_token_flood: refused")
            if read_frame(sock) is None:
                note("wrong_token_flood: closed after 5")


def unauthenticated_flood(port, tokens, source, note, rng, deadline):
    """More unauthenticated connections from one address than it may hold: past
    `max_unauthenticated_per_address` each gets -32011 and is closed."""
    socks = []
    try:
        for _ in range(24):
            sock = connect(port, source)
            socks.append(sock)
        for sock in socks:
            sock.sendall(encode_frame({"jsonrpc": "2.0", "id": 1, "method": "engine.info", "params": {}}))
        for sock in socks:
            note(f"unauthenticated_flood: {error_code(read_frame(sock)) or 'answered'}")
        time.sleep(min(2.0, max(0.0, deadline - time.monotonic())))
    finally:
        for sock in socks:
            sock.close()


# -- the run --------------------------------------------------------------------------------

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's pid, for VmRSS")
    parser.add_argument("--tokens", required=True, help="JSON: role -> token in clear")
    parser.add_argument("--examples", required=True, help="JSON list of {checklist, sector, inspection_date, answers}")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--warmup", type=float, help="RSS reference point (default 60 s, or a third of a short run)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--hostile", type=int, default=1, choices=[0, 1], help="0: no attacker (to tell its effect apart)")
    parser.add_argument("--rate", type=float, default=4.0, help="cycles per second per worker (0: as fast as possible)")
    parser.add_argument("--sample-every", type=float, default=3.0)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()
    tokens = json.load(open(args.tokens))
    examples = json.load(open(args.examples))
    warmup = args.warmup if args.warmup is not None else min(60.0, args.seconds / 3)

    start = time.monotonic()
    deadline = start + args.seconds
    processes = []
    for i in range(args.workers):
        processes.append(multiprocessing.Process(target=worker, args=(i, args.port, tokens, examples, start, deadline, args.rate,
                                                                      os.path.join(args.workdir, f"worker-{i}.json"))))
    if args.hostile:
        processes.append(multiprocessing.Process(target=hostile, args=(args.port, tokens, start, deadline,
                                                                       os.path.join(args.workdir, "hostile.json"))))
    for p in processes:
        p.start()

    samples = []  # (seconds since start, KiB)
    while time.monotonic() < deadline:
        samples.append((time.monotonic() - start, rss_kib(args.pid)))
        time.sleep(min(args.sample_every, max(0.0, deadline - time.monotonic())))
    for p in processes:
        p.join(timeout=120)
    samples.append((time.monotonic() - start, rss_kib(args.pid)))
    alive = os.path.exists(f"/proc/{args.pid}")

    latency, errors, slow, cycles = {}, {}, [], 0
    missing = []
    for i in range(args.workers):
        path = os.path.join(args.workdir, f"worker-{i}.json")
        if not os.path.exists(path):
            missing.append(i)
            continue
        data = json.load(open(path))
        cycles += data["cycles"]
        slow.extend(data["slow"])
        for method, values in data["latency"].items():
            latency.setdefault(method, []).extend(values)
        for method, messages in data["errors"].items():
            errors.setdefault(method, []).extend(messages)
    hostile_path = os.path.join(args.workdir, "hostile.json")
    hostile_run = json.load(open(hostile_path)) if os.path.exists(hostile_path) else {"counts": {}, "timeline": []}
    hostile_counts = hostile_run["counts"]

    elapsed = samples[-1][0]
    print(f"== soak: {elapsed / 60:.1f} min, {args.workers} well-behaved worker processes ({cycles} cycles), {args.hostile} hostile")
    print(f"{'method':<30} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8}")
    all_latency = []
    for method in sorted(set(latency) | set(errors)):
        values = latency.get(method, [])
        all_latency.extend(values)
        print(f"{method:<30} {len(values) + len(errors.get(method, [])):>9} {len(errors.get(method, [])):>7} "
              f"{percentile(values, 0.5) * 1000:>8.2f} {percentile(values, 0.99) * 1000:>8.2f}")
    total_errors = sum(len(v) for v in errors.values()) + len(missing)
    print(f"{'all':<30} {len(all_latency) + total_errors:>9} {total_errors:>7} "
          f"{percentile(all_latency, 0.5) * 1000:>8.2f} {percentile(all_latency, 0.99) * 1000:>8.2f}")
    print(f"   {len(all_latency) / elapsed:.0f} well-behaved requests/s")
    for method, messages in errors.items():
        print(f"   error in {method}: {messages[0]}" + (f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""))
    if missing:
        print(f"   workers without results (crashed or hung): {missing}")
    if all_latency:
        print(f"   slowest: {max(all_latency) * 1000:.0f} ms; {len(slow)} requests over {Recorder.SLOW:g} s")

    def attack_at(t):
        return ", ".join(name for began, ended, name in hostile_run["timeline"] if began <= t <= ended) or "none"
    for t, method, took in sorted(slow, key=lambda s: -s[2])[:5]:
        print(f"     {method} at {t:.1f} s took {took * 1000:.0f} ms (attack running: {attack_at(t)})")
    print("== hostile client: what the server answered")
    for key in sorted(hostile_counts):
        print(f"   {key}: {hostile_counts[key]}")

    # The reference is the sample nearest the warm-up point; "end" is the larger of the last
    # sample under load and the one after every client stopped, so neither hides growth.
    reference = min(samples, key=lambda s: abs(s[0] - warmup))
    under_load, quiet = samples[-2], samples[-1]
    end = max(under_load, quiet, key=lambda s: s[1])
    peak = max(samples, key=lambda s: s[1])
    growth = (end[1] - reference[1]) / reference[1] if reference[1] else float("inf")
    print(f"== server RSS (VmRSS, {len(samples)} samples every {args.sample_every:g} s)")
    print(f"   after warm-up ({reference[0]:.0f} s): {reference[1] / 1024:.1f} MiB; end: {under_load[1] / 1024:.1f} MiB under load "
          f"({under_load[0]:.0f} s), {quiet[1] / 1024:.1f} MiB once the clients stopped → {growth:+.1%}; "
          f"peak {peak[1] / 1024:.1f} MiB at {peak[0]:.0f} s")
    # Diagnostic only (not the PASS rule): transient buffers (a 16 MiB batch answer, 1 MiB
    # held for a client that does not read) lift single samples; a leak lifts the floor.
    window = min(60.0, args.seconds / 4)
    early = [kib for t, kib in samples if warmup <= t <= warmup + window]
    late = [kib for t, kib in samples[:-1] if t >= args.seconds - window]
    if early and late:
        print(f"   floor (lowest sample) over {window:.0f} s: {min(early) / 1024:.1f} MiB after warm-up, "
              f"{min(late) / 1024:.1f} MiB at the end ({(min(late) - min(early)) / min(early):+.1%})")
    trail = samples[::max(1, len(samples) // 10)]
    print("   " + "  ".join(f"{t:.0f}s:{kib / 1024:.0f}" for t, kib in trail))
    with open(os.path.join(args.workdir, "rss.tsv"), "w") as f:
        f.writelines(f"{t:.1f}\t{kib}\n" for t, kib in samples)

    # Shrinking is not a leak: only growth past 10 % fails.
    ok = total_errors == 0 and alive and growth <= 0.10 and not any(p.exitcode for p in processes)
    reasons = []
    if total_errors:
        reasons.append(f"{total_errors} well-behaved errors")
    if not alive:
        reasons.append("server died")
    if growth > 0.10:
        reasons.append(f"end RSS {growth:+.1%} from after warm-up")
    if any(p.exitcode for p in processes):
        reasons.append("a client process failed")
    print(f"soak: {'PASS' if ok else 'FAIL'} (0 well-behaved errors, end RSS at most 10 % above after-warm-up)"
          + ("" if ok else ": " + "; ".join(reasons)))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
