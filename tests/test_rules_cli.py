"""``decaudit rules list|show|test|validate``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from decaudit.cli.main import cli

PACK = Path(__file__).parent / "data" / "rules_pack"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def copy_pack(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(PACK, dest)
    return dest


def test_validate_ok() -> None:
    code, out, _ = run("rules", "validate", "--no-builtin", str(PACK))
    assert (code, out) == (0, "4 rules OK\n")


def test_validate_reports_every_error(tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    text = (pack / "TST001.yaml").read_text()
    (pack / "TST001.yaml").write_text(text.replace("op: lt", "op: less"))
    text = (pack / "TST003.yaml").read_text()
    (pack / "TST003.yaml").write_text(text.replace("fact: title", "fact: titel"))
    code, out, err = run("rules", "validate", "--no-builtin", str(pack))
    assert code == 2
    assert out.splitlines() == [
        f'{pack}/TST001.yaml:16: when.all[0].op: unknown operator "less"; expected one of '
        "eq, ne, lt, lte, gt, gte, in, matches, exists",
        f'{pack}/TST003.yaml:12: when.all[0].fact: unknown fact "titel" for fact type '
        "'decision' (did you mean 'title'?)",
    ]
    assert err == "2 errors\n"


def test_test_runs_every_example() -> None:
    code, out, _ = run("rules", "test", "--no-builtin", str(PACK))
    assert code == 0
    assert out.splitlines() == [
        "PASS TST001 two options",
        "PASS TST001 three options",
        "PASS TST001 lower threshold",
        "PASS TST002 better breakthrough rejected",
        "PASS TST002 worse breakthrough",
        "PASS TST003 money",
        "PASS TST003 customers",
        "PASS TST004 all incremental",
        "PASS TST004 one in two",
        "9 examples of 4 rules: 9 passed, 0 failed",
    ]


def test_test_reports_a_wrong_expectation(tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    text = (pack / "TST002.yaml").read_text()
    (pack / "TST002.yaml").write_text(text.replace('paths: ["$.options[1]"]', "count: 2"))
    code, out, _ = run("rules", "test", "--no-builtin", "--rule", "TST002", "-q", str(pack))
    assert code == 1
    assert out.splitlines() == [
        f"FAIL TST002 better breakthrough rejected ({pack}/TST002.yaml:26): "
        "expected 2 finding(s), got 1",
        "2 examples of 1 rules: 1 passed, 1 failed",
    ]


def test_test_refuses_an_invalid_pack(tmp_path: Path) -> None:
    pack = copy_pack(tmp_path)
    (pack / "TST001.yaml").write_text("id: TST001\n")
    code, out, err = run("rules", "test", "--no-builtin", str(pack))
    assert code == 2
    assert out == ""
    assert err.startswith(f"{pack}/TST001.yaml:1: missing required field 'name'\n")


def test_builtin_examples_pass() -> None:
    code, out, _ = run("rules", "test", "-q")
    assert code == 0, out
    assert out.endswith(" failed\n") and ", 0 failed" in out


def test_list_table_and_json() -> None:
    code, out, _ = run("rules", "list", "--rules", str(PACK), "--format", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["TST002"] == {
        "id": "TST002",
        "name": "incremental-chosen-over-better-breakthrough",
        "severity": "high",
        "family": "incremental",
        "title": "Incremental option chosen over a breakthrough with a case as good",
        "file": f"{PACK}/TST002.yaml",
    }
    assert len(rows) >= 31
    code, out, _ = run("rules", "list", "--rules", str(PACK))
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "SEVERITY", "FAMILY", "TITLE"]
    assert any(line.startswith("TST004  portfolio-drift ") for line in lines)


def test_show() -> None:
    code, out, _ = run("rules", "show", "TST001", "--rules", str(PACK))
    assert code == 0
    assert out.startswith("TST001 few-options\n  Fewer options than the short list needs\n")
    assert "Parameters:\n  min_options = 3\n" in out
    assert (
        "Condition:\n  on decision:\n    all of:\n"
        "      real_option_count < 3 (param min_options)\n"
        '      not (status in ["rejected", "withdrawn"])\n'
    ) in out
    assert "  1. two options: flagged, must produce 1 finding(s) at $\n" in out
    assert "  3. lower threshold: clean, must produce no finding\n" in out
    assert "       params:\n         min_options: 1\n" in out


def test_show_unknown_rule() -> None:
    code, _out, err = run("rules", "show", "XYZ999")
    assert code == 2
    assert err == "decaudit: error: unknown rule 'XYZ999' (decaudit rules list shows them)\n"
