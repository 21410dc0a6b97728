"""Input read but not parsed yet: what the main process of ``check --jobs N`` hands to its
worker processes, which parse it with ``sources.read_unit`` (engine/parallel.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .formats import ReadOptions

# Bytes of whole lines per chunk of a large JSON Lines file given to a worker: about 140
# records, small enough to spread the work evenly and to recycle workers often.
DEFER_CHUNK = 2**18


@dataclass(frozen=True)
class Chunk:
    """Whole lines of a large JSON Lines file, read but not parsed (any process may parse
    them with :func:`read_unit`); ``base`` lines of the file come before them."""

    file: str
    base: int
    data: bytes


@dataclass(frozen=True)
class FileUnit:
    """A file to read and parse in whichever process takes it (see :func:`read_unit`)."""

    file: str
    max_bytes: int
    explicit: bool
    options: ReadOptions | None = None
    name: str | None = None
