"""Points about an option written without Good/Bad markers: a pro, a con, or a neutral point.

Under an option's heading people often list plain bullets ("- Fast indexing", "- Slow
searching") or write a sentence against it ("This approach cannot be used here, because ...").
A point is classed by its wording, conservatively: only when it carries cues of one polarity
and none of the other ("Slow indexing, but supports serialization" stays neutral). A neutral
point is still kept, so the option is known to be discussed.
"""

from __future__ import annotations

import re

_WORDS = r"(?<![\w-])(?:{})(?![\w-])"
_POSITIVE = re.compile(
    _WORDS.format(
        r"fast|faster|fastest|quick|quicker|simple|simpler|simplest|easy|easier|easiest|"
        r"lightweight|light-weight|mature|stable|popular|well[- ]known|widely[- ]used|"
        r"flexible|secure|cheap|cheaper|free|efficient|scalable|reliable|robust|proven|"
        r"good|great|better|best|excellent|strong|powerful|native|built[- ]in|"
        r"supports?|supported|compatible|consistent|maintained|active|familiar|"
        r"small(?:er)?\s+(?:bundle|footprint|size)|less\s+(?:code|effort|work|overhead)|"
        r"no\s+(?:extra|additional)\s+(?:dependenc\w+|cost|work)|works\s+well|allows?|enables?"
    ),
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    _WORDS.format(
        r"slow|slower|slowest|complex|complicated|hard|harder|difficult|heavy|heavier|"
        r"large|larger|bigger|immature|unstable|expensive|costly|lacks?|lacking|missing|"
        r"only|limited|poor|bad|worse|worst|risk|risky|unmaintained|deprecated|fragile|"
        r"overhead|cannot|can't|doesn't|does\s+not|isn't|is\s+not|won't|not\s+\w+|"
        r"no|without|requires?|needs?|error-prone|brittle|vendor\s+lock-in|lock-in|"
        r"drawback|downside|problem|issue|unclear|unknown|unsupported|incompatible|"
        r"breaks?|breaking"
    ),
    re.IGNORECASE,
)
# A point that opens on a lack: "no ...", "not ...", "lacks ...", "without ..."
_LACK = re.compile(r"\s*(?:no|not|lacks?|lacking|without|missing)\s+", re.IGNORECASE)
_AGAINST = re.compile(
    r"\b(?:cannot|can't|could\s+not|is\s+not|isn't|was\s+not|not)\s+(?:be\s+)?"
    r"(?:used|suitable|viable|possible|an\s+option|feasible|acceptable|chosen|applicable)\b|"
    r"\b(?:rejected|ruled\s+out|eliminated|discarded|not\s+pursued)\b",
    re.IGNORECASE,
)


def polarity(text: str) -> str | None:
    """``pros`` or ``cons`` for a point with cues of one polarity only, else None."""
    good = _POSITIVE.search(text)
    bad = bool(_NEGATIVE.search(text))
    if good and bad and (lack := _LACK.match(text)) and good.start() >= lack.end():
        # "no support for device farms", "not widely used": a lack of a good thing, unless
        # what is lacking is bad too ("no risk of lock-in")
        return None if _NEGATIVE.search(text, lack.end()) else "cons"
    if bool(good) == bad:
        return None
    return "pros" if good else "cons"


def argues_against(text: str) -> bool:
    """A sentence that rules the option out ("cannot be used here, because ...")."""
    return bool(_AGAINST.search(text))


# The last sentence of a paragraph that announces the list after it as points of one kind:
# "Some arguments against adding more structure are", "The drawbacks of this are:",
# "Reasons for this include:", "Its main advantages are:".
_AGAINST_LEAD = re.compile(
    r"(?:\b(?:arguments?|reasons?|points?|case)\s+(?:for\s+and\s+)?against\b[^.!?]*|"
    r"\b(?:drawbacks|downsides|disadvantages|cons|concerns|limitations|shortcomings|"
    r"problems)\b(?:\s+[\w-]+){0,5}?\s+(?:are|include|were|would\s+be)\b\s*)[:.]?$",
    re.IGNORECASE,
)
_FOR_LEAD = re.compile(
    r"(?:\b(?:arguments?|reasons?|points?|case)\s+(?:for|in\s+favou?r\s+of)\b[^.!?]*|"
    r"\b(?:advantages|benefits|upsides|pros|merits|strengths)\b(?:\s+[\w-]+){0,5}?\s+"
    r"(?:are|include|were|would\s+be)\b\s*)[:.]?$",
    re.IGNORECASE,
)
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([^.!?]+[:.]?)\s*$")


def announced_kind(text: str) -> str | None:
    """``cons`` or ``pros`` when the paragraph's last sentence announces the list after it
    as points against or for ("Some arguments against this are"), else None."""
    m = _LAST_SENTENCE.search(text.strip())
    last = m.group(1).strip() if m else text.strip()
    if len(last.split()) > 16:
        return None
    against, favour = bool(_AGAINST_LEAD.search(last)), bool(_FOR_LEAD.search(last))
    if against == favour:
        return None
    return "cons" if against else "pros"
