#!/usr/bin/env python3
"""Client for the hazard RPC server (rpc/PROTOCOL.md): standard library only.

Frames are a 4-byte unsigned big-endian length followed by UTF-8 JSON; the payload is
JSON-RPC 2.0. Library use:

    from hazard_rpc import HazardClient, HazardRPCError
    with HazardClient("127.0.0.1", 7420) as client:
        print(client.engine_info())
        result = client.grade("urban-gas-2023", {"has_emergency_plan": False})
        print(result["rating"]["level"])

Command line:

    python3 hazard_rpc.py [--host H] [--port P] [--token T] METHOD ['{"params": "as JSON"}']
"""
import argparse
import json
import os
import socket
import struct
import sys

__all__ = ["HazardClient", "HazardRPCError", "HazardProtocolError", "encode_frame", "DEFAULT_PORT"]

DEFAULT_PORT = 7420
MAX_RESPONSE = 64 * 1024 * 1024


class HazardRPCError(Exception):
    """An error response: `code` (see PROTOCOL.md §3), `message`, and optional `data`."""

    def __init__(self, code, message, data=None):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.data = data


class HazardProtocolError(Exception):
    """The server closed the connection or sent something that is not a response."""


def encode_frame(payload):
    """A frame holding `payload` (bytes, str, or a JSON-serialisable value)."""
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    elif not isinstance(payload, (bytes, bytearray)):
        payload = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return struct.pack(">I", len(payload)) + bytes(payload)


