"""Guards applied to every input before it is parsed: size, binary content, encoding.

Each guard returns an error message (or ``None``); the caller turns it into an
:class:`~decaudit.engine.types.InputError` naming the file and, where it makes sense, the line.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import IO

DEFAULT_MAX_BYTES = 10 * 2**20
_BOM_UTF8 = b"\xef\xbb\xbf"
_BOMS_UTF16_32 = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


@dataclass(frozen=True)
class GuardError:
    """Why an input was refused, and where (1-based line) when that is known."""

    message: str
    line: int | None = None


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 2**20:
        return f"{n / 1024:.1f} KB"
    return f"{n / 2**20:.1f} MB"


def too_large(size: int, max_bytes: int) -> GuardError:
    return GuardError(
        f"file is larger than the {human_size(max_bytes)} limit ({human_size(size)}); "
        "split it or raise the limit"
    )


def read_bounded(path: str, max_bytes: int) -> bytes | GuardError:
    """Read ``path`` unless it is over ``max_bytes`` (checked before reading it all).

    Raises ``OSError`` for files that cannot be opened; the caller reports those.
    """
    # O_NONBLOCK: a FIFO swapped in after the caller's check must not block the open.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return GuardError("not a regular file; give files, folders, or - for standard input")
        if info.st_size > max_bytes:
            return too_large(info.st_size, max_bytes)
        return read_stream(fh, max_bytes)


def read_stream(stream: IO[bytes], max_bytes: int) -> bytes | GuardError:
    """Read a stream (stdin, a pipe, a growing file) up to ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return GuardError(
            f"input is larger than the {human_size(max_bytes)} limit; split it or raise the limit"
        )
    return data


def _wide_encoding(data: bytes) -> str | None:
    """``UTF-16LE``... when ``data`` looks like text in a wide encoding without a BOM: the
    NUL bytes sit at regular positions (every other byte, or three of every four) and the
    rest decodes to printable text."""
    sample = data[:4096]
    for name, width, zeros in (
        ("UTF-32LE", 4, (1, 2, 3)),
        ("UTF-32BE", 4, (0, 1, 2)),
        ("UTF-16LE", 2, (1,)),
        ("UTF-16BE", 2, (0,)),
    ):
        usable = len(sample) - len(sample) % width
        if usable < width * 2:
            continue
        cells = [sample[i : i + width] for i in range(0, usable, width)]
        nul_share = sum(all(c[z] == 0 for z in zeros) for c in cells) / len(cells)
        if nul_share < 0.6:
            continue
        try:
            text = sample[:usable].decode(name.lower().replace("le", "-le").replace("be", "-be"))
        except UnicodeDecodeError:
            continue
        if text and sum(ch.isprintable() or ch in "\t\r\n" for ch in text) / len(text) > 0.95:
            return name.replace("LE", " (little-endian)").replace("BE", " (big-endian)")
    return None


def decode(data: bytes) -> str | GuardError:
    """UTF-8 text from ``data``: refuses binary content and names the line of a bad byte.

    A UTF-8 byte-order mark is dropped; Windows line endings are normalised to ``\\n``.
    """
    for bom, name in _BOMS_UTF16_32:
        if data.startswith(bom):
            return GuardError(f"file is encoded as {name}; save it as UTF-8", 1)
    if data.startswith(_BOM_UTF8):
        data = data[len(_BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul != -1:
        wide = _wide_encoding(data)
        if wide is not None:
            return GuardError(
                f"file looks encoded as {wide} without a byte-order mark; save it as UTF-8", 1
            )
        line = data.count(b"\n", 0, nul) + 1
        return GuardError("binary file (contains NUL bytes); expected UTF-8 text", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        return GuardError(
            f"not valid UTF-8 (byte 0x{byte:02X} at column {column}); save the file as UTF-8",
            line,
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
