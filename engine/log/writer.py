"""The run writer: appends one run to the log in ONE transaction, rows inserted as they come.

The writer queues for the log's write lock (``BEGIN IMMEDIATE``) when it is created and
holds it until :meth:`RunWriter.commit` or :meth:`RunWriter.abort`: the run's id and the
ids of its rows are known from the start, so each row goes straight to its table with its
final row hash (one ``executemany`` per few hundred rows; the values and body hashes come
encoded, see :mod:`.encode`). ``commit`` then writes the ``runs`` row, fills the full-text
index with one statement, reads the new rows' hashes back in order for the run's content
hash and appends the ``chain`` entry. A crash or an abort before COMMIT leaves no trace of
the run; concurrent writers (other runs, waivers, figures) queue on the lock meanwhile.
"""

from __future__ import annotations

import hashlib
import sqlite3
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LogError
from ..interrupt import deferred, note_written
from .connection import LOCK_WAIT_S, _begin_immediate, connect
from .encode import FindingRow, RecordRows, encode_finding, encode_record
from .encode import canonical_record as canonical_record
from .hashing import GENESIS, ContentHash, canonical_json, entry_hash, row_hash
from .outcomes import record_run
from .provenance import RunMeta, normalize_timestamp
from .schema import FINDING_COLUMNS, FTS_TABLE, RECORD_COLUMNS, RUN_COLUMNS, RUN_RECORD_COLUMNS

if TYPE_CHECKING:
    from ..types import Finding, SourceRecord

