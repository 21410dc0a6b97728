"""The audit log's storage: migrations, append-only guards, the run writer, waivers."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from decaudit.engine.errors import LogError
from decaudit.engine.log import AuditLog, ci_context, current_actor
from decaudit.engine.log.actuals import ActualEntry
from decaudit.engine.log.schema import CURRENT_VERSION, LOG_TABLES
from decaudit.engine.types import WaiverRef
from test_log_support import finding, measured_source, meta, sample_log, source, write_run


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# -- migrations ----------------------------------------------------------------------------


def test_new_log_is_migrated_to_current_version_with_strict_tables(tmp_path: Path) -> None:
    with AuditLog.open(tmp_path / "a.db") as log:
        assert log.schema_version == CURRENT_VERSION == 6
        versions = log.conn.execute("SELECT version, name FROM migrations ORDER BY 1").fetchall()
        assert [v for v, _ in versions] == [1, 2, 3, 4, 5, 6]
        info = {r[1]: (r[2], r[5]) for r in log.conn.execute("PRAGMA table_list")}
        for table in LOG_TABLES:
            assert info[table] == ("table", 1), table  # a STRICT table
        assert info["findings_fts"][0] == "virtual"
        assert log.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_strict_tables_refuse_wrong_types(tmp_path: Path) -> None:
    AuditLog.open(tmp_path / "a.db").close()
    conn = raw(tmp_path / "a.db")
    with pytest.raises(sqlite3.IntegrityError, match="cannot store TEXT value in INTEGER"):
        conn.execute(
            "INSERT INTO checkpoints (id, seq, head_hash, created_at, signature, row_hash)"
            " VALUES (1, 'x', 'h', 't', 's', 'r')"
        )


def test_migration_from_version_1_keeps_rows_and_adds_search(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with AuditLog.open(path, target_version=1) as log:
        assert log.schema_version == 1
        write_run(log, [source("DEC-1")], [finding("DEC-1", message="synergies counted in full")])
        names = {r[0] for r in log.conn.execute("SELECT name FROM sqlite_master")}
        assert "findings_fts" not in names and "idx_findings_rule" not in names
    with AuditLog.open(path) as log:
        assert log.schema_version == 6
        assert log.conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 1
        hit = log.conn.execute(
            "SELECT rowid FROM findings_fts WHERE findings_fts MATCH 'synergies'"
        ).fetchall()
        assert hit == [(1,)]
        assert log.verify().ok
        # a run written after the upgrade is indexed too
        write_run(log, [source("DEC-2")], [finding("DEC-2", message="more synergies")])
        count = log.conn.execute(
            "SELECT COUNT(*) FROM findings_fts WHERE findings_fts MATCH 'synergies'"
        ).fetchone()[0]
        assert count == 2
        assert log.verify().ok


RULE_QUERY = (
    "SELECT id FROM findings WHERE rule_id COLLATE NOCASE IN (?)"
    " OR rule_name COLLATE NOCASE IN (?) ORDER BY id"
)


def _plan(conn: sqlite3.Connection) -> str:
    rows = conn.execute("EXPLAIN QUERY PLAN " + RULE_QUERY, ("x", "x")).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


def test_migration_from_version_2_indexes_the_case_insensitive_rule_filter(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v2.db"
    with AuditLog.open(path, target_version=2) as log:
        assert log.schema_version == 2
        write_run(
            log,
            [source("DEC-1"), source("DEC-2")],
            [finding("DEC-1", rule_id="ALT001"), finding("DEC-2", rule_id="BEN002")],
        )
        assert "SCAN f" in _plan(log.conn).replace("SCAN findings", "SCAN f")
        before = log.conn.execute("SELECT * FROM findings ORDER BY id").fetchall()
    with AuditLog.open(path) as log:
        assert log.schema_version == 6
        names = [r[0] for r in log.conn.execute("SELECT name FROM migrations ORDER BY version")]
        assert names[2] == "case-insensitive indexes on rule id and rule name"
        assert log.conn.execute("SELECT * FROM findings ORDER BY id").fetchall() == before
        plan = _plan(log.conn)
        assert "idx_findings_rule_nocase" in plan and "idx_findings_rule_name_nocase" in plan
        assert "SCAN" not in plan
        hits = log.conn.execute(RULE_QUERY, ("ben002", "ben002")).fetchall()
        assert hits == [(2,)]
        assert log.verify().ok
        write_run(log, [source("DEC-3")], [finding("DEC-3", rule_id="BEN002")])
        assert len(log.conn.execute(RULE_QUERY, ("Ben002", "x")).fetchall()) == 2
        assert log.verify().ok


def test_migration_6_drops_the_binary_rule_index_and_rule_queries_stay_indexed(
    tmp_path: Path,
) -> None:
    """Migration 6 drops ``findings(rule_id)`` and changes no row; ``--rule`` queries still
    read the NOCASE indexes only, the log verifies, and later runs write no such index."""
    path = tmp_path / "v5.db"
    with AuditLog.open(path, target_version=5) as log:
        write_run(
            log,
            [source("DEC-1"), source("DEC-2")],
            [finding("DEC-1", rule_id="ALT001"), finding("DEC-2", rule_id="BEN002")],
        )
        assert "idx_findings_rule" in _indexes(log.conn)
        before = {t: _rows(log.conn, t) for t in LOG_TABLES if t != "migrations"}
        assert log.verify().ok
    with AuditLog.open(path) as log:
        assert log.schema_version == 6
        assert "idx_findings_rule" not in _indexes(log.conn)
        assert {"idx_findings_rule_nocase", "idx_findings_rule_name_nocase"} <= _indexes(log.conn)
        assert {t: _rows(log.conn, t) for t in LOG_TABLES if t != "migrations"} == before
        assert "SCAN" not in _plan(log.conn)
        assert log.conn.execute(RULE_QUERY, ("ben002", "x")).fetchall() == [(2,)]
        assert log.verify().ok
        write_run(log, [source("DEC-3")], [finding("DEC-3", rule_id="BEN002")])
        assert len(log.conn.execute(RULE_QUERY, ("BEN002", "x")).fetchall()) == 2
        assert log.verify().ok
    # the migration is recorded under its row hash: an edited record of it is caught
    conn = raw(path)
    conn.execute("DROP TRIGGER migrations_no_update")
    conn.execute("UPDATE migrations SET applied_at = '2020-01-01T00:00:00Z' WHERE version = 6")
    conn.close()
    with AuditLog.open(path) as log:
        result = log.verify()
        assert not result.ok


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    AuditLog.open(path).close()
    raw(path).execute(
        "INSERT INTO migrations (version, name, applied_at, row_hash) VALUES (9, 'x', 't', 'h')"
    )
    with pytest.raises(LogError, match="schema version 9 is newer"):
        AuditLog.open(path)


def test_foreign_and_non_sqlite_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    raw(other).execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(LogError, match="not a decaudit audit log"):
        AuditLog.open(other)
    text = tmp_path / "notes.db"
    text.write_text("this is not a database, just some text " * 50)
    with pytest.raises(LogError, match=r"notes\.db: not an SQLite database"):
        AuditLog.open(text)


def test_read_open_never_creates_a_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(LogError, match="no audit log here"):
        AuditLog.open(path, create=False)
    assert not path.exists()


# -- append-only ---------------------------------------------------------------------------


@pytest.mark.parametrize("table", LOG_TABLES)
def test_update_and_delete_abort_on_every_table(tmp_path: Path, table: str) -> None:
    log = sample_log(tmp_path / "a.db")
    log.checkpoint(b"k")
    log.grant_waiver("DEC-1", "ALT001", reason="r", approver="a", expires=dt.date(2099, 1, 1))
    log.record_actuals(lambda _: [ActualEntry("DEC-1", "benefit", "B1", 5.0, "2025-06-30")])
    write_run(log, [measured_source("DEC-M")], [], meta("2026-03-06T10:00:00Z"))
    before = log.conn.execute(f"SELECT * FROM [{table}]").fetchall()
    assert before
    col = {"migrations": "name", "records": "title", "chain": "kind"}.get(table, "row_hash")
    conn = raw(tmp_path / "a.db")
    conn.execute("PRAGMA recursive_triggers = ON")
    with pytest.raises(sqlite3.IntegrityError, match=f"append-only: UPDATE on {table}"):
        conn.execute(f"UPDATE [{table}] SET [{col}] = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match=f"append-only: DELETE on {table}"):
        conn.execute(f"DELETE FROM [{table}]")
    assert conn.execute(f"SELECT * FROM [{table}]").fetchall() == before


@pytest.mark.parametrize(
    "table", ["runs", "findings", "records", "waivers", "chain", "actuals", "outcomes"]
)
def test_insert_or_replace_cannot_overwrite(tmp_path: Path, table: str) -> None:
    log = sample_log(tmp_path / "a.db")
    log.grant_waiver("DEC-1", "ALT001", reason="r", approver="a", expires=dt.date(2099, 1, 1))
    log.record_actuals(lambda _: [ActualEntry("DEC-1", "benefit", "B1", 5.0, "2025-06-30")])
    write_run(log, [measured_source("DEC-M")], [], meta("2026-03-06T10:00:00Z"))
    conn = raw(tmp_path / "a.db")
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.row_factory = sqlite3.Row
    first = dict(conn.execute(f"SELECT * FROM [{table}] LIMIT 1").fetchone())
    forged = {
        k: (v + "-forged" if isinstance(v, str) and k not in ("hash",) else v)
        for k, v in first.items()
    }
    cols = ", ".join(forged)
    marks = ", ".join("?" * len(forged))
    for verb in ("INSERT OR REPLACE", "REPLACE", "INSERT"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only: overwriting INSERT"):
            conn.execute(f"{verb} INTO [{table}] ({cols}) VALUES ({marks})", list(forged.values()))
    again = dict(conn.execute(f"SELECT * FROM [{table}] LIMIT 1").fetchone())
    assert again == first


# -- the run writer ------------------------------------------------------------------------


def test_run_rows_and_provenance(tmp_path: Path) -> None:
    log = sample_log(tmp_path / "a.db")
    conn = log.conn
    conn.row_factory = sqlite3.Row
    runs = conn.execute("SELECT * FROM runs ORDER BY id").fetchall()
    assert [r["id"] for r in runs] == [1, 2, 3]
    r2 = runs[1]
    assert r2["started_at"] == "2026-03-02T09:30:00Z"
    assert r2["command"] == "decaudit check decisions/ --fail-on medium"
    assert (r2["tool_version"], r2["ruleset_digest"], r2["config_digest"], r2["input_digest"]) == (
        "0.1.0",
        "ruleset-digest",
        "config-digest",
        "input-digest",
    )
    assert r2["actor"] == "alice"
    assert json.loads(r2["ci"]) == {"CI": "true", "GITHUB_SHA": "abc123"}
    assert (r2["record_count"], r2["finding_count"], r2["exit_status"]) == (3, 2, 1)
    chain = conn.execute("SELECT seq, kind, run_id FROM chain ORDER BY seq").fetchall()
    assert [tuple(c) for c in chain] == [(1, "run", 1), (2, "run", 2), (3, "run", 3)]


def test_records_are_stored_once_per_distinct_content(tmp_path: Path) -> None:
    log = sample_log(tmp_path / "a.db")
    rows = log.conn.execute(
        "SELECT hash, decision_id, title, canonical, first_run_id FROM records"
        " ORDER BY first_run_id, decision_id"
    ).fetchall()
    # DEC-1..3 first seen in run 1; run 2 audited the same content; run 3 a revised DEC-1
    assert [(r[1], r[4]) for r in rows] == [("DEC-1", 1), ("DEC-2", 1), ("DEC-3", 1), ("DEC-1", 3)]
    for digest, _, _, canonical, _ in rows:
        assert hashlib.sha256(canonical.encode()).hexdigest() == digest
    src = source("DEC-2")
    expected = json.dumps(
        src.record.model_dump(mode="json", exclude_none=True),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert expected in [r[3] for r in rows]
    per_run = log.conn.execute(
        "SELECT run_id, COUNT(*) FROM run_records GROUP BY run_id ORDER BY run_id"
    ).fetchall()
    assert per_run == [(1, 3), (2, 3), (3, 1)]


def test_findings_link_to_their_record_and_keep_every_field(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    log = AuditLog.open(path)
    live = WaiverRef("log", "deferred to review", "Board", "2026-12-31", waiver_id=None)
    gone = WaiverRef("record", "old reason", None, "2026-01-31")
    with log.writer() as w:
        h1 = w.add_record(source("DEC-1"))
        w.add_finding(finding("DEC-1", waiver=live), "d1")
        h2 = w.add_record(source("DEC-2"))
        w.add_finding(finding("DEC-2", expired=gone, line=9), "d2")
        w.add_finding(finding("DEC-1", "BEN002", severity="low"), "d3")  # not the last record
        w.add_finding(finding("PORTFOLIO", "INC004"), "d4")  # no record of that id
        w.commit(meta())
    conn = log.conn
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM findings ORDER BY id").fetchall()
    assert [r["record_hash"] for r in rows] == [h1, h2, h1, None]
    assert (
        rows[0]["waived"],
        rows[0]["waiver_source"],
        rows[0]["waiver_reason"],
        rows[0]["waiver_approver"],
        rows[0]["waiver_expires"],
    ) == (1, "log", "deferred to review", "Board", "2026-12-31")
    assert (rows[1]["waived"], rows[1]["expired_waiver_until"], rows[1]["line"]) == (
        0,
        "2026-01-31",
        9,
    )
    assert json.loads(rows[0]["evidence"]) == {"count": 3, "kinds": ["incremental"]}
    assert rows[0]["fingerprint"] == finding("DEC-1").fingerprint
    assert rows[2]["rule_digest"] == "d3"


def test_abort_and_unfinished_writers_leave_nothing(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "a.db")
    w = log.writer()
    w.add_record(source("DEC-1"))
    w.add_finding(finding("DEC-1"), "d")
    w.abort()
    w.abort()  # idempotent
    with log.writer() as w2:
        w2.add_record(source("DEC-2"))
    with pytest.raises(RuntimeError), log.writer() as w3:
        w3.add_record(source("DEC-3"))
        raise RuntimeError("crash in the middle of a run")
    for table in ("runs", "records", "run_records", "findings", "chain"):
        assert log.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    with pytest.raises(LogError, match="already committed or aborted"):
        w.add_record(source("DEC-1"))
    run_id = write_run(log, [source("DEC-1")], [])
    assert run_id == 1
    assert log.verify().ok


def test_writer_memory_stays_flat(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "a.db")
    src = source("DEC-1")

    def peak(n: int) -> int:
        tracemalloc.start()
        with log.writer() as w:
            for i in range(n):
                w.add_record(src if i % 2 else source(f"DEC-{i}"))
                w.add_finding(finding(f"DEC-{i}"), "d")
            w.commit(meta())
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(300), peak(3_000)
    assert large < small * 3 + 1_000_000, (small, large)
    assert log.conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 3_300
    assert log.verify().ok


def test_timestamps_are_normalised_to_utc(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "a.db")
    write_run(log, [], [], meta("2026-03-01T12:00:00+02:00", finished="2026-03-01T10:00:05"))
    row = log.conn.execute("SELECT started_at, finished_at FROM runs").fetchone()
    assert row == ("2026-03-01T10:00:00Z", "2026-03-01T10:00:05Z")
    with pytest.raises(LogError, match="invalid started_at"):
        write_run(log, [], [], meta("yesterday"))


def test_ci_context_and_actor() -> None:
    env = {
        "CI": "true",
        "GITHUB_SHA": "abc",
        "GITHUB_REF": "refs/heads/main",
        "AWS_SECRET": "s",
        "CI_COMMIT_SHA": "def",
        "GITHUB_RUN_ID": "",
        "HOME": "/root",
    }
    assert ci_context(env) == {
        "CI": "true",
        "GITHUB_SHA": "abc",
        "GITHUB_REF": "refs/heads/main",
        "CI_COMMIT_SHA": "def",
    }
    assert current_actor({"GITHUB_ACTOR": "octocat"}) == "octocat"
    assert current_actor({"DECAUDIT_ACTOR": "bot", "GITHUB_ACTOR": "octocat"}) == "bot"
    assert current_actor({}) != ""


# -- waivers -------------------------------------------------------------------------------


def test_waivers_live_expired_revoked(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "a.db")
    today = dt.date(2026, 6, 1)
    a = log.grant_waiver(
        "DEC-1",
        "ALT001",
        reason="deferred",
        approver="Board",
        expires=dt.date(2026, 6, 30),
        today=today,
    )
    b = log.grant_waiver(
        "DEC-2", "BEN002", reason="pilot", approver=None, expires=dt.date(2026, 6, 1), today=today
    )
    c = log.grant_waiver(
        "DEC-3", "ALT001", reason="x", approver="Y", expires=dt.date(2027, 1, 1), today=today
    )
    revocation = log.revoke_waiver(c, reason="review done")
    assert (a, b, c, revocation) == (1, 2, 3, 4)
    live = log.live_waivers(today)
    assert [(w.id, w.decision_id, w.rule_id, w.reason, w.approver, w.expires) for w in live] == [
        (1, "DEC-1", "ALT001", "deferred", "Board", dt.date(2026, 6, 30)),
        (2, "DEC-2", "BEN002", "pilot", None, dt.date(2026, 6, 1)),  # expiry is inclusive
    ]
    later = dt.date(2026, 6, 2)
    assert [w.id for w in log.live_waivers(later)] == [1]
    assert [w.id for w in log.expired_waivers(later)] == [2]
    statuses = {w.id: w.status(later) for w in log.waivers()}
    assert statuses == {1: "live", 2: "expired", 3: "revoked"}
    kinds = log.conn.execute("SELECT kind, waiver_id FROM chain ORDER BY seq").fetchall()
    assert kinds == [("waiver", 1), ("waiver", 2), ("waiver", 3), ("waiver", 4)]
    assert log.verify().ok


def test_waiver_errors(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "a.db")
    today = dt.date(2026, 6, 1)
    with pytest.raises(LogError, match="in the past"):
        log.grant_waiver(
            "DEC-1", "ALT001", reason="r", approver="a", expires=dt.date(2026, 5, 31), today=today
        )
    with pytest.raises(LogError, match="needs a reason"):
        log.grant_waiver(
            "DEC-1", "ALT001", reason="  ", approver="a", expires=dt.date(2026, 7, 1), today=today
        )
    with pytest.raises(LogError, match="no waiver 7"):
        log.revoke_waiver(7, reason="r")
    w = log.grant_waiver(
        "DEC-1", "ALT001", reason="r", approver="a", expires=dt.date(2026, 7, 1), today=today
    )
    rv = log.revoke_waiver(w, reason="done")
    with pytest.raises(LogError, match="already revoked"):
        log.revoke_waiver(w, reason="again")
    with pytest.raises(LogError, match="is itself a revocation"):
        log.revoke_waiver(rv, reason="again")
    assert log.conn.execute("SELECT COUNT(*) FROM waivers").fetchone()[0] == 2


def test_hashes_follow_the_documented_formulas(tmp_path: Path) -> None:
    """docs/audit-log.md "Hashes": recomputed here from first principles, with hashlib."""

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def canon(value: object) -> str:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    log = AuditLog.open(tmp_path / "a.db")
    write_run(log, [source("DEC-1")], [finding("DEC-1")])
    conn = log.conn
    conn.row_factory = sqlite3.Row
    run = dict(conn.execute("SELECT * FROM runs").fetchone())
    body = {k: v for k, v in run.items() if k not in ("id", "row_hash") and v is not None}
    run_hash = sha("\x1f".join(["runs", "1", sha(canon(body))]))
    assert run["row_hash"] == run_hash

    f = dict(conn.execute("SELECT * FROM findings").fetchone())
    body = {k: v for k, v in f.items() if k not in ("id", "run_id", "row_hash") and v is not None}
    assert f["row_hash"] == sha("\x1f".join(["findings", "1", "1", sha(canon(body))]))

    rec = dict(conn.execute("SELECT * FROM records").fetchone())
    skip = ("hash", "first_run_id", "row_hash")
    body = {k: v for k, v in rec.items() if k not in skip and v is not None}
    rec_hash = sha("\x1f".join(["records", rec["hash"], "1", sha(canon(body))]))
    assert rec["row_hash"] == rec_hash
    rr = dict(conn.execute("SELECT * FROM run_records").fetchone())

    content = sha(
        "kind:run\n"
        f"runs:{run_hash}\n"
        f"run_records:{rr['row_hash']}\n"
        f"records:{rec_hash}\n"
        f"findings:{f['row_hash']}\n"
    )
    entry = dict(conn.execute("SELECT * FROM chain").fetchone())
    assert entry["content_hash"] == content
    assert entry["prev_hash"] == "0" * 64
    assert entry["entry_hash"] == sha(f"decaudit-chain-v1\n{'0' * 64}\n1\n{content}")


def test_migration_from_version_4_keeps_the_track_record_of_the_history(tmp_path: Path) -> None:
    """Migration 5 computes the outcomes of the decisions already logged, under one chain
    entry of kind ``outcomes``; the log verifies before and after, and the track record it
    keeps equals the one read from the whole history."""
    from decaudit.engine.history import track_records, track_records_from_history

    path = tmp_path / "v4.db"
    with AuditLog.open(path, target_version=4) as log:
        srcs = [measured_source(f"DEC-{i}", ratio=i / 10) for i in range(1, 5)]
        write_run(log, [*srcs, source("DEC-9")], [], meta("2026-03-01T10:00:00Z"))
        log.record_actuals(lambda _: [ActualEntry("DEC-1", "benefit", "B1", 90.0, "2026-06-30")])
        assert log.verify().ok
        before = track_records_from_history(log.conn, 1)
    with AuditLog.open(path) as log:
        assert log.schema_version == 6
        kinds = [r[0] for r in log.conn.execute("SELECT kind FROM chain ORDER BY seq")]
        assert kinds == ["run", "actuals", "outcomes"]
        assert log.conn.execute("SELECT COUNT(DISTINCT decision_id) FROM outcomes").fetchone() == (
            4,
        )
        assert log.verify().ok
        assert track_records(log.conn, 1) == before
        assert before["it-system"].ratio == 0.35  # DEC-1 at 0.9 with its recorded figure
        write_run(log, [measured_source("DEC-5", ratio=0.5)], [], meta("2026-03-02T10:00:00Z"))
        assert log.verify().ok
        assert track_records(log.conn, 1) == track_records_from_history(log.conn, 1)
