"""``decaudit config`` and ``decaudit init`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from decaudit.cli.commands.init import CONFIG_TEMPLATE
from decaudit.cli.main import cli
from decaudit.engine.config import FILE_KEYS, KEYS, load_config
from decaudit.engine.model import Record


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, args: list[str], env: dict[str, str] | None = None) -> Result:
    base = {k.env: "" for k in KEYS if k.env}  # isolate from the caller's DECAUDIT_* variables
    base.update({"DECAUDIT_CONFIG": "", "DECAUDIT_NO_LOG": ""})
    base.update(env or {})
    return runner.invoke(cli, args, env=base, catch_exceptions=False)


def test_config_table_shows_values_and_sources(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".decaudit.toml").write_text('fail_on = "medium"\n', encoding="utf-8")
    result = run(runner, ["config"], {"DECAUDIT_MIN_SEVERITY": "low", "DECAUDIT_LOG_KEY": "k3y"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("config file: ") and lines[0].endswith(".decaudit.toml")
    rows = {line.split()[0]: line.split() for line in lines[5:]}
    assert rows["fail_on"][1:] == ["medium", "file:", ".decaudit.toml"]
    assert rows["min_severity"][1:] == ["low", "env:", "DECAUDIT_MIN_SEVERITY"]
    assert rows["db"][1:] == ["decaudit.db", "default", "(beside", ".decaudit.toml)"]
    assert rows["log_key"][1:] == ["(set)", "env:", "DECAUDIT_LOG_KEY"]
    assert "k3y" not in result.output
    assert set(rows) == {k.display for k in KEYS}


def test_config_json(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, ["config", "-f", "json"], {"DECAUDIT_LOG_KEY": "k3y"})
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["file"] is None
    assert len(doc["digest"]) == 64
    assert doc["settings"]["fail_on"] == {
        "value": "high",
        "source": "default",
        "env": "DECAUDIT_FAIL_ON",
    }
    assert doc["settings"]["log_key"]["value"] == "(set)"
    assert doc["settings"]["history.min_decisions"]["value"] == 3
    assert "k3y" not in result.output


def test_config_error_is_one_line_exit_2(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".decaudit.toml").write_text('fail_on = "high"\nfial_on = "low"\n', encoding="utf-8")
    result = run(runner, ["config"])
    assert result.exit_code == 2
    assert result.output == (
        "decaudit: error: .decaudit.toml:2: unknown key 'fial_on' in .decaudit.toml "
        "(did you mean 'fail_on'?)\n"
    )


def test_config_explicit_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ci.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    result = run(runner, ["config", "--config", "ci.toml", "-f", "json"])
    missing = run(runner, ["config", "--config", "nope.toml"])
    assert json.loads(result.output)["settings"]["fail_on"]["value"] == "never"
    assert missing.exit_code == 2
    assert "nope.toml: config file not found" in missing.output


def test_init_scaffolds_a_loadable_config_and_a_valid_record(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = run(runner, ["init", str(tmp_path / "proj")])
    assert result.exit_code == 0, result.output
    config_file = tmp_path / "proj" / ".decaudit.toml"
    record_file = tmp_path / "proj" / "decisions" / "example-decision.yaml"
    assert result.output.splitlines()[:2] == [f"wrote {config_file}", f"wrote {record_file}"]
    cfg = load_config(config_file.parent, {})
    assert cfg.file == config_file.resolve()
    defaults = load_config(tmp_path / "elsewhere", {})
    for key in KEYS:
        if key.name not in ("paths", "db", "today"):
            assert cfg[key.name] == defaults[key.name], key.name
    assert cfg["paths"] == ("decisions",)
    record = Record.model_validate(yaml.safe_load(record_file.read_text(encoding="utf-8")))
    assert record.project_type == "acquisition"
    assert any(o.chosen for o in record.options)


def test_init_template_documents_every_key() -> None:
    for name in FILE_KEYS:
        leaf = name.split(".")[-1]
        assert f"{leaf} =" in CONFIG_TEMPLATE or f"[{leaf}]" in CONFIG_TEMPLATE, name


def test_init_refuses_to_overwrite_without_force(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".decaudit.toml").write_text("# mine\n", encoding="utf-8")
    refused = run(runner, ["init"])
    assert refused.exit_code == 2
    assert refused.output == (
        "decaudit: error: .decaudit.toml: already exists (use --force to overwrite)\n"
    )
    assert Path(".decaudit.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not Path("decisions").exists()
    forced = run(runner, ["init", "--force"])
    assert forced.exit_code == 0
    assert Path(".decaudit.toml").read_text(encoding="utf-8") == CONFIG_TEMPLATE
    assert forced.output.splitlines()[-1] == "next: decaudit check decisions/ --no-log"


def test_init_example_record_produces_findings(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(runner, ["init"]).exit_code == 0
    result = run(runner, ["check", "--no-log", "-f", "json"])  # paths come from the config
    assert result.exit_code == 1, result.output
    doc = json.loads(result.output)
    rules = {f["rule_id"] for f in doc["findings"]}
    assert {"ALT001", "BEN006"} <= rules
    assert all(f["file"].endswith("example-decision.yaml") for f in doc["findings"])
