"""Hostile clients against a real server (rpc/PROTOCOL.md §5): each test attacks one limit
and checks that the attacker gets what the protocol promises, that the server stays up, and
that a well-behaved client on another connection is still served.

The bounds here are liveness bounds (generous, several times what the server needs on a
loaded 2-core machine), not speed targets: speed is held by `make bench`."""
import hashlib
import json
import os
import select
import signal
import socket
import struct
import subprocess
import time
import unittest

from server import Server, gas_request, uscc
from hazard_rpc import HazardClient, HazardRPCError, HazardProtocolError, encode_frame

# How long a well-behaved client may wait for any answer, and how long past a configured
# deadline the server may take to act on it, before the test calls it a failure.
SERVED_WITHIN = 15.0
MARGIN = 10.0


def served(port, token=None):
    """A fresh, well-behaved client's round trip: engine.info and a grading."""
    with HazardClient("127.0.0.1", port, timeout=SERVED_WITHIN, token=token) as c:
        assert c.engine_info()["protocol"] == 1
        params = gas_request()
        result = c.grade(params["checklist"], params["answers"], params["inspection_date"], detail="summary")
        assert result["rating"]["level"] == "red", result["rating"]
    return True


def read_frames_until_eof(sock, deadline):
    """Every frame the server sends until it closes, parsed; fails past `deadline`."""
    data = bytearray()
    while True:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = sock.recv(1 << 16)
        if not chunk:
            break
        data += chunk
    frames = []
    while data:
        (length,) = struct.unpack(">I", data[:4])
        frames.append(json.loads(bytes(data[4:4 + length]).decode("utf-8")))
        del data[:4 + length]
    return frames


def request(rid, method, params=None):
    return {"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}}


def assert_running(test, server):
    test.assertIsNone(server.process.poll(), "the server exited")


class HalfClose(unittest.TestCase):
    """(a) A client that sends its requests and shuts down its sending side gets every answer,
    in order, before the server closes."""

    def test_half_closed_client_gets_its_answers(self):
        code = uscc("91320581MA1PY0001")
        params = gas_request()
        with Server() as server:
            with HazardClient("127.0.0.1", server.port) as setup:
                setup.enterprises_register(code, "半关闭测试公司", "320581", sectors=["gas"])
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=SERVED_WITHIN)
            try:
                grade = {"checklist": params["checklist"], "answers": params["answers"], "inspection_date": params["inspection_date"]}
                record = dict(grade, enterprise=code)
                # An answer on the event loop, one from a ledger task, a batch run off the event
                # loop (more than 32 entries), then another answer queued behind them.
                frames = [request(1, "hazard.grade", grade), request(2, "inspection.record", record),
                          [request(100 + i, "checklists.get", {"id": "urban-gas-2023"}) for i in range(40)],
                          request(3, "engine.info")]
                sock.sendall(b"".join(encode_frame(f) for f in frames))
                sock.shutdown(socket.SHUT_WR)
                answers = read_frames_until_eof(sock, time.monotonic() + SERVED_WITHIN)
            finally:
                sock.close()
            self.assertEqual(len(answers), 4, [a if isinstance(a, list) else a.get("id") for a in answers])
            self.assertEqual(answers[0]["id"], 1)
            self.assertEqual(answers[0]["result"]["rating"]["level"], "red")
            self.assertEqual(answers[1]["id"], 2)
            self.assertGreater(len(answers[1]["result"]["hazards"]), 0)
            self.assertEqual(sorted(a["id"] for a in answers[2]), list(range(100, 140)))
            self.assertTrue(all("result" in a for a in answers[2]))
            self.assertEqual(answers[3]["id"], 3)
            self.assertEqual(answers[3]["result"]["protocol"], 1)
            assert_running(self, server)
            self.assertTrue(served(server.port))
        self.assertEqual(server.exit_code, 0)


