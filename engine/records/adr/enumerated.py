"""Alternatives a record's context enumerates beside what its decision adopts.

"Cloud.gov supports MySQL, PostgreSQL, and Oracle." over a decision "To use PostgreSQL.":
the three are the courses weighed, PostgreSQL the one taken. "Other web frameworks exist in
Python, such as Twisted and Flask." or "Some top competitors in this space are GitLab CI/CD,
CircleCI and Jenkins." over "To use Django.": the names are alternatives not taken, and
what the decision adopts is the chosen course. Only names count (a capital, a digit or a
code span in each), two to eight of them, and only when the sentence that states the
decision (its first) names one of them or, for "other ..." sentences, a course of its own.
Every option so read is uncertain.
"""

from __future__ import annotations

import re

from ...vocab import FUNCTION_WORDS
from ..document import Document, Paragraph
from . import sections as roles
from .adopted import _decision_text, restated
from .content import Opt
from .prose import _items, _opts, sentences

MAX_NAMES = 8
MAX_NAME_WORDS = 4
MAX_DECISION_WORDS = 8  # "To use Django's built-in templating engine."
MAX_SENTENCE_CHARS = 600  # a longer "sentence" is no enumeration: the reader stays linear

# what introduces an enumeration of courses in a sentence of the context
_LEADS = re.compile(
    r"\b(?:supports?|offers?|provides?|includes?|including|such\s+as|like|namely|are|were|"
    r"exists?|available)\b\s*:?\s+",
    re.IGNORECASE,
)
_UPTO = re.compile(r"[^.;:!?]+")
_ETC = re.compile(r",?\s+(?:etc\.?|and\s+so\s+on|and\s+more)\s*$", re.IGNORECASE)
# the sentence speaks of others than what the decision takes
_OTHERS = re.compile(
    r"\b(?:other|others|alternatives?|competitors?|competing|rivals?)\b", re.IGNORECASE
)
_NAME = re.compile(r"^(?:[A-Z0-9`]|\S*[A-Z0-9])")
_DECISION_LEAD = re.compile(
    r"^(?:(?:we\s+(?:will|shall|have\s+decided\s+to|decided\s+to)\s+)|to\s+)?"
    r"(?:use|adopt|choose|go\s+with|build\s+on|standardi[sz]e\s+on)\s+(?:the\s+)?(?P<x>.+?)\.?$",
    re.IGNORECASE,
)


def _a_name(name: str) -> bool:
    """A capital, digit or code span, and not a sentence's function word ("That will")."""
    words = name.split()
    return bool(_NAME.match(name)) and words[0].lower() not in FUNCTION_WORDS


def _names(sentence: str) -> list[str]:
    """The names an enumeration in ``sentence`` lists, or none (a sentence longer than a
    sentence is written is none: the reader stays linear)."""
    if len(sentence) > MAX_SENTENCE_CHARS:
        return []
    for m in _LEADS.finditer(sentence):
        upto = _UPTO.match(sentence, m.end())
        found = _items(_ETC.sub("", upto.group(0).strip()), MAX_NAME_WORDS) if upto else []
        if 2 <= len(found) <= MAX_NAMES and all(_a_name(n) for n in found):
            return found
    return []


# where a decision sentence moves on from what it adopts: "... for authentication", "(...)"
_MOVES_ON = re.compile(
    r"\s*\(|\s*[,;:]\s|\s+(?:for|to|as|in|on|because|since|so\s+that|in\s+order\s+to|instead\s+of|"
    r"rather\s+than|with|across|throughout|within|from)\s",
    re.IGNORECASE,
)


def adopted_course(sentence: str) -> str:
    """The name a decision sentence adopts ("We will use Azure AD OAuth2 for
    authentication." -> "Azure AD OAuth2"), or "" when it adopts no name."""
    m = _DECISION_LEAD.match(" ".join(sentence.split()))
    if m is None:
        return ""
    name = _MOVES_ON.split(m.group("x"), maxsplit=1)[0].strip(" *_`.")
    return name if 0 < len(name.split()) <= MAX_DECISION_WORDS and _NAME.match(name) else ""


def enumerated(paras: list[Paragraph], doc: Document) -> list[Opt]:
    """The courses the context enumerates beside the decision's (see the module), the
    chosen one marked; empty when no sentence qualifies. Of several sentences that name
    others ("... in many languages, such as Ruby and Go. Other frameworks exist in Python,
    such as Twisted and Flask."), the last, nearest the decision, counts."""
    others: tuple[list[str], Paragraph] | None = None
    said = [s for s in _decision_text(doc) if s.strip()]
    first = " ".join(said[0].split()) if said else ""  # the sentence that states the decision
    course = adopted_course(first)  # what it adopts: "To use PostgreSQL." -> "PostgreSQL"
    for para in paras:
        for sentence in sentences(para.text):
            names = _names(sentence)
            if not names:
                continue
            taken = [n for n in names if course and restated(n, course)]
            if len(taken) == 1:
                out = _opts(names, para, set())
                for opt in out:
                    opt.uncertain = True
                    if opt.title == taken[0]:
                        opt.marked, opt.marked_line = True, para.line
                        opt.chosen_by = "the course the decision adopts of those the context lists"
                return out
            if not taken and _OTHERS.search(sentence):
                others = names, para
    if others is None or not course:
        return []
    names, para = others
    out = _opts(names, para, set())
    secs = roles.ordered(doc, roles.is_decision)
    line = secs[0].line if secs else para.line
    chosen = Opt(course, line, None, [course])
    chosen.marked, chosen.marked_line = True, line
    chosen.chosen_by = "the course the decision adopts beside others the context names"
    for opt in (*out, chosen):
        opt.uncertain = True
    return [*out, chosen]
