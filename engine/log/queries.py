"""Read-side queries on the log, shared by the CLI and the HTML report.

All functions take a ``sqlite3.Connection`` and return frozen dataclasses; every filter value
is bound as an SQL parameter, never spliced into the SQL text.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import LogError
from ..vocab import SEVERITIES, SEVERITY_RANK
from .rows import (
    FINDING_JSON_SELECT,
    FINDING_SELECT,
    RUN_ID_AT,
    FindingRow,
    RunInfo,
    finding_row,
    run_info,
)

# The decision id of portfolio findings; equal to engine.facts.PORTFOLIO_ID (tested), kept
# here so the log queries do not import the record model.
PORTFOLIO_ID = "(portfolio)"


def reaudited(f: FindingRow, audited: set[str]) -> bool:
    """The later run audited what ``f`` is about: its decision; for a folder (convention)
    finding, one of the decisions it stood for; for a portfolio finding, anything."""
    if f.decision_id in audited:
        return True
    if f.decision_id == PORTFOLIO_ID:
        return bool(audited)
    decisions = f.evidence.get("decisions") if f.evidence.get("convention") else None
    return isinstance(decisions, list) and any(d in audited for d in decisions)


@dataclass(frozen=True)
class HistoryRun:
    """One run that audited (or found something on) a decision."""

    run_id: int
    started_at: str
    command: str | None
    record_hash: str | None
    file: str | None
    line: int | None
    findings: tuple[FindingRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": self.started_at,
            "command": self.command,
            "record_hash": self.record_hash,
            "file": self.file,
            "line": self.line,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class DiffResult:
    run_a: int
    run_b: int
    new: tuple[FindingRow, ...]
    resolved: tuple[FindingRow, ...]
    unchanged: tuple[FindingRow, ...]
    # Findings of RUN_A whose decision RUN_B did not audit at all: not evidence of a fix.
    not_audited: tuple[FindingRow, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_a": self.run_a,
            "run_b": self.run_b,
            "new": [f.to_dict() for f in self.new],
            "resolved": [f.to_dict() for f in self.resolved],
            "unchanged": [f.to_dict() for f in self.unchanged],
            "not_audited": [f.to_dict() for f in self.not_audited],
        }


@dataclass(frozen=True)
class FindingFilter:
    """What ``decaudit findings`` selects. Empty tuples and ``None`` mean "any"."""

    rules: tuple[str, ...] = ()  # rule ids or slug names, case-insensitive
    min_severity: str | None = None  # this severity or higher
    decisions: tuple[str, ...] = ()
    run_id: int | None = None
    since: str | None = None  # run start, inclusive (YYYY-MM-DD or ISO 8601)
    until: str | None = None  # run start, inclusive (a bare date covers the whole day)
    waived: bool | None = None  # True: only waived; False: only open
    search: str | None = None  # full-text phrase in the message
    limit: int | None = None
    families: tuple[str, ...] = ()  # rule families, case-insensitive


def _tuples(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
) -> Iterator[tuple[Any, ...]]:
    cur = conn.cursor()
    try:
        cur.execute(sql, params if isinstance(params, Mapping) else tuple(params))
        while batch := cur.fetchmany(1000):
            yield from batch
    except sqlite3.Error as exc:
        raise LogError(f"cannot read the audit log: {exc}") from exc


def _rows(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
) -> Iterator[sqlite3.Row]:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    try:
        cur.execute(sql, params if isinstance(params, Mapping) else tuple(params))
        while batch := cur.fetchmany(1000):
            yield from batch
    except sqlite3.Error as exc:
        raise LogError(f"cannot read the audit log: {exc}") from exc


def time_bound(text: str, *, end: bool) -> tuple[str, str]:
    """``--since``/``--until`` as ``(operator, stored-time)``. A bare date is a whole day
    (``--until 2026-03-31`` includes that day); a time without zone is UTC."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            if end:
                nxt = day + dt.timedelta(days=1)
                return "<", f"{nxt.isoformat()}T00:00:00Z"
            return ">=", f"{day.isoformat()}T00:00:00Z"
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise LogError(
            f"invalid time {text!r}: expected YYYY-MM-DD or an ISO 8601 timestamp"
        ) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    stamp = parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ("<=" if end else ">="), stamp


def severities_at_or_above(severity: str) -> tuple[str, ...]:
    if severity not in SEVERITY_RANK:
        raise LogError(f"unknown severity {severity!r} (expected one of {', '.join(SEVERITIES)})")
    return tuple(s for s in SEVERITIES if SEVERITY_RANK[s] >= SEVERITY_RANK[severity])


def _in(column: str, values: Sequence[str], *, nocase: bool = False) -> str:
    collate = " COLLATE NOCASE" if nocase else ""
    return f"{column}{collate} IN ({', '.join('?' * len(values))})"


def list_runs(conn: sqlite3.Connection, *, limit: int | None = None) -> list[RunInfo]:
    """Runs, oldest first (the newest ``limit`` when given)."""
    if limit is not None:
        sql = "SELECT * FROM (SELECT * FROM runs ORDER BY id DESC LIMIT ?) ORDER BY id"
        return [run_info(r) for r in _rows(conn, sql, (limit,))]
    return [run_info(r) for r in _rows(conn, "SELECT * FROM runs ORDER BY id")]


def get_run(conn: sqlite3.Connection, run_id: int) -> RunInfo:
    rows = list(_rows(conn, "SELECT * FROM runs WHERE id = ?", (run_id,)))
    if not rows:
        raise LogError(f"no run {run_id} in the audit log (see `decaudit runs`)")
    return run_info(rows[0])


RUN_ALIASES = ("latest", "previous")


