"""The read side of the log: typed rows for the report, calibration, diff and queries.

Everything that reads the log's tables outside the writer and ``verify`` is here or in
``queries.py``; callers get frozen dataclasses (:mod:`.rows`), never SQL rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..actuals import overlay
from ..errors import LogError
from .connection import connect_readonly, snapshot
from .rows import FINDING_SELECT, FindingRow, RunInfo, finding_row, run_info

DbSource = str | Path | sqlite3.Connection


@contextmanager
def reading(source: DbSource) -> Iterator[sqlite3.Connection]:
    """A connection in one read transaction: ``source`` itself when it is a connection,
    else the log file opened read-only (a missing file: ``LogError``)."""
    if isinstance(source, sqlite3.Connection):
        yield source
        return
    conn = connect_readonly(source)
    try:
        with snapshot(conn):
            yield conn
    finally:
        conn.close()


def has_tables(conn: sqlite3.Connection, *names: str) -> bool:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    present = {r[0] for r in rows}
    return all(n in present for n in names)


@dataclass(frozen=True)
class Snapshot:
    """The latest audited version of one decision."""

    decision_id: str
    record_hash: str
    run_id: int
    file: str
    line: int
    record: Mapping[str, Any]  # format-v1 canonical JSON


def latest_snapshots(
    conn: sqlite3.Connection, run_ids: Iterable[int] | None = None
) -> list[Snapshot]:
    """One snapshot per decision id, from the latest run (of ``run_ids``) that audited it.

    When one run audited the same id more than once (a duplicate id across files), the first
    row that run wrote wins. Sorted by decision id.
    """
    return list(iter_latest_snapshots(conn, run_ids))


def iter_latest_snapshots(
    conn: sqlite3.Connection, run_ids: Iterable[int] | None = None
) -> Iterator[Snapshot]:
    """:func:`latest_snapshots` one at a time: memory stays flat however long the history."""
    if not has_tables(conn, "run_records", "records"):
        return
    where, params = "", []
    if run_ids is not None:
        ids = sorted(set(run_ids))
        if not ids:
            return
        where = "WHERE run_id IN (SELECT value FROM json_each(?))"  # any number of runs
        params = [json.dumps(ids)]
    # Rank in SQL, so only one canonical record per decision is ever read into memory.
    sql = f"""
        WITH ranked AS (
            SELECT decision_id, record_hash, run_id, file, line,
                   ROW_NUMBER() OVER (
                       PARTITION BY decision_id ORDER BY run_id DESC, rowid ASC
                   ) AS n
            FROM run_records {where}
        )
        SELECT k.decision_id, k.record_hash, k.run_id, k.file, k.line, r.canonical
        FROM ranked k JOIN records r ON r.hash = k.record_hash
        WHERE k.n = 1
        ORDER BY k.decision_id
    """
    measured = measured_decisions(conn)
    try:
        rows = conn.cursor().execute(sql, params)  # its own cursor: figures are read meanwhile
    except sqlite3.DatabaseError as exc:
        raise LogError(f"cannot read records from the audit log: {exc}") from exc
    for did, rhash, run_id, file, line, canonical in rows:
        try:
            record = json.loads(canonical)
        except (TypeError, ValueError):
            continue  # not a readable snapshot: nothing to calibrate from
        if not isinstance(record, dict):
            continue
        if did in measured:
            record = _measured(conn, str(did), record)
        yield Snapshot(str(did), str(rhash), int(run_id), str(file or ""), int(line or 0), record)


@dataclass(frozen=True)
class Figure:
    """One recorded figure, as the record overlay needs it."""

    item_kind: str
    item_id: str
    value: float
    as_of: str
    id: int


def measured_decisions(conn: sqlite3.Connection) -> set[str]:
    """The decisions that have recorded figures (few: read once per snapshot list)."""
    if not has_tables(conn, "actuals"):
        return set()
    return {str(r[0]) for r in conn.execute("SELECT DISTINCT decision_id FROM actuals")}


def _query(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as exc:
        raise LogError(f"cannot read the audit log: {exc}") from exc


def runs_between(
    conn: sqlite3.Connection, since: dt.date | None = None, until: dt.date | None = None
) -> list[RunInfo]:
    """The runs that started between ``since`` and ``until`` (inclusive days, UTC), oldest
    first."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    try:
        rows = cur.execute("SELECT * FROM runs ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise LogError(f"cannot read the audit log: {exc}") from exc
    out = []
    for row in rows:
        day = str(row["started_at"] or "")[:10]
        if since is not None and day < since.isoformat():
            continue
        if until is not None and day > until.isoformat():
            continue
        out.append(run_info(row))
    return out


# Columns a log written by another tool from docs/audit-log.md may lack: read as NULL.
_OPTIONAL_FINDING_COLUMNS = ("waiver_approver", "expired_waiver_until")


def findings_of_runs(conn: sqlite3.Connection, run_ids: Sequence[int]) -> list[FindingRow]:
    """Every finding of the runs ``run_ids``, in log order."""
    present = {str(r[1]) for r in _query(conn, "PRAGMA table_info(findings)")}
    select = FINDING_SELECT
    for column in _OPTIONAL_FINDING_COLUMNS:
        if column not in present:
            select = select.replace(f"f.{column}", f"NULL AS {column}")
    out: list[FindingRow] = []
    for i in range(0, len(run_ids), 500):
        chunk = list(run_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        sql = f"{select} WHERE f.run_id IN ({marks}) ORDER BY f.id"
        out.extend(finding_row(r) for r in _query(conn, sql, chunk))
    return out


def audited_decisions(conn: sqlite3.Connection, run_ids: Sequence[int]) -> dict[int, set[str]]:
    """run id -> the decision ids that run audited."""
    audited: dict[int, set[str]] = defaultdict(set)
    for i in range(0, len(run_ids), 500):
        chunk = list(run_ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT DISTINCT run_id, decision_id FROM run_records WHERE run_id IN ({marks})"
        for run_id, did in _query(conn, sql, chunk):
            audited[int(run_id)].add(str(did))
    return audited


@dataclass(frozen=True)
class LatestAudit:
    """How the latest run that audited one decision saw it: its record and where it was."""

    run_id: int
    file: str
    line: int
    format: str
    record: Mapping[str, Any]  # format-v1 canonical JSON
    findings: tuple[FindingRow, ...]  # that run's findings on the decision


def known_decisions(conn: sqlite3.Connection) -> list[str]:
    """Every decision id the log audited."""
    if not has_tables(conn, "run_records"):
        return []
    return [str(r[0]) for r in _query(conn, "SELECT DISTINCT decision_id FROM run_records")]


def _measured(conn: sqlite3.Connection, decision_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with the latest figures recorded for it (``decaudit actuals``)."""
    if not has_tables(conn, "actuals"):
        return record
    figures = _query(
        conn,
        "SELECT item_kind, item_id, value, as_of, id FROM actuals WHERE decision_id = ?",
        (decision_id,),
    )
    return overlay(record, [Figure(*f) for f in figures]) if figures else record


def latest_audit(conn: sqlite3.Connection, decision_id: str) -> LatestAudit | None:
    """The latest audit of ``decision_id`` (None when the log never audited it)."""
    if not has_tables(conn, "run_records", "records", "findings"):
        return None
    row = _query(
        conn,
        "SELECT rr.run_id, rr.file, rr.line, rr.format, r.canonical "
        "FROM run_records rr JOIN records r ON r.hash = rr.record_hash "
        "WHERE rr.decision_id = ? ORDER BY rr.run_id DESC, rr.rowid ASC LIMIT 1",
        (decision_id,),
    )
    if not row:
        return None
    run_id, file, line, fmt, canonical = row[0]
    try:
        record = json.loads(canonical)
    except (TypeError, ValueError) as exc:
        raise LogError(f"the logged record of {decision_id!r} is not readable") from exc
    if not isinstance(record, dict):
        raise LogError(f"the logged record of {decision_id!r} is not readable")
    record = _measured(conn, decision_id, record)
    findings = tuple(
        f for f in findings_of_runs(conn, [int(run_id)]) if f.decision_id == decision_id
    )
    return LatestAudit(
        int(run_id), str(file or ""), int(line or 1), str(fmt or "yaml"), record, findings
    )
