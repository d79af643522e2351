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
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# apt needs root: use sudo when not root and sudo is there.
SUDO := $(shell if [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then echo sudo; fi)

.PHONY: install install-dev demo serve test lint typecheck clean chromium cue-model

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
	$(BIN)/stancemap demo --host $(HOST) --port $(PORT) $(if $(NO_SERVE),--no-serve,)

serve: install
	$(BIN)/stancemap serve --host $(HOST) --port $(PORT)

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
chromium:
	@if [ -x $(CHROMIUM) ]; then :; else \
	  echo "installing Debian's chromium for the browser tests (apt-get install chromium)"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium \
	  || echo "chromium could not be installed: the browser tests will be skipped" >&2; \
	fi

lint: install-dev
	$(BIN)/ruff check src tests benchmarks training

typecheck: install-dev
	$(BIN)/mypy

# pytest exits 5 when it collected no tests: that is a failure here, not a pass.
test: install-dev lint typecheck chromium
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

# The PolNeAR cue tagger (training/polnear_cues.py; docs/notes/2026-12-03/cuemodel.md): an experiment,
# not part of the package. Reads ../shared/polnear at build time; writes only under build/cue-model.
CUE_MODEL ?= build/cue-model
POLNEAR ?= ../shared/polnear
cue-model: install-dev
	$(BIN)/python training/polnear_cues.py convert $(POLNEAR) $(CUE_MODEL)
	OMP_NUM_THREADS=1 $(BIN)/python training/polnear_cues.py train $(CUE_MODEL)
	$(BIN)/python training/polnear_cues.py score $(CUE_MODEL)/model-best $(POLNEAR)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache test-artifacts
