"""Pros and cons an option's own prose gives, when it has no listed points: "This has the
merit of simplicity, but it's not particularly ergonomic" is a pro and a con; "The main
drawback of this approach is that the rollups lag" is a con.

Each sentence of the option's description and reason, and each part of it after "but",
"however" or "although", is classed by words that judge ("the drawback", "too complex",
"is not ready", "has the merit of", "simpler"), stricter than the cues of a short bullet
(:mod:`.points`): a sentence of prose says "no", "only" and "needs" without judging. A part
with words of both kinds or of none gives no point. When the option's title was cut from the
start of its text, that first sentence names it and is left out if the text has more."""

from __future__ import annotations

import re

from .content import Opt

_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(`*_])")
_TURNS = re.compile(r"\s*(?:[,;]\s*|\s)(?:but|however|although|though|yet|whereas)\b[,]?\s*", re.I)
_MIN_WORDS = 3  # "No." or "Fast." alone is no point
_J = r"(?<![\w-])(?:{})(?![\w-])"
_CON = re.compile(
    _J.format(
        r"drawbacks?|downsides?|disadvantages?|the\s+(?:problem|issue|trouble)\s+with|"
        r"too\s+(?:complex|complicated|slow|expensive|costly|heavy|hard|difficult|risky|big|"
        r"large|much|many|blunt|limited|early|immature)|"
        r"(?:more|overly|very|quite|rather)\s+(?:complex|complicated|expensive|costly|difficult)|"
        r"complex|complicated|expensive|costly|slower|brittle|fragile|error-prone|unergonomic|"
        r"confusing|cumbersome|clunky|awkward|verbose|risky|overhead|lock-in|"
        r"hard\s+to|difficult\s+to|harder\s+to|"
        r"(?:is|are|was|were)\s*n[o']t\s+(?:yet\s+|\w+ly\s+)?(?:ready|mature|suitable|viable|feasible|"
        r"ergonomic|supported|maintained|stable|possible|practical|scalable|secure)|"
        r"(?:would|could|does|do|did|will)\s*(?:not|n't)\s+(?:work|scale|support|enable|allow|"
        r"solve|meet|fit)|can(?:not|'t)|could\s*n[o']t|"
        r"lacks?|lacking|breaks?\s+(?:encapsulation|compatibility|existing)|breaking\s+change|"
        r"ruled\s+out|rejected|decided\s+against|was\s+not\s+chosen|not\s+pursued|"
        r"worse|nightmare|unfortunately|sadly|complicates|complicating|"
        r"(?:is|are|was|were|be)\s+(?:not|n't|less\s+than)\s+ideal|sub-?optimal|"
        r"(?:a\s+lot\s+of|lots\s+of|more)\s+boilerplate|"
        r"a\s+lot\s+of\s+(?:work|effort|extra\s+work|code|overhead)|"
        r"cause\w*\s+(?:confusion|problems|issues)|concerns\s+(?:about|over|around|with)|"
        r"miss(?:es|ed)?\s+out\s+on|drastic|negatively\s+(?:\w+\s+)?(?:affect|impact|damage|hurt)\w*|"
        r"(?:adds?|added|adding|introduc\w+|more|extra|additional|increas\w+)\s+"
        r"(?:(?:a\s+lot\s+of|significant|some|much|unnecessary|the)\s+)?complexity|undesirable|"
        r"significantly\s+more\s+(?:complex|work|effort|expensive|difficult)"
    ),
    re.IGNORECASE,
)
_PRO = re.compile(
    _J.format(
        r"advantages?|benefits?\s+(?:is|are|of)|the\s+merit|merits|upsides?|"
        r"simpler|simplest|easier|easiest|faster|cheaper|more\s+(?:flexible|reliable|robust|"
        r"secure|efficient|scalable|ergonomic|familiar|mature|popular|consistent)|"
        r"well[- ](?:supported|known|maintained|documented|tested)|widely[- ]used|"
        r"promising|mature|battle[- ]tested|proven|strictly\s+better|better|"
        r"easy\s+to|simple\s+to|straightforward|lightweight|safer|more\s+explicit|"
        r"plays?\s+nicely|works?\s+well|"
        r"(?:would|will|could)\s+(?:\w+ly\s+)?(?:allow|enable|simplify|reduce|alleviate|remove)"
    ),
    re.IGNORECASE,
)


_LESSENED = re.compile(
    r"(?<![\w-])(?:less|not\s+as|not\s+very|not\s+so)\s+(?:mature|flexible|reliable|robust|"
    r"secure|efficient|scalable|ergonomic|familiar|popular|consistent|good|fast|simple|easy|"
    r"performant|widely[- ]used|well[- ]\w+)(?![\w-])",
    re.IGNORECASE,
)


def judged(text: str) -> str | None:
    """``pros`` or ``cons`` for a sentence of prose with judging words of one kind only."""
    lowered = _LESSENED.sub(" lessened ", text)  # "less mature" judges against
    con = bool(_CON.search(text)) or lowered != text
    pro = bool(_PRO.search(lowered))
    if con == pro:
        return None
    return "cons" if con else "pros"


def add_prose_points(opt: Opt) -> None:
    """Points from ``opt``'s description and reason, if it has none of its own."""
    if opt.pros or opt.cons or opt.neutral:
        return
    texts: list[tuple[int, str]] = []
    if opt.description:
        sentences = _SENTENCES.split(opt.description.strip())
        named = opt.description.lower().startswith(opt.title.lower()[:20])  # title cut from it
        body = sentences[1:] if len(sentences) > 1 and named else sentences
        texts += [(opt.desc_line or opt.line, s) for s in body]
    if opt.reason and opt.reason != opt.description:
        texts += [(opt.reason_line or opt.line, s) for s in _SENTENCES.split(opt.reason.strip())]
    for line, sentence in texts:
        for part in _TURNS.split(sentence):
            part = part.strip(" .;,")
            if len(part.split()) < _MIN_WORDS:
                continue
            kind = judged(part)
            if kind is not None:
                opt.add(kind, line, part)
