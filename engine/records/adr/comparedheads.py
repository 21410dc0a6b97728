"""Pros and cons headed as a comparison of two courses: "### Pros of using Deno over
Node.js" and "### Cons of using Deno over Node.js", "## Advantages of X compared to Y".

Such a record weighs two options without an options section: the first named (X) with the
points of those sections (each list item, or each subsection's title when the section is
made of subsections), and the other (Y), what X is weighed against. Both are uncertain;
which one is chosen is left to the decision, as for any options.
"""

from __future__ import annotations

import re

from ..document import Document, Section
from .content import Opt
from .names import acceptable
from .sections import pc_kind

_COMPARED = re.compile(
    r"^(?P<kind>[\w ]{2,20}?)\s+(?:of|for)\s+(?:using\s+|choosing\s+|adopting\s+)?(?P<x>.+?)\s+"
    r"(?:over|vs\.?|versus|compared\s+(?:to|with)|instead\s+of|rather\s+than)\s+(?P<y>.+?)\s*:?$",
    re.IGNORECASE,
)
MAX_SIDE_WORDS = 6
MAX_POINTS = 50


def _points(sec: Section) -> list[tuple[int, str]]:
    """Each list item of the section, else each subsection's title."""
    items = [(it.line, it.text) for it in sec.items()]
    if not items:
        items = [(sub.line, sub.title) for sub in sec.children]
    return items[:MAX_POINTS]


def compared_headings(doc: Document) -> list[Opt]:
    """The two courses pros-and-cons headings compare, with their points; empty unless one
    such heading is found and every such heading compares the same two."""
    sides: tuple[str, str] | None = None
    first: Opt | None = None
    line = 0
    for sec in doc.sections():
        m = _COMPARED.match(" ".join(sec.title.split()))
        kind = pc_kind(m.group("kind").lower()) if m else None
        if m is None or kind not in ("pros", "cons"):
            continue
        x, y = m.group("x").strip(" *_`"), m.group("y").strip(" *_`")
        if not all(acceptable(s) and len(s.split()) <= MAX_SIDE_WORDS for s in (x, y)):
            return []
        if sides is None:
            sides, line = (x, y), sec.line
            first = Opt(x, sec.line, None, [x], uncertain=True)
        elif sides[0].lower() != x.lower() or sides[1].lower() != y.lower():
            return []  # headings comparing other things: not one choice between two
        assert first is not None
        for at, text in _points(sec):
            first.add(kind, at, text)
    if sides is None or first is None:
        return []
    other = Opt(sides[1], line, None, [sides[1]], uncertain=True)
    other.description = f"What {sides[0]} is weighed against"
    other.desc_line = line
    return [first, other]
