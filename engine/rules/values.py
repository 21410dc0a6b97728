"""Typed fact values: the one definition of what a comparison sees.

A fact value counts only when it has the catalogue type of its fact: a number fact holding
``True`` or ``"100"`` is treated as absent, so ``"100"`` never equals ``100`` and ``True`` is
never ``1``. Numbers are normalised the same way for every evaluator: a float with an integral value
in the exact range is that integer (``2.0`` is ``2``, ``-0.0`` is ``0``, and so is anything
nearer to zero than 1e-300), so a join equates ``low: 0`` and ``projected: 0.0``; integers
beyond 2**53 are compared as IEEE doubles, and NaN, infinities and integers beyond a
double's range are absent.
"""

from __future__ import annotations

import math
from typing import Any

MAX_EXACT_INT = 2**53
MIN_MAGNITUDE = 1e-300  # nonzero numbers closer to zero than this compare as zero

# The operators of a comparison, and the fact types each accepts.
ORDER_OPS = ("lt", "lte", "gt", "gte")
OPERATORS: tuple[str, ...] = ("eq", "ne", *ORDER_OPS, "in", "matches", "exists")
OP_TYPES: dict[str, frozenset[str]] = {
    "eq": frozenset({"str", "number", "bool"}),
    "ne": frozenset({"str", "number", "bool"}),
    "lt": frozenset({"number"}),
    "lte": frozenset({"number"}),
    "gt": frozenset({"number"}),
    "gte": frozenset({"number"}),
    "in": frozenset({"str", "number", "bool"}),
    "matches": frozenset({"str"}),
    "exists": frozenset({"str", "number", "bool"}),
}


def typed(value: Any, typ: str) -> Any:
    """``value`` normalised if it has type ``typ`` (str | number | bool), else ``None``."""
    if typ == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        if isinstance(value, int):
            if abs(value) <= MAX_EXACT_INT:
                return value
            try:
                return float(value)
            except OverflowError:  # beyond any double: like an infinity, absent
                return None
        if not math.isfinite(value):
            return None
        if abs(value) < MIN_MAGNITUDE:
            return 0  # also -0.0 -> 0
        if value.is_integer() and abs(value) <= MAX_EXACT_INT:
            return int(value)  # 2.0 is 2: durable's joins do not equate 2 and 2.0
        return value
    if typ == "bool":
        return value if isinstance(value, bool) else None
    if typ == "str":
        return value if isinstance(value, str) else None
    return None


def type_of(value: Any) -> str | None:
    """The fact type a literal has (``None`` for anything else)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number" if typed(value, "number") is not None else None
    if isinstance(value, str):
        return "str"
    return None
