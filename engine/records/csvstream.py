"""CSV registers read as a stream: line by line, however large the file.

A register larger than the size limit (``--max-file-size``), or than a megabyte, is not
read whole: the limit applies to each line, and a line over it is that line's error (its
bytes are skipped, not held), as in JSON Lines (see :mod:`.jsonlstream`). Each line is
decoded on its own (a bad byte or a NUL is that line's error), the rows go through the same
checks as a register read whole (``csvregister.iter_table``), and each decision's rows wait
on disk (engine/runstate.py) until the end of the file, where the rows of a decision are
grouped into its record wherever they are in the file. A row the CSV parser cannot read (an
unclosed quote) is that row's error and the rest of the file is read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

from ..runstate import RowGroups
from ..types import InputError
from .csvregister import _delimiter, iter_table
from .guards import _BOMS_UTF16_32, GuardError, decode, human_size
from .jsonlstream import _body, _lone_crs, _skip_rest
from .structured import Result

_BOM_UTF8 = b"\xef\xbb\xbf"


def too_long(max_bytes: int) -> str:
    return (
        f"line is larger than the {human_size(max_bytes)} limit (--max-file-size applies to "
        "each line of a large CSV file); split the row or raise the limit"
    )


class _Lines:
    """The decoded lines of ``stream``; the errors of lines left out wait in ``errors``."""

    def __init__(self, path: str, stream: IO[bytes], max_bytes: int) -> None:
        self.path, self.stream, self.limit = path, stream, max(max_bytes, 1)
        self.max_bytes = max_bytes
        self.number = 0  # lines read so far
        self.errors: list[InputError] = []
        self.stop = False
        self.first: int | None = None  # the number of the first line read since mark()

    def mark(self) -> None:
        self.first = None

    def __iter__(self) -> Iterator[str]:
        while not self.stop:
            raw = self.stream.readline(self.limit + 2)  # room for the line's own CR LF
            if not raw:
                return
            if self.number == 0:
                for bom, name in _BOMS_UTF16_32:
                    if raw.startswith(bom):
                        self.errors.append(
                            InputError(self.path, 1, f"file is encoded as {name}; save it as UTF-8")
                        )
                        self.stop = True
                        return
                if raw.startswith(_BOM_UTF8):
                    raw = raw[len(_BOM_UTF8) :]
            body = _body(raw)
            if len(body) > self.limit:
                self.number += 1
                self.errors.append(InputError(self.path, self.number, too_long(self.max_bytes)))
                if not raw.endswith(b"\n"):
                    self.number += _skip_rest(self.stream)
                continue
            text: str | GuardError = decode(body)
            if isinstance(text, GuardError):
                self.number += 1 + _lone_crs(body)
                self.errors.append(InputError(self.path, self.number, text.message))
                continue
            if self.first is None:
                self.first = self.number + 1
            self.number += 1 + text.count("\n")  # a lone CR, made a line break by decode
            yield text + "\n"


def _rows(lines: _Lines) -> Iterator[tuple[int, list[str]] | InputError]:
    """(first line, cells) of each row, and the errors of lines and rows left out, in order."""
    source = iter(lines)
    first = next(source, None)
    yield from _flush(lines)
    if first is None:
        return
    pending: list[str] = [first]

    def feed() -> Iterator[str]:
        while pending:
            yield pending.pop()
        yield from source

    reader = csv.reader(feed(), delimiter=_delimiter(first), strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            yield from _flush(lines)
            return
        except csv.Error as exc:
            yield from _flush(lines)
            yield InputError(lines.path, lines.number, f"invalid CSV: {exc}")
            lines.mark()
            continue
        yield from _flush(lines)
        yield lines.first or lines.number, row
        lines.mark()


def _flush(lines: _Lines) -> list[InputError]:
    out, lines.errors = lines.errors, []
    return out


def read_csv(path: str, stream: IO[bytes], max_bytes: int) -> Iterator[Result]:
    """Each record (or error) of the CSV register ``stream``; a line may hold at most
    ``max_bytes`` bytes."""
    groups = RowGroups()
    try:
        yield from iter_table(path, _rows(_Lines(path, stream, max_bytes)), groups=groups)
    finally:
        groups.close()
