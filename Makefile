# The two commands a user needs: `make run` and `make test`. Both build .venv from
# nothing and reinstall only when pyproject.toml changes (the stamp file tracks it).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test lint bench bench-formats clean compile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

# An editable install is not byte-compiled, and a host with PYTHONDONTWRITEBYTECODE set
# never caches bytecode: every start would compile the package again (about 20 ms before
# the first frame). compileall writes the caches regardless, and skips fresh ones.
compile: $(VENV)/.installed-run
	@$(BIN)/python -m compileall -q tui

run: compile
	$(BIN)/newsdesk --corpus corpus $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check tui tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -m "not alone"
	$(BIN)/python -m pytest -m alone

lint: $(VENV)/.installed-test
	$(BIN)/ruff check tui tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

# `make bench BENCH_N=10000`: generate an archive of N articles once, then time loading,
# the full index build and typing the queries in bench/queries.txt. The build is timed
# cold (no disk cache); set BENCH_CACHE to a directory to time a second start instead.
BENCH_N     ?= 1000
BENCH_DIR   := bench/out/corpus-$(BENCH_N)
BENCH_CACHE ?= off

$(BENCH_DIR)/.generated: bench/generate.py | $(VENV)/.installed-run
	@rm -rf $(BENCH_DIR)
	@$(BIN)/python bench/generate.py $(BENCH_DIR) -n $(BENCH_N) >&2
	@touch $@

bench: compile $(BENCH_DIR)/.generated
	@NEWSDESK_CACHE_DIR=$(BENCH_CACHE) $(BIN)/newsdesk bench --corpus $(BENCH_DIR) \
		--queries bench/queries.txt --json

# `make bench-formats`: write BENCH_N saved web pages and BENCH_N two-page PDFs once, then
# time loading each folder (needs the format extras: pip install -e '.[formats]').
bench-formats: $(VENV)/.installed-test
	@$(BIN)/python bench/formats.py bench/out/formats-$(BENCH_N) -n $(BENCH_N)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
