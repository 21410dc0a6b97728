"""Benefit realism and the benefits review: the figures of the brief, worked out and worded.

- The projected benefit beside what its reference class realizes (``rules/reference``) and
  what the organisation's own past decisions of the same project type realized (the audit
  log's track record, the data behind BEN009), with the benefit adjusted by each;
- the optimism-bias adjustment the case should carry on its benefits, and the Green Book's
  uplift on its costs where the project type has one;
- the benefits review to write into the approval (date, figures), or what came in.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from ..calibration import chosen_index
from ..model import BusinessCase, Option, Record
from ..packdata import References
from .model import Comparison, Realism, Row
from .wording import add_years, count, day, money, pct

# project type -> {decision id -> realization ratio}: the measured past decisions in the log
History = Mapping[str, Mapping[str, float]]
MAX_REVIEW_ROWS = 8
ACRONYMS = {"it": "IT", "erp": "ERP", "crm": "CRM", "hr": "HR", "m&a": "M&A"}


@dataclass(frozen=True)
class Track:
    ratio: float  # median realization of the past decisions
    count: int
    project_type: str


def track_for(
    history: History, project_type: str | None, exclude: str, minimum: int
) -> Track | None:
    """The organisation's track record for a project type, without the decision itself."""
    if not project_type:
        return None
    ratios = [r for did, r in history.get(project_type, {}).items() if did != exclude]
    if len(ratios) < max(1, minimum):
        return None
    return Track(float(statistics.median(ratios)), len(ratios), project_type)


def type_words(project_type: str) -> str:
    """``it-system`` -> ``IT system``."""
    words = project_type.replace("_", "-").split("-")
    return " ".join(ACRONYMS.get(w.lower(), w) for w in words if w)


def chosen_case(record: Record) -> tuple[Option, BusinessCase] | None:
    index = chosen_index(o.chosen for o in record.options)
    if index is None:
        return None
    option = record.options[index]
    case = option.business_case
    return None if case is None else (option, case)


def currency_of(record: Record) -> str | None:
    value = (record.model_extra or {}).get("currency")
    return value if isinstance(value, str) and value.strip() else None


def _projected(case: BusinessCase) -> float:
    return float(sum(b.projected for b in case.benefits if b.projected is not None))


def _reference_adjusted(
    record: Record, case: BusinessCase, refs: References, assumed: float
) -> tuple[float, float, list[str]]:
    """The projected benefits as the reference classes expect them to be realized: the
    adjusted total, the projected amount a reference covers, and the references' labels
    (benefits no reference covers count at the case's own assumption)."""
    adjusted, covered, labels = 0.0, 0.0, []
    for ben in case.benefits:
        if ben.projected is None:
            continue
        fig = refs.realization_for(record.project_type, ben.type)
        if fig is None:
            adjusted += ben.projected * assumed
            continue
        adjusted += ben.projected * fig.value
        covered += ben.projected
        if fig.label not in labels:
            labels.append(fig.label)
    return adjusted, covered, labels


def realism(
    record: Record, refs: References, track: Track | None, *, short: bool = False
) -> Realism | None:
    """The benefit-realism table and what it means; None when there is nothing to compare."""
    got = chosen_case(record)
    total = _projected(got[1]) if got is not None else 0.0
    if got is None or total <= 0:
        if track is None:
            return None
        return Realism(
            (),
            (
                f"Your last {count(track.count, type_words(track.project_type) + ' decision')} "
                f"realized a median {pct(track.ratio)} of their projected benefits; this case "
                "states no projected benefit to compare.",
            ),
        )
    case = got[1]
    cur = currency_of(record)
    uplift = float(case.optimism_bias_uplift or 0.0)
    assumed = max(0.0, 1.0 - uplift)
    rows = [Row("What the case assumes", pct(assumed), money(total * assumed, cur))]
    sentences: list[str] = []
    adjusted, covered, labels = _reference_adjusted(record, case, refs, assumed)
    needs: list[float] = []
    if covered > 0:
        share = adjusted / total
        what = "; ".join(labels)
        if covered < total:
            what += f", applied to the {money(covered, cur)} of benefits it covers"
        rows.append(Row(f"Similar projects elsewhere ({what})", pct(share), money(adjusted, cur)))
        needs.append(1 - share)
    if track is not None:
        rows.append(
            Row(
                f"Your last {count(track.count, type_words(track.project_type) + ' decision')}"
                " (median)",
                pct(track.ratio),
                money(total * track.ratio, cur),
            )
        )
        sentences.append(
            f"Your last {count(track.count, type_words(track.project_type) + ' decision')} "
            f"realized a median {pct(track.ratio)} of their projected benefits; this case "
            f"assumes {pct(assumed)}."
        )
        needs.append(1 - track.ratio)
    realized = [b.realized for b in case.benefits if b.realized is not None]
    if realized and not short:
        measured = [(b.projected, b.realized) for b in case.benefits if b.realized is not None]
        base = sum(p for p, _ in measured if p is not None)
        got_in = float(sum(r for _, r in measured))
        if base > 0:
            rows.append(Row("What came in (measured)", pct(got_in / base), money(got_in, cur)))
    if short:
        return Realism((), tuple(sentences)) if sentences else None
    if len(rows) == 1:
        return None
    need = max(needs) if needs else 0.0
    if need > uplift + 0.005:
        sentences.append(
            f"The case should discount its benefits by at least {pct(need)} (an optimism-bias "
            f"adjustment; it applies {pct(uplift)}), or show why it will do better than "
            "similar projects and your own record."
        )
    elif needs:
        sentences.append(
            f"The case's discount of {pct(uplift)} already covers what similar decisions realize."
        )
    cost_fig = refs.uplift.get(record.project_type or "")
    if cost_fig is not None:
        held = max((c.contingency or 0.0 for c in case.costs), default=0.0)
        sentences.append(
            f"On costs, the Green Book's optimism-bias uplift for {cost_fig.label} is "
            f"up to {pct(cost_fig.value)} of the estimate; the case holds "
            f"{pct(max(held, uplift))}."
        )
    return Realism(tuple(rows), tuple(sentences))


