#!/usr/bin/env python3
"""The peer: datalogic-py (Rust JSONLogic) on the same workload, in the same run.

Evaluates every criterion's JSONLogic form against each answer set with the fastest
API the binding offers (one native call per answer set: Session.evaluate_many over
pre-compiled rules), checks the results against the expected truth values, and prints
ns per criterion as median/min/max, both over pre-parsed data handles and including
the conversion of the decoded answers into a handle. Writes JSON to argv[2] if given.
"""
import json, statistics, sys, time

import datalogic_py

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/workload-100.json"
workload = json.load(open(path))
engine = datalogic_py.Engine()
rules = [engine.compile(c["jsonlogic"]) for c in workload["criteria"]]
sets = [s["answers"] for s in workload["answer_sets"]]
handles = [datalogic_py.DataHandle(a) for a in sets]
session = engine.session()

# Correctness first: a benchmark that computes wrong answers measures nothing.
for index, (handle, answer_set) in enumerate(zip(handles, workload["answer_sets"])):
    got = [json.loads(r) if isinstance(r, str) else r for r in session.evaluate_many(rules, handle)]
    if got != answer_set["expected"]:
        bad = next(i for i, (g, e) in enumerate(zip(got, answer_set["expected"])) if g != e)
        sys.exit(f"datalogic-py disagrees on set {index} criterion {workload['criteria'][bad]['id']}: {got[bad]}")

units = len(rules) * len(sets)

def measure(body, iterations, samples=15):
    for _ in range(max(1, iterations // 10)):
        body()
    out = []
    for _ in range(samples):
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        out.append((time.perf_counter_ns() - start) / (iterations * units))
    return out

def typed():
    for handle in handles:
        session.evaluate_many(rules, handle)

def converted():
    for answers in sets:
        session.evaluate_many(rules, datalogic_py.DataHandle(answers))

results = {"typed": measure(typed, 300), "converted": measure(converted, 300)}
summary = {}
print(f"datalogic-py {getattr(datalogic_py, '__version__', '')}: {len(rules)} criteria × {len(sets)} answer sets — results match the expected truth values")
for name, label in (("typed", "pre-parsed data handle"), ("converted", "including dict → handle")):
    s = results[name]
    summary[name] = {"median": statistics.median(s), "min": min(s), "max": max(s)}
    print(f"  {label:<44} median {statistics.median(s):.2f} ns/criterion  (min {min(s):.2f}, max {max(s):.2f})")
if len(sys.argv) > 2:
    json.dump(summary, open(sys.argv[2], "w"))
