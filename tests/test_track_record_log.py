"""The track record kept in the log (table ``outcomes``, migration 5): it gives exactly what
reading every logged record gives, stays chained and verified, and a check reads it only for
the project types of its input and only when a rule uses it."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from decaudit.engine.history import LogTrackRecords, track_records, track_records_from_history
from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.log.actuals import ActualEntry
from decaudit.engine.log.hashing import row_hash
from decaudit.engine.model import Record
from decaudit.engine.types import SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

IDS = ("D-1", "D-2", "D-3", "D-4", "D-5")
TYPES = ("it-system", "building", None)
BENEFIT_TYPES = ("cost-saving", "revenue", None)


def record(did: str, ptype: str | None, benefits: Sequence[Any], chosen: int) -> dict[str, Any]:
    case = {
        "benefits": [
            {
                "id": f"b{i}",
                **({"type": t} if t else {}),
                **({"projected": p} if p is not None else {}),
                **({"realized": r} if r is not None else {}),
            }
            for i, (t, p, r) in enumerate(benefits)
        ]
    }
    options = [
        {"title": "Keep it", "kind": "do-nothing", "chosen": chosen == 2},
        {"title": "Build it", "chosen": chosen >= 1, "business_case": case},
    ]
    rec: dict[str, Any] = {"id": did, "title": f"Decision {did}", "options": options}
    if ptype:
        rec["project_type"] = ptype
    return rec


def write_run(log: AuditLog, records: Sequence[dict[str, Any]], n: int) -> None:
    writer = log.writer()
    for i, rec in enumerate(records):
        writer.add_record(SourceRecord(Record.model_validate(rec), f"r{i}.yaml", "yaml"))
    stamp = f"2026-01-{1 + n % 28:02d}T10:00:00Z"
    writer.commit(
        RunMeta(
            started_at=stamp,
            finished_at=stamp,
            tool_version="test",
            ruleset_digest="r",
            config_digest="c",
            input_digest="i",
            command="decaudit check",
            actor="tester",
        )
    )


money = st.one_of(
    st.integers(1, 500).map(float),
    st.sampled_from([0.0, 10.0, 100.5, 1e6]),
    st.integers(1, 500).map(float),
    st.none(),
)
benefit = st.tuples(st.sampled_from(BENEFIT_TYPES), money, money)
a_record = st.builds(
    record,
    st.sampled_from(IDS),
    st.sampled_from(TYPES),
    st.lists(benefit, max_size=3),
    st.sampled_from([1, 1, 1, 0, 2]),  # one chosen option, none, or two
)
figure = st.tuples(
    st.sampled_from(IDS), st.sampled_from(["b0", "b1", "B0"]), st.integers(0, 300).map(float)
)
event = st.one_of(
    st.tuples(st.just("run"), st.lists(a_record, min_size=1, max_size=6)),
    st.tuples(st.just("actuals"), st.lists(figure, min_size=1, max_size=3)),
)


def same_track_records(conn: sqlite3.Connection) -> None:
    for minimum in (1, 2, 3):
        kept = track_records(conn, minimum)
        assert kept == track_records_from_history(conn, minimum)
        for ptype in ("it-system", "building", "none-such"):
            lazy = LogTrackRecords(str(conn.execute("PRAGMA database_list").fetchone()[2]), minimum)
            assert lazy.get(ptype) == kept.get(ptype)
            lazy.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(event, min_size=1, max_size=7), st.booleans())
def test_the_kept_track_record_equals_the_one_read_from_history(
    events: list[tuple[str, Any]], migrate_late: bool
) -> None:
    """Random runs (decisions re-audited, audited twice in one run, measured or not, types
    changed) and figures recorded after them: at every step the kept track record equals the
    one computed from every logged record, and the log verifies. ``migrate_late``: the first
    half of the history is written by a log of version 4, then migrated."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.db"
        half = len(events) // 2 if migrate_late else 0
        log = AuditLog.open(path, target_version=4 if half else 5)
        try:
            for n, (kind, items) in enumerate(events):
                if n == half and half:
                    log.close()
                    log = AuditLog.open(path)  # migration 5 fills the history written so far
                if kind == "run":
                    write_run(log, items, n)
                else:
                    audited = {r[0] for r in log.conn.execute("SELECT decision_id FROM records")}
                    entries = [
                        ActualEntry(did, "benefit", item, value, f"2026-02-{1 + n:02d}")
                        for did, item, value in items
                        if did in audited
                    ]
                    log.record_actuals(lambda _, e=entries: e)  # type: ignore[misc]
                if log.schema_version >= 5:
                    same_track_records(log.conn)
            assert log.verify().ok
            same_track_records(log.conn)
        finally:
            log.close()


