"""The example runner behind ``decaudit rules test``."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.model import Expectation
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.ruletests import TODAY, check_expectation, run_examples, summary
from decaudit.engine.types import Finding

PACK = Path(__file__).parent / "data" / "rules_pack"

TRACK = """\
id: TRK001
name: above-track-record
title: Above the track record
family: benefits
severity: medium
rationale: R.
references: [R]
remediation: R.
params: {margin: 0.1}
target: decision
when:
  all:
    - {fact: track_record_discount_gap, op: gt, param: margin}
    - {fact: age_days, op: lt, value: 400}
message: >-
  Past ${project_type} decisions realized ${pct.track_record_ratio}
  (${track_record_decisions}).
examples:
  - name: history says 45%
    expect: flagged
    count: 1
    paths: ["$"]
    history:
      it-system: {ratio: 0.45, count: 6, decisions: [D-1, D-2]}
    record:
      id: EX-1
      title: New ERP
      date: 2026-01-01
      project_type: it-system
      options:
        - {title: ERP, chosen: true, business_case: {npv: 1, optimism_bias_uplift: 0.2}}
  - name: no history
    expect: clean
    record:
      id: EX-2
      title: New ERP
      date: 2026-01-01
      project_type: it-system
      options:
        - {title: ERP, chosen: true, business_case: {npv: 1, optimism_bias_uplift: 0.2}}
  - name: a wide margin
    expect: clean
    params: {margin: 0.5}
    history:
      it-system: {ratio: 0.45, count: 6, decisions: [D-1, D-2]}
    record:
      id: EX-3
      title: New ERP
      date: 2026-01-01
      project_type: it-system
      options:
        - {title: ERP, chosen: true, business_case: {npv: 1, optimism_bias_uplift: 0.2}}
  - name: an old decision (the audit date is fixed)
    expect: clean
    history:
      it-system: {ratio: 0.45, count: 6, decisions: [D-1, D-2]}
    record:
      id: EX-4
      title: New ERP
      date: 2025-05-25
      project_type: it-system
      options:
        - {title: ERP, chosen: true, business_case: {npv: 1, optimism_bias_uplift: 0.2}}
"""


def test_history_params_and_fixed_date(tmp_path: Path) -> None:
    (tmp_path / "TRK001.yaml").write_text(textwrap.dedent(TRACK))
    pack = load_pack([tmp_path], builtin=False)
    results = run_examples(pack)
    assert [(r.name, r.passed, r.problems) for r in results] == [
        ("history says 45%", True, ()),
        ("no history", True, ()),
        ("a wide margin", True, ()),
        ("an old decision (the audit date is fixed)", True, ()),
    ]
    (finding,) = results[0].findings
    assert finding.message == "Past it-system decisions realized 45% (D-1, D-2)."
    assert finding.file == f"{tmp_path}/TRK001.yaml"
    assert finding.line == 25  # the example record's line in the rule file
    assert (TODAY - dt.date(2025, 5, 25)).days == 401


def test_only_the_rule_under_test_counts() -> None:
    pack = load_pack([PACK], builtin=False)
    results = run_examples(pack, ["TST002"])
    assert [r.rule_id for r in results] == ["TST002", "TST002"]
    assert all(f.rule_id == "TST002" for r in results for f in r.findings)
    assert summary(results) == {"examples": 2, "passed": 2, "failed": 0}


def test_oracle_runs_the_same_examples() -> None:
    pack = load_pack([PACK], builtin=False)
    durable = run_examples(pack)
    oracle = run_examples(pack, factory=OracleEvaluator)
    assert [(r.rule_id, r.name, r.passed) for r in durable] == [
        (r.rule_id, r.name, r.passed) for r in oracle
    ]
    assert [[f.message for f in r.findings] for r in durable] == [
        [f.message for f in r.findings] for r in oracle
    ]


def _finding(path: str) -> Finding:
    return Finding("T001", "t", "low", "benefits", "D", "f", 1, path, "m")


def test_expectation_problems() -> None:
    flagged = Expectation("f", "flagged", (), (), count=2, paths=("$.options[0]", "$"))
    clean = Expectation("c", "clean", (), ())
    assert check_expectation(flagged, []) == [
        "expected a finding, got none",
        "expected 2 finding(s), got 0",
        "expected paths $.options[0], $, got (none)",
    ]
    assert check_expectation(flagged, [_finding("$"), _finding("$.options[0]")]) == []
    assert check_expectation(flagged, [_finding("$.options[1]")]) == [
        "expected 2 finding(s), got 1",
        "expected paths $.options[0], $, got $.options[1]",
    ]
    assert check_expectation(clean, []) == []
    assert check_expectation(clean, [_finding("$"), _finding("$.x")]) == [
        "expected no finding, got 2 ($, $.x)"
    ]
