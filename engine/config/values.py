"""Setting value parsers: a raw value from a file, the environment or a flag, normalised.

Each parser takes ``(value, from_text)`` (``from_text`` is true for environment variables
and flags given as strings) and returns the normalised value or raises :class:`_Bad`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..hints import show_typed, suggest
from ..vocab import FAIL_ON_CHOICES as FAIL_ON_CHOICES
from ..vocab import OUTPUT_FORMATS, RECORD_EXTENSIONS, SEVERITIES

DEFAULT_EXTENSIONS: tuple[str, ...] = RECORD_EXTENSIONS
DEFAULT_MAX_FILE_SIZE = 10 * 2**20
SIZE_UNITS: Mapping[str, int] = {
    "": 1,
    "b": 1,
    "k": 2**10,
    "kb": 2**10,
    "kib": 2**10,
    "m": 2**20,
    "mb": 2**20,
    "mib": 2**20,
    "g": 2**30,
    "gb": 2**30,
    "gib": 2**30,
}


class _Bad(ValueError):
    """A value of the wrong type or out of range (the message says what was expected)."""


# --- value parsers: (raw value, from_text) -> normalised value -------------------------
# ``from_text`` is true for environment variables and flags given as strings.


def _str(value: Any, from_text: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"expected a non-empty string, got {_show(value)}")
    return value.strip()


def _choice(*choices: str) -> Callable[[Any, bool], str]:
    def parse(value: Any, from_text: bool) -> str:
        text = value.strip().lower() if isinstance(value, str) else value
        if text not in choices:
            raise _Bad(f"expected one of {', '.join(choices)}, got {_show(value)}")
        return str(text)

    return parse


def _list(sep: str = ",") -> Callable[[Any, bool], tuple[str, ...]]:
    def parse(value: Any, from_text: bool) -> tuple[str, ...]:
        if isinstance(value, str):
            items: list[Any] = value.split(sep) if (from_text or sep == ",") else [value]
        elif isinstance(value, list | tuple):
            items = list(value)
        else:
            raise _Bad(f"expected a list of strings, got {_show(value)}")
        out: list[str] = []
        for item in items:
            if not isinstance(item, str):
                raise _Bad(f"expected a list of strings, got an item {_show(item)}")
            for part in item.split(",") if sep == "," else [item]:
                if part.strip():
                    out.append(part.strip())
        return tuple(out)

    return parse


def _extensions(value: Any, from_text: bool) -> tuple[str, ...]:
    exts = _list()(value, from_text)
    if not exts:
        raise _Bad("expected at least one file extension")
    return tuple(e.lower() if e.startswith(".") else "." + e.lower() for e in exts)


def _formats(value: Any, from_text: bool) -> str:
    return _choice(*OUTPUT_FORMATS)(value, from_text)


MAX_SIZE = 2**30  # input files: beyond 1GB, parsing alone would take many GB of memory
MAX_COUNT = 10**9


def _size(value: Any, from_text: bool) -> int:
    if isinstance(value, bool):
        raise _Bad(f"expected a size in bytes or a string like '10MB', got {_show(value)}")
    if isinstance(value, int):
        number = float(value)
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*", value)
        if not match or match.group(2).lower() not in SIZE_UNITS:
            raise _Bad(f"expected a size like 10MB, 512KB or 1048576, got {_show(value)}")
        number = float(match.group(1)) * SIZE_UNITS[match.group(2).lower()]
    else:
        raise _Bad(f"expected a size in bytes or a string like '10MB', got {_show(value)}")
    if number < 1:
        raise _Bad(f"expected a size of at least 1 byte, got {_show(value)}")
    if number > MAX_SIZE:
        raise _Bad(f"expected a size of at most 1GB, got {_show(value)}")
    return int(number)


def _positive_int(value: Any, from_text: bool) -> int:
    if isinstance(value, str) and from_text and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_COUNT:
        raise _Bad(f"expected a whole number from 1 to {MAX_COUNT:,}, got {_show(value)}")
    return value


def _count(value: Any, from_text: bool) -> int:
    if isinstance(value, str) and from_text and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad(f"expected a whole number of at least 0, got {_show(value)}")
    return value


def _share(value: Any, from_text: bool) -> float:
    """A fraction above 0 and at most 1 (``0.8``; ``80%`` from text)."""
    if isinstance(value, str) and from_text:
        text = value.strip()
        try:
            value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise _Bad(f"expected a fraction such as 0.8, got {_show(value)}") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise _Bad(f"expected a fraction above 0 and at most 1, got {_show(value)}")
    return float(value)


def _bool(value: Any, from_text: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and from_text:
        text = value.strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    raise _Bad(f"expected true or false, got {_show(value)}")


def _date(value: Any, from_text: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _Bad(f"expected a date (YYYY-MM-DD), got the date-time {value.isoformat()}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Bad(f"expected a date (YYYY-MM-DD), got {_show(value)}")


def _severity_table(value: Any, from_text: bool) -> dict[str, str]:
    if isinstance(value, str) and from_text:  # "BEN001=low,ALT002=critical"
        pairs: dict[str, Any] = {}
        for item in filter(None, (p.strip() for p in value.split(","))):
            rule, sep, sev = item.partition("=")
            if not sep:
                raise _Bad(f"expected RULE=SEVERITY pairs separated by commas, got {item!r}")
            pairs[rule.strip()] = sev.strip()
        value = pairs
    if not isinstance(value, dict):
        raise _Bad(f"expected a table of rule id = severity, got {_show(value)}")
    out: dict[str, str] = {}
    for rule, sev in value.items():
        if sev not in SEVERITIES:
            raise _Bad(f"{rule}: expected one of {', '.join(SEVERITIES)}, got {_show(sev)}")
        out[str(rule)] = sev
    return out


def _params_table(value: Any, from_text: bool) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise _Bad(f"expected a table of rule id -> table of parameters, got {_show(value)}")
    out: dict[str, dict[str, Any]] = {}
    for rule, params in value.items():
        if not isinstance(params, dict):
            raise _Bad(f"{rule}: expected a table of parameter = value, got {_show(params)}")
        out[str(rule)] = dict(params)
    return out


_show = show_typed  # a setting's value, with its type


def _suggest(name: str, choices: Mapping[str, Any] | tuple[str, ...]) -> str:
    return suggest(name.replace("-", "_"), choices, cutoff=0.6)
