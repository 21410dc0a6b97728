"""A toy input format: ``id|title|option;option;...`` one decision per line."""

from __future__ import annotations

from collections.abc import Iterator

from decaudit.engine.model import Record
from decaudit.engine.types import InputError, SourceRecord


def load_pipes(path: str, text: str) -> Iterator[SourceRecord | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("|")
        if len(parts) != 3:
            yield InputError(path, number, "expected id|title|options")
            continue
        options = [{"title": t.strip()} for t in parts[2].split(";") if t.strip()]
        record = Record.model_validate({"id": parts[0], "title": parts[1], "options": options})
        yield SourceRecord(record, path, "pipes", {(): number})
