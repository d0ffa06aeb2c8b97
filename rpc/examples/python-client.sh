#!/usr/bin/env bash
# The Python client's command-line mode (rpc/python/hazard_rpc.py, stdlib only).
set -euo pipefail
cd "$(dirname "$0")/../python"
PORT="${1:-7420}"
python3 hazard_rpc.py --port "$PORT" engine.info
python3 hazard_rpc.py --port "$PORT" checklists.list '{"sector":"gas"}' | head -20
python3 hazard_rpc.py --port "$PORT" hazard.grade '{"checklist":"urban-gas-2023","answers":{"has_emergency_plan":false}}' | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["rating"], r["counts"])'
# Errors go to stderr with their code, exit status 1:
python3 hazard_rpc.py --port "$PORT" checklists.get '{"id":"nope"}' || echo "exit status $?"
