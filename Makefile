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

install: $(VENV)/.installed web-assets

## Map libraries for the web view, pinned in $(WEB)/package-lock.json; the view degrades without npm.
web-assets: $(VENDOR)/leaflet.js

$(VENDOR)/leaflet.js: $(WEB)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix $(WEB) --silent --no-audit --no-fund && mkdir -p $(VENDOR) && \
	  cp $(WEB)/node_modules/leaflet/dist/leaflet.js $(WEB)/node_modules/leaflet/dist/leaflet.css \
	     $(WEB)/node_modules/topojson-client/dist/topojson-client.min.js \
	     $(WEB)/node_modules/world-atlas/countries-50m.json $(VENDOR)/ && \
	  cp -r $(WEB)/node_modules/leaflet/dist/images $(VENDOR)/; \
	else echo "npm not found: the web view will work without its map"; fi

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
	rm -rf $(VENV) $(WEB)/node_modules $(VENDOR) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
