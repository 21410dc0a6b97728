"""GitLab Code Quality: the fields GitLab reads, severities, fingerprints and locations."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.report import ReportOptions, render
from decaudit.engine.types import CheckResult

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "decaudit_golden_sample", REPO / "tests/golden/sample.py"
)
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def report(result: CheckResult, **options: Any) -> list[dict[str, Any]]:
    doc: list[dict[str, Any]] = json.loads(render("gitlab", result, ReportOptions(**options)))
    return doc


def assert_code_quality(issues: list[dict[str, Any]]) -> None:
    """What GitLab requires of every issue of a Code Quality report."""
    assert isinstance(issues, list)
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str) and issue["location"]["path"]
        assert not issue["location"]["path"].startswith("/")
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and begin >= 1
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == len(set(fingerprints))


def test_every_issue_has_the_fields_gitlab_reads() -> None:
    issues = report(sample.sample_result())
    assert_code_quality(issues)
    assert report(sample.empty_result()) == []


def test_severities_map_onto_gitlabs_five() -> None:
    base = sample.FINDINGS[2]
    findings = tuple(
        dataclasses.replace(base, severity=sev, path=f"$.x[{i}]")
        for i, sev in enumerate(["critical", "high", "medium", "low", "info"])
    )
    result = dataclasses.replace(sample.empty_result(), findings=findings, files=(base.file,))
    by_check = {(i["fingerprint"]): i["severity"] for i in report(result)}
    assert [by_check[f.fingerprint] for f in findings] == [
        "blocker",
        "critical",
        "major",
        "minor",
        "info",
    ]


def test_findings_keep_their_fingerprint_line_and_rule() -> None:
    issues = report(sample.sample_result())
    shown = [f for f in sample.sample_result().findings if not f.waived and f.file]
    by_fp = {i["fingerprint"]: i for i in issues}
    for f in shown:
        issue = by_fp[f.fingerprint]
        assert issue["check_name"] == f.rule_id
        assert issue["location"] == {"path": f.file, "lines": {"begin": f.line}}
        assert f.message in issue["description"]
    waived = [f for f in sample.sample_result().findings if f.waived]
    assert waived and not any(f.fingerprint in by_fp for f in waived)


def test_input_errors_are_blocker_issues() -> None:
    (error,) = [i for i in report(sample.sample_result()) if i["check_name"].endswith("error")]
    assert error["severity"] == "blocker"
    assert error["location"] == {"path": "decisions/broken.yaml", "lines": {"begin": 3}}


def test_portfolio_findings_sit_at_the_checked_folders_readme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "README.md").write_text("# Decisions\n")
    result = dataclasses.replace(sample.sample_result(), paths=("decisions",))
    (portfolio,) = [i for i in report(result) if i["check_name"] == "INC004"]
    assert portfolio["location"] == {"path": "decisions/README.md", "lines": {"begin": 1}}


def test_check_writes_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # a repository root: paths are relative to it
    target = tmp_path / "gl-code-quality-report.json"
    args = ["check", "samples/aurora-premium-tier.yaml", "--no-log", "--today", "2026-06-30"]
    result = CliRunner().invoke(cli, [*args, "-f", "json", "-f", "gitlab", "-o", str(target)])
    assert result.exit_code == 1, result.output
    issues = json.loads(target.read_text())
    assert_code_quality(issues)
    summary = json.loads(result.stdout)["summary"]
    assert summary["errors"] == 0 and len(issues) == summary["findings"] > 0
    assert {i["location"]["path"] for i in issues} == {"samples/aurora-premium-tier.yaml"}
