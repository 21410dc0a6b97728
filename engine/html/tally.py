"""The figures of the report that only the records hold, from one pass over the current
snapshots: each record is read, counted and dropped, so memory holds the tallies (and the
few decisions with measured figures), never the portfolio."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..calibration import CostOutcome, Outcome, cost_outcome, outcome
from ..facts import BREAKTHROUGH_KINDS
from ..log.read import Snapshot
from ..reviews import review_of
from .data import MAX_QUARTERS, MIX_KINDS, Measured, QuarterMix, _date, _text, chosen_kind

DUE = ("overdue", "due")  # the reviews the report lists


@dataclass(frozen=True)
class Tally:
    mix: tuple[QuarterMix, ...]
    no_choice: int
    outcomes: tuple[tuple[Measured, Outcome], ...]
    costs: tuple[tuple[Measured, CostOutcome], ...]
    reviews: tuple[Any, ...]
    history: Mapping[str, Mapping[str, float]]
    breakthrough_share: tuple[int, int]
    implemented: int
    reviewed: int
    figure_records: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


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


def mix_of(
    by_quarter: Mapping[tuple[dt.date | None, str], int],
) -> tuple[QuarterMix, ...]:
    """Chosen kinds per quarter of the decision date (per year when the dates span more
    than MAX_QUARTERS quarters); undated decisions last. ``by_quarter``: (first day of the
    quarter or None, kind) -> decisions."""
    dated = sorted({q for q, _ in by_quarter if q is not None})
    yearly = bool(dated) and (dated[-1].year - dated[0].year) * 4 >= MAX_QUARTERS
    counts: dict[str, Counter[str]] = {}
    for (q, kind), n in by_quarter.items():
        counts.setdefault(_period(q, yearly) if q else "undated", Counter())[kind] += n
    periods = _periods(dated[0], dated[-1], yearly) if dated else []
    if "undated" in counts:
        periods.append("undated")
    return tuple(
        QuarterMix(p, {k: counts.get(p, Counter()).get(k, 0) for k in MIX_KINDS}) for p in periods
    )


def tally_snapshots(
    snapshots: Iterable[Snapshot],
    *,
    today: dt.date,
    review_after_days: int,
    figures: set[str],
) -> Tally:
    """The record-only figures of ``snapshots`` (read once, in order); the records of the
    decisions in ``figures`` are kept (the report sets their recorded figures against
    their cases)."""
    by_quarter: Counter[tuple[dt.date | None, str]] = Counter()
    no_choice = implemented = reviewed = breakthrough = known = 0
    outcomes: list[tuple[Measured, Outcome]] = []
    costs: list[tuple[Measured, CostOutcome]] = []
    due: list[Any] = []
    history: dict[str, dict[str, float]] = {}
    kept: dict[str, Mapping[str, Any]] = {}
    for snap in snapshots:
        rec = snap.record
        kind = chosen_kind(rec)[0]
        if kind:
            day = _date(rec.get("date"))
            quarter = None if day is None else dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            by_quarter[(quarter, kind)] += 1
            if kind != "unknown":
                known += 1
                breakthrough += kind in BREAKTHROUGH_KINDS
        else:
            no_choice += 1
        who = Measured(snap.decision_id, _text(rec.get("title")), _text(rec.get("project_type")))
        measured = outcome(snap.decision_id, rec)
        if measured is not None:
            outcomes.append((who, measured))
            if measured.project_type is not None:
                history.setdefault(measured.project_type, {})[snap.decision_id] = (
                    measured.realization
                )
        spent = cost_outcome(rec)
        if spent is not None:
            costs.append((who, spent))
        if _text(rec.get("status")) == "implemented":
            implemented += 1
            reviewed += measured is not None
        review = review_of(
            rec, today, after_days=review_after_days, within=30, file=snap.file, line=snap.line
        )
        if review is not None and review.status in DUE:
            due.append(review)
        if snap.decision_id in figures:
            kept[snap.decision_id] = rec
    due.sort(key=lambda r: (DUE.index(r.status), -r.days_overdue, r.due, r.decision_id))
    return Tally(
        mix=mix_of(by_quarter),
        no_choice=no_choice,
        outcomes=tuple(outcomes),
        costs=tuple(costs),
        reviews=tuple(due),
        history=history,
        breakthrough_share=(breakthrough, known),
        implemented=implemented,
        reviewed=reviewed,
        figure_records=kept,
    )
