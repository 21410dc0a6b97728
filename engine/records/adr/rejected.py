"""Alternatives a record did not choose, in its closing sections: "Rejected alternatives",
"Reasons against other options", "Other options considered", and "Why not X?" headings.

Each is an option marked rejected; what is written against it (its description and its
unmarked points) is its reason and its cons.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Document, ListBlock, Section
from .content import Opt, clean_title, fill
from .sections import is_options

# "Why not Kafka?": one alternative, and the reasons it was not chosen.
_WHY_NOT = re.compile(  # also as a FAQ's question: "Q: Why not always use X?"
    r"^\W*(?:(?:q|question)\s*\d*\s*[:.)]\s*)?why\s+(?:not|didn'?t\s+we\s+(?:use|choose|pick))\s+"
    r"(?:just\s+)?(?:(?:use|using|choose|choosing|go\s+with|adopt|pick)\s+)?(?P<x>\S.*?)\s*\?*\s*$",
    re.IGNORECASE,
)


def why_not(title: str) -> str | None:
    """The alternative a "Why not X?" heading argues against (``X``), or None."""
    m = _WHY_NOT.match(title.strip())
    if m is None or is_options(m.group("x").lower()):
        return None
    return m.group("x").strip().strip('*_`"“”') or None


def as_rejected(opt: Opt) -> None:
    """``opt`` was not chosen: its description is the reason, and what it says against
    itself (description, unmarked points) are its cons."""
    opt.rejected = True
    opt.reason = opt.reason or opt.description
    if opt.reason and not opt.reason_line:
        opt.reason_line = opt.desc_line or opt.line
    if not opt.cons and opt.description:
        opt.add("cons", opt.desc_line or opt.line, opt.description)
    # every unmarked point of an alternative turned down is a reason against it, also when
    # one of them reads as a con by its words ("1. No server-side joins", "2. ...")
    for line, text in opt.neutral:
        opt.add("cons", line, text)
    opt.neutral = []
    if not opt.reason and opt.cons:  # "Why not X?" and a list of reasons
        opt.reason = "; ".join(text for _, text in opt.cons)
        opt.reason_line = opt.cons[0][0]


def why_not_heading(sec: Section, group: str | None = None, group_line: int = 0) -> Opt | None:
    """A ``Why not X?`` heading: the option ``X``, rejected for what its section says."""
    named = why_not(sec.title)
    if named is None:
        return None
    title, label, _ = clean_title(named)
    if not title:
        return None
    title = title[0].upper() + title[1:]  # "Why not keep the cluster?" -> "Keep the cluster"
    opt = Opt(title, sec.line, label, [sec.title, named], group=group, group_line=group_line)
    fill(opt, sec.blocks, sec.children, points=True)
    as_rejected(opt)
    return opt


def why_not_headings(doc: Document, inside: set[int]) -> list[Opt]:
    """``Why not X?`` headings outside the options sections (ids in ``inside``)."""
    out: list[Opt] = []
    for sec in doc.sections():
        if id(sec) in inside:
            continue
        opt = why_not_heading(sec)
        if opt is not None:
            out.append(opt)
    return out


def add_why_nots(out: list[Opt], found: list[Opt], key: Callable[[str], str]) -> None:
    """Add the ``Why not X?`` options ``found`` to ``out``; one already listed (same
    ``key`` of its title) is marked rejected with those reasons instead."""
    for opt in found:
        same = next((o for o in out if key(o.title) == key(opt.title)), None)
        if same is None:
            out.append(opt)
        elif not same.marked:
            same.reason = same.reason or opt.reason
            same.reason_line = same.reason_line or opt.reason_line
            as_rejected(same)
            same.cons += [c for c in opt.cons if c not in same.cons]


# a question a FAQ asks ("Why is the token ?-> and not X", "What about Windows?")
_ASKS = re.compile(r"^\W*(?:why|what|how|which|who|is|are|does|do|can|should|could)\b", re.I)


def why_not_items(sec: Section) -> list[Opt]:
    """A FAQ of list items asking "Why not X?", each answered by the paragraphs after it
    (a PEP's or a PPC's "Rejected Ideas"): each ``X`` an option turned down for its answer.
    The other questions ("Why is the token ?-> and not X") ask about the design, not about
    an alternative; a list with an item that asks nothing is no FAQ."""
    items = [it for block in sec.blocks if isinstance(block, ListBlock) for it in block.items]
    if not items or not all(_ASKS.match(it.text) for it in items):
        return []
    out: list[Opt] = []
    for at, block in enumerate(sec.blocks):
        if not isinstance(block, ListBlock):
            continue
        answer = []
        for later in sec.blocks[at + 1 :]:
            if isinstance(later, ListBlock):
                break
            answer.append(later)
        for item in block.items:
            named = why_not(item.text)
            title = clean_title(named.split("?")[0])[0] if named else ""  # "X? Like Y"
            if not title:
                continue
            opt = Opt(title[0].upper() + title[1:], item.line, None, [item.text, str(named)])
            if len(block.items) == 1:  # the answer is this item's
                fill(opt, tuple(answer), (), points=True)
            as_rejected(opt)
            out.append(opt)
    return out
