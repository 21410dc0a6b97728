"""The report's figures computed in SQL (and in one pass over the records) are the figures
of the whole current state held in memory, as the report computed them before: on random
logs, every count, score, rank and tally; ``--top N`` lists N and counts the rest."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from decaudit.engine.calibration import outcome
from decaudit.engine.html import build_report
from decaudit.engine.html.data import (
    SEVERITY_WEIGHTS,
    _sort_key,
    chosen_kind,
    load,
    weight,
)
from decaudit.engine.html.tally import mix_of
from decaudit.engine.log.queries import reaudited
from decaudit.engine.log.read import audited_decisions, findings_of_runs, latest_snapshots
from decaudit.engine.vocab import FAMILIES, SEVERITIES, SEVERITY_RANK
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_html_report import NOW, RULES, Log, record, section

DECISIONS = ("DEC-1", "DEC-2", "DEC-3", "dec-10", "DEC-é", "X")
TODAY = dt.date(2025, 3, 2)


def in_memory(conn: sqlite3.Connection, run_ids: list[int]) -> dict[str, Any]:
    """The figures as the report computed them before: every snapshot and finding in
    memory."""
    snapshots = latest_snapshots(conn, run_ids)
    latest_of = {s.decision_id: s.run_id for s in snapshots}
    wanted = sorted({s.run_id for s in snapshots} | {run_ids[-1]})
    current: dict[str, list[Any]] = defaultdict(list)
    portfolio = []
    for f in findings_of_runs(conn, wanted):
        if latest_of.get(f.decision_id) == f.run_id:
            current[f.decision_id].append(f)
        elif f.decision_id not in latest_of and f.run_id == run_ids[-1]:
            portfolio.append(f)
    rows = []
    for s in snapshots:
        fs = current.get(s.decision_id, [])
        score = sum(weight(f) for f in fs)
        opened = Counter(f.severity for f in fs if not f.waived)
        rows.append((s.decision_id, score, dict(opened), len(fs), s.record))
    rows.sort(key=lambda r: (-r[1], -sum(r[2].values()), r[0]))
    every = [f for fs in current.values() for f in fs] + portfolio
    by_rule: dict[str, list[Any]] = {}
    for f in every:
        row = by_rule.setdefault(f.rule_id, [f.severity, 0, 0])
        if SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK.get(row[0], 0):
            row[0] = f.severity
        row[2 if f.waived else 1] += 1
    fams: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in every:
        fams[f.family or ""][1 if f.waived else 0] += 1
    order = [f for f in FAMILIES if f in fams] + sorted(set(fams) - set(FAMILIES))
    sev = Counter(f.severity for f in every if not f.waived)
    kinds: Counter[tuple[dt.date | None, str]] = Counter()
    for s in snapshots:
        kind = chosen_kind(s.record)[0]
        day = s.record.get("date")
        if kind:
            q = dt.date.fromisoformat(day) if isinstance(day, str) else None
            q = q and dt.date(q.year, (q.month - 1) // 3 * 3 + 1, 1)
            kinds[(q, kind)] += 1
    outcomes = [(s.decision_id, outcome(s.decision_id, s.record)) for s in snapshots]
    measured = [(d, o) for d, o in outcomes if o is not None]
    changes = None
    if len(run_ids) > 1:
        prev, last = run_ids[-2], run_ids[-1]
        both = findings_of_runs(conn, [prev, last])
        now = {f.fingerprint: f for f in both if f.run_id == last}
        before = {f.fingerprint: f for f in both if f.run_id == prev}
        seen = audited_decisions(conn, run_ids).get(last, set())
        gone = [f for fp, f in before.items() if fp not in now]

        # by severity, then in log order (the id of the finding that stands for its
        # fingerprint: the last one written when a run has a fingerprint twice)
        def key(f: Any) -> tuple[Any, int]:
            return _sort_key(f), f.id

        new = sorted((f for fp, f in now.items() if fp not in before), key=key)
        resolved = sorted((f for f in gone if reaudited(f, seen)), key=key)
        changes = (
            [f.id for f in new],
            [f.id for f in resolved],
            sum(fp in before for fp in now),
            len(gone) - len(resolved),
        )
    return {
        "ranking": [(d, score, opened, n) for d, score, opened, n, _ in rows],
        "detailed": [r[0] for r in rows if r[3]],
        "portfolio": sorted(f.id for f in portfolio),
        "by_rule": sorted(
            ((rid, s, o, w) for rid, (s, o, w) in by_rule.items()),
            key=lambda r: (-r[2], -r[3], r[0]),
        ),
        "by_family": [(fam, fams[fam][0], fams[fam][1]) for fam in order],
        "open_by_severity": {s: sev.get(s, 0) for s in reversed(SEVERITIES)},
        "waived": sum(f.waived for f in every),
        "mix": mix_of(kinds),
        "no_choice": sum(not chosen_kind(s.record)[0] for s in snapshots),
        "outcomes": [(d, o.realization) for d, o in measured],
        "median": statistics.median([o.realization for _, o in measured]) if measured else None,
        "implemented": sum(s.record.get("status") == "implemented" for s in snapshots),
        "changes": changes,
    }


def in_sql(conn: sqlite3.Connection, top: int, list_all: bool) -> dict[str, Any]:
    data = load(conn, source="log", now=NOW, top=top, list_all=list_all)
    ch = data.changes
    return {
        "ranking": [
            (d.decision_id, d.score, dict(d.open_counts), len(d.findings)) for d in data.decisions
        ],
        "count": (data.decision_count, data.with_findings),
        "detailed": [d.decision_id for d in data.detailed],
        "detailed_scores": [(d.score, sum(weight(f) for f in d.findings)) for d in data.detailed],
        "portfolio": sorted(f.id for f in data.portfolio_findings),
        "by_rule": [(r.rule_id, r.severity, r.open, r.waived) for r in data.by_rule],
        "by_family": list(data.by_family),
        "open_by_severity": dict(data.open_by_severity),
        "waived": data.waived_count,
        "mix": data.mix,
        "no_choice": data.no_choice,
        "outcomes": [(d.decision_id, o.realization) for d, o in data.outcomes],
        "median": data.median_realization,
        "implemented": data.implemented,
        "changes": None
        if ch.previous is None
        else (
            [f.id for f in ch.new],
            [f.id for f in ch.resolved],
            ch.unchanged,
            ch.not_reaudited,
            ch.new_count,
            ch.resolved_count,
        ),
    }


_record = st.builds(
    lambda did, kind, date, realized, status: {
        **record(did, kind=kind, date=date, realized=realized),
        "status": status,
    },
    st.sampled_from(DECISIONS),
    st.sampled_from([None, "incremental", "breakthrough", "adjacent"]),
    st.sampled_from([None, "2024-02-01", "2024-11-30", "2013-05-05"]),
    st.sampled_from([None, 300.0, 1200.0]),
    st.sampled_from(["implemented", "accepted", "proposed"]),
)
_finding = st.tuples(
    st.sampled_from((*DECISIONS, "(portfolio)", "NEVER-AUDITED")),
    st.sampled_from(sorted(RULES)),
    st.sampled_from(("$", "$.options[1]")),
    st.booleans(),
)
_run = st.tuples(st.lists(_record, max_size=5), st.lists(_finding, max_size=10))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_run, min_size=1, max_size=3), st.integers(0, 4))
@example(
    runs=[
        ([], []),
        (
            [],
            [
                ("DEC-2", "ALT001", "$", False),
                ("DEC-1", "ALT001", "$", True),
                ("DEC-2", "ALT001", "$", True),
            ],
        ),
    ],
    top=0,
)
def test_sql_figures_equal_the_in_memory_figures(runs: list[Any], top: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = Log(Path(tmp) / "audit.db")
        for n, (records, findings) in enumerate(runs, 1):
            unique = {r["id"]: r for r in records}  # one record per id in a run
            log.run(
                f"2025-01-0{n}T00:00:00Z",
                [(r, f"{r['id']}.yaml") for r in unique.values()],
                findings,
            )
        conn = sqlite3.connect(log.path)
        try:
            ids = [r[0] for r in conn.execute("SELECT id FROM runs ORDER BY id")]
            want = in_memory(conn, ids)
            every = in_sql(conn, top, list_all=True)
            some = in_sql(conn, top, list_all=False)
        finally:
            conn.close()
    for got in (every, some):
        for key in ("portfolio", "by_family", "open_by_severity", "waived", "mix"):
            assert got[key] == want[key], key
        assert [(r, s, o, w) for r, s, o, w in got["by_rule"]] == want["by_rule"]
        assert (got["no_choice"], got["implemented"]) == (want["no_choice"], want["implemented"])
        assert got["outcomes"] == want["outcomes"]
        assert got["median"] == want["median"]
        assert got["detailed"] == want["detailed"][:top]
        assert all(a == b for a, b in got["detailed_scores"])
        assert got["count"] == (len(want["ranking"]), len(want["detailed"]))
        if want["changes"] is None:
            assert got["changes"] is None
        else:
            new, resolved, unchanged, not_audited = want["changes"]
            assert got["changes"] == (
                new[:500],
                resolved[:500],
                unchanged,
                not_audited,
                len(new),
                len(resolved),
            )
    # the ranking: every decision with --all, the first `top` without
    ranking = [(d, s, o) for d, s, o, _ in want["ranking"]]
    assert [(d, s, o) for d, s, o, _ in every["ranking"]] == ranking
    assert [(d, s, o) for d, s, o, _ in some["ranking"]] == ranking[:top]


def test_top_lists_n_decisions_and_counts_the_rest(tmp_path: Path) -> None:
    log = Log(tmp_path / "audit.db")
    recs = [record(f"D-{i:02}") for i in range(12)]
    findings = [(f"D-{i:02}", "ALT001", "$") for i in range(0, 12, 2)]  # six with findings
    log.run("2025-01-01T00:00:00Z", [(r, f"{r['id']}.yaml") for r in recs], findings)
    page = build_report(log.path, now=NOW, top=4)
    risk = section(page, "risk")
    assert "The 4 highest-risk decisions of 12" in risk
    assert risk.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 4
    assert "8 more decision(s) ranked lower are not listed" in risk
    assert risk.count('<article class="decision"') == 4
    assert "2 more decision(s) with findings are not detailed here" in risk
    assert "12" in section(page, "summary")  # every decision is counted
    everything = section(build_report(log.path, now=NOW, top=4, list_all=True), "risk")
    assert "All decisions, highest risk first" in everything
    assert everything.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 12
    assert "ranked lower are not listed" not in everything
    assert everything.count('<article class="decision"') == 4
    assert SEVERITY_WEIGHTS["high"] == 5
