"""Option headings where the heading of the next option slipped a level deeper: ``#### 1.
Use Redis`` with ``##### Advantages``, ``##### Disadvantages`` and then ``##### 2. Allow
partial posts`` (which should have been ``#### 2.``). The heading tree puts option 2 and its
own pros and cons under option 1; read as written, option 2 is lost and its points go to
option 1. A subsection numbered as the next option, after a pros or cons subsection of its
parent, is the next option, with the subsections after it."""

from __future__ import annotations

import dataclasses
import re

from ..document import Section
from .sections import is_pros_cons, pc_kind

_NUMBER = re.compile(r"^(?:option\s+)?(\d{1,2})[.):]?\s+\S", re.IGNORECASE)


def _number(sec: Section) -> int | None:
    m = _NUMBER.match(sec.title.strip())
    return int(m.group(1)) if m else None


def _is_points(sec: Section) -> bool:
    return pc_kind(sec.key) is not None or is_pros_cons(sec.key)


def mended(heads: list[Section]) -> list[Section]:
    """``heads`` with each slipped option heading lifted to the level of its siblings."""
    out: list[Section] = []
    for head in heads:
        out.extend(_lifted(head))
    return out


def _lifted(head: Section) -> list[Section]:
    number = _number(head)
    kids = list(head.children)
    if number is None:
        return [head]
    for n, kid in enumerate(kids):
        if _number(kid) == number + 1 and any(_is_points(k) for k in kids[:n]):
            own = dataclasses.replace(head, children=tuple(kids[:n]))
            slipped = dataclasses.replace(
                kid, level=head.level, children=kid.children + tuple(kids[n + 1 :])
            )
            return [own, *_lifted(slipped)]
    return [head]
