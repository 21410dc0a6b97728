"""Typed, range-checked command-line values: huge integers, unknown rules in waivers and
bad rule parameters in ``config`` end in a clear message and exit 2, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli

HUGE = "9" * 30
RECORD = {"id": "DEC-1", "title": "Replace the ERP", "options": [{"title": "A", "chosen": True}]}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "r.json").write_text(json.dumps(RECORD), encoding="utf-8")
    path = tmp_path / "audit.db"
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "r.json"), "--db", str(path)])
    assert result.exit_code in (0, 1), result.output
    return path


def _run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(cli, list(args))
    finally:
        os.chdir(old)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "args",
    [
        ("runs", "--limit", HUGE),
        ("findings", "--limit", HUGE),
        ("findings", "--run", HUGE),
        ("diff", HUGE, "1"),
        ("diff", "1", HUGE),
        ("waive", "--revoke", HUGE, "--reason", "x"),
        ("findings", "--limit", str(2**63)),
    ],
)
def test_huge_integers_are_a_clean_usage_error(db: Path, args: tuple[str, ...]) -> None:
    code, out = _run(*args, "--db", str(db))
    assert code == 2, out
    assert "9223372036854775807" in out
    assert "Traceback" not in out and "OverflowError" not in out


def test_report_top_and_jobs_are_range_checked(db: Path, tmp_path: Path) -> None:
    code, out = _run("report", "--top", HUGE, "--db", str(db), "-o", str(tmp_path / "r.html"))
    assert code == 2 and "--top" in out
    code, out = _run("check", str(tmp_path / "r.json"), "--no-log", "--jobs", "100000")
    assert code == 2 and "0<=x<=256" in out


@pytest.mark.parametrize(
    ("rule", "suggestion"),
    [
        ("ALT02", "did you mean ALT002?"),
        ("alt001", "did you mean ALT001?"),
        ("NOPE999", "rules list"),
    ],
)
def test_waive_refuses_unknown_rules_with_a_suggestion(
    db: Path, tmp_path: Path, rule: str, suggestion: str
) -> None:
    code, out = _run(
        "waive",
        "DEC-1",
        rule,
        "--reason",
        "r",
        "--expires",
        "2030-01-01",
        "--db",
        str(db),
        cwd=tmp_path,
    )
    assert code == 2, out
    assert f"unknown rule {rule!r}" in out and suggestion in out
    code, out = _run("waive", "--list", "--db", str(db), "-f", "json", cwd=tmp_path)
    assert json.loads(out) == []  # nothing was written


def test_waive_accepts_rule_ids_and_names(db: Path, tmp_path: Path) -> None:
    for rule in ("ALT001", "no-breakthrough-alternative"):
        code, out = _run(
            "waive",
            "DEC-1",
            rule,
            "--reason",
            "r",
            "--expires",
            "2030-01-01",
            "--db",
            str(db),
            cwd=tmp_path,
        )
        assert code == 0, out


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[params.ALT002]\nmin_options = "three"\n', "'min_options' is a number"),
        ("[params.ALT02]\nmin_options = 3\n", "did you mean 'ALT002'?"),
        ("[params.ALT002]\nnope = 3\n", "nope"),
    ],
)
def test_config_validates_rule_parameters_like_check(
    tmp_path: Path, toml: str, message: str
) -> None:
    (tmp_path / ".decaudit.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "r.json").write_text(json.dumps(RECORD), encoding="utf-8")
    code, out = _run("config", cwd=tmp_path)
    assert code == 2 and message in out, out
    check_code, check_out = _run("check", "r.json", "--no-log", cwd=tmp_path)
    assert check_code == 2
    assert out.strip().splitlines()[-1] == check_out.strip().splitlines()[-1]
