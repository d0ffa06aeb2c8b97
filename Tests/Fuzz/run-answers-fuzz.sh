#!/usr/bin/env bash
# Fuzz answers files (AnswersFile.parse, then grading against the shipped checklist they name)
# with libFuzzer (+ AddressSanitizer), seeded with the example inspections and hostile YAML.
#   Tests/Fuzz/run-answers-fuzz.sh [SECONDS]    (default 60)
# Needs libyaml-dev (`make deps`).
source "$(dirname "$0")/fuzz-common.sh"
source Tests/Fuzz/yaml-sources.sh
FUZZ_MODULE=$FUZZ_MODULE fuzz_build answers "${YAML_FUZZ_SOURCES[@]}" Tests/Fuzz/AnswersFileFuzz.swift
fuzz_run answers "${1:-60}" 8192
