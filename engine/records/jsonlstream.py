"""JSON Lines read as a stream: whole lines at a time, however long the file.

The size limit (``--max-file-size``) applies to each line, not to the file: an export of a
million records is read with flat memory, and a line over the limit is that line's error
(its bytes are skipped, not held). Every problem of a line (bad UTF-8, a NUL byte, invalid
JSON, a record that does not validate) is an error naming the file and the line, and the
lines after it are still read. Line numbers count lines as the whole-file reader does: a
lone carriage return ends a line too.

:func:`line_chunks` cuts the file into chunks of whole lines (which any process may parse
with :func:`parse_lines`); :func:`read_jsonl` does both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from ..types import InputError
from .guards import _BOMS_UTF16_32, GuardError, decode, human_size
from .structured import EMPTY, Result, _jsonl_line

# Bytes of whole lines per chunk.
CHUNK_BYTES = 2**20
_BOM_UTF8 = b"\xef\xbb\xbf"


def too_long(max_bytes: int) -> str:
    return (
        f"line is larger than the {human_size(max_bytes)} limit (--max-file-size applies to "
        "each line of a JSON Lines file); split the record or raise the limit"
    )


def _lone_crs(data: bytes) -> int:
    return data.count(b"\r") - data.count(b"\r\n")


def _body(raw: bytes) -> bytes:
    """A line without its end (LF, CR LF)."""
    body = raw[:-1] if raw.endswith(b"\n") else raw
    return body[:-1] if body.endswith(b"\r") else body


def _skip_rest(stream: IO[bytes]) -> int:
    """Skip to the end of the current line; the line breaks (lone CRs) skipped with it."""
    breaks = 0
    last = b""
    while True:
        block = stream.readline(CHUNK_BYTES)
        if not block:
            return breaks
        breaks += _lone_crs(block) - (last == b"\r" and block[:1] == b"\n")
        if block.endswith(b"\n"):
            return breaks
        last = block[-1:]


def line_chunks(
    path: str, stream: IO[bytes], max_bytes: int, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[InputError | tuple[int, bytes]]:
    """``(base, data)``: whole lines of ``stream`` (about ``chunk_bytes`` of them), ``base``
    lines of the file before them; and an error for each line over ``max_bytes`` bytes (or
    for a file in UTF-16 or UTF-32), in file order."""
    limit = max(max_bytes, 1)
    number = base = size = 0
    lines: list[bytes] = []
    while True:
        raw = stream.readline(limit + 2)  # room for the line's own CR LF
        if not raw:
            break
        if number == 0:
            for bom, name in _BOMS_UTF16_32:
                if raw.startswith(bom):
                    yield InputError(path, 1, f"file is encoded as {name}; save it as UTF-8")
                    return
        body = _body(raw)
        if len(body) > limit:
            if lines:
                yield base, b"".join(lines)
                lines, size = [], 0
            number += 1
            yield InputError(path, number, too_long(max_bytes))
            if not raw.endswith(b"\n"):
                number += _skip_rest(stream)
            base = number
            continue
        lines.append(raw)
        size += len(raw)
        number += 1 + _lone_crs(body)
        if size >= chunk_bytes:
            yield base, b"".join(lines)
            lines, size, base = [], 0, number
    if lines:
        yield base, b"".join(lines)


def parse_lines(path: str, data: bytes, base: int = 0) -> Iterator[Result]:
    """The record (or error) of each non-blank line of ``data``, numbered after ``base``."""
    number = base
    raws = data.split(b"\n")
    if data.endswith(b"\n"):
        raws.pop()  # nothing after the last line end
    for raw in raws:
        body = raw[:-1] if raw.endswith(b"\r") else raw
        if number == 0 or not body.startswith(_BOM_UTF8):
            text: str | GuardError = decode(body)
        else:
            text = GuardError("invalid JSON: a byte-order mark (U+FEFF) starts the line", 1)
        if isinstance(text, GuardError):
            yield InputError(path, number + (text.line or 1), text.message)
            number += _lone_crs(body) + 1
            continue
        for piece in text.split("\n"):  # a lone CR, made a line break by decode
            number += 1
            if piece.strip():
                yield _jsonl_line(path, number, piece)


def read_jsonl(path: str, stream: IO[bytes], max_bytes: int) -> Iterator[Result]:
    """Each record (or error) of the JSON Lines ``stream``; a line may hold at most
    ``max_bytes`` bytes."""
    found = False
    for chunk in line_chunks(path, stream, max_bytes):
        if isinstance(chunk, InputError):
            found = True
            yield chunk
            continue
        for item in parse_lines(path, chunk[1], chunk[0]):
            found = True
            yield item
    if not found:
        yield InputError(path, 1, EMPTY)
