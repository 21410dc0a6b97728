"""A course judged by a list that a sentence announces: "Adopting a versioned docs system
would have several disadvantages:" and the bullets after it, "Keeping the cron job has
these benefits:". The course is an alternative the record weighed, with those points (a
record with no options elsewhere)."""

from __future__ import annotations

import re
from itertools import pairwise

from ..document import Document, ListBlock, Paragraph
from .content import Opt
from .prose import sentences
from .sections import is_consequences

_ANNOUNCES = re.compile(
    r"^(?P<x>[A-Za-z][^:;]{2,80}?)\s+(?:would|will|could|might|does|did)?\s*"
    r"(?:have|has|had|bring|brings|introduce|introduces|cause|causes)\s+"
    r"(?:(?:several|some|many|a\s+few|a\s+number\s+of|the\s+following|these|two|three|four|"
    r"clear|significant|major|serious)\s+)*"
    r"(?P<kind>disadvantages|drawbacks|downsides|problems|issues|risks|shortcomings|"
    r"advantages|benefits|upsides|strengths)\s*:$",
    re.IGNORECASE,
)
_PRO = frozenset({"advantages", "benefits", "upsides", "strengths"})
# A subject that is no course: a pronoun, or the decision itself
_SUBJECT = re.compile(
    r"^(?:it|we|they|them|these|those|this|that|the\s+(?:decision|change|proposal))$|"
    r"^(?:the|this)\s+(?:decision|change|proposal)\b",
    re.I,
)
_CONNECTIVE = re.compile(
    r"^(?:however|but|unfortunately|also|still|yet|of\s+course|on\s+the\s+other\s+hand),?\s+",
    re.I,
)
_DETERMINER = re.compile(r"^(?:this|that|the|our|a|an)\s+(?=\S+\s+\S)", re.I)


def judged_lists(doc: Document) -> list[Opt]:
    """The courses announced as judged by the list that follows them, each an option with
    the list's items as its pros or cons (marked uncertain: read from prose)."""
    out: list[Opt] = []
    for sec in doc.sections():
        if is_consequences(sec.key):
            continue
        blocks = list(sec.blocks)
        for block, after in pairwise(blocks):
            if not isinstance(block, Paragraph) or not isinstance(after, ListBlock):
                continue
            last = (sentences(block.text) or [""])[-1]
            m = _ANNOUNCES.match(_CONNECTIVE.sub("", last.strip()))
            # "While neat in theory, it has ...": the subject is what follows the clause
            subject = m.group("x").strip().rsplit(",", 1)[-1].strip() if m else ""
            name = _DETERMINER.sub("", subject)
            if m is None or not subject or _SUBJECT.match(subject):
                continue
            name = name[:1].upper() + name[1:]
            opt = Opt(name, block.line, None, [name, subject])
            opt.uncertain = opt.aside = True  # weighed beside the decision, not chosen
            kind = "pros" if m.group("kind").lower() in _PRO else "cons"
            for item in after.items:
                opt.add(kind, item.line, item.text)
            out.append(opt)
    return out
