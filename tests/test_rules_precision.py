"""Each rule declares its precision, which SARIF carries for code scanning to rank alerts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import DecauditError
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.vocab import PRECISIONS

REPO = Path(__file__).resolve().parents[1]


def test_every_built_in_rule_declares_its_precision() -> None:
    for path in sorted((REPO / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("precision") in PRECISIONS, path.name
    pack = load_pack()
    declared = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["precision"]
        for p in (REPO / "rules").glob("*.yaml")
    }
    assert {r.info.id: r.info.precision for r in pack.rules} == declared


def test_a_bad_precision_is_refused_naming_the_field(tmp_path: Path) -> None:
    source = REPO / "tests" / "data" / "rules_pack"
    pack_dir = tmp_path / "pack"
    shutil.copytree(source, pack_dir)
    rule = next(iter(sorted(pack_dir.glob("*.yaml"))))
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("\nseverity:", "\nprecision: certain\nseverity:", 1))
    expected = r'TST001.yaml:5: precision: "certain" is not one of very-high'
    with pytest.raises(DecauditError, match=expected):
        load_pack([pack_dir])


def test_sarif_carries_the_rules_precision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "out.sarif"
    args = ["check", "samples/aurora-premium-tier.yaml", "--no-log", "-f", "sarif", "-o"]
    result = CliRunner().invoke(cli, [*args, str(target)])
    assert result.exit_code in (0, 1), result.output
    rules = json.loads(target.read_text())["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r["properties"]["precision"] for r in rules}
    assert by_id["BEN008"] == "very-high" and by_id["INC005"] == "low"
