"""Strings that cannot be written out: lone UTF-16 surrogates smuggled in through escapes.

JSON (``"\\ud800"``) and YAML (``"\\ud800"``) escapes can produce a lone surrogate, which no
UTF-8 output (reports, the audit log) can encode. Such a value is an input error. The scan
of the parsed data only runs when the source text holds such an escape at all.
"""

from __future__ import annotations

import re
from typing import Any

from ..types import Loc

_ESCAPE = re.compile(r"\\(?:u[dD][89a-fA-F]|U0000[dD][89a-fA-F])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def may_hold_surrogates(text: str) -> bool:
    return _ESCAPE.search(text) is not None


def find_surrogate(data: Any) -> Loc | None:
    """The location of the first string (key or value) holding a lone surrogate."""
    stack: list[tuple[Any, Loc]] = [(data, ())]
    while stack:
        item, loc = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return loc
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(key, str) and _SURROGATE.search(key):
                    return (*loc, key)
                stack.append((value, (*loc, key)))
        elif isinstance(item, list):
            stack.extend((value, (*loc, i)) for i, value in enumerate(item))
    return None


MESSAGE = "contains a lone UTF-16 surrogate escape (e.g. \\ud800), which is not valid text"
