"""A run's log rows, encoded before the writer sees them: values and body hashes.

Everything here is a pure function of one record or one finding, so it runs wherever that
record was evaluated (a worker process of ``check --jobs``); the writer only numbers the
rows, adds the keyed row hash (identity columns + this body hash, see :mod:`.hashing`) and
inserts them. The rows are plain tuples: cheap to pickle, ready for ``executemany``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .hashing import BodyHasher, canonical_json, sha256_hex
from .schema import FINDING_COLUMNS, RECORD_COLUMNS, RUN_RECORD_COLUMNS

if TYPE_CHECKING:
    from ..types import Finding, SourceRecord

# (hash, decision_id, title, project_type, status, decision_date, canonical, body hash)
RecordRow = tuple[str, str, str | None, str | None, str | None, str | None, str, str]
# (record_hash, decision_id, file, line, format, body hash)
RunRecordRow = tuple[str, str, str, int, str, str]
# the FINDING_COLUMNS after id and run_id, then the body hash
FindingRow = tuple[object, ...]


class RecordRows(NamedTuple):
    """One audited record's rows: its snapshot (stored once per content) and its entry in
    the run. ``digest`` is the record's content hash."""

    digest: str
    record: RecordRow
    run_record: RunRecordRow


_RECORD_BODY = BodyHasher("records", RECORD_COLUMNS[:-1])
_RUN_RECORD_BODY = BodyHasher("run_records", RUN_RECORD_COLUMNS[2:])
_FINDING_BODY = BodyHasher("findings", FINDING_COLUMNS[2:])


def canonical_record(src: SourceRecord) -> str:
    """The canonical JSON snapshot of a record (format v1, keys sorted, no nulls)."""
    record = src.as_read or src.record
    return canonical_json(record.model_dump(mode="json", exclude_none=True))


def encode_record(src: SourceRecord) -> RecordRows:
    """The rows of one audited record (the log keeps the record as its file says)."""
    canonical = canonical_record(src)
    digest = sha256_hex(canonical)
    rec = src.as_read or src.record
    record = (
        digest,
        rec.id,
        rec.title,
        rec.project_type,
        rec.status,
        rec.date.isoformat() if rec.date else None,
        canonical,
    )
    run_record = (digest, rec.id, src.file, src.line_of(()), src.format)
    return RecordRows(
        digest,
        (*record, _RECORD_BODY(record)),
        (*run_record, _RUN_RECORD_BODY(run_record)),
    )


def encode_finding(f: Finding, rule_digest: str, record_hash: str | None) -> FindingRow:
    """The row of one finding (waivers already applied), ``record_hash`` the content hash of
    the record it is about (None for folder and portfolio findings)."""
    waiver = f.waiver
    expired = f.expired_waiver
    values = (
        f.decision_id,
        record_hash,
        f.rule_id,
        f.rule_name,
        rule_digest,
        f.family,
        f.severity,
        f.message,
        canonical_json(dict(f.evidence)),
        f.path,
        f.file,
        f.line,
        f.fingerprint,
        1 if waiver is not None else 0,
        waiver.waiver_id if waiver else None,
        waiver.source if waiver else None,
        waiver.reason if waiver else None,
        waiver.approver if waiver else None,
        waiver.expires if waiver else None,
        expired.expires if expired else None,
    )
    return (*values, _FINDING_BODY(values))
