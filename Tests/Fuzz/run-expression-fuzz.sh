#!/usr/bin/env bash
# Fuzz the expression lexer, parser and compiler with libFuzzer (+ AddressSanitizer), seeded with
# every hazard_when/applies_when of the shipped checklists and hand-made edge cases.
#   Tests/Fuzz/run-expression-fuzz.sh [SECONDS]    (default 60)
# HazardCore's files are compiled with the target (it needs only Foundation), so the harness
# reaches the internal Parser and compiles each condition into a small fixed checklist.
source "$(dirname "$0")/fuzz-common.sh"
fuzz_build expression $(find Sources/HazardCore -name '*.swift' | sort) Tests/Fuzz/ExpressionFuzz.swift
fuzz_run expression "${1:-60}" 2048
