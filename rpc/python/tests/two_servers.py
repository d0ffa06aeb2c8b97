#!/usr/bin/env python3
"""Two real `hazard serve` processes on one PostgreSQL ledger, driven by 8 client threads.

    HAZARD_TEST_POSTGRES=postgres://… python3 rpc/python/tests/two_servers.py

Each thread records inspections and moves their hazards through plan → rectify → verify on
both servers, and races: three clients rectify the same hazard at once on different servers,
then two verify it — exactly one of each wins, the others get -32004. Afterwards every
acknowledged inspection and hazard is in `hazards.list` exactly once with the status its last
acknowledged transition gave it, `reports.dispatch` counts what was acknowledged, and
`hazard ledger verify-chain` passes. Then one server is killed with SIGKILL while clients
write through both: the other keeps serving, every write acknowledged before the kill is
there, and the chain still verifies.

HAZARD_TWO_SERVER_SECONDS (default 30) sets the first phase's length. Without
HAZARD_TEST_POSTGRES the test is skipped (exit 0), unless CI=true or HAZARD_REQUIRE_POSTGRES=1:
then it fails.
"""
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

from server import FIXTURES, gas_request, hazard_binary, uscc
from hazard_rpc import HazardClient, HazardRPCError

ILLEGAL_TRANSITION = -32004
WORKERS = 8
TOKENS = {
    # A token is a person (acts_for_several false), so the four-eyes rule tells the inspector
    # who rectifies from the department that verifies by token.
    "inspector-a": "inspector", "inspector-b": "inspector", "inspector-c": "inspector",
    "department-a": "department", "department-b": "department",
    "admin": "admin",
}
REGION = "320581"


