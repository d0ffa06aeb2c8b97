#!/usr/bin/env python3
"""Writes rpc/schema/<method>.params.json and <method>.result.json (JSON Schema 2020-12).

The schemas are the contract of rpc/PROTOCOL.md §6-7; rpc/python/tests/test_schemas.py checks
real server responses against them. Edit this file, run it, commit both.

Each public type has one encoding, so the CLI's `--format json` output is described by the same
files (Tests/HazardCLITests/CLISchemaTests.swift checks it): see CLI_OUTPUTS below, and
ledger.verify-chain.result.json for the one report only the CLI prints.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DRAFT = "https://json-schema.org/draft/2020-12/schema"

S = {"type": "string"}
NES = {"type": "string", "minLength": 1}
INT = {"type": "integer"}
NUM = {"type": "number"}
BOOL = {"type": "boolean"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
TIMESTAMP = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"}
REGION = {"type": "string", "pattern": r"^\d{6}$"}
USCC = {"type": "string", "pattern": r"^[0-9A-HJ-NPQRTUWXY]{18}$"}
HAZARD_ID = {"type": "integer", "minimum": 1}
STRINGS = {"type": "array", "items": S}


def obj(required, optional=None, extra=False):
    props = dict(required)
    props.update(optional or {})
    schema = {"type": "object", "properties": props, "required": sorted(required.keys())}
    if not extra:
        schema["additionalProperties"] = False
    return schema


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


EMPTY = obj({})
STANDARD = obj({"code": S, "title": S, "issuer": S, "effective": DATE}, {"valid_until": DATE, "superseded_by": S, "successor": NES})
COVERAGE = obj({"declared": INT, "encoded": INT, "text_missing": INT, "uncovered": STRINGS})
SUMMARY_FIELDS = {"id": NES, "version": S, "sector": S, "title": S, "standard": STANDARD, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                  "plugin": nullable(S), "manual": INT, "coverage": COVERAGE}
SUMMARY = obj({**SUMMARY_FIELDS, "questions": INT, "criteria": INT})
OPTION = obj({"value": S, "label": S})
QUESTION = {"$ref": "#/$defs/question"}
QUESTION_DEF = obj({"id": NES, "label": S, "type": {"enum": ["boolean", "number", "integer", "enum", "date", "text", "list"]}},
                   {"unit": S, "min": NUM, "max": NUM, "options": {"type": "array", "items": OPTION},
                    "fields": {"type": "array", "items": QUESTION}, "help": S})
CRITERION = obj({"id": NES, "clause": S, "title": S, "grade": {"enum": ["major", "general"]}, "hazard_when": S, "weight": NUM,
                 "manual": BOOL, "references": STRINGS, "items": STRINGS,
                 "inputs": {"type": "array", "items": obj({"kind": {"enum": ["answer", "fact", "finding"]}, "name": S})}},
                {"section": S, "applies_when": S, "advice": S, "note": S})
DETAIL = obj({**SUMMARY_FIELDS, "sections": {"type": "array", "items": obj({"id": S, "title": S})},
              "questions": {"type": "array", "items": QUESTION}, "criteria": {"type": "array", "items": CRITERION}})

ANSWER_VALUE = {"type": ["null", "boolean", "number", "string", "array"]}
ANSWERS = {"type": "object", "additionalProperties": ANSWER_VALUE}
COUNTS = obj({k: {"type": "integer", "minimum": 0} for k in ["major", "general", "compliant", "not_applicable", "unanswered", "manual"]})
# The records of a list answer that decided any()/all()/count() (README, "matched_rows").
MATCHED_ROW = obj({"function": {"enum": ["any", "all", "count"]}, "index": {"type": "integer", "minimum": 0},
                   "outcome": {"enum": ["matched", "unmatched", "undecided"]}, "record": {"type": "object"}})
EVIDENCE = obj({"kind": {"enum": ["answer", "fact", "finding"]}, "name": S},
               {"label": S, "value": {}, "matched_rows": {"type": "array", "items": MATCHED_ROW}, "unit": S})
FINDING = obj({"criterion": S, "clause": S, "title": S, "grade": {"enum": ["major", "general"]},
               "status": {"enum": ["major", "general", "compliant", "not_applicable", "unanswered"]}, "weight": NUM, "manual": BOOL,
               "evidence": {"type": "array", "items": EVIDENCE}}, {"section": S, "advice": S, "note": S})
EVALUATION = obj({
    "checklist": obj({"id": S, "version": S, "sha256": S, "standard": S, "title": S}),
    "findings": {"type": "array", "items": FINDING}, "counts": COUNTS,
    "rating": obj({"level": {"enum": ["red", "orange", "yellow", "blue", "unrated"]}, "label": S, "provisional": BOOL}),
    "sections": {"type": "array", "items": obj({"id": S, "title": S, "counts": COUNTS}, {"score": NUM})},
    "facts": {"type": "object"}, "warnings": STRINGS,
}, {"inspection_date": DATE, "score": {"type": "number", "minimum": 0, "maximum": 100}, "completeness": {"type": "number", "minimum": 0, "maximum": 1}})

GRADE_PARAMS = {"checklist": NES}
GRADE_OPTIONAL = {"answers": ANSWERS, "inspection_date": DATE}

PLAN = obj({}, {"responsible": S, "measures": S, "funds": S, "deadline": DATE, "contingency": S})
HAZARD = obj({
    "id": HAZARD_ID, "inspection": INT, "enterprise": USCC, "enterprise_name": S, "criterion": S, "clause": S, "title": S,
    "evidence": S, "source": {"enum": ["self", "department", "supervision", "public_report"]}, "region": REGION, "sector": S,
    "checklist": S, "checklist_version": S, "grade": {"enum": ["major", "general"]},
    "status": {"enum": ["reported", "rectifying", "rectified", "closed"]}, "found_on": DATE, "overdue": BOOL,
    "rectified_on_the_spot": BOOL, "rejections": INT,
}, {"deadline": DATE, "plan": PLAN, "rectified_by": S, "rectified_on": DATE, "verified_by": S, "closed_on": DATE,
    "supervision": obj({"authority": S, "since": DATE}, {"deadline": DATE})})
EVENT = obj({"seq": INT, "kind": S, "actor": obj({"name": S, "role": S}), "at": TIMESTAMP, "day": DATE, "payload": {}, "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"}},
            {"hazard": INT, "inspection": INT})
HAZARD_RESULT = obj({"hazard": HAZARD})
TRANSITION_COMMON = {"day": DATE, "actor": NES}
FIGURE = obj({"cumulative": INT, "in_period": INT})
LINE = obj({"item": S, "label": S, "figure": FIGURE}, {"amount": NUM})
BREAKDOWN = obj({"key": S, "major": INT, "major_rectified": INT, "general": INT, "general_rectified": INT, "overdue": INT,
                 "rectification_rate": nullable(NUM)})
RATE = nullable({"type": "number", "minimum": 0, "maximum": 1})
LOADED = obj({"id": NES, "version": S, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}})
GENERATION = {"type": "integer", "minimum": 1}
PRINCIPAL = {"name": S, "role": {"enum": ["reader", "inspector", "department", "admin"]}, "sectors": nullable(STRINGS), "regions": nullable(STRINGS)}

METHODS = {
    "session.authenticate": (obj({"token": S}), obj({"auth": BOOL, **PRINCIPAL})),
    "engine.info": (EMPTY, obj({"name": S, "version": S, "protocol": {"const": 1}, "checklists": INT, "auth": BOOL, "methods": STRINGS,
                                "checklist_set": obj({"generation": GENERATION, "checklists": {"type": "array", "items": LOADED}}),
                                "limits": obj({"max_frame": INT, "max_connections": INT, "idle_timeout_seconds": NUM, "max_response": INT})})),
    "checklists.list": (obj({}, {"sector": S}), obj({"checklists": {"type": "array", "items": SUMMARY}})),
    "checklists.get": (obj({"id": NES}), DETAIL),
    "checklists.reload": (EMPTY, obj({"generation": GENERATION, "checklists": {"type": "array", "items": LOADED},
                                      "added": STRINGS, "removed": STRINGS, "updated": STRINGS, "warnings": STRINGS})),
    "hazard.grade": (obj(GRADE_PARAMS, {**GRADE_OPTIONAL, "detail": {"enum": ["full", "hazards", "summary"]}}), EVALUATION),
    "enterprises.register": (obj({"uscc": USCC, "name": NES, "region": REGION}, {"sectors": STRINGS, "sites": STRINGS}),
                             obj({"uscc": USCC, "name": S, "region": REGION, "sectors": STRINGS, "sites": STRINGS, "created": BOOL,
                                  "changed": {"type": "array", "items": {"enum": ["name", "region", "sectors", "sites"]}}},
                                 {"previous": obj({"uscc": USCC, "name": S, "region": REGION, "sectors": STRINGS, "sites": STRINGS})})),
    "inspection.record": (obj({**GRADE_PARAMS, "enterprise": USCC, "inspection_date": DATE},
                              {"answers": ANSWERS, "site": S, "kind": {"enum": ["self", "department", "supervision", "public_report"]},
                               "inspectors": STRINGS, "signed_by": S, "signature": S, "actor": S}),
                          obj({"inspection": INT, "hazards": {"type": "array", "items": HAZARD}, "evaluation": EVALUATION})),
    "hazards.list": (obj({}, {"status": {"type": "array", "items": {"enum": ["reported", "rectifying", "rectified", "closed"]}},
                              "open_only": BOOL, "grade": {"enum": ["major", "general"]},
                              "source": {"enum": ["self", "department", "supervision", "public_report"]}, "region": REGION, "sector": S,
                              "enterprise": USCC, "overdue_as_of": DATE, "supervised_only": BOOL,
                              "limit": {"type": "integer", "minimum": 1, "maximum": 1000}, "offset": {"type": "integer", "minimum": 0, "maximum": 2147483647}}),
                     obj({"hazards": {"type": "array", "items": HAZARD}})),
    "hazards.get": (obj({"id": HAZARD_ID}), obj({"hazard": HAZARD, "events": {"type": "array", "items": EVENT}})),
    "hazards.plan": (obj({"id": HAZARD_ID}, {**TRANSITION_COMMON, "responsible": S, "measures": S, "funds": S, "deadline": DATE, "contingency": S}), HAZARD_RESULT),
    "hazards.rectify": (obj({"id": HAZARD_ID}, {**TRANSITION_COMMON, "note": S}), HAZARD_RESULT),
    "hazards.verify": (obj({"id": HAZARD_ID}, {**TRANSITION_COMMON, "note": S}), HAZARD_RESULT),
    "hazards.reject": (obj({"id": HAZARD_ID, "reason": NES}, TRANSITION_COMMON), HAZARD_RESULT),
    "hazards.supervise": (obj({"id": HAZARD_ID, "authority": NES}, {**TRANSITION_COMMON, "deadline": DATE}), HAZARD_RESULT),
    "hazards.unsupervise": (obj({"id": HAZARD_ID}, {**TRANSITION_COMMON, "note": S}), HAZARD_RESULT),
    "reports.dispatch": (obj({}, {"from": DATE, "to": DATE, "region": REGION, "sector": S}),
                         obj({"query": obj({"from": DATE, "to": DATE}, {"region": S, "sector": S}), "overall": {"type": "array", "items": LINE},
                              "additional": {"type": "array", "items": LINE}, "major_rectification_rate": RATE,
                              "general_rectification_rate": RATE, "rectification_rate": RATE,
                              "by_sector": {"type": "array", "items": BREAKDOWN}, "by_region": {"type": "array", "items": BREAKDOWN},
                              "enforcement": {"type": "array", "items": LINE}})),
}

# inspection.next (PROTOCOL.md, "Guided inspection"): added beside the table, not in it.
STATUS = {"enum": ["major", "general", "compliant", "not_applicable", "unanswered"]}
NONNEG = {"type": "integer", "minimum": 0}
METHODS["inspection.next"] = (
    obj(GRADE_PARAMS, {**GRADE_OPTIONAL, "limit": {"type": "integer", "minimum": 1, "maximum": 1000000}}),
    obj({"checklist": S, "inspection_date": nullable(DATE),
         "progress": obj({k: NONNEG for k in ["criteria", "applicable", "decided", "not_applicable", "waiting"]}),
         "complete": BOOL, "open_count": NONNEG,
         "open": {"type": "array", "items": obj({"question": QUESTION, "applicability": BOOL, "criteria": STRINGS})},
         "skipped": STRINGS,
         "decided": {"type": "array", "items": obj({"criterion": S, "status": STATUS})}}))

HASH = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
CHAIN_PROBLEM = obj({"kind": S, "table": S, "detail": S}, {"id": INT, "column": S})
CHAIN_REPORT = obj({"intact": BOOL, "events": INT, "head": nullable(obj({"seq": INT, "hash": HASH})),
                    "problems": {"type": "array", "items": CHAIN_PROBLEM}, "notes": STRINGS})

# Reports only the CLI prints (no RPC method returns them).
CLI_ONLY = {"ledger.verify-chain": CHAIN_REPORT}

# `hazard … --format json` → the schema of what it prints (the same encoding as the RPC result).
CLI_OUTPUTS = {
    "hazard evaluate": "hazard.grade.result.json",
    "hazard ledger show": "hazards.get.result.json",
    "hazard ledger list": "hazards.list.result.json",
    "hazard report hazards": "hazards.list.result.json",
    "hazard report dispatch": "reports.dispatch.result.json",
    "hazard ledger verify-chain": "ledger.verify-chain.result.json",
}

ERROR = obj({"jsonrpc": {"const": "2.0"}, "id": {"type": ["string", "number", "null"]},
             "error": obj({"code": INT, "message": S}, {"data": {}})})


def write(name, schema, title, out=HERE):
    schema = {"$schema": DRAFT, "$id": f"https://hazard.example/rpc/schema/{name}", "title": title, **schema}
    if "#/$defs/question" in json.dumps(schema):
        schema["$defs"] = {"question": QUESTION_DEF}
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        json.dump(schema, f, ensure_ascii=False, indent=2)
        f.write("\n")


def write_all(out=HERE):
    for method, (params, result) in METHODS.items():
        write(f"{method}.params.json", params, f"{method} params", out)
        write(f"{method}.result.json", result, f"{method} result", out)
    for command, result in CLI_ONLY.items():
        write(f"{command}.result.json", result, f"hazard {command.replace('.', ' ')} --format json", out)
    write("error-response.json", ERROR, "JSON-RPC error response", out)
    return 2 * len(METHODS) + len(CLI_ONLY) + 1


if __name__ == "__main__":
    # An optional folder to write to instead (the tests compare it with the committed files).
    print(f"wrote {write_all(sys.argv[1] if len(sys.argv) > 1 else HERE)} schemas")
