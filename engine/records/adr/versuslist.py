"""Alternatives turned down in a comparison list: "Why ADRs over the alternatives:" and
items that each weigh the decision against one of them ("- **vs. Wiki:** drifts from the
code", "- Compared to Confluence: not versioned", "- Over Kafka - too heavy to run"). Each
item names an alternative and says why the decision beats it: an option turned down for
that reason. Read only when no options section or heading gives options."""

from __future__ import annotations

import re

from ..document import Document, ListBlock
from .content import Opt
from .rejected import as_rejected
from .sections import is_consequences

MIN_ITEMS = 2
MAX_NAME_CHARS = 60
_VERSUS = re.compile(
    r"^\W{0,3}(?:vs\.?|v\.|versus|over|compared\s+(?:to|with)|against|"
    r"instead\s+of|rather\s+than|unlike)\s+"
    rf"(?P<x>[^:;.\u2013\u2014]{{1,{MAX_NAME_CHARS}}}?)\s*\W{{0,3}}\s*(?::|\s[-\u2013\u2014])\s*"
    r"(?P<why>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def versus_items(doc: Document) -> list[Opt]:
    """The alternatives of the first list whose every item (two or more) weighs the
    decision against one named alternative, each turned down for what its item says."""
    for sec in doc.sections():
        if is_consequences(sec.key):
            continue
        for block in sec.blocks:
            if not isinstance(block, ListBlock) or len(block.items) < MIN_ITEMS:
                continue
            found = [_versus(item.text, item.line) for item in block.items]
            if all(opt is not None for opt in found):
                return [opt for opt in found if opt is not None]
    return []


def _versus(text: str, line: int) -> Opt | None:
    m = _VERSUS.match(" ".join(text.split()))
    if m is None:
        return None
    name = m.group("x").strip().strip("*_`\"'")
    if not name:
        return None
    opt = Opt(name[0].upper() + name[1:], line, None, [name])
    opt.describe(m.group("why").strip(), line)
    as_rejected(opt)
    return opt
