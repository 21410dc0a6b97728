"""Fair findings on whole records: one problem one finding, locations, honest messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.report import ReportOptions, get_renderer
from decaudit.engine.types import CheckResult

TODAY = dt.date(2026, 6, 30)

THIN = """\
id: DEC-2025-031
title: Win back customers from the discount chain
project_type: product-extension
decision_makers: [Retail board]
options:
  - title: Cut prices on the top 200 lines
    kind: incremental
    chosen: true
  - title: Keep the current prices
    kind: do-nothing
    rejected_reason: Losing 2% of customers a quarter
"""

CASE = """\
id: DEC-2025-040
title: New warehouse management system
project_type: it-system
decision_makers: [Operations director]
options:
  - title: Keep the spreadsheets
    kind: do-nothing
    rejected_reason: Errors in one order of fifty
  - title: Buy a packaged WMS
    kind: incremental
    chosen: true
    business_case:
      npv: 1200000
      benefits:
        - {id: picking, type: cost-saving, projected: 400000, low: 300000, high: 450000,
           basis: Pilot in the Leeds depot}
      costs:
        - {id: licences, description: Licences, projected: 250000}
      assumptions:
        - {statement: Staff adopt the scanners within three months}
"""


def _check(tmp_path: Path, text: str, name: str = "d.yaml") -> CheckResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_check(CheckOptions(paths=(str(path),), today=TODAY))


def test_a_thin_option_list_is_reported_once(tmp_path: Path) -> None:
    res = _check(tmp_path, THIN)
    ids = [f.rule_id for f in res.findings]
    assert "ALT001" in ids
    assert "INC001" not in ids and "ALT002" not in ids
    (alt,) = [f for f in res.findings if f.rule_id == "ALT001"]
    related = {e["rule_id"]: e for e in alt.evidence["related"]}
    assert set(related) == {"INC001", "ALT002"}
    assert related["INC001"]["severity"] == "medium"
    assert "(also reported by" in alt.message


def test_folding_keeps_the_fingerprint_of_the_dominant_finding(tmp_path: Path) -> None:
    res = _check(tmp_path, THIN)
    (alt,) = [f for f in res.findings if f.rule_id == "ALT001"]
    alone = run_check(
        CheckOptions(paths=(str(tmp_path / "d.yaml"),), today=TODAY, select=("ALT001",))
    )
    assert [f.fingerprint for f in alone.findings] == [alt.fingerprint]


def test_the_related_rule_alone_still_reports(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(THIN, encoding="utf-8")
    res = run_check(CheckOptions(paths=(str(path),), today=TODAY, ignore=("ALT001",)))
    ids = {f.rule_id for f in res.findings}
    assert {"INC001", "ALT002"} <= ids


def test_the_log_keeps_the_relation(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(THIN, encoding="utf-8")
    db = tmp_path / "audit.db"
    run_check(CheckOptions(paths=(str(path),), today=TODAY, db=str(db)))
    import sqlite3

    with sqlite3.connect(db) as conn:
        (evidence,) = conn.execute(
            "SELECT evidence FROM findings WHERE rule_id = 'ALT001'"
        ).fetchone()
    assert [e["rule_id"] for e in json.loads(evidence)["related"]] == ["ALT002", "INC001"]


def test_sarif_lists_the_folded_findings_as_related_locations(tmp_path: Path) -> None:
    res = _check(tmp_path, THIN)
    sarif = json.loads(get_renderer("sarif")(res, ReportOptions()))
    (alt,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "ALT001"]
    texts = [loc["message"]["text"] for loc in alt["relatedLocations"]]
    assert texts[0].startswith("ALT002: ") and texts[1].startswith("INC001: ")


def test_findings_about_the_chosen_case_point_at_the_option(tmp_path: Path) -> None:
    res = _check(tmp_path, CASE)
    option_line = CASE.splitlines().index("  - title: Buy a packaged WMS") + 1
    case_line = CASE.splitlines().index("    business_case:") + 1
    by_rule = {f.rule_id: f for f in res.findings}
    for rule in ("BEN010", "BEN011"):
        assert by_rule[rule].path == "$"  # the fingerprint is unchanged
        assert by_rule[rule].line in (option_line, case_line), rule


def test_ben003_claims_no_assumption_the_case_does_not_make(tmp_path: Path) -> None:
    res = _check(tmp_path, CASE)
    (ben,) = [f for f in res.findings if f.rule_id == "BEN003"]
    assert "on target" not in ben.message
    on_target = CASE.replace(
        "Staff adopt the scanners within three months", "Costs come in on target"
    )
    res = _check(tmp_path, on_target, "e.yaml")
    (ben,) = [f for f in res.findings if f.rule_id == "BEN003"]
    assert "assumes costs come in on target, with no evidence" in ben.message
