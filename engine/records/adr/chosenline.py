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


# "* Good for simplifying the interface", "* Bad for having more code", "* Neutral as it
# needs builders": a verdict that opens the item, with or without MADR's ", because"
_VERDICT = re.compile(r"^\W{0,3}(good|bad|neutral)\b[,:]?\s+(?P<x>\S.*)$", re.IGNORECASE)
_KINDS = {"good": "pros", "bad": "cons", "neutral": "neutral"}


def verdict_points(follow: list[ListItem], chosen: list[Opt]) -> None:
    """The items right after a chosen option line, when every one of them opens with a
    verdict (Good, Bad, Neutral), are the points of the one option it chose."""
    found = [(it, _VERDICT.match(it.text.strip())) for it in follow]
    if len(chosen) != 1 or not found or not all(m for _, m in found):
        return
    opt = chosen[0]
    for it, m in found:
        if m is not None:
            opt.add(_KINDS[m.group(1).lower()], it.line, it.text.strip())


# a sentence that chooses (what decide.py looks for in a decision's prose)
CHOOSING = re.compile(
    r"\b(?:best|chosen|choose|chose|selected|select|recommend\w*|most suitable|stands out|"
    r"winner|decided|decide|go with|adopt\w*|prefer\w*|choosing|will use|will be used)\b|"
    r"^\W*use\s",  # a decision that opens on its imperative: "Use Authelia, because ..."
    re.IGNORECASE,
)
