"""What the governance report shows, from the rows the log's read side gives (no SQL here).

The *current state* of the portfolio is, for each decision, its latest snapshot (the record
audited by the latest run that audited it) and the findings that run produced for it; for the
portfolio-level findings (decision id ``(portfolio)``), the latest run. ``--since``/``--until``
restrict every figure to the runs that started within those dates (inclusive, UTC).

Risk score of a decision = sum of the severity weights (``SEVERITY_WEIGHTS``) of its open
(unwaived) findings in the current state.
"""

from __future__ import annotations

import datetime as dt
import heapq
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..calibration import CostOutcome, Outcome, chosen_option, cost_outcome, outcome
from ..clock import today as clock_today
from ..clock import utc_stamp
from ..errors import LogError
from ..log.actuals import all_actuals
from ..log.current import (
    FindingCount,
    Ranked,
    Window,
    finding_counts,
    findings_of,
    portfolio_findings,
    ranked,
    snapshots,
    totals,
)
from ..log.diff import run_diff
from ..log.read import has_tables, runs_between
from ..log.rows import FindingRow, RunInfo
from ..model import OPTION_KINDS
from ..packdata import lexicon
from ..vocab import FAMILIES, SEVERITIES, SEVERITY_RANK

SEVERITY_WEIGHTS: Mapping[str, int] = {"critical": 10, "high": 5, "medium": 3, "low": 1, "info": 0}
MIX_KINDS: tuple[str, ...] = (*OPTION_KINDS, "unknown")
MAX_QUARTERS = 40  # a longer span is shown per year


def weight(f: FindingRow) -> int:
    """A finding's part of its decision's risk score: its severity weight, 0 when waived."""
    return 0 if f.waived else SEVERITY_WEIGHTS.get(f.severity, 0)


@dataclass(frozen=True)
class DecisionRow:
    decision_id: str
    title: str
    status: str
    project_type: str
    date: dt.date | None
    file: str
    line: int
    run_id: int
    chosen_title: str
    chosen_kind: str  # kind of the chosen option, "unknown", or "" without one chosen option
    kind_inferred: bool
    findings: tuple[FindingRow, ...]  # current findings, open first, by severity (detailed)
    outcome: Outcome | None  # measured benefits (None when none was measured)
    costs: CostOutcome | None  # measured costs (None when none was measured)
    record: Mapping[str, Any] = field(default_factory=dict)  # the snapshot (for the brief)
    score: int = 0  # sum of the severity weights of its open findings (SEVERITY_WEIGHTS)
    open_counts: Mapping[str, int] = field(default_factory=dict)  # severity -> open findings

    @property
    def open_findings(self) -> tuple[FindingRow, ...]:
        return tuple(f for f in self.findings if not f.waived)


@dataclass(frozen=True)
class RuleCount:
    rule_id: str
    rule_name: str
    family: str
    severity: str
    open: int
    waived: int


@dataclass(frozen=True)
class QuarterMix:
    quarter: str  # "2025-Q1" (or "2025" over long spans), or "undated"
    counts: Mapping[str, int]  # kind -> decisions whose chosen option is of that kind


@dataclass(frozen=True)
class Changes:
    latest: RunInfo | None
    previous: RunInfo | None
    new: tuple[FindingRow, ...]  # the first MAX_CHANGES, by severity
    resolved: tuple[FindingRow, ...]  # the first MAX_CHANGES, by severity
    unchanged: int
    not_reaudited: int  # previous findings of decisions the latest run did not audit
    new_count: int = 0
    resolved_count: int = 0


@dataclass(frozen=True)
class Measured:
    """A decision with measured benefits or costs, as the outcome sections list it."""

    decision_id: str
    title: str
    project_type: str


