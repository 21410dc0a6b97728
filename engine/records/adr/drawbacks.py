"""The points of a decision stated in prose, written in sections of their own beside it:
an RFC's ``# Drawbacks`` part, a record's ``## Advantages`` or ``## Disadvantages`` section
at the level of its decision. They are the chosen course's pros and cons."""

from __future__ import annotations

import re

from ..document import Document, ListBlock, Paragraph, Section
from .content import Opt, prefixed
from .sections import pc_kind

# Words for the parts that judge the design itself; not "Risks" (a risk section pairs each
# risk with its mitigation) nor "Positive consequences" (the record's consequences).
_OWN = re.compile(
    r"^(?:drawbacks?|disadvantages?|cons|downsides?|weaknesses|pros|advantages?|benefits|"
    r"upsides?|strengths)\b"
)


def beside(doc: Document, decision: Section) -> list[tuple[str, Section]]:
    """(``pros``/``cons``, section) for each section at the decision's level that names one
    kind of point ("Drawbacks", "Benefits", "Disadvantages")."""
    out = []
    for sec in doc.sections():
        if sec is decision or sec.level != decision.level:
            continue
        kind = pc_kind(sec.key)
        if kind is not None and _OWN.match(sec.key):
            out.append((kind, sec))
    return out


def add_points(doc: Document, decision: Section, opt: Opt) -> None:
    """Give ``opt`` (the decision as its own option) the points of the sections beside its
    decision: every list item, and every paragraph but a lead-in to a list ("There are some
    more salient drawbacks:"); a "Good, because"/"Bad, because" prefix wins over the kind."""
    for kind, sec in beside(doc, decision):
        for sub in sec.walk():
            for block in sub.blocks:
                if isinstance(block, ListBlock):
                    for item in block.items:
                        got = prefixed(item.text)
                        opt.add(got[0] if got else kind, item.line, got[1] if got else item.text)
                elif isinstance(block, Paragraph) and not block.text.rstrip().endswith(":"):
                    opt.add(kind, block.line, block.text)
