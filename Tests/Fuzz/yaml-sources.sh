# Sourced by run-answers-fuzz.sh and run-checklist-fuzz.sh: the swiftc arguments for HazardCore,
# HazardYAML (with the system libyaml through Sources/CYAML's module map) and the shipped plugins,
# compiled as one module named HazardCore.
FUZZ_MODULE=HazardCore
YAML_FUZZ_SOURCES=(
    $(find Sources/HazardCore Sources/HazardYAML plugins -name '*.swift' | sort)
    Tests/Fuzz/YAMLFuzzSupport.swift
    -I Sources/CYAML -lyaml -suppress-warnings
)
