"""What the brief reads from the audit log: the track record, and past decisions.

- ``realization_history``: per project type, the realization ratio of every measured past
  decision (the latest snapshot of each), so a brief can give "your last 6 IT decisions
  realized a median 41%" without counting the decision itself;
- ``past_decision``: a decision as the latest run that audited it saw it (its record and its
  findings), for ``decaudit brief --decision ID`` and the HTML report.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..calibration import DbSource, _connection, has_tables, latest_snapshots, outcomes_of
from ..errors import LogError
from ..model import Record
from ..types import Finding, SourceRecord, WaiverRef


def history_of_snapshots(snapshots: Sequence[Any]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for o in outcomes_of(snapshots):
        if o.project_type is not None:
            out[o.project_type][o.decision_id] = o.realization
    return dict(out)


def realization_history(source: DbSource) -> dict[str, dict[str, float]]:
    """Project type -> {decision id -> realized / projected benefits}; {} without a log."""
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    with _connection(source) as conn:
        return history_of_snapshots(latest_snapshots(conn))


@dataclass(frozen=True)
class PastDecision:
    source: SourceRecord
    findings: tuple[Finding, ...]
    run_id: int


_FINDING_COLUMNS = (
    "rule_id, rule_name, severity, family, decision_id, file, line, path, message, evidence, "
    "waived, waiver_source, waiver_reason, waiver_approver, waiver_expires, waiver_id"
)


def finding_of_row(row: Sequence[Any]) -> Finding:
    """A logged finding, back as a :class:`Finding` (its waiver included)."""
    (rule_id, name, sev, family, did, file, line, path, message, evidence) = row[:10]
    waived, w_source, w_reason, w_approver, w_expires, w_id = row[10:16]
    try:
        ev = json.loads(evidence) if evidence else {}
    except ValueError:
        ev = {}
    waiver = None
    if waived:
        waiver = WaiverRef(
            source=str(w_source or "log"),
            reason=str(w_reason or ""),
            approver=w_approver,
            expires=str(w_expires or ""),
            waiver_id=w_id,
        )
    return Finding(
        rule_id=str(rule_id),
        rule_name=str(name or ""),
        severity=str(sev),
        family=str(family or ""),
        decision_id=str(did),
        file=str(file or ""),
        line=int(line or 0),
        path=str(path or "$"),
        message=str(message or ""),
        evidence=ev if isinstance(ev, dict) else {},
        waiver=waiver,
    )


def source_of(record: Mapping[str, Any], file: str, line: int, fmt: str) -> SourceRecord:
    """A logged canonical record as a :class:`SourceRecord` (only its first line is known)."""
    try:
        rec = Record.model_validate(dict(record))
    except ValidationError as exc:
        raise LogError(
            f"the logged record of {record.get('id')!r} no longer validates: {exc}"
        ) from exc
    return SourceRecord(record=rec, file=file, format=fmt, lines={(): line or 1})


def past_decision(source: DbSource, decision_id: str) -> PastDecision:
    """The decision as the latest run that audited it saw it; ``LogError`` when the log
    never audited it."""
    with _connection(source) as conn:
        if not has_tables(conn, "run_records", "records", "findings"):
            raise LogError("the audit log holds no audited decisions yet")
        row = conn.execute(
            "SELECT rr.run_id, rr.file, rr.line, rr.format, r.canonical "
            "FROM run_records rr JOIN records r ON r.hash = rr.record_hash "
            "WHERE rr.decision_id = ? ORDER BY rr.run_id DESC, rr.rowid ASC LIMIT 1",
            (decision_id,),
        ).fetchone()
        if row is None:
            raise LogError(
                f"decision {decision_id!r} is not in the audit log "
                "(`decaudit findings` lists the audited decisions)"
            )
        run_id, file, line, fmt, canonical = row
        try:
            data = json.loads(canonical)
        except (TypeError, ValueError) as exc:
            raise LogError(f"the logged record of {decision_id!r} is not readable") from exc
        src = source_of(data, str(file or ""), int(line or 1), str(fmt or "yaml"))
        rows = conn.execute(
            f"SELECT {_FINDING_COLUMNS} FROM findings WHERE run_id = ? AND decision_id = ? "
            "ORDER BY id",
            (run_id, decision_id),
        ).fetchall()
        return PastDecision(src, tuple(finding_of_row(r) for r in rows), int(run_id))