class IdleTimeoutDuringWork(unittest.TestCase):
    """(b) The idle timeout counts the client's silence, not the server's work: a batch of
    `inspection.record` that runs longer than the timeout is answered in full."""

    IDLE = 1.0

    def test_long_batch_outlives_the_idle_timeout(self):
        code = uscc("91320581MA1PY0002")
        params = gas_request()
        record = {"checklist": params["checklist"], "answers": params["answers"],
                  "inspection_date": params["inspection_date"], "enterprise": code}
        args = ["--idle-timeout", str(self.IDLE), "--max-frame", str(16 << 20), "--max-response", str(256 << 20)]
        with Server(args=args) as server:
            with HazardClient("127.0.0.1", server.port) as setup:
                setup.enterprises_register(code, "长批次测试公司", "320581", sectors=["gas"])
            # Size the batch from a measured one so it runs well past the idle timeout on this
            # machine (at most the protocol's 1,000 entries).
            with HazardClient("127.0.0.1", server.port, timeout=120) as c:
                started = time.monotonic()
                probe = c.batch([("inspection.record", record)] * 20)
                per_entry = (time.monotonic() - started) / 20
                self.assertTrue(all(not isinstance(r, HazardRPCError) for r in probe), probe[:1])
            entries = min(1000, max(40, int(4 * self.IDLE / per_entry)))
            with HazardClient("127.0.0.1", server.port, timeout=120) as c:
                started = time.monotonic()
                c.send([request(i, "inspection.record", record) for i in range(entries)])
                # While it runs, others are served (the batch holds no event loop).
                self.assertTrue(served(server.port))
                answers = c.receive()
                took = time.monotonic() - started
                self.assertEqual(len(answers), entries)
                self.assertTrue(all("result" in a for a in answers), [a for a in answers if "error" in a][:1])
                if took <= 2 * self.IDLE:
                    self.skipTest(f"the batch took {took:.2f} s, not long enough to test a {self.IDLE} s idle timeout")
                # The timer is still live once the work is done: a silent client is closed.
                c.sock.settimeout(self.IDLE + MARGIN)
                self.assertEqual(c.sock.recv(1), b"")
            assert_running(self, server)
            self.assertTrue(served(server.port))
        self.assertEqual(server.exit_code, 0)


class ShutdownWithStuckClient(unittest.TestCase):
    """(c) SIGTERM while a client pipelines requests and never reads its answers: the server
    closes that connection at `--shutdown-timeout` and exits 0."""

    SHUTDOWN = 2.0

    def test_shutdown_is_not_held_by_a_client_that_never_reads(self):
        args = ["--shutdown-timeout", str(self.SHUTDOWN), "--output-high-water", str(64 << 10)]
        server = Server(args=args).__enter__()
        stuck = socket.create_connection(("127.0.0.1", server.port))
        try:
            stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            frame = encode_frame(request(1, "checklists.get", {"id": "urban-gas-2023"}))
            # Send until the server stops reading (back-pressure): nothing accepted for 1 s.
            stuck.setblocking(False)
            pending = b""
            quiet_since = time.monotonic()
            sent_frames = 0
            while time.monotonic() - quiet_since < 1.0:
                if not pending:
                    pending = frame * 64
                    sent_frames += 64
                _, writable, _ = select.select([], [stuck], [], 0.1)
                if writable:
                    try:
                        n = stuck.send(pending)
                    except BlockingIOError:
                        n = 0
                    if n:
                        pending = pending[n:]
                        quiet_since = time.monotonic()
            self.assertGreater(sent_frames, 64, "the server never pushed back")
            assert_running(self, server)
            self.assertTrue(served(server.port))
            # A well-behaved client mid-conversation when the signal arrives.
            polite = HazardClient("127.0.0.1", server.port, timeout=SERVED_WITHIN)
            self.assertEqual(polite.engine_info()["protocol"], 1)
            signalled = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            try:
                code = server.process.wait(timeout=self.SHUTDOWN + MARGIN)
            except subprocess.TimeoutExpired:
                self.fail(f"still running {self.SHUTDOWN + MARGIN} s after SIGTERM with --shutdown-timeout {self.SHUTDOWN}")
            took = time.monotonic() - signalled
            self.assertEqual(code, 0, server.process.stderr.read())
            self.assertLessEqual(took, self.SHUTDOWN + MARGIN)
            # The idle, polite connection was closed cleanly, not left hanging.
            polite.sock.settimeout(MARGIN)
            self.assertEqual(polite.sock.recv(1), b"")
            polite.close()
        finally:
            stuck.close()
            server.__exit__(None, None, None)