def _range(low: float | None, high: float | None, cur: str | None) -> str:
    if low is None or high is None:
        return "no range given"
    return f"{money(low, cur)} to {money(high, cur)}"


def comparison(
    record: Record, today: dt.date, *, past: bool, short: bool = False
) -> Comparison | None:
    """The benefits review to put in the approval, or what came in; None without figures."""
    got = chosen_case(record)
    if got is None:
        return None
    option, case = got
    benefits = [b for b in case.benefits if b.projected is not None]
    if not benefits:
        return None
    cur = currency_of(record)
    measured = [b for b in benefits if b.realized is not None]
    if measured:
        base = float(sum(b.projected or 0 for b in measured))
        got_in = float(sum(b.realized or 0 for b in measured))
        text = (
            f"The comparison was made: benefits came in at {money(got_in, cur)} against "
            f"{money(base, cur)} projected" + (f" ({pct(got_in / base)})" if base > 0 else "")
        )
        costs = [c for c in case.costs if c.projected is not None and c.realized is not None]
        if costs:
            cp = float(sum(c.projected or 0 for c in costs))
            cr = float(sum(c.realized or 0 for c in costs))
            text += f"; costs at {money(cr, cur)} against {money(cp, cur)}"
        return Comparison((text + ".",))
    total = money(float(sum(b.projected or 0 for b in benefits)), cur)
    review_day = record.review.date if record.review and record.review.date else None
    base_day = record.date or today
    first = review_day or add_years(base_day, 1)
    horizon = case.horizon_years
    final = (
        add_years(base_day, int(horizon))
        if isinstance(horizon, int | float) and int(horizon) > 1
        else None
    )
    when = f"on {day(first)}" + (
        f", and again at the end of the {int(horizon)}-year horizon on {day(final)}"
        if final and horizon
        else ""
    )
    if past and first <= today:
        lead = f"The benefits review was due on {day(first)}, and no comparison with what came in"
        lead += " is recorded"
        if not short:
            lead += f": ask for the realized figure of each line against the {total} projected"
        lead += "."
    elif past:
        lead = (
            f"Hold the benefits review {when}, comparing what came in with the {total} "
            f"projected for '{option.title}', and name who reports it."
        )
    elif review_day is not None:
        lead = f"The record sets a benefits review {when}. Keep it in the approval"
        lead += f", against the {total} projected for '{option.title}'."
    else:
        lead = (
            f"Write into the approval a benefits review {when}, comparing what came in "
            f"with the {total} projected for '{option.title}', and name who reports it."
        )
    if short:
        return Comparison((lead,))
    rows: list[tuple[str, str, str]] = []
    for ben in benefits[:MAX_REVIEW_ROWS]:
        label = ben.description or ben.id or (ben.type or "benefit")
        rows.append((label, money(float(ben.projected or 0), cur), _range(ben.low, ben.high, cur)))
    for cost in [c for c in case.costs if c.projected is not None][: MAX_REVIEW_ROWS - len(rows)]:
        label = "Cost: " + (cost.description or cost.id or "cost")
        held = f"contingency {pct(cost.contingency or 0.0)}"
        rows.append((label, money(float(cost.projected or 0), cur), held))
    return Comparison((lead,), tuple(rows))
