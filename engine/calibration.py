"""The organisation's own track record, read back from the audit log.

Past decisions are the *latest snapshot* of each decision: the record audited by the latest
run that audited that decision id (``run_records``), read from ``records.canonical``. Only
decisions whose chosen option has benefit lines with both a projected and a realized figure
count ("measured" decisions). For each of them:

- realization ratio = sum of realized / sum of projected, over the measured benefit lines;
- cost overrun = sum of realized / sum of projected, over the measured cost lines (absent when
  no cost line was measured);
- per benefit type, the realization ratio over the measured lines of that type.

Distributions give p10, p25, median, p75 and p90 (linear interpolation between closest
ranks). ``track_records`` feeds rule BEN009: the median realization ratio per project type.

Pure statistics: snapshots in, figures out. Reading them from the log is
:mod:`decaudit.engine.log.read`'s job; :mod:`decaudit.engine.history` joins the two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

FEW = 5  # below this many decisions a distribution is flagged as too few to rely on
PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p10", 0.10),
    ("p25", 0.25),
    ("median", 0.50),
    ("p75", 0.75),
    ("p90", 0.90),
)
UNSPECIFIED = "(unspecified)"


class Snapshot(Protocol):
    """A decision as last audited (``decaudit.engine.log.read.Snapshot``)."""

    @property
    def decision_id(self) -> str: ...

    @property
    def record(self) -> Mapping[str, Any]: ...


# --- figures of one record -----------------------------------------------------------------


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def chosen_index(flags: Iterable[bool]) -> int | None:
    """The index of the chosen option when exactly one is marked chosen, else None: the one
    definition of "the chosen option", shared by the facts and the track record."""
    chosen = [i for i, flag in enumerate(flags) if flag]
    return chosen[0] if len(chosen) == 1 else None


def chosen_option(record: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The chosen option of a record (as JSON) when exactly one is marked chosen, else None."""
    options = record.get("options")
    if not isinstance(options, list):
        return None
    options = [o for o in options if isinstance(o, dict)]
    index = chosen_index(o.get("chosen") is True for o in options)
    return None if index is None else options[index]


