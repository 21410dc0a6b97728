"""SARIF 2.1.0: schema validity and what GitHub code scanning relies on."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from decaudit.engine.report import ReportOptions, get_renderer
from decaudit.engine.report.sarif import artifact_location, level
from decaudit.engine.types import CheckResult

REPO = Path(__file__).resolve().parents[1]
# The official SARIF 2.1.0 schema (OASIS), vendored so the tests need no network.
SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "schemas" / "sarif-schema-2.1.0.json"

_spec = importlib.util.spec_from_file_location(
    "decaudit_golden_sample", REPO / "tests/golden/sample.py"
)
assert _spec and _spec.loader
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)


def sarif(result: CheckResult, **options: Any) -> dict[str, Any]:
    text = get_renderer("sarif")(result, ReportOptions(**options))
    doc: dict[str, Any] = json.loads(text)
    return doc


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # draft-04 for SARIF 2.1.0
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("include_waived", [False, True])
def test_valid_against_the_sarif_schema(
    validator: jsonschema.protocols.Validator, include_waived: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sample.SOURCE_ROOT)
    for result in (sample.sample_result(), sample.empty_result()):
        doc = sarif(result, sarif_include_waived=include_waived)
        errors = sorted(validator.iter_errors(doc), key=str)
        assert not errors, errors[0].message


def test_one_run_with_driver_and_rules() -> None:
    doc = sarif(sample.sample_result())
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "decaudit" and driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == ["ALT001", "BEN002", "BEN006", "GOV001", "INC004"]
    ben006 = next(r for r in driver["rules"] if r["id"] == "BEN006")
    assert ben006["name"] == "acquisition-without-integration-plan"
    assert ben006["shortDescription"]["text"] == "Acquisition without an integration plan"
    assert ben006["fullDescription"]["text"].startswith("Most acquisitions miss")
    assert ben006["helpUri"] == "https://example.org/mergers"
    assert "Write the integration plan" in ben006["help"]["markdown"]
    assert (
        "[McKinsey, Where mergers go wrong (2004)](https://example.org/mergers)"
        in (ben006["help"]["markdown"])
    )
    assert ben006["defaultConfiguration"]["level"] == "error"
    assert ben006["properties"]["tags"] == ["benefits"]
    assert "helpUri" not in next(r for r in driver["rules"] if r["id"] == "BEN002")
    assert run["automationDetails"]["id"] == "decaudit/check/"


def test_results_point_at_rules_and_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample.SOURCE_ROOT)
    run = sarif(sample.sample_result())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == 5  # the waived finding is left out
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert len(res["partialFingerprints"]["decauditFingerprint/v1"]) == 32
        assert res["locations"], "GitHub rejects a SARIF file with a result without location"
    portfolio = results[0]
    assert portfolio["ruleId"] == "INC004" and portfolio["properties"]["portfolio"] is True
    anchor = portfolio["locations"][0]["physicalLocation"]
    assert anchor["artifactLocation"]["uri"] == "decisions/acquisition.yaml"
    assert anchor["region"]["startLine"] == 1
    first = results[1]
    assert first["ruleId"] == "GOV001" and first["level"] == "note"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {
        "uri": "decisions/acquisition.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    # line 1 of the source is "id: DEC-2026-007": 16 characters
    assert loc["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 17}
    assert first["properties"]["decision_id"] == "DEC-2026-007"
    assert first["properties"]["path"] == "$"


def test_unreadable_source_gives_end_column_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = sarif(sample.sample_result())["runs"][0]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] == 1


def test_waived_findings_as_suppressions_when_asked() -> None:
    results = sarif(sample.sample_result(), sarif_include_waived=True)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(results) == 6 and len(suppressed) == 1
    assert suppressed[0]["suppressions"][0]["kind"] == "external"
    assert suppressed[0]["suppressions"][0]["justification"].startswith("Regulatory deadline")


def test_input_errors_become_notifications() -> None:
    invocation = sarif(sample.sample_result())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "mapping values are not allowed here"
    loc = note["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "decisions/broken.yaml"
    assert loc["region"]["startLine"] == 3
    clean = sarif(sample.empty_result())["runs"][0]["invocations"][0]
    assert clean["executionSuccessful"] is True


def test_finding_of_an_unlisted_rule_still_has_a_valid_rule_index() -> None:
    result = dataclasses.replace(sample.sample_result(), rules=())
    run = sarif(result)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]


def test_levels() -> None:
    assert [level(s) for s in ("critical", "high", "medium", "low", "info")] == [
        "error",
        "error",
        "warning",
        "note",
        "note",
    ]


def test_artifact_locations(tmp_path: Path) -> None:
    assert artifact_location("./a/../b c.yaml", ".") == {
        "uri": "b%20c.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    inside = tmp_path / "decisions" / "x.yaml"
    assert artifact_location(str(inside), str(tmp_path)) == {
        "uri": "decisions/x.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    outside = artifact_location(str(inside), str(tmp_path / "elsewhere"))
    assert outside["uri"].startswith("file://") and "uriBaseId" not in outside


def test_check_command_writes_valid_sarif(
    validator: jsonschema.protocols.Validator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner
    from decaudit.cli.main import cli

    monkeypatch.chdir(REPO)
    out = tmp_path / "out.sarif"
    result = CliRunner().invoke(
        cli, ["check", "samples", "--no-log", "-f", "sarif", "-o", str(out), "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(doc), key=str)
    assert not errors, errors[0].message
    run = doc["runs"][0]
    assert run["results"], "the samples produce findings"
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("samples/")
        assert (REPO / loc["artifactLocation"]["uri"]).is_file()
        assert loc["region"]["endColumn"] >= 1