class UnauthenticatedFlood(unittest.TestCase):
    """(d) With tokens, connections waiting to authenticate hold at most
    `--max-unauthenticated` slots: past it a newcomer gets -32011 and is closed, and the slots
    come back as holders authenticate (or time out), so an admin still gets in."""

    TOKENS = [
        {"name": "inspector", "sha256": hashlib.sha256(b"inspector-token").hexdigest(), "role": "inspector"},
        {"name": "admin", "sha256": hashlib.sha256(b"admin-token").hexdigest(), "role": "admin"},
    ]
    CAP = 4

    def fill(self, port, count):
        """`count` connections that stay unauthenticated, each known to be admitted."""
        holders = []
        for _ in range(count):
            c = HazardClient("127.0.0.1", port, timeout=SERVED_WITHIN)
            self.assertTrue(c.engine_info()["auth"])
            holders.append(c)
        return holders

    def assert_refused(self, port):
        with socket.create_connection(("127.0.0.1", port), timeout=SERVED_WITHIN) as sock:
            frames = read_frames_until_eof(sock, time.monotonic() + SERVED_WITHIN)
        self.assertEqual(len(frames), 1, frames)
        self.assertEqual(frames[0]["error"]["code"], -32011)
        self.assertEqual(frames[0]["error"]["data"], {"max_unauthenticated": self.CAP})

    def test_cap_refuses_newcomers_and_authenticating_frees_slots(self):
        args = ["--max-unauthenticated", str(self.CAP), "--max-unauthenticated-per-address", "64", "--auth-timeout", "60"]
        with Server(tokens=self.TOKENS, args=args) as server:
            holders = self.fill(server.port, self.CAP)
            try:
                for _ in range(3):
                    self.assert_refused(server.port)
                # Holders are still served while the cap is full.
                self.assertTrue(holders[0].engine_info()["auth"])
                # A wrong token keeps a holder unauthenticated, so the cap stays full.
                with self.assertRaises(HazardRPCError):
                    holders[1].authenticate("guess")
                self.assert_refused(server.port)
                # Two holders authenticate: their slots are free for newcomers again.
                self.assertEqual(holders[0].authenticate("inspector-token")["role"], "inspector")
                self.assertEqual(holders[1].authenticate("admin-token")["role"], "admin")
                with HazardClient("127.0.0.1", server.port, timeout=SERVED_WITHIN, token="admin-token") as admin:
                    self.assertEqual(admin.hazards_list(), [])
                    self.assertIn("overall", admin.reports_dispatch())
                self.assertTrue(served(server.port, token="admin-token"))
                # The authenticated holders keep working.
                self.assertEqual(holders[0].hazards_list(), [])
                self.assertEqual(holders[1].hazards_list(), [])
                # Closed holders give their slots back: the full cap is admitted again.
                for h in holders[2:]:
                    h.close()
                deadline = time.monotonic() + MARGIN
                while True:
                    try:
                        again = self.fill(server.port, self.CAP)
                        break
                    except (HazardProtocolError, HazardRPCError, OSError):
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.1)
                holders += again
                self.assert_refused(server.port)
                assert_running(self, server)
            finally:
                for h in holders:
                    h.close()
        self.assertEqual(server.exit_code, 0)

    def test_squatters_time_out_and_an_admin_gets_in(self):
        auth_timeout = 1.0
        args = ["--max-unauthenticated", str(self.CAP), "--max-unauthenticated-per-address", "64",
                "--auth-timeout", str(auth_timeout)]
        with Server(tokens=self.TOKENS, args=args) as server:
            squatters = self.fill(server.port, self.CAP)
            try:
                self.assert_refused(server.port)
                # Squatters that never authenticate are told so and closed at the deadline.
                for s in squatters:
                    s.sock.settimeout(auth_timeout + MARGIN)
                    self.assertEqual(s.receive()["error"]["code"], -32001)
                    with self.assertRaises(HazardProtocolError):
                        s.receive()
                deadline = time.monotonic() + MARGIN
                while True:
                    try:
                        self.assertTrue(served(server.port, token="admin-token"))
                        break
                    except (HazardProtocolError, HazardRPCError, OSError):
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.1)
                assert_running(self, server)
            finally:
                for s in squatters:
                    s.close()
        self.assertEqual(server.exit_code, 0)


if __name__ == "__main__":
    unittest.main()
