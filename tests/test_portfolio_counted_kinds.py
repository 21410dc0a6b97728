"""The portfolio counts the kinds of business bets: a kind guessed from the words of a
software record (no business context) is not counted, so INC004 does not judge a library's
design log as an innovation portfolio."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.facts.portfolio import counted_kind


def _rules(report: dict[str, Any]) -> set[str]:
    return {f["rule_id"] for f in report["findings"]}


SOFTWARE = """# {n}. {title}

## Status

Accepted

## Context

The message pump needs a way to handle {what}.

## Considered Options

* Do nothing and keep the current handler
* Add a small wrapper around the handler

## Decision Outcome

Chosen option: "Do nothing and keep the current handler", because it already copes.
"""


def test_counted_kind_drops_guesses_without_a_business_context() -> None:
    assert counted_kind({"chosen_kind": "do-nothing", "chosen_kind_inferred": True}) is None
    assert (
        counted_kind(
            {"chosen_kind": "do-nothing", "chosen_kind_inferred": True, "business_context": True}
        )
        == "do-nothing"
    )
    assert counted_kind({"chosen_kind": "incremental", "chosen_kind_inferred": False}) == (
        "incremental"
    )


def test_a_folder_of_software_records_gets_no_portfolio_finding(tmp_path: Path) -> None:
    for n, what in enumerate(
        ["retries", "timeouts", "poison messages", "backoff", "errors", "acks"]
    ):
        (tmp_path / f"{n:04d}-handle-{what.replace(' ', '-')}.md").write_text(
            SOFTWARE.format(n=n, title=f"Handle {what}", what=what)
        )
    out = CliRunner().invoke(
        cli, ["check", str(tmp_path), "--no-log", "-f", "json", "--today", "2026-12-02"]
    )
    assert out.exit_code in (0, 1), out.output
    report = json.loads(out.output)
    assert report["summary"]["records"] == 6, report["summary"]
    assert "INC004" not in _rules(report)


def test_stated_kinds_still_make_a_portfolio(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"d{n}.yaml").write_text(
            f"id: D-{n}\ntitle: Store refit {n}\noptions:\n"
            "  - {title: Refit the store, kind: incremental, chosen: true}\n"
            "  - {title: Open a new format, kind: breakthrough}\n"
        )
    out = CliRunner().invoke(
        cli, ["check", str(tmp_path), "--no-log", "-f", "json", "--today", "2026-12-02"]
    )
    assert "INC004" in _rules(json.loads(out.output))
