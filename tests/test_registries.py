"""Adding an output or input format is one module plus one line in the vocabulary's
registry: the CLI's choices and help, the config file and the loaders all follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from decaudit.cli.main import cli
from decaudit.engine import vocab

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "northwind-acquisition.yaml"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env={"DECAUDIT_CACHE_DIR": "off", **(env or {})})


@pytest.fixture
def toy_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(vocab.OUTPUT_FORMATS, "toy", "toyformats.toy")


@pytest.fixture
def toy_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(vocab.RECORD_LOADERS, ".pipes", "toyformats.pipes:load_pipes")


def test_a_registered_output_format_is_offered_and_used(toy_output: None) -> None:
    assert "toy" in run("check", "--help").stdout
    result = run("check", str(SAMPLE), "--no-log", "-f", "toy", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("TOY ") and lines[-1].endswith(" findings")
    assert all(line.startswith("TOY ") for line in lines)


def test_a_registered_output_format_is_a_valid_config_value(
    toy_output: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".decaudit.toml").write_text('format = "toy"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", str(SAMPLE), "--no-log", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("TOY ")


def test_an_unregistered_format_is_refused() -> None:
    result = run("check", str(SAMPLE), "--no-log", "-f", "toy")
    assert result.exit_code == 2
    assert "'toy' is not one of" in result.stderr


def test_a_registered_input_format_is_read(toy_input: None, tmp_path: Path) -> None:
    data = tmp_path / "register.pipes"
    data.write_text("P-1|One option only|Keep going\nbroken line\n", encoding="utf-8")
    result = run("check", str(data), "--no-log", "-f", "json", "--fail-on", "never")
    assert result.exit_code == 2  # the broken line is an input error; the rest is audited
    assert '"decision_id": "P-1"' in result.stdout
    doc = json.loads(result.stdout)
    assert [(e["line"], e["message"]) for e in doc["errors"]] == [(2, "expected id|title|options")]
    assert doc["summary"]["records"] == 1


def test_a_registered_input_format_is_walked_when_configured(
    toy_input: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.pipes").write_text("P-2|T|A;B\n", encoding="utf-8")
    (tmp_path / ".decaudit.toml").write_text('extensions = [".pipes"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("check", "d", "--no-log", "-f", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["records"] == 1
