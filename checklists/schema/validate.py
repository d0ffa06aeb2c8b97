#!/usr/bin/env python3
"""Validate checklist files against checklists/schema/checklist.schema.json.

Usage: python3 checklists/schema/validate.py [PATH ...]   (default: checklists/)
Prints one line per problem and a closing 'N passed, N failed'; exits 1 on any failure,
2 when PyYAML or jsonschema is missing (so callers can skip with a message).
"""
import json, os, sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    print(f"skipped: {missing.name} is not installed (pip install pyyaml jsonschema)")
    sys.exit(2)


class Loader(yaml.SafeLoader):
    """YAML 1.1 turns 2024-01-01 into a date; the schema (like the engine) sees text."""


Loader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

here = os.path.dirname(os.path.abspath(__file__))
schema = json.load(open(os.path.join(here, "checklist.schema.json")))
validator = jsonschema.Draft202012Validator(schema)

paths = sys.argv[1:] or [os.path.dirname(here)]
files = []
for path in paths:
    if os.path.isdir(path):
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d != "schema")
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".yaml", ".yml"))]
    else:
        files.append(path)

passed = failed = 0
for file in files:
    document = yaml.load(open(file, encoding="utf-8"), Loader=Loader)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    if errors:
        failed += 1
        for error in errors:
            where = "/".join(str(p) for p in error.path) or "(top level)"
            print(f"{file}: {where}: {error.message}")
    else:
        passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
