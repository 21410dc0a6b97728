"""The current state of the portfolio in SQL, for the governance report.

The current state of a decision is its latest snapshot among some runs (the record of the
latest of those runs that audited it; the first row that run wrote when it audited the id
twice) and the findings that run produced for it. A snapshot whose record does not read as
JSON (a damaged log: ``verify`` says where) still counts, with an empty record. Portfolio
findings are the findings of the latest run on ids no snapshot has. Everything here is
computed by SQLite: the counts, the risk scores and the ranking; only the rows asked for
(the top of the ranking, a few decisions' findings) come back, and the snapshots are
streamed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .queries import _tuples
from .read import Snapshot, _measured, has_tables, measured_decisions
from .rows import FINDING_SELECT, FindingRow, finding_row

# The latest snapshot of each decision among the runs of ``:runs`` (a JSON list).
_CURRENT = """
cur AS MATERIALIZED (
    SELECT k.decision_id, k.record_hash, k.run_id, k.file, k.line
    FROM (
        SELECT decision_id, record_hash, run_id, file, line,
               ROW_NUMBER() OVER (
                   PARTITION BY decision_id ORDER BY run_id DESC, rowid ASC
               ) AS n
        FROM run_records WHERE run_id IN (SELECT value FROM json_each(:runs))
    ) k
    WHERE k.n = 1 AND EXISTS (SELECT 1 FROM records r WHERE r.hash = k.record_hash)
)"""

# The current findings: those of each snapshot's run on its decision, and the portfolio
# findings of the latest run. ``portfolio`` is 1 for the latter. (``+f.run_id``: found by
# the decision's index, not by scanning its run's findings for each decision.)
_FINDINGS = """
cf AS (
    SELECT f.*, 0 AS portfolio FROM cur
    JOIN findings f ON f.decision_id = cur.decision_id AND +f.run_id = cur.run_id
    UNION ALL
    SELECT f.*, 1 AS portfolio FROM findings f
    WHERE f.run_id = :latest
      AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.decision_id = f.decision_id)
)"""


@dataclass(frozen=True)
class Window:
    """The runs a report covers (their ids, oldest first)."""

    run_ids: tuple[int, ...]

    @property
    def params(self) -> dict[str, Any]:
        return {"runs": json.dumps(list(self.run_ids)), "latest": self.run_ids[-1]}


@dataclass(frozen=True)
class FindingCount:
    """How many current findings share a severity, waiver state, family and rule."""

    severity: str
    waived: bool
    family: str | None
    rule_id: str
    rule_name: str | None
    count: int


def finding_counts(conn: sqlite3.Connection, window: Window) -> list[FindingCount]:
    """The current findings, counted per severity, waiver state, family and rule."""
    sql = f"""
        WITH {_CURRENT}, {_FINDINGS}
        SELECT severity, waived != 0, family, rule_id, MIN(rule_name), COUNT(*)
        FROM cf GROUP BY severity, waived != 0, family, rule_id
        ORDER BY rule_id, severity, family, waived != 0
    """
    return [
        FindingCount(str(s), bool(w), fam, str(rid), name, int(n))
        for s, w, fam, rid, name, n in _tuples(conn, sql, window.params)
    ]


@dataclass(frozen=True)
class Ranked:
    """One decision of the ranking: where its snapshot is and its risk."""

    decision_id: str
    run_id: int
    file: str
    line: int
    score: int  # sum of the severity weights of its open findings
    open_counts: Mapping[str, int]  # severity -> open findings
    findings: int  # current findings, waived included
    record: Mapping[str, Any]  # the snapshot, with the figures recorded for it


def _score(weights: Mapping[str, int], params: dict[str, Any]) -> str:
    cases = []
    for i, (severity, w) in enumerate(sorted(weights.items())):
        params[f"sev{i}"], params[f"w{i}"] = severity, w
        cases.append(f"WHEN :sev{i} THEN :w{i}")
    return f"CASE f.severity {' '.join(cases)} ELSE 0 END"


def ranked(
    conn: sqlite3.Connection,
    window: Window,
    weights: Mapping[str, int],
    *,
    limit: int | None,
    with_findings: bool = False,
) -> list[Ranked]:
    """The decisions by risk: score, then open findings, highest first, then id; the first
    ``limit`` (all when None), only those with current findings when ``with_findings``."""
    params = window.params
    score = _score(weights, params)
    # grouped by the snapshot, its findings found by the decision's index (a join on a
    # grouped subquery would be scanned once per decision)
    sql = f"""
        WITH {_CURRENT}
        SELECT cur.decision_id, cur.run_id, cur.file, cur.line,
               COALESCE(SUM(CASE WHEN f.waived THEN 0 ELSE {score} END), 0) AS score,
               json_group_array(CASE WHEN f.waived THEN NULL ELSE f.severity END),
               COUNT(f.id) AS n, cur.record_hash, SUM(f.waived = 0) AS open
        FROM cur LEFT JOIN findings f
             ON f.decision_id = cur.decision_id AND +f.run_id = cur.run_id
        GROUP BY cur.decision_id
        {"HAVING COUNT(f.id) > 0" if with_findings else ""}
        ORDER BY score DESC, COALESCE(open, 0) DESC, cur.decision_id
    """
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    measured = measured_decisions(conn)
    out = []
    rows = list(_tuples(conn, sql, params))  # the top: a few rows (all of them with --all)
    for did, run_id, file, line, sc, sevs, n, rhash, _ in rows:
        counts: dict[str, int] = {}
        for sev in json.loads(sevs) if sevs else ():
            if sev is not None:
                counts[sev] = counts.get(sev, 0) + 1
        record = _record(conn, str(rhash))
        if did in measured:
            record = _measured(conn, str(did), record)
        out.append(
            Ranked(
                str(did), int(run_id), str(file or ""), int(line or 0), int(sc), counts, n, record
            )
        )
    return out


def totals(conn: sqlite3.Connection, window: Window) -> tuple[int, int]:
    """(decisions in the current state, those of them with current findings)."""
    sql = f"""
        WITH {_CURRENT}, {_FINDINGS}
        SELECT (SELECT COUNT(*) FROM cur),
               (SELECT COUNT(DISTINCT decision_id) FROM cf WHERE portfolio = 0)
    """
    n, with_findings = next(_tuples(conn, sql, window.params))
    return int(n), int(with_findings)


def findings_of(
    conn: sqlite3.Connection, window: Window, decision_ids: Sequence[str]
) -> dict[str, list[FindingRow]]:
    """The current findings of ``decision_ids``, in log order."""
    if not decision_ids:
        return {}
    params = {**window.params, "ids": json.dumps(list(decision_ids))}
    sql = f"""
        WITH {_CURRENT}
        {FINDING_SELECT}
        JOIN cur ON cur.decision_id = f.decision_id AND cur.run_id = +f.run_id
        WHERE f.decision_id IN (SELECT value FROM json_each(:ids))
        ORDER BY f.id
    """
    out: dict[str, list[FindingRow]] = {d: [] for d in decision_ids}
    for row in _tuples(conn, _optional_columns(conn, sql), params):
        f = finding_row(row)
        out[f.decision_id].append(f)
    return out


def portfolio_findings(conn: sqlite3.Connection, window: Window) -> list[FindingRow]:
    """The findings of the latest run on ids no snapshot has, in log order."""
    sql = f"""
        WITH {_CURRENT}
        {FINDING_SELECT}
        WHERE f.run_id = :latest
          AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.decision_id = f.decision_id)
        ORDER BY f.id
    """
    return [finding_row(r) for r in _tuples(conn, _optional_columns(conn, sql), window.params)]


def snapshots(conn: sqlite3.Connection, window: Window) -> Iterator[Snapshot]:
    """The current snapshots, one at a time, by decision id (with their recorded figures)."""
    if not has_tables(conn, "run_records", "records"):
        return
    measured = measured_decisions(conn)
    sql = f"""
        WITH {_CURRENT}
        SELECT cur.decision_id, cur.record_hash, cur.run_id, cur.file, cur.line, r.canonical
        FROM cur JOIN records r ON r.hash = cur.record_hash
        ORDER BY cur.decision_id
    """
    for did, rhash, run_id, file, line, canonical in _tuples(conn, sql, window.params):
        record = _loads(canonical)
        if did in measured:
            record = _measured(conn, str(did), record)
        yield Snapshot(str(did), str(rhash), int(run_id), str(file or ""), int(line or 0), record)


def _loads(canonical: Any) -> dict[str, Any]:
    """A logged record; {} when it does not read as a JSON object (a damaged log, which
    ``verify`` reports): it is then counted, with nothing known of its content."""
    try:
        record = json.loads(canonical)
    except (TypeError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _record(conn: sqlite3.Connection, record_hash: str) -> dict[str, Any]:
    rows = list(_tuples(conn, "SELECT canonical FROM records WHERE hash = ?", (record_hash,)))
    return _loads(rows[0][0]) if rows else {}


# Columns a log written by another tool from docs/audit-log.md may lack: read as NULL.
_OPTIONAL_FINDING_COLUMNS = ("waiver_approver", "expired_waiver_until")


def _optional_columns(conn: sqlite3.Connection, sql: str) -> str:
    present = {str(r[1]) for r in _tuples(conn, "PRAGMA table_info(findings)")}
    for column in _OPTIONAL_FINDING_COLUMNS:
        if column not in present:
            sql = sql.replace(f"f.{column}", f"NULL AS {column}")
    return sql
