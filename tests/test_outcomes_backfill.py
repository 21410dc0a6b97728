"""Migration 5 on an older log: the track record computed from the history, streamed in SQL
(only the decisions that can be measured are decoded), is row for row what decoding every
logged record gives; a big history is announced on stderr before the one-time upgrade."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from decaudit.engine.log import AuditLog, store
from decaudit.engine.log.actuals import ActualEntry
from decaudit.engine.log.hashing import ContentHash
from decaudit.engine.log.outcomes import _Batch
from decaudit.engine.log.read import latest_snapshots
from decaudit.engine.log.schema import _migration_5
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_track_record_log import IDS, a_record, figure, write_run

history = st.lists(
    st.one_of(
        st.tuples(st.just("run"), st.lists(a_record, min_size=1, max_size=6)),
        st.tuples(st.just("actuals"), st.lists(figure, min_size=1, max_size=3)),
    ),
    min_size=1,
    max_size=6,
)


def write_v4(path: Path, events: list[tuple[str, Any]]) -> None:
    log = AuditLog.open(path, target_version=4)
    try:
        for n, (kind, items) in enumerate(events):
            if kind == "run":
                write_run(log, items, n)
                continue
            audited = {r[0] for r in log.conn.execute("SELECT decision_id FROM records")}
            entries = [
                ActualEntry(did, "benefit", item, value, f"2026-02-{1 + n:02d}")
                for did, item, value in items
                if did in audited
            ]
            log.record_actuals(lambda _, e=entries: e)  # type: ignore[misc]
    finally:
        log.close()


def reference_fill(path: Path) -> tuple[list[Any], str]:
    """The former migration 5: decode every decision's latest record, in decision order."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        _migration_5(sqlite_utils.Database(conn))
        content = ContentHash("outcomes")
        batch = _Batch(conn, content)
        for snap in latest_snapshots(conn):
            batch.add(snap.decision_id, snap.record)
        rows = conn.execute("SELECT * FROM outcomes ORDER BY id").fetchall()
        conn.execute("ROLLBACK")
        return rows, content.hexdigest()
    finally:
        conn.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history)
def test_the_streamed_backfill_writes_what_decoding_every_record_writes(
    events: list[tuple[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.db"
        write_v4(path, events)
        shutil.copy(path, Path(tmp) / "ref.db")
        want_rows, want_content = reference_fill(Path(tmp) / "ref.db")
        log = AuditLog.open(path)
        try:
            got = log.conn.execute("SELECT * FROM outcomes ORDER BY id").fetchall()
            entry = log.conn.execute(
                "SELECT content_hash FROM chain WHERE kind = 'outcomes'"
            ).fetchone()
            assert got == want_rows
            assert (entry[0] if entry else ContentHash("outcomes").hexdigest()) == want_content
            assert log.verify().ok
        finally:
            log.close()


def test_a_measured_decision_whose_record_has_no_realized_figure_is_kept(tmp_path: Path) -> None:
    """Figures recorded with ``decaudit actuals`` make a decision measured even though its
    logged record never mentions a realized figure."""
    rec = {
        "id": IDS[0],
        "title": "Build",
        "project_type": "it-system",
        "options": [
            {
                "title": "Build it",
                "chosen": True,
                "business_case": {"benefits": [{"id": "b0", "projected": 100.0}]},
            }
        ],
    }
    write_v4(tmp_path / "audit.db", [("run", [rec]), ("actuals", [(IDS[0], "b0", 40.0)])])
    log = AuditLog.open(tmp_path / "audit.db")
    try:
        rows = log.conn.execute(
            "SELECT decision_id, projected, realized, ratio FROM outcomes"
            " WHERE benefit_type IS NULL"
        ).fetchall()
        assert rows == [(IDS[0], 100.0, 40.0, 0.4)]
    finally:
        log.close()


def test_a_big_history_is_announced_before_the_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recs = [{"id": f"D-{i}", "title": "t"} for i in range(5)]
    write_v4(tmp_path / "small.db", [("run", recs)])
    write_v4(tmp_path / "big.db", [("run", recs)])
    monkeypatch.setattr(store, "BIG_HISTORY", 5)
    AuditLog.open(tmp_path / "big.db").close()
    err = capsys.readouterr().err
    assert "big.db: upgrading the audit log to schema version 6, once" in err
    assert "from 5 audited records" in err
    AuditLog.open(tmp_path / "big.db").close()  # already upgraded: nothing to say
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(store, "BIG_HISTORY", 6)
    AuditLog.open(tmp_path / "small.db").close()
    assert capsys.readouterr().err == ""
