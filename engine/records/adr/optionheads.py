"""Which subsections of an options part may be options, and which are not: points (pros and
cons), the proposal's own scope, and parts that say they are no alternative ("The following
are not alternatives to this design but extensions")."""

from __future__ import annotations

import re

from ..document import Section
from .sections import is_pros_cons, pc_kind


def is_option_heading(sec: Section) -> bool:
    """A subsection of an options part that may be an option: not a part of points (pros,
    cons), of the proposal's scope, nor one that says it is no alternative."""
    return (
        pc_kind(sec.key) is None
        and not is_pros_cons(sec.key)
        and not _SCOPE_PART.search(sec.key)
        and bool(sec.title.strip())
        and not _disowned(sec)
        and not (_ARGUES_FOR.match(sec.title) and not _CONTRAST.search(sec.title))
    )


# "## Why CoAP?", "### Why this approach": the case for the choice, not another course
# ("Why not Kafka?" is one: engine/records/adr/rejected.py)
_ARGUES_FOR = re.compile(r"^\W*why\b(?!\s+(?:not|didn'?t|don'?t|wasn'?t|weren'?t)\b)", re.I)
# ... unless it names what it was set against ("Why stripe the data, rather than ranges?")
_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of|and\s+not|but\s+not|vs\.?|over)\b", re.I)


def _disowned(sec: Section) -> bool:
    first = next(iter(sec.paragraphs()), None)
    return first is not None and _DISOWNED.match(first.text) is not None


# "The following are not alternatives to this design but extensions": the part says so
_DISOWNED = re.compile(
    r"^(?:the\s+following|these|this|it|they)\s+(?:are|is)\s+not\s+(?:an?\s+)?"
    r"(?:alternatives?|options?)\b",
    re.IGNORECASE,
)


# A template's parts about the proposal's own scope or merits, under an "Expectations and
# alternatives" heading: "What is in scope for this proposal?", "What is deliberately not in
# scope?", "Non-goals", "What advantages / disadvantages does this proposal have?"; and an
# appendix to the document that ends up under its last heading
_SCOPE_PART = re.compile(
    r"\b(?:not\s+in|in|out\s+of)\s+scope\b|^(?:scope|non-?goals|goals(?:\s+and\s+non-?goals)?)$|"
    r"\bthis\s+(?:proposal|rfc|design|document)\b|"
    r"^(?:appendix|annex|addendum)\b"  # "Appendix: Special handling for properties"
)
