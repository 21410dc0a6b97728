"""Baselines: written without line numbers, loaded strictly, applied by fingerprint."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from decaudit.engine.baseline import apply_baseline, load_baseline, write_baseline
from decaudit.engine.errors import ConfigError
from decaudit.engine.types import Finding


def finding(
    rule: str = "BEN001", did: str = "DEC-1", path: str = "$.options[0]", line: int = 5
) -> Finding:
    return Finding(
        rule_id=rule,
        rule_name="benefit-without-basis",
        severity="medium",
        family="benefits",
        decision_id=did,
        file="decisions/a.yaml",
        line=line,
        path=path,
        message=f"{rule} on {path}",
    )


def test_round_trip_sorted_without_line_numbers(tmp_path: Path) -> None:
    findings = [finding("BEN002"), finding("ALT001", path="$"), finding("BEN002")]
    target = tmp_path / "sub" / "baseline.json"
    assert write_baseline(target, findings, created_at="2026-01-01T00:00:00Z") == 2
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 1
    assert doc["tool"]["name"] == "decaudit"
    assert doc["created_at"] == "2026-01-01T00:00:00Z"
    fps = [e["fingerprint"] for e in doc["findings"]]
    assert fps == sorted(fps) and len(fps) == 2
    assert all("line" not in e for e in doc["findings"])
    assert set(doc["findings"][0]) == {"fingerprint", "rule_id", "decision_id", "path", "message"}
    assert load_baseline(target) == frozenset(f.fingerprint for f in findings)


def test_moved_lines_keep_the_fingerprint_and_a_new_finding_is_reported_alone(
    tmp_path: Path,
) -> None:
    before = [finding("BEN001", line=5), finding("ALT001", path="$", line=1)]
    target = tmp_path / "baseline.json"
    write_baseline(target, before)
    baseline = load_baseline(target)
    # The record was edited: everything moved down 7 lines, and one new problem appeared.
    after = [dataclasses.replace(f, line=f.line + 7) for f in before]
    fresh = finding("BEN002", path="$.options[1].business_case.benefits[0]", line=30)
    new, matched, fixed = apply_baseline([*after, fresh], baseline)
    assert new == (fresh,)
    assert matched == 2
    assert fixed == 0


def test_fixed_counts_baseline_findings_that_are_gone(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    write_baseline(target, [finding("BEN001"), finding("ALT001", path="$")])
    new, matched, fixed = apply_baseline([finding("BEN001")], load_baseline(target))
    assert (new, matched, fixed) == ((), 1, 1)


def test_other_decision_or_path_is_new() -> None:
    baseline = frozenset({finding().fingerprint})
    other_decision = finding(did="DEC-2")
    other_path = finding(path="$.options[1]")
    new, matched, fixed = apply_baseline([other_decision, other_path], baseline)
    assert new == (other_decision, other_path) and matched == 0 and fixed == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        (b"{not json", "baseline.json:1: baseline is not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "not a decaudit baseline"),
        (b'{"schema_version": 9, "findings": []}', "unsupported baseline schema_version 9"),
        (b'{"schema_version": 1, "findings": {}}', "must be a list"),
        (b'{"schema_version": 1, "findings": [{"rule_id": "X"}]}', "findings[0]: missing"),
        (b'{"schema_version": 1, "findings": [{"fingerprint": "zz"}]}', "malformed"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    target = tmp_path / "baseline.json"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        load_baseline(target)
    assert message in str(info.value)
    assert str(target) in str(info.value)


def test_unwritable_baseline_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot write baseline"):
        write_baseline(blocker / "baseline.json", [finding()])
