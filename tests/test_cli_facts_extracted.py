"""``decaudit facts`` shows what a document reader extracted, each item with its line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from decaudit.cli.main import cli

LAYOUTS = Path(__file__).parent / "data" / "adr_layouts"


def test_text_shows_items_lines_choice_and_uncertainty() -> None:
    path = str(LAYOUTS / "positions-prose.md")
    result = CliRunner().invoke(cli, ["facts", path, "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("extracted")
    block = lines[start : lines.index("decision")]
    text = "\n".join(block)
    assert "Vega" in text and "pros 0, cons 0" in text
    chosen = next(ln for ln in block if ln.lstrip().startswith("chosen"))
    assert "Vega (by named in the decision prose)" in chosen and chosen.endswith("line 11")
    options = [ln for ln in block if ln.startswith("   ")]
    assert [ln.split()[0] for ln in options] == ["Chart.js", "*", "writing"]
    assert any(ln.split() == ["uncertain", "options,", "chosen"] for ln in block)


def test_json_has_the_extracted_items() -> None:
    path = str(LAYOUTS / "option-groups.md")
    result = CliRunner().invoke(cli, ["facts", path, "-f", "json", "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    got = doc["extracted"]
    assert got["status"] == {"value": "accepted", "line": 2}
    assert [(o["label"], o["group"], o["chosen"]) for o in got["options"]][-1] == (
        "3c",
        "Pre-render",
        True,
    )
    assert got["chosen"]["how"] == "marker on the option"
    assert got["uncertain"] == []
    assert doc["decision"]["chosen_by"] == "marker on the option"
    assert doc["decision"]["choice_stated"] is True


def test_yaml_records_show_no_extraction_block(samples_dir: Path) -> None:
    path = str(samples_dir / "cold-chain-hub.yaml")
    result = CliRunner().invoke(cli, ["facts", path, "--today", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "extracted" not in result.output.splitlines()
