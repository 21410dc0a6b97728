"""The walkthroughs show real output: every ``decaudit check`` of README.md and the
governance and brief walkthroughs is run again, in order and with the other ``decaudit``
commands of its page (a waiver, recorded figures), and the summary line the page shows
after it must be the one the command prints.

The audit date is fixed (``DECAUDIT_TODAY``) at the day the pages were last run, so the
ages of proposals, and with them the counts, do not drift as the calendar moves on.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("README.md", "docs/governance.md", "docs/brief.md")
PAGES_RUN_ON = "2026-12-03"  # the audit date the pages' outputs were produced with
_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def steps(page: str) -> list[tuple[list[str], str | None, str]]:
    """Each ``$ decaudit ...`` command of a page's console blocks, in order: its arguments,
    the ``Found ...`` line shown after it (or None), and the file content a ``$ cat F``
    before it shows (written before the command runs)."""
    out: list[tuple[list[str], str | None, str]] = []
    for block in _BLOCK.findall((ROOT / page).read_text(encoding="utf-8")):
        parts = re.split(r"^\$ ", block, flags=re.M)[1:]
        for part in parts:
            command, _, shown = part.partition("\n")
            command = command.split("  #")[0].strip()
            if command.startswith("cat "):
                out.append((["cat", command[4:].strip()], None, shown))
                continue
            if not command.startswith("decaudit ") or "datasette" in command:
                continue
            found = next((ln for ln in shown.splitlines() if ln.startswith("Found ")), None)
            out.append((shlex.split(command)[1:], found, ""))
    return out


@pytest.mark.parametrize("page", PAGES)
def test_the_summary_lines_a_page_shows_are_what_its_commands_print(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DECAUDIT_TODAY", PAGES_RUN_ON)
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner()
    checked = 0
    for args, found, content in steps(page):
        if args[0] == "cat":  # the page shows a file it then uses: write it
            target = tmp_path / args[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            continue
        result = runner.invoke(cli, args)
        if args[0] != "check" or found is None:
            continue
        printed = [ln for ln in result.output.splitlines() if ln.startswith("Found ")]
        assert printed == [found], f"{page}: decaudit {shlex.join(args)}"
        checked += 1
    assert checked >= 1
