"""The read-side queries the CLI and the HTML report share."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from decaudit.engine.errors import LogError
from decaudit.engine.log import AuditLog
from decaudit.engine.log.queries import (
    FindingFilter,
    diff_runs,
    find_findings,
    get_run,
    history,
    list_runs,
    time_bound,
)
from decaudit.engine.types import WaiverRef
from test_log_support import finding, meta, sample_log, source, write_run


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    return sample_log(tmp_path / "audit.db")


def ids(log: AuditLog, **kw: object) -> list[int]:
    return [f.id for f in find_findings(log.conn, FindingFilter(**kw))]  # type: ignore[arg-type]


def test_runs(log: AuditLog) -> None:
    runs = list_runs(log.conn)
    assert [(r.id, r.started_at, r.record_count, r.finding_count, r.exit_status) for r in runs] == [
        (1, "2026-03-01T10:00:00Z", 3, 3, 1),
        (2, "2026-03-02T09:30:00Z", 3, 2, 1),
        (3, "2026-03-05T16:45:10Z", 1, 1, 0),
    ]
    assert [r.id for r in list_runs(log.conn, limit=2)] == [2, 3]
    assert runs[0].ci == {"CI": "true", "GITHUB_SHA": "abc123"}
    assert get_run(log.conn, 2).command == "decaudit check decisions/ --fail-on medium"
    with pytest.raises(LogError, match="no run 9 in the audit log"):
        get_run(log.conn, 9)


def test_filters(log: AuditLog) -> None:
    assert ids(log) == [1, 2, 3, 4, 5, 6]
    assert ids(log, rules=("ALT001",)) == [1, 2, 4, 5]
    assert ids(log, rules=("alt001",)) == [1, 2, 4, 5]
    assert ids(log, rules=("point-estimate-only",)) == [3, 6]
    assert ids(log, rules=("BEN002", "ALT001")) == [1, 2, 3, 4, 5, 6]
    assert ids(log, families=("benefits",)) == [3, 6]
    assert ids(log, min_severity="medium") == [1, 2, 4, 5]
    assert ids(log, min_severity="high") == [1, 2, 4]
    assert ids(log, min_severity="critical") == []
    assert ids(log, decisions=("DEC-2",)) == [2, 3, 4]
    assert ids(log, run_id=2) == [4, 5]
    assert ids(log, rules=("ALT001",), decisions=("DEC-2",), run_id=2) == [4]
    assert ids(log, limit=2) == [1, 2]


def test_time_filters(log: AuditLog) -> None:
    assert ids(log, since="2026-03-02") == [4, 5, 6]
    assert ids(log, until="2026-03-02") == [1, 2, 3, 4, 5]  # a bare date covers the whole day
    assert ids(log, since="2026-03-02T09:30:01Z") == [6]
    assert ids(log, until="2026-03-02T09:30:00Z") == [1, 2, 3, 4, 5]
    assert ids(log, until="2026-03-02T10:30:00+02:00") == [1, 2, 3]
    assert ids(log, since="2026-03-02", until="2026-03-04") == [4, 5]
    assert time_bound("2026-03-02T10:30", end=False) == (">=", "2026-03-02T10:30:00Z")
    with pytest.raises(LogError, match="invalid time 'last week'"):
        ids(log, since="last week")


def test_full_text_search(log: AuditLog) -> None:
    assert ids(log, search="breakthrough") == [1]
    assert ids(log, search="no range") == [6]
    assert ids(log, search="range no") == []  # a phrase, not a bag of words


def test_hostile_values_match_nothing(log: AuditLog) -> None:
    for value in ("x' OR 1=1 --", "'; DROP TABLE findings; --", '" OR ""="', "%", "*"):
        assert ids(log, rules=(value,)) == []
        assert ids(log, decisions=(value,)) == []
    for value in ("x' OR 1=1 --", "'; DROP TABLE findings; --", "NEAR(a b)", "*"):
        assert ids(log, search=value) == []
    # FTS syntax is not interpreted: this is the phrase "or", found in one message
    assert ids(log, search='" OR ""="') == [1]
    assert log.conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 6


def test_waived_and_open(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "w.db")
    ref = WaiverRef("log", "deferred", "Board", "2026-12-31", waiver_id=1)
    write_run(log, [source("DEC-1")], [finding("DEC-1", waiver=ref), finding("DEC-1", "BEN002")])
    assert ids(log, waived=True) == [1]
    assert ids(log, waived=False) == [2]
    row = find_findings(log.conn, FindingFilter(waived=True))[0]
    assert (row.waived, row.waiver_id, row.waiver_expires, row.waiver_reason) == (
        True,
        1,
        "2026-12-31",
        "deferred",
    )


def test_history(log: AuditLog) -> None:
    runs = history(log.conn, "DEC-1")
    assert [(r.run_id, [f.id for f in r.findings]) for r in runs] == [(1, [1]), (2, []), (3, [6])]
    assert runs[0].record_hash == runs[1].record_hash != runs[2].record_hash
    assert (runs[0].file, runs[0].line) == ("decisions/DEC-1.yaml", 1)
    assert history(log.conn, "DEC-404") == []
    assert history(log.conn, "x' OR 1=1 --") == []


def test_history_includes_runs_that_only_reported_on_it(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "p.db")
    write_run(log, [source("DEC-1")], [finding("PORTFOLIO", "INC004")])
    runs = history(log.conn, "PORTFOLIO")
    assert [(r.run_id, r.record_hash, len(r.findings)) for r in runs] == [(1, None, 1)]


def test_diff(log: AuditLog) -> None:
    d = diff_runs(log.conn, 1, 2)
    assert [(f.decision_id, f.rule_id) for f in d.new] == [("DEC-3", "ALT001")]
    assert [(f.decision_id, f.rule_id) for f in d.resolved] == [
        ("DEC-1", "ALT001"),
        ("DEC-2", "BEN002"),
    ]
    assert [(f.decision_id, f.rule_id, f.id) for f in d.unchanged] == [("DEC-2", "ALT001", 4)]
    same = diff_runs(log.conn, 2, 2)
    assert (len(same.new), len(same.resolved), len(same.unchanged)) == (0, 0, 2)
    with pytest.raises(LogError, match="no run 7"):
        diff_runs(log.conn, 1, 7)


def test_diff_tells_resolved_from_not_audited(tmp_path: Path) -> None:
    from decaudit.engine.facts import PORTFOLIO_ID
    from decaudit.engine.log.queries import PORTFOLIO_ID as LOG_PORTFOLIO_ID

    assert LOG_PORTFOLIO_ID == PORTFOLIO_ID
    log = AuditLog.open(tmp_path / "n.db")
    write_run(
        log,
        [source("DEC-1"), source("DEC-2")],
        [finding("DEC-1"), finding("DEC-2"), finding(PORTFOLIO_ID)],
    )
    write_run(log, [source("DEC-1")], [], meta(exit_status=0))  # DEC-1 fixed, DEC-2 not run
    d = diff_runs(log.conn, 1, 2)
    assert [f.decision_id for f in d.resolved] == sorted(["DEC-1", PORTFOLIO_ID])
    assert [f.decision_id for f in d.not_audited] == ["DEC-2"]
    assert d.to_dict()["not_audited"][0]["decision_id"] == "DEC-2"


def test_diff_ignores_moved_lines(tmp_path: Path) -> None:
    log = AuditLog.open(tmp_path / "m.db")
    write_run(log, [source("DEC-1")], [finding("DEC-1", line=3)])
    write_run(log, [source("DEC-1")], [finding("DEC-1", line=30)], meta(exit_status=1))
    d = diff_runs(log.conn, 1, 2)
    assert (len(d.new), len(d.resolved), len(d.unchanged)) == (0, 0, 1)
    assert d.to_dict()["unchanged"][0]["line"] == 30


def test_resolve_run(log: AuditLog, tmp_path: Path) -> None:
    from decaudit.engine.log.queries import resolve_run

    assert [resolve_run(log.conn, r) for r in ("1", 3, " Latest ", "previous")] == [1, 3, 3, 2]
    for bad in ("0", "-1", "first", "2.0"):
        with pytest.raises(LogError, match="invalid run"):
            resolve_run(log.conn, bad)
    empty = AuditLog.open(tmp_path / "empty.db")
    with pytest.raises(LogError, match="there is no latest run"):
        resolve_run(empty.conn, "latest")


def test_finding_rows_carry_every_column_and_to_dict_matches_the_fields(log: AuditLog) -> None:
    rows = find_findings(log.conn, FindingFilter())
    assert rows
    stored = {
        r[0]: r for r in log.conn.execute("SELECT id, rule_id, evidence, waived FROM findings")
    }
    for row in rows:
        d = row.to_dict()
        assert d == dataclasses.asdict(row)
        assert list(d) == [f.name for f in dataclasses.fields(row)]
        _, rule_id, evidence, waived = stored[row.id]
        assert (d["rule_id"], d["evidence"], d["waived"]) == (
            rule_id,
            json.loads(evidence),
            bool(waived),
        )
        d["evidence"]["changed"] = 1  # the dict is the caller's own
        assert "changed" not in row.evidence


def test_rule_filter_is_case_insensitive_on_id_and_name(log: AuditLog) -> None:
    by_id = ids(log, rules=("alt001",))
    assert by_id and by_id == ids(log, rules=("ALT001",))
    assert by_id == ids(log, rules=("NO-BREAKTHROUGH-ALTERNATIVE",))
    assert ids(log, rules=("alt001", "ben002")) == sorted(
        ids(log, rules=("ALT001",)) + ids(log, rules=("BEN002",))
    )
