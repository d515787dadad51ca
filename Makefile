# The whole setup is two commands: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= claimtrack.db

.PHONY: install dev demo test test-fast lint typecheck check bench bench-speed clean schema web-assets serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

WEB := src/claimtrack/web
VENDOR := $(WEB)/static/vendor

install: $(VENV)/.installed

## Browser libraries of the web desk (map, clustering, chart, API docs), pinned in $(WEB)/package-lock.json.
## Their copies in $(VENDOR) are committed (so a wheel from a clean checkout has them without npm);
## this target refreshes them after a version change in $(WEB)/package.json.
web-assets:
	npm ci --prefix $(WEB)
	$(PYTHON) scripts/web_assets.py

dev: $(VENV)/.dev

## Ingest the project's own examples into ./claimtrack.db and print the ledger.
demo: install
	$(BIN)/claimtrack ingest examples/ --db $(DB)
	$(BIN)/claimtrack events --db $(DB)

## The test suite (slow tests included, as CI runs it).
test: dev
	$(BIN)/pytest -q

test-fast: dev
	$(BIN)/pytest -q -m "not slow"

lint: dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: dev
	$(BIN)/mypy

check: lint typecheck test

schema: install
	$(BIN)/python -m claimtrack.schema

bench-speed: dev
	$(BIN)/python bench/speed.py

## The web view (map and timeline) over the ledger at http://127.0.0.1:8000
serve: install
	$(BIN)/claimtrack serve --db $(DB)

clean:
	rm -rf $(VENV) $(WEB)/node_modules build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
