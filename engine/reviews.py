"""Benefits reviews that fall due: which approved decisions should by now have compared their
projected benefits with what came in, and how far that comparison has got.

A decision's review is due on the date its record sets (``review.date``: the comparison set
when it was approved), else ``review_after_days`` after its decision date. Only approved
decisions are reviewed: status accepted or implemented. Its benefits are those of the
approved case (the chosen option's). The review is **done** when every projected benefit has
a measured figure (a ``realized`` figure in the record, or one recorded with
``decaudit actuals``); otherwise it is **overdue** after its due date,
**due** within ``within`` days of it, and **upcoming** before that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .actuals import items

STATES: tuple[str, ...] = ("overdue", "due", "upcoming", "done")
APPROVED = frozenset({"accepted", "implemented"})


@dataclass(frozen=True)
class Review:
    """One decision's benefits review."""

    decision_id: str
    title: str
    owner: str
    status: str  # overdue | due | upcoming | done
    due: str  # YYYY-MM-DD
    days_overdue: int  # 0 unless overdue
    benefits: int  # projected benefits in the approved case
    measured: int  # of them, with a figure measured (at any date)
    projected_total: float
    measured_total: float  # latest measured figures of the measured benefits
    last_measured: str | None  # latest as-of date of any figure
    file: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _owner(record: Mapping[str, Any]) -> str:
    review = record.get("review") if isinstance(record.get("review"), Mapping) else {}
    for value in (
        (review or {}).get("owner"),
        *(record.get("decision_makers") or [])[:1],
        *(record.get("proposed_by") or [])[:1],
    ):
        if value:
            return str(value)
    return ""


def review_of(
    record: Mapping[str, Any],
    today: dt.date,
    *,
    after_days: int,
    within: int = 30,
    file: str = "",
    line: int = 1,
) -> Review | None:
    """The review of one record (None: not approved, no projected benefit, or no date to
    reckon from)."""
    if record.get("status") not in APPROVED:
        return None
    benefits = [b for b in items(record, "benefit") if isinstance(b.get("projected"), int | float)]
    if not benefits:
        return None
    review = record.get("review") if isinstance(record.get("review"), Mapping) else None
    due = _date(review.get("date")) if review else None
    if due is None:
        decided = _date(record.get("date"))
        if decided is None:
            return None
        due = decided + dt.timedelta(days=after_days)
    measured = [b for b in benefits if isinstance(b.get("realized"), int | float)]
    stamps = [d for b in measured if (d := _date(b.get("measured_on"))) is not None]
    if len(measured) == len(benefits):
        status = "done"
    elif due < today:
        status = "overdue"
    elif (due - today).days <= within:
        status = "due"
    else:
        status = "upcoming"
    return Review(
        decision_id=str(record.get("id")),
        title=str(record.get("title") or ""),
        owner=_owner(record),
        status=status,
        due=due.isoformat(),
        days_overdue=(today - due).days if status == "overdue" else 0,
        benefits=len(benefits),
        measured=len(measured),
        projected_total=float(sum(b["projected"] for b in benefits)),
        measured_total=float(sum(b["realized"] for b in measured)),
        last_measured=max(stamps).isoformat() if stamps else None,
        file=file,
        line=line,
    )


def reviews(
    snapshots: Iterable[Any],
    today: dt.date,
    *,
    after_days: int,
    within: int = 30,
    states: Iterable[str] = ("overdue", "due"),
) -> list[Review]:
    """The reviews of the log's latest snapshots in ``states``: most overdue first, then by
    due date."""
    wanted = set(states)
    out = []
    for snap in snapshots:
        r = review_of(
            snap.record,
            today,
            after_days=after_days,
            within=within,
            file=snap.file,
            line=snap.line,
        )
        if r is not None and r.status in wanted:
            out.append(r)
    out.sort(key=lambda r: (STATES.index(r.status), -r.days_overdue, r.due, r.decision_id))
    return out
