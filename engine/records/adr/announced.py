"""Alternatives a sentence of the context announces by its subject: "The options are polling
the table or a queue", "Our choices were Redis, Memcached and an in-process cache", or puts
forward in one breath: "We could either poll the table or use a queue".

Each needs two names or more, every one of them short (a clause is no name), and the
sentence must open with the announcing words: "the options are" after other words ("the
configuration options are read from ...") describes something else. "We could" counts
only with "or" between its courses ("we could cache and compress" is one plan, not two
options). Every option is uncertain, like all options read from prose.
"""

from __future__ import annotations

import re

from ..document import Paragraph
from .content import Opt
from .prose import MAX_LISTED_WORDS, _clause, _items, _opts, sentences

_NOUN = r"(?:options|alternatives|approaches|choices|candidates|possibilities|contenders)"
# "The options are X or Y", "Our main options were: X, Y and Z", "The alternatives we
# considered are X and Y"
_ARE = re.compile(
    r"^(?:the|our|my)\s+(?:(?:main|possible|available|obvious|realistic|viable|two|three|"
    r"four|only|remaining|candidate)\s+){0,2}" + _NOUN + r"\s+"
    r"(?:(?:for|of|to)\s+(?:[\w-]+\s+){1,3}?)?"  # "The three options for authentication"
    r"(?:(?:we|i)\s+(?:have|had|considered|see|saw|looked\s+at)\s+)?(?:are|were)\s*:?\s+"
    r"(?:either\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
# words after "are" that describe the options instead of naming them ("are listed below",
# "are limited", "are as follows", "are not clear")
_DESCRIBES = re.compile(
    r"^(?:\w+ed|\w+en|read|set|kept|made|built|sent|held|found|put|shown|done|got|as|below|"
    r"above|here|there|not|few|many|several|both|all|to|in|on|at|from|by|for|very|quite|"
    r"more|less|similar|different|unclear|clear|following)\b",
    re.IGNORECASE,
)
# "We could either poll the table or use a queue", "So we could keep X, or move to Y"
_COULD = re.compile(
    r"^(?:(?:so|thus|here|now|basically|essentially|broadly),?\s+)?(?:we|one|the\s+team)\s+"
    r"could\s+(?:either\s+)?(?P<x>.+)$",
    re.IGNORECASE,
)
_OR = re.compile(r"(?:,\s*|\s+)or\s+", re.IGNORECASE)
MAX_COURSE_WORDS = 8  # a course put forward ("poll the table every second")


def options_are(sentence: str) -> list[str]:
    """ "The options are X or Y": two names or more after the announcing subject."""
    m = _ARE.match(sentence)
    if m is None or _DESCRIBES.match(m.group("x")):
        return []
    found = _items(_clause(m.group("x")), MAX_LISTED_WORDS)
    return found if len(found) >= 2 else []


def could_either(sentence: str) -> list[str]:
    """ "We could either X or Y": the courses joined by "or", two or more."""
    m = _COULD.match(sentence)
    if m is None:
        return []
    clause = _clause(m.group("x"))
    if not _OR.search(clause) or re.match(r"not\b|never\b|also\b", clause, re.IGNORECASE):
        return []
    if re.search(r"\band\b", clause, re.IGNORECASE):
        return []  # "and" joins the steps of one course ("cache and compress")
    found = _items(clause, MAX_COURSE_WORDS)
    return found if len(found) >= 2 else []


def announced(paras: list[Paragraph]) -> list[Opt]:
    """The options of the first sentence that announces or puts forward two or more."""
    for para in paras:
        for sentence in sentences(para.text):
            names = options_are(sentence) or could_either(sentence)
            if len(names) >= 2:
                return _opts(names, para, set())
    return []
