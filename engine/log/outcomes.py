"""The track record kept in the log (table ``outcomes``, migration 5).

Each decision's measured outcome (as :mod:`decaudit.engine.calibration` defines it: the
chosen case's realized / projected benefits, over the lines that have both figures) is
stored as rows when it changes, so rule BEN009 reads the median ratio of a project type
with one indexed query instead of decoding every record ever logged.

- A run appends, for each decision it audited (the first row of the run for an id audited
  twice), the decision's outcome as the log then knows it: its record overlaid with the
  figures recorded by ``decaudit actuals``. ``decaudit actuals`` appends the outcome of each
  decision it recorded figures for, from that decision's latest audit.
- Rows are appended only when the outcome changes: one row per decision with
  ``benefit_type`` NULL (the totals of its measured benefit lines and their ratio, NULL
  when nothing is measured any more) and one per benefit type. All the rows one transaction
  writes share its ``batch`` (the id of its first row); a decision's current outcome is its
  rows of its highest batch.
- Each batch is covered by the chain entry of its transaction (``chain.outcome_id``): the run,
  the batch of figures, or, for the rows computed from the history when migration 5
  upgrades an older log, one entry of kind ``outcomes``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ..actuals import overlay
from ..calibration import benefit_type_pairs, chosen_benefits, measured_ratio, outcome, percentile
from .hashing import ContentHash, row_hash
from .read import Figure, has_tables

OUTCOME_COLUMNS = (
    "id",
    "batch",
    "decision_id",
    "project_type",
    "benefit_type",
    "projected",
    "realized",
    "ratio",
)
# (project_type, benefit_type, projected, realized, ratio): one row of a decision's outcome
_Row = tuple[str | None, str | None, float | None, float | None, float | None]
_INSERT = (
    f"INSERT INTO outcomes ({', '.join(OUTCOME_COLUMNS)}, row_hash)"
    f" VALUES ({', '.join('?' * (len(OUTCOME_COLUMNS) + 1))})"
)


def outcome_rows(decision_id: str, record: Any) -> list[_Row]:
    """The rows of one decision's outcome: its totals first (ratio NULL when unmeasured),
    then one row per measured benefit type, sorted by type."""
    ptype = record.get("project_type") if isinstance(record, dict) else None
    ptype = ptype if isinstance(ptype, str) and ptype else None
    done = outcome(decision_id, record) if isinstance(record, dict) else None
    if done is None:
        return [(ptype, None, None, None, None)]
    rows: list[_Row] = [
        (ptype, None, done.projected_benefits, done.realized_benefits, done.realization)
    ]
    for btype, pairs in sorted(benefit_type_pairs(chosen_benefits(record)).items()):
        ratio = measured_ratio(pairs)
        if ratio is not None:
            projected = float(sum(p for p, _ in pairs))
            rows.append((ptype, btype, projected, float(sum(r for _, r in pairs)), ratio))
    return rows


def _current(conn: sqlite3.Connection, decision_id: str) -> list[_Row]:
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT project_type, benefit_type, projected, realized, ratio FROM outcomes"
            " WHERE decision_id = ? AND batch = (SELECT MAX(batch) FROM outcomes"
            " WHERE decision_id = ?) ORDER BY id",
            (decision_id, decision_id),
        )
    ]


def _unmeasured(rows: Sequence[_Row]) -> bool:
    return len(rows) == 1 and rows[0][4] is None


def _figures(conn: sqlite3.Connection, decision_id: str) -> list[Figure]:
    if not has_tables(conn, "actuals"):
        return []
    rows = conn.execute(
        "SELECT item_kind, item_id, value, as_of, id FROM actuals WHERE decision_id = ?",
        (decision_id,),
    )
    return [Figure(*r) for r in rows]


def _as_known(conn: sqlite3.Connection, decision_id: str, canonical: Any) -> Any:
    """The logged record with the figures recorded for it (None when unreadable)."""
    try:
        record = json.loads(canonical)
    except (TypeError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    figures = _figures(conn, decision_id)
    return overlay(record, figures) if figures else record


class _Batch:
    """Appends the changed outcomes of one transaction and feeds their row hashes to its
    chain entry's content hash."""

    def __init__(self, conn: sqlite3.Connection, content: ContentHash) -> None:
        self.conn = conn
        self.content = content
        self.first: int | None = None
        self._next = 0

    def add(self, decision_id: str, record: Any) -> None:
        rows = outcome_rows(decision_id, record)
        current = _current(self.conn, decision_id)
        if current == rows or (_unmeasured(rows) and (not current or _unmeasured(current))):
            return  # unchanged, or still not measured: nothing to append
        if self.first is None:
            top = self.conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM outcomes").fetchone()
            self.first = self._next = int(top[0])
        for ptype, btype, projected, realized, ratio in rows:
            row = {
                "id": self._next,
                "batch": self.first,
                "decision_id": decision_id,
                "project_type": ptype,
                "benefit_type": btype,
                "projected": None if projected is None else float(projected),
                "realized": None if realized is None else float(realized),
                "ratio": None if ratio is None else float(ratio),
            }
            h = row_hash("outcomes", row)
            self.conn.execute(_INSERT, (*row.values(), h))
            self.content.add("outcomes", h)
            self._next += 1


def has_outcomes(conn: sqlite3.Connection) -> bool:
    return has_tables(conn, "outcomes")


