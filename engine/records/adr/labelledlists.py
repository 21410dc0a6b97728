"""Alternatives listed under a bold label instead of a heading: "**Alternatives rejected:**"
over a list, inside a "Why" or "Rationale" section. The label must read like an options
heading ("Alternatives considered", "Rejected options", "Other approaches"); the list's items
are the options, turned down when the label says so. Read only when no options section or
heading gives options."""

from __future__ import annotations

from itertools import pairwise

from ..document import Document, ListBlock, Paragraph, heading_key
from .content import Opt
from .rejected import as_rejected
from .sections import is_consequences, is_options, is_rejected

MAX_LABEL_WORDS = 5


def labelled_alternatives(doc: Document) -> list[Opt]:
    """The options of the first bold-labelled list that names alternatives."""
    from .options import from_items  # options reads this module's result in its fallbacks

    for sec in doc.sections():
        if is_consequences(sec.key):
            continue
        for block, after in pairwise(sec.blocks):
            if not isinstance(block, Paragraph) or not isinstance(after, ListBlock):
                continue
            label = (block.label or "").strip().rstrip(":").strip()
            if not label or block.rest.strip() or len(label.split()) > MAX_LABEL_WORDS:
                continue
            key = heading_key(label)
            if not is_options(key):
                continue
            found = from_items(list(after.items))
            if len(found) < 1:
                continue
            for opt in found if is_rejected(key) else ():
                as_rejected(opt)
            return found
    return []
