"""Alternatives listed under a bold label instead of a heading: "**Alternatives rejected:**"
over a list, inside a "Why" or "Rationale" section. The label must read like an options
heading ("Alternatives considered", "Rejected options", "Other approaches"); the list's items
are the options, turned down when the label says so. Read only when no options section or
heading gives options. A plain line of its own ending on a colon labels a list too when it
says the alternatives were turned down ("Discarded options:")."""

from __future__ import annotations

import re

from ..document import Document, Section, heading_key
from .content import Opt
from .rejected import as_rejected
from .sections import is_consequences, is_options, is_rejected
from .sectiontext import labelled_lists

MAX_LABEL_WORDS = 5
# a plain label must say the alternatives were turned down ("Other options:" leads the
# options of one part of a record, read by the decision's own readers)
_TURNED_DOWN = re.compile(r"\b(?:discarded|rejected|dismissed|abandoned|ruled\s+out)\b")


def labelled_alternatives(doc: Document) -> list[Opt]:
    """The options of the first bold-labelled list that names alternatives."""
    for sec in doc.sections():
        if not is_consequences(sec.key) and (found := labelled_in(sec)):
            return found
    return []


def labelled_in(sec: Section, *, every: bool = False) -> list[Opt]:
    """The options of the first list of ``sec`` under a label that names alternatives
    ("**Alternatives Considered:**" among a rationale's other bold labels); with ``every``
    (``sec`` is an alternatives part), of every such list, plain labels too ("Alternatives:"
    over one list, "Rejected alternatives:" over another)."""
    from .options import from_items  # options reads this module's result in its fallbacks

    bold = {id(after) for _, after in labelled_lists(sec)}
    out: list[Opt] = []
    named = False  # a bold label names alternatives
    for label, after in labelled_lists(sec, plain=True):
        key = heading_key(label)
        if len(label.split()) > MAX_LABEL_WORDS or not is_options(key):
            continue
        if not every and id(after) not in bold and not _TURNED_DOWN.search(key):
            continue  # a plain "Discarded options:" line; "Alternatives considered:"
            # over prose-led items is read by the decision's own readers
        found = from_items(list(after.items))
        for opt in found if is_rejected(key) else ():
            as_rejected(opt)
        out += found
        named = named or id(after) in bold
        if out and not every:
            break
    return out if named or not every else []  # plain labels alone: the part's own readers
