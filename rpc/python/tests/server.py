"""Starts a real `hazard serve` for the Python tests: port 0, a temporary ledger, the
checklist fixtures of Tests/HazardRPCTests/Fixtures. HAZARD_BIN overrides the binary
(default .build/debug/hazard, built by `swift build`)."""
import os
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(REPO, "rpc", "python"))

FIXTURES = os.path.join(REPO, "Tests", "HazardRPCTests", "Fixtures")
SCHEMAS = os.path.join(REPO, "rpc", "schema")


def hazard_binary():
    path = os.environ.get("HAZARD_BIN", os.path.join(REPO, ".build", "debug", "hazard"))
    if not os.path.exists(path):
        raise RuntimeError(f"{path} not found: run `swift build` first or set HAZARD_BIN")
    return path


class Server:
    """`with Server() as s:` → s.port; stopped with SIGTERM (graceful shutdown) on exit.
    `args` are further `hazard serve` options (limits such as `--idle-timeout 1`)."""

    def __init__(self, tokens=None, args=()):
        self.tokens = tokens
        self.args = list(args)
        self.tmp = tempfile.TemporaryDirectory(prefix="hazard-rpc-py-")
        self.process = None
        self.port = None
        self.exit_code = None

    def __enter__(self):
        args = [hazard_binary(), "serve", "--port", "0", "--database", os.path.join(self.tmp.name, "hazard.sqlite"),
                "--checklists", FIXTURES, "--log-level", "error"]
        # Not warning: every request answered with an error is logged at warning (one line
        # each), and stderr is a pipe nobody reads while the server runs, which would fill.
        if self.tokens is not None:
            import json
            path = os.path.join(self.tmp.name, "tokens.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"tokens": self.tokens}, f)
            args += ["--auth", path]
        args += self.args
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("hazard serve exited: " + self.process.stderr.read())
            if "listening on" in line:
                self.port = int(line.split("listening on ")[1].split()[0].rsplit(":", 1)[1])
                return self
        raise RuntimeError("hazard serve did not report its port")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.exit_code = self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.exit_code = self.process.wait()
        if self.process:
            self.process.stdout.close()
            self.process.stderr.close()

    def __exit__(self, *exc):
        self.stop()
        self.tmp.cleanup()


def gas_request():
    import json
    with open(os.path.join(FIXTURES, "gas-grade-request.json"), encoding="utf-8") as f:
        return json.load(f)["params"]


def uscc(prefix17):
    """Completes 17 characters with the GB 32100 check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(prefix17, weights))
    check = 31 - total % 31
    return prefix17 + alphabet[0 if check == 31 else check]
