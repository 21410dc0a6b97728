"""The ADR fixtures under tests/data/ (layouts, prose, blocks, sentences) and how a test
reads one."""

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
