"""A finding in a Word file points at a paragraph ordinal: SARIF gives the line, no columns
taken from the file's bytes."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner
from decaudit.cli.main import cli


def test_word_adr_finding_region_is_the_paragraph(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("Pick a queue", level=1)
    word.add_paragraph("Status: Accepted")
    word.add_heading("Considered Options", level=2)
    word.add_paragraph("RabbitMQ", style="List Bullet")
    word.add_paragraph("Kafka", style="List Bullet")
    path = tmp_path / "0001-queue.docx"
    word.save(str(path))
    out = tmp_path / "out.sarif"
    args = ["check", str(path), "--no-log", "--fail-on", "never", "-f", "sarif", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    results = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert results
    for res in results:
        region = res["locations"][0]["physicalLocation"]["region"]
        assert 1 <= region["startLine"] <= 5  # one of the five paragraphs of the body
        assert region.get("endColumn", 1) == 1
