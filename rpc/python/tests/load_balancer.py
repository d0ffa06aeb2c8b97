#!/usr/bin/env python3
"""examples/nginx-hazard-stream.conf on loopback: nginx's stream balancer in front of two
`hazard serve` processes on one PostgreSQL ledger. Checks that connections through the
balancer reach both servers, that writes through either land in the one ledger, and that with
one server killed (SIGKILL) new connections through the balancer still work.

    HAZARD_TEST_POSTGRES=postgres://… python3 rpc/python/tests/load_balancer.py

Installs Debian's nginx-light and libnginx-mod-stream when nginx is missing. Without
HAZARD_TEST_POSTGRES it is skipped, unless CI=true or HAZARD_REQUIRE_POSTGRES=1.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from server import REPO, gas_request, uscc
from two_servers import REGION, Serve, fail, token_file_with, verify_chain

EXAMPLE = os.path.join(REPO, "examples", "nginx-hazard-stream.conf")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_binary():
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("load_balancer: installing Debian's nginx-light", file=sys.stderr)
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
                           "nginx-light", "libnginx-mod-stream"], check=True, stdout=subprocess.DEVNULL)
    return "/usr/sbin/nginx"


def configured(tmp, listen, upstreams):
    """The example with its ports, pid file and log moved into `tmp`; everything else as shipped."""
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    servers = iter(upstreams)
    text = re.sub(r"server 127\.0\.0\.1:\d+", lambda m: f"server 127.0.0.1:{next(servers)}", text)
    text = re.sub(r"listen \d+;", f"listen 127.0.0.1:{listen};", text)
    text = re.sub(r"^pid .*;", f"pid {tmp}/nginx.pid;", text, flags=re.M)
    text = re.sub(r"^error_log \S+", f"error_log {tmp}/error.log", text, flags=re.M)
    path = os.path.join(tmp, "nginx.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def established(port):
    out = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"], capture_output=True, text=True).stdout
    return len([line for line in out.splitlines() if line.strip()])


def main():
    base = os.environ.get("HAZARD_TEST_POSTGRES")
    if not base:
        if os.environ.get("CI") == "true" or os.environ.get("HAZARD_REQUIRE_POSTGRES") == "1":
            fail("HAZARD_TEST_POSTGRES is not set")
        print("load_balancer: skipped (no HAZARD_TEST_POSTGRES)")
        return
    database = base + ("&" if "?" in base else "?") + f"schema=load_balancer_{os.getpid()}"
    nginx = nginx_binary()
    with tempfile.TemporaryDirectory(prefix="hazard-lb-") as tmp:
        tokens = token_file_with(tmp)
        servers = [Serve(database, tokens, "server-a"), Serve(database, tokens, "server-b")]
        listen = free_port()
        conf = configured(tmp, listen, [s.port for s in servers])
        balancer = subprocess.Popen([nginx, "-c", conf, "-p", tmp, "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", listen), timeout=1).close()
                    break
                except OSError:
                    if balancer.poll() is not None or time.monotonic() > deadline:
                        fail(f"nginx did not start: {balancer.stderr.read() if balancer.poll() is not None else 'timeout'}")
                    time.sleep(0.1)
            params = gas_request()
            code = uscc("91320581MA9999990")
            from hazard_rpc import HazardClient
            clients = [HazardClient("127.0.0.1", listen, token="inspector-a-secret") for _ in range(6)]
            clients[0].enterprises_register(code, "负载均衡燃气公司", REGION, sectors=["gas"])
            recorded = [c.inspection_record(params["checklist"], params["answers"], code, params["inspection_date"])["inspection"]
                        for c in clients]
            spread = [established(s.port) for s in servers]
            if min(spread) == 0:
                fail(f"connections through the balancer per server: {spread} (one got none)")
            for c in clients:
                c.close()
            servers[0].kill()
            after = []
            for _ in range(6):
                with HazardClient("127.0.0.1", listen, token="inspector-a-secret") as c:
                    after.append(c.inspection_record(params["checklist"], params["answers"], code, params["inspection_date"])["inspection"])
            with HazardClient("127.0.0.1", listen, token="admin-secret") as admin:
                inspections = {h["inspection"] for h in admin.hazards_list(open_only=False, limit=1000)}
            if not set(recorded + after) <= inspections:
                fail(f"inspections missing through the balancer: {sorted(set(recorded + after) - inspections)}")
            events = verify_chain(database)
            print(f"load_balancer: nginx stream spread 6 connections {spread[0]}+{spread[1]} over two servers; "
                  f"with server A killed 6 new connections all went to B; {len(recorded + after)} inspections, "
                  f"{events} events, chain intact")
        finally:
            balancer.terminate()
            balancer.wait(timeout=10)
            for s in servers:
                s.stop()


if __name__ == "__main__":
    main()
