"""``diff`` in SQL: on random logs, the same findings in the same order as matching every
finding of both runs in memory (the way ``diff`` worked before it was streamed)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

from decaudit.engine.facts import PORTFOLIO_ID
from decaudit.engine.log import AuditLog
from decaudit.engine.log.diff import AUDITED, CHANGES, GONE_AUDITED, RunDiff, _select
from decaudit.engine.log.queries import FindingFilter, diff_runs, iter_findings, reaudited
from decaudit.engine.log.rows import FindingRow
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_log_support import finding, meta, source, write_run

DECISIONS = ("DEC-1", "DEC-2", "DEC-3", "dec-10", "DEC-é")
FOLDER = "(folder) adr"


def _key(f: FindingRow) -> tuple[str, str, str]:
    return (f.decision_id, f.rule_id, f.path or "")


def diff_in_memory(log: AuditLog, run_a: int, run_b: int) -> dict[str, list[int]]:
    """The diff as it was computed before: every finding of both runs in dicts."""
    a = {f.fingerprint: f for f in iter_findings(log.conn, FindingFilter(run_id=run_a))}
    b = {f.fingerprint: f for f in iter_findings(log.conn, FindingFilter(run_id=run_b))}
    sql = "SELECT DISTINCT decision_id FROM run_records WHERE run_id = ?"
    audited = {r[0] for r in log.conn.execute(sql, (run_b,))}
    gone = [f for k, f in a.items() if k not in b]
    out = {
        "new": sorted((f for k, f in b.items() if k not in a), key=_key),
        "resolved": sorted((f for f in gone if reaudited(f, audited)), key=_key),
        "unchanged": sorted((f for k, f in b.items() if k in a), key=_key),
        "not_audited": sorted((f for f in gone if not reaudited(f, audited)), key=_key),
    }
    return {k: [f.id for f in v] for k, v in out.items()}


_finding = st.tuples(
    st.sampled_from((*DECISIONS, PORTFOLIO_ID, FOLDER)),
    st.sampled_from(("ALT001", "BEN002", "INC004")),
    st.sampled_from(("$", "$.options[0]", "$.options[1]")),
    st.lists(st.sampled_from(DECISIONS), max_size=3),  # a folder finding's decisions
)
_run = st.tuples(st.lists(st.sampled_from(DECISIONS), max_size=5), st.lists(_finding, max_size=12))


def _write(log: AuditLog, runs: list[Any]) -> None:
    for n, (decisions, findings) in enumerate(runs, 1):
        rows = []
        for did, rule, path, members in findings:
            f = finding(did, rule, path=path, line=n)
            if did == FOLDER:
                f = dataclasses.replace(f, evidence={"convention": True, "decisions": members})
            rows.append(f)
        write_run(log, [source(d) for d in dict.fromkeys(decisions)], rows, meta())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_run, min_size=1, max_size=3))
def test_diff_in_sql_equals_the_diff_in_memory(runs: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = AuditLog.open(Path(tmp) / "audit.db")
        try:
            _write(log, runs)
            for a in range(1, len(runs) + 1):
                for b in range(1, len(runs) + 1):
                    d = diff_runs(log.conn, a, b)
                    got = {
                        "new": [f.id for f in d.new],
                        "resolved": [f.id for f in d.resolved],
                        "unchanged": [f.id for f in d.unchanged],
                        "not_audited": [f.id for f in d.not_audited],
                    }
                    assert got == diff_in_memory(log, a, b)
                    slow = RunDiff(log.conn, a, b, fast=False)  # from the rows, not the index
                    assert {c: [f.id for f in slow.rows(c)] for c in CHANGES} == got
        finally:
            log.close()


def _plan(log: AuditLog, sql: str, params: Any) -> str:
    return " ".join(str(r) for r in log.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_gone_findings_look_up_the_later_run_by_decision(tmp_path: Path) -> None:
    """Whether the later run audited a gone finding's decision is a lookup by the decision,
    never a scan of the later run's records per finding (which made ``report`` on a log of
    20k decisions take minutes)."""
    log = AuditLog.open(tmp_path / "audit.db")
    try:
        _write(log, [(list(DECISIONS), []), (list(DECISIONS[:2]), [])])
        assert "idx_run_records_decision" in _plan(log, AUDITED, ("DEC-1", 2))
        gone, params = _select(RunDiff(log.conn, 1, 2), "gone", GONE_AUDITED)
        plan = _plan(log, gone, params)
        assert "idx_run_records_decision" in plan and "idx_run_records_run" not in plan
    finally:
        log.close()
