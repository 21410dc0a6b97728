"""End to end: past decisions audited by `decaudit check` become the track record that
BEN009 holds a new proposal to."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from decaudit.cli.main import cli

TODAY = "2026-11-01"


def past_decision(i: int, realized: int, project_type: str = "it-system") -> str:
    return f"""\
id: PAST-{project_type}-{i}
title: Past system {i}
date: 2022-0{i}-15
status: implemented
project_type: {project_type}
options:
  - id: keep
    title: Keep the current system
    kind: do-nothing
    rejected_reason: Does not scale
  - id: build
    title: Build system {i}
    kind: incremental
    chosen: true
    business_case:
      benefits:
        - id: saving
          type: cost-saving
          projected: 1000000
          realized: {realized}
      costs:
        - id: build
          projected: 500000
          realized: 700000
"""


def proposal(uplift: float | None) -> str:
    line = f"      optimism_bias_uplift: {uplift}\n" if uplift is not None else ""
    return f"""\
id: IT-NEW-1
title: New claims platform
date: 2026-10-01
status: proposed
project_type: it-system
options:
  - id: keep
    title: Keep the current system
    kind: do-nothing
    rejected_reason: Does not scale
  - id: build
    title: Build a new claims platform
    kind: incremental
    chosen: true
    business_case:
{line}      benefits:
        - id: saving
          type: cost-saving
          projected: 5000000
"""


def check(db: Path, path: Path, *extra: str) -> list[dict[str, Any]]:
    args = ["check", str(path), "--db", str(db), "--fail-on", "never", "--today", TODAY]
    result = CliRunner().invoke(cli, [*args, "-f", "json", *extra])
    assert result.exit_code == 0, result.output
    findings: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return findings


def audit_history(tmp_path: Path, realized: Sequence[int], project_type: str = "it-system") -> Path:
    db = tmp_path / "audit.db"
    past = tmp_path / f"past-{project_type}"
    past.mkdir()
    for i, value in enumerate(realized, 1):
        (past / f"dec{i}.yaml").write_text(past_decision(i, value, project_type))
    check(db, past)
    return db


def ben009(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["rule_id"] == "BEN009"]


def write_proposal(tmp_path: Path, uplift: float | None) -> Path:
    new = tmp_path / "new.yaml"
    new.write_text(proposal(uplift))
    return new


def test_proposal_above_track_record_is_flagged(tmp_path: Path) -> None:
    db = audit_history(tmp_path, [390_000, 400_000, 410_000, 420_000])  # ~40% realized
    hits = ben009(check(db, write_proposal(tmp_path, 0.1)))
    assert len(hits) == 1
    message = hits[0]["message"]
    assert "40.5%" in message  # the median realization ratio of the history
    assert "PAST-it-system-1, PAST-it-system-2, PAST-it-system-3, PAST-it-system-4" in message
    assert "4 past 'it-system' decisions" in message
    assert hits[0]["decision_id"] == "IT-NEW-1"


def test_no_uplift_at_all_is_flagged(tmp_path: Path) -> None:
    db = audit_history(tmp_path, [390_000, 400_000, 410_000])
    assert len(ben009(check(db, write_proposal(tmp_path, None)))) == 1


def test_adequate_discount_is_not_flagged(tmp_path: Path) -> None:
    db = audit_history(tmp_path, [390_000, 400_000, 410_000, 420_000])
    assert ben009(check(db, write_proposal(tmp_path, 0.6))) == []


def test_too_little_history_stays_silent(tmp_path: Path) -> None:
    db = audit_history(tmp_path, [390_000, 400_000])  # fewer than the minimum of 3
    assert ben009(check(db, write_proposal(tmp_path, 0.1))) == []


def test_other_project_types_do_not_count(tmp_path: Path) -> None:
    db = audit_history(tmp_path, [390_000, 400_000, 410_000], project_type="building")
    assert ben009(check(db, write_proposal(tmp_path, 0.1))) == []


def test_first_run_without_a_log_is_silent(tmp_path: Path) -> None:
    assert ben009(check(tmp_path / "fresh.db", write_proposal(tmp_path, 0.1))) == []
