"""The ADR fixtures under tests/data/ (layouts, prose, blocks, sentences), how a test reads
one, or an ADR written inline, and the option titles it gives."""

from __future__ import annotations

from pathlib import Path

from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

DATA = Path(__file__).parent / "data"
LAYOUTS = DATA / "adr_layouts"


def load_from(folder: str, name: str) -> SourceRecord:
    """The one record the fixture ``name`` of ``tests/data/<folder>`` holds."""
    path = DATA / folder / name
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord), src
    return src


def load(name: str) -> SourceRecord:
    """The one record the layout fixture ``name`` holds."""
    return load_from("adr_layouts", name)


def read_text(text: str, name: str = "docs/adr/0001-x.md") -> SourceRecord:
    """The one record the ADR ``text`` holds, read as the file ``name``."""
    (src,) = load_file(name, text.encode())
    assert isinstance(src, SourceRecord), src
    return src


def titles(src: SourceRecord) -> list[str]:
    """The titles of the record's options, in order."""
    return [o.title for o in src.record.options]


def chosen_titles(src: SourceRecord) -> list[str]:
    """The titles of the options the record chooses, in order."""
    return [o.title for o in src.record.options if o.chosen]


def nygard_with_options(
    options: str,
    decision: str,
    *,
    title: str = "12. Search index",
    context: str = "Search needs an index of every page.",
    heading: str = "Alternatives considered",
) -> str:
    """A Nygard-style record (status, context, decision) with an options section after its
    decision, holding ``options`` as written."""
    return (
        f"# {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{context}\n\n"
        f"## Decision\n\n{decision}\n\n## {heading}\n\n{options}\n"
    )
