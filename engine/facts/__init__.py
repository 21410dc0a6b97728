"""Derived facts: what the rules see of a record.

Each record becomes one ``decision`` fact, one ``option`` fact per option and one ``benefit``
or ``cost`` fact per business-case line item. Each fact is a flat dict of scalars carrying
``_t`` (its type), ``did`` (the decision id), ``path`` (JSON path of the item) and ``line``.
A run adds one ``portfolio`` fact with aggregates over all its records.

A fact whose value is unknown is *absent* from the dict (never ``None``): a comparison on an
absent fact is false, ``exists`` tells the two apart. The catalogue is the contract
with the rule files: a rule naming a fact that is not here is rejected when it loads.

The package: ``catalogue`` (the contract), ``context`` (the values facts come in), ``kinds``
(option kinds and business context), ``derive`` (option, benefit and cost facts),
``decision`` (the decision fact) and ``portfolio`` (the run's aggregates).
"""

from __future__ import annotations

from .catalogue import (
    CATALOGUE,
    COLLECTION_TYPES,
    RECORD_TYPES,
    RUN_TYPES,
    FactSpec,
    scope_of,
)
from .context import FactContext, FactDict, RecordFacts, TrackRecord
from .derive import derive
from .kinds import BREAKTHROUGH_KINDS, INCREMENTAL_KINDS
from .portfolio import PORTFOLIO_ID, PortfolioAccumulator, median_ratio

__all__ = [
    "BREAKTHROUGH_KINDS",
    "CATALOGUE",
    "COLLECTION_TYPES",
    "INCREMENTAL_KINDS",
    "PORTFOLIO_ID",
    "RECORD_TYPES",
    "RUN_TYPES",
    "FactContext",
    "FactDict",
    "FactSpec",
    "PortfolioAccumulator",
    "RecordFacts",
    "TrackRecord",
    "derive",
    "median_ratio",
    "scope_of",
]