def resolve_run(conn: sqlite3.Connection, ref: str | int) -> int:
    """A run id from ``ref``: a number, ``latest`` (the newest run) or ``previous`` (the
    one before it)."""
    text = str(ref).strip().lower()
    if text in RUN_ALIASES:
        ids = [r["id"] for r in _rows(conn, "SELECT id FROM runs ORDER BY id DESC LIMIT 2")]
        pick = 0 if text == "latest" else 1
        if len(ids) <= pick:
            raise LogError(f"there is no {text} run in the audit log (see `decaudit runs`)")
        return int(ids[pick])
    if not text.isdigit() or int(text) < 1:
        raise LogError(f"invalid run {ref!r}: expected a run id, 'latest' or 'previous'")
    if int(text) > 2**63 - 1:
        raise LogError(f"invalid run {ref!r}: run ids are at most {2**63 - 1}")
    return get_run(conn, int(text)).id


def iter_findings(conn: sqlite3.Connection, flt: FindingFilter) -> Iterator[FindingRow]:
    """Findings matching ``flt``, oldest run first, in log order."""
    sql, params = _finding_query(FINDING_SELECT, flt)
    for row in _tuples(conn, sql, params):
        yield finding_row(row)


def iter_findings_json(conn: sqlite3.Connection, flt: FindingFilter) -> Iterator[str]:
    """The findings of :func:`iter_findings`, each as the JSON object of its ``to_dict()``,
    encoded by SQLite (for outputs that only print them)."""
    sql, params = _finding_query(FINDING_JSON_SELECT, flt)
    for row in _tuples(conn, sql, params):
        yield row[0]


def _finding_query(select: str, flt: FindingFilter) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if flt.rules:
        # The ids come from the two NOCASE indexes (migration 3), sorted and de-duplicated
        # in the IN list, so the findings are read in id order and --limit stops early; an
        # OR of the two conditions would sort every matching row before the first is out.
        where.append(
            f"f.id IN (SELECT id FROM findings WHERE {_in('rule_id', flt.rules, nocase=True)}"
            f" UNION SELECT id FROM findings WHERE {_in('rule_name', flt.rules, nocase=True)})"
        )
        params += [*flt.rules, *flt.rules]
    if flt.families:
        where.append(_in("f.family", flt.families, nocase=True))
        params += flt.families
    if flt.min_severity:
        sevs = severities_at_or_above(flt.min_severity)
        where.append(_in("f.severity", sevs))
        params += sevs
    if flt.decisions:
        where.append(_in("f.decision_id", flt.decisions))
        params += flt.decisions
    if flt.run_id is not None:
        where.append("f.run_id = ?")
        params.append(flt.run_id)
    for bound, end in ((flt.since, False), (flt.until, True)):
        if bound:
            op, stamp = time_bound(bound, end=end)
            where.append(f"r.started_at {op} ?")
            params.append(stamp)
    if flt.waived is not None:
        where.append("f.waived = ?")
        params.append(1 if flt.waived else 0)
    if flt.search:
        phrase = '"' + flt.search.replace('"', '""') + '"'
        where.append("f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)")
        params.append(phrase)
    sql = select
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY f.id"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    return sql, params


def find_findings(conn: sqlite3.Connection, flt: FindingFilter) -> list[FindingRow]:
    return list(iter_findings(conn, flt))


def history(conn: sqlite3.Connection, decision_id: str) -> list[HistoryRun]:
    """Every run that audited ``decision_id`` or reported on it, oldest first."""
    runs = list(
        _rows(
            conn,
            """
            SELECT r.id, r.started_at, r.command,
                   (SELECT rr.record_hash FROM run_records rr
                    WHERE rr.run_id = r.id AND rr.decision_id = :d ORDER BY rr.id LIMIT 1) AS rh,
                   (SELECT rr.file FROM run_records rr
                    WHERE rr.run_id = r.id AND rr.decision_id = :d ORDER BY rr.id LIMIT 1) AS file,
                   (SELECT rr.line FROM run_records rr
                    WHERE rr.run_id = r.id AND rr.decision_id = :d ORDER BY rr.id LIMIT 1) AS line
            FROM runs r
            WHERE r.id IN (SELECT run_id FROM run_records WHERE decision_id = :d
                           UNION SELECT run_id FROM findings WHERE decision_id = :d)
            ORDER BY r.id
            """,
            {"d": decision_id},
        )
    )
    by_run: dict[int, list[FindingRow]] = {r["id"]: [] for r in runs}
    for row in _tuples(
        conn, FINDING_SELECT + " WHERE f.decision_id = ? ORDER BY f.id", (decision_id,)
    ):
        by_run.setdefault(row[RUN_ID_AT], []).append(finding_row(row))
    return [
        HistoryRun(
            r["id"],
            r["started_at"],
            r["command"],
            r["rh"],
            r["file"],
            r["line"],
            tuple(by_run[r["id"]]),
        )
        for r in runs
    ]


def diff_runs(conn: sqlite3.Connection, run_a: int, run_b: int) -> DiffResult:
    """Findings of ``run_b`` that are new, gone (resolved) or still there, by fingerprint.

    A finding of ``run_a`` whose decision ``run_b`` did not audit is ``not_audited``, not
    resolved: a run over one file says nothing about the decisions of the others. Portfolio
    findings count as audited when ``run_b`` audited any record. Every finding in memory: the
    ``diff`` command streams them with :func:`.diff.run_diff` instead.
    """
    from .diff import run_diff

    d = run_diff(conn, run_a, run_b)
    return DiffResult(
        run_a,
        run_b,
        new=tuple(d.new()),
        resolved=tuple(d.resolved()),
        unchanged=tuple(d.unchanged()),
        not_audited=tuple(d.not_audited()),
    )
