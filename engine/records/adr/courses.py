"""Courses an options section names in sentences of their own, besides those ``prose``
reads: "Running our own RabbitMQ cluster was considered." (the passive, with or without a
reason after it) and a paragraph that opens on a course as its subject ("Keeping the polled
table is the cheapest change, but it does not scale"). A list that a paragraph announces
as reasons ("It is suboptimal for the following reasons:"), or the short paragraph after it
("This approach has the following drawbacks:", "It has these advantages:"), gives the
course that paragraph names its cons (or pros)."""

from __future__ import annotations

import re

from ..document import ListBlock, Paragraph, Section
from .content import Opt
from .prose import (
    _VAGUE,
    MAX_LISTED_WORDS,
    MAX_TITLE_WORDS,
    _a_name,
    _clause,
    _clean,
    _items,
    _opts,
    in_section,
    sentences,
)

# "Running our own RabbitMQ cluster was considered", "GraphQL was also evaluated, ...".
_WAS_WEIGHED = re.compile(
    r"^(?P<x>[^,;:()]{2,90}?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:also|briefly|initially|first|originally|carefully|seriously)\s+)?"
    r"(?:considered|evaluated|explored|investigated|assessed|examined|discussed|prototyped|"
    r"trialled|trialed|tried|proposed|suggested|looked\s+at)\b",
    re.IGNORECASE,
)
# "Keeping the polled table is the cheapest change": a course (a verb in -ing and what it
# acts on) as the subject of the paragraph's first sentence.
_COURSE_SUBJECT = re.compile(
    r"^(?P<x>(?P<verb>[A-Z][a-z]{2,}ing)\s+[^,;:()]{2,80}?)\s+"
    r"(?:is|was|would|will|could|might|may|has|had|means|requires|adds|gives|keeps|brings|"
    r"makes|seems|costs|remains|offers|provides|allows|avoids|solves|needs)\b",
)
# -ing words that are no course ("Existing tooling is ...", "Nothing is ...")
_NOT_A_COURSE = frozenset(
    {
        "nothing", "something", "anything", "everything", "during", "string", "thing",
        "spring", "morning", "evening", "ceiling", "existing", "following", "remaining",
        "ongoing", "incoming", "outgoing", "pending", "missing", "upcoming", "leading",
        "underlying", "corresponding", "interesting", "according", "regarding", "concerning",
        "including", "notwithstanding", "surrounding", "resulting", "working", "outstanding",
        "growing", "increasing", "decreasing", "changing", "moving", "matching", "supporting",
        "accompanying", "preceding", "succeeding", "receiving", "sending", "calling",
        "using",  # "Using X is ..." is read by prose's own forms
    }
)  # fmt: skip
# the paragraph announces why the course falls short: the list after it is its cons
_ANNOUNCES_AGAINST = re.compile(
    r"\b(?:suboptimal|rejected|ruled\s+out|discarded|dismissed|not\s+(?:chosen|suitable|"
    r"viable|selected|pursued)|unsuitable|drawbacks?|downsides?|disadvantages?|problems|"
    r"issues|limitations|concerns|shortcomings)\b[^.]*:\s*$",
    re.IGNORECASE,
)

_ANNOUNCES_FOR = re.compile(
    r"\b(?:advantages?|benefits?|upsides?|strengths|merits)\b[^.]*:\s*$", re.IGNORECASE
)
# "This approach has the following drawbacks:", a paragraph of its own after the course's
_POINTS_BACK = re.compile(
    r"^(?:this|that|it|such\s+an?)(?:\s+(?:approach|alternative|option|solution|design|idea|"
    r"method|way|variant))?\s+(?:has|had|would|will|could|might|comes|brings|introduces|"
    r"suffers|offers)\b[^.?!]*:\s*$",
    re.IGNORECASE,
)


