"""Validation of a raw mapping against the record model, with friendly, located errors.

``to_record`` turns a mapping (plus its location -> line map) into a
:class:`~decaudit.engine.types.SourceRecord`, or an
:class:`~decaudit.engine.types.InputError` such as::

    decisions.yaml:14: options[0].business_case.benefits[1].projected: must be a number
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Record
from ..types import InputError, Loc, SourceRecord, format_loc
from . import limits

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_ERRORS = 3

# Tags pydantic appends to a location when a value fails every member of a union.
_UNION_TAGS = frozenset({"int", "float", "str", "bool", "date", "constrained-float"})

_NUMBER_TYPES = frozenset({"int_type", "float_type", "int_parsing", "float_parsing"})
_DATE_TYPES = frozenset(
    {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "date_future",
        "date_past",
    }
)
_SIMPLE = {
    "missing": "is required",
    "list_type": "must be a list",
    "string_type": "must be text",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "finite_number": "must be a finite number",
    "string_too_short": "must not be empty",
}


def line_for(lines: Mapping[Loc, int], loc: Sequence[str | int]) -> int | None:
    """The line of ``loc`` or of its nearest ancestor that has one."""
    key = tuple(loc)
    while True:
        if key in lines:
            return lines[key]
        if not key:
            return None
        key = key[:-1]


def _clean_loc(loc: Sequence[str | int]) -> Loc:
    parts = list(loc)
    while (
        len(parts) > 1
        and isinstance(parts[-1], str)
        and (parts[-1] in _UNION_TAGS or parts[-1].startswith(("function-", "constrained-")))
    ):
        parts.pop()
    return tuple(parts)


def _describe(err: Mapping[str, Any]) -> str:
    kind = str(err["type"])
    ctx = err.get("ctx") or {}
    if kind in _NUMBER_TYPES:
        return "must be a number"
    if kind in _DATE_TYPES:
        return "must be a date (YYYY-MM-DD)"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'\"") for c in expected.replace(" or ", ", ").split(",")]
        return "must be one of: " + ", ".join(c for c in choices if c)
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt')}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    msg = str(err.get("msg", "is invalid"))
    return msg[0].lower() + msg[1:] if msg else "is invalid"


def describe_errors(exc: ValidationError) -> list[tuple[Loc, str]]:
    """One ``(location, message)`` per distinct failing location, in document order."""
    seen: dict[Loc, str] = {}
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        if loc not in seen:
            seen[loc] = _describe(err)
    return list(seen.items())


def to_record(
    data: Any, lines: Mapping[Loc, int], *, file: str, fmt: str, line: int | None = None
) -> SourceRecord | InputError:
    """Validate one raw record. ``line`` is where the record starts (used when unknown)."""
    start = lines.get((), line)
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else type(data).__name__
        if data is None:
            what = "empty"
        return InputError(file, start, f"a decision record must be a mapping (got {what})")
    over = limits.check(data)
    if over is not None:
        loc, message = over
        return InputError(file, line_for(lines, loc) or start, f"{format_loc(loc)}: {message}")
    record = Record.fast_validate(data)
    if record is None:  # outside the fast path: the pydantic models decide and word errors
        from pydantic import ValidationError

        try:
            record = Record.model_validate(data)
        except ValidationError as exc:
            return _invalid(exc, lines, file=file, start=start)
    if () not in lines and start is not None:
        lines = {(): start, **lines}
    return SourceRecord(record=record, file=file, format=fmt, lines=dict(lines), raw=data)


def _invalid(
    exc: ValidationError, lines: Mapping[Loc, int], *, file: str, start: int | None
) -> InputError:
    problems = describe_errors(exc)
    where = line_for(lines, problems[0][0]) or start
    parts = [f"{format_loc(loc) or 'record'}: {msg}" for loc, msg in problems[:MAX_ERRORS]]
    if len(problems) > MAX_ERRORS:
        parts.append(f"and {len(problems) - MAX_ERRORS} more")
    return InputError(file, where, "; ".join(parts))
