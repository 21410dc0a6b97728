# Set-up for a fresh machine: `make demo` and `make test` do everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= decaudit.db

.PHONY: demo test install browser lint bench docs smoke sdist-test clean

# durable_rules 2.0.28 (2020, its last release) is a source distribution with a C extension,
# so a C compiler is needed. Python 3.13 removed PyEval_CallObject, which it calls: it is
# built with this define (harmless on 3.11 and 3.12), outside pip's wheel cache so that a
# wheel built without the define is never reused.
DURABLE_CPPFLAGS := -DPyEval_CallObject=PyObject_CallObject
define install_durable
	CPPFLAGS="$(DURABLE_CPPFLAGS) $$CPPFLAGS" $(1)/python -m pip install --quiet \
	  --no-cache-dir --no-binary durable-rules 'durable-rules>=2.0.28'
endef

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(call install_durable,$(BIN))
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/decaudit check samples/ --db $(DB) --fail-on never
	$(BIN)/decaudit verify --db $(DB)
	$(BIN)/decaudit report --db $(DB) -o decaudit-report.html

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -p no:cacheprovider
	$(MAKE) --no-print-directory smoke

# Smoke test under other Pythons when they are installed (on PATH or under `pyenv root`):
# a fresh venv per version, decaudit installed from this tree, `check samples/` must give
# the same summary as the main environment.
SMOKE_PYTHONS ?= 3.13 3.14
smoke: $(STAMP)
	@for v in $(SMOKE_PYTHONS); do \
	  py=$$(.ci/find-python $$v) || { echo "smoke: python$$v not found, skipped"; continue; }; \
	  venv=.venv-$$v; echo "smoke: $$py -> $$venv"; \
	  test -x $$venv/bin/python || { $$py -m venv $$venv && \
	    $$venv/bin/python -m pip install --quiet --upgrade pip ; } || exit 1; \
	  $$venv/bin/python -c 'import durable.engine' 2>/dev/null || { \
	    $(call install_durable,$$venv/bin) --force-reinstall ; } || exit 1; \
	  $$venv/bin/python -m pip install --quiet . && \
	  $$venv/bin/python -m pip install --quiet --no-deps --force-reinstall . || exit 1; \
	  want=$$($(BIN)/decaudit check samples/ --no-log --fail-on never -q --today 2026-06-30) || exit 1; \
	  got=$$($$venv/bin/decaudit check samples/ --no-log --fail-on never -q --today 2026-06-30) || exit 1; \
	  echo "smoke: python$$v: $$got"; \
	  [ "$$got" = "$$want" ] || { echo "smoke: python$$v differs from $(BIN): $$want"; exit 1; }; \
	done

# The report's browser test needs Debian's chromium; install it when missing and possible
# (as root, or with passwordless sudo). Without it the test skips locally and fails under CI.
browser:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo -n ); \
	  echo "installing chromium for the browser test (apt-get)"; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium ) >/dev/null 2>&1 \
	    || echo "warning: could not install chromium; the browser test skips (fails under CI)"; }

lint: $(STAMP)
	$(BIN)/ruff check engine cli toplevel tests benchmarks
	$(BIN)/ruff format --check engine cli toplevel tests benchmarks
	$(BIN)/mypy engine cli

# The generated docs: the rule reference (docs/rules.md) and the CLI reference (docs/cli.md,
# from the real --help). tests/test_docs.py fails while the committed files are stale.
docs: $(STAMP)
	$(BIN)/python -m decaudit.cli.docgen

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Build the source distribution, unpack it, install it in a fresh venv and run its own test
# suite from it: the sdist carries samples/, tests/ (data and golden files) and the docs.
SDIST_DIR := build/sdist-test
sdist-test: $(STAMP)
	rm -rf $(SDIST_DIR) && mkdir -p $(SDIST_DIR)
	$(BIN)/python -m build --sdist --outdir $(SDIST_DIR) .
	tar -xzf $(SDIST_DIR)/decaudit-*.tar.gz -C $(SDIST_DIR)
	$(PYTHON) -m venv $(SDIST_DIR)/venv
	$(SDIST_DIR)/venv/bin/python -m pip install --quiet --upgrade pip
	$(call install_durable,$(SDIST_DIR)/venv/bin)
	cd $(SDIST_DIR)/decaudit-*/ && ../venv/bin/python -m pip install --quiet '.[test]' && \
	  DECAUDIT_SKIP_SDIST=1 ../venv/bin/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) .venv-3.* build *.egg-info decaudit.db
