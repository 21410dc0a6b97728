"""Hashes of the audit log: canonical JSON, row hashes, run content hashes, chain entries.

Everything here is a pure function, shared by the writer (which stores the hashes) and by
``verify`` (which recomputes them), so the two can never disagree on the algorithm.

- ``row_hash(table, row)``: sha256 of ``"<table>\\x1f<key>...\\x1f<body hash>"`` where the
  keys are the row's identity columns (``KEY_COLUMNS``: its primary key and, for rows that
  belong to a run, the run id) and the body hash is the sha256 of the canonical JSON of every
  other column, leaving out ``row_hash`` itself and NULL values (so a nullable column added
  by a later migration leaves older rows' hashes unchanged). The two levels let the writer
  hash a row's body while spooling, before its id is known.
- ``ContentHash``: sha256 over ``"<table>:<row_hash>\\n"`` for each row of one chain entry,
  in the documented order.
- ``entry_hash(prev, seq, content)``: sha256 of
  ``"decaudit-chain-v1\\n<prev>\\n<seq>\\n<content>"``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ..jsonfast import encoder

GENESIS = "0" * 64  # prev_hash of the first chain entry
CHAIN_TAG = "decaudit-chain-v1"


# Sorted keys, no whitespace, UTF-8 kept; dates and other oddities as strings.
canonical_json = encoder(sort_keys=True, separators=(",", ":"), default=str)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# table -> the columns that identify a row (hashed apart from the body, see the docstring)
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "migrations": ("version",),
    "runs": ("id",),
    "records": ("hash", "first_run_id"),
    "run_records": ("id", "run_id"),
    "findings": ("id", "run_id"),
    "waivers": ("id",),
    "checkpoints": ("id",),
    "actuals": ("id",),
    "outcomes": ("id",),
}


def body_hash(table: str, row: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of the row's non-key, non-NULL columns."""
    keys = KEY_COLUMNS[table]
    body = {k: v for k, v in row.items() if k != "row_hash" and k not in keys and v is not None}
    return sha256_hex(canonical_json(body))


class BodyHasher:
    """``body_hash`` for rows given as tuples of a fixed list of columns: the hashed columns
    and their order are worked out once, and each row is one small dict encoded by one call
    of :func:`canonical_json`, so the result is always exactly
    ``body_hash(table, dict(zip(columns, values)))``."""

    def __init__(self, table: str, columns: tuple[str, ...]) -> None:
        keys = KEY_COLUMNS[table]
        order = sorted((c, i) for i, c in enumerate(columns) if c != "row_hash" and c not in keys)
        self._members = tuple((c, i) for c, i in order)

    def __call__(self, values: tuple[Any, ...]) -> str:
        body = {c: v for c, i in self._members if (v := values[i]) is not None}
        return hashlib.sha256(canonical_json(body).encode()).hexdigest()


def keyed_hash(table: str, keys: tuple[Any, ...], body: str) -> str:
    """The row hash from the identity values (in ``KEY_COLUMNS`` order) and the body hash."""
    return sha256_hex("\x1f".join((table, *(str(k) for k in keys), body)))


def row_hash(table: str, row: Mapping[str, Any]) -> str:
    keys = tuple(row.get(k) for k in KEY_COLUMNS[table])
    return keyed_hash(table, keys, body_hash(table, row))


class ContentHash:
    """The content hash of one chain entry, fed row by row (constant memory)."""

    def __init__(self, kind: str) -> None:
        self._h = hashlib.sha256(f"kind:{kind}\n".encode())

    def add(self, table: str, row_hash_hex: str) -> None:
        self._h.update(f"{table}:{row_hash_hex}\n".encode())

    def add_lines(self, lines: list[str]) -> None:
        """Several ``"<table>:<row_hash>\n"`` lines at once (the same digest as ``add``)."""
        self._h.update("".join(lines).encode())

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def entry_hash(prev_hash: str, seq: int, content_hash: str) -> str:
    return sha256_hex(f"{CHAIN_TAG}\n{prev_hash}\n{seq}\n{content_hash}")