def it_record(did: str, ratio: float, ptype: str = "it-system") -> dict[str, Any]:
    return record(did, ptype, [("cost-saving", 100.0, 100.0 * ratio)], 1)


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    log = AuditLog.open(tmp_path / "audit.db")
    write_run(log, [it_record("IT-1", 0.5), it_record("IT-2", 0.7), it_record("B-1", 0.2, "b")], 1)
    return log


def test_a_re_audit_replaces_the_decision_and_unchanged_outcomes_add_no_row(
    log: AuditLog,
) -> None:
    rows = log.conn.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0]
    write_run(log, [it_record("IT-1", 0.5), it_record("IT-2", 0.7)], 2)  # the same outcomes
    assert log.conn.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0] == rows
    write_run(log, [it_record("IT-1", 0.9)], 3)
    assert track_records(log.conn, 1)["it-system"].ratio == 0.8
    write_run(log, [record("IT-1", "it-system", [("cost-saving", 100.0, None)], 1)], 4)
    assert track_records(log.conn, 1)["it-system"].decisions == ("IT-2",)  # no longer measured
    assert log.verify().ok
    log.close()


def test_tampering_with_the_kept_track_record_is_detected(log: AuditLog) -> None:
    path = log.path
    log.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER outcomes_no_update")
    conn.execute("UPDATE outcomes SET ratio = 0.99 WHERE id = 1")
    with AuditLog.open(path) as again:
        div = str(again.verify().divergence)
    assert div.startswith("outcomes id=1: row hash mismatch")
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM outcomes WHERE id = 1").fetchone())
    conn.execute("UPDATE outcomes SET row_hash = ? WHERE id = 1", (row_hash("outcomes", row),))
    with AuditLog.open(path) as again:
        div = str(again.verify().divergence)
    assert div.startswith("chain seq=1: content hash does not match the rows of run 1")


def test_a_track_record_row_outside_any_entry_is_detected(log: AuditLog) -> None:
    path = log.path
    log.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM outcomes ORDER BY id DESC LIMIT 1").fetchone())
    row["id"] = row["batch"] = row["id"] + 1
    row["decision_id"], row["ratio"] = "IT-9", 0.01
    row["row_hash"] = row_hash("outcomes", row)
    conn.execute(
        f"INSERT INTO outcomes ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    with AuditLog.open(path) as again:
        div = str(again.verify().divergence)
    assert div.startswith(f"outcomes id={row['id']}: not covered by any chain entry")


def test_the_check_reads_only_the_input_types(log: AuditLog) -> None:
    """The lazy mapping queries one project type when asked, and caches it."""
    path = str(log.path)
    log.close()
    lazy = LogTrackRecords(path, 1)
    statements: list[str] = []
    assert lazy.get("b") is not None
    assert lazy._conn is not None
    lazy._conn.set_trace_callback(statements.append)
    assert lazy.get("b") is not None and statements == []  # cached
    assert lazy.get("it-system") is not None
    assert len(statements) == 1 and "outcomes" in statements[0]
    assert lazy.get("") is None and len(statements) == 1
    lazy.close()


def test_no_rule_reads_the_track_record_so_the_check_does_not_either(log: AuditLog) -> None:
    from decaudit.engine.history import track_records_for
    from decaudit.engine.rules.loader import load_pack

    path = str(log.path)
    log.close()
    assert track_records_for(path, 3, load_pack(select=("ALT001",))) == {}
    assert isinstance(track_records_for(path, 3, load_pack()), LogTrackRecords)
