#!/usr/bin/env bash
# Guided inspection: every shipped example replayed through inspection.next (questions asked
# vs. in the checklist, same findings as the full answers), and the time per call (release).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product inspect-bench 2>&1 | grep -E "error|Build" | tail -3
.build/release/inspect-bench .
