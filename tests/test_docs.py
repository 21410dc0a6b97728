"""Every command is documented, and its --help works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import COMMANDS, cli

REPO = Path(__file__).resolve().parents[1]
DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented(name: str) -> None:
    assert re.search(rf"decaudit {name}\b", DOCS), f"`decaudit {name}` is not in the docs"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("Usage: ") and f" {name} " in first + " ", first
    assert "Options:" in result.output


def test_readme_links_resolve() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|samples|rules)/[^)#]+)\)", text):
        assert (REPO / target).exists(), target


def test_group_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\s", result.output, re.MULTILINE), name
