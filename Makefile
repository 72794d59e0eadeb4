# Two commands are all a newcomer needs:
#   make demo   sets everything up and runs the article's case end to end
#   make test   sets everything up and runs the whole test suite (lint, types, tests, scenarios)
# Needs Python 3.11 or 3.12 and make. durable_rules has no wheels on PyPI: vendor/wheels holds
# ours for Linux x86_64 (glibc 2.17 or later); anywhere else pip builds it with a C compiler.

SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The first of python3.12, python3.11, python3 that is 3.11 or 3.12; override with make PYTHON=...
PYTHON ?= $(shell for p in python3.12 python3.11 python3; do \
	  command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null \
	  && { command -v $$p; break; }; done)

.PHONY: demo test setup lint bench clean

SUPPORTED := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ] || ! "$(PYTHON)" -c '$(SUPPORTED)' 2>/dev/null; then \
	  echo "lexcase needs Python 3.11 or 3.12 (its engine, durable_rules 2.0.28, does not import on 3.13)$(if $(PYTHON),; $(PYTHON) is not one of them,; none was found on PATH)." >&2; exit 2; fi
	@echo "setting up $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  --find-links vendor/wheels -e '.[test]' || { \
	  echo "setup failed. Where vendor/wheels has no durable_rules wheel for this machine, pip builds it from source and needs a C compiler and the Python headers (e.g. apt install build-essential python3-dev)." >&2; exit 2; }
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	@echo "== Zhilin as of 27 September 2022, the day after he crossed: what lexcase predicts =="
	@$(BIN)/lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27
	@echo
	@echo "== Zhilin as of 12 December 2022, with the decisions recorded by then =="
	@$(BIN)/lexcase evaluate seeds/zhilin.yaml
	@echo
	@echo "== His timeline as of 12 December 2022: events, and the deadlines that run =="
	@$(BIN)/lexcase timeline seeds/zhilin.yaml

PY_DIRS := engine tests $(wildcard benchmarks)

lint: $(STAMP)
	@$(BIN)/ruff check $(PY_DIRS)
	@$(BIN)/ruff format --check $(PY_DIRS)
	@$(BIN)/mypy

test: lint
	@$(BIN)/pytest

# Speed and memory, measured (not a test): see benchmarks/README.md. BENCH_ARGS=--quick for a look.
BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  --find-links vendor/wheels -e '.[test,bench,dask]'
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	@$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
