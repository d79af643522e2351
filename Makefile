# stancemap: the two commands of the README, and what they depend on.
#   make demo   set up everything, ingest the bundled demo corpus into SQLite, print, serve
#   make test   set up everything with the dev tools, lint, type-check and run the tests
# Set-up is idempotent: a stamp file per step, remade only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
NO_SERVE ?=
PYTEST_ARGS ?=

.PHONY: install install-dev demo test lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[dev]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/stancemap demo $(if $(NO_SERVE),--no-serve,)

lint: install-dev
	$(BIN)/ruff check src tests benchmarks

typecheck: install-dev
	$(BIN)/mypy

# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
test: install-dev lint typecheck
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache test-artifacts
