"""hazard_rpc.py against a real server."""
import hashlib
import socket
import struct
import unittest

from server import Server, gas_request, uscc
from hazard_rpc import HazardClient, HazardRPCError, HazardProtocolError, encode_frame


class EngineMethods(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        assert cls.server.exit_code == 0, f"graceful shutdown exit code {cls.server.exit_code}"

    def client(self):
        return HazardClient("127.0.0.1", self.server.port)

    def test_engine_info(self):
        with self.client() as c:
            info = c.engine_info()
        self.assertEqual(info["protocol"], 1)
        self.assertFalse(info["auth"])
        self.assertIn("hazard.grade", info["methods"])

    def test_checklists(self):
        with self.client() as c:
            listed = c.checklists_list()
            self.assertEqual([x["id"] for x in listed], ["urban-gas-2023"])
            form = c.checklists_get("urban-gas-2023")
        self.assertTrue(all("type" in q for q in form["questions"]))
        self.assertEqual(len(form["criteria"]), listed[0]["criteria"])

    def test_grade(self):
        params = gas_request()
        with self.client() as c:
            result = c.grade(params["checklist"], params["answers"], params["inspection_date"])
        self.assertEqual(result["rating"]["level"], "red")
        self.assertGreater(result["counts"]["major"], 0)

    def test_validation_error_carries_issues(self):
        with self.client() as c:
            with self.assertRaises(HazardRPCError) as caught:
                c.grade("urban-gas-2023", {"has_emergency_plan": "yes"})
        self.assertEqual(caught.exception.code, -32005)
        self.assertEqual(caught.exception.data["issues"][0]["path"], "has_emergency_plan")

    def test_unknown_method_and_checklist(self):
        with self.client() as c:
            with self.assertRaises(HazardRPCError) as m:
                c.call("no.such.method")
            with self.assertRaises(HazardRPCError) as n:
                c.checklists_get("nope")
        self.assertEqual(m.exception.code, -32601)
        self.assertEqual(n.exception.code, -32003)

    def test_pipelining_and_batch(self):
        with self.client() as c:
            results = c.pipeline([("engine.info", {})] * 200 + [("hazard.grade", gas_request())] * 50)
            self.assertEqual(len(results), 250)
            self.assertTrue(all(not isinstance(r, HazardRPCError) for r in results))
            batch = c.batch([("engine.info", {}), ("no.such", {}), ("checklists.get", {"id": 1})])
        self.assertEqual(batch[0]["protocol"], 1)
        self.assertEqual(batch[1].code, -32601)
        self.assertEqual(batch[2].code, -32602)

    def test_exact_numbers_in_ids(self):
        with self.client() as c:
            c.send_raw(encode_frame(b'{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"engine.info"}'))
            response = c.receive()
        self.assertEqual(response["id"], 123456789012345678901234567890)

    def test_bad_json_keeps_the_connection(self):
        with self.client() as c:
            c.send(b'{"jsonrpc": "2.0", "id": 1,')
            self.assertEqual(c.receive()["error"]["code"], -32700)
            c.send(b'\xff\xfe')
            self.assertEqual(c.receive()["error"]["code"], -32700)
            self.assertEqual(c.engine_info()["protocol"], 1)

    def test_zero_length_frame_closes(self):
        with self.client() as c:
            c.send_raw(struct.pack(">I", 0))
            self.assertEqual(c.receive()["error"]["code"], -32010)
            with self.assertRaises(HazardProtocolError):
                c.receive()

    def test_ledger_lifecycle(self):
        code = uscc("91320581MA1PY0000")
        params = gas_request()
        with self.client() as c:
            c.enterprises_register(code, "示例燃气公司", "320581", sectors=["gas"])
            recorded = c.inspection_record(params["checklist"], params["answers"], code, params["inspection_date"],
                                           inspectors=["张三"], signed_by="张三")
            self.assertGreater(len(recorded["hazards"]), 0)
            general = [h for h in recorded["hazards"] if h["grade"] == "general"]
            major = [h for h in recorded["hazards"] if h["grade"] == "major"][0]
            with self.assertRaises(HazardRPCError) as illegal:
                c.hazards_verify(major["id"], actor="赵六")
            self.assertEqual(illegal.exception.code, -32004)
            c.hazards_plan(major["id"], responsible="王五", measures="更换", funds="1万元", deadline="2026-05-01",
                           contingency="停用", actor="王五")
            c.hazards_rectify(major["id"], actor="王五")
            closed = c.hazards_verify(major["id"], actor="赵六")
            self.assertEqual(closed["status"], "closed")
            detail = c.hazards_get(major["id"])
            self.assertEqual([e["kind"] for e in detail["events"]][-1], "verified")
            listed = c.hazards_list(region="320581")
            self.assertEqual(len(listed), len(recorded["hazards"]) - 1)
            report = c.reports_dispatch("2026-01-01", "2026-12-31")
            self.assertTrue(report["overall"])
            del general


class Authentication(unittest.TestCase):
    TOKENS = [
        {"name": "gas-sh", "sha256": hashlib.sha256(b"gas-sh-token").hexdigest(), "role": "inspector", "sectors": ["gas"], "regions": ["310100"]},
        {"name": "admin", "sha256": hashlib.sha256(b"admin-token").hexdigest(), "role": "admin"},
    ]

    def test_tokens_roles_and_scopes(self):
        with Server(tokens=self.TOKENS) as server:
            with HazardClient("127.0.0.1", server.port) as c:
                self.assertTrue(c.engine_info()["auth"])
                with self.assertRaises(HazardRPCError) as before:
                    c.checklists_list()
                self.assertEqual(before.exception.code, -32001)
                with self.assertRaises(HazardRPCError) as wrong:
                    c.authenticate("guess")
                self.assertEqual(wrong.exception.code, -32001)
                self.assertEqual(c.authenticate("gas-sh-token")["role"], "inspector")
                with self.assertRaises(HazardRPCError) as forbidden:
                    c.reports_dispatch()
                self.assertEqual(forbidden.exception.code, -32002)
                with self.assertRaises(HazardRPCError) as region:
                    c.hazards_list(region="320581")
                self.assertEqual(region.exception.data["scope"], "region")
            with HazardClient("127.0.0.1", server.port, token="admin-token") as admin:
                self.assertEqual(admin.hazards_list(), [])

    def test_cli_refuses_public_address_without_tokens(self):
        import subprocess
        from server import hazard_binary
        done = subprocess.run([hazard_binary(), "serve", "--host", "0.0.0.0", "--port", "0"], capture_output=True, text=True, timeout=60)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("without authentication", done.stderr)


class CommandLine(unittest.TestCase):
    def test_cli_mode(self):
        import io
        import contextlib
        import hazard_rpc
        with Server() as server:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                code = hazard_rpc.main(["--port", str(server.port), "checklists.get", '{"id":"urban-gas-2023"}'])
            self.assertEqual(code, 0)
            self.assertIn("urban-gas-2023", out.getvalue())
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = hazard_rpc.main(["--port", str(server.port), "checklists.get", '{"id":"nope"}'])
            self.assertEqual(code, 1)
            self.assertIn("error -32003", err.getvalue())


if __name__ == "__main__":
    unittest.main()
