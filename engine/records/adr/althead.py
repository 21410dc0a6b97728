"""``### Alternative: X`` headings anywhere in a record (under "Considerations", say): each
an alternative the record turns down, its section the reason."""

from __future__ import annotations

import re

from ..document import Document
from .content import Opt, clean_title, fill

_ALTERNATIVE_HEAD = re.compile(
    r"^(?:(?:rejected|considered|other|possible)\s+)?(?:alternative|alternate)\s*"
    r"(?:#?\s*\w{1,3}\s*)?[:\-–—]\s*(?P<x>\S.*)$",
    re.IGNORECASE,
)


def alternative_headings(doc: Document) -> list[Opt]:
    """``### Alternative: X`` headings anywhere (under "Considerations", say): each is an
    alternative the record rejects, with its section as the reason."""
    out: list[Opt] = []
    for sec in doc.sections():
        m = _ALTERNATIVE_HEAD.match(sec.title.strip())
        if m is None:
            continue
        title, label, _ = clean_title(m.group("x"))
        if not title:
            continue
        opt = Opt(title, sec.line, label, [sec.title])
        fill(opt, sec.blocks, sec.children, points=True)
        opt.rejected = True
        out.append(opt)
    return out
