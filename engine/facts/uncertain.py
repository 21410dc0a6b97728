"""Uncertain extraction: the fields a reader inferred rather than read as written.

A reader that guesses (the chosen option from prose, options from loose paragraphs, a status
from free text) lists the dotted names of what it guessed in the raw record under
``x_uncertain`` (``["chosen", "options", "options[2]", "status"]``). ``options`` means every
option; ``options[N]`` (or anything under it) means option N. The facts expose them as
``uncertain_fields``/``uncertain_count`` on the decision and ``uncertain`` on each option.
"""

from __future__ import annotations

import re

from ..model import Record

UNCERTAIN_KEY = "x_uncertain"
_OPTION = re.compile(r"^options\[(\d+)\]")


def uncertain_fields(rec: Record) -> list[str]:
    """The record's uncertain field names, in order, without repeats."""
    raw = (rec.model_extra or {}).get(UNCERTAIN_KEY)
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    out: list[str] = []
    for name in raw:
        if isinstance(name, str) and name.strip() and name.strip() not in out:
            out.append(name.strip())
    return out


def option_uncertain(fields: list[str], index: int) -> bool:
    """Whether option ``index`` was extracted heuristically."""
    for name in fields:
        if name == "options":
            return True
        m = _OPTION.match(name)
        if m and int(m.group(1)) == index:
            return True
    return False
