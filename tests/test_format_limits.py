"""What GitHub's limits require of SARIF and of annotations: categories, caps, locations."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.report import ReportOptions, render
from decaudit.engine.report.sarif import portfolio_anchor, size_warning
from decaudit.engine.types import SEVERITIES, CheckResult

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "decaudit_golden_sample", REPO / "tests/golden/sample.py"
)
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


def mixed(n: int) -> CheckResult:
    """``n`` findings cycling through every severity, info first."""
    base = sample.FINDINGS[2]
    findings = tuple(
        dataclasses.replace(
            base,
            severity=SEVERITIES[i % len(SEVERITIES)],
            path=f"$.options[{i}]",
            line=i + 1,
        )
        for i in range(n)
    )
    return dataclasses.replace(
        sample.empty_result(), findings=findings, files=(base.file,), record_count=1
    )


def sarif(result: CheckResult, **options: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("sarif", result, ReportOptions(**options)))
    return doc


def test_category_sets_automation_details_id() -> None:
    assert sarif(sample.empty_result())["runs"][0]["automationDetails"]["id"] == ("decaudit/check/")
    doc = sarif(sample.empty_result(), sarif_category="decisions")
    assert doc["runs"][0]["automationDetails"]["id"] == "decisions/"
    doc = sarif(sample.empty_result(), sarif_category="audit/proposals/")
    assert doc["runs"][0]["automationDetails"]["id"] == "audit/proposals/"


def test_results_are_capped_most_severe_first_with_a_notification() -> None:
    result = mixed(50)  # 10 of each severity
    run = sarif(result, sarif_max_results=25)["runs"][0]
    assert len(run["results"]) == 25
    kept = [r["properties"]["severity"] for r in run["results"]]
    # 10 critical, 10 high and 5 medium are the 25 most severe
    assert sorted(kept) == sorted(["critical"] * 10 + ["high"] * 10 + ["medium"] * 5)
    assert run["properties"]["results_omitted"] == 25
    notes = run["invocations"][0]["toolExecutionNotifications"]
    capped = [n for n in notes if n["descriptor"]["id"] == "results-capped"]
    assert len(capped) == 1 and capped[0]["message"]["text"].startswith("25 results left out")
    uncapped = sarif(result, sarif_max_results=0)["runs"][0]
    assert len(uncapped["results"]) == 50 and "results_omitted" not in uncapped["properties"]


def test_default_cap_is_githubs_25000() -> None:
    assert ReportOptions().sarif_max_results == 25_000
    run = sarif(mixed(25_010))["runs"][0]
    assert len(run["results"]) == 25_000
    assert run["properties"]["results_omitted"] == 10
    assert sum(r["properties"]["severity"] == "info" for r in run["results"]) == 5_002 - 10


def test_size_warning_only_past_the_gzipped_limit() -> None:
    assert size_warning("x" * 1000, limit=100) is None  # compresses well under 100 bytes
    noisy = json.dumps([f"{i:x}{i * 7919 % 104729}" for i in range(20_000)])
    warning = size_warning(noisy, limit=10_000)
    assert warning is not None and "MB gzipped" in warning
    assert size_warning(noisy, limit=len(noisy.encode())) is None


def test_rules_carry_precision_problem_severity_and_the_semantic_version() -> None:
    driver = sarif(sample.sample_result())["runs"][0]["tool"]["driver"]
    assert driver["semanticVersion"] == "0.1.0"
    by_id = {r["id"]: r["properties"] for r in driver["rules"]}
    for rule in sample.RULES:
        props = by_id[rule.id]
        assert props["precision"] in ("very-high", "high", "medium", "low")
        expected = {"critical": "error", "high": "error", "medium": "warning"}.get(
            rule.severity, "recommendation"
        )
        assert props["problem.severity"] == expected


def _portfolio_location(doc: dict[str, Any]) -> str:
    (result,) = [r for r in doc["runs"][0]["results"] if r["properties"].get("portfolio")]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] == 1
    uri: str = loc["artifactLocation"]["uri"]
    return uri


def test_portfolio_findings_sit_at_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "README.md").write_text("# Decisions\n")
    (tmp_path / ".decaudit.toml").write_text("fail_on = 'high'\n")
    result = dataclasses.replace(
        sample.sample_result(),
        paths=("decisions",),
        config_file=str(tmp_path / ".decaudit.toml"),
    )
    assert _portfolio_location(sarif(result)) == ".decaudit.toml"
    # without a config file: the checked folder's README
    no_config = dataclasses.replace(result, config_file=None)
    assert _portfolio_location(sarif(no_config)) == "decisions/README.md"
    assert portfolio_anchor(no_config, ".") == "decisions/README.md"


def test_portfolio_findings_fall_back_to_an_index_then_the_first_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adr").mkdir()
    (tmp_path / "adr" / "index.md").write_text("# ADRs\n")
    result = dataclasses.replace(sample.sample_result(), paths=("adr",))
    assert portfolio_anchor(result, ".") == "adr/index.md"
    (tmp_path / "adr" / "index.md").unlink()
    assert portfolio_anchor(result, ".") == min(result.files)
    # a config file outside the repository root is not used
    outside = dataclasses.replace(result, config_file=str(tmp_path.parent / "x.toml"))
    assert portfolio_anchor(outside, str(tmp_path / "adr")) == min(result.files)


@pytest.mark.parametrize("cap", [1, 3, 10])
def test_github_overflow_notice_is_within_the_notice_cap(cap: int) -> None:
    out = render("github", mixed(60), ReportOptions(max_annotations=cap))
    lines = out.splitlines()
    notices = [ln for ln in lines if ln.startswith("::notice")]
    assert len(notices) == cap  # findings' notices plus the overflow notice
    assert sum(ln.startswith("::error ") for ln in lines) == cap
    assert sum(ln.startswith("::warning ") for ln in lines) == cap
    shown = cap + cap + (cap - 1)
    assert lines[-1] == (
        f"::notice::decaudit: 60 findings ({60 - shown} not annotated, see the full report)"
    )


def test_github_no_overflow_uses_the_whole_cap() -> None:
    out = render("github", mixed(15), ReportOptions(max_annotations=10))
    lines = out.splitlines()
    assert sum(ln.startswith("::notice") for ln in lines) == 6  # 3 low + 3 info, no overflow
    assert "not annotated" not in out
