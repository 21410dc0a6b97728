"""The run writer: spools one run's records and findings, then appends it atomically.

Records and findings are spooled into TEMP tables of the writer's own connection (SQLite
keeps them in a temporary file beyond a small page cache), so memory stays flat however
large the run. ``commit`` then writes the whole run -- the ``runs`` row, its ``run_records``,
the records not yet in the log, its findings and one ``chain`` entry -- in ONE
``BEGIN IMMEDIATE`` transaction that reads the chain tail inside it. Concurrent writers
serialize on that lock; a crash before COMMIT leaves no trace of the run.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LogError
from ..interrupt import deferred, note_written
from .connection import connect, immediate
from .hashing import (
    GENESIS,
    BodyHasher,
    ContentHash,
    canonical_json,
    entry_hash,
    row_hash,
    sha256_hex,
)
from .outcomes import record_run
from .provenance import RunMeta, normalize_timestamp
from .schema import (
    FINDING_COLUMNS,
    FTS_TABLE,
    RECORD_COLUMNS,
    RUN_COLUMNS,
    RUN_RECORD_COLUMNS,
)

if TYPE_CHECKING:
    from ..types import Finding, SourceRecord

_BATCH = 2000  # rows read back per fetch
_SPOOL_BUFFER = 500  # rows held in memory before one executemany into the spool
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


def canonical_record(src: SourceRecord) -> str:
    """The canonical JSON snapshot of a record (format v1, keys sorted, no nulls)."""
    record = src.as_read or src.record
    return canonical_json(record.model_dump(mode="json", exclude_none=True))


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
    actual_id: int | None = None,
    outcome_id: int | None = None,
) -> tuple[int, str]:
    """Append one chain entry; call inside BEGIN IMMEDIATE after reading nothing stale."""
    tail = conn.execute("SELECT seq, entry_hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(tail[0]) + 1, str(tail[1])) if tail else (1, GENESIS)
    entry = entry_hash(prev, seq, content_hash)
    # a log of any version: actual_id came in migration 4, outcome_id in migration 5
    refs = {"run_id": run_id, "waiver_id": waiver_id}
    if actual_id is not None:
        refs["actual_id"] = actual_id
    if outcome_id is not None:
        refs["outcome_id"] = outcome_id
    conn.execute(
        f"INSERT INTO chain (seq, kind, {', '.join(refs)}, prev_hash, content_hash, entry_hash,"
        f" created_at) VALUES ({', '.join('?' * (len(refs) + 6))})",
        (seq, kind, *refs.values(), prev, content_hash, entry, created_at),
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
        self._buffers: dict[str, list[tuple[Any, ...]]] = {
            _SPOOL_RECORD: [],
            _SPOOL_RUN_RECORD: [],
            _SPOOL_FINDING: [],
        }
        self._buffered = 0
        try:
            self._conn.create_function(_SHA256_SQL, 1, _sha256_text, deterministic=True)
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
            conn = self._flush()
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            self._pending = 0
        elif self._buffered >= _SPOOL_BUFFER:
            self._flush()

    def _flush(self) -> sqlite3.Connection:
        """Write the buffered spool rows (a few hundred at most) with one executemany each."""
        conn = self._live()
        for sql, rows in self._buffers.items():
            if rows:
                conn.executemany(sql, rows)
                rows.clear()
        self._buffered = 0
        return conn

    def _spool(self, sql: str, row: tuple[Any, ...]) -> None:
        self._buffers[sql].append(row)
        self._buffered += 1

    def add_record(self, src: SourceRecord) -> str:
        """Spool one audited record; returns its content hash (sha256 of the canonical JSON).
        A record is stored once per distinct content; every run notes which it audited."""
        self._live()
        canonical = canonical_record(src)
        digest = sha256_hex(canonical)
        rec = src.as_read or src.record
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
            self._spool(_SPOOL_RECORD, (*record, _RECORD_BODY(record)))
            run_record = (digest, rec.id, src.file, src.line_of(()), src.format)
            self._spool(_SPOOL_RUN_RECORD, (*run_record, _RUN_RECORD_BODY(run_record)))
            self._records += 1
            self._last = (rec.id, src.file, digest)
            self._tick()
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot spool record {rec.id}: {exc}") from exc
        return digest

    def _record_hash_for(self, finding: Finding) -> str | None:
        if self._last is not None and self._last[0] == finding.decision_id:
            return self._last[2]
        row = (
            self._flush()
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
        try:
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
            self._spool(_SPOOL_FINDING, (*values, _FINDING_BODY(values)))
            self._findings += 1
            self._tick()
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot spool a finding: {exc}") from exc

    # -- committing ----------------------------------------------------------------------

    def commit(self, meta: RunMeta) -> int:
        """Append the run in one transaction; returns its run id."""
        conn = self._live()
        started = normalize_timestamp(meta.started_at, "started_at")
        finished = normalize_timestamp(meta.finished_at, "finished_at")
        try:
            self._flush()
            if conn.in_transaction:
                conn.execute("COMMIT")  # the spool's own transaction (temp tables only)
            with deferred(), immediate(conn):  # Ctrl-C waits for the transaction's end
                run_id = self._write(conn, meta, started, finished)
        except sqlite3.Error as exc:
            self._close()
            raise LogError(f"{self._path}: cannot write the run: {exc}") from exc
        self._close()
        note_written(f"run {run_id} to {self._path}")
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

        # Rows go from the spool to the log in SQL; each row hash is the keyed hash of the
        # body hash computed while spooling (see hashing.keyed_hash), through a SQL function.
        base = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM run_records").fetchone()[0])
        conn.execute(_COPY_RUN_RECORDS, {"base": base, "run": run_id})
        _feed(conn, content, "run_records", "WHERE id > ? ORDER BY id", base)
        conn.execute(_COPY_RECORDS, {"run": run_id})
        _feed(conn, content, "records", "WHERE first_run_id = ? ORDER BY hash", run_id)
        first = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM findings").fetchone()[0])
        conn.execute(_COPY_FINDINGS, {"base": first, "run": run_id})
        _feed(conn, content, "findings", "WHERE id > ? ORDER BY id", first)
        if conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
        ).fetchone():
            # one bulk insert into the search index, far cheaper than a trigger per row
            conn.execute(
                f"INSERT INTO [{FTS_TABLE}] (rowid, message)"
                " SELECT id, message FROM findings WHERE run_id = ? AND id > ?",
                (run_id, first),
            )
        outcome_id = record_run(conn, run_id, content)  # the track record (migration 5)
        append_chain_entry(
            conn, "run", content.hexdigest(), finished, run_id=run_id, outcome_id=outcome_id
        )
        return run_id

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


def _feed(conn: sqlite3.Connection, content: ContentHash, table: str, where: str, arg: int) -> None:
    """Feed the row hashes just written to ``table`` to the run's content hash, in order."""
    cur = conn.execute(f"SELECT row_hash FROM main.[{table}] {where}", (arg,))
    while batch := cur.fetchmany(_BATCH):
        content.add_lines([f"{table}:{r[0]}\n" for r in batch])


