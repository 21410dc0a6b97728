"""Options chosen by their place in the list: "we settled on the second option", "the
first alternative was selected", "we went for the latter".

An ordinal counts only beside a word that chooses (the same verbs as a reference by number),
and it names the option at that place: the one labelled with that number when the options
are numbered, else the one in that position. "The former" and "the latter" count only when
exactly two options were weighed, and "the last" names the last of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .content import Opt

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_NOUN = r"(?:option|alternative|approach|solution|proposal|variant|choice)"
_ORDINAL = r"(?P<ord>" + "|".join(_ORDINALS) + r"|last|final|former|latter)"
_NUMBER = r"(?P<num>" + "|".join(_NUMBERS) + r")"
_CHOOSING = (
    r"(?:go(?:ing)?\s+(?:ahead\s+)?with|went\s+with|go(?:ing)?\s+for|went\s+for|chose|choose|"
    r"chosen|select(?:ed)?|pick(?:ed)?|adopt(?:ed)?|prefer(?:red)?|decided\s+(?:on|for)|"
    r"opt(?:ed)?\s+for|recommend(?:ed|s)?|settled?\s+on|landed\s+on|agreed\s+on|favou?r(?:ed)?)"
)
_PASSIVE = (
    r"(?:is|was|has\s+been|will\s+be)\s+(?:the\s+)?(?:chosen|selected|accepted|adopted|preferred|"
    r"recommended|agreed|winner|way\s+forward)"
)
_PATTERNS = (
    # "we settled on the second option", "we chose the latter", "we went for the last one"
    re.compile(
        r"\b" + _CHOOSING + r"\s+the\s+" + _ORDINAL + r"(?:\s+(?:" + _NOUN + r"|one))?\b",
        re.IGNORECASE,
    ),
    # "the third alternative was selected", "the latter is preferred"
    re.compile(
        r"\bthe\s+" + _ORDINAL + r"(?:\s+(?:" + _NOUN + r"|one))?\s+" + _PASSIVE + r"\b",
        re.IGNORECASE,
    ),
    # "we chose option two", "option three was selected"
    re.compile(
        r"\b" + _CHOOSING + r"\s+(?:the\s+)?" + _NOUN + r"\s+" + _NUMBER + r"\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b" + _NOUN + r"\s+" + _NUMBER + r"\s+" + _PASSIVE + r"\b",
        re.IGNORECASE,
    ),
)


def _place(word: str, opts: Sequence[Opt]) -> int | None:
    """The 1-based place a word gives among ``opts``, or None when it gives none."""
    word = word.lower()
    if word in ("former", "latter"):
        return None if len(opts) != 2 else (1 if word == "former" else 2)
    if word in ("last", "final"):
        return len(opts) if len(opts) >= 2 else None
    return _ORDINALS.get(word) or _NUMBERS.get(word)


def _at(place: int, opts: Sequence[Opt]) -> int | None:
    """The option at that place: labelled with its number when the options carry number
    labels, else by position when they carry none; nothing when labels say otherwise."""
    labels = [o.label for o in opts]
    if any(labels):
        same = [i for i, label in enumerate(labels) if label == str(place)]
        return same[0] if len(same) == 1 else None
    return place - 1 if 1 <= place <= len(opts) else None


def by_ordinal(text: str, opts: Sequence[Opt]) -> list[int]:
    """The options a sentence chooses by their place in the list, in order of mention."""
    found: list[int] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            word = m.group("ord") if "ord" in pattern.groupindex else m.group("num")
            place = _place(word, opts)
            index = _at(place, opts) if place else None
            if index is not None and index not in found:
                found.append(index)
    return found
