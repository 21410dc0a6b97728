"""The ADR layout fixtures under tests/data/adr_layouts/ and how a test reads one."""

from __future__ import annotations

from pathlib import Path

from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

LAYOUTS = Path(__file__).parent / "data" / "adr_layouts"


def load(name: str) -> SourceRecord:
    """The one record the fixture ``name`` holds."""
    path = LAYOUTS / name
    (src,) = load_file(str(path), path.read_bytes())
    assert isinstance(src, SourceRecord), src
    return src
