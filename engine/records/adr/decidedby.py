"""Who decided, named in the decision's own prose: "it has been decided by Brice Schaffner
and Pascal Barth to change the sizes", "This was decided by Ana Lima.". Only people's names
count (each one to three capitalised words), never a body in lower case ("decided by the
team" names nobody), and only in a decision section. The names are uncertain, as every
decider read from prose is."""

from __future__ import annotations

import re

from ..document import Document
from . import sections as roles

_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
_DECIDED_BY = re.compile(
    r"\b(?:has|have|had|was|were)\s+been\s+decided\s+by\s+|\b(?:was|were)\s+decided\s+by\s+"
)
_NAMES = re.compile(rf"({_NAME})((?:\s*,\s*{_NAME})*)(?:,?\s+(?:and|&)\s+({_NAME}))?")
MAX_PARAGRAPH_CHARS = 2_400  # a paragraph is searched this far for "decided by"


def decided_by(doc: Document) -> tuple[list[str], int] | None:
    """The people a decision sentence says decided, and its line, or None."""
    for sec in roles.ordered(doc, roles.is_decision):
        for sub in sec.walk():
            for para in sub.paragraphs():
                text = para.text[:MAX_PARAGRAPH_CHARS]
                for m in _DECIDED_BY.finditer(text):
                    got = _NAMES.match(text, m.end())
                    if got is None:
                        continue
                    names = [got.group(1)]
                    names += [n.strip() for n in got.group(2).split(",") if n.strip()]
                    names += [got.group(3)] if got.group(3) else []
                    return [n.rstrip(".") for n in names], para.line
    return None
