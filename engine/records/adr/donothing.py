"""Options known by a "Do nothing" heading among them: a record with no options section that
weighs its courses as sibling headings, one of them the status quo (``### Do Nothing``,
``### End All Issue Triage``, ``### Triage Weekly``, wherever they stand, even under its
consequences). Each sibling is an option (read by the options reader, with its content)."""

from __future__ import annotations

import re

from ..document import Document, Section
from .sections import is_role

_STATUS_QUO = re.compile(
    r"^(?:option\s+\w{1,3}\s+)?(?:do\s+nothing|status\s+quo|keep\s+the\s+status\s+quo|"
    r"no\s+change|change\s+nothing|leave\s+(?:it\s+)?as\s+is|keep\s+(?:it\s+)?as\s+is|"
    r"(?:the\s+)?null\s+option)$"
)


def beside_do_nothing(doc: Document) -> list[Section]:
    """The headings of the first group of two or more siblings one of which is "Do
    nothing" (or "Status quo"), in order; none without such a group."""
    for parent in doc.sections():
        kids = list(parent.children)
        if len(kids) >= 2 and any(_STATUS_QUO.match(k.key) for k in kids):
            if any(is_role(k.key) or _PART.search(k.key) for k in kids):
                continue  # "## Status quo" beside "## Goal", "## Proposed solution": the
            return kids  # parts of a document, its first one describing what is
    return []


# Headings of the parts of a document, never a course beside "Do nothing"
_PART = re.compile(
    r"\b(?:goals?|non-goals|considerations|implementation|motivation|background|summary|"
    r"precedents?|prior\s+art|references|appendix|faq|questions|next\s+steps|timeline)\b"
)
