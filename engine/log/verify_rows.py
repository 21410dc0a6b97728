"""Checking rows against their hashes: one row by the reference algorithm, and the bulk
tables (run_records, records, findings) by a fast path SQLite helps with."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .hashing import KEY_COLUMNS, ContentHash, row_hash, sha256_hex
from .schema import PRIMARY_KEYS


@dataclass(frozen=True)
class Divergence:
    """Where the log stops matching its hashes: table, row, and what differs."""

    table: str
    row: str
    detail: str

    def __str__(self) -> str:
        return f"{self.table} {self.row}: {self.detail}"


@dataclass(frozen=True)
class VerifyResult:
    runs: int
    findings: int
    waivers: int
    head_seq: int
    head_hash: str
    divergence: Divergence | None = None

    @property
    def ok(self) -> bool:
        return self.divergence is None


class _Diverged(Exception):
    def __init__(self, div: Divergence) -> None:
        super().__init__(str(div))
        self.div = div

    def __reduce__(self) -> tuple[type[_Diverged], tuple[Divergence]]:
        return (_Diverged, (self.div,))  # raised in a worker process, re-raised here


def _short(h: str | None) -> str:
    return (h or "NULL")[:12]


def _dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(1000):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def _check_row(
    table: str, row: dict[str, Any], content: ContentHash | _Lines | None = None
) -> None:
    pk = PRIMARY_KEYS[table]
    computed = row_hash(table, row)
    if row.get("row_hash") != computed:
        raise _Diverged(
            Divergence(
                table,
                f"{pk}={row[pk]}",
                f"row hash mismatch: the row was edited (stored {_short(row.get('row_hash'))}, "
                f"content hashes to {_short(computed)})",
            )
        )
    if table == "records" and sha256_hex(str(row["canonical"])) != row["hash"]:
        raise _Diverged(
            Divergence(table, f"hash={row['hash']}", "the snapshot does not match its hash")
        )
    if content is not None:
        content.add(table, computed)


# -- the bulk tables ----------------------------------------------------------------------
# run_records, records and findings hold almost every row of a large log. For them SQLite
# writes each row's body as one JSON object (``json_object`` over the columns in sorted
# order) and its key prefix, Python drops the NULL members and hashes. The fast path is an
# accelerator, never the authority: a row whose hash does not match is re-read and
# re-hashed by ``row_hash``, the reference algorithm, which alone decides whether the row
# was edited (so a column SQLite would write differently from Python's ``json`` can only
# cost time, never a wrong verdict).

# A member whose value is JSON null. ``,"`` never occurs inside a JSON string (its quote
# would be escaped), so this only matches the object's own members.
_NULL_MEMBER = re.compile(r',"[^"\\]*":null(?=,|$)')


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bulk_select(conn: sqlite3.Connection, table: str) -> tuple[str, tuple[str, ...]]:
    """``SELECT rowid, <key prefix>, <body JSON with nulls>, row_hash[, hash, canonical],
    <NULL mask>`` and the body columns, over the table's actual columns (a dropped or added
    column changes the body, exactly as it does for ``row_hash``)."""
    columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({_ident(table)})")]
    keys = KEY_COLUMNS[table]
    key_parts = [
        f"COALESCE(CAST({_ident(k)} AS TEXT), 'None')" if k in columns else "'None'" for k in keys
    ]
    key_expr = " || char(31) || ".join([_literal(table), *key_parts, "''"])
    body_cols = sorted(c for c in columns if c != "row_hash" and c not in keys)
    body_expr = "json_object(" + ", ".join(f"{_literal(c)}, {_ident(c)}" for c in body_cols) + ")"
    stored = _ident("row_hash") if "row_hash" in columns else "NULL"
    extra = ", hash, canonical" if table == "records" else ""
    # last: which body columns are NULL, one bit each (see _NullMembers)
    mask = " | ".join(
        f"(({_ident(c)} IS NULL) << {i})" for i, c in enumerate(body_cols[:_MASK_BITS])
    )
    return (
        f"SELECT rowid, {key_expr}, {body_expr}, {stored}{extra}, {mask or 0} FROM {_ident(table)}"
    ), tuple(body_cols)


_MASK_BITS = 62


class _NullMembers:
    """Drops the members of the NULL columns from ``json_object``'s output, knowing which
    they are from the row's NULL mask: each run of adjacent NULL columns is one literal
    ``,"a":null,"b":null`` removed with ``str.replace`` (such text never occurs inside a
    JSON string, whose quotes are escaped), which is much cheaper than a regex per row."""

    def __init__(self, body_cols: tuple[str, ...]) -> None:
        self._cols = body_cols
        self._runs: dict[int, tuple[str, ...]] = {}

    def _literals(self, mask: int) -> tuple[str, ...]:
        runs: list[str] = []
        current = ""
        for i, col in enumerate(self._cols):
            if mask >> i & 1:
                current += "," + json.dumps(col, ensure_ascii=False) + ":null"
            elif current:
                runs.append(current)
                current = ""
        if current:
            runs.append(current)
        return tuple(runs)

    def strip(self, obj: str, mask: int) -> str:
        if not mask:
            return obj
        if len(self._cols) > _MASK_BITS:
            return _without_nulls(obj)
        runs = self._runs.get(mask)
        if runs is None:
            runs = self._runs[mask] = self._literals(mask)
        inner = "," + obj[1:-1]
        for run in runs:
            inner = inner.replace(run, "", 1)
        return "{" + inner[1:] + "}"


def _without_nulls(obj: str) -> str:
    """``{"a":null,"b":1}`` -> ``{"b":1}``: the canonical JSON of the non-NULL columns."""
    if ":null" not in obj:
        return obj
    return "{" + _NULL_MEMBER.sub("", "," + obj[1:-1])[1:] + "}"


class _Lines:
    """Collects ``"<table>:<row_hash>\n"`` lines, to be fed to a content hash in order."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, table: str, row_hash_hex: str) -> None:
        self.lines.append(f"{table}:{row_hash_hex}\n")


