"""``decaudit init``: scaffold a config file and an example decision record."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from string import Template

import click
from decaudit.engine.vocab import FAMILIES, OUTPUT_FORMATS, RECORD_EXTENSIONS, SEVERITIES_DESC

from ..options import fail, handle_errors

_CONFIG = """\
# decaudit configuration. Precedence: command-line flags, then DECAUDIT_* environment
# variables, then this file, then the defaults shown here. The same keys can live under
# [tool.decaudit] in pyproject.toml instead. Relative paths are relative to this file.
# `decaudit config` shows every effective value and where it came from.

# Files or folders `decaudit check` audits when none is given on the command line.
paths = ["decisions"]

# The tamper-evident audit log (SQLite). Env: DECAUDIT_DB.
db = "decaudit.db"

# Exit 1 when a finding is at or above this severity:
# $fail_on_choices. Env: DECAUDIT_FAIL_ON.
fail_on = "high"

# Show only findings at or above this severity. Env: DECAUDIT_MIN_SEVERITY.
min_severity = "info"

# Run only these rule ids or families ($families);
# empty means all. Env: DECAUDIT_SELECT (comma-separated).
select = []

# Skip these rule ids or families. Env: DECAUDIT_IGNORE (comma-separated).
ignore = []

# Extra rule packs (folders of rule files) added to the built-in pack.
# Env: DECAUDIT_RULES (separated like PATH).
rules = []

# Default output format: $formats.
format = "text"

# Report only findings that are not in this baseline (see --write-baseline).
# baseline = "decaudit-baseline.json"

# Refuse input files larger than this (bytes, or "10MB", "512KB").
max_file_size = "10MB"

# Caps per record: options, benefits and costs (over all options), items of any other list.
max_options = 200
max_benefits = 1000
max_costs = 1000
max_list_items = 1000

# The audit date, for reproducible audits (waiver expiry, record age). Default: today, UTC.
# today = 2026-01-31

# File extensions read when walking folders.
extensions = [$extensions]

# Glob patterns of files to skip, e.g. ["**/drafts/**", "*.tmp.yaml"].
exclude = []

# Convention findings: a rule such as GOV002 (no decision makers) or REC003 (no options)
# is reported once for a folder when most of its records leave the field empty, because
# the folder's template has no place for it. Most = at least this share of its records
# (0.65: two in three)...
convention_share = 0.65
# ...and at least this many of them (0: never fold, report every record).
convention_min_records = 3

# Days after an approved decision's date when its benefits review falls due, unless the
# record sets a review date (decaudit reviews).
review_after_days = 365

# Append every run to the audit log; false is like --no-log. Env: DECAUDIT_NO_LOG=1.
log = true

[history]
# Past decisions in the log needed before BEN009 compares a proposal with the
# organisation's own track record.
min_decisions = 3

# Severity overrides, rule id = severity.
[severity]
# GOV001 = "medium"

# Rule parameter overrides: one table per rule (see `decaudit rules show ID`).
[params]
# ALT002 = { min_options = 3 }
"""
# The choices come from the vocabulary, so a new format or severity shows up here too.
CONFIG_TEMPLATE = Template(_CONFIG).substitute(
    fail_on_choices=" | ".join([*SEVERITIES_DESC, "never"]),
    families=", ".join(FAMILIES),
    formats=" | ".join(OUTPUT_FORMATS),
    extensions=", ".join(f'"{e}"' for e in RECORD_EXTENSIONS),
)

EXAMPLE_RECORD = """\
# An example decision record (format version 1): a realistic proposal with a few
# problems for decaudit to find. `decaudit check decisions/` audits it; `decaudit schema`
# prints the JSON Schema of records. Replace it with your own decisions.
id: DEC-EXAMPLE-001
title: Acquire Brightpath Logistics to grow the parcel business
date: 2026-01-15
status: proposed
project_type: acquisition
origin: bottom-up
decision_makers: [Executive committee]
proposed_by: [Corporate development]
context: >-
  Parcel volumes grew 4% last year while two competitors grew faster. Corporate
  development proposes buying a regional carrier to add customers and routes.
rationale: >-
  The acquisition has the highest NPV of the options and adds Brightpath's customers
  to ours.
options:
  - id: status-quo
    title: Keep growing the parcel business organically
    kind: do-nothing
    rejected_reason: Too slow to keep our market share.
  - id: acquire-brightpath
    title: Acquire Brightpath Logistics
    kind: incremental
    chosen: true
    description: Buy 100% of Brightpath and merge its routes into our network.
    business_case:
      horizon_years: 5
      npv: 18000000
      benefits:
        - id: acquired-revenue
          description: Revenue from Brightpath's existing customers
          type: revenue
          projected: 30000000
          low: 24000000
          high: 33000000
          basis: Brightpath audited accounts 2023-2025, 5% yearly churn
        - id: route-synergies
          description: Savings from merging overlapping routes
          type: synergy
          projected: 6000000
          low: 4000000
          high: 7000000
          basis: Route overlap study by the network planning team
      costs:
        - id: purchase-price
          projected: 22000000
          contingency: 0.15
      assumptions:
        - statement: Brightpath's customers stay after the change of owner
          evidence: Churn after the two previous acquisitions in the sector
          challenged: true
      optimism_bias_uplift: 0.1
      scenarios: [base, downside]
challenge:
  questions:
    - How many customers do we lose if service levels dip during integration?
  alternatives_requested: false
"""


def _template(name: str) -> str:
    """A template shipped as a data file in ``cli/templates/``."""
    return (resources.files("decaudit.cli") / "templates" / name).read_text(encoding="utf-8")


# --template NAME -> (file written under decisions/, its text)
TEMPLATES: dict[str, tuple[str, Callable[[], str]]] = {
    "decision": ("example-decision.yaml", lambda: EXAMPLE_RECORD),
    "business-case": ("business-case.md", lambda: _template("business-case.md")),
}


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option(
    "--template",
    type=click.Choice(sorted(TEMPLATES)),
    default="decision",
    show_default=True,
    help="The example to write: a YAML decision record, or a business case in Markdown "
    "(decisions/business-case.md).",
)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@handle_errors
def init(directory: str, template: str, force: bool) -> None:
    """Scaffold DIRECTORY (default: here) with a commented .decaudit.toml and an example
    record: decisions/example-decision.yaml, or with --template business-case a business
    case in Markdown, decisions/business-case.md.

    An existing .decaudit.toml is kept (so a second template can be added); other existing
    files are never overwritten unless --force is given (exit 2 otherwise).
    """
    root = Path(directory)
    name, make = TEMPLATES[template]
    text = make()
    config = root / ".decaudit.toml"
    files = {root / "decisions" / name: text}
    if force or not config.exists() or template == "decision":
        files = {config: CONFIG_TEMPLATE, **files}
    existing = [path for path in files if path.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        fail(f"{names}: already exists (use --force to overwrite)")
    for path, text in files.items():
        if path.is_dir():
            fail(f"{path}: is a folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        click.echo(f"wrote {path}")
    target = "decisions/" if root == Path(".") else f"{root / 'decisions'}/"
    click.echo(f"next: decaudit check {target} --no-log")
