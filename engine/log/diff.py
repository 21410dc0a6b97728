"""``diff``: the findings of two runs matched by fingerprint, in SQL and streamed.

Neither run is held in memory: the fingerprints of both runs are paired in one pass (see
:func:`_pairs`), and each kind of change is one query that SQLite sorts, read a thousand
rows at a time. Within a run, one finding stands for its fingerprint: the last one
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

_ORDER = " ORDER BY f.decision_id, f.rule_id, COALESCE(f.path, ''), k.first"
# change -> (the run whose finding is listed: "a" or "b", the condition on the pair)
_SIDES = {
    "new": ("b", "k.a_id IS NULL"),
    "unchanged": ("b", "k.a_id IS NOT NULL AND k.b_id IS NOT NULL"),
    "gone": ("a", "k.b_id IS NULL"),
}


# Whether the later run audited a decision: found by the decision ("+run_id" keeps SQLite
# from scanning all of the run's records instead, once per finding).
AUDITED = "SELECT EXISTS (SELECT 1 FROM run_records WHERE decision_id = ? AND +run_id = ?)"
GONE_AUDITED = (
    ", EXISTS (SELECT 1 FROM run_records rr WHERE rr.decision_id = f.decision_id"
    " AND +rr.run_id = :b)"
)


def _ranges(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    """run id -> (first, last finding id), from the index on ``run_id`` alone."""
    sql = "SELECT run_id, MIN(id), MAX(id) FROM findings GROUP BY run_id"
    return {int(r): (int(lo), int(hi)) for r, lo, hi in _tuples(conn, sql)}


def _pairs(
    conn: sqlite3.Connection, run_a: int, run_b: int, fast: bool = True
) -> tuple[str, dict[str, int]]:
    """One row per fingerprint of either run: ``a_id``/``b_id``, the finding of that run
    with the fingerprint written last (NULL when the run has none) and ``a_first``/
    ``b_first``, where the fingerprint first appeared in it.

    A run's findings are written in one transaction, so they are usually one range of ids
    that no other run's range overlaps: then the pairs come from the index on
    ``fingerprint`` alone, in its order, without reading a row or sorting. Otherwise (or
    without that index) from the rows of both runs."""
    ranges = _ranges(conn)
    empty = (0, -1)
    (alo, ahi), (blo, bhi) = ranges.get(run_a, empty), ranges.get(run_b, empty)
    alone = all(
        hi < lo_ or lo > hi_
        for r, (lo, hi) in ranges.items()
        if r not in (run_a, run_b)
        for lo_, hi_ in ((alo, ahi), (blo, bhi))
    )
    indexed = bool(
        next(
            _tuples(
                conn,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                "AND name = 'idx_findings_fingerprint'",
            )
        )[0]
    )
    params = {"a": run_a, "b": run_b, "alo": alo, "ahi": ahi, "blo": blo, "bhi": bhi}
    if fast and alone and indexed:
        in_a, in_b = "id BETWEEN :alo AND :ahi", "id BETWEEN :blo AND :bhi"
        source = f"findings INDEXED BY idx_findings_fingerprint WHERE {in_a} OR {in_b}"
    else:
        in_a, in_b = "run_id = :a", "run_id = :b"
        source = "findings WHERE run_id IN (:a, :b)"
    sql = (
        f"SELECT fingerprint, MAX(CASE WHEN {in_a} THEN id END) AS a_id, "
        f"MIN(CASE WHEN {in_a} THEN id END) AS a_first, "
        f"MAX(CASE WHEN {in_b} THEN id END) AS b_id, "
        f"MIN(CASE WHEN {in_b} THEN id END) AS b_first "
        f"FROM {source} GROUP BY fingerprint"
    )
    return sql, params


def _select(d: RunDiff, side: str, extra: str = "") -> tuple[str, dict[str, int]]:
    """The findings of one side of the diff (see ``_SIDES``), sorted; with the column
    ``extra`` after the finding's columns when given."""
    pairs, params = _pairs(d.conn, d.run_a, d.run_b, d.fast)
    run, cond = _SIDES[side]
    select = FINDING_SELECT.replace("\nFROM findings f", f"{extra}\nFROM findings f", 1)
    sql = (
        f"{select} JOIN (SELECT {run}_id AS id, {run}_first AS first FROM ({pairs}) k "
        f"WHERE {cond}) k ON k.id = f.id" + _ORDER
    )
    return sql, params


@dataclass(frozen=True)
class RunDiff:
    """How to read the diff of ``run_a`` (before) and ``run_b`` (after) from ``conn``."""

    conn: sqlite3.Connection
    run_a: int
    run_b: int
    fast: bool = True  # pair by the fingerprint index when the runs' ids allow it

    def new(self) -> Iterator[FindingRow]:
        """Findings of ``run_b`` whose fingerprint ``run_a`` lacks."""
        yield from self._rows(*_select(self, "new"))

    def unchanged(self) -> Iterator[FindingRow]:
        """Findings of ``run_b`` (as ``run_b`` wrote them) also in ``run_a``."""
        yield from self._rows(*_select(self, "unchanged"))

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
        pairs, params = _pairs(self.conn, self.run_a, self.run_b, self.fast)
        sql = f"SELECT COUNT(*) FROM ({pairs}) k WHERE {_SIDES[change][1]}"
        return int(next(_tuples(self.conn, sql, params))[0])

    def _rows(self, sql: str, params: dict[str, int]) -> Iterator[FindingRow]:
        for row in _tuples(self.conn, sql, params):
            yield finding_row(row)

    def _gone(self) -> Iterator[tuple[FindingRow, bool]]:
        """Findings of ``run_a`` gone from ``run_b``, and whether ``run_b`` audited their
        decision."""
        sql, params = _select(self, "gone", GONE_AUDITED)
        for row in _tuples(self.conn, sql, params):
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
    return bool(next(_tuples(conn, AUDITED, (decision_id, run_id)))[0])


def run_diff(conn: sqlite3.Connection, run_a: int, run_b: int) -> RunDiff:
    """The diff of two runs of the log (``LogError`` when one does not exist)."""
    get_run(conn, run_a)
    get_run(conn, run_b)
    return RunDiff(conn, run_a, run_b)


__all__ = ["CHANGES", "RunDiff", "run_diff"]
