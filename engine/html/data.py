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
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..brief.history import history_of_snapshots
from ..calibration import CostOutcome, Outcome, chosen_option, cost_outcome, outcome
from ..clock import today as clock_today
from ..clock import utc_stamp
from ..errors import LogError
from ..facts import BREAKTHROUGH_KINDS
from ..log.actuals import all_actuals
from ..log.queries import reaudited
from ..log.read import (
    Snapshot,
    audited_decisions,
    findings_of_runs,
    has_tables,
    latest_snapshots,
    runs_between,
)
from ..log.rows import FindingRow, RunInfo
from ..model import OPTION_KINDS
from ..packdata import lexicon
from ..reviews import STATES, reviews
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
    findings: tuple[FindingRow, ...]  # current findings, open first, by severity
    outcome: Outcome | None  # measured benefits (None when none was measured)
    costs: CostOutcome | None  # measured costs (None when none was measured)
    record: Mapping[str, Any] = field(default_factory=dict)  # the snapshot (for the brief)

    @property
    def score(self) -> int:
        return sum(weight(f) for f in self.findings)

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
    new: tuple[FindingRow, ...]
    resolved: tuple[FindingRow, ...]
    unchanged: int
    not_reaudited: int  # previous findings of decisions the latest run did not audit


@dataclass(frozen=True)
class ReportData:
    source: str  # the log file name, as given
    generated_at: str
    since: dt.date | None
    until: dt.date | None
    runs: tuple[RunInfo, ...]  # in the window, oldest first
    decisions: tuple[DecisionRow, ...]  # ranked by risk score
    portfolio_findings: tuple[FindingRow, ...]
    by_rule: tuple[RuleCount, ...]
    mix: tuple[QuarterMix, ...]
    no_choice: int  # decisions without exactly one chosen option (not in the mix)
    changes: Changes
    history: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # track record
    figures: Mapping[str, Sequence[Any]] = field(default_factory=dict)  # decaudit actuals
    reviews: tuple[Any, ...] = ()  # benefits reviews (engine.reviews.Review), all states

    @property
    def current_findings(self) -> list[FindingRow]:
        return [f for d in self.decisions for f in d.findings] + list(self.portfolio_findings)

    @property
    def open_by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.current_findings if not f.waived)
        return {s: counts.get(s, 0) for s in reversed(SEVERITIES)}

    @property
    def waived_count(self) -> int:
        return sum(f.waived for f in self.current_findings)

    @property
    def by_family(self) -> list[tuple[str, int, int]]:
        """(family, open, waived) for the families in use, known families first."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for f in self.current_findings:
            counts[f.family or ""][1 if f.waived else 0] += 1
        order = [f for f in FAMILIES if f in counts] + sorted(set(counts) - set(FAMILIES))
        return [(fam, counts[fam][0], counts[fam][1]) for fam in order]

    @property
    def outcomes(self) -> list[tuple[DecisionRow, Outcome]]:
        return [(d, d.outcome) for d in self.decisions if d.outcome is not None]

    @property
    def cost_outcomes(self) -> list[tuple[DecisionRow, CostOutcome]]:
        return [(d, d.costs) for d in self.decisions if d.costs is not None]

    @property
    def median_realization(self) -> float | None:
        ratios = [o.realization for _, o in self.outcomes]
        return float(statistics.median(ratios)) if ratios else None

    @property
    def breakthrough_share(self) -> tuple[int, int]:
        """(breakthrough-type choices, decisions with a chosen option of known kind)."""
        known = [d for d in self.decisions if d.chosen_kind not in ("", "unknown")]
        return sum(d.chosen_kind in BREAKTHROUGH_KINDS for d in known), len(known)


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


def _decision(snap: Snapshot, findings: Sequence[FindingRow]) -> DecisionRow:
    rec = snap.record
    option = chosen_option(rec)
    kind, inferred, chosen_title = "", False, ""
    if option is not None:
        chosen_title = _text(option.get("title"))
        given = option.get("kind")
        if isinstance(given, str) and given in OPTION_KINDS:
            kind = given
        else:
            guess = lexicon().infer_kind(chosen_title, _text(option.get("description")))
            kind, inferred = (guess, True) if guess else ("unknown", False)
    return DecisionRow(
        decision_id=snap.decision_id,
        title=_text(rec.get("title")),
        status=_text(rec.get("status")),
        project_type=_text(rec.get("project_type")),
        date=_date(rec.get("date")),
        file=snap.file,
        line=snap.line,
        run_id=snap.run_id,
        chosen_title=chosen_title,
        chosen_kind=kind,
        kind_inferred=inferred,
        findings=tuple(sorted(findings, key=_sort_key)),
        outcome=outcome(snap.decision_id, rec),
        costs=cost_outcome(rec),
        record=rec,
    )


def _period(day: dt.date, yearly: bool) -> str:
    return str(day.year) if yearly else f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _periods(first: dt.date, last: dt.date, yearly: bool) -> list[str]:
    """Every period from ``first`` to ``last``, gaps included, so the axis is time."""
    if yearly:
        return [str(y) for y in range(first.year, last.year + 1)]
    out = []
    year, quarter = first.year, (first.month - 1) // 3
    while (year, quarter) <= (last.year, (last.month - 1) // 3):
        out.append(f"{year}-Q{quarter + 1}")
        year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)
    return out


def _mix(decisions: Sequence[DecisionRow]) -> tuple[tuple[QuarterMix, ...], int]:
    """Chosen kinds per quarter of the decision date (per year when the dates span more
    than MAX_QUARTERS quarters); undated decisions last."""
    chosen = [d for d in decisions if d.chosen_kind]
    dated = sorted(d.date for d in chosen if d.date is not None)
    yearly = bool(dated) and (dated[-1].year - dated[0].year) * 4 >= MAX_QUARTERS
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d in chosen:
        counts[_period(d.date, yearly) if d.date else "undated"][d.chosen_kind] += 1
    periods = _periods(dated[0], dated[-1], yearly) if dated else []
    if "undated" in counts:
        periods.append("undated")
    mix = tuple(QuarterMix(q, {k: counts[q].get(k, 0) for k in MIX_KINDS}) for q in periods)
    return mix, len(decisions) - len(chosen)


def _by_rule(findings: Sequence[FindingRow]) -> tuple[RuleCount, ...]:
    acc: dict[str, list[Any]] = {}
    for f in findings:
        row = acc.setdefault(f.rule_id, [f.rule_name or "", f.family or "", f.severity, 0, 0])
        if SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK.get(row[2], 0):
            row[2] = f.severity
        row[4 if f.waived else 3] += 1
    rows = [RuleCount(rid, n, fam, sev, o, w) for rid, (n, fam, sev, o, w) in acc.items()]
    return tuple(sorted(rows, key=lambda r: (-r.open, -r.waived, r.rule_id)))


def _changes(
    conn: sqlite3.Connection, runs: Sequence[RunInfo], audited: Mapping[int, set[str]]
) -> Changes:
    if not runs:
        return Changes(None, None, (), (), 0, 0)
    latest = runs[-1]
    previous = runs[-2] if len(runs) > 1 else None
    if previous is None:
        return Changes(latest, None, (), (), 0, 0)
    rows = findings_of_runs(conn, [previous.id, latest.id])
    now = {f.fingerprint: f for f in rows if f.run_id == latest.id}
    before = {f.fingerprint: f for f in rows if f.run_id == previous.id}
    seen = audited.get(latest.id, set())
    new = [f for fp, f in now.items() if fp not in before]
    gone = [f for fp, f in before.items() if fp not in now]
    resolved = [f for f in gone if reaudited(f, seen)]
    return Changes(
        latest=latest,
        previous=previous,
        new=tuple(sorted(new, key=_sort_key)),
        resolved=tuple(sorted(resolved, key=_sort_key)),
        unchanged=sum(fp in before for fp in now),
        not_reaudited=len(gone) - len(resolved),
    )


def load(
    conn: sqlite3.Connection,
    *,
    source: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
    now: dt.datetime | None = None,
    review_after_days: int = 365,
) -> ReportData:
    """Everything the report shows. No runs (in the window) raises ``LogError``."""
    if not has_tables(conn, "runs", "records", "run_records", "findings"):
        raise LogError(f"{source}: not a decaudit audit log (its tables are missing)")
    runs = runs_between(conn, since, until)
    if not runs:
        window = ""
        if since or until:
            window = f" between {since or 'the start'} and {until or 'now'}"
        raise LogError(f"{source}: the audit log has no runs{window}; run `decaudit check` first")
    run_ids = [r.id for r in runs]
    snapshots = latest_snapshots(conn, run_ids)
    audited = audited_decisions(conn, run_ids)
    wanted = sorted({s.run_id for s in snapshots} | {runs[-1].id})
    current: dict[str, list[FindingRow]] = defaultdict(list)
    latest_of = {s.decision_id: s.run_id for s in snapshots}
    portfolio: list[FindingRow] = []
    for f in findings_of_runs(conn, wanted):
        if latest_of.get(f.decision_id) == f.run_id:
            current[f.decision_id].append(f)
        elif f.decision_id not in latest_of and f.run_id == runs[-1].id:
            portfolio.append(f)
    decisions = [_decision(s, current.get(s.decision_id, ())) for s in snapshots]
    decisions.sort(key=lambda d: (-d.score, -len(d.open_findings), d.decision_id))
    mix, no_choice = _mix(decisions)
    return ReportData(
        source=source,
        generated_at=utc_stamp(now),
        since=since,
        until=until,
        runs=tuple(runs),
        decisions=tuple(decisions),
        portfolio_findings=tuple(sorted(portfolio, key=_sort_key)),
        by_rule=_by_rule([f for d in decisions for f in d.findings] + portfolio),
        mix=mix,
        no_choice=no_choice,
        changes=_changes(conn, runs, audited),
        history=history_of_snapshots(snapshots),
        figures=_figures(conn),
        reviews=tuple(
            reviews(snapshots, clock_today(), after_days=review_after_days, states=STATES)
        ),
    )


def _figures(conn: sqlite3.Connection) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for f in all_actuals(conn):
        out[f.decision_id].append(f)
    return dict(out)
