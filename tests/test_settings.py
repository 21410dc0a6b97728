"""One settings resolver for every command: flag > environment > config file > default.

The bug this guards against: ``db`` set in .decaudit.toml (or [tool.decaudit]) was honoured
by ``check`` only; the other commands looked for ./decaudit.db.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from decaudit.cli.main import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "northwind-acquisition.yaml"
MEASURED = SAMPLES / "past-decisions.jsonl"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    base = {
        "DECAUDIT_DB": "",
        "DECAUDIT_CONFIG": "",
        "DECAUDIT_TODAY": "",
        "DECAUDIT_CACHE_DIR": "off",
    }
    return CliRunner().invoke(cli, list(args), env={**base, **(env or {})}, catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose config file puts the log in logs/audit.db; commands run from a
    subfolder, so neither the working directory nor ./decaudit.db is the log."""
    (tmp_path / ".decaudit.toml").write_text('db = "logs/audit.db"\n', encoding="utf-8")
    sub = tmp_path / "decisions"
    sub.mkdir()
    monkeypatch.chdir(sub)
    for path in (SAMPLE, MEASURED):
        result = run("check", str(path), "--fail-on", "never")
        assert result.exit_code == 0, result.output
    return tmp_path


def test_check_writes_the_configured_log_and_creates_its_folder(project: Path) -> None:
    assert (project / "logs" / "audit.db").is_file()
    assert not (project / "decisions" / "decaudit.db").exists()
    assert not (project / "decaudit.db").exists()


@pytest.mark.parametrize("fmt", ["json"])
def test_every_log_command_reads_the_configured_log(project: Path, fmt: str) -> None:
    runs = json.loads(run("runs", "-f", fmt).stdout)
    assert [r["id"] for r in runs] == [1, 2]
    found = json.loads(run("findings", "-f", fmt).stdout)
    assert found and {f["run_id"] for f in found} <= {1, 2}
    decision = found[0]["decision_id"]
    history = json.loads(run("history", decision, "-f", fmt).stdout)
    assert history["runs"]
    diff = json.loads(run("diff", "1", "2", "-f", fmt).stdout)
    assert (diff["run_a"], diff["run_b"]) == (1, 2)
    assert run("verify").stdout.startswith("log intact: 2 runs")
    granted = run(
        "waive", decision, found[0]["rule_id"], "--reason", "r", "--expires", "2099-01-01"
    )
    assert granted.exit_code == 0, granted.output
    listed = json.loads(run("waive", "--list", "-f", fmt).stdout)
    assert [w["decision_id"] for w in listed] == [decision]
    calibration = json.loads(run("calibration", "-f", "json").stdout)
    assert calibration["decisions"] > 0
    report = project / "report.html"
    result = run("report", "-o", str(report))
    assert result.exit_code == 0, result.output
    assert decision in report.read_text(encoding="utf-8")
    cp = project / "cp.json"
    result = run("checkpoint", "-o", str(cp), env={"DECAUDIT_LOG_KEY": "k"})
    assert result.exit_code == 0, result.output
    assert json.loads(cp.read_text(encoding="utf-8"))["seq"] == 3
    assert not (project / "decisions" / "decaudit.db").exists()


def test_flag_and_environment_beat_the_config_file(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    assert run("check", str(SAMPLE), "--db", str(other), "--fail-on", "never").exit_code == 0
    assert len(json.loads(run("runs", "-f", "json", "--db", str(other)).stdout)) == 1
    env = {"DECAUDIT_DB": str(other)}
    assert len(json.loads(run("runs", "-f", "json", env=env).stdout)) == 1
    assert len(json.loads(run("runs", "-f", "json").stdout)) == 2  # the config file's


def test_config_flag_names_the_file(project: Path, tmp_path: Path) -> None:
    alt = tmp_path / "alt" / "alt.toml"
    alt.parent.mkdir()
    alt.write_text('db = "alt.db"\n', encoding="utf-8")
    assert run("check", str(SAMPLE), "--config", str(alt), "--fail-on", "never").exit_code == 0
    assert (alt.parent / "alt.db").is_file()
    assert len(json.loads(run("runs", "-f", "json", "--config", str(alt)).stdout)) == 1


def test_default_log_sits_beside_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.decaudit]\nfail_on = "never"\n', encoding="utf-8"
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert run("check", str(SAMPLE)).exit_code == 0
    assert (tmp_path / "decaudit.db").is_file()
    assert not (deep / "decaudit.db").exists()
    assert run("verify").stdout.startswith("log intact: 1 run")
    shown = json.loads(run("config", "-f", "json").stdout)["settings"]["db"]
    assert shown["source"] == "default (beside ../../pyproject.toml)"
    assert Path(os.path.normpath(deep / shown["value"])) == tmp_path / "decaudit.db"


def test_without_a_config_file_the_log_is_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("check", str(SAMPLE), "--fail-on", "never").exit_code == 0
    assert (tmp_path / "decaudit.db").is_file()


def test_check_creates_the_folder_of_a_db_flag(tmp_path: Path) -> None:
    db = tmp_path / "new" / "deeper" / "audit.db"
    result = run("check", str(SAMPLE), "--db", str(db), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert db.is_file()


def test_a_broken_config_file_is_reported_by_log_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".decaudit.toml").write_text("db = [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("runs")
    assert result.exit_code == 2
    assert result.stderr.startswith("decaudit: error: .decaudit.toml:")


def test_decaudit_today_is_the_audit_date_of_facts(tmp_path: Path) -> None:
    record = tmp_path / "r.yaml"
    record.write_text("id: D-1\ntitle: T\ndate: 2026-01-01\n", encoding="utf-8")
    shown = json.loads(
        run("facts", str(record), "-f", "json", env={"DECAUDIT_TODAY": "2026-01-11"}).stdout
    )
    assert shown["decision"]["age_days"] == 10
    flag = json.loads(
        run(
            "facts",
            str(record),
            "-f",
            "json",
            "--today",
            "2026-01-02",
            env={"DECAUDIT_TODAY": "2026-01-11"},
        ).stdout
    )
    assert flag["decision"]["age_days"] == 1


def test_decaudit_today_is_the_date_waivers_are_listed_against(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    assert run("check", str(SAMPLE), "--db", db, "--fail-on", "never").exit_code == 0
    granted = run("waive", "X-1", "ALT001", "--reason", "r", "--expires", "2030-06-30", "--db", db)
    assert granted.exit_code == 0, granted.output
    live = json.loads(
        run(
            "waive", "--list", "-f", "json", "--db", db, env={"DECAUDIT_TODAY": "2030-06-30"}
        ).stdout
    )
    gone = json.loads(
        run(
            "waive", "--list", "-f", "json", "--db", db, env={"DECAUDIT_TODAY": "2030-07-01"}
        ).stdout
    )
    assert (live[0]["status"], gone[0]["status"]) == ("live", "expired")
