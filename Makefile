# Run `make help` for the list of targets. Every target creates .venv from the
# pinned requirements when it is missing or older than them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Builds are reproducible: any date the build needs comes from the last commit (without git
# history, as in a downloaded archive, from the newest data file: hooks/gyeonggi_kb/data/dates.py).
SOURCE_DATE_EPOCH ?= $(shell $(PYTHON) hooks/gyeonggi_kb/data/dates.py)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# The builder between the generate and publish stages: mkdocs (default) or zensical, in its own
# virtual environment (.venv-zensical from requirements-zensical.txt), which the targets create.
BUILDER ?= mkdocs
ifeq ($(filter $(BUILDER),mkdocs zensical),)
$(error BUILDER must be mkdocs or zensical, not '$(BUILDER)')
endif
ZVENV := .venv-zensical
ZBIN := $(ZVENV)/bin

.DEFAULT_GOAL := help
.PHONY: help serve build validate generate test clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(ZBIN)/.installed: requirements-zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZBIN)/pip install -q -r requirements-zensical.txt
	touch $@

$(BIN)/.test-installed: requirements-test.txt $(BIN)/.installed
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@

# --no-strict: a strict rebuild fails on any warning and the preview then waits until it is fixed;
# `make build` and CI stay strict. --dirty: a rebuild writes only the pages that changed (and those
# the hooks know depend on what changed, see hooks/gyeonggi_kb/pipeline/preview.py), in seconds instead of a full build.
ifeq ($(BUILDER),zensical)
serve: $(ZBIN)/.installed
	$(ZBIN)/python hooks/zensical_preview.py --dev-addr 127.0.0.1:8000 $(if $(SERVE_LANG),--lang $(SERVE_LANG))

# Zensical runs no MkDocs hooks, so the stages run around it (as hooks.py runs them inside MkDocs).
build: $(ZBIN)/.installed
	@$(ZBIN)/python -m gyeonggi_kb generate site
	$(ZBIN)/zensical-i18n build --strict -f zensical.yml
	@$(ZBIN)/python -m gyeonggi_kb publish site
else
serve: $(BIN)/.installed ## Serve http://127.0.0.1:8000, rebuilt on every edit of docs/ or the YAML; problems print here and show on the page (BUILDER=zensical: see README)
	$(BIN)/mkdocs serve --no-strict --dirty --dev-addr 127.0.0.1:8000

build: validate ## Strict build of both languages into site/ (BUILDER=zensical: with Zensical, in .venv-zensical)
	$(BIN)/mkdocs build --strict
endif

validate: $(BIN)/.installed ## Check the data only (no build); problems print as path:line: message
	@$(BIN)/python -m gyeonggi_kb validate

generate: $(BIN)/.installed ## Write the generated pages under docs/ without building
	@$(BIN)/python -m gyeonggi_kb generate

test: $(BIN)/.test-installed $(ZBIN)/.installed tests/vnu/node_modules/.installed ## Run the whole test suite, Zensical parity included (browser tests need the chromium OS package)
	$(BIN)/python -m pytest

# The Nu Html Checker for tests/test_valid_html.py: vnu.jar from npm's vnu-jar, pinned in tests/vnu/package-lock.json
# (runs on Java 17+). --ignore-scripts: its install script only fetches a Java runtime when none is found.
tests/vnu/node_modules/.installed: tests/vnu/package-lock.json
	cd tests/vnu && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean: ## Remove site/, the build cache and the generated folders under docs/
	rm -rf site .cache/gyeonggi_kb .zensical-i18n docs/curriculum docs/modules docs/sessions docs/glossary docs/references docs/recaps docs/translation-status

.PHONY: schemas
schemas: $(BIN)/.installed ## Regenerate schemas/*.schema.json (editors' YAML checks) from hooks/gyeonggi_kb/data/shapes.py
	@$(BIN)/python -m gyeonggi_kb schemas