def _lines(case: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = case.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _measured(items: Iterable[Mapping[str, Any]]) -> list[tuple[float, float]]:
    pairs = []
    for item in items:
        p, r = _num(item.get("projected")), _num(item.get("realized"))
        if p is not None and r is not None:
            pairs.append((p, r))
    return pairs


def measured_ratio(pairs: Iterable[tuple[float | int | None, float | int | None]]) -> float | None:
    """sum(realized) / sum(projected) over the pairs where both are known: the one definition
    of a realization ratio (benefits) or overrun ratio (costs). None when nothing was
    measured or the projections sum to zero or less."""
    measured = [(p, r) for p, r in pairs if p is not None and r is not None]
    denominator = sum(p for p, _ in measured)
    if not measured or denominator <= 0:
        return None
    return sum(r for _, r in measured) / denominator


@dataclass(frozen=True)
class CostOutcome:
    """Projected and realized costs of the chosen case, over the measured cost lines."""

    projected: float
    realized: float
    overrun: float  # realized / projected


def _case(record: Mapping[str, Any]) -> Mapping[str, Any] | None:
    option = chosen_option(record)
    case = option.get("business_case") if option else None
    return case if isinstance(case, dict) else None


def cost_outcome(record: Mapping[str, Any]) -> CostOutcome | None:
    """The chosen case's cost overrun, or None when no cost line has both figures."""
    case = _case(record)
    pairs = _measured(_lines(case, "costs")) if case is not None else []
    overrun = measured_ratio(pairs)
    if overrun is None:
        return None
    return CostOutcome(sum(p for p, _ in pairs), sum(r for _, r in pairs), overrun)


def benefit_type_pairs(
    benefits: Iterable[Mapping[str, Any]],
) -> dict[str, list[tuple[float, float]]]:
    """Benefit type -> the (projected, realized) pairs of its measured lines (a line without a
    type counts as ``UNSPECIFIED``)."""
    by_type: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for ben in benefits:
        btype = ben.get("type") if isinstance(ben.get("type"), str) else UNSPECIFIED
        by_type[str(btype)].extend(_measured([ben]))
    return by_type


def chosen_benefits(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The benefit lines of the chosen option's business case (none without one)."""
    case = _case(record)
    return _lines(case, "benefits") if case is not None else []


@dataclass(frozen=True)
class Outcome:
    """What a decision's chosen case projected and what came in (measured lines only)."""

    decision_id: str
    project_type: str | None
    projected_benefits: float
    realized_benefits: float
    realization: float
    projected_costs: float | None
    realized_costs: float | None
    overrun: float | None
    by_benefit_type: Mapping[str, float]  # benefit type -> realization ratio of that type


def outcome(decision_id: str, record: Mapping[str, Any]) -> Outcome | None:
    """The measured outcome of a record, or None when its chosen benefits were never measured."""
    case = _case(record)
    if case is None:
        return None
    benefits = _lines(case, "benefits")
    pairs = _measured(benefits)
    realization = measured_ratio(pairs)
    if realization is None:
        return None
    type_ratios = {
        t: r
        for t, ps in benefit_type_pairs(benefits).items()
        if (r := measured_ratio(ps)) is not None
    }
    costs = cost_outcome(record)
    ptype = record.get("project_type")
    return Outcome(
        decision_id=decision_id,
        project_type=ptype if isinstance(ptype, str) and ptype else None,
        projected_benefits=sum(p for p, _ in pairs),
        realized_benefits=sum(r for _, r in pairs),
        realization=realization,
        projected_costs=costs.projected if costs else None,
        realized_costs=costs.realized if costs else None,
        overrun=costs.overrun if costs else None,
        by_benefit_type=type_ratios,
    )


# --- distributions -------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); values must be sorted."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


@dataclass(frozen=True)
class Distribution:
    count: int
    p10: float
    p25: float
    median: float
    p75: float
    p90: float
    decisions: tuple[str, ...]  # sorted ids behind the figures

    @property
    def few(self) -> bool:
        """Fewer than FEW decisions: the percentiles say little."""
        return self.count < FEW

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "too_few": self.few,
            **{name: round(getattr(self, name), 6) for name, _ in PERCENTILES},
            "decisions": list(self.decisions),
        }


def distribution(values: Mapping[str, float]) -> Distribution | None:
    """Distribution of ``decision id -> value``; None when empty."""
    if not values:
        return None
    ordered = sorted(values.values())
    stats = {name: percentile(ordered, q) for name, q in PERCENTILES}
    return Distribution(count=len(values), decisions=tuple(sorted(values)), **stats)


@dataclass(frozen=True)
class Group:
    key: str  # the project type or benefit type
    realization: Distribution
    overrun: Distribution | None  # None when no decision of the group measured its costs


@dataclass(frozen=True)
class Calibration:
    decisions: int  # latest snapshots in the log
    measured: tuple[Outcome, ...]  # those whose chosen benefits were measured
    overall: Group | None
    by_project_type: tuple[Group, ...]
    by_benefit_type: tuple[Group, ...]

    def as_json(self) -> dict[str, Any]:
        def group(g: Group) -> dict[str, Any]:
            return {
                "key": g.key,
                "realization": g.realization.as_json(),
                "cost_overrun": g.overrun.as_json() if g.overrun else None,
            }

        return {
            "decisions": self.decisions,
            "measured_decisions": len(self.measured),
            "min_count_for_percentiles": FEW,
            "overall": group(self.overall) if self.overall else None,
            "by_project_type": [group(g) for g in self.by_project_type],
            "by_benefit_type": [group(g) for g in self.by_benefit_type],
        }


def _group(key: str, outcomes: Sequence[Outcome], benefit_type: str | None = None) -> Group | None:
    if benefit_type is None:
        real = {o.decision_id: o.realization for o in outcomes}
    else:
        real = {
            o.decision_id: o.by_benefit_type[benefit_type]
            for o in outcomes
            if benefit_type in o.by_benefit_type
        }
    dist = distribution(real)
    if dist is None:
        return None
    over = {
        o.decision_id: o.overrun
        for o in outcomes
        if o.decision_id in real and o.overrun is not None
    }
    return Group(key, dist, distribution(over))


def outcomes_of(snapshots: Iterable[Snapshot]) -> list[Outcome]:
    return [o for s in snapshots if (o := outcome(s.decision_id, s.record)) is not None]


def calibrate_snapshots(snapshots: Sequence[Snapshot]) -> Calibration:
    measured = outcomes_of(snapshots)
    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for o in measured:
        by_type[o.project_type or UNSPECIFIED].append(o)
    project_groups = [_group(k, v) for k, v in sorted(by_type.items())]
    benefit_types = sorted({t for o in measured for t in o.by_benefit_type})
    benefit_groups = [_group(t, measured, benefit_type=t) for t in benefit_types]
    return Calibration(
        decisions=len(snapshots),
        measured=tuple(measured),
        overall=_group("(all)", measured),
        by_project_type=tuple(g for g in project_groups if g is not None),
        by_benefit_type=tuple(g for g in benefit_groups if g is not None),
    )


def track_records_of(
    snapshots: Iterable[Snapshot], min_decisions: int
) -> dict[str, tuple[float, int, tuple[str, ...]]]:
    """Per project type with at least ``min_decisions`` measured decisions: the median
    realization ratio, the count and the sorted decision ids (the facts behind BEN009)."""
    by_type: dict[str, dict[str, float]] = defaultdict(dict)
    for o in outcomes_of(snapshots):
        if o.project_type is not None:
            by_type[o.project_type][o.decision_id] = o.realization
    out: dict[str, tuple[float, int, tuple[str, ...]]] = {}
    for ptype, ratios in sorted(by_type.items()):
        if len(ratios) >= max(1, min_decisions):
            ordered = sorted(ratios.values())
            out[ptype] = (round(percentile(ordered, 0.5), 6), len(ratios), tuple(sorted(ratios)))
    return out
