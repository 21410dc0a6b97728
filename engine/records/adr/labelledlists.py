"""Alternatives listed under a bold label instead of a heading: "**Alternatives rejected:**"
over a list, inside a "Why" or "Rationale" section. The label must read like an options
heading ("Alternatives considered", "Rejected options", "Other approaches"); the list's items
are the options, turned down when the label says so. Read only when no options section or
heading gives options."""

from __future__ import annotations

from ..document import Document, heading_key
from .content import Opt
from .rejected import as_rejected
from .sections import is_consequences, is_options, is_rejected
from .sectiontext import labelled_lists

MAX_LABEL_WORDS = 5


def labelled_alternatives(doc: Document) -> list[Opt]:
    """The options of the first bold-labelled list that names alternatives."""
    from .options import from_items  # options reads this module's result in its fallbacks

    for sec in doc.sections():
        if is_consequences(sec.key):
            continue
        for label, after in labelled_lists(sec):
            key = heading_key(label)
            if len(label.split()) > MAX_LABEL_WORDS or not is_options(key):
                continue
            found = from_items(list(after.items))
            if len(found) < 1:
                continue
            for opt in found if is_rejected(key) else ():
                as_rejected(opt)
            return found
    return []
