"""Any finding text renders in every format, and each format stays well-formed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from decaudit.engine.report import FORMATS, ReportOptions, get_renderer
from decaudit.engine.types import SEVERITIES, CheckResult, Finding, InputError, WaiverRef
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# The official SARIF 2.1.0 schema (OASIS), vendored so the tests need no network.
SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "schemas" / "sarif-schema-2.1.0.json"
_SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SARIF = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)

text = st.text(min_size=1, max_size=40)
waivers = st.none() | st.builds(
    WaiverRef, source=st.just("record"), reason=text, approver=st.none() | text, expires=text
)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    return Finding(
        rule_id=draw(st.from_regex(r"[A-Z]{3}[0-9]{3}", fullmatch=True)),
        rule_name=draw(st.from_regex(r"[a-z]+(-[a-z]+){0,3}", fullmatch=True)),
        severity=draw(st.sampled_from(SEVERITIES)),
        family=draw(st.sampled_from(["incremental", "alternatives", "benefits"])),
        decision_id=draw(text),
        file=draw(st.sampled_from(["decisions/a b.yaml", "x/y,z:w.md", "100%.json", ""])),
        line=draw(st.integers(min_value=1, max_value=10_000)),
        path=draw(st.sampled_from(["$", "$.options[0]", "$.options[1].business_case"])),
        message=draw(text),
        evidence=draw(st.dictionaries(st.text(max_size=5), st.integers() | text, max_size=3)),
        waiver=draw(waivers),
        expired_waiver=draw(waivers),
    )


results = st.builds(
    CheckResult,
    findings=st.lists(findings(), max_size=6).map(tuple),
    errors=st.lists(
        st.builds(
            InputError,
            file=st.sampled_from(["bad.yaml", "dir/bad,1.csv"]),
            line=st.none() | st.integers(1, 99),
            message=text,
        ),
        max_size=2,
    ).map(tuple),
    rules=st.just(()),
    files=st.just(("decisions/a b.yaml",)),
    record_count=st.integers(0, 50),
    tool_version=st.just("0.1.0"),
    started_at=st.just("2026-03-05T09:30:00Z"),
    run_id=st.none() | st.integers(1, 1000),
    fail_on=st.sampled_from(["high", "never"]),
    exit_code=st.sampled_from([0, 1, 2]),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results)
def test_every_format_renders_well_formed_output(result: CheckResult) -> None:
    options = ReportOptions(sarif_include_waived=True)
    outputs = {name: get_renderer(name)(result, options) for name in FORMATS}
    unwaived = [f for f in result.findings if not f.waived]

    doc = json.loads(outputs["json"])
    assert len(doc["findings"]) == len(result.findings)
    assert doc["summary"]["findings"] == len(unwaived)

    lines = outputs["jsonl"].splitlines()
    assert [json.loads(line) for line in lines] == doc["findings"]

    sarif = json.loads(outputs["sarif"])
    assert not list(SARIF.iter_errors(sarif))
    assert len(sarif["runs"][0]["results"]) == len(result.findings)
    assert all(r["locations"] for r in sarif["runs"][0]["results"])  # GitHub requires one

    root = ET.fromstring(outputs["junit"])
    assert len(root.findall(".//failure")) == len(unwaived)
    assert len(root.findall(".//skipped")) == len(result.findings) - len(unwaived)

    annotations = [line for line in outputs["github"].splitlines() if line.startswith("::")]
    assert len(annotations) == len(unwaived) + len(result.errors)
    for line in annotations:
        assert "\n" not in line and "\r" not in line

    text_lines = outputs["text"].splitlines()
    shown = [line for line in text_lines if ":1: " in line or line.startswith("(portfolio): ")]
    assert len(shown) >= len(result.findings)
    assert "\x1b" not in outputs["text"]
    assert outputs["markdown"].startswith("## decaudit check\n")