def _sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_SHA256_SQL = "decaudit_sha256"


def _keyed_sql(table: str, *keys: str) -> str:
    """SQL for ``keyed_hash(table, keys, body)``: ``str()`` of an integer and SQLite's text
    of it are the same digits."""
    parts = " || char(31) || ".join([f"'{table}'", *keys, "body"])
    return f"{_SHA256_SQL}({parts})"


_COPY_RUN_RECORDS = f"""
INSERT INTO main.run_records ({", ".join(RUN_RECORD_COLUMNS)}, row_hash)
SELECT id, :run, record_hash, decision_id, file, line, format,
       {_keyed_sql("run_records", "id", ":run")}
FROM (SELECT :base + row_number() OVER (ORDER BY seq) AS id, * FROM temp.spool_run_records)
ORDER BY id
"""
_COPY_RECORDS = f"""
INSERT INTO main.records ({", ".join(RECORD_COLUMNS)}, row_hash)
SELECT hash, decision_id, title, project_type, status, decision_date, canonical, :run,
       {_keyed_sql("records", "hash", ":run")}
FROM temp.spool_records AS s
WHERE NOT EXISTS (SELECT 1 FROM main.records AS r WHERE r.hash = s.hash)
ORDER BY hash
"""
_COPY_FINDINGS = f"""
INSERT INTO main.findings ({", ".join(FINDING_COLUMNS)}, row_hash)
SELECT id, :run, {", ".join(FINDING_COLUMNS[2:])}, {_keyed_sql("findings", "id", ":run")}
FROM (SELECT :base + row_number() OVER (ORDER BY seq) AS id, * FROM temp.spool_findings)
ORDER BY id
"""
_RECORD_BODY = BodyHasher("records", RECORD_COLUMNS[:-1])
_RUN_RECORD_BODY = BodyHasher("run_records", RUN_RECORD_COLUMNS[2:])
_FINDING_BODY = BodyHasher("findings", FINDING_COLUMNS[2:])
