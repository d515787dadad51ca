# The whole setup is two commands: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= claimtrack.db

.PHONY: install dev demo test test-fast lint typecheck check bench bench-speed clean schema

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

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

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
