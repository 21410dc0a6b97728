"""Files found in folders and not audited are reported, never dropped in silence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli

INDEX = "the index of a folder of records"
ADR = "---\nstatus: accepted\n---\n# Pick\n\n## Considered Options\n\n* A\n* B\n"


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "adr"
    root.mkdir()
    (root / "0001-pick.md").write_text(ADR, encoding="utf-8")
    (root / "0002-use-templates.md").write_text(ADR.replace("Pick", "Templates"), "utf-8")
    (root / "README.md").write_text("# Decisions\n\nThe index.\n", encoding="utf-8")
    (root / "notes.md").write_text("# Notes\n\nNothing decided.\n", encoding="utf-8")
    return root


def test_summary_counts_and_verbose_lists_skipped_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    args = ["check", str(root), "--no-log", "--fail-on", "never"]
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 0, quiet.output
    assert "in 2 records from 2 files; 2 files skipped." in quiet.output
    assert "skipped:" not in quiet.output
    verbose = CliRunner().invoke(cli, [*args, "-v"])
    lines = [ln.removeprefix("decaudit: ") for ln in verbose.stderr.splitlines()]
    lines = [ln for ln in lines if ln.startswith("skipped ")]
    assert lines == [
        f"skipped {root}/README.md: excluded by name (README.md: {INDEX})",
        f"skipped {root}/notes.md: not a decision record: no status, decision, outcome, "
        "proposal, design or options found (expected e.g. '## Status' or 'Status:' metadata, "
        "'## Decision', '## Considered Options' or 'Chosen option:')",
    ]


def test_json_lists_skipped_files_with_reasons(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    result = CliRunner().invoke(
        cli, ["check", str(root), "--no-log", "--fail-on", "never", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["summary"]["skipped"] == 2 and doc["summary"]["records"] == 2
    assert [(s["file"], s["reason"][:21]) for s in doc["skipped"]] == [
        (f"{root}/README.md", "excluded by name (REA"),
        (f"{root}/notes.md", "not a decision record"),
    ]
    assert doc["errors"] == []


def test_a_second_name_of_a_file_is_listed_in_the_summary_verbose_and_json(
    tmp_path: Path,
) -> None:
    root = tmp_path / "adr"
    (root / "0001-pick").mkdir(parents=True)
    real = root / "0001-pick" / "index.md"
    real.write_text(ADR, encoding="utf-8")
    (root / "0001-pick" / "README.md").symlink_to(real)
    out = tmp_path / "out.json"
    args = ["check", str(root), "--no-log", "--fail-on", "never", "-v", "-f", "json", "-o"]
    result = CliRunner().invoke(cli, [*args, str(out)])
    assert result.exit_code == 0, result.output
    reason = f"same file as {real} (a link to it; read by that name)"
    assert f"skipped {root}/0001-pick/README.md: {reason}" in result.stderr
    text = CliRunner().invoke(cli, ["check", str(root), "--no-log", "--fail-on", "never"])
    assert "1 file skipped" in text.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["skipped"] == [{"file": f"{root}/0001-pick/README.md", "reason": reason}]
    assert data["summary"]["records"] == 1 and data["summary"]["skipped"] == 1


def test_documents_in_formats_not_read_are_listed_as_skipped(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "0003-pick.adoc").write_text("= Pick\n\n== Status\n\nAccepted\n", "utf-8")
    (root / "0004-pick.org").write_text("* Pick\n", "utf-8")
    (root / "diagram.png").write_bytes(b"\x89PNG")  # not a document: not reported
    (root / ".draft.adoc").write_text("= Draft\n", "utf-8")  # hidden: not reported
    result = CliRunner().invoke(
        cli, ["check", str(root), "--no-log", "--fail-on", "never", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    skipped = {s["file"]: s["reason"] for s in json.loads(result.output)["skipped"]}
    assert skipped[f"{root}/0003-pick.adoc"].startswith("AsciiDoc is not a format decaudit reads")
    assert skipped[f"{root}/0004-pick.org"].startswith("Org is not a format")
    assert ".md" in skipped[f"{root}/0003-pick.adoc"]  # says what it does read
    assert not any(f.endswith((".png", ".draft.adoc")) for f in skipped)


def test_a_folder_of_only_unread_formats_says_so(tmp_path: Path) -> None:
    root = tmp_path / "adoc"
    root.mkdir()
    for n in (1, 2):
        (root / f"000{n}-pick.adoc").write_text("= Pick\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", str(root), "--no-log"])
    assert result.exit_code == 2
    assert "no decision record found" in result.stderr
    assert "2 files in AsciiDoc, a format decaudit does not read, skipped" in result.stderr


def _one_folder(tmp_path: Path, readme: str, sibling: str) -> Path:
    """A folder per decision: ``adr-002/README.md`` and one other document beside it."""
    root = tmp_path / "adrs"
    (root / "adr-002").mkdir(parents=True)
    (root / "adr-002" / "README.md").write_text(readme, encoding="utf-8")
    (root / "adr-002" / sibling).write_text("# Scenarios\n\nGiven a client.\n", "utf-8")
    return root


def test_a_readme_beside_one_document_it_does_not_name_is_the_record(tmp_path: Path) -> None:
    root = _one_folder(tmp_path, ADR, "TEST.mdx")
    result = CliRunner().invoke(cli, ["check", str(root), "--no-log", "--fail-on", "never", "-v"])
    assert INDEX not in result.stderr
    assert "in 1 record from 1 file" in result.output


@pytest.mark.parametrize("mention", ["[the scenarios](TEST.mdx)", "See TEST for the scenarios."])
def test_a_readme_that_names_its_one_sibling_is_its_index(tmp_path: Path, mention: str) -> None:
    root = _one_folder(tmp_path, f"# Decisions\n\n{mention}\n", "TEST.mdx")
    result = CliRunner().invoke(cli, ["check", str(root), "--no-log", "--fail-on", "never", "-v"])
    assert INDEX in result.stderr