@dataclass(frozen=True)
class ReportData:
    source: str  # the log file name, as given
    generated_at: str
    since: dt.date | None
    until: dt.date | None
    runs: tuple[RunInfo, ...]  # in the window, oldest first
    decisions: tuple[DecisionRow, ...]  # the top of the ranking by risk score (or all)
    portfolio_findings: tuple[FindingRow, ...]
    by_rule: tuple[RuleCount, ...]
    mix: tuple[QuarterMix, ...]
    no_choice: int  # decisions without exactly one chosen option (not in the mix)
    changes: Changes
    history: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # track record
    figures: Mapping[str, Sequence[Any]] = field(default_factory=dict)  # decaudit actuals
    reviews: tuple[Any, ...] = ()  # benefits reviews due or overdue (engine.reviews.Review)
    decision_count: int = 0  # decisions in the current state
    with_findings: int = 0  # decisions with current findings
    detailed: tuple[DecisionRow, ...] = ()  # the first --top decisions with findings
    open_by_severity: Mapping[str, int] = field(default_factory=dict)
    waived_count: int = 0
    by_family: tuple[tuple[str, int, int], ...] = ()  # (family, open, waived)
    outcomes: tuple[tuple[Measured, Outcome], ...] = ()  # in decision id order
    cost_outcomes: tuple[tuple[Measured, CostOutcome], ...] = ()  # in decision id order
    breakthrough_share: tuple[int, int] = (0, 0)  # (breakthrough choices, known kinds)
    implemented: int = 0  # decisions with status implemented
    reviewed: int = 0  # implemented decisions with measured benefits
    figure_records: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    top: int = 50  # rows of the listings (--top)
    listed_all: bool = False  # every row listed (--all)

    @property
    def median_realization(self) -> float | None:
        ratios = [o.realization for _, o in self.outcomes]
        return float(statistics.median(ratios)) if ratios else None

    def shown(self, total: int) -> int:
        """How many rows of a listing of ``total`` rows the report shows."""
        return total if self.listed_all else min(total, max(self.top, 0))


# --- reading -------------------------------------------------------------------------------


def _sort_key(f: FindingRow) -> tuple[int, int, str, str]:
    return (f.waived, -SEVERITY_RANK.get(f.severity, 0), f.rule_id, f.path or "")


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def chosen_kind(rec: Mapping[str, Any]) -> tuple[str, bool, str]:
    """(kind of the chosen option or "unknown", inferred?, its title); ("", False, "")
    without exactly one chosen option."""
    option = chosen_option(rec)
    if option is None:
        return "", False, ""
    title = _text(option.get("title"))
    given = option.get("kind")
    if isinstance(given, str) and given in OPTION_KINDS:
        return given, False, title
    guess = lexicon().infer_kind(title, _text(option.get("description")))
    return (guess, True, title) if guess else ("unknown", False, title)


def _decision(r: Ranked, findings: Sequence[FindingRow], keep_record: bool) -> DecisionRow:
    rec = r.record
    kind, inferred, chosen_title = chosen_kind(rec)
    return DecisionRow(
        decision_id=r.decision_id,
        title=_text(rec.get("title")),
        status=_text(rec.get("status")),
        project_type=_text(rec.get("project_type")),
        date=_date(rec.get("date")),
        file=r.file,
        line=r.line,
        run_id=r.run_id,
        chosen_title=chosen_title,
        chosen_kind=kind,
        kind_inferred=inferred,
        findings=tuple(sorted(findings, key=_sort_key)),
        outcome=outcome(r.decision_id, rec),
        costs=cost_outcome(rec),
        record=rec if keep_record else {},
        score=r.score,
        open_counts=dict(r.open_counts),
    )


def _by_rule(counts: Sequence[FindingCount]) -> tuple[RuleCount, ...]:
    acc: dict[str, list[Any]] = {}
    for c in counts:
        row = acc.setdefault(c.rule_id, [c.rule_name or "", c.family or "", c.severity, 0, 0])
        if SEVERITY_RANK.get(c.severity, 0) > SEVERITY_RANK.get(row[2], 0):
            row[2] = c.severity
        row[4 if c.waived else 3] += c.count
    rows = [RuleCount(rid, n, fam, sev, o, w) for rid, (n, fam, sev, o, w) in acc.items()]
    return tuple(sorted(rows, key=lambda r: (-r.open, -r.waived, r.rule_id)))