# The first audit of each decision in one run, when it may change the track record: its
# record mentions a realized figure, figures were recorded for it, or it has an outcome.
_RUN_CANDIDATES = """
WITH firsts AS (SELECT MIN(id) AS id FROM run_records WHERE run_id = ? GROUP BY decision_id)
SELECT rr.decision_id, r.canonical
FROM firsts f JOIN run_records rr ON rr.id = f.id JOIN records r ON r.hash = rr.record_hash
WHERE instr(r.canonical, '"realized"') > 0
   OR EXISTS (SELECT 1 FROM outcomes o WHERE o.decision_id = rr.decision_id)
   {actuals}
ORDER BY rr.id
"""


def record_run(conn: sqlite3.Connection, run_id: int, content: ContentHash) -> int | None:
    """Append the outcomes run ``run_id`` changed (its rows already written); the batch id,
    None when nothing changed or the log has no ``outcomes`` table. Call inside the run's
    transaction, before its chain entry."""
    if not has_outcomes(conn):
        return None
    actuals = (
        "OR EXISTS (SELECT 1 FROM actuals a WHERE a.decision_id = rr.decision_id)"
        if has_tables(conn, "actuals")
        else ""
    )
    batch = _Batch(conn, content)
    for did, canonical in conn.execute(_RUN_CANDIDATES.format(actuals=actuals), (run_id,)):
        batch.add(str(did), _as_known(conn, str(did), canonical))
    return batch.first


def _latest_canonical(conn: sqlite3.Connection, decision_id: str) -> Any:
    row = conn.execute(
        "SELECT r.canonical FROM run_records rr JOIN records r ON r.hash = rr.record_hash"
        " WHERE rr.decision_id = ? ORDER BY rr.run_id DESC, rr.rowid ASC LIMIT 1",
        (decision_id,),
    ).fetchone()
    return None if row is None else row[0]


def record_decisions(
    conn: sqlite3.Connection, decision_ids: Iterable[str], content: ContentHash
) -> int | None:
    """Append the outcomes of ``decision_ids`` recomputed from their latest audit (after
    figures were recorded for them); the batch id or None. Call inside the transaction."""
    if not has_outcomes(conn):
        return None
    batch = _Batch(conn, content)
    for did in sorted(set(decision_ids)):
        canonical = _latest_canonical(conn, did)
        if canonical is not None:  # never audited: no snapshot, no outcome
            batch.add(did, _as_known(conn, did, canonical))
    return batch.first


# Migration 5's candidates: each decision's latest audit (the first row of the latest run
# that audited it, as :func:`.read.latest_snapshots` picks it), only when its record mentions a
# realized figure or figures were recorded for it; any other decision has no outcome to
# keep. Ranked and filtered in SQL and read one row at a time, so memory stays flat
# whatever the size of the history.
_BACKFILL_CANDIDATES = """
WITH ranked AS (
    SELECT decision_id, record_hash,
           ROW_NUMBER() OVER (PARTITION BY decision_id ORDER BY run_id DESC, rowid ASC) AS n
    FROM run_records
)
SELECT k.decision_id, r.canonical
FROM ranked k JOIN records r ON r.hash = k.record_hash
WHERE k.n = 1 AND (instr(r.canonical, '"realized"') > 0 {actuals})
ORDER BY k.decision_id
"""


def backfill(conn: sqlite3.Connection, created_at: str) -> None:
    """Migration 5: the outcomes of the history already logged, under one chain entry of
    kind ``outcomes``. Only the decisions that can have a measured outcome are decoded."""
    from .writer import append_chain_entry

    if not has_tables(conn, "run_records", "records"):
        return
    actuals = (
        "OR k.decision_id IN (SELECT decision_id FROM actuals)"
        if has_tables(conn, "actuals")
        else ""
    )
    content = ContentHash("outcomes")
    batch = _Batch(conn, content)
    # A cursor of its own: the batch inserts through the connection while this one reads.
    for did, canonical in conn.cursor().execute(_BACKFILL_CANDIDATES.format(actuals=actuals)):
        batch.add(str(did), _as_known(conn, str(did), canonical))
    if batch.first is not None:
        append_chain_entry(
            conn, "outcomes", content.hexdigest(), created_at, outcome_id=batch.first
        )


_TRACK_SQL = """
SELECT o.decision_id, o.ratio FROM outcomes o
WHERE o.project_type = ? AND o.benefit_type IS NULL AND o.ratio IS NOT NULL
  AND o.batch = (SELECT MAX(n.batch) FROM outcomes n WHERE n.decision_id = o.decision_id)
"""


def track_record(
    conn: sqlite3.Connection, project_type: str, min_decisions: int
) -> tuple[float, int, tuple[str, ...]] | None:
    """The median realization ratio of ``project_type``'s measured decisions, their number
    and their sorted ids; None below ``min_decisions`` (the same figures as
    :func:`decaudit.engine.calibration.track_records_of` over the latest snapshots)."""
    ratios = {str(did): float(ratio) for did, ratio in conn.execute(_TRACK_SQL, (project_type,))}
    if not ratios or len(ratios) < max(1, min_decisions):
        return None
    ordered = sorted(ratios.values())
    return (round(percentile(ordered, 0.5), 6), len(ratios), tuple(sorted(ratios)))


def project_types(conn: sqlite3.Connection) -> list[str]:
    """Every project type with a current measured outcome."""
    rows = conn.execute(
        "SELECT DISTINCT project_type FROM outcomes WHERE benefit_type IS NULL"
        " AND project_type IS NOT NULL ORDER BY project_type"
    )
    return [str(r[0]) for r in rows]
