"""``verify``'s bulk path (SQLite writes each row's body JSON, Python hashes) must agree with
the reference row hash on every value, and must never let an edit through."""

from __future__ import annotations

import hashlib
import sqlite3
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.log import AuditLog, verify, verify_rows, verify_workers
from decaudit.engine.log.hashing import canonical_json
from decaudit.engine.log.verify_rows import _bulk_select, _NullMembers, _without_nulls
from decaudit.engine.log.verify_workers import _chunks, _Readers, _results, _take
from hypothesis import given, settings
from hypothesis import strategies as st
from test_log_support import finding, source, write_run

NASTY = [
    'quote " backslash \\ and ,"path":null inside',
    "control \x00\x01\x1f\x7f tab\t newline\n return\r",
    "unicode é 漢字 \u2028 \u2029 \ufeff 😀",
    '{"json": "text", "n": null}',
    "",
    "null",
]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
value = st.one_of(st.none(), text, st.integers(min_value=-(2**63), max_value=2**63 - 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(value, min_size=1, max_size=6))
def test_sqlite_body_is_the_canonical_json_without_nulls(values: list[Any]) -> None:
    conn = sqlite3.connect(":memory:")
    cols = [f"c{i}" for i in range(len(values))]
    conn.execute(f"CREATE TABLE t ({', '.join(cols)})")
    conn.execute(f"INSERT INTO t VALUES ({', '.join('?' * len(values))})", values)
    args = ", ".join(f"'{c}', {c}" for c in sorted(cols))
    (obj,) = conn.execute(f"SELECT json_object({args}) FROM t").fetchone()
    body = {c: v for c, v in zip(cols, values, strict=True) if v is not None}
    assert _without_nulls(obj) == canonical_json(body)
    mask = sum(1 << i for i, c in enumerate(sorted(cols)) if values[cols.index(c)] is None)
    assert _NullMembers(tuple(sorted(cols))).strip(obj, mask) == canonical_json(body)


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog.open(tmp_path / "audit.db")
    srcs = [source(f"DEC-{i}", title=t) for i, t in enumerate(NASTY, start=1)]
    findings = [finding(f"DEC-{i}", message=t or "empty") for i, t in enumerate(NASTY, start=1)]
    write_run(log, srcs, findings)
    return log


def test_values_with_quotes_controls_and_unicode_verify(log: AuditLog) -> None:
    assert log.verify().ok
    # and the bulk path reproduces every stored hash itself (no fallback needed)
    for table in ("run_records", "records", "findings"):
        rows = log.conn.execute(_bulk_select(log.conn, table)[0]).fetchall()
        assert len(rows) == len(NASTY)
        for row in rows:
            body = hashlib.sha256(_without_nulls(row[2]).encode()).hexdigest()
            assert hashlib.sha256((row[1] + body).encode()).hexdigest() == row[3], table


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("findings", "message", 'quote " backslash \\ and ,"path":null inside.'),
        ("findings", "waiver_reason", "slipped in"),  # a NULL column given a value
        ("findings", "path", None),  # a value set to NULL
        ("findings", "line", 2),
        ("records", "title", "control \x00\x01"),
        ("run_records", "file", "elsewhere.yaml"),
    ],
)
def test_an_edit_of_any_kind_is_detected(
    log: AuditLog, table: str, column: str, value: object
) -> None:
    raw = sqlite3.connect(log.path, isolation_level=None)
    raw.execute(f"DROP TRIGGER {table}_no_update")
    raw.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = 2", (value,))
    raw.close()
    result = log.verify()
    assert result.divergence is not None
    assert result.divergence.table == table
    assert "row hash mismatch: the row was edited" in result.divergence.detail


def test_a_column_added_to_a_bulk_table_is_detected(log: AuditLog) -> None:
    raw = sqlite3.connect(log.path, isolation_level=None)
    raw.execute("ALTER TABLE findings ADD COLUMN note TEXT DEFAULT 'x'")
    raw.close()
    div = log.verify().divergence
    assert div is not None and str(div).startswith("findings id=1: row hash mismatch")


