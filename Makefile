# One entry point for people and CI. `make run` and `make test` install what they need.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/hazard

.PHONY: all deps build run examples test lint boundaries bench fuzz fuzz-smoke fuzz-replay clean

all: build

## Install the system libraries the build links (libyaml, SQLite) when pkg-config cannot find them.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1 || missing="$$missing libyaml-dev"; \
	command -v pkg-config >/dev/null 2>&1 && pkg-config --exists sqlite3 || missing="$$missing libsqlite3-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: pkg-config cannot find$$missing; installing with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	else echo "make deps: libyaml and sqlite3 found by pkg-config"; fi

build: deps
	$(SWIFT) build

## The main job on the embedded default: the RPC server with the shipped checklists and the
## ledger in ./hazard.sqlite, on 127.0.0.1:7420 (loopback only, unauthenticated). Ctrl-C stops it.
run: build
	@echo "Query it from another terminal:"
	@echo "  $(BIN) call engine.info"
	@echo "  $(BIN) call hazard.grade '{\"checklist\":\"urban-gas-2023\",\"answers\":{\"has_emergency_plan\":false}}'"
	@echo "  python3 rpc/python/hazard_rpc.py checklists.list   |   rpc/examples/raw-bytes.sh"
	$(BIN) serve --checklists checklists --database ./hazard.sqlite --host 127.0.0.1 --port 7420

## Grade the shipped example inspections and print the reports.
examples: build
	@for f in examples/*.yaml; do \
	  echo "════ $$f"; $(BIN) evaluate "$$f" || exit 1; echo; \
	done

## Every test: module boundaries, Swift tests, the Python client against the real server,
## checklist lint and checklist test cases. The Swift tests run the ledger suite on SQLite and on
## a throwaway PostgreSQL cluster (Tests/Support/postgres-cluster.sh: Debian's postgresql,
## installed when missing, a unix socket in a temp folder, stopped at the end even on failure);
## HAZARD_REQUIRE_POSTGRES makes a missing cluster a failure, not a skip.
test: deps boundaries
	$(SWIFT) build
	@set -e; eval "$$(Tests/Support/postgres-cluster.sh start)"; \
	  trap 'Tests/Support/postgres-cluster.sh stop "$$HAZARD_PG_DIR"' EXIT; \
	  HAZARD_REQUIRE_POSTGRES=1 $(SWIFT) test
	python3 rpc/python/tests/run.py
	$(BIN) lint checklists
	$(BIN) test checklists --coverage
	$(MAKE) fuzz-replay

## The committed fuzz corpora of the two cheap targets (frame decoder, expression parser), each
## input run once under AddressSanitizer with no mutation: deterministic, so a crash here is a
## regression, never luck. About two minutes, most of it building the two fuzzers.
fuzz-replay:
	@for t in frame expression; do FUZZ_RUNS=0 Tests/Fuzz/run-$$t-fuzz.sh 60 || exit 1; done

## Core and plugins must not import network, database or YAML modules (architecture note).
boundaries:
	@if grep -rnE '^\s*(public |internal |package |@_exported )?import +(GRDB|NIO[A-Za-z]*|CYAML|Logging|ServiceLifecycle)\b' Sources/HazardCore plugins; then \
	  echo "make boundaries: HazardCore and plugins may import only Foundation and HazardCore"; exit 1; \
	else echo "make boundaries: ok"; fi

## Fuzz every parser of hostile input with libFuzzer + AddressSanitizer (Tests/Fuzz/run-*-fuzz.sh):
## the JSON reader, the RPC frame decoder, answers files, checklist files and expressions, for
## FUZZ_SECONDS each. A crash, hang or memory blow-up fails the target; the input that caused
## it is left in .build/fuzz/<target>/. The frame target links NIO from the debug build.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= json frame answers checklist expression
fuzz: deps
	$(SWIFT) build
	@for t in $(FUZZ_TARGETS); do Tests/Fuzz/run-$$t-fuzz.sh $(FUZZ_SECONDS) || exit 1; done

## The same for a few seconds each. Not part of `make test`: on 2 cores the five libFuzzer builds
## (HazardCore, HazardYAML and the plugins compiled -O with AddressSanitizer, twice) take minutes,
## well over the 90 s `make test` may add; a build is reused while its sources are unchanged.
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=$(or $(FUZZ_SMOKE_SECONDS),8)

lint: build
	$(BIN) lint checklists

bench: deps
	./Benchmarks/run.sh

clean:
	rm -rf .build
