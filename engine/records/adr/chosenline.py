"""What surrounds a chosen-option line: the reason its next line gives, whether it quotes a
title, and the list that may follow it (the options themselves, or the chosen ones)."""

from __future__ import annotations

import re

from ..document import ListItem
from .choice import find
from .content import Opt

_REASON_LABEL = re.compile(r"^\W*(?:rationale|reasons?|because|why)\W*", re.IGNORECASE)


def next_line_reason(said: str, more: str) -> str | None:
    """The reason a chosen-option line gives on its next line: the rest of a clause that
    wraps ("Option 2, to realise ... the risk of" / "breaking consumers ..."), or a
    "**Rationale**: ..." line."""
    if more.strip()[:1].islower() and "," in said:
        return " ".join(f"{said.split(',', 1)[1]} {more}".split()) or None
    return " ".join(_REASON_LABEL.sub("", more.strip()).split()) or None


def quoted(rest: str) -> bool:
    """The chosen option is given as a quoted title (``"X"``): it names one option."""
    return rest.lstrip()[:1] in "\"“'‘«`" and rest.strip() != ""


def are_options(follow: list[ListItem], opts: list[Opt]) -> bool:
    """The list after a chosen-option line is the options list itself, not a list of the
    chosen ones."""
    lines = {o.line for o in opts}
    return any(item.line in lines for item in follow)


def listed_choices(follow: list[ListItem], opts: list[Opt]) -> list[tuple[int, int]]:
    """(option, line) for each item of a list that names a listed option by its bold label
    (or its whole text); all of them, or none."""
    out: list[tuple[int, int]] = []
    for item in follow:
        index = find(item.label or item.text, opts)
        if index is None:
            return []
        if index not in [i for i, _ in out]:
            out.append((index, item.line))
    return out
