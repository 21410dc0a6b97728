"""Actual figures measured after approval, kept in the log beside the runs.

``decaudit actuals`` appends one batch of rows (one figure each: a decision, a benefit or a
cost of it, the value measured, the day it was measured as of, and where it came from). A
batch is covered by one chain entry of kind ``actuals`` whose ``actual_id`` is the id of the
batch's first row, so ``verify`` and checkpoints cover the figures like every run. Nothing
is ever updated: a corrected figure is a new row, and the latest ``as_of`` (then the latest
entry) wins.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from .connection import connect_readonly
from .hashing import ContentHash, row_hash
from .outcomes import record_decisions
from .read import Figure, has_tables
from .schema import ACTUAL_COLUMNS
from .writer import append_chain_entry

ITEM_KINDS: tuple[str, ...] = ("benefit", "cost")


@dataclass(frozen=True)
class ActualEntry:
    """One measured figure to record."""

    decision_id: str
    item_kind: str  # benefit | cost
    item_id: str
    value: float
    as_of: str  # YYYY-MM-DD
    source: str | None = None


@dataclass(frozen=True)
class Actual(ActualEntry):
    """One measured figure as the log holds it."""

    id: int = 0
    batch: int = 0
    created_at: str = ""
    actor: str | None = None


def append_actuals(
    conn: sqlite3.Connection, entries: Sequence[ActualEntry], created_at: str, actor: str
) -> list[int]:
    """Insert ``entries`` as one batch and its chain entry; their ids. Call inside
    BEGIN IMMEDIATE."""
    if not entries:
        return []
    first = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM actuals").fetchone()[0])
    content = ContentHash("actuals")
    ids = []
    sql = (
        f"INSERT INTO actuals ({', '.join(ACTUAL_COLUMNS)}, row_hash)"
        f" VALUES ({', '.join('?' * (len(ACTUAL_COLUMNS) + 1))})"
    )
    for n, e in enumerate(entries):
        row = {
            "id": first + n,
            "batch": first,
            "decision_id": e.decision_id,
            "item_kind": e.item_kind,
            "item_id": e.item_id,
            "value": float(e.value),
            "as_of": e.as_of,
            "source": e.source,
            "created_at": created_at,
            "actor": actor,
        }
        h = row_hash("actuals", row)
        conn.execute(sql, (*row.values(), h))
        content.add("actuals", h)
        ids.append(first + n)
    outcome_id = record_decisions(conn, [e.decision_id for e in entries], content)
    append_chain_entry(
        conn, "actuals", content.hexdigest(), created_at, actual_id=first, outcome_id=outcome_id
    )
    return ids


def _rows(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[Actual]:
    if not has_tables(conn, "actuals"):
        return []
    sql = (
        "SELECT decision_id, item_kind, item_id, value, as_of, source, id, batch, created_at,"
        f" actor FROM actuals {where} ORDER BY decision_id, as_of, id"
    )
    return [Actual(*row) for row in conn.execute(sql, params)]


def actuals_of(conn: sqlite3.Connection, decision_id: str) -> list[Actual]:
    """Every figure recorded for one decision, oldest ``as_of`` first (its trail)."""
    return _rows(conn, "WHERE decision_id = ?", (decision_id,))


def all_actuals(conn: sqlite3.Connection) -> list[Actual]:
    """Every figure in the log, by decision then ``as_of``."""
    return _rows(conn, "", ())


class FigureReader:
    """The recorded figures of each decision, read on demand from a log file (read-only),
    for a check that applies them to the records it audits: one indexed query per record,
    whatever the size of the log. A log without figures costs one query."""

    def __init__(self, path: str) -> None:
        self._conn: sqlite3.Connection | None = connect_readonly(path)
        if not any_figures(self._conn):
            self.close()

    def figures(self, decision_id: str) -> list[Figure]:
        if self._conn is None:
            return []
        rows = self._conn.execute(
            "SELECT item_kind, item_id, value, as_of, id FROM actuals WHERE decision_id = ?",
            (decision_id,),
        )
        return [Figure(*r) for r in rows]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def any_figures(conn: sqlite3.Connection) -> bool:
    """Whether the log holds any recorded figure (one row read at most)."""
    if not has_tables(conn, "actuals"):
        return False
    return conn.execute("SELECT 1 FROM actuals LIMIT 1").fetchone() is not None
