"""Behaviour of the text, json, jsonl, junit, github and markdown formats."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from decaudit.engine.errors import ConfigError
from decaudit.engine.report import FORMATS, ReportOptions, get_renderer, render
from decaudit.engine.report.github import escape_data, escape_property
from decaudit.engine.report.markdown import cell
from decaudit.engine.types import CheckResult, Finding

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "decaudit_golden_sample", REPO / "tests/golden/sample.py"
)
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


def many(n: int, severity: str = "medium", message: str = "Something is off.") -> CheckResult:
    base = sample.FINDINGS[2]
    findings = tuple(
        dataclasses.replace(
            base, severity=severity, path=f"$.options[{i}]", line=i + 1, message=message
        )
        for i in range(n)
    )
    return dataclasses.replace(
        sample.empty_result(), findings=findings, files=(base.file,), record_count=1
    )


# registry ---------------------------------------------------------------------------


def test_registry_lists_every_format_and_rejects_unknown() -> None:
    assert set(FORMATS) == {
        *("text", "json", "jsonl", "sarif", "junit", "github", "markdown", "brief", "gitlab")
    }
    for name in FORMATS:
        assert callable(get_renderer(name))
    with pytest.raises(ConfigError, match="unknown output format 'xml'"):
        get_renderer("xml")


# text -------------------------------------------------------------------------------


def test_text_line_style_and_summary() -> None:
    out = render("text", sample.sample_result())
    lines = out.splitlines()
    assert lines[0] == (
        "(portfolio): INC004 [medium] portfolio-incremental-drift "
        "0% of the 3 decisions chose a breakthrough option; the target is 10%."
    )
    assert lines[2] == (
        "decisions/acquisition.yaml:1:1: GOV001 [low] rubber-stamp-approval "
        "Bottom-up proposal approved by Board with no question asked."
    )
    assert "decisions/broken.yaml:3: error: mapping values are not allowed here" in lines
    assert lines[-1] == (
        "Found 5 findings (1 critical, 1 high, 2 medium, 1 low) in 3 records from 4 files; "
        "1 waived; 1 error. 2 baseline findings hidden, 1 fixed."
    )
    assert "(waived until 2026-12-31: Regulatory deadline; breakthrough options deferred)" in out
    assert "(waiver expired 2026-01-31)" in out


def test_text_message_stays_on_one_line_and_control_chars_are_neutralised() -> None:
    out = render("text", many(1, message="a\nb\x1b[31mred"))
    first = out.splitlines()[0]
    assert first.endswith("a b\ufffd[31mred")
    assert "\x1b" not in out


def test_text_color_only_when_asked() -> None:
    plain = render("text", sample.sample_result())
    colored = render("text", sample.sample_result(), ReportOptions(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in colored
    assert click.unstyle(colored) == plain


def test_text_clean_run_and_singulars() -> None:
    assert render("text", sample.empty_result()) == "No findings in 1 record from 1 file.\n"
    assert render("text", many(1)).splitlines()[-1] == (
        "Found 1 finding (1 medium) in 1 record from 1 file."
    )


# json / jsonl -----------------------------------------------------------------------


def test_json_document() -> None:
    doc = json.loads(render("json", sample.sample_result()))
    assert doc["schema_version"] == 1
    assert doc["tool"] == {"name": "decaudit", "version": "0.1.0"}
    assert doc["run_id"] == 42
    assert len(doc["findings"]) == 6
    waived = [f for f in doc["findings"] if f["waived"]]
    assert len(waived) == 1 and waived[0]["waiver"]["expires"] == "2026-12-31"
    assert doc["errors"] == [
        {
            "file": "decisions/broken.yaml",
            "kind": "input",
            "line": 3,
            "message": "mapping values are not allowed here",
        }
    ]
    summary = doc["summary"]
    assert summary["findings"] == 5 and summary["waived"] == 1 and summary["errors"] == 1
    assert summary["by_severity"] == {"critical": 1, "high": 1, "medium": 2, "low": 1, "info": 0}
    assert summary["baseline_fixed"] == 1 and summary["baseline_matched"] == 2
    assert summary["exit_code"] == 2 and summary["fail_on"] == "high"
    finding = next(f for f in doc["findings"] if f["rule_id"] == "BEN006")
    assert finding["fingerprint"] == sample.FINDINGS[1].fingerprint
    assert finding["expired_waiver"]["expires"] == "2026-01-31"


def test_json_serialises_evidence_beyond_json_types() -> None:
    import datetime as dt

    f = dataclasses.replace(sample.FINDINGS[0], evidence={"on": dt.date(2026, 1, 2), "s": {2, 1}})
    doc = json.loads(render("json", dataclasses.replace(sample.empty_result(), findings=(f,))))
    assert doc["findings"][0]["evidence"] == {"on": "2026-01-02", "s": [1, 2]}


def test_jsonl_one_object_per_finding_and_nothing_else() -> None:
    out = render("jsonl", sample.sample_result())
    lines = out.splitlines()
    assert len(lines) == 6
    objects = [json.loads(line) for line in lines]
    doc = json.loads(render("json", sample.sample_result()))
    assert objects == doc["findings"]
    assert render("jsonl", sample.empty_result()) == ""


# junit ------------------------------------------------------------------------------


def test_junit_failure_count_equals_finding_count() -> None:
    root = ET.fromstring(render("junit", sample.sample_result()))
    assert root.tag == "testsuites"
    assert len(root.findall(".//failure")) == 5 == int(root.get("failures", "-1"))
    assert len(root.findall(".//skipped")) == 1 == int(root.get("skipped", "-1"))
    assert len(root.findall(".//error")) == 1 == int(root.get("errors", "-1"))
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {
        "(portfolio)",
        "decisions/acquisition.yaml",
        "decisions/broken.yaml",
        "decisions/clean.yaml",
        "docs/adr/0003-move-to-cloud.md",
    }
    acq = suites["decisions/acquisition.yaml"]
    assert acq.get("tests") == "4" and acq.get("failures") == "4"
    case = acq.findall("testcase")[1]
    assert case.get("classname") == "DEC-2026-007"
    assert case.get("name") == "ALT001 no-breakthrough-alternative $.options"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "critical"


def test_junit_many_findings_of_one_rule_and_record_are_each_a_failure() -> None:
    root = ET.fromstring(render("junit", many(7)))
    assert len(root.findall(".//failure")) == 7
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(set(names)) == 7


def test_junit_escapes_and_strips_what_xml_cannot_carry() -> None:
    out = render("junit", many(1, message='<&> "q" \x00\x07 end'))
    failure = ET.fromstring(out).find(".//failure")
    assert failure is not None
    assert failure.get("message") == '<&> "q" \ufffd\ufffd end'


# github -----------------------------------------------------------------------------


def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_levels_and_waived_left_out() -> None:
    out = render("github", sample.sample_result())
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 3  # 1 input error, 2 findings
    assert sum(line.startswith("::warning ") for line in lines) == 2
    assert sum(line.startswith("::notice ") for line in lines) == 1
    assert "ADR-0003" not in out
    assert "::warning title=INC004 portfolio-incremental-drift [medium]::0%25 of" in out
    assert lines[-1].startswith("decaudit: Found 5 findings")


def test_github_caps_annotations_per_level() -> None:
    out = render("github", many(25, "high"))
    lines = out.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert lines[-1] == "::notice::decaudit: 25 findings (15 not annotated, see the full report)"
    uncapped = render("github", many(25, "high"), ReportOptions(max_annotations=0))
    assert sum(line.startswith("::error ") for line in uncapped.splitlines()) == 25


# markdown ---------------------------------------------------------------------------


def test_markdown_cells_are_escaped() -> None:
    assert cell("a | b\nc <d>") == "a \\| b<br>c &lt;d&gt;"


def test_markdown_sections() -> None:
    out = render("markdown", sample.sample_result())
    assert out.startswith("## decaudit check\n")
    assert "| 🟥 critical | 1 |" in out
    assert "### Findings (5)" in out
    assert "| `(portfolio)` |" in out
    assert "### Input errors (1)" in out
    assert "waived until 2026-12-31" in out
    assert "_Baseline: 2 baseline findings hidden, 1 fixed._" in out
    rows = [line for line in out.splitlines() if line.startswith("| 🟥") or line.startswith("| 🟦")]
    assert rows[-1].startswith("| 🟦 low | `GOV001`")  # most severe first


def test_markdown_stays_under_the_size_limit() -> None:
    result = many(3000, message="x" * 300)
    out = render("markdown", result, ReportOptions(markdown_max_bytes=100_000))
    assert len(out.encode("utf-8")) <= 100_000
    assert "more findings not shown" in out
    full = render("markdown", result)
    assert len(full.encode("utf-8")) <= 1_000_000
    assert "### Findings (3000)" in full


def test_every_format_handles_findings_without_a_waiver_or_evidence() -> None:
    f = Finding(
        rule_id="REC003",
        rule_name="no-options-recorded",
        severity="info",
        family="hygiene",
        decision_id="X",
        file="x.yaml",
        line=1,
        path="$",
        message="No options.",
    )
    result = dataclasses.replace(sample.empty_result(), findings=(f,))
    for name in FORMATS:
        assert get_renderer(name)(result, ReportOptions())


def test_text_quiet_prints_only_the_summary() -> None:
    out = render("text", sample.sample_result(), ReportOptions(quiet=True))
    assert out == (
        "Found 5 findings (1 critical, 1 high, 2 medium, 1 low) in 3 records from 4 files; "
        "1 waived; 1 error. 2 baseline findings hidden, 1 fixed.\n"
    )


def test_github_paths_are_relative_to_the_base_dir(tmp_path: Path) -> None:
    absolute = tmp_path / "decisions" / "a.yaml"
    f = dataclasses.replace(sample.FINDINGS[0], file=str(absolute))
    result = dataclasses.replace(sample.empty_result(), findings=(f,))
    out = render("github", result, ReportOptions(base_dir=str(tmp_path)))
    assert out.startswith("::error file=decisions/a.yaml,line=8,")
    elsewhere = render("github", result, ReportOptions(base_dir=str(tmp_path / "x")))
    assert f"file={absolute}".replace(":", "%3A").replace(",", "%2C") in elsewhere


def test_text_names_a_folder_finding_by_its_folder_alone() -> None:
    folder = dataclasses.replace(
        sample.FINDINGS[2], file="adr", line=0, decision_id="(folder) adr", path="$"
    )
    result = dataclasses.replace(sample.empty_result(), findings=(folder,), record_count=3)
    out = render("text", result)
    assert out.splitlines()[0].startswith(f"adr: {folder.rule_id} [{folder.severity}] ")
    assert "adr:0" not in out
