"""The run-wide rules on read results: a decision id seen twice, and errors per file.

A decision id seen a second time in the run is an error at the second occurrence, naming
where the first one is; a file's input errors beyond :data:`MAX_ERRORS_PER_FILE` are counted
in one closing error instead of kept. :class:`Numbering` applies both in input order, to
records as they are read (``iter_sources``) or, when records are parsed and evaluated in
worker processes, to what comes back from them, in the same order (engine/parallel.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from ..runstate import Places
from ..types import InputError, SourceRecord
from .skips import SKIPPED

# Errors reported per file; beyond this they are counted in one closing error.
MAX_ERRORS_PER_FILE = 100


def _more_errors(file: str | None, count: int) -> InputError:
    hidden = count - MAX_ERRORS_PER_FILE
    return InputError(
        file or "-",
        None,
        f"{hidden:,} more errors in this file not shown (first {MAX_ERRORS_PER_FILE} shown)",
    )


class Numbering:
    """Decision ids seen so far and the current file's error count."""

    def __init__(self, on_skip: Callable[[str, str], None] | None = None) -> None:
        # id -> (file, line) of its first occurrence, on disk: a run's memory does not grow
        # with its number of records
        self.seen = Places()
        self.on_skip = on_skip
        self._errors = 0
        self._file: str | None = None

    def record(self, item: SourceRecord) -> SourceRecord | InputError:
        """The record, renamed when its id came from its path and is taken, or the error of
        a duplicate id."""
        rid = item.record.id
        first = self.seen.get(rid)
        if first is not None and item.raw is not None and item.raw.get("x_implicit_id"):
            # an id taken from a path met in two checked folders: the whole path decides
            rid = PurePosixPath(item.file).with_suffix("").as_posix()
            item = replace(item, record=item.record.model_copy(update={"id": rid}))
            first = self.seen.get(rid)
        return self.claim(rid, item.file, item.line_of(())) or item

    def claim(self, rid: str, file: str, line: int) -> InputError | None:
        """Note decision ``rid`` at ``file:line``; the duplicate error if it was seen."""
        first = self.seen.get(rid)
        if first is not None:
            return InputError(
                file,
                line,
                f"duplicate decision id {rid!r} (first defined at {first[0]}:{first[1]})",
            )
        self.seen[rid] = (file, line)
        return None

    def step(self, item: Any) -> list[Any]:
        """What to pass on for ``item`` (a record, an error or anything with a ``file``):
        nothing for an error beyond the file's limit, the closing count of the previous
        file first when ``item`` starts another file."""
        if isinstance(item, InputError) and item.kind == SKIPPED:
            if self.on_skip is not None:
                self.on_skip(item.file, item.message)
            return [item]
        out = self.enter(item.file)
        if isinstance(item, InputError):
            self._errors += 1
            if self._errors > MAX_ERRORS_PER_FILE:
                return out  # counted, not kept: memory stays bounded
        out.append(item)
        return out

    def enter(self, file: str) -> list[Any]:
        """An item of ``file`` comes next: the closing count of the previous file, if any."""
        if file == self._file:
            return []
        out = [_more_errors(self._file, self._errors)] if self._errors > MAX_ERRORS_PER_FILE else []
        self._errors, self._file = 0, file
        return out

    def close(self) -> list[InputError]:
        """The closing count of the last file, if it had too many errors (the ids seen are
        forgotten: the run's records are all numbered)."""
        self.seen.close()
        if self._errors > MAX_ERRORS_PER_FILE:
            return [_more_errors(self._file, self._errors)]
        return []
