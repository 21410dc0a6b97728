# Set-up for a fresh machine: `make demo` and `make test` do everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= decaudit.db

.PHONY: demo test install browser lint bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/decaudit check samples/ --db $(DB) --fail-on never
	$(BIN)/decaudit verify --db $(DB)
	$(BIN)/decaudit report --db $(DB) -o decaudit-report.html

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The report's browser test needs Debian's chromium; install it when missing and possible
# (as root, or with passwordless sudo). Without it the test skips locally and fails under CI.
browser:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo -n ); \
	  echo "installing chromium for the browser test (apt-get)"; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium ) >/dev/null 2>&1 \
	    || echo "warning: could not install chromium; the browser test skips (fails under CI)"; }

lint: $(STAMP)
	$(BIN)/ruff check engine cli tests benchmarks
	$(BIN)/ruff format --check engine cli tests benchmarks
	$(BIN)/mypy engine cli

# The generated docs: the rule reference (docs/rules.md) and the CLI reference (docs/cli.md,
# from the real --help). tests/test_docs.py fails while the committed files are stale.
docs: $(STAMP)
	$(BIN)/python -m decaudit.cli.docgen

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info decaudit.db