_BUFFER = 500  # rows held before they are inserted (one statement per table)
# The writer's page cache, in KiB (SQLite's default is 2 MB): a run of thousands of records
# dirties far more (the findings and their index pages), which SQLite otherwise spills to the
# WAL during the transaction and reads back; 16 MB takes about a tenth off the log stage
# (benchmarks/logstage.py) for at most 16 MB more in the main process, for the run only.
_CACHE_KIB = 16 * 1024
_READ_BACK = 20_000  # row hashes read back per query at commit


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = (*columns, "row_hash")
    return f"INSERT INTO main.[{table}] ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def _insert_many(
    conn: sqlite3.Connection, sql: str, width: int, rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples of ``width`` values) with the single-row INSERT ``sql``, as
    multi-row INSERTs of up to ``_BUFFER`` rows, in order. ``sql`` ends with
    ``VALUES (?, ...)``, or with ``FROM (VALUES (?, ...)) ...`` for an INSERT ... SELECT.

    The log's tables carry an append-only trigger, so SQLite runs every INSERT statement
    under a statement journal that saves each page the statement changes: one statement per
    row saves the table's and every index's pages again for each row, one statement for many
    rows saves them once (a third of the cost of a finding row)."""
    per = max(1, min(_BUFFER, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    head, tail = sql.split("VALUES ", 1)
    one, _, rest = tail.partition(")")
    one += ")"
    for lo in range(0, len(rows), per):
        part = rows[lo : lo + per]
        if len(part) == 1:
            conn.execute(sql, part[0])
        else:
            many = f"{head}VALUES {', '.join([one] * len(part))}{rest}"
            conn.execute(many, list(chain.from_iterable(part)))


_INSERT_RUN_RECORD = insert_sql("run_records", RUN_RECORD_COLUMNS)
_INSERT_FINDING = insert_sql("findings", FINDING_COLUMNS)
_RUN_RECORD_WIDTH = len(RUN_RECORD_COLUMNS) + 1  # with row_hash
_FINDING_WIDTH = len(FINDING_COLUMNS) + 1
# a record is stored once per distinct content: the first run that audits it stores it
# (the rows of one statement are distinct: see RunWriter._flush)
_RECORD_WIDTH = len(RECORD_COLUMNS) + 1
_INSERT_RECORD = (
    f"INSERT INTO main.records ({', '.join(RECORD_COLUMNS)}, row_hash)"
    f" SELECT * FROM (VALUES ({', '.join('?' * _RECORD_WIDTH)})) AS v"
    " WHERE NOT EXISTS (SELECT 1 FROM main.records WHERE hash = v.column1)"
)


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


def _max(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM main.[{table}]").fetchone()[0])


def _keyed(table: str, key: object, run_id: int, body: object) -> str:
    """``hashing.keyed_hash(table, (key, run_id), body)``, inlined for the hot path."""
    text = f"{table}\x1f{key}\x1f{run_id}\x1f{body}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class RunWriter:
    """Appends one run; nothing is visible in the log until :meth:`commit`.

    Use it as a context manager, or call :meth:`abort` on failure: leaving the block without
    committing discards the run."""

    def __init__(self, path: str | Path, *, wait: float = LOCK_WAIT_S) -> None:
        self._path = str(path)
        self._conn: sqlite3.Connection | None = connect(path)
        self._records = 0
        self._findings = 0
        self._last: tuple[str, str] | None = None  # decision id, record hash of the last record
        self._record_rows: list[tuple[Any, ...]] = []
        self._run_record_rows: list[tuple[Any, ...]] = []
        self._finding_rows: list[tuple[Any, ...]] = []
        try:
            self._conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
            _begin_immediate(self._conn, wait)  # queue behind other writers, then hold the lock
            self.run_id = _max(self._conn, "runs") + 1
            self._rr_base = self._rr_next = _max(self._conn, "run_records")
            self._f_base = self._f_next = _max(self._conn, "findings")
        except sqlite3.Error as exc:
            self._close()
            raise LogError(f"{self._path}: cannot start a run: {exc}") from exc

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise LogError("this run was already committed or aborted")
        return self._conn

    def _flush(self, *, records: bool = True, findings: bool = True) -> sqlite3.Connection:
        """Insert the buffered rows of the records (and run_records), of the findings, or of
        both. Each buffer is flushed when it is full, so most statements insert ``_BUFFER``
        rows (one prepared statement per table)."""
        conn = self._live()
        if records and self._record_rows:
            # a record is stored once per content: the first of the buffer's rows with
            # that hash (the same row: same content, same run), if no earlier one has it
            first: dict[str, tuple[Any, ...]] = {}
            for row in self._record_rows:
                first.setdefault(row[0], row)
            _insert_many(conn, _INSERT_RECORD, _RECORD_WIDTH, list(first.values()))
            self._record_rows.clear()
        if records and self._run_record_rows:
            _insert_many(conn, _INSERT_RUN_RECORD, _RUN_RECORD_WIDTH, self._run_record_rows)
            self._run_record_rows.clear()
        if findings and self._finding_rows:
            _insert_many(conn, _INSERT_FINDING, _FINDING_WIDTH, self._finding_rows)
            self._finding_rows.clear()
        return conn

    # -- rows ----------------------------------------------------------------------------

    def add_record(self, src: SourceRecord) -> str:
        """Add one audited record; returns its content hash (sha256 of the canonical JSON).
        A record is stored once per distinct content; every run notes which it audited."""
        self._live()
        return self.add_record_rows(encode_record(src))

    def add_record_rows(self, rows: RecordRows) -> str:
        """Add one record already encoded (:func:`.encode.encode_record`); its hash."""
        self._live()
        run_id = self.run_id
        digest, record, run_record = rows
        self._record_rows.append(
            (*record[:-1], run_id, _keyed("records", digest, run_id, record[-1]))
        )
        self._rr_next += 1
        rid = self._rr_next
        self._run_record_rows.append(
            (rid, run_id, *run_record[:-1], _keyed("run_records", rid, run_id, run_record[-1]))
        )
        self._records += 1
        self._last = (record[1], digest)
        if len(self._run_record_rows) >= _BUFFER:
            self._flush_or_fail(f"record {record[1]}", findings=False)
        return digest

    def _record_hash_for(self, decision_id: str, file: str) -> str | None:
        if self._last is not None and self._last[0] == decision_id:
            return self._last[1]
        row = (
            self._flush(findings=False)  # the run's records so far (findings wait)
            .execute(
                "SELECT record_hash FROM main.run_records WHERE id > ? AND decision_id = ?"
                " ORDER BY file = ? DESC, id DESC LIMIT 1",
                (self._rr_base, decision_id, file),
            )
            .fetchone()
        )
        return str(row[0]) if row else None

    def add_finding(self, f: Finding, rule_digest: str, *, record_hash: str | None = None) -> None:
        """Add one finding of this run (``rule_digest``: the digest of the rule that fired).
        Without ``record_hash`` it is the latest record of the finding's decision id."""
        self._live()
        try:
            rh = record_hash or self._record_hash_for(f.decision_id, f.file)
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot write a finding: {exc}") from exc
        self.add_finding_row(encode_finding(f, rule_digest, rh))

    def add_finding_row(self, row: FindingRow) -> None:
        """Add one finding already encoded (:func:`.encode.encode_finding`)."""
        self._live()
        self._f_next += 1
        fid, run_id = self._f_next, self.run_id
        self._finding_rows.append(
            (fid, run_id, *row[:-1], _keyed("findings", fid, run_id, row[-1]))
        )
        self._findings += 1
        if len(self._finding_rows) >= _BUFFER:
            self._flush_or_fail("a finding", records=False)

    def _flush_or_fail(self, what: str, *, records: bool = True, findings: bool = True) -> None:
        try:
            self._flush(records=records, findings=findings)
        except sqlite3.Error as exc:
            raise LogError(f"{self._path}: cannot write {what}: {exc}") from exc

    # -- committing ----------------------------------------------------------------------

    def commit(self, meta: RunMeta) -> int:
        """Complete the run and commit it; returns its run id."""
        conn = self._live()
        started = normalize_timestamp(meta.started_at, "started_at")
        finished = normalize_timestamp(meta.finished_at, "finished_at")
        try:
            with deferred():  # Ctrl-C waits for the transaction's end
                self._flush()
                run_id = self._write(conn, meta, started, finished)
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._close()
            raise LogError(f"{self._path}: cannot write the run: {exc}") from exc
        except BaseException:
            self._close()
            raise
        self._close()
        note_written(f"run {run_id} to {self._path}")
        return run_id

    def _write(self, conn: sqlite3.Connection, meta: RunMeta, started: str, finished: str) -> int:
        run_id = self.run_id
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
        # the content hash takes the rows in the documented order (see hashing.py)
        _feed_ids(conn, content, "run_records", self._rr_base, self._rr_next)
        _feed(
            conn,
            content,
            "SELECT 'records:' || row_hash || char(10) FROM main.records"
            " WHERE first_run_id = ? ORDER BY hash",
            (run_id,),
        )
        _feed_ids(conn, content, "findings", self._f_base, self._f_next)
        if (
            self._f_next > self._f_base
            and conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
            ).fetchone()
        ):
            # the search index is filled once per run, by one statement
            conn.execute(
                f"INSERT INTO [{FTS_TABLE}] (rowid, message)"
                " SELECT id, message FROM main.findings WHERE id > ? AND id <= ?",
                (self._f_base, self._f_next),
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


def _feed(conn: sqlite3.Connection, content: ContentHash, sql: str, args: tuple[Any, ...]) -> None:
    """Feed ``"<table>:<row_hash>\\n"`` lines (as ``sql`` selects them) to the content hash."""
    cur = conn.execute(sql, args)
    while batch := cur.fetchmany(_READ_BACK):
        content.add_lines([r[0] for r in batch])


def _feed_ids(
    conn: sqlite3.Connection, content: ContentHash, table: str, base: int, last: int
) -> None:
    """The row hashes of ``table``'s rows ``base < id <= last``, in id order, a slice at a
    time, joined in SQL (a few strings to Python rather than one per row)."""
    for lo in range(base, last, _READ_BACK):
        hi = min(lo + _READ_BACK, last)
        text = conn.execute(
            f"SELECT group_concat(line, '') FROM (SELECT '{table}:' || row_hash || char(10)"
            f" AS line FROM main.[{table}] WHERE id > ? AND id <= ? ORDER BY id)",
            (lo, hi),
        ).fetchone()[0]
        if text:
            content.add_lines([text])
