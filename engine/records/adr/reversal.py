"""A two-way reading of the title that the decision turns round.

"Replace YAML with Markdown" reads as Markdown chosen over YAML. When the decision says the
opposite move ("transition from Markdown files with some YAML to only YAML", "replace
Markdown with YAML"), the decision is trusted: its new side is the chosen option and its old
side the status quo it replaces.
"""

from __future__ import annotations

import re

from ..document import Document
from .choice import named_in
from .content import Opt
from .names import Said
from .twoway import TwoWay, decision_parts, options_of, said_in

TITLE_TWO_WAY = "the chosen side of a two-way sentence"
# "transition from A to B", "move away from A towards B", "replace A with B", "B instead of A"
_MOVES = (
    re.compile(
        r"\b(?:transition\w*|mov(?:e|es|ed|ing)|migrat\w*|switch\w*|chang\w*|convert\w*|"
        r"go(?:es|ing)?|went|shift\w*)\s+(?:\w+\s+){0,3}?(?:away\s+)?from\s+(?P<old>.+?)\s+"
        r"(?:to|towards|into|in\s+favou?r\s+of)\s+(?P<new>.+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\breplac(?:e|es|ed|ing)\s+(?P<old>.+?)\s+(?:with|by)\s+(?P<new>.+)", re.IGNORECASE
    ),
)


def _names(text: str, opt: Opt) -> bool:
    return bool(named_in(text, [opt]))


def _turned(said: Said, chosen: Opt, other: Opt) -> bool:
    """Whether the sentence moves from the title's chosen side to its other side."""
    for pattern in _MOVES:
        m = pattern.search(" ".join(said.text.split()))
        if m is None:
            continue
        old, new = m.group("old"), m.group("new")
        if _names(old, chosen) and _names(new, other) and not _names(new, chosen):
            return True
    return False


def turned_round(doc: Document, opts: list[Opt], title: str) -> list[Opt] | None:
    """The two options read from the title, turned round when the decision states the
    opposite move; None when the title's reading stands."""
    if len(opts) != 2 or not title:
        return None
    chosen = next((o for o in opts if o.marked), None)
    other = next((o for o in opts if not o.marked), None)
    if chosen is None or other is None or chosen.chosen_by != TITLE_TWO_WAY:
        return None
    if " ".join(title.split()) not in " ".join((chosen.description or "").split()):
        return None  # read from the decision itself, not from the title
    for said in said_in(decision_parts(doc)):
        if _turned(said, chosen, other):
            found = TwoWay(other.title, chosen.title, True, said)
            out = options_of(found)
            for opt in out:
                if opt.marked:
                    opt.chosen_by = "the decision, which turns the title's two-way reading round"
            return out
    return None
