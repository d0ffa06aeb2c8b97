"""Lifecycle input rules and enterprise re-registration over RPC: the ledger's rules, so the
server answers as the CLI does."""
import unittest

from server import Server, gas_request, uscc
from hazard_rpc import HazardClient, HazardRPCError


class LedgerInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_reregistering_without_sectors_keeps_them_and_says_what_changed(self):
        code = uscc("91320581MA1KP0000")
        with HazardClient("127.0.0.1", self.server.port) as c:
            first = c.enterprises_register(code, "示例燃气公司", "320581", sectors=["gas"])
            self.assertTrue(first["created"])
            self.assertEqual(first["changed"], [])
            again = c.enterprises_register(code, "示例燃气股份公司", "320581")
        self.assertFalse(again["created"])
        self.assertEqual(again["sectors"], ["gas"])
        self.assertEqual(again["changed"], ["name"])
        self.assertEqual(again["previous"]["name"], "示例燃气公司")

    def test_plan_deadline_before_found_is_refused(self):
        code = uscc("91320581MA1DL0000")
        params = gas_request()
        with HazardClient("127.0.0.1", self.server.port) as c:
            c.enterprises_register(code, "示例燃气公司", "320581", sectors=["gas"])
            recorded = c.inspection_record(params["checklist"], params["answers"], code, params["inspection_date"],
                                           inspectors=["张三"], signed_by="张三")
            major = [h for h in recorded["hazards"] if h["grade"] == "major"][0]
            with self.assertRaises(HazardRPCError) as refused:
                c.hazards_plan(major["id"], responsible="王五", measures="更换", funds="1万元", deadline="2020-01-01",
                               contingency="停用", actor="王五", day=major["found_on"])
            self.assertEqual(refused.exception.code, -32004)
            self.assertEqual(refused.exception.data["reason"], "deadlineBeforeFound")
            self.assertIn("2020-01-01", refused.exception.message)
            self.assertIn(major["found_on"], refused.exception.message)
            self.assertEqual(c.hazards_get(major["id"])["hazard"]["status"], "reported")


if __name__ == "__main__":
    unittest.main()
