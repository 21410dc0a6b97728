"""Sibling headings whose sections each open by putting themselves forward as a course, or
that a lead-in sentence announces.

A context that sets out its candidate solutions under headings of their own, without
calling the part "Options": ``### Reduce the MaxBytes parameter`` opening "One solution is
to reduce ...", ``### Introduce a new parameter`` opening "The second suggestion is to
create ...", and so on, with the decision then taking one ("Option 2: Introduce a new
parameter"). Two or more such sections side by side are the options, each titled by its
heading, with what its section argues. Outside the decision and its consequences only.

So are the subsections a part's last paragraph announces ("Alternatives considered and
rejected:" over ``### Simple functions`` and ``### Forcing middleware to handle
exceptions``, as a DEP's or PEP's rationale writes them): each one an option, turned down
when the lead-in says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import Document, Section
from . import sections as roles
from .content import Opt
from .leadin import lead_in
from .prose import sentences
from .rejected import as_rejected

# "One solution is to ...", "The second suggestion is ...", "Another option would be ...",
# "A third approach is ...", "The last possible solution ..."
_PUT_FORWARD = re.compile(
    r"^(?:one|another|an?|the)\s+(?:(?:first|second|third|fourth|fifth|last|final|other|"
    r"next|simplest|obvious)\s+)?(?:possible\s+|suggested\s+|proposed\s+|potential\s+)?"
    r"(?:solution|suggestion|option|approach|alternative|possibility|idea|proposal|way)\b",
    re.IGNORECASE,
)
MIN_COURSES = 2


def _opens_as_course(sec: Section) -> bool:
    paras = sec.paragraphs()
    if not paras:
        return False
    first = (sentences(paras[0].text) or [""])[0]
    return bool(_PUT_FORWARD.match(first))


def introduced_headings(doc: Document, from_heading: Callable[[Section], list[Opt]]) -> list[Opt]:
    """The options of the first run of two or more sibling sections that each open by
    putting their course forward ("One solution is ...", "The second suggestion is ...");
    each uncertain, as read from prose."""
    barred = {
        id(s)
        for d in [
            *roles.ordered(doc, roles.is_decision),
            *doc.find(lambda s: roles.is_consequences(s.key)),
        ]
        for s in d.walk()
    }
    for parent in [doc.root, *doc.sections()]:
        if id(parent) in barred:
            continue
        run: list[Section] = []
        for child in parent.children:
            if id(child) not in barred and not roles.is_role(child.key) and _opens_as_course(child):
                run.append(child)
            elif len(run) >= MIN_COURSES:
                break
            else:
                run = []
        if len(run) >= MIN_COURSES:
            out = [o for head in run for o in from_heading(head)]
            for opt in out:
                opt.uncertain = True
            return out
    return []


_TURNED_DOWN = re.compile(r"\b(?:rejected|discarded|dismissed|not\s+chosen|ruled\s+out)\b", re.I)


def announced_headings(doc: Document, from_heading: Callable[[Section], list[Opt]]) -> list[Opt]:
    """The subsections of the first part whose last sentence announces them as candidates
    ("Alternatives considered and rejected:", "There are two options."), outside the
    decision and its consequences; each uncertain, and rejected when the lead-in says so."""
    for parent in doc.sections():
        if not parent.children or not parent.blocks or roles.is_consequences(parent.key):
            continue
        said = getattr(parent.blocks[-1], "text", "")
        tail = (sentences(said) or [said])[-1].rstrip()  # "... There are two options."
        if not tail.endswith((":", ".")) or not lead_in(tail):
            continue
        out = [o for head in parent.children for o in from_heading(head)]
        for opt in out:
            opt.uncertain = True
            if _TURNED_DOWN.search(said):
                as_rejected(opt)
        return out
    return []
