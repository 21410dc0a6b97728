"""What the brief reads from the audit log: the track record, and past decisions.

- ``realization_history``: per project type, the realization ratio of every measured past
  decision (the latest snapshot of each), so a brief can give "your last 6 IT decisions
  realized a median 41%" without counting the decision itself;
- ``past_decision``: a decision as the latest run that audited it saw it (its record and its
  findings), for ``decaudit brief --decision ID`` and the HTML report.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..calibration import outcome
from ..errors import LogError
from ..log.read import DbSource, has_tables, iter_latest_snapshots, latest_audit, reading
from ..log.rows import FindingRow
from ..model import Record
from ..types import Finding, SourceRecord, WaiverRef


def history_of_snapshots(snapshots: Iterable[Any]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for s in snapshots:  # one at a time: only the measured decisions' ratios are kept
        o = outcome(s.decision_id, s.record)
        if o is not None and o.project_type is not None:
            out[o.project_type][o.decision_id] = o.realization
    return dict(out)


def realization_history(source: DbSource) -> dict[str, dict[str, float]]:
    """Project type -> {decision id -> realized / projected benefits}; {} without a log."""
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    with reading(source) as conn:
        return history_of_snapshots(iter_latest_snapshots(conn))


@dataclass(frozen=True)
class PastDecision:
    source: SourceRecord
    findings: tuple[Finding, ...]
    run_id: int


def finding_of_row(row: FindingRow) -> Finding:
    """A logged finding, back as a :class:`Finding` (its waiver included)."""
    waiver = None
    if row.waived:
        waiver = WaiverRef(
            source=str(row.waiver_source or "log"),
            reason=str(row.waiver_reason or ""),
            approver=row.waiver_approver,
            expires=str(row.waiver_expires or ""),
            waiver_id=row.waiver_id,
        )
    return Finding(
        rule_id=row.rule_id,
        rule_name=str(row.rule_name or ""),
        severity=row.severity,
        family=str(row.family or ""),
        decision_id=row.decision_id,
        file=str(row.file or ""),
        line=int(row.line or 0),
        path=str(row.path or "$"),
        message=str(row.message or ""),
        evidence=dict(row.evidence) if isinstance(row.evidence, dict) else {},
        waiver=waiver,
    )


def source_of(record: Mapping[str, Any], file: str, line: int, fmt: str) -> SourceRecord:
    """A logged canonical record as a :class:`SourceRecord` (only its first line is known)."""
    try:
        rec = Record.model_validate(dict(record))
    except ValueError as exc:  # pydantic's ValidationError
        raise LogError(
            f"the logged record of {record.get('id')!r} no longer validates: {exc}"
        ) from exc
    return SourceRecord(record=rec, file=file, format=fmt, lines={(): line or 1})


def past_decision(source: DbSource, decision_id: str) -> PastDecision:
    """The decision as the latest run that audited it saw it; ``LogError`` when the log
    never audited it."""
    with reading(source) as conn:
        if not has_tables(conn, "run_records", "records", "findings"):
            raise LogError("the audit log holds no audited decisions yet")
        seen = latest_audit(conn, decision_id)
    if seen is None:
        raise LogError(
            f"decision {decision_id!r} is not in the audit log "
            "(`decaudit findings` lists the audited decisions)"
        )
    src = source_of(seen.record, seen.file, seen.line, seen.format)
    return PastDecision(src, tuple(finding_of_row(f) for f in seen.findings), seen.run_id)