class HazardClient:
    """One connection. Methods mirror the RPC methods; `call` reaches any method by name."""

    def __init__(self, host="127.0.0.1", port=DEFAULT_PORT, timeout=30.0, token=None):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._buffer = bytearray()
        self._next_id = 1
        if token is not None:
            self.authenticate(token)

    # -- plumbing ---------------------------------------------------------------------------

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def send_raw(self, data):
        """Sends bytes exactly as given (header included)."""
        self.sock.sendall(data)

    def send(self, payload):
        """Sends one frame (a request dict, a batch list, raw bytes or text) without waiting."""
        self.sock.sendall(encode_frame(payload))

    def _read_exactly(self, n):
        while len(self._buffer) < n:
            chunk = self.sock.recv(max(65536, n - len(self._buffer)))
            if not chunk:
                raise HazardProtocolError("the server closed the connection")
            self._buffer += chunk
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def receive(self):
        """The next frame's payload, parsed as JSON."""
        (length,) = struct.unpack(">I", self._read_exactly(4))
        if length == 0 or length > MAX_RESPONSE:
            raise HazardProtocolError(f"bad frame length {length}")
        return json.loads(self._read_exactly(length).decode("utf-8"))

    def request(self, method, params=None, notify=False):
        """Builds a request object with a fresh id (none for a notification)."""
        message = {"jsonrpc": "2.0", "method": method, "params": params or {}}
        if not notify:
            message["id"] = self._next_id
            self._next_id += 1
        return message

    @staticmethod
    def result_of(response):
        """The `result` of a response, or its error raised as HazardRPCError."""
        if "error" in response:
            error = response["error"]
            raise HazardRPCError(error.get("code"), error.get("message"), error.get("data"))
        if "result" not in response:
            raise HazardProtocolError(f"not a response: {response!r}")
        return response["result"]

    def call(self, method, params=None):
        """Calls `method` and returns its result; raises HazardRPCError on an error response."""
        message = self.request(method, params)
        self.send(message)
        response = self.receive()
        if response.get("id") != message["id"]:
            raise HazardProtocolError(f"response for id {response.get('id')!r}, expected {message['id']!r}")
        return self.result_of(response)

    def notify(self, method, params=None):
        """Sends a notification (no id, no answer)."""
        self.send(self.request(method, params, notify=True))

    def pipeline(self, calls):
        """Sends every (method, params) at once, then collects the answers, matched by id.
        Returns a list of results or HazardRPCError instances, in call order."""
        messages = [self.request(method, params) for method, params in calls]
        self.sock.sendall(b"".join(encode_frame(m) for m in messages))
        by_id = {}
        while len(by_id) < len(messages):
            response = self.receive()
            try:
                by_id[response.get("id")] = self.result_of(response)
            except HazardRPCError as error:
                by_id[response.get("id")] = error
        return [by_id[m["id"]] for m in messages]

    def batch(self, calls):
        """Sends the calls as one JSON-RPC batch; returns results or HazardRPCError instances in call order."""
        messages = [self.request(method, params) for method, params in calls]
        self.send(messages)
        responses = self.receive()
        if isinstance(responses, dict):  # the whole batch was rejected
            self.result_of(responses)
        by_id = {}
        for response in responses:
            try:
                by_id[response.get("id")] = self.result_of(response)
            except HazardRPCError as error:
                by_id[response.get("id")] = error
        return [by_id.get(m["id"]) for m in messages]

    # -- one method per RPC -----------------------------------------------------------------

    def authenticate(self, token):
        return self.call("session.authenticate", {"token": token})

    def engine_info(self):
        return self.call("engine.info")

    def checklists_list(self, sector=None):
        return self.call("checklists.list", _params(sector=sector))["checklists"]

    def checklists_get(self, checklist_id):
        return self.call("checklists.get", {"id": checklist_id})

    def checklists_reload(self):
        """Admin: load the server's checklist folders again (as SIGHUP does); raises
        HazardRPCError -32015 listing each located error when any file fails (the old set stays)."""
        return self.call("checklists.reload")

    def grade(self, checklist, answers, inspection_date=None, detail=None):
        """detail: "full" (default), "hazards" (only major/general findings) or "summary" (no findings)."""
        return self.call("hazard.grade", _params(checklist=checklist, answers=answers, inspection_date=inspection_date, detail=detail))

    def inspection_next(self, checklist, answers=None, inspection_date=None, limit=None):
        """The questions that can still change a finding, decided findings and progress
        (PROTOCOL.md, inspection.next). An answer given as None counts as skipped."""
        return self.call("inspection.next", _params(checklist=checklist, answers=answers, inspection_date=inspection_date, limit=limit))

    def enterprises_register(self, uscc, name, region, sectors=None, sites=None):
        return self.call("enterprises.register", _params(uscc=uscc, name=name, region=region, sectors=sectors, sites=sites))

    def inspection_record(self, checklist, answers, enterprise, inspection_date, kind=None, inspectors=None,
                          signed_by=None, signature=None, site=None, actor=None):
        return self.call("inspection.record", _params(
            checklist=checklist, answers=answers, enterprise=enterprise, inspection_date=inspection_date, kind=kind,
            inspectors=inspectors, signed_by=signed_by, signature=signature, site=site, actor=actor))

    def hazards_list(self, **filters):
        """Filters: status (list), open_only, grade, source, region, sector, enterprise, overdue_as_of,
        supervised_only, limit, offset."""
        return self.call("hazards.list", _params(**filters))["hazards"]

    def hazards_get(self, hazard_id):
        return self.call("hazards.get", {"id": hazard_id})

    def hazards_plan(self, hazard_id, responsible=None, measures=None, funds=None, deadline=None, contingency=None, day=None, actor=None):
        return self.call("hazards.plan", _params(id=hazard_id, responsible=responsible, measures=measures, funds=funds,
                                                 deadline=deadline, contingency=contingency, day=day, actor=actor))["hazard"]

    def hazards_rectify(self, hazard_id, note=None, day=None, actor=None):
        return self.call("hazards.rectify", _params(id=hazard_id, note=note, day=day, actor=actor))["hazard"]

    def hazards_verify(self, hazard_id, note=None, day=None, actor=None):
        return self.call("hazards.verify", _params(id=hazard_id, note=note, day=day, actor=actor))["hazard"]

    def hazards_reject(self, hazard_id, reason, day=None, actor=None):
        return self.call("hazards.reject", _params(id=hazard_id, reason=reason, day=day, actor=actor))["hazard"]

    def hazards_supervise(self, hazard_id, authority, deadline=None, day=None, actor=None):
        return self.call("hazards.supervise", _params(id=hazard_id, authority=authority, deadline=deadline, day=day, actor=actor))["hazard"]

    def hazards_unsupervise(self, hazard_id, note=None, day=None, actor=None):
        return self.call("hazards.unsupervise", _params(id=hazard_id, note=note, day=day, actor=actor))["hazard"]

    def reports_dispatch(self, date_from=None, date_to=None, region=None, sector=None):
        return self.call("reports.dispatch", _params(**{"from": date_from, "to": date_to, "region": region, "sector": sector}))


def _params(**kwargs):
    return {k: v for k, v in kwargs.items() if v is not None}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Call a hazard RPC method and print the result as JSON.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--token", default=os.environ.get("HAZARD_TOKEN"), help="token for session.authenticate (default $HAZARD_TOKEN)")
    parser.add_argument("method", help="e.g. engine.info, checklists.list, hazard.grade")
    parser.add_argument("params", nargs="?", default="{}", help="params as a JSON object; '-' reads standard input")
    args = parser.parse_args(argv)
    text = sys.stdin.read() if args.params == "-" else args.params
    try:
        params = json.loads(text)
    except json.JSONDecodeError as error:
        parser.error(f"params are not JSON: {error}")
    try:
        with HazardClient(args.host, args.port, token=args.token) as client:
            result = client.call(args.method, params)
    except HazardRPCError as error:
        detail = f" {json.dumps(error.data, ensure_ascii=False)}" if error.data is not None else ""
        print(f"error {error.code}: {error.message}{detail}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot reach {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
