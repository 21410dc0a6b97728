"""How error messages show a value and suggest a name: one place for every message.

``suggest`` is the "did you mean" of unknown keys, fields, facts and rule ids;
``show_json`` shows a value as the rule file has it, ``show_typed`` a setting's value with
its Python type.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from typing import Any


def suggest(word: str, choices: Iterable[str], *, cutoff: float = 0.7) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""


def show_json(value: Any) -> str:
    """A value of a rule file, as JSON (``"text"``, ``3``, ``null``)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def show_typed(value: Any) -> str:
    """A setting's value with its type (``'x' (str)``), or just its type when long."""
    kind = type(value).__name__
    shown = repr(value)
    return f"{shown} ({kind})" if len(shown) <= 60 else f"a {kind}"