def fail(message):
    print(f"two_servers: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


class Serve:
    """One `hazard serve --database postgres://…` on port 0."""

    def __init__(self, database, token_file, name):
        self.name = name
        self.log = open(os.path.join(os.path.dirname(token_file), f"{name}.log"), "w")
        self.process = subprocess.Popen(
            [hazard_binary(), "serve", "--port", "0", "--database", database, "--checklists", FIXTURES,
             "--auth", token_file, "--log-level", "error"],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                fail(f"{name} exited before listening (see {self.log.name})")
            if "listening on" in line:
                self.port = int(line.split("listening on ")[1].split()[0].rsplit(":", 1)[1])
                # Keep draining stdout so a chatty server never blocks on a full pipe.
                threading.Thread(target=self.process.stdout.read, daemon=True).start()
                return
        fail(f"{name} did not report its port")

    def client(self, token):
        return HazardClient("127.0.0.1", self.port, token=f"{token}-secret", timeout=60)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                code = self.process.wait()
            if code != 0:
                fail(f"{self.name} exited {code} on SIGTERM (see {self.log.name})")


class Acknowledged:
    """What the servers acknowledged: inspection ids, each hazard's grade and the status its
    last acknowledged write gave it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.inspections = set()
        self.hazards = {}  # id -> {"grade", "status", "rectified"}
        self.races = 0

    def record(self, inspection, hazards):
        with self.lock:
            if inspection in self.inspections:
                fail(f"inspection {inspection} acknowledged twice")
            self.inspections.add(inspection)
            for h in hazards:
                if h["id"] in self.hazards:
                    fail(f"hazard {h['id']} acknowledged twice")
                self.hazards[h["id"]] = {"grade": h["grade"], "status": h["status"], "rectified": False, "inspection": inspection}

    def moved(self, hazard):
        with self.lock:
            entry = self.hazards[hazard["id"]]
            entry["status"] = hazard["status"]
            entry["rectified"] = entry["rectified"] or hazard["status"] in ("rectified", "closed")


def race(servers, token_names, call):
    """Runs `call(client)` at once from one client per token, alternating servers; returns
    (results, error codes)."""
    clients = [servers[i % len(servers)].client(token) for i, token in enumerate(token_names)]
    barrier = threading.Barrier(len(clients))
    results, codes = [], []
    lock = threading.Lock()

    def run(client):
        barrier.wait()
        try:
            result = call(client)
            with lock:
                results.append(result)
        except HazardRPCError as error:
            with lock:
                codes.append(error.code)

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    return results, codes


def plan(client, hazard):
    return client.hazards_plan(hazard["id"], responsible="王五", measures="更换报警器", funds="1万元",
                               deadline="2027-12-31", contingency="停用该区域")


def worker(index, servers, ack, stop, errors, racing=True):
    """Records inspections and moves hazards until `stop` is set. Writes to a server that
    died end the thread quietly (their acknowledgements are already counted)."""
    params = gas_request()
    code = uscc(f"91320581MA{index:07d}")
    rng = random.Random(index)
    try:
        inspectors = [s.client(f"inspector-{'ab'[index % 2]}") for s in servers]
        departments = [s.client(f"department-{'ab'[index % 2]}") for s in servers]
        inspectors[0].enterprises_register(code, f"燃气公司{index}", REGION, sectors=["gas"])
        round_ = 0
        while not stop.is_set():
            here, there = round_ % len(servers), (round_ + 1) % len(servers)
            recorded = inspectors[here].inspection_record(params["checklist"], params["answers"], code,
                                                          params["inspection_date"], inspectors=["张三"])
            ack.record(recorded["inspection"], recorded["hazards"])
            major = [h for h in recorded["hazards"] if h["grade"] == "major"]
            general = [h for h in recorded["hazards"] if h["grade"] == "general"]
            if racing and major and len(servers) > 1:
                target = major[0]
                ack.moved(plan(inspectors[there], target))
                wins, codes = race(servers, ["inspector-a", "inspector-b", "inspector-c"],
                                   lambda c: c.hazards_rectify(target["id"]))
                if len(wins) != 1 or codes != [ILLEGAL_TRANSITION] * 2:
                    fail(f"rectify race on {target['id']}: {len(wins)} won, errors {codes}")
                ack.moved(wins[0]["hazard"] if "hazard" in wins[0] else wins[0])
                wins, codes = race(servers, ["department-a", "department-b"],
                                   lambda c: c.hazards_verify(target["id"]))
                if len(wins) != 1 or codes != [ILLEGAL_TRANSITION]:
                    fail(f"verify race on {target['id']}: {len(wins)} won, errors {codes}")
                ack.moved(wins[0]["hazard"] if "hazard" in wins[0] else wins[0])
                with ack.lock:
                    ack.races += 2
            for h in general:
                step = rng.randrange(4)  # 0: left reported, 1: planned, 2: rectified, 3: closed
                if step >= 1:
                    ack.moved(plan(inspectors[there], h))
                if step >= 2:
                    ack.moved(inspectors[here].hazards_rectify(h["id"]))
                if step >= 3:
                    ack.moved(departments[there].hazards_verify(h["id"]))
            round_ += 1
    except (OSError, ConnectionError) as error:
        if racing:
            errors.append(f"worker {index}: {error!r}")
    except HazardRPCError as error:
        errors.append(f"worker {index}: {error} {error.data}")
    except Exception as error:  # protocol errors after a kill
        if racing:
            errors.append(f"worker {index}: {error!r}")


def run_phase(servers, ack, seconds, racing=True, during=None):
    """With `racing`, every worker uses both servers; without (the kill phase), worker i uses
    only server i % 2, so the survivor's workers keep writing after the other dies."""
    stop = threading.Event()
    errors = []
    threads = [threading.Thread(target=worker, args=(i if racing else 100 + i, servers if racing else [servers[i % 2]],
                                                     ack, stop, errors, racing)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    if during:
        during()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return errors


def check_ledger(server, database, ack, in_flight=0):
    """`in_flight`: writes that may have committed without their acknowledgement arriving (a
    server killed between commit and reply); the dispatch counts may exceed the acknowledged ones
    by what that many writes can add, never fall short of them."""
    with server.client("admin") as admin:
        listed = {}
        offset = 0
        while True:
            page = admin.hazards_list(open_only=False, limit=1000, offset=offset)
            for h in page:
                if h["id"] in listed:
                    fail(f"hazard {h['id']} listed twice")
                listed[h["id"]] = h
            if len(page) < 1000:
                break
            offset += 1000
        for hazard_id, expected in ack.hazards.items():
            found = listed.get(hazard_id)
            if found is None:
                fail(f"acknowledged hazard {hazard_id} is missing")
            if found["status"] != expected["status"]:
                fail(f"hazard {hazard_id} is {found['status']}, its last acknowledged write left it {expected['status']}")
        inspections = {h["inspection"] for h in listed.values()}
        missing = ack.inspections - inspections
        if missing:
            fail(f"acknowledged inspections missing: {sorted(missing)[:5]}")
        report = admin.reports_dispatch(region=REGION, sector="gas")
        gas = [line for line in report["by_sector"] if line["key"] == "gas"]
        expected = {
            "major": sum(1 for h in ack.hazards.values() if h["grade"] == "major"),
            "general": sum(1 for h in ack.hazards.values() if h["grade"] == "general"),
            "major_rectified": sum(1 for h in ack.hazards.values() if h["grade"] == "major" and h["rectified"]),
            "general_rectified": sum(1 for h in ack.hazards.values() if h["grade"] == "general" and h["rectified"]),
        }
        got = {k: gas[0][k] for k in expected} if gas else None
        per_write = max([sum(1 for h in ack.hazards.values() if h["inspection"] == i) for i in ack.inspections] or [0])
        slack = in_flight * per_write
        if got is None or any(not (expected[k] <= got[k] <= expected[k] + slack) for k in expected):
            fail(f"reports.dispatch by_sector gas {got}, acknowledged {expected} (+ at most {slack} unacknowledged)")
    return len(listed)


def token_file_with(folder):
    """A token file in `folder` for TOKENS; each token's secret is its name + "-secret"."""
    path = os.path.join(folder, "tokens.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"tokens": [{"name": name, "role": role, "sha256": hashlib.sha256(f"{name}-secret".encode()).hexdigest()}
                              for name, role in TOKENS.items()]}, f)
    return path


def verify_chain(database):
    done = subprocess.run([hazard_binary(), "ledger", "verify-chain", "--database", database, "--format", "json"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"verify-chain exited {done.returncode}: {done.stdout}{done.stderr}")
    report = json.loads(done.stdout)
    if not report["intact"]:
        fail(f"verify-chain: {report['problems'][:3]}")
    return report["events"]


def main():
    base = os.environ.get("HAZARD_TEST_POSTGRES")
    if not base:
        if os.environ.get("CI") == "true" or os.environ.get("HAZARD_REQUIRE_POSTGRES") == "1":
            fail("HAZARD_TEST_POSTGRES is not set (start a cluster with Tests/Support/postgres-cluster.sh)")
        print("two_servers: skipped (no HAZARD_TEST_POSTGRES)")
        return
    seconds = float(os.environ.get("HAZARD_TWO_SERVER_SECONDS", "30"))
    schema = f"two_servers_{os.getpid()}"
    database = base + ("&" if "?" in base else "?") + f"schema={schema}"
    with tempfile.TemporaryDirectory(prefix="hazard-two-servers-") as tmp:
        token_file = token_file_with(tmp)
        servers = [Serve(database, token_file, "server-a"), Serve(database, token_file, "server-b")]
        try:
            ack = Acknowledged()
            errors = run_phase(servers, ack, seconds)
            if errors:
                fail("; ".join(errors[:5]))
            hazards = check_ledger(servers[1], database, ack)
            events = verify_chain(database)
            print(f"two_servers: {len(ack.inspections)} inspections, {hazards} hazards, {ack.races} races "
                  f"(one winner each), {events} events, chain intact, dispatch report matches")

            # Phase two: SIGKILL server A while 8 clients write through both.
            before = len(ack.inspections)
            at_kill = []

            def kill():
                servers[0].kill()
                with ack.lock:
                    at_kill.append(len(ack.inspections))

            killer = threading.Timer(max(1.0, seconds / 6), kill)
            run_phase(servers, ack, max(3.0, seconds / 3), racing=False, during=killer.start)
            killer.join()
            if not at_kill or len(ack.inspections) <= at_kill[0]:
                fail("server B acknowledged no write after server A was killed")
            # Each client has one request in flight at most; those on A when it died may have
            # committed without an answer. Nothing acknowledged may be missing.
            check_ledger(servers[1], database, ack, in_flight=WORKERS)
            events = verify_chain(database)
            print(f"two_servers: server A killed (SIGKILL); server B kept serving: {len(ack.inspections) - before} more "
                  f"inspections acknowledged, all present, {events} events, chain intact")
        finally:
            for s in servers:
                s.stop()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