# "The possibility of storing X was considered": the course is what it is a possibility of
_POSSIBILITY = re.compile(
    r"^(?:the|one|another)\s+(?:possibility|option|idea|approach|alternative)\s+of\s+", re.I
)
_ASIDE = re.compile(r"\s*\([^()]{0,200}\)")  # "(i.e. directory partitioned)"
_ANAPHOR = re.compile(r"^(?:this|that|these|those|such|the\s+same)(?:\s+[\w-]+)?$", re.I)


def weighed(sentence: str) -> list[str]:
    """ "X was considered": X, when it is a name and not "other options"."""
    m = _WAS_WEIGHED.match(_POSSIBILITY.sub("", _ASIDE.sub("", sentence)))
    if m is None or _VAGUE.search(m.group("x")):
        return []
    said = _clean(m.group("x"))
    if _ANAPHOR.match(said):
        return []  # "This idea was discussed before": it points back, it names nothing
    both = re.match(r"^(?:both|either)\s+", said, re.IGNORECASE)
    if both or (" and " in said and re.search(r"\s(?:were|have\s+been)\s", m.group(0))):
        names = _items(said[both.end() if both else 0 :], MAX_LISTED_WORDS)
        if len(names) >= 2:  # "Both `X` and `Y` were investigated": two courses
            return names
    return _a_name(said)


def course_subject(sentence: str) -> list[str]:
    """ "Keeping the polled table is ...": the course, as its words say it."""
    m = _COURSE_SUBJECT.match(sentence)
    if m is None or m.group("verb").lower() in _NOT_A_COURSE or _VAGUE.search(m.group("x")):
        return []
    name = _clause(m.group("x")).strip()
    return [name] if name and len(name.split()) <= MAX_TITLE_WORDS else []


def in_options_section(sec: Section, *, lists_as_cons: bool = True) -> list[Opt]:
    """The courses an options section names in prose: ``prose.in_section``'s, then the
    passive and course-subject forms, one per paragraph at most; a list announced as
    reasons against the course before it gives that course its cons (when
    ``lists_as_cons``)."""
    found = in_section(sec)
    seen = {o.title.lower() for o in found}
    blocks = list(sec.blocks)
    by_para: dict[int, Opt] = {}
    for n, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        said = sentences(block.text)
        own = [o for o in found if o.line == block.line]
        if not own and said:
            names = next((w for s in said if (w := weighed(s))), []) or course_subject(said[0])
            own = _opts(names, block, seen)
            found.extend(own)
        if own:
            by_para[n] = own[-1]
    for n, block in enumerate(blocks):
        opt = by_para.get(n)
        if opt is None or not lists_as_cons or not isinstance(block, Paragraph):
            continue
        after, then = (blocks[k] if k < len(blocks) else None for k in (n + 1, n + 2))
        if isinstance(after, ListBlock) and (
            _ANNOUNCES_AGAINST.search(block.text) or turned_down_lead(block)
        ):
            for item in after.items:
                opt.add("cons", item.line, item.text)
        elif (
            isinstance(after, Paragraph)
            and n + 1 not in by_para
            and isinstance(then, ListBlock)
            and _POINTS_BACK.match(after.text.strip())
        ):
            against = bool(_ANNOUNCES_AGAINST.search(after.text))
            if against or _ANNOUNCES_FOR.search(after.text):
                for item in then.items:
                    opt.add("cons" if against else "pros", item.line, item.text)
    found.sort(key=lambda o: o.line)
    return found


# "X was also considered but ... is not as straightforward:": weighed, then turned down
_BUT = re.compile(r"\b(?:but|however|although|yet)\b", re.I)


def turned_down_lead(block: Paragraph) -> bool:
    """A paragraph that names a course as weighed and turned down, and ends on a colon: the
    list after it gives the reasons ("The possibility of CSV was also considered but it is
    not as straightforward:")."""
    said = sentences(block.text)
    if not said or not said[-1].rstrip().endswith(":"):
        return False
    return any(weighed(s) and _BUT.search(s) for s in said)
