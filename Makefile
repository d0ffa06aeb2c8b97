# One entry point for people and CI. `make run` and `make test` install what they need.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/hazard

.PHONY: all deps python-deps build run examples test lint boundaries bench fuzz fuzz-smoke fuzz-replay clean documents-deps documents-pdf-test install uninstall install-test

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

## Every test: module boundaries, Swift tests, documents printed to PDF, the Python client against
## the real server, checklist lint and checklist test cases. The Swift tests run the ledger suite on
## SQLite and on a throwaway PostgreSQL cluster (Tests/Support/postgres-cluster.sh: Debian's
## postgresql, installed when missing, a unix socket in a temp folder, stopped at the end even on
## failure), with a streaming hot standby of it for the read-only tests; HAZARD_REQUIRE_POSTGRES
## makes a missing cluster or standby a failure, not a skip.
test: deps boundaries documents-deps python-deps
	$(SWIFT) build
	@set -e; eval "$$(Tests/Support/postgres-cluster.sh start)"; \
	  trap 'Tests/Support/postgres-cluster.sh stop "$$HAZARD_PG_DIR"' EXIT; \
	  eval "$$(Tests/Support/postgres-cluster.sh standby "$$HAZARD_PG_DIR")"; \
	  HAZARD_REQUIRE_POSTGRES=1 $(SWIFT) test; \
	  HAZARD_REQUIRE_POSTGRES=1 python3 rpc/python/tests/two_servers.py; \
	  HAZARD_REQUIRE_POSTGRES=1 python3 rpc/python/tests/load_balancer.py
	Tests/documents-pdf-test.sh
	python3 rpc/python/tests/run.py
	$(BIN) lint checklists
	$(BIN) test checklists --coverage
	$(MAKE) fuzz-replay
	$(MAKE) install-test

## Install a release build under PREFIX: the binary, the checklists where it finds them from any
## folder ($(PREFIX)/share/hazard/checklists) and bash, zsh and fish completions. The release build
## is incremental, so an up-to-date one is reused; `make install PREFIX=… INSTALL_BUILD_FLAGS=--scratch-path=DIR`
## builds elsewhere. DESTDIR stages the files for packaging.
PREFIX ?= /usr/local
INSTALL_BUILD_FLAGS ?=
install: deps
	$(SWIFT) build -c release --product hazard $(INSTALL_BUILD_FLAGS)
	@bin="$$($(SWIFT) build -c release $(INSTALL_BUILD_FLAGS) --show-bin-path)/hazard"; \
	root="$(DESTDIR)$(PREFIX)"; set -e; \
	install -d "$$root/bin" "$$root/share/hazard" "$$root/share/bash-completion/completions" \
	  "$$root/share/zsh/site-functions" "$$root/share/fish/vendor_completions.d"; \
	install -m 755 "$$bin" "$$root/bin/hazard"; \
	rm -rf "$$root/share/hazard/checklists"; cp -R checklists "$$root/share/hazard/checklists"; \
	"$$bin" --generate-completion-script bash > "$$root/share/bash-completion/completions/hazard"; \
	"$$bin" --generate-completion-script zsh > "$$root/share/zsh/site-functions/_hazard"; \
	"$$bin" --generate-completion-script fish > "$$root/share/fish/vendor_completions.d/hazard.fish"; \
	echo "make install: $$root/bin/hazard, checklists in $$root/share/hazard/checklists, completions for bash, zsh and fish"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/hazard" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/hazard" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_hazard" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/hazard.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/hazard"

## A clone of this checkout's HEAD installed under a temporary PREFIX answers `hazard checklists`
## from another folder (Tests/install-test.sh). The clone's release build is cached in
## .build/install-test, so after the first run only our own modules are rebuilt: measured on 2 cores,
## 384 s the first time, 107 s after.
install-test:
	Tests/install-test.sh

## What printing documents to PDF needs (`hazard ledger document --pdf`, Tests/documents-pdf-test.sh):
## headless Chromium, poppler-utils (pdftotext, pdfinfo, pdftoppm) and a font with Chinese glyphs.
documents-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "make documents-deps: installing$$missing with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "make documents-deps: chromium, poppler-utils and a CJK font found"; fi

## The Python client is standard library only; its schema tests need jsonschema, installed here
## so that they run rather than skip (pip, else Debian's python3-jsonschema).
python-deps:
	@if python3 -c 'import jsonschema' 2>/dev/null; then echo "make python-deps: jsonschema found"; \
	else echo "make python-deps: installing jsonschema for the schema tests"; \
	  python3 -m pip install -q jsonschema 2>/dev/null || \
	    { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; }; \
	  python3 -c 'import jsonschema' || { echo "make python-deps: cannot import jsonschema after installing it"; exit 1; }; fi

## Each document kind printed through headless Chromium and read back (text, pages, A4).
documents-pdf-test: documents-deps
	$(SWIFT) build --product hazard
	Tests/documents-pdf-test.sh

## The committed fuzz corpora of the two cheap targets (frame decoder, expression parser), each
## input run once under AddressSanitizer with no mutation: deterministic, so a crash here is a
## regression, never luck. About two minutes, most of it building the two fuzzers.
fuzz-replay:
	@for t in frame expression; do FUZZ_RUNS=0 Tests/Fuzz/run-$$t-fuzz.sh 60 || exit 1; done

## Core and plugins import nothing but Foundation and HazardCore (and the C library): no network,
## database, YAML, logging or metrics module (architecture note). Package.swift's target
## dependencies are the real guard; this names the offending line when someone adds one.
boundaries:
	@if grep -rnE --include='*.swift' '^\s*(@[A-Za-z_]+ +)*((public|internal|package|private|fileprivate) +)?import +(class +|struct +|enum +|func +)?[A-Za-z_]+' Sources/HazardCore plugins \
	    | grep -vE 'import +(Foundation|HazardCore|Glibc|Darwin|Synchronization)\b'; then \
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
