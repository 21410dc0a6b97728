"""The run writer: spools one run's records and findings, then appends it atomically.

Records and findings are spooled into TEMP tables of the writer's own connection (SQLite
keeps them in a temporary file beyond a small page cache), so memory stays flat however
large the run. ``commit`` then writes the whole run -- the ``runs`` row, its ``run_records``,
the records not yet in the log, its findings and one ``chain`` entry -- in ONE
``BEGIN IMMEDIATE`` transaction that reads the chain tail inside it. Concurrent writers
serialize on that lock; a crash before COMMIT leaves no trace of the run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LogError
from .connection import connect, immediate
from .hashing import (
    GENESIS,
    ContentHash,
    body_hash,
    canonical_json,
    entry_hash,
    keyed_hash,
    row_hash,
    sha256_hex,
)
from .provenance import RunMeta, normalize_timestamp
from .schema import FTS_TABLE

if TYPE_CHECKING:
    from ..types import Finding, SourceRecord

_BATCH = 1000
_SPOOL_COMMIT_EVERY = 2000

_SPOOL_SQL = """
CREATE TEMP TABLE spool_records (
    hash TEXT PRIMARY KEY, decision_id TEXT, title TEXT, project_type TEXT, status TEXT,
    decision_date TEXT, canonical TEXT, body TEXT);
CREATE TEMP TABLE spool_run_records (
    seq INTEGER PRIMARY KEY, record_hash TEXT, decision_id TEXT, file TEXT, line INTEGER,
    format TEXT, body TEXT);
CREATE INDEX temp.spool_run_records_decision ON spool_run_records (decision_id, seq);
CREATE TEMP TABLE spool_findings (
    seq INTEGER PRIMARY KEY, decision_id TEXT, record_hash TEXT, rule_id TEXT, rule_name TEXT,
    rule_digest TEXT, family TEXT, severity TEXT, message TEXT, evidence TEXT, path TEXT,
    file TEXT, line INTEGER, fingerprint TEXT, waived INTEGER, waiver_id INTEGER,
    waiver_source TEXT, waiver_reason TEXT, waiver_approver TEXT, waiver_expires TEXT,
    expired_waiver_until TEXT, body TEXT);
