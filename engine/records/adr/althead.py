"""``### Alternative: X`` headings anywhere in a record (under "Considerations", say), and
headings of a course tried first and left (``### Initial Approach and Its Limitations``):
each an alternative the record turns down, its section the reason."""

from __future__ import annotations

import re

from ..document import Document
from .content import Opt, clean_title, fill

_ALTERNATIVE_HEAD = re.compile(
    r"^(?:(?:rejected|considered|other|possible)\s+)?(?:alternative|alternate)\s*"
    r"(?:#?\s*\w{1,3}\s*)?[:\-–—]\s*(?P<x>\S.*)$",
    re.IGNORECASE,
)


# "### Initial Approach and Its Limitations", "## Previous design": a course tried or
# weighed first and then left, argued against under a heading of its own
_EARLIER_HEAD = re.compile(
    r"^(?:the\s+|our\s+)?(?P<x>(?:initial|original|previous|first|naive|naïve|old|earlier|"
    r"abandoned|discarded)\s+(?:approach|design|proposal|solution|attempt|idea|"
    r"implementation))(?:\s+(?:and|&)\s+(?:its|their|the)\s+(?:limitations|drawbacks|"
    r"problems|issues|shortcomings))?\s*$",
    re.IGNORECASE,
)


def _named(title: str) -> str | None:
    """The alternative an ``Alternative: X`` or ``Initial approach`` heading names."""
    if m := _ALTERNATIVE_HEAD.match(title):
        return m.group("x")
    if m := _EARLIER_HEAD.match(title):
        return m.group("x")
    return None


def alternative_headings(doc: Document) -> list[Opt]:
    """``### Alternative: X`` headings anywhere (under "Considerations", say): each is an
    alternative the record rejects, with its section as the reason."""
    out: list[Opt] = []
    for sec in doc.sections():
        named = _named(sec.title.strip())
        if named is None:
            continue
        title, label, _ = clean_title(named)
        if not title:
            continue
        opt = Opt(title, sec.line, label, [sec.title])
        fill(opt, sec.blocks, sec.children, points=True)
        opt.rejected = True
        out.append(opt)
    return out