def _bulk_rows(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> tuple[list[str], int]:
    """Check the rows of ``table`` selected by ``where`` (with its ORDER BY); returns their
    content lines in that order and how many rows there were."""
    try:
        select, body_cols = _bulk_select(conn, table)
        cur = conn.execute(f"{select} {where}", params)
    except sqlite3.OperationalError as exc:
        if "no such" in str(exc):
            raise
        return _slow_rows(conn, table, where, params)  # e.g. a BLOB in a column
    sha = hashlib.sha256
    strip = _NullMembers(body_cols).strip
    records = table == "records"
    lines: list[str] = []
    order: list[tuple[tuple[int, Any], int]] = []  # records: (hash sort key, line index)
    while True:
        try:
            batch = cur.fetchmany(2000)
        except sqlite3.OperationalError as exc:
            if "no such" in str(exc) or lines:
                raise
            return _slow_rows(conn, table, where, params)
        if not batch:
            if records:
                order.sort()
                lines = [lines[i] for _, i in order]
            return lines, len(lines)
        if records:
            order.extend((_sqlite_order(row[4]), len(lines) + i) for i, row in enumerate(batch))
        for row in batch:
            body = sha(strip(row[2], row[-1]).encode()).hexdigest()
            h = sha((row[1] + body).encode()).hexdigest()
            if h != row[3] or (records and sha(row[5].encode()).hexdigest() != row[4]):
                # not the stored hash by the fast path: the reference algorithm decides
                full = next(
                    _dicts(
                        conn.execute(f"SELECT * FROM {_ident(table)} WHERE rowid = ?", (row[0],))
                    )
                )
                _check_row(table, full)
                h = row_hash(table, full)
            lines.append(f"{table}:{h}\n")


def _sqlite_order(value: Any) -> tuple[int, Any]:
    """A sort key that orders values as SQLite's ORDER BY does (BINARY collation: NULL,
    numbers, text by its UTF-8 bytes, i.e. by code point, then blobs)."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, bytes(value))


def _slow_rows(
    conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]
) -> tuple[list[str], int]:
    sink = _Lines()
    if table == "records":
        where += " ORDER BY hash"
    for row in _dicts(conn.execute(f"SELECT * FROM {_ident(table)} {where}", params)):
        _check_row(table, row, sink)
    return sink.lines, len(sink.lines)
