# Set-up for a fresh machine: `make demo` and `make test` do everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= decaudit.db

.PHONY: demo test install lint bench clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check engine cli tests benchmarks
	$(BIN)/ruff format --check engine cli tests benchmarks
	$(BIN)/mypy engine cli

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info decaudit.db
