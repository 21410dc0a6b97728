"""The reasons a decision outcome gives after a bare chosen-option line."""

from __future__ import annotations

import re

from ..document import ListBlock, Paragraph, Section, block_texts
from . import sections as roles
from .content import Opt

_CONSEQUENCE_LABEL = re.compile(
    r"^\W*(?:(?:positive|negative|good|bad)\s+)?(?:consequences?|implications?)\b|"
    r"^\W*(?:positive|negative|pros|cons|confirmation)\W*$",
    re.IGNORECASE,
)
_NOT_REASONS = ("positive", "negative", "pros", "cons", "confirmation", "good", "bad")


def rest_of_outcome(sec: Section, chosen_at: int, opts: list[Opt]) -> str:
    """The decision-outcome section's own text after leaving out the chosen-option line's
    block, blocks that are the options list, and consequences (a ``Consequences`` label or
    subsection, ``Positive``/``Negative``/``Confirmation`` subsections)."""
    option_lines = {o.line for o in opts}
    parts: list[str] = []
    for block in sec.blocks:
        if isinstance(block, Paragraph):
            if block.line <= chosen_at < block.line + max(len(block.lines), 1):
                continue
            if _CONSEQUENCE_LABEL.match(block.text):
                break  # "Positive Consequences:" and what follows it
        elif isinstance(block, ListBlock) and any(
            it.line in option_lines or it.line == chosen_at for it in block.items
        ):
            continue
        parts.extend(block_texts(block))
    for child in sec.children:
        key = child.key
        if roles.is_consequences(key) or roles.is_options(key) or key in _NOT_REASONS:
            continue
        if key.split()[:1] and key.split()[0] in _NOT_REASONS:
            continue
        parts.append(child.text())
    return "\n\n".join(p for p in parts if p.strip())
