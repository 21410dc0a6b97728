"""The run writer's bulk path (rows encoded ahead, inserted in batches straight into the
log's tables, keyed hash in Python) stores exactly the row hashes of the reference algorithm."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from decaudit.engine.log import AuditLog
from decaudit.engine.log.hashing import BodyHasher, body_hash, row_hash
from decaudit.engine.log.schema import HASHED_TABLES, PRIMARY_KEYS
from decaudit.engine.types import WaiverRef
from hypothesis import given, settings
from hypothesis import strategies as st
from test_log_support import finding, meta, source, write_run

COLUMNS = ("id", "run_id", "b", "a", "row_hash", "é", "c")
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.dates(),
)


@settings(max_examples=300, deadline=None)
@given(st.tuples(*(scalar for _ in COLUMNS)))
def test_body_hasher_is_body_hash(values: tuple[Any, ...]) -> None:
    hasher = BodyHasher("findings", COLUMNS)
    assert hasher(values) == body_hash("findings", dict(zip(COLUMNS, values, strict=True)))


def _reference_mismatches(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    bad = []
    for table in HASHED_TABLES:
        for row in conn.execute(f"SELECT * FROM [{table}]"):
            d = dict(row)
            if d["row_hash"] != row_hash(table, d):
                bad.append(f"{table} {d[PRIMARY_KEYS[table]]}")
    conn.close()
    return bad


def test_stored_hashes_are_the_reference_hashes(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    log = AuditLog.open(path)
    wid = log.grant_waiver(
        "DEC-2",
        "ALT001",
        reason="ok",
        approver="board",
        expires=dt.date(2099, 1, 1),
        today=dt.date(2026, 1, 1),
    )
    texts = ['q " \\ ,"x":null', "ctl \x00\x1f\x7f\n", "漢字 é \u2028 😀", ""]
    srcs = [source(f"DEC-{i}", title=t or "t") for i, t in enumerate(texts, start=1)]
    waiver = WaiverRef(waiver_id=wid, source="log", reason="ok", approver=None, expires="2099")
    found = [
        finding(f"DEC-{i}", message=t or "m", waiver=waiver if i == 2 else None, line=i)
        for i, t in enumerate(texts, start=1)
    ]
    run1 = write_run(log, srcs, found)
    # run 2: the same records (already stored) plus a new one, findings numbered after run 1
    run2 = write_run(log, [*srcs, source("DEC-9")], [*found, finding("DEC-9")], meta())
    assert (run1, run2) == (1, 2)
    assert log.conn.execute("SELECT run_id, COUNT(*) FROM findings GROUP BY 1").fetchall() == [
        (1, 4),
        (2, 5),
    ]
    ids = [r[0] for r in log.conn.execute("SELECT id FROM findings ORDER BY id")]
    assert ids == list(range(1, 10))
    rr = [r[0] for r in log.conn.execute("SELECT id FROM run_records ORDER BY id")]
    assert rr == list(range(1, 10))
    assert log.conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 5
    first = log.conn.execute("SELECT decision_id, first_run_id FROM records ORDER BY 1")
    assert first.fetchall() == [
        ("DEC-1", 1),
        ("DEC-2", 1),
        ("DEC-3", 1),
        ("DEC-4", 1),
        ("DEC-9", 2),
    ]
    assert _reference_mismatches(path) == []
    assert log.verify().ok
    log.close()


def test_a_large_run_inserts_in_batches_and_commits_whole(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    log = AuditLog.open(path)
    n = 1700  # more than the insert buffer
    write_run(
        log,
        [source(f"DEC-{i}") for i in range(n)],
        [finding(f"DEC-{i}", line=i + 1) for i in range(n) for _ in range(2)],
    )
    got = log.conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT record_hash), MIN(id), MAX(id) FROM findings"
    ).fetchone()
    assert got == (2 * n, n, 1, 2 * n)
    # each finding points at its own record's snapshot
    wrong = log.conn.execute(
        "SELECT COUNT(*) FROM findings f JOIN records r ON r.hash = f.record_hash"
        " WHERE r.decision_id != f.decision_id"
    ).fetchone()[0]
    assert wrong == 0
    assert log.verify().ok
    log.close()
    assert _reference_mismatches(path) == []


def test_the_search_index_is_filled_for_every_run(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "audit.db")
    write_run(log, [source("DEC-1")], [finding("DEC-1", message="alpha first run")])
    write_run(log, [source("DEC-2")], [])  # a run without findings adds nothing
    write_run(
        log,
        [source("DEC-3")],
        [finding("DEC-3", message="zebra crossing"), finding("DEC-1", message="alpha again")],
    )
    conn = log.conn
    assert conn.execute("SELECT COUNT(*) FROM findings_fts").fetchone()[0] == 3
    hits = conn.execute(
        "SELECT f.run_id, f.message FROM findings_fts JOIN findings f ON f.id = findings_fts.rowid"
        " WHERE findings_fts MATCH 'alpha' ORDER BY f.id"
    ).fetchall()
    assert hits == [(1, "alpha first run"), (3, "alpha again")]
    assert conn.execute(
        "SELECT rowid FROM findings_fts WHERE findings_fts MATCH 'zebra'"
    ).fetchall()
    assert log.verify().ok
    log.close()


def test_a_finding_after_other_records_points_at_its_own_record(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "audit.db")
    with log.writer() as w:
        h1 = w.add_record(source("DEC-1"))
        for i in range(2, 700):  # more than one insert batch in between
            w.add_record(source(f"DEC-{i}"))
        w.add_finding(finding("DEC-1"), "d")
        w.add_finding(finding("NOPE"), "d")
        w.commit(meta())
    got = log.conn.execute("SELECT decision_id, record_hash FROM findings ORDER BY id").fetchall()
    assert got == [("DEC-1", h1), ("NOPE", None)]
    assert log.verify().ok
    log.close()


def test_lookups_between_buffered_findings_keep_every_row_in_order(tmp_path: Path) -> None:
    """Findings logged by lookup (held for a folder) come between findings encoded ahead,
    across more than one insert batch: each points at its record (the same file first,
    else the latest), ids follow the order they came in, and every stored hash is the
    reference hash."""
    path = tmp_path / "audit.db"
    log = AuditLog.open(path)
    with log.writer() as w:
        hashes = {}
        for i in range(1200):
            hashes[f"DEC-{i}"] = w.add_record(source(f"DEC-{i}"))
            w.add_finding(finding(f"DEC-{i}", line=1), "d")  # the record just added
            if i % 3 == 0 and i >= 5:  # an earlier record, possibly still in the buffer
                w.add_finding(finding(f"DEC-{i - 5}", "BEN002", line=2), "d")
        w.add_record(source("DEC-7", file="other/DEC-7.yaml", title="another file"))
        w.add_record(source("DEC-X"))
        w.add_finding(finding("DEC-7", "GOV001"), "d")  # its file: decisions/DEC-7.yaml
        w.commit(meta())
    rows = log.conn.execute(
        "SELECT id, decision_id, rule_id, record_hash FROM findings ORDER BY id"
    ).fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    expected = []
    for i in range(1200):
        expected.append((f"DEC-{i}", "ALT001", hashes[f"DEC-{i}"]))
        if i % 3 == 0 and i >= 5:
            expected.append((f"DEC-{i - 5}", "BEN002", hashes[f"DEC-{i - 5}"]))
    expected.append(("DEC-7", "GOV001", hashes["DEC-7"]))  # its own file's record, not the later
    assert [r[1:] for r in rows] == expected
    assert log.verify().ok
    log.close()
    assert _reference_mismatches(path) == []


def test_a_record_audited_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    """The same content twice in one insert batch, and again after a full batch, is one
    ``records`` row (the first); a content an earlier run stored is not stored again."""
    path = tmp_path / "audit.db"
    log = AuditLog.open(path)
    write_run(log, [source("DEC-OLD")], [])
    twice = [source("DEC-1"), source("DEC-2"), source("DEC-1", file="copy/DEC-1.yaml")]
    filler = [source(f"DEC-F{i}") for i in range(600)]  # more than one batch
    write_run(log, [*twice, source("DEC-OLD"), *filler, source("DEC-2")], [])
    stored = log.conn.execute(
        "SELECT decision_id, first_run_id FROM records WHERE decision_id NOT LIKE 'DEC-F%'"
        " ORDER BY rowid"
    ).fetchall()
    assert stored == [("DEC-OLD", 1), ("DEC-1", 2), ("DEC-2", 2)]
    assert log.conn.execute("SELECT COUNT(*) FROM run_records WHERE run_id = 2").fetchone() == (
        605,
    )
    assert log.verify().ok
    log.close()
    assert _reference_mismatches(path) == []


def test_the_writer_runs_with_a_larger_page_cache_and_other_connections_keep_theirs(
    tmp_path: Path,
) -> None:
    """The run writer's connection holds a 16 MB page cache for the run (a big run spills
    far less to the WAL); the log's other connections keep SQLite's default."""
    with AuditLog.open(tmp_path / "a.db") as log:
        writer = log.writer()
        try:
            assert writer._live().execute("PRAGMA cache_size").fetchone()[0] == -16 * 1024
        finally:
            writer.abort()
        assert log.conn.execute("PRAGMA cache_size").fetchone()[0] == -2000
