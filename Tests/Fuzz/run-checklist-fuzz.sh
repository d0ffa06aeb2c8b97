#!/usr/bin/env bash
# Fuzz checklist loading (ChecklistLoader.load(bytes:file:) with the shipped plugins: libyaml,
# decoding, compiling) with libFuzzer (+ AddressSanitizer), seeded with cut-down shipped
# checklists and hostile YAML.
#   Tests/Fuzz/run-checklist-fuzz.sh [SECONDS]    (default 60)
# Needs libyaml-dev (`make deps`).
source "$(dirname "$0")/fuzz-common.sh"
source Tests/Fuzz/yaml-sources.sh
FUZZ_MODULE=$FUZZ_MODULE fuzz_build checklist "${YAML_FUZZ_SOURCES[@]}" Tests/Fuzz/ChecklistLoaderFuzz.swift
fuzz_run checklist "${1:-60}" 16384
