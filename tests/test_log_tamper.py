"""Tampering with the log file directly (the attack: raw sqlite3 with the triggers dropped)
and what ``verify`` and checkpoints detect."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from decaudit.engine.errors import LogError
from decaudit.engine.log import AuditLog, load_checkpoint, log_key
from decaudit.engine.log.hashing import GENESIS, entry_hash, row_hash
from decaudit.engine.log.schema import HASHED_TABLES, LOG_TABLES, PRIMARY_KEYS, _append_only_sql
from decaudit.engine.log.verify import _run_content, _waiver_content
from test_log_support import finding, meta, sample_log, source, write_run

KEY = b"test-key"


def attacker(path: Path) -> sqlite3.Connection:
    """A raw connection with every append-only trigger dropped."""
    conn = sqlite3.connect(path, isolation_level=None)
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            " AND name LIKE '%\\_no\\_%' ESCAPE '\\'"
        )
    ]
    for name in names:
        conn.execute(f"DROP TRIGGER [{name}]")
    return conn


def restore_triggers(conn: sqlite3.Connection) -> None:
    for table in LOG_TABLES:
        conn.executescript(_append_only_sql(table))


def rehash_rows(conn: sqlite3.Connection, table: str) -> None:
    conn.row_factory = sqlite3.Row
    pk = PRIMARY_KEYS[table]
    for row in conn.execute(f"SELECT * FROM [{table}]").fetchall():
        d = dict(row)
        conn.execute(
            f"UPDATE [{table}] SET row_hash = ? WHERE [{pk}] = ?", (row_hash(table, d), d[pk])
        )
    conn.row_factory = None


def rewrite_everything(conn: sqlite3.Connection) -> None:
    """A consistent rewrite: every row hash, content hash and chain link recomputed."""
    for table in HASHED_TABLES:
        rehash_rows(conn, table)
    prev = GENESIS
    for seq, kind, run_id, waiver_id in conn.execute(
        "SELECT seq, kind, run_id, waiver_id FROM chain ORDER BY seq"
    ).fetchall():
        content = (
            _run_content(conn, seq, run_id)
            if kind == "run"
            else _waiver_content(conn, seq, waiver_id)
        )
        entry = entry_hash(prev, seq, content)
        conn.execute(
            "UPDATE chain SET prev_hash = ?, content_hash = ?, entry_hash = ? WHERE seq = ?",
            (prev, content, entry, seq),
        )
        prev = entry


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    log = sample_log(path)
    log.grant_waiver(
        "DEC-2", "ALT001", reason="deferred", approver="Board", expires=dt.date(2099, 1, 1)
    )
    log.close()
    return path


def verify(path: Path):  # type: ignore[no-untyped-def]
    with AuditLog.open(path, create=False) as log:
        return log.verify()


def divergence(path: Path) -> str:
    result = verify(path)
    assert not result.ok
    return str(result.divergence)


def test_intact_log_verifies(db: Path) -> None:
    result = verify(db)
    assert result.ok and result.divergence is None
    assert (result.runs, result.findings, result.waivers, result.head_seq) == (3, 6, 1, 4)
    conn = sqlite3.connect(db)
    assert (
        result.head_hash == conn.execute("SELECT entry_hash FROM chain WHERE seq = 4").fetchone()[0]
    )


def test_empty_log_verifies(tmp_path: Path) -> None:
    with AuditLog.open(tmp_path / "e.db") as log:
        result = log.verify()
    assert result.ok and (result.runs, result.head_seq, result.head_hash) == (0, 0, GENESIS)


def test_edited_finding_message(db: Path) -> None:
    attacker(db).execute("UPDATE findings SET message = 'all good' WHERE id = 2")
    text = divergence(db)
    assert text.startswith("findings id=2: row hash mismatch: the row was edited")


def test_edited_finding_with_its_row_hash_recomputed(db: Path) -> None:
    conn = attacker(db)
    conn.execute("UPDATE findings SET severity = 'info' WHERE id = 4")
    rehash_rows(conn, "findings")
    text = divergence(db)
    assert text.startswith("chain seq=2: content hash does not match the rows of run 2")


def test_deleted_finding(db: Path) -> None:
    attacker(db).execute("DELETE FROM findings WHERE id = 2")
    assert divergence(db) == (
        "findings run_id=1: the run recorded 3 findings, the log holds 2 (rows deleted)"
    )


def test_inserted_finding(db: Path) -> None:
    conn = attacker(db)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM findings WHERE id = 4").fetchone())
    row["id"] = 99
    row["message"] = "a finding slipped in later"
    row["row_hash"] = row_hash("findings", row)
    conn.execute(
        f"INSERT INTO findings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    assert divergence(db) == (
        "findings run_id=2: the run recorded 2 findings, the log holds 3 (rows added)"
    )


def test_renumbered_runs(db: Path) -> None:
    attacker(db).execute("UPDATE runs SET id = id + 100")
    assert divergence(db) == (
        "runs id=1: missing (chain seq 1 records this run): deleted or renumbered"
    )


def test_swapped_runs_with_rehashed_rows(db: Path) -> None:
    conn = attacker(db)
    conn.execute("UPDATE runs SET id = -1 WHERE id = 1")
    conn.execute("UPDATE runs SET id = 1 WHERE id = 2")
    conn.execute("UPDATE runs SET id = 2 WHERE id = -1")
    rehash_rows(conn, "runs")
    # run 1's row now carries run 2's finding count
    assert divergence(db) == (
        "findings run_id=1: the run recorded 2 findings, the log holds 3 (rows added)"
    )


def test_reordered_chain_entries(db: Path) -> None:
    conn = attacker(db)
    conn.execute("UPDATE chain SET seq = -1 WHERE seq = 1")
    conn.execute("UPDATE chain SET seq = 1 WHERE seq = 2")
    conn.execute("UPDATE chain SET seq = 2 WHERE seq = -1")
    assert divergence(db).startswith("chain seq=1: prev_hash ")


def test_deleted_chain_entry_in_the_middle(db: Path) -> None:
    attacker(db).execute("DELETE FROM chain WHERE seq = 2")
    assert divergence(db) == "chain seq=3: expected seq 2: entries were deleted or renumbered"


def test_deleted_run_in_the_middle(db: Path) -> None:
    conn = attacker(db)
    for sql in (
        "DELETE FROM findings WHERE run_id = 2",
        "DELETE FROM run_records WHERE run_id = 2",
        "DELETE FROM runs WHERE id = 2",
    ):
        conn.execute(sql)
    assert divergence(db).startswith("runs id=2: missing")


def test_edited_waiver_expiry(db: Path) -> None:
    attacker(db).execute("UPDATE waivers SET expires = '2199-01-01'")
    assert divergence(db).startswith("waivers id=1: row hash mismatch")


def test_edited_record_snapshot(db: Path) -> None:
    conn = attacker(db)
    conn.execute("UPDATE records SET canonical = replace(canonical, 'Decision', 'Choice')")
    rehash_rows(conn, "records")
    assert "the snapshot does not match its hash" in divergence(db)


def test_edited_migration_row(db: Path) -> None:
    attacker(db).execute("UPDATE migrations SET applied_at = '2000-01-01T00:00:00Z'")
    assert divergence(db).startswith("migrations version=1: row hash mismatch")


def test_dropped_triggers_alone(db: Path) -> None:
    attacker(db)
    assert divergence(db) == (
        "migrations (schema): append-only trigger migrations_no_update is missing: "
        "the log can be edited"
    )


def test_row_outside_any_run(db: Path) -> None:
    conn = attacker(db)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM runs WHERE id = 3").fetchone())
    row["id"] = 4
    row["row_hash"] = row_hash("runs", row)
    conn.execute(
        f"INSERT INTO runs ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    restore_triggers(conn)
    assert divergence(db).startswith("runs id=4: not covered by any chain entry")


# -- truncation and rewrite: undetectable without a checkpoint, detected with one ----------


def cut_tail(path: Path) -> None:
    """Remove the newest chain entry (the waiver) and the newest run with all its rows."""
    conn = attacker(path)
    for sql in (
        "DELETE FROM chain WHERE seq >= 3",
        "DELETE FROM waivers",
        "DELETE FROM findings WHERE run_id = 3",
        "DELETE FROM run_records WHERE run_id = 3",
        "DELETE FROM records WHERE first_run_id = 3",
        "DELETE FROM runs WHERE id = 3",
    ):
        conn.execute(sql)
    restore_triggers(conn)


def take_checkpoint(path: Path):  # type: ignore[no-untyped-def]
    with AuditLog.open(path) as log:
        return log.checkpoint(KEY)


def check(path: Path, cp) -> str | None:  # type: ignore[no-untyped-def]
    with AuditLog.open(path) as log:
        assert log.verify().ok
        div = log.check_checkpoint(cp, KEY)
    return None if div is None else str(div)


def test_cut_off_tail(db: Path) -> None:
    cp = take_checkpoint(db)
    assert cp.seq == 4
    cut_tail(db)
    assert verify(db).ok  # NOT detectable without a checkpoint: documented
    text = check(db, cp)
    assert text is not None and text.startswith(
        "chain seq=4: missing: the log ends at seq 2 but the checkpoint of"
    )
    assert text.endswith("the newest entries were cut off")


def test_full_rewrite(db: Path) -> None:
    cp = take_checkpoint(db)
    conn = attacker(db)
    conn.execute("UPDATE findings SET message = 'nothing to see' WHERE id = 1")
    rewrite_everything(conn)
    restore_triggers(conn)
    assert verify(db).ok  # a consistent rewrite is NOT detectable without a checkpoint
    text = check(db, cp)
    assert text is not None and text.startswith("chain seq=4: entry hash ")
    assert text.endswith("the log was rewritten")


def test_checkpoint_survives_appends_and_rejects_forgery(db: Path) -> None:
    cp = take_checkpoint(db)
    with AuditLog.open(db) as log:
        write_run(log, [source("DEC-9")], [finding("DEC-9")], meta("2026-04-01T00:00:00Z"))
        assert log.conn.execute("SELECT COUNT(*) FROM checkpoints").fetchone()[0] == 1
    assert check(db, cp) is None
    with AuditLog.open(db) as log:
        wrong = log.check_checkpoint(cp, b"another key")
        forged = log.check_checkpoint(
            type(cp)(cp.seq + 1, cp.head_hash, cp.created_at, cp.signature), KEY
        )
    assert wrong is not None and "signature does not match" in str(wrong)
    assert forged is not None and "signature does not match" in str(forged)


def test_checkpoint_file_round_trip_and_errors(db: Path, tmp_path: Path) -> None:
    cp = take_checkpoint(db)
    f = tmp_path / "cp.json"
    f.write_text(cp.to_json())
    assert load_checkpoint(f) == cp
    f.write_text('{"seq": 1,\n "head_hash": ')
    with pytest.raises(LogError, match=r"cp\.json:2: not a checkpoint file"):
        load_checkpoint(f)
    f.write_text('{"seq": "1", "head_hash": "h", "created_at": "t", "signature": "s"}')
    with pytest.raises(LogError, match="'seq' must be a whole number"):
        load_checkpoint(f)
    f.write_text('{"seq": 1}')
    with pytest.raises(LogError, match="missing 'head_hash'"):
        load_checkpoint(f)


def test_key_is_required() -> None:
    with pytest.raises(LogError, match="DECAUDIT_LOG_KEY is not set"):
        log_key({})
    assert log_key({"DECAUDIT_LOG_KEY": "s3cret"}) == b"s3cret"


def test_dropped_table(db: Path) -> None:
    attacker(db).execute("DROP TABLE checkpoints")
    assert divergence(db) == "checkpoints (schema): the table is missing (dropped)"


def test_dropped_column(db: Path) -> None:
    conn = attacker(db)
    conn.execute("DROP INDEX idx_findings_rule_name_nocase")  # the index on the column
    conn.execute("ALTER TABLE findings DROP COLUMN rule_name")
    assert divergence(db).startswith("findings id=1: row hash mismatch")


def test_edited_chain_metadata(db: Path) -> None:
    attacker(db).execute("UPDATE chain SET created_at = '1999-01-01T00:00:00Z' WHERE seq = 2")
    assert divergence(db) == (
        "chain seq=2: created_at '1999-01-01T00:00:00Z' is not the time of run 2: "
        "the entry was edited"
    )


def test_chain_entry_pointing_at_two_things(db: Path) -> None:
    attacker(db).execute("UPDATE chain SET waiver_id = 1 WHERE seq = 1")
    assert divergence(db) == ("chain seq=1: malformed entry (kind 'run', run_id 1, waiver_id 1)")