"""
_SPOOL_RECORD = "INSERT OR IGNORE INTO temp.spool_records VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_SPOOL_RUN_RECORD = (
    "INSERT INTO temp.spool_run_records (record_hash, decision_id, file, line, format, body)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_SPOOL_FINDING = (
    "INSERT INTO temp.spool_findings (decision_id, record_hash, rule_id, rule_name,"
    " rule_digest, family, severity, message, evidence, path, file, line, fingerprint, waived,"
    " waiver_id, waiver_source, waiver_reason, waiver_approver, waiver_expires,"
    " expired_waiver_until, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?)"
)

RUN_RECORD_COLUMNS = ("id", "run_id", "record_hash", "decision_id", "file", "line", "format")
RECORD_COLUMNS = (
    "hash",
    "decision_id",
    "title",
    "project_type",
    "status",
    "decision_date",
    "canonical",
    "first_run_id",
)
FINDING_COLUMNS = (
    "id",
    "run_id",
    "decision_id",
    "record_hash",
    "rule_id",
    "rule_name",
    "rule_digest",
    "family",
    "severity",
    "message",
    "evidence",
    "path",
    "file",
    "line",
    "fingerprint",
    "waived",
    "waiver_id",
    "waiver_source",
    "waiver_reason",
    "waiver_approver",
    "waiver_expires",
    "expired_waiver_until",
)
RUN_COLUMNS = (
    "id",
    "started_at",
    "finished_at",
    "tool_version",
    "ruleset_digest",
    "config_digest",
    "input_digest",
    "command",
    "actor",
    "ci",
    "exit_status",
    "record_count",
    "finding_count",
    "error_count",
    "errors",
)


def canonical_record(src: SourceRecord) -> str:
    """The canonical JSON snapshot of a record (format v1, keys sorted, no nulls)."""
    return canonical_json(src.record.model_dump(mode="json", exclude_none=True))


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = (*columns, "row_hash")
    return f"INSERT INTO main.[{table}] ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def append_chain_entry(
    conn: sqlite3.Connection,
    kind: str,
    content_hash: str,
    created_at: str,
    *,
    run_id: int | None = None,
    waiver_id: int | None = None,
) -> tuple[int, str]:
    """Append one chain entry; call inside BEGIN IMMEDIATE after reading nothing stale."""
    tail = conn.execute("SELECT seq, entry_hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(tail[0]) + 1, str(tail[1])) if tail else (1, GENESIS)
    entry = entry_hash(prev, seq, content_hash)
    conn.execute(
        "INSERT INTO chain (seq, kind, run_id, waiver_id, prev_hash, content_hash, entry_hash,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, kind, run_id, waiver_id, prev, content_hash, entry, created_at),
    )
    return seq, entry


class RunWriter:
    """Collects one run; nothing reaches the log until :meth:`commit`.

    Use it as a context manager, or call :meth:`abort` on failure: leaving the block without
    committing discards the run."""

    def __init__(self, path: str | Path) -> None:
        self._path = str(path)
        self._conn: sqlite3.Connection | None = connect(path)
        self._pending = 0
        self._records = 0
        self._findings = 0
        self._last: tuple[str, str, str] | None = None  # decision id, file, record hash
        try:
            self._conn.executescript(_SPOOL_SQL)
            self._conn.execute("BEGIN")
        except sqlite3.Error as exc:
            self._close()
            raise LogError(f"{self._path}: cannot start a run: {exc}") from exc

    # -- spooling ------------------------------------------------------------------------
    # Each spooled row carries the hash of its body (every column but its identity), so
    # the commit, which holds the write lock, only has to hash ids into it.

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LogError("this run was already committed or aborted")
        return self._conn

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= _SPOOL_COMMIT_EVERY:
            conn = self._live()
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            self._pending = 0

    def _spool(
        self, sql: str, table: str, columns: tuple[str, ...], values: tuple[Any, ...]
    ) -> None:
        body = body_hash(table, dict(zip(columns, values, strict=True)))
        self._live().execute(sql, (*values, body))

    def add_record(self, src: SourceRecord) -> str:
        """Spool one audited record; returns its content hash (sha256 of the canonical JSON).
        A record is stored once per distinct content; every run notes which it audited."""
        self._live()
        canonical = canonical_record(src)
        digest = sha256_hex(canonical)
        rec = src.record
        try:
            record = (
                digest,
                rec.id,
                rec.title,
                rec.project_type,
                rec.status,
                rec.date.isoformat() if rec.date else None,
                canonical,
            )
            self._spool(_SPOOL_RECORD, "records", RECORD_COLUMNS[:-1], record)
            run_record = (digest, rec.id, src.file, src.line_of(()), src.format)
            self._spool(_SPOOL_RUN_RECORD, "run_records", RUN_RECORD_COLUMNS[2:], run_record)
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot spool record {rec.id}: {exc}") from exc
        self._records += 1
        self._last = (rec.id, src.file, digest)
        self._tick()
        return digest

    def _record_hash_for(self, finding: Finding) -> str | None:
        if self._last is not None and self._last[0] == finding.decision_id:
            return self._last[2]
        row = (
            self._live()
            .execute(
                "SELECT record_hash FROM temp.spool_run_records WHERE decision_id = ?"
                " ORDER BY file = ? DESC, seq DESC LIMIT 1",
                (finding.decision_id, finding.file),
            )
            .fetchone()
        )
        return str(row[0]) if row else None

    def add_finding(self, f: Finding, rule_digest: str, *, record_hash: str | None = None) -> None:
        """Spool one finding of this run (``rule_digest``: the digest of the rule that fired)."""
        self._live()
        waiver = f.waiver
        values = (
            f.decision_id,
            record_hash or self._record_hash_for(f),
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
            f.expired_waiver.expires if f.expired_waiver else None,
        )
        try:
            self._spool(_SPOOL_FINDING, "findings", FINDING_COLUMNS[2:], values)
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot spool a finding: {exc}") from exc
        self._findings += 1
        self._tick()

    # -- committing ----------------------------------------------------------------------

    def commit(self, meta: RunMeta) -> int:
        """Append the run in one transaction; returns its run id."""
        conn = self._live()
        started = normalize_timestamp(meta.started_at, "started_at")
        finished = normalize_timestamp(meta.finished_at, "finished_at")
        try:
            if conn.in_transaction:
                conn.execute("COMMIT")  # the spool's own transaction (temp tables only)
            with immediate(conn):
                run_id = self._write(conn, meta, started, finished)
        except sqlite3.Error as exc:
            self._close()
            raise LogError(f"{self._path}: cannot write the run: {exc}") from exc
        self._close()
        return run_id

    def _write(self, conn: sqlite3.Connection, meta: RunMeta, started: str, finished: str) -> int:
        run_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM runs").fetchone()[0])
        content = ContentHash("run")
        run: dict[str, Any] = {
            "id": run_id,
            "started_at": started,
            "finished_at": finished,
            "tool_version": meta.tool_version,
            "ruleset_digest": meta.ruleset_digest,
            "config_digest": meta.config_digest,
            "input_digest": meta.input_digest,
            "command": meta.command,
            "actor": meta.actor,
            "ci": canonical_json(dict(meta.ci)),
            "exit_status": int(meta.exit_status),
            "record_count": self._records if meta.record_count is None else meta.record_count,
            "finding_count": self._findings,
            "error_count": len(meta.errors),
            "errors": canonical_json([str(e) for e in meta.errors]),
        }
        h = row_hash("runs", run)
        conn.execute(insert_sql("runs", RUN_COLUMNS), (*run.values(), h))
        content.add("runs", h)

        base = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM run_records").fetchone()[0])
        rows = conn.execute(
            "SELECT seq, record_hash, decision_id, file, line, format, body"
            " FROM temp.spool_run_records ORDER BY seq"
        )
        self._copy(
            conn,
            "run_records",
            RUN_RECORD_COLUMNS,
            content,
            (((base + i, run_id), r[1:-1], r[-1]) for i, r in enumerate(_rows(rows), start=1)),
        )
        self._copy(conn, "records", RECORD_COLUMNS, content, self._new_records(conn, run_id))
        first = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM findings").fetchone()[0])
        rows = conn.execute("SELECT * FROM temp.spool_findings ORDER BY seq")
        self._copy(
            conn,
            "findings",
            FINDING_COLUMNS,
            content,
            (((first + i, run_id), r[1:-1], r[-1]) for i, r in enumerate(_rows(rows), start=1)),
        )
        if conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
        ).fetchone():
            # one bulk insert into the search index, far cheaper than a trigger per row
            conn.execute(
                f"INSERT INTO [{FTS_TABLE}] (rowid, message)"
                " SELECT id, message FROM findings WHERE run_id = ? AND id > ?",
                (run_id, first),
            )
        append_chain_entry(conn, "run", content.hexdigest(), finished, run_id=run_id)
        return run_id

    @staticmethod
    def _new_records(
        conn: sqlite3.Connection, run_id: int
    ) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], str]]:
        cur = conn.execute(
            "SELECT hash, decision_id, title, project_type, status, decision_date, canonical,"
            " body FROM temp.spool_records ORDER BY hash"
        )
        while batch := cur.fetchmany(500):
            marks = ", ".join("?" * len(batch))
            known = {
                r[0]
                for r in conn.execute(
                    f"SELECT hash FROM main.records WHERE hash IN ({marks})",
                    [b[0] for b in batch],
                )
            }
            for b in batch:
                if b[0] not in known:
                    # key columns (hash, first_run_id) around the body columns
                    yield (b[0], run_id), b[1:-1], b[-1]

    @staticmethod
    def _copy(
        conn: sqlite3.Connection,
        table: str,
        columns: tuple[str, ...],
        content: ContentHash,
        rows: Iterator[tuple[tuple[Any, ...], tuple[Any, ...], str]],
    ) -> None:
        """Insert rows given as (key values, body values, body hash), in batches, feeding
        their row hashes to the content hash in order."""
        sql = insert_sql(table, columns)
        records = table == "records"
        batch: list[tuple[Any, ...]] = []
        for key, body, body_digest in rows:
            h = keyed_hash(table, key, body_digest)
            content.add(table, h)
            if records:  # column order: hash, the body columns, first_run_id
                batch.append((key[0], *body, key[1], h))
            else:
                batch.append((*key, *body, h))
            if len(batch) >= _BATCH:
                conn.executemany(sql, batch)
                batch.clear()
        if batch:
            conn.executemany(sql, batch)

    def abort(self) -> None:
        """Discard the run (idempotent)."""
        self._close()

    def _close(self) -> None:
        if self._conn is not None:
            try:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None

    def __enter__(self) -> RunWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()


def _rows(cur: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while batch := cur.fetchmany(_BATCH):
        yield from batch
