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
    r"advantages|benefits|upsides|strengths)"
    # "... several disadvantages that caused us to go this way:"
    r"(?:\s+(?:that|which)\s+[^:;]{3,60})?\s*:$",
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
_AS_A = re.compile(r"\s+as\s+an?\s+(?:system|whole|product|service|tool|option)$", re.I)
# "This approach has the following drawbacks:" points back at the course the paragraph
# before it names ("An alternative to groups could be to merge the policies ...")
_BACK = re.compile(
    r"^(?:this|that|such\s+an?)\s+(?:approach|alternative|option|solution|design|idea|"
    r"method|way|variant)$",
    re.I,
)
_NAMED_BEFORE = re.compile(
    r"^(?:an|one|another|the)\s+(?:other\s+)?(?:alternative|option|approach)\b"
    r"(?:\s+(?:to|for)\s+[^,;:]{1,60}?)?\s+"
    r"(?:is|was|could\s+be|would\s+be|might\s+be|may\s+be)\s+(?:to\s+)?(?P<x>[^.;:]{3,})",
    re.I,
)
MAX_NAME_WORDS = 12
_CURRENT = re.compile(
    r"\b(?:currently|today|at\s+present|at\s+the\s+moment|as\s+of\s+now|right\s+now|"
    r"presently|so\s+far|until\s+now)\b",
    re.I,
)


def judged_lists(doc: Document) -> list[Opt]:
    """The courses announced as judged by the list that follows them, each an option with
    the list's items as its pros or cons (marked uncertain: read from prose)."""
    out: list[Opt] = []
    for sec in doc.sections():
        if is_consequences(sec.key):
            continue
        blocks = list(sec.blocks)
        before: Paragraph | None = None
        for block, after in pairwise(blocks):
            earlier, before = before, block if isinstance(block, Paragraph) else None
            if not isinstance(block, Paragraph) or not isinstance(after, ListBlock):
                continue
            said = sentences(block.text) or [""]
            last = said[-1]
            m = _ANNOUNCES.match(_CONNECTIVE.sub("", last.strip()))
            # "While neat in theory, it has ...": the subject is what follows the clause
            subject = m.group("x").strip().rsplit(",", 1)[-1].strip() if m else ""
            at = block.line
            if m is not None and _BACK.match(subject):  # "This approach has ...": before
                told = said[:-1] or (sentences(earlier.text) if earlier is not None else [])
                named = _named_before(told)
                at = block.line if said[:-1] or earlier is None else earlier.line
                if named:
                    subject = named
                elif m.group("kind").lower() in _PRO:
                    subject = ""  # its benefits: mostly the record's own course
                elif _CURRENT.search(" ".join(told)):
                    subject = "the current approach"  # the practice the record leaves
            name = _AS_A.sub("", _DETERMINER.sub("", subject))  # "AMG as a system": AMG
            if m is None or not subject or _SUBJECT.match(subject):
                continue
            name = name[:1].upper() + name[1:]
            opt = Opt(name, at, None, [name, subject])
            opt.uncertain = opt.aside = True  # weighed beside the decision, not chosen
            kind = "pros" if m.group("kind").lower() in _PRO else "cons"
            for item in after.items:
                opt.add(kind, item.line, item.text)
            out.append(opt)
    return out


def _named_before(said: list[str]) -> str:
    """The course the first of ``said`` offers as an alternative ("An alternative to the
    groups could be to create a tool that merges them": ``create a tool that merges
    them``), cut at a clause and kept short; empty when it offers none."""
    for sentence in said[:1]:
        m = _NAMED_BEFORE.match(sentence.strip())
        if m is None:
            continue
        words = re.split(r",|\s+(?:which|so\s+that|because|since|but)\s+", m.group("x"))[0]
        words = words.split()
        if len(words) >= 2:
            return " ".join(words[:MAX_NAME_WORDS])
    return ""
