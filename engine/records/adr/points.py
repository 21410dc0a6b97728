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
_AGAINST = re.compile(
    r"\b(?:cannot|can't|could\s+not|is\s+not|isn't|was\s+not|not)\s+(?:be\s+)?"
    r"(?:used|suitable|viable|possible|an\s+option|feasible|acceptable|chosen|applicable)\b|"
    r"\b(?:rejected|ruled\s+out|eliminated|discarded|not\s+pursued)\b",
    re.IGNORECASE,
)


def polarity(text: str) -> str | None:
    """``pros`` or ``cons`` for a point with cues of one polarity only, else None."""
    good = bool(_POSITIVE.search(text))
    bad = bool(_NEGATIVE.search(text))
    if good == bad:
        return None
    return "pros" if good else "cons"


def argues_against(text: str) -> bool:
    """A sentence that rules the option out ("cannot be used here, because ...")."""
    return bool(_AGAINST.search(text))
