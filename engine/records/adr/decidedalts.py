"""Sub-decisions each set out with the alternative it beat: a part such as "Notable Design
Decisions and Alternatives" where every decision is a bold paragraph ("**1. We will send
an email to admins.**") followed by a list whose items give its rationale and its
alternative ("+ **Rationale:** ...", "+ **An alternative** is to design an in-app
notifications system ..."). Each decision is a group of its own: the decision is chosen,
each alternative turned down, with what its item says as the reason."""

from __future__ import annotations

import re
from itertools import pairwise

from ..document import ListBlock, ListItem, Paragraph, Section
from .content import Opt, clean_title

MIN_DECISIONS = 2
MAX_NAME_WORDS = 14
# "An alternative", "An alternative option", "Alternatives", "In alternative designs"
_ALTERNATIVE = re.compile(
    r"^\W*(?:an?\s+|the\s+|one\s+|in\s+)?(?:other\s+)?alternatives?(?:\s+(?:options?|designs?|"
    r"approach(?:es)?|considered))?\W*$",
    re.IGNORECASE,
)
# "is to design an in-app notifications system which ...": the course it names
_COURSE = re.compile(
    r"^(?:(?:is|was|would\s+be|could\s+be|were)\s+(?:to\s+|for\s+)?|we\s+had\s+)?(?P<x>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_CUT = re.compile(r"\s*(?:[.;:]\s|,\s*(?:which|but|so|as|because)\b|\s(?:which|because)\s)")


def decided_with_alternatives(sec: Section) -> list[Opt]:
    """The decisions of ``sec`` and the alternatives each beat, a group per decision; empty
    unless two decisions or more each have an alternative item."""
    blocks = sec.blocks
    out: list[Opt] = []
    groups = 0
    for block, after in pairwise(blocks):
        if not isinstance(block, Paragraph) or not block.label or not isinstance(after, ListBlock):
            continue
        alternatives = [it for it in after.items if it.label and _ALTERNATIVE.match(it.label)]
        title = clean_title(block.label.strip())[0].rstrip(".")
        if not alternatives or not title:
            continue
        groups += 1
        chosen = Opt(title, block.line, None, [block.text], group=title, group_line=block.line)
        chosen.marked, chosen.marked_line = True, block.line
        chosen.describe(block.text, block.line)
        out.append(chosen)
        out.extend(_alternative(it, title, block.line) for it in alternatives)
    return out if groups >= MIN_DECISIONS else []


def _alternative(item: ListItem, group: str, group_line: int) -> Opt:
    said = " ".join(item.rest.split())
    m = _COURSE.match(said)
    course = _CUT.split(m.group("x") if m else said, maxsplit=1)[0].strip()
    words = course.split()
    name = " ".join(words[:MAX_NAME_WORDS]) or str(item.label)
    opt = Opt(name[0].upper() + name[1:], item.line, None, [item.text], group=group)
    opt.group_line = group_line
    opt.rejected = True
    opt.reason, opt.reason_line = said, item.line
    opt.describe(said, item.line)
    return opt
