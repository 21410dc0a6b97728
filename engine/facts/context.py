"""The values facts come in: a record's facts, the context they are derived in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..packdata import Lexicon, References, lexicon, references

FactDict = dict[str, Any]


@dataclass(frozen=True)
class TrackRecord:
    """The organisation's realized ratio for one project type, from the audit log."""

    ratio: float
    count: int
    decisions: tuple[str, ...]


@dataclass(frozen=True)
class FactContext:
    today: dt.date
    lexicon: Lexicon = field(default_factory=lexicon)
    references: References = field(default_factory=references)
    track_records: Mapping[str, TrackRecord] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordFacts:
    decision: FactDict
    options: list[FactDict]
    benefits: list[FactDict]
    costs: list[FactDict]

    def all(self) -> list[FactDict]:
        return [self.decision, *self.options, *self.benefits, *self.costs]

    def as_json(self) -> dict[str, Any]:
        """The facts as ``decaudit facts --format json`` shows them. Each option, benefit and
        cost also carries its own ``id`` (its ``oid``/``bid``/``cid``: inside the engine a
        fact may not have an ``id`` key, which durable_rules reserves)."""

        def show(fact: FactDict, own: str | None = None) -> dict[str, Any]:
            out = {"id": fact[own]} if own else {}
            out.update((k, v) for k, v in fact.items() if k != "_t")
            return out

        return {
            "decision": show(self.decision),
            "options": [show(f, "oid") for f in self.options],
            "benefits": [show(f, "bid") for f in self.benefits],
            "costs": [show(f, "cid") for f in self.costs],
        }