@pytest.mark.parametrize(
    ("table", "pk", "copy"),
    [
        (
            "findings",
            "id",
            "INSERT INTO findings SELECT 100, 99, decision_id, record_hash,"
            " rule_id, rule_name, rule_digest, family, severity, message, evidence, path, file,"
            " line, fingerprint, waived, waiver_id, waiver_source, waiver_reason,"
            " waiver_approver, waiver_expires, expired_waiver_until, row_hash FROM findings"
            " WHERE id = 1",
        ),
        (
            "run_records",
            "id",
            "INSERT INTO run_records SELECT 100, 99, record_hash,"
            " decision_id, file, line, format, row_hash FROM run_records WHERE id = 1",
        ),
        (
            "records",
            "hash",
            "INSERT INTO records SELECT 'f' || hash, decision_id, title,"
            " project_type, status, decision_date, canonical, 99, row_hash FROM records"
            " WHERE decision_id = 'DEC-1'",
        ),
    ],
)
def test_a_row_of_a_run_without_chain_entry_is_reported(
    log: AuditLog, table: str, pk: str, copy: str
) -> None:
    write_run(log, [source("DEC-9")], [finding("DEC-9")])  # a second run, after the orphan
    raw = sqlite3.connect(log.path, isolation_level=None)
    raw.execute(f"DROP TRIGGER {table}_no_replace")
    raw.execute(copy)
    raw.close()
    div = log.verify().divergence
    assert div is not None and div.table == table
    assert div.detail.startswith("not covered by any chain entry")
    assert div.row.startswith(f"{pk}=")


@pytest.fixture
def split_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AuditLog:
    """A log whose runs are cut into many chunks, hashed by worker processes."""
    monkeypatch.setattr(verify_workers, "_CHUNK_ROWS", 4)
    monkeypatch.setattr(verify.os, "cpu_count", lambda: 2)
    log = AuditLog.open(tmp_path / "audit.db")
    for run in range(2):
        srcs = [source(f"DEC-{run}-{i}") for i in range(9)]
        write_run(log, srcs, [finding(f"DEC-{run}-{i}", line=j) for i in range(9) for j in (1, 2)])
    return log


def test_split_runs_verify_in_worker_processes(split_log: AuditLog) -> None:
    conn = split_log.conn
    tasks = [t for table in ("run_records", "records", "findings") for t in _chunks(conn, table, 1)]
    assert len(tasks) == 3 + 1 + 5  # 9 run records, the records, 18 findings by 4
    readers = _Readers(conn, 2)
    try:
        assert readers.pool is not None
        parallel = list(_results(conn, readers, tasks))
    finally:
        readers.close()
    assert parallel == list(_results(conn, None, tasks))
    assert sum(n for table, _, n in parallel if table == "findings") == 18
    result = split_log.verify()
    assert result.ok and result.findings == 36


def test_an_edit_inside_a_chunk_is_reported_from_a_worker(split_log: AuditLog) -> None:
    raw = sqlite3.connect(split_log.path, isolation_level=None)
    raw.execute("DROP TRIGGER findings_no_update")
    raw.execute("UPDATE findings SET message = 'edited' WHERE id = 14")
    raw.execute("UPDATE findings SET message = 'edited' WHERE id IN (17, 30)")
    raw.close()
    div = split_log.verify().divergence
    assert div is not None
    assert str(div).startswith("findings id=14: row hash mismatch: the row was edited")


def test_a_deleted_row_changes_the_count_across_chunks(split_log: AuditLog) -> None:
    raw = sqlite3.connect(split_log.path, isolation_level=None)
    raw.execute("DROP TRIGGER findings_no_delete")
    raw.execute("DELETE FROM findings WHERE id = 7")
    raw.close()
    div = split_log.verify().divergence
    assert div is not None
    assert str(div).startswith("findings run_id=1: the run recorded 18 findings, the log holds 17")


def test_a_broken_worker_pool_costs_only_time(split_log: AuditLog) -> None:
    conn = split_log.conn
    task = _chunks(conn, "findings", 1)[0]
    broken: Future[Any] = Future()
    broken.set_exception(BrokenProcessPool("worker died"))
    readers = _Readers(conn, 2)
    assert _take(conn, readers, task, broken) == ("findings", *verify_rows._bulk_rows(conn, *task))
    assert readers.usable is False
