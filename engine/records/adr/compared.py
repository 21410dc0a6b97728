"""The options a record without an options section compares in its context (or problem
statement), else in its title: each reader of :mod:`.prose` and its neighbours tried in
turn, the first that finds names wins. Uncertain."""

from __future__ import annotations

from ..document import Document, Paragraph
from .announced import announced
from .considered import considered_but
from .content import Opt
from .enumerated import enumerated
from .prose import alternative_alone, in_listed, in_text, in_title
from .questions import asked
from .sections import RATIONALE, is_context, is_decision
from .statusquo import replaced_in_use


def compared(doc: Document, title: str, title_line: int) -> list[Opt]:
    """Without any options section: the options a record compares in its context (or
    problem statement), else in its title. Uncertain."""
    if not any(is_decision(s.key) or s.key in RATIONALE for s in doc.sections()):
        return []  # a design or reference document: it states no decision to compare
    paras: list[Paragraph] = []
    secs = [doc.root]
    for sec in doc.sections():
        if is_context(sec.key) or (sec is doc.title_section and not is_decision(sec.key)):
            secs.append(sec)
    for sec in secs:
        paras.extend(sec.paragraphs())
    # a sentence in a part of the context ("## Context" > "#### Version control") compares
    # as well as one in the context itself; a list there is that part's own matter
    parts = [p for sec in secs if is_context(sec.key) for p in sec.paragraphs(deep=True)]
    found = in_text(paras + [p for p in parts if p not in paras])
    found = found or in_listed(secs) or in_title(title, title_line)
    found = found or asked(paras) or announced(paras) or considered_but(paras, doc)
    found = found or enumerated(paras, doc) or replaced_in_use(paras, doc, title)
    return found or alternative_alone(paras, doc, title)
