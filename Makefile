# dossier — `make` builds the site, `make test` runs every test.
# Both install what a fresh Debian machine lacks (cmark-gfm and poppler-glib through apt-get; for the browser
# checks in `make test`, chromium and chromium-driver through apt-get and a Python .venv).

SWIFT        ?= swift
CONFIG       ?= release
BIN          := .build/$(CONFIG)/dossier
DEBUG_BIN    := .build/debug/dossier
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libpoppler-glib-dev

.PHONY: all site build deps embedded-templates test unit-test site-check browser-deps browser-test clean serve bench fuzz import-score

all: site

# Debian packages the build links against; installed only when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists libcmark-gfm poppler-glib 2>/dev/null || [ ! -e /usr/include/cmark-gfm-core-extensions.h ]; then \
		echo "installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

build: deps embedded-templates
	$(SWIFT) build -c $(CONFIG) --product dossier

# `dossier init` writes the templates it carries: Sources/DossierCLI/DefaultTemplates.swift, made from templates/.
embedded-templates:
	@./scripts/embed-templates.sh

site: build
	$(BIN) build

serve: build
	$(BIN) serve

test: deps unit-test site-check browser-test

unit-test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The committed site/ must equal a fresh build of content/ and templates/.
site-check:
	$(SWIFT) build --product dossier
	rm -rf .build/site-check
	$(DEBUG_BIN) build --quiet --output .build/site-check
	@diff -r site .build/site-check > .build/site-check.diff || { \
		echo "site/ is stale: run 'make' and commit site/ (differences below)"; \
		head -40 .build/site-check.diff; exit 1; }
	@echo "site/ is up to date"
	@# Check the site as it would be published: a base URL adds the feeds and sitemap to what is checked.
	$(DEBUG_BIN) check --strict --output .build/site-check --base-url https://example.org/alliance-dossier/

# ---- Browser checks: HTML validation, accessibility, console, screenshots, navigation, search, print, feeds ----
# Chromium and its driver come from Debian (installed only when missing); the Python tools live in
# .venv (ignored by git), reinstalled only when Tests/Browser/requirements.txt changes.
BROWSER_APT  := chromium chromium-driver
PYTHON       ?= python3
VENV         := .venv
VENV_STAMP   := $(VENV)/.requirements-installed
BROWSER_REQS := Tests/Browser/requirements.txt

browser-deps: $(VENV_STAMP)
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		echo "installing $(BROWSER_APT)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(BROWSER_APT) >/dev/null; \
	fi

$(VENV_STAMP): $(BROWSER_REQS)
	@# Debian's own python3 needs python3-venv for `-m venv`; a Python built from source has it already.
	@if [ ! -x $(VENV)/bin/python ] && ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends python3-venv >/dev/null; \
	fi
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $(BROWSER_REQS)
	@touch $@

# Runs against the committed site/ (in `make test`, site-check has made sure it is up to date);
# the feed and sitemap checks build their own copy with a loopback base URL using the debug binary.
browser-test: deps browser-deps
	$(SWIFT) build --product dossier
	DOSSIER_BIN=$(DEBUG_BIN) $(VENV)/bin/python -m pytest Tests/Browser -q

# The importer against the scored corpus (PDFs and their pdftotext texts are committed, so no browser
# is needed); IMPORT_SCORE_FLAGS=--verbose lists every missed and invented paragraph.
import-score: deps
	$(SWIFT) build --product dossier-import-score
	.build/debug/dossier-import-score Tests/Fixtures/import-corpus $(IMPORT_SCORE_FLAGS)

clean:
	rm -rf .build .build-* .bench .venv-bench

# ---- Benchmarks (see BENCHMARKS.md) ----
# `make bench` times 1,000- and 10,000-page generated corpora (cached in .bench/, regenerated when the
# generator changes); `make bench-large` builds a 100,000-page corpus once; `make bench-search` sizes
# and times the search index against Pagefind on the 10,000-page corpus (run `make bench` first).
BENCH_BIN    := .build/release/dossier-bench
BENCH_SIZES  ?= 1000,10000
BENCH_RUNS   ?= 5,3

# Hugo (Debian's `hugo`) is timed on the same corpus; `make bench-deps` installs it and perf (for profiles).
BENCH_APT    := hugo linux-perf

.PHONY: bench-build bench-deps bench-large bench-search bench-profile bench-compare

bench-deps:
	@if ! command -v hugo >/dev/null 2>&1 || ! command -v perf >/dev/null 2>&1; then \
		echo "installing $(BENCH_APT)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(BENCH_APT); \
	fi

bench-build: deps bench-deps
	$(SWIFT) build -c release --product dossier
	$(SWIFT) build -c release --product dossier-bench

bench: bench-build
	$(BENCH_BIN) run --dossier .build/release/dossier --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)

# One DWARF call-graph profile of a 10,000-page build (after `make bench`): perf.data and a report by symbol.
bench-profile: bench-build
	perf record -F 499 --call-graph dwarf,16384 -o .bench/perf.data -- .build/release/dossier build --quiet \
		--content .bench/corpus-10000/content --templates templates --output .bench/corpus-10000/runs/profile-$$$$
	perf report -i .bench/perf.data --no-children --sort dso,symbol --stdio 2>/dev/null | head -80 > .bench/profile.txt
	@echo "(report in .bench/profile.txt)"

# `make bench-compare BEFORE=/path/to/old/dossier`: that executable and this tree's, alternating on the
# 10,000-page corpus, each build into a new folder; checks the outputs are byte-identical.
BEFORE ?=
bench-compare: bench-build
	@test -n "$(BEFORE)" || { echo "give BEFORE=/path/to/the/old/dossier"; exit 2; }
	$(BENCH_BIN) compare --before $(BEFORE) --dossier .build/release/dossier --pages 10000 --runs 3

bench-large: bench-build
	$(BENCH_BIN) large --dossier .build/release/dossier --pages 100000

bench-search: bench-build
	Tests/Bench/bench-search.sh .bench/corpus-10000

# ---- Robustness: fuzzing and the server load test (neither is part of `make test`) ----
# `make fuzz` builds Tests/Fuzz (libFuzzer + AddressSanitizer, its own package) and runs each
# target FUZZ_SECONDS; `make load-test` hammers `dossier serve` while content is edited.
FUZZ_SECONDS ?= 60
LOAD_SECONDS ?= 30

.PHONY: fuzz-build load-test

fuzz-build: deps
	cd Tests/Fuzz && $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/Scripts/run-fuzz.sh

load-test: deps
	$(SWIFT) build --product dossier
	LOAD_SECONDS=$(LOAD_SECONDS) Tests/Load/run-load-test.sh
