"""Calibration: the organisation's track record, read back from a log written by the writer."""

from __future__ import annotations

import ctypes
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.calibration import outcome, percentile
from decaudit.engine.errors import LogError
from decaudit.engine.facts import TrackRecord
from decaudit.engine.history import calibrate, track_records
from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.log.connection import connect_readonly, snapshot
from decaudit.engine.log.read import latest_snapshots
from decaudit.engine.model import Record
from decaudit.engine.types import SourceRecord


def decision(
    did: str,
    *,
    project_type: str | None = "it-system",
    benefits: Sequence[tuple[str, float | None, float | None]] = (),  # type, projected, realized
    costs: Sequence[tuple[float | None, float | None]] = (),
    chosen: bool = True,
) -> dict[str, Any]:
    case = {
        "benefits": [
            {"id": f"b{i}", "type": t, "projected": p, "realized": r}
            for i, (t, p, r) in enumerate(benefits)
        ],
        "costs": [{"id": f"c{i}", "projected": p, "realized": r} for i, (p, r) in enumerate(costs)],
    }
    rec: dict[str, Any] = {
        "id": did,
        "title": f"Decision {did}",
        "status": "implemented",
        "options": [
            {"title": "Do nothing", "kind": "do-nothing"},
            {"title": "Build it", "kind": "incremental", "chosen": chosen, "business_case": case},
        ],
    }
    if project_type:
        rec["project_type"] = project_type
    return rec


def write_run(db: Path, records: Sequence[dict[str, Any]], started: str = "2025-01-01") -> int:
    log = AuditLog.open(db)
    try:
        writer = log.writer()
        for i, rec in enumerate(records):
            writer.add_record(SourceRecord(Record.model_validate(rec), f"r{i}.yaml", "yaml"))
        meta = RunMeta(
            started_at=f"{started}T10:00:00Z",
            finished_at=f"{started}T10:00:01Z",
            tool_version="test",
            ruleset_digest="r",
            config_digest="c",
            input_digest="i",
            command="decaudit check",
            actor="tester",
        )
        return writer.commit(meta)
    finally:
        log.close()


def it_history(ratios: Sequence[float], prefix: str = "IT") -> list[dict[str, Any]]:
    return [
        decision(
            f"{prefix}-{i}",
            benefits=[("cost-saving", 1000.0, 1000.0 * r)],
            costs=[(500.0, 500.0 * (1 + r))],
        )
        for i, r in enumerate(ratios, 1)
    ]


def test_percentile_is_linear_between_closest_ranks() -> None:
    values = [1.0, 2.0, 3.0, 4.0]
    assert percentile(values, 0.5) == 2.5
    assert percentile(values, 0.25) == pytest.approx(1.75)
    assert percentile(values, 0.9) == pytest.approx(3.7)
    assert percentile([7.0], 0.1) == 7.0
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_outcome_uses_measured_lines_only() -> None:
    rec = decision(
        "D",
        benefits=[("revenue", 1000.0, 500.0), ("revenue", 3000.0, None), ("synergy", 1000.0, 0.0)],
        costs=[(100.0, 150.0), (900.0, None)],
    )
    out = outcome("D", rec)
    assert out is not None
    assert out.projected_benefits == 2000.0
    assert out.realized_benefits == 500.0
    assert out.realization == 0.25
    assert out.by_benefit_type == {"revenue": 0.5, "synergy": 0.0}
    assert out.overrun == 1.5
    assert outcome("E", decision("E", benefits=[("revenue", 1000.0, None)])) is None
    assert outcome("F", decision("F", benefits=[("revenue", 0.0, 10.0)])) is None
    assert outcome("G", decision("G", benefits=[("revenue", 10.0, 5.0)], chosen=False)) is None


