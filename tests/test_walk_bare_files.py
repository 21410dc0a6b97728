"""Files without an extension in a walked folder: read as Markdown when they are decision
documents, otherwise reported as skipped with the reason; never passed by in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from decaudit.engine.config.model import selected
from decaudit.engine.records import iter_sources
from decaudit.engine.records.skips import SKIPPED
from decaudit.engine.types import InputError, SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ADR = (
    "# Use Go\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a language.\n\n## Decision\n\nGo.\n"
)


Run = tuple[list[SourceRecord], dict[str, str], list[tuple[str, str]]]


def _run(root: Path, **kw: Any) -> Run:
    heard: list[tuple[str, str]] = []
    records: list[SourceRecord] = []
    skipped: dict[str, str] = {}
    for item in iter_sources([str(root)], on_skip=lambda p, r: heard.append((p, r)), **kw):
        if isinstance(item, SourceRecord):
            records.append(item)
        elif isinstance(item, InputError):
            assert item.kind == SKIPPED, item
            skipped[Path(item.file).name] = item.message
    return records, skipped, heard


def test_a_decision_without_extension_is_read_as_markdown(tmp_path: Path) -> None:
    (tmp_path / "0006-use-go").write_text(ADR, encoding="utf-8")
    records, skipped, _ = _run(tmp_path)
    assert [r.record.title for r in records] == ["Use Go"]
    assert records[0].record.id == "0006-use-go"  # its path in the folder, as for a .md file
    assert records[0].format == "nygard"
    assert skipped == {}


def test_other_files_without_extension_are_skipped_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text("MIT License\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n\techo\n", encoding="utf-8")
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02")
    (tmp_path / "notes").write_text("# Notes\n\nNothing decided here.\n", encoding="utf-8")
    (tmp_path / "run").write_text("#!/bin/sh\necho hi\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    records, skipped, heard = _run(tmp_path)
    assert records == []
    assert skipped["LICENSE"] == "excluded by name (LICENSE: not a decision document)"
    assert skipped["Makefile"] == "excluded by name (Makefile: not a decision document)"
    assert skipped["blob"].startswith("no extension, and not UTF-8 text")
    assert skipped["notes"].startswith("no extension, and not a decision document")
    assert skipped["run"].startswith("no extension, and not a decision document")
    assert (str(tmp_path / ".gitignore"), "hidden") in heard  # hidden: left out, and said


def test_the_exclude_setting_applies_as_to_a_markdown_file(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "0007-use-rust").write_text(ADR, encoding="utf-8")
    (tmp_path / "0006-use-go").write_text(ADR, encoding="utf-8")

    def select(path: str) -> bool:
        return selected(path, (".md",), ("drafts",))

    records, skipped, _ = _run(tmp_path, select=select)
    assert [r.record.id for r in records] == ["0006-use-go"]
    assert skipped == {"0007-use-rust": "excluded by the configuration"}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_any_file_without_extension_is_read_or_skipped(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "0001-anything"
    path.write_bytes(data)
    found = list(iter_sources([str(tmp_path)]))
    assert len(found) == 1
    item = found[0]
    assert isinstance(item, SourceRecord) or (
        isinstance(item, InputError) and item.file.endswith("0001-anything")
    )


def test_a_template_without_extension_is_skipped_not_a_crash(tmp_path: Path) -> None:
    """ "COPYME", a template with no extension beside the records: the ADR reader finds a
    placeholder title and says so; the walk reports it as skipped and reads the rest."""
    (tmp_path / "0006-use-go.md").write_text(ADR, encoding="utf-8")
    (tmp_path / "COPYME").write_text(
        "# 1. Short descriptive title\n\n## Status\n\nProposed | Accepted | Rejected\n\n"
        "## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat is the change?\n",
        encoding="utf-8",
    )
    records, skipped, _ = _run(tmp_path)
    assert [r.record.title for r in records] == ["Use Go"]
    assert skipped["COPYME"].startswith("a template, not a decision record")
