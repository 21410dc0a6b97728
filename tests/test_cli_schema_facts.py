"""``decaudit schema`` and ``decaudit facts``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.facts import CATALOGUE

TODAY = "2026-01-01"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_schema_is_indented_json_that_validates_the_samples(
    runner: CliRunner, samples_dir: Path
) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("{\n  ")
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"id", "title"}
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("aurora-premium-tier.yaml", "cold-chain-hub.yaml"):
        doc = yaml.safe_load((samples_dir / name).read_text(encoding="utf-8"))
        doc = json.loads(json.dumps(doc, default=str))  # dates as JSON strings
        validator.validate(doc)
    bad = {"id": "X", "title": "T", "options": [{"title": "o", "chosen": "yes"}]}
    assert not validator.is_valid(bad)


def test_schema_rule_flag(runner: CliRunner) -> None:
    from decaudit.engine.rules.schema import RULE_SCHEMA

    result = runner.invoke(cli, ["schema", "--rule"])
    assert result.exit_code == 0
    assert json.loads(result.output) == RULE_SCHEMA


def test_facts_json_single_record(runner: CliRunner, samples_dir: Path) -> None:
    path = str(samples_dir / "aurora-premium-tier.yaml")
    result = runner.invoke(cli, ["facts", path, "--format", "json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert list(doc) == ["decision", "options", "benefits", "costs", "member", "links"]
    decision = doc["decision"]
    assert decision["did"] == "DEC-2025-014"
    assert decision["line"] == 11
    assert decision["age_days"] == 324  # 2025-02-11 .. 2026-01-01
    assert decision["chosen_kind"] == "incremental"
    assert decision["realization_ratio"] == 0.4
    assert decision["cost_overrun_ratio"] == pytest.approx(1.583333, abs=1e-6)
    assert [o["id"] for o in doc["options"]] == ["premium-tier", "go-model", "status-quo"]
    for option in doc["options"]:
        assert {"id", "title", "kind", "kind_inferred", "chosen", "line"} <= set(option)
    assert [c["id"] for c in doc["costs"]] == [c["cid"] for c in doc["costs"]]
    status_quo = doc["options"][2]
    assert (status_quo["kind"], status_quo["kind_inferred"]) == ("do-nothing", True)
    assert status_quo["line"] == 74
    assert [b["path"] for b in doc["benefits"]] == [
        "$.options[0].business_case.benefits[0]",
        "$.options[1].business_case.benefits[0]",
    ]
    assert doc["benefits"][0]["line"] == 38
    assert len(doc["costs"]) == 2
    assert all("_t" not in f for f in [decision, *doc["options"]])


def test_facts_json_several_records_is_a_list(runner: CliRunner, samples_dir: Path) -> None:
    path = str(samples_dir / "past-decisions.jsonl")
    result = runner.invoke(cli, ["facts", path, "-f", "json", "--today", TODAY])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)
    assert [d["decision"]["did"] for d in docs] == [
        "DEC-2021-003",
        "DEC-2022-011",
        "DEC-2023-004",
        "DEC-2024-002",
    ]
    assert [d["decision"]["line"] for d in docs] == [1, 2, 3, 4]


def test_facts_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "id: D-1\ntitle: Small\ndate: 2025-12-01\nstatus: proposed\n"
        "options:\n  - title: Do nothing\n  - title: Use PostgreSQL\n    chosen: true\n"
    )
    result = runner.invoke(cli, ["facts", str(path), "--today", TODAY])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"# D-1 ({path}:1)"
    assert lines[2] == "decision"
    assert "  age_days" in result.output
    body = dict(
        (parts[0], parts[1])
        for parts in (ln.split(None, 1) for ln in lines if ln.startswith("  "))
        if len(parts) == 2
    )
    assert body["did"] == "D-1"
    assert body["age_days"] == "31"
    assert body["chosen_kind"] == "unknown"
    assert "option $.options[0]" in lines
    assert "option $.options[1]" in lines


def test_facts_stdin(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["facts", "-", "-f", "json", "--today", TODAY],
        input='{"id": "S-1", "title": "From a pipe", "date": "2025-12-31"}',
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["decision"]["age_days"] == 1


def test_facts_bad_record_exits_2_with_located_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: B\ntitle: Bad\noptions:\n  - title: x\n    chosen: maybe\n")
    result = runner.invoke(cli, ["facts", str(path)])
    assert result.exit_code == 2
    assert result.output == f"decaudit: error: {path}:5: options[0].chosen: must be true or false\n"


def test_facts_good_and_bad_records_prints_good_then_fails(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text("id: G\ntitle: Good\n---\nid: B\n")
    result = runner.invoke(cli, ["facts", str(path), "-f", "json", "--today", TODAY])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["decision"]["did"] == "G"
    assert result.stderr == f"decaudit: error: {path}:4: title: is required\n"


def test_facts_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = runner.invoke(cli, ["facts", str(missing)])
    assert result.exit_code == 2
    assert result.output == f"decaudit: error: {missing}: no such file or directory\n"


def test_facts_usage_errors(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["facts"])
    assert result.exit_code == 2
    assert result.output == "decaudit: error: missing argument FILE (or use --list)\n"
    result = runner.invoke(cli, ["facts", "x.yaml", "--today", "2026-02-30"])
    assert result.exit_code == 2
    assert "'2026-02-30' is not a date (YYYY-MM-DD)" in result.output


def test_facts_list_text_and_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["facts", "--list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "decision"
    headers = [ln for ln in lines if ln and not ln.startswith(" ")]
    assert headers == list(CATALOGUE)
    row = next(ln for ln in lines if ln.split()[:1] == ["realization_ratio"])
    assert row.split()[1] == "number"
    result = runner.invoke(cli, ["facts", "--list", "-f", "json"])
    doc = json.loads(result.output)
    assert set(doc) == set(CATALOGUE)
    assert {"name": "did", "type": "str", "doc": "The decision id."} in doc["decision"]
    assert sum(len(v) for v in doc.values()) == sum(len(v) for v in CATALOGUE.values())
