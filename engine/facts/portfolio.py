"""The portfolio fact: aggregates over all the records of a run, in constant memory."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from typing import Any

from .context import FactDict, RecordFacts
from .kinds import BREAKTHROUGH_KINDS, INCREMENTAL_KINDS

PORTFOLIO_ID = "(portfolio)"


def counted_kind(decision: Mapping[str, Any]) -> object:
    """The kind of a record's chosen option as the portfolio counts it. A kind guessed from
    the words of a record with no business context (a software record's "error handling
    example" read as do-nothing) is not counted: the portfolio mix is about business bets,
    and such guesses would make one up."""
    if decision.get("chosen_kind_inferred") and not decision.get("business_context"):
        return None
    return decision.get("chosen_kind")


class PortfolioAccumulator:
    """Aggregates over a run in constant memory; ``fact()`` gives the portfolio fact."""

    def __init__(self) -> None:
        self.decision_count = 0
        self.decided = 0
        self.breakthrough = 0
        self.incremental = 0

    def add(self, facts: RecordFacts) -> None:
        self.add_kind(counted_kind(facts.decision))

    def add_kind(self, kind: object) -> None:
        """One record whose chosen option is of ``kind`` (None: no choice)."""
        self.decision_count += 1
        if kind is None or kind == "unknown":
            return
        self.decided += 1
        self.breakthrough += kind in BREAKTHROUGH_KINDS
        self.incremental += kind in INCREMENTAL_KINDS

    def fact(self) -> FactDict:
        pf: FactDict = {
            "_t": "portfolio",
            "did": PORTFOLIO_ID,
            "path": "$",
            "line": 0,
            "decision_count": self.decision_count,
            "decided_count": self.decided,
            "breakthrough_chosen_count": self.breakthrough,
            "incremental_chosen_count": self.incremental,
        }
        if self.decided:
            pf["breakthrough_share"] = round(self.breakthrough / self.decided, 6)
            pf["incremental_share"] = round(self.incremental / self.decided, 6)
        return pf


def median_ratio(ratios: Iterable[float]) -> float:
    return float(statistics.median(ratios))
