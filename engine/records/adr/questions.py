"""Alternatives the context asks about: "Should we have separate clusters for each stage? Or
should we run a single cluster for all of them?", "Should we use Postgres or MySQL?", "The
question is whether to build it ourselves or buy a service."

A question that a team asks itself (a modal and "we": should we, do we, can we) and that
offers two courses joined by "or", in one sentence or in two (the second opening with
"Or"), names two alternatives, and "A, B or C" names each; so does "whether to X or Y".
Each side is cut where it moves on to a qualifier, and a short second side takes the
matching last words of the first ("use Postgres or MySQL" gives Postgres and MySQL). "Or
not" offers no alternative. Options read here are uncertain.
"""

from __future__ import annotations

import re

from ..document import Paragraph
from .content import Opt
from .names import acceptable, trim
from .prose import _opts, sentences

MAX_SIDE_WORDS = 12
MAX_COURSES = 5  # "A, B, C or D": a longer list is not a question of alternatives
_MODAL = (
    r"(?:should|shall|do|can|could|would|must)\s+(?:we|i|the\s+team|our\s+team|teams)"
    r"(?:\s+(?:rather|instead|then|also))?"
)
_ASK = re.compile(rf"^(?:so,?\s+|but,?\s+|and,?\s+)?{_MODAL}\s+(?P<x>\S.*?)\s*\?$", re.I)
_OR_ASK = re.compile(rf"^or,?\s+(?:{_MODAL}\s+)?(?P<y>\S.*?)\s*\?$", re.I)
_WHETHER = re.compile(
    r"\bwhether\s+(?:to|we\s+(?:should|can|could|want\s+to|need\s+to))\s+(?P<x>\S.*?)\s*[.?]?$",
    re.I,
)
_OR = re.compile(r"\s+or\s+", re.I)
_NO_CHOICE = re.compile(r"^(?:not|no|neither|something|anything|else|otherwise|both)\b", re.I)


# the verb a side opens with ("run PostgreSQL", "have separate clusters") is the question's,
# not the alternative's name
_VERB = re.compile(
    r"^(?:run|use|have|build|keep|host|deploy|create|write|buy|stay\s+(?:on|with)|"
    r"stick\s+with|continue\s+(?:to\s+use|with))\s+(?=\S)",
    re.I,
)


def _side(text: str) -> str:
    name = trim(_VERB.sub("", trim(text)))
    words = name.split()
    return name if words and len(words) <= MAX_SIDE_WORDS and acceptable(name) else ""


def _split(x: str) -> list[str]:
    """The two courses of "A or B" (one "or", neither side "not"), else none."""
    parts = _OR.split(x)
    if len(parts) != 2 or "either" in parts[0].lower().split()[:1]:
        return []
    first, second = (p.strip(" ,") for p in parts)
    if not first or not second or _NO_CHOICE.match(second):
        return []
    listed = re.split(r"\s*,\s*", first)
    if len(listed) > 1:  # "use Postgres, MySQL or SQLite": each course of the list
        sides = [_side(x) for x in [*listed, second]]
        unique = {s.lower() for s in sides}
        return sides if all(sides) and len(unique) == len(sides) <= MAX_COURSES else []
    short = trim(second).split()
    words = trim(first).split()
    if short and len(short) < len(words) and len(short) <= 3:
        first = " ".join(words[-len(short) :])  # "use Postgres or MySQL": Postgres
    sides = [_side(first), _side(second)]
    return sides if all(sides) and sides[0].lower() != sides[1].lower() else []


def _asked(said: list[str]) -> list[str]:
    for n, sentence in enumerate(said):
        text = " ".join(sentence.split())
        m = _ASK.match(text)
        if m is not None and n + 1 < len(said):
            other = _OR_ASK.match(" ".join(said[n + 1].split()))
            if other is not None:
                sides = [_side(m.group("x")), _side(other.group("y"))]
                if all(sides) and sides[0].lower() != sides[1].lower():
                    return sides
        m = m or _WHETHER.search(text)
        if m is not None and (sides := _split(m.group("x"))):
            return sides
    return []


def asked(paras: list[Paragraph]) -> list[Opt]:
    """The two alternatives the first question of the context offers, or none."""
    for para in paras:
        if names := _asked(sentences(para.text)):
            return _opts(names, para, set())
    return []
