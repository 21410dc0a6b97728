"""The points of a decision stated in prose, written in sections of their own: an RFC's
``# Drawbacks`` part, a design document's ``### Pros`` and ``### Cons`` under its design, a
record's ``## Advantages`` or ``## Disadvantages``, anywhere outside its options sections.
They are the chosen course's pros and cons."""

from __future__ import annotations

import re

from ..document import Document, ListBlock, Paragraph, Section, heading_key
from .content import Opt, prefixed
from .labelled_outcome import labelled_decisions
from .sections import is_consequences, is_decision, options_sections, ordered, part_key, pc_kind
from .sectiontext import labelled_lists

# Words for the parts that judge the design itself; not "Risks" (a risk section pairs each
# risk with its mitigation; only a part of the consequences named so counts, as cons) nor
# "Positive consequences" (the record's consequences).
_OWN = re.compile(
    r"^(?:drawbacks?|disadvantages?|cons|downsides?|weaknesses|pros|advantages?|benefits|"
    r"upsides?|strengths|trade-?offs|trade\s+offs)\b"
)


def beside(doc: Document, decision: Section) -> list[tuple[str, Section]]:
    """(``pros``/``cons``, section) for each section outside the options sections that names
    one kind of point ("# Drawbacks", "### Pros" under "## Design details", "### Proposed
    Solution: Drawbacks")."""
    options = {id(s) for o in options_sections(doc) for s in o.walk()}
    consequences = [c for c in doc.sections() if is_consequences(c.key)]
    under = {id(s) for c in consequences for s in c.walk() if s is not c}
    out = []
    for sec in doc.sections():
        if sec is decision or id(sec) in options:
            continue  # an alternative's own points are not the design's
        key = part_key(sec)  # "### Proposed Solution: Drawbacks" is "drawbacks"
        kind = pc_kind(key)
        if kind is not None and _OWN.match(key):
            out.append((kind, sec))
        elif id(sec) in under and _RISKS.match(key):  # "## Consequences" > "### Risks"
            out.append(("cons", sec))
        elif (m := _REASONS.match(key)) is not None:  # "### Reasons against a public repo"
            out.append(("cons" if m.group("way") == "against" else "pros", sec))
    return out


# Risks named as consequences of the decision ("### Risks and incurred debt" beside
# "### Benefits"): what the course taken may cost it
_RISKS = re.compile(r"^risks?\b")


# A part that gives the reasons for or against the course taken ("Reasons for a public
# repository", "Arguments against", "The case for X"); not "Reasons for the decision"
# (the rationale) nor "Reasons against other options" (the alternatives turned down).
_REASONS = re.compile(
    r"^(?:the\s+)?(?:reasons?|arguments?|case)\s+(?P<way>for|against|in\s+favou?r\s+of)"
    r"(?!\s+(?:the\s+|this\s+|our\s+)?(?:decision|choice|change|proposal|rfc|adr)\b)"
    r"(?!\s+(?:the\s+)?(?:other|alternative|rejected)\b)"
)


def add_points(doc: Document, decision: Section, opt: Opt) -> None:
    """Give ``opt`` (the decision as its own option) the points of the sections beside its
    decision: every list item, and every paragraph but a lead-in to a list ("There are some
    more salient drawbacks:"); a "Good, because"/"Bad, because" prefix wins over the kind."""
    for kind, sec in beside(doc, decision):
        section_points(opt, kind, sec)
    labelled_points(doc, opt)


def decision_parts(doc: Document, opts: list[Opt]) -> None:
    """The one chosen option, argued nowhere else, takes the points of the decision's own
    parts that judge it ("## Proposal: X (Favored)" > "### Advantages", "### Benefits
    Over Original Proposal", "### Drawbacks"): those of the first decision section, or of
    a heading that states the decision ("## Chosen Decision: X")."""
    chosen = [o for o in opts if o.marked]
    if len(chosen) != 1 or chosen[0].pros or chosen[0].cons:
        return
    decision = next(iter(ordered(doc, is_decision) or labelled_decisions(doc)), None)
    for sec in decision.children if decision is not None else ():
        key = part_key(sec)
        kind = pc_kind(key) or ("pros" if _BENEFITS_OVER.match(key) else None)
        if kind is not None and _OWN.match(key):
            section_points(chosen[0], kind, sec)


# "Benefits over the original proposal", "Advantages compared to option 1"
_BENEFITS_OVER = re.compile(r"^(?:benefits|advantages)\s+(?:over|compared)\b")


def labelled_points(doc: Document, opt: Opt) -> None:
    """The lists under bold labels that judge the design ("**Benefits:**", "**Tradeoffs:**")
    outside the options sections and the consequences: each item a point of that kind."""
    options = {id(s) for o in options_sections(doc) for s in o.walk()}
    for sec in doc.sections():
        if id(sec) in options or is_consequences(sec.key):
            continue
        for label, after in labelled_lists(sec):
            key = heading_key(label)
            kind = pc_kind(key) if key and _OWN.match(key) else None
            if kind is None:
                continue
            for item in after.items:
                got = prefixed(item.text)
                opt.add(got[0] if got else kind, item.line, got[1] if got else item.text)


def section_points(opt: Opt, kind: str, sec: Section) -> None:
    """Give ``opt`` every point of ``sec`` and its subsections as ``kind``: each list item
    (its "Good, because"/"Bad, because" prefix wins) and each paragraph but a lead-in to a
    list. A section that lists its own points keeps to them: its subsections then work an
    example through ("### A breaking change is introduced" and its steps)."""
    own = any(isinstance(b, ListBlock) and b.items for b in sec.blocks)
    for sub in [sec] if own else sec.walk():
        for block in sub.blocks:
            if isinstance(block, ListBlock):
                for item in block.items:
                    got = prefixed(item.text)
                    opt.add(got[0] if got else kind, item.line, got[1] if got else item.text)
            elif isinstance(block, Paragraph) and not block.text.rstrip().endswith(":"):
                opt.add(kind, block.line, block.text)