def test_calibrate_by_project_and_benefit_type(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    records = it_history([0.3, 0.4, 0.5, 0.6, 0.7])
    records.append(
        decision(
            "ACQ-1",
            project_type="acquisition",
            benefits=[("synergy", 2000.0, 600.0), ("revenue", 2000.0, 1400.0)],
        )
    )
    records.append(decision("NEW-1", benefits=[("cost-saving", 1000.0, None)]))  # not measured
    write_run(db, records)
    cal = calibrate(db)
    assert cal.decisions == 7
    assert len(cal.measured) == 6
    groups = {g.key: g for g in cal.by_project_type}
    it = groups["it-system"].realization
    assert (it.count, it.few) == (5, False)
    assert (it.p10, it.p25, it.median, it.p75, it.p90) == pytest.approx((0.34, 0.4, 0.5, 0.6, 0.66))
    assert it.decisions == ("IT-1", "IT-2", "IT-3", "IT-4", "IT-5")
    overrun = groups["it-system"].overrun
    assert overrun is not None and overrun.median == pytest.approx(1.5)
    acq = groups["acquisition"]
    assert acq.realization.count == 1 and acq.realization.few
    assert acq.realization.median == pytest.approx(0.5)
    assert acq.overrun is None  # no cost line measured
    by_benefit = {g.key: g.realization for g in cal.by_benefit_type}
    assert by_benefit["synergy"].median == pytest.approx(0.3)
    assert by_benefit["revenue"].median == pytest.approx(0.7)
    assert by_benefit["cost-saving"].count == 5
    assert cal.overall is not None and cal.overall.realization.count == 6


def test_latest_snapshot_of_each_decision_wins(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    write_run(db, it_history([0.2, 0.4, 0.6]), "2025-01-01")
    # IT-1 is re-audited later with its final figures; IT-2 and IT-3 are not re-audited.
    write_run(db, [decision("IT-1", benefits=[("cost-saving", 1000.0, 900.0)])], "2025-06-01")
    records = track_records(db, 3)
    assert records == {
        "it-system": TrackRecord(ratio=0.6, count=3, decisions=("IT-1", "IT-2", "IT-3"))
    }


def test_track_records_threshold_connection_and_missing_log(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    assert track_records(db, 3) == {}  # the first run has no history
    records = it_history([0.35, 0.4, 0.45, 0.5])
    records += [decision("B-1", project_type="building", benefits=[("other", 10.0, 9.0)])]
    records += [decision("X-1", project_type=None, benefits=[("other", 10.0, 1.0)])]
    write_run(db, records)
    assert set(track_records(db, 1)) == {"it-system", "building"}
    assert set(track_records(db, 2)) == {"it-system"}
    assert track_records(db, 5) == {}
    conn = sqlite3.connect(db)
    got = track_records(conn, 4)["it-system"]
    conn.execute("SELECT 1")  # a connection passed in is left open
    assert got == TrackRecord(0.425, 4, ("IT-1", "IT-2", "IT-3", "IT-4"))
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert track_records(empty, 1) == {}


def test_calibrate_missing_log_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="no audit log here"):
        calibrate(tmp_path / "nope.db")


def test_cli_table(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    write_run(db, it_history([0.4, 0.6]))
    result = CliRunner().invoke(cli, ["calibration", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "2 of 2 decision(s) in the log have measured benefits.\n"
        "Realization = realized / projected benefits; cost overrun = realized / projected costs\n"
        "(chosen option, measured lines only; latest snapshot of each decision).\n"
        "\n"
        "Realization ratio by project type\n"
        "group      n   p10   p25  median   p75   p90  note           decisions\n"
        "(all)      2  0.42  0.45    0.50  0.55  0.58  too few (< 5)  IT-1, IT-2\n"
        "it-system  2  0.42  0.45    0.50  0.55  0.58  too few (< 5)  IT-1, IT-2\n"
        "\n"
        "Realization ratio by benefit type\n"
        "group        n   p10   p25  median   p75   p90  note           decisions\n"
        "cost-saving  2  0.42  0.45    0.50  0.55  0.58  too few (< 5)  IT-1, IT-2\n"
        "\n"
        "Cost overrun by project type\n"
        "group      n   p10   p25  median   p75   p90  note           decisions\n"
        "(all)      2  1.42  1.45    1.50  1.55  1.58  too few (< 5)  IT-1, IT-2\n"
        "it-system  2  1.42  1.45    1.50  1.55  1.58  too few (< 5)  IT-1, IT-2\n"
        "\n"
        "Cost overrun by benefit type\n"
        "group        n   p10   p25  median   p75   p90  note           decisions\n"
        "cost-saving  2  1.42  1.45    1.50  1.55  1.58  too few (< 5)  IT-1, IT-2\n"
    )


def test_cli_json(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    write_run(db, it_history([0.3, 0.4, 0.5, 0.6, 0.7]))
    result = CliRunner().invoke(cli, ["calibration", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    it = data["by_project_type"][0]
    assert it["key"] == "it-system"
    assert it["realization"]["median"] == 0.5
    assert it["realization"]["too_few"] is False
    assert it["realization"]["decisions"] == ["IT-1", "IT-2", "IT-3", "IT-4", "IT-5"]
    assert it["cost_overrun"]["median"] == 1.5
    assert data["measured_decisions"] == 5


def test_cli_no_measured_decisions(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    write_run(db, [decision("P-1", benefits=[("revenue", 10.0, None)])])
    result = CliRunner().invoke(cli, ["calibration", "--db", str(db)])
    assert result.exit_code == 0
    assert result.output == (
        "1 decision(s) in the log; none has measured benefits yet "
        "(realized figures on the chosen option's benefits).\n"
    )


def test_cli_missing_log_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["calibration", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no audit log here" in result.output
    assert "Traceback" not in result.output


def test_reads_see_one_state_while_a_run_is_appended(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    write_run(db, it_history([0.4, 0.5, 0.6]))
    conn = connect_readonly(db)
    try:
        with snapshot(conn):
            before = latest_snapshots(conn)
            write_run(db, it_history([0.9], prefix="LATE"), "2025-02-01")  # another writer
            assert latest_snapshots(conn) == before
        assert len(latest_snapshots(conn)) == 4
    finally:
        conn.close()


def test_a_duplicate_id_in_one_run_keeps_the_first_file(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    first = decision("DUP", benefits=[("revenue", 100.0, 30.0)])
    second = decision("DUP", benefits=[("revenue", 100.0, 90.0)])
    write_run(db, [first, second])  # written from r0.yaml, then r1.yaml
    conn = connect_readonly(db)
    try:
        snaps = latest_snapshots(conn)
        assert [(s.decision_id, s.file) for s in snaps] == [("DUP", "r0.yaml")]
        assert latest_snapshots(conn, []) == []
        assert latest_snapshots(conn, [1]) == snaps
    finally:
        conn.close()
    assert calibrate(db).overall is not None
    assert calibrate(db).measured[0].realization == 0.3


def _without_file_override() -> None:
    """In the child: make file modes bind even for root (drop CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH from the bounding set), as on a read-only share."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


def test_read_only_log_is_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "audit.db"
    write_run(db, it_history([0.4, 0.6]))
    assert not Path(f"{db}-shm").exists()  # the writer checkpointed and closed
    db.chmod(0o444)
    folder.chmod(0o555)
    code = "from decaudit.cli.main import main; main()"
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, "calibration", "--db", str(db), "-f", "json"],
            capture_output=True,
            text=True,
            preexec_fn=_without_file_override,
            timeout=120,
            check=False,
        )
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["measured_decisions"] == 2