.PHONY: new-module new-term new-reference new-recap
new-module: $(BIN)/.installed ## New module with both lesson files: make new-module ID=ai-basics
	@$(BIN)/python -m gyeonggi_kb new module "$(ID)"

new-term: $(BIN)/.installed ## New glossary term: make new-term ID=generative-ai
	@$(BIN)/python -m gyeonggi_kb new term "$(ID)"

new-reference: $(BIN)/.installed ## New policy reference: make new-reference ID=eu-ai-act
	@$(BIN)/python -m gyeonggi_kb new reference "$(ID)"

new-recap: $(BIN)/.installed ## New session recap in both languages: make new-recap SESSION=s01
	@$(BIN)/python -m gyeonggi_kb new recap "$(SESSION)"

.PHONY: import-glossary
# Options (see README, "Importing a term list"): WRITE=1 creates new terms, UPDATE=1 (with WRITE=1) also changes
# existing ones; MAP="their=ours,..." names the columns; TOPIC, SOURCE_TITLE, SOURCE_URL, LICENCE fill what the file lacks.
import-glossary: $(BIN)/.installed ## Trial run of a term list (writes nothing): FILE=terms.csv [WRITE=1 [UPDATE=1]] [MAP=..] [TOPIC=..] [SOURCE_TITLE=.. SOURCE_URL=.. LICENCE=..]
	@$(BIN)/python -m gyeonggi_kb import-glossary "$(FILE)" --via-make \
		$(if $(filter 1 yes true,$(WRITE)),--write) $(if $(filter 1 yes true,$(UPDATE)),--update) \
		--map "$(MAP)" --topic "$(TOPIC)" --source-title "$(SOURCE_TITLE)" --source-url "$(SOURCE_URL)" --licence "$(LICENCE)"

.PHONY: translation-status
translation-status: $(BIN)/.installed ## List what is missing in English or Korean, and how far each collection is translated
	@$(BIN)/python -m gyeonggi_kb translation-status

.PHONY: review-due
review-due: $(BIN)/.installed ## List records to re-check against their sources, as path:line (a reminder: exit 0); MONTHS=6, TODAY=YYYY-MM-DD
	@$(BIN)/python -m gyeonggi_kb review-due $(if $(MONTHS),--months "$(MONTHS)") $(if $(TODAY),--today "$(TODAY)") $(if $(FORMAT),--format "$(FORMAT)")

.PHONY: linkcheck-external
linkcheck-external: $(BIN)/.installed ## Check every external URL in the data and pages (needs the internet; not in `make test`)
	@$(BIN)/python -m gyeonggi_kb.linkcheck

.PHONY: bench-search
bench-search: $(BIN)/.test-installed ## Search benchmark in Chromium: recall@5, bytes at load and per query, typing to results, stock vs ours (two builds; PAGEFIND_PYTHON=… adds Pagefind)
	$(BIN)/python tests/bench_search.py $(if $(PAGEFIND_PYTHON),--pagefind-python $(PAGEFIND_PYTHON))

.PHONY: bench
bench: $(BIN)/.installed ## Benchmark builds (100-1,600 pages/language) and validation (5,000 terms) on synthetic data; writes bench/results.json
	$(BIN)/python bench/run.py

.PHONY: bench-serve
bench-serve: $(BIN)/.test-installed ## Time from saving a YAML file to the change showing in `make serve` (real server, temporary copy)
	$(BIN)/python bench/serve_latency.py

.PHONY: bench-lighthouse
bench-lighthouse: $(BIN)/.test-installed bench/lighthouse/node_modules/.installed ## Lighthouse (mobile) on one page of every kind, both languages, ours vs plain Material; writes bench/lighthouse.json (10-40 min)
	$(BIN)/python bench/lighthouse.py

# Lighthouse 12.2.3, pinned in bench/lighthouse/package-lock.json (the last release that runs on Node 20).
bench/lighthouse/node_modules/.installed: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund
	touch $@
