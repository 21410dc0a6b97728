"""``diff``: the findings of two runs matched by fingerprint, in SQL and streamed.

Neither run is held in memory: each kind of change is one query that SQLite sorts, read a
thousand rows at a time. Within a run, one finding stands for its fingerprint: the last one
written (its ``MAX(id)``), placed where the fingerprint first appeared (its ``MIN(id)``) among
equal sort keys. A gone finding (only in the earlier run) is *resolved* when the later run
audited what it is about (:func:`~.queries.reaudited`), else *not audited*.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from .queries import PORTFOLIO_ID, _tuples, get_run
from .rows import FINDING_SELECT, FindingRow, finding_row

CHANGES = ("new", "resolved", "unchanged", "not_audited")

# One row per fingerprint of a run: the finding written last, and where it first appeared.
_PER_FINGERPRINT = (
    "SELECT fingerprint, MAX(id) AS id, MIN(id) AS first FROM findings "
    "WHERE run_id = ? GROUP BY fingerprint"
)
_ORDER = " ORDER BY f.decision_id, f.rule_id, COALESCE(f.path, ''), k.first"


def _select(run: int, other: int, present: bool, extra: str = "") -> tuple[str, tuple[int, int]]:
    """The findings of ``run`` whose fingerprint is (or is not) in ``other``, sorted; with
    the column ``extra`` after the finding's columns when given."""
    test = "IN" if present else "NOT IN"
    select = FINDING_SELECT.replace("\nFROM findings f", f"{extra}\nFROM findings f", 1)
    sql = (
        f"{select} JOIN ({_PER_FINGERPRINT}) k ON k.id = f.id "
        f"WHERE k.fingerprint {test} (SELECT fingerprint FROM findings WHERE run_id = ?)" + _ORDER
    )
    return sql, (run, other)


@dataclass(frozen=True)
class RunDiff:
    """How to read the diff of ``run_a`` (before) and ``run_b`` (after) from ``conn``."""

    conn: sqlite3.Connection
    run_a: int
    run_b: int

    def new(self) -> Iterator[FindingRow]:
        """Findings of ``run_b`` whose fingerprint ``run_a`` lacks."""
        yield from self._rows(*_select(self.run_b, self.run_a, False))

    def unchanged(self) -> Iterator[FindingRow]:
        """Findings of ``run_b`` (as ``run_b`` wrote them) also in ``run_a``."""
        yield from self._rows(*_select(self.run_b, self.run_a, True))

    def resolved(self) -> Iterator[FindingRow]:
        """Findings of ``run_a`` gone from ``run_b``, about what ``run_b`` audited."""
        return (f for f, audited in self._gone() if audited or self._reaudited(f))

    def not_audited(self) -> Iterator[FindingRow]:
        """Findings of ``run_a`` gone from ``run_b``, about what ``run_b`` did not audit."""
        return (f for f, audited in self._gone() if not audited and not self._reaudited(f))

    def rows(self, change: str) -> Iterator[FindingRow]:
        """The findings of one of :data:`CHANGES`."""
        if change not in CHANGES:
            raise ValueError(change)
        rows: Iterator[FindingRow] = getattr(self, change)()
        return rows

    def count(self, change: str) -> int:
        if change in ("resolved", "not_audited"):
            return sum(1 for _ in self.rows(change))
        b, a = self.run_b, self.run_a
        test = "NOT IN" if change == "new" else "IN"
        sql = (
            f"SELECT COUNT(*) FROM ({_PER_FINGERPRINT}) WHERE fingerprint {test} "
            "(SELECT fingerprint FROM findings WHERE run_id = ?)"
        )
        return int(next(_tuples(self.conn, sql, (b, a)))[0])

    def _rows(self, sql: str, params: tuple[int, ...]) -> Iterator[FindingRow]:
        for row in _tuples(self.conn, sql, params):
            yield finding_row(row)

    def _gone(self) -> Iterator[tuple[FindingRow, bool]]:
        """Findings of ``run_a`` gone from ``run_b``, and whether ``run_b`` audited their
        decision."""
        audited = (
            ", EXISTS (SELECT 1 FROM run_records rr WHERE rr.decision_id = f.decision_id"
            " AND rr.run_id = ?)"
        )
        sql, params = _select(self.run_a, self.run_b, False, audited)
        for row in _tuples(self.conn, sql, (self.run_b, *params)):
            yield finding_row(row[:-1]), bool(row[-1])

    def _reaudited(self, f: FindingRow) -> bool:
        # the rest of reaudited() in queries.py: its decision is known not audited by run_b
        if f.decision_id == PORTFOLIO_ID:
            return self._audited_any()
        decisions = f.evidence.get("decisions") if f.evidence.get("convention") else None
        return isinstance(decisions, list) and any(
            isinstance(d, str) and self._audited(d) for d in decisions
        )

    def _audited(self, decision_id: str) -> bool:
        return _audited(self.conn, self.run_b, decision_id)

    def _audited_any(self) -> bool:
        sql = "SELECT EXISTS (SELECT 1 FROM run_records WHERE run_id = ?)"
        return bool(next(_tuples(self.conn, sql, (self.run_b,)))[0])


def _audited(conn: sqlite3.Connection, run_id: int, decision_id: str) -> bool:
    sql = "SELECT EXISTS (SELECT 1 FROM run_records WHERE decision_id = ? AND run_id = ?)"
    return bool(next(_tuples(conn, sql, (decision_id, run_id)))[0])


def run_diff(conn: sqlite3.Connection, run_a: int, run_b: int) -> RunDiff:
    """The diff of two runs of the log (``LogError`` when one does not exist)."""
    get_run(conn, run_a)
    get_run(conn, run_b)
    return RunDiff(conn, run_a, run_b)


__all__ = ["CHANGES", "RunDiff", "run_diff"]