def _by_family(counts: Sequence[FindingCount]) -> tuple[tuple[str, int, int], ...]:
    """(family, open, waived) for the families in use, known families first."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in counts:
        acc[c.family or ""][1 if c.waived else 0] += c.count
    order = [f for f in FAMILIES if f in acc] + sorted(set(acc) - set(FAMILIES))
    return tuple((fam, acc[fam][0], acc[fam][1]) for fam in order)


def _by_severity(counts: Sequence[FindingCount]) -> dict[str, int]:
    acc: Counter[str] = Counter()
    for c in counts:
        if not c.waived:
            acc[c.severity] += c.count
    return {s: acc.get(s, 0) for s in reversed(SEVERITIES)}


MAX_CHANGES = 500  # findings kept of each list of changes (the section shows them)


def _changes(conn: sqlite3.Connection, runs: Sequence[RunInfo]) -> Changes:
    if not runs:
        return Changes(None, None, (), (), 0, 0)
    latest = runs[-1]
    previous = runs[-2] if len(runs) > 1 else None
    if previous is None:
        return Changes(latest, None, (), (), 0, 0)
    d = run_diff(conn, previous.id, latest.id)

    def first(rows: Iterator[FindingRow]) -> tuple[tuple[FindingRow, ...], int]:
        # by severity, then in log order; counted as they stream
        n = 0

        def keyed() -> Iterator[tuple[tuple[int, int, str, str], int, FindingRow]]:
            nonlocal n
            for f in rows:
                n += 1
                yield _sort_key(f), f.id, f

        kept = heapq.nsmallest(MAX_CHANGES, keyed(), key=lambda t: (t[0], t[1]))
        return tuple(f for _, _, f in kept), n

    new, n_new = first(d.rows("new"))
    resolved, n_resolved = first(d.rows("resolved"))
    return Changes(
        latest=latest,
        previous=previous,
        new=new,
        resolved=resolved,
        unchanged=d.count("unchanged"),
        not_reaudited=d.count("not_audited"),
        new_count=n_new,
        resolved_count=n_resolved,
    )


def load(
    conn: sqlite3.Connection,
    *,
    source: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
    review_after_days: int = 365,
    top: int = 50,
    list_all: bool = False,
) -> ReportData:
    """Everything the report shows. No runs (in the window) raises ``LogError``.

    The counts, scores and the ranking are computed by SQLite (:mod:`..log.current`); the
    records are read once, one at a time, for the figures only they hold (chosen kinds,
    measured benefits and costs, reviews); only the ``top`` decisions of each listing (all
    with ``list_all``) are kept."""
    if not has_tables(conn, "runs", "records", "run_records", "findings"):
        raise LogError(f"{source}: not a decaudit audit log (its tables are missing)")
    runs = runs_between(conn, since, until)
    if not runs:
        window = ""
        if since or until:
            window = f" between {since or 'the start'} and {until or 'now'}"
        raise LogError(f"{source}: the audit log has no runs{window}; run `decaudit check` first")
    from .tally import tally_snapshots

    win = Window(tuple(r.id for r in runs))
    counts = finding_counts(conn, win)
    n, with_findings = totals(conn, win)
    table = ranked(conn, win, SEVERITY_WEIGHTS, limit=None if list_all else max(top, 0))
    detailed = ranked(conn, win, SEVERITY_WEIGHTS, limit=max(top, 0), with_findings=True)
    found = findings_of(conn, win, [d.decision_id for d in detailed])
    figures = _figures(conn)
    tally = tally_snapshots(
        snapshots(conn, win),
        today=clock_today(),
        review_after_days=review_after_days,
        figures=set(figures),
    )
    return ReportData(
        source=source,
        generated_at=utc_stamp(now),
        since=since,
        until=until,
        runs=tuple(runs),
        decisions=tuple(_decision(r, found.get(r.decision_id, ()), False) for r in table),
        portfolio_findings=tuple(sorted(portfolio_findings(conn, win), key=_sort_key)),
        by_rule=_by_rule(counts),
        mix=tally.mix,
        no_choice=tally.no_choice,
        changes=_changes(conn, runs),
        history=tally.history,
        figures=figures,
        reviews=tally.reviews,
        decision_count=n,
        with_findings=with_findings,
        detailed=tuple(_decision(r, found[r.decision_id], True) for r in detailed),
        open_by_severity=_by_severity(counts),
        waived_count=sum(c.count for c in counts if c.waived),
        by_family=_by_family(counts),
        outcomes=tally.outcomes,
        cost_outcomes=tally.costs,
        breakthrough_share=tally.breakthrough_share,
        implemented=tally.implemented,
        reviewed=tally.reviewed,
        figure_records=tally.figure_records,
        top=top,
        listed_all=list_all,
    )


def _figures(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for f in all_actuals(conn):
        out[f.decision_id].append(f)
    return dict(out)
