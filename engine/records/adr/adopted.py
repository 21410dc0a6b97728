"""Whether the approach a sentence names as "an alternative" is the one the record adopts.

"The alternative is to adopt X" reads as an option not taken, unless the record goes on to
take X: its decision (or title) restates X ("Implement an embedded X"). A decision sentence
restates a name when it holds most of the name's content words (compared by their first
five letters, so "embeddable" meets "embedded") and does not negate or set them aside.
"""

from __future__ import annotations

import re

from ..document import Document
from . import sections as roles

_STOP = frozenset(
    re.findall(
        r"\S+",
        "a an the of for to in on at by with from into onto and or our their its this that "
        "these those new own start end way use using used adopt adopting be is are we it as "
        "instead rather than more less one two all any some each every such",
    )
)
_NEGATED = re.compile(
    r"\b(?:not|never|no\s+longer|n't|against|rather\s+than|instead\s+of|avoid|reject(?:ed)?|"
    r"drop(?:ped)?|remove[sd]?|replace[sd]?|abandon(?:ed)?)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def _stems(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][\w-]*|\d[\w.-]*", text.replace("`", ""))
    return [w.lower()[:5] for w in words if w.lower() not in _STOP and len(w) > 2]


def restated(name: str, sentence: str) -> bool:
    """``sentence`` states ``name`` as what is done: most of its content words, unnegated."""
    want = list(dict.fromkeys(_stems(name)))
    if not want or _NEGATED.search(sentence):
        return False
    have = set(_stems(sentence))
    hits = sum(1 for w in want if w in have)
    if len(want) == 1:
        return hits == 1 and bool(re.search(r"[A-Z0-9`]", name))
    return hits >= 2 and hits * 3 >= len(want) * 2


def _decision_text(doc: Document) -> list[str]:
    for pick in (roles.is_decision, lambda k: k in roles.DESIGN, lambda k: k in roles.RATIONALE):
        found = roles.ordered(doc, pick)
        if found:
            out: list[str] = []
            for sec in found:
                for sub in sec.walk():
                    out.append(sub.title if sub is not sec else "")
                    for para in sub.paragraphs():
                        out.extend(_SENTENCE.split(" ".join(para.text.split("\n"))))
                    out.extend(it.text for it in sub.items())
            return [s for s in out if s.strip()]
    return []


def adopted(name: str, doc: Document, title: str = "") -> bool:
    """The record's decision (or title) restates ``name`` as what it does."""
    return any(restated(name, s) for s in [title, *_decision_text(doc)] if s)
