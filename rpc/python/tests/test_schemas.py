"""Real server responses (and the params we send) against rpc/schema/."""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
except ImportError:  # the client itself is stdlib-only; only these checks need jsonschema
    jsonschema = None

from server import SCHEMAS, Server, gas_request, uscc
from hazard_rpc import HazardClient, HazardRPCError


def schema(name):
    with open(os.path.join(SCHEMAS, name), encoding="utf-8") as f:
        return json.load(f)


def check(method, params, result):
    jsonschema.validate(params, schema(f"{method}.params.json"), cls=jsonschema.Draft202012Validator)
    jsonschema.validate(result, schema(f"{method}.result.json"), cls=jsonschema.Draft202012Validator)


class GeneratedSchemas(unittest.TestCase):
    def test_committed_schemas_are_what_generate_py_writes(self):
        """rpc/schema/*.json are generated: a hand edit the generator does not make is lost
        the next time anyone runs it, so the committed files must equal its output."""
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([sys.executable, os.path.join(SCHEMAS, "generate.py"), out], check=True, capture_output=True)
            written = sorted(os.listdir(out))
            committed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SCHEMAS, "*.json")))
            self.assertEqual(written, committed)
            for name in written:
                with open(os.path.join(out, name), encoding="utf-8") as a, open(os.path.join(SCHEMAS, name), encoding="utf-8") as b:
                    self.assertEqual(a.read(), b.read(), f"{name} differs from generate.py's output: edit generate.py and run it")


@unittest.skipIf(jsonschema is None, "jsonschema is not installed (pip install jsonschema): schema checks skipped")
class Schemas(unittest.TestCase):
    def test_every_schema_is_valid(self):
        files = glob.glob(os.path.join(SCHEMAS, "*.json"))
        self.assertGreater(len(files), 30)
        for path in files:
            with open(path, encoding="utf-8") as f:
                jsonschema.Draft202012Validator.check_schema(json.load(f))

    def test_real_responses_match(self):
        with Server() as server, HazardClient("127.0.0.1", server.port) as c:
            covered = set()

            def call(method, params):
                result = c.call(method, params)
                check(method, params, result)
                covered.add(method)
                return result

            info = call("engine.info", {})
            call("session.authenticate", {"token": "x"})
            call("checklists.list", {})
            call("checklists.list", {"sector": "gas"})
            call("checklists.get", {"id": "urban-gas-2023"})
            reloaded = call("checklists.reload", {})
            self.assertEqual(reloaded["generation"], info["checklist_set"]["generation"] + 1)
            call("hazard.grade", gas_request())
            call("hazard.grade", {"checklist": "urban-gas-2023", "answers": {}})
            call("hazard.grade", {**gas_request(), "detail": "hazards"})
            call("hazard.grade", {**gas_request(), "detail": "summary"})
            call("inspection.next", {"checklist": "urban-gas-2023"})
            call("inspection.next", {**gas_request(), "limit": 3})
            code = uscc("91320581MA1XC0000")
            call("enterprises.register", {"uscc": code, "name": "示例", "region": "320581", "sectors": ["gas"]})
            recorded = call("inspection.record", {**gas_request(), "enterprise": code, "inspectors": ["张三"], "signed_by": "张三"})
            major = [h["id"] for h in recorded["hazards"] if h["grade"] == "major"]
            call("hazards.list", {})
            call("hazards.list", {"status": ["reported"], "grade": "major", "limit": 5})
            call("hazards.get", {"id": major[0]})
            call("hazards.plan", {"id": major[0], "responsible": "王五", "measures": "m", "funds": "1万元", "deadline": "2026-05-01",
                                  "contingency": "c", "actor": "王五"})
            call("hazards.supervise", {"id": major[0], "authority": "市安委会", "deadline": "2026-06-01"})
            call("hazards.unsupervise", {"id": major[0], "note": "摘牌"})
            call("hazards.rectify", {"id": major[0], "actor": "王五"})
            call("hazards.reject", {"id": major[0], "reason": "不合格", "actor": "赵六"})
            call("hazards.rectify", {"id": major[0], "actor": "王五"})
            call("hazards.verify", {"id": major[0], "actor": "赵六"})
            call("hazards.get", {"id": major[0]})
            call("reports.dispatch", {"from": "2026-01-01", "to": "2026-12-31"})
            self.assertEqual(covered, set(info["methods"]), "every advertised method was checked")

            # Error responses follow the error schema.
            c.send({"jsonrpc": "2.0", "id": 9, "method": "hazards.verify", "params": {"id": 999999}})
            jsonschema.validate(c.receive(), schema("error-response.json"))
            with self.assertRaises(HazardRPCError):
                c.call("hazards.get", {"id": 999999})


if __name__ == "__main__":
    unittest.main()
