"""The values of the record model's fast path (:mod:`.model`).

- The checks of one field's value: each returns the value as the pydantic reference
  (:mod:`.model_schema`) would, or raises :class:`_Defer` when the value is outside the
  fast path (the reference then decides, and words the errors).
- :func:`dump_extra`: an unknown key's value as JSON data, as pydantic's
  ``model_dump(mode="json")`` writes it: dates as ISO text, tuples as lists, a non-finite
  number as null, nested None values kept. Any other type raises :class:`Unsupported`
  (the caller hands the record to pydantic).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

FORMAT_VERSION = 1


class Unsupported(Exception):
    """A value this module does not write the way pydantic does."""


class _Defer(Unsupported):
    """The value is outside the fast path: the pydantic models decide."""


# Figures beyond this magnitude are refused: no real amount is that large, and an integer
# of hundreds of digits would not even convert to a float.
MAX_FIGURE = 10**18
# Contingency and optimism-bias uplift are fractions (0.25 for 25%); above this, a typo.
MAX_FRACTION = 5
MAX_TEXT = 100_000


Check = Callable[[Any], Any]
_REQUIRED = object()
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _string(low: int = 0, high: int | None = None) -> Check:
    def check(v: Any) -> Any:
        if type(v) is str and len(v) >= low and (high is None or len(v) <= high):
            return v
        raise _Defer

    return check


def _number(low: float | None = None, *, above: bool = False, high: float = MAX_FIGURE) -> Check:
    """A JSON number (never a bool or a string), finite, at most ``MAX_FIGURE`` in size, at
    least ``low`` (above it with ``above``) and at most ``high``."""

    def check(v: Any) -> Any:
        t = type(v)
        if t is int or (t is float and math.isfinite(v)):
            if abs(v) > MAX_FIGURE or v > high:
                raise _Defer
            if low is not None and (v <= low if above else v < low):
                raise _Defer
            return v
        raise _Defer

    return check


def _bool(v: Any) -> Any:
    if type(v) is bool:
        return v
    raise _Defer


def _date(v: Any) -> Any:
    if type(v) is dt.date:
        return v
    if type(v) is str and _DATE.match(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            raise _Defer from None
    raise _Defer


def _one_of(choices: tuple[Any, ...]) -> Check:
    def check(v: Any) -> Any:
        if type(v) is str and v in choices:
            return v
        raise _Defer

    return check


def _format_version(v: Any) -> Any:
    if type(v) is int and v == FORMAT_VERSION:
        return v
    raise _Defer


def _optional(check: Check) -> Check:
    def optional(v: Any) -> Any:
        return None if v is None else check(v)

    optional.inner = check  # type: ignore[attr-defined]  # the model's fast path reads it
    return optional


def _list_of(check: Check) -> Check:
    def items(v: Any) -> Any:
        if type(v) is list:
            return [check(x) for x in v]
        raise _Defer

    items.is_list = True  # type: ignore[attr-defined]  # written as a copy of the list
    return items


def kind_of(check: Check, nested: tuple[Any, bool] | None) -> str | None:
    """How a field is written: ``"model"``/``"models"`` (``nested``: its model class and
    whether it is a list of them), ``"date"``, ``"list"``, or None (as it is)."""
    if nested is not None:
        return "models" if nested[1] else "model"
    inner = getattr(check, "inner", check)
    if inner is _date:
        return "date"
    return "list" if getattr(inner, "is_list", False) else None


def dump_extra(value: Any) -> Any:
    t = type(value)
    if value is None or t is str or t is bool or t is int:
        return value
    if t is float:
        return value if math.isfinite(value) else None
    if t is list or t is tuple:
        return [dump_extra(v) for v in value]
    if t is dict:
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                raise Unsupported
            out[k] = dump_extra(v)
        return out
    if t is dt.date:
        return value.isoformat()
    raise Unsupported
