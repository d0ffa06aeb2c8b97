"""inspection.next through hazard_rpc.py against a real server: a guided inspection of the gas
fixture, answered only where asked, reaches the findings of the full answers."""
import unittest

from server import Server, gas_request
from hazard_rpc import HazardClient, HazardRPCError


class InspectionNext(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def client(self):
        return HazardClient("127.0.0.1", self.server.port)

    def test_guided_inspection_reaches_the_full_findings_with_fewer_questions(self):
        params = gas_request()
        full, date = params["answers"], params["inspection_date"]
        with self.client() as c:
            questions = len(c.checklists_get("urban-gas-2023")["questions"])
            answers, asked, decided = {}, [], -1
            while True:
                step = c.inspection_next("urban-gas-2023", answers, date)
                self.assertGreaterEqual(step["progress"]["decided"], decided, "progress never goes back")
                decided = step["progress"]["decided"]
                if not step["open"]:
                    self.assertTrue(step["complete"])
                    break
                question = step["open"][0]["question"]["id"]
                self.assertNotIn(question, asked, "no question is offered twice")
                self.assertTrue(step["open"][0]["criteria"], "an open question names the criteria waiting on it")
                asked.append(question)
                answers[question] = full.get(question)  # None: skipped, sent as null
            guided = c.grade("urban-gas-2023", {k: v for k, v in answers.items() if v is not None}, date)
            complete = c.grade("urban-gas-2023", full, date)
        self.assertLess(len(asked), questions)
        self.assertEqual([f["status"] for f in guided["findings"]], [f["status"] for f in complete["findings"]])
        self.assertEqual(step["progress"]["decided"] + step["progress"]["waiting"], step["progress"]["applicable"])

    def test_applicability_first_and_limit(self):
        with self.client() as c:
            step = c.inspection_next("urban-gas-2023", {}, limit=2)
        self.assertEqual(len(step["open"]), 2)
        self.assertGreater(step["open_count"], 2)
        self.assertTrue(step["open"][0]["applicability"])
        self.assertEqual(step["decided"], [])

    def test_skipped_question_is_not_offered_again(self):
        with self.client() as c:
            first = c.inspection_next("urban-gas-2023", {})["open"][0]["question"]["id"]
            step = c.inspection_next("urban-gas-2023", {first: None})
        self.assertNotIn(first, [o["question"]["id"] for o in step["open"]])
        self.assertIn(first, step["skipped"])

    def test_bad_input_is_refused_with_its_code(self):
        with self.client() as c:
            with self.assertRaises(HazardRPCError) as answers:
                c.inspection_next("urban-gas-2023", {"has_emergency_plan": "yes"})
            with self.assertRaises(HazardRPCError) as unknown:
                c.call("inspection.next", {"checklist": "urban-gas-2023", "answer": {}})
            with self.assertRaises(HazardRPCError) as missing:
                c.inspection_next("no-such-checklist")
        self.assertEqual(answers.exception.code, -32005)
        self.assertEqual(unknown.exception.code, -32602)
        self.assertEqual(missing.exception.code, -32003)


if __name__ == "__main__":
    unittest.main()
