"""The log's rows as typed values: the one :class:`FindingRow` and the one :class:`RunInfo`,
and their field lists. Their fields are the table's columns (:mod:`.schema`; a test holds
them equal), so JSON and CSV outputs list every column."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class RunInfo:
    """One row of ``runs``: a run's provenance and counts."""

    id: int
    started_at: str
    finished_at: str
    tool_version: str | None
    ruleset_digest: str | None
    config_digest: str | None
    input_digest: str | None
    command: str | None
    actor: str | None
    ci: dict[str, str]
    exit_status: int
    record_count: int
    finding_count: int
    error_count: int
    errors: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["errors"] = list(self.errors)
        return d


@dataclass(frozen=True)
class FindingRow:
    """One row of ``findings`` with the start time of its run (the only ``FindingRow``)."""

    id: int
    run_id: int
    run_started_at: str
    decision_id: str
    record_hash: str | None
    rule_id: str
    rule_name: str | None
    rule_digest: str | None
    family: str | None
    severity: str
    message: str
    evidence: dict[str, Any]
    path: str | None
    file: str | None
    line: int | None
    fingerprint: str
    waived: bool
    waiver_id: int | None
    waiver_source: str | None
    waiver_reason: str | None
    waiver_approver: str | None
    waiver_expires: str | None
    expired_waiver_until: str | None

    def to_dict(self) -> dict[str, Any]:
        # a plain dict built directly: dataclasses.asdict deep-copies every row
        return {
            "id": self.id,
            "run_id": self.run_id,
            "run_started_at": self.run_started_at,
            "decision_id": self.decision_id,
            "record_hash": self.record_hash,
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "rule_digest": self.rule_digest,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "evidence": dict(self.evidence),
            "path": self.path,
            "file": self.file,
            "line": self.line,
            "fingerprint": self.fingerprint,
            "waived": self.waived,
            "waiver_id": self.waiver_id,
            "waiver_source": self.waiver_source,
            "waiver_reason": self.waiver_reason,
            "waiver_approver": self.waiver_approver,
            "waiver_expires": self.waiver_expires,
            "expired_waiver_until": self.expired_waiver_until,
        }


RunSummary = RunInfo  # the name the query API used first

# The fields of the JSON and CSV outputs, in order: every column of the table (and, for a
# finding, the start time of its run).
RUN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(RunInfo))
FINDING_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(FindingRow))


def _json(text: Any, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default


def run_info(row: sqlite3.Row | Mapping[str, Any]) -> RunInfo:
    """A ``runs`` row (by column name) as a :class:`RunInfo`."""
    return RunInfo(
        id=row["id"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        tool_version=row["tool_version"],
        ruleset_digest=row["ruleset_digest"],
        config_digest=row["config_digest"],
        input_digest=row["input_digest"],
        command=row["command"],
        actor=row["actor"],
        ci=_json(row["ci"], {}),
        exit_status=row["exit_status"],
        record_count=row["record_count"],
        finding_count=row["finding_count"],
        error_count=row["error_count"] or 0,
        errors=tuple(_json(row["errors"], [])),
    )


# The columns of FindingRow, in its field order, so a row builds it positionally.
FINDING_SELECT = """
SELECT f.id, f.run_id, r.started_at, f.decision_id, f.record_hash, f.rule_id, f.rule_name,
       f.rule_digest, f.family, f.severity, f.message, f.evidence, f.path, f.file, f.line,
       f.fingerprint, f.waived, f.waiver_id, f.waiver_source, f.waiver_reason,
       f.waiver_approver, f.waiver_expires, f.expired_waiver_until
FROM findings f JOIN runs r ON r.id = f.run_id
"""
RUN_ID_AT, _EVIDENCE, _WAIVED = 1, 11, 16

# The same rows as one JSON object each, the object of ``FindingRow.to_dict()`` (same keys in
# the same order, same values; a test holds them equal), built by SQLite.
FINDING_JSON_SELECT = """
SELECT json_object(
    'id', f.id, 'run_id', f.run_id, 'run_started_at', r.started_at,
    'decision_id', f.decision_id, 'record_hash', f.record_hash, 'rule_id', f.rule_id,
    'rule_name', f.rule_name, 'rule_digest', f.rule_digest, 'family', f.family,
    'severity', f.severity, 'message', f.message,
    'evidence', CASE WHEN json_valid(f.evidence) AND json_type(f.evidence) = 'object'
                     THEN json(f.evidence) ELSE json('{}') END,
    'path', f.path, 'file', f.file, 'line', f.line, 'fingerprint', f.fingerprint,
    'waived', json(CASE WHEN f.waived THEN 'true' ELSE 'false' END),
    'waiver_id', f.waiver_id, 'waiver_source', f.waiver_source,
    'waiver_reason', f.waiver_reason, 'waiver_approver', f.waiver_approver,
    'waiver_expires', f.waiver_expires, 'expired_waiver_until', f.expired_waiver_until)
FROM findings f JOIN runs r ON r.id = f.run_id
"""


def finding_row(row: Sequence[Any]) -> FindingRow:
    """A row of :data:`FINDING_SELECT` as a :class:`FindingRow`."""
    values = list(row)
    values[_EVIDENCE] = _json(values[_EVIDENCE], {})
    values[_WAIVED] = bool(values[_WAIVED])
    return FindingRow(*values)
