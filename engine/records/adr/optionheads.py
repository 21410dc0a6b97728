"""Which subsections of an options part may be options, and which are not: points (pros and
cons), the proposal's own scope, and parts that say they are no alternative ("The following
are not alternatives to this design but extensions")."""

from __future__ import annotations

import re

from ..document import Paragraph, Section, heading_key
from .labelled import OPTION_PARA
from .sections import is_pros_cons, is_role, pc_kind


def is_option_heading(sec: Section) -> bool:
    """A subsection of an options part that may be an option: not a part of points (pros,
    cons), of the proposal's scope, of any document ("Comparison", "Summary"), nor one that
    says it is no alternative."""
    return (
        pc_kind(sec.key) is None
        and not is_pros_cons(sec.key)
        and not _SCOPE_PART.search(sec.key)
        and bool(sec.title.strip())
        and not _disowned(sec)
        and not whole_part(sec.title)  # "### 4.5 Comparison" after the approaches
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


# The parts of any document, numbered as its writers number them ("1. Background: What
# Problem Are We Trying to Solve?", "5. Implementation: One-Time Project Grant")
_DOCUMENT_PARTS = frozenset(
    {
        "background", "summary", "overview", "introduction", "diagnosis", "opportunity",
        "implementation", "conclusion", "conclusions", "next steps", "timeline", "budget",
        "risks", "scope", "goals", "problem", "proposed solution", "solution",
        "recommendation", "recommendations", "appendix", "references", "purpose",
        "costs", "benefits", "plan", "deliverables", "requirements", "glossary",
        "comparison", "evaluation", "assessment", "discussion", "analysis",
    }
)  # fmt: skip


def document_part(title: str) -> bool:
    """A numbered heading that names a part of the document, not an option: a part of an ADR
    or of any document, alone or before a colon ("2. Diagnosis: Why This Gap Exists")."""
    bare = _unnumbered(title)
    keys = {heading_key(bare), heading_key(bare.split(":", 1)[0])}
    return any(k in _DOCUMENT_PARTS or is_role(k) for k in keys if k)


def whole_part(title: str) -> bool:
    """The whole heading, its number aside, names a part of any document ("4.5 Comparison",
    "Summary"); not an option's "Solution: X", nor an ADR's own parts."""
    words = re.sub(r"[^\w\s-]", " ", _unnumbered(title)).lower().split()
    return " ".join(words) in _DOCUMENT_PARTS


def _unnumbered(title: str) -> str:
    return re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+", "", title)  # "2. X", "4.5 X"


def argued_heading(sec: Section) -> bool:
    """A heading whose own content argues it: a pros or cons subsection or label
    (``**Advantages**``, ``##### Drawbacks``), so it is an option of its own."""
    if any(pc_kind(c.key) for c in sec.children):
        return True
    for block in sec.blocks:
        said = block.label if isinstance(block, Paragraph) and block.label else None
        if said is None and isinstance(block, Paragraph) and len(block.text.split()) <= 3:
            said = block.text
        if said and pc_kind(said.rstrip(" :").lower()):
            return True
    return False


def looks_like_option(sec: Section) -> bool:
    """A subsection of an option that is itself an option (``3a``, ``Option 3b``)."""
    return bool(OPTION_PARA.match(sec.title)) or bool(re.match(r"^\d+\.?[a-z][.):]?\s", sec.title))


# a heading that names a course by its verb: "Require the resolved type", "Keep support for *"
_COURSE = re.compile(
    r"^\W*(?:require|add|keep|drop|remove|use|introduce|support|allow|disallow|store|move|"
    r"replace|make|create|split|merge|expose|deprecate|adopt|build|switch|extend|change|"
    r"leave|do\s+nothing|rely|accept|reject|defer|implement|provide|run)\b",
    re.IGNORECASE,
)


def course_heads(sec: Section, heads: list[Section]) -> list[Section]:
    """The subsections of a topic ("### Location of the type restrictions", "### Representing
    all objects") that each name a course by its verb ("#### Require the resolved type",
    "#### Add them to the relation"): two or more, under a heading that names none."""
    if len(heads) < 2 or _COURSE.match(sec.title) or sec.items():
        return []
    return heads if all(_COURSE.match(h.title) for h in heads) else []
