"""Which listed option a stated choice refers to.

Records name their choice the way people write: by title ("Use PostgreSQL"), by number
("Option 2", "#2", "the second option"), by letter ("B", "Option B"), by abbreviation ("PG"
for PostgreSQL, "MQ" for Message Queue) or with a typo ("Postgress"). :func:`resolve` finds
the one listed option such a reference names; :func:`refers_to_listed` says whether it names
any listed option at all (an ambiguous reference still names one). Matching goes from the
strictest test to the loosest, and a looser test is used only when the stricter ones found
nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .vocab import STOP_WORDS

__all__ = ["OptionRef", "candidates", "refers_to_listed", "resolve"]

# "Option 2", "Alternative B", "#3", "(2)", "2.", "Variant C:" at the start of a title or a
# reference: the label people number or letter options by.
_LABEL = re.compile(
    r"^\s*(?:(?:option|alternative|variant|approach|choice|proposal|solution)\s*)?"
    r"[#(\[]?\s*(?P<label>\d{1,2}|[a-z])\s*(?P<sub>[a-z])?\s*[)\].:\-–—]*(?=\s|$)",
    re.IGNORECASE,
)
_ORDINALS = {
    word: n
    for n, words in enumerate(
        (
            ("first", "one"),
            ("second", "two"),
            ("third", "three"),
            ("fourth", "four"),
            ("fifth", "five"),
            ("sixth", "six"),
            ("seventh", "seven"),
            ("eighth", "eight"),
            ("ninth", "nine"),
            ("tenth", "ten"),
        ),
        start=1,
    )
    for word in words
}
_WORDED = re.compile(
    r"^\s*(?:the\s+)?(?:(?P<ord>[a-z]+)\s+(?:option|alternative)"
    r"|(?:option|alternative)\s+(?P<num>[a-z]+))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")
_STOP = STOP_WORDS
FUZZY_CUTOFF = 0.82  # difflib ratio for a near-spelling (one or two typos in a short name)
MAX_OPTIONS = 60  # beyond this, only exact, label and number references are tried


@dataclass(frozen=True)
class OptionRef:
    """An option as a reference can name it: its title and id, in list order."""

    title: str
    id: str | None = None


def _norm(text: str) -> str:
    text = text.lower().replace("`", "").replace('"', "").replace("“", "").replace("”", "")
    return " ".join(text.strip(" \t'*_.,;:!").split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _label(text: str) -> str | None:
    """``"Option 2: Use X"`` -> ``"2"``; ``"B) Keep it"`` -> ``"b"``; else None.

    A lone letter counts only when it is the whole text or followed by a separator, so the
    word "a" in "a new queue" is not a label.
    """
    m = _LABEL.match(text)
    if m is None:
        return None
    label = m.group("label").lower()
    rest = text[m.end() :].strip()
    if label.isalpha():
        head = text[: m.end()].strip().lower()
        keyword = head[:1].isalpha() and len(head.split()) > 1
        separated = bool(re.search(r"[)\].:\-–—]$", head))
        if not (keyword or separated or not rest):
            return None
    sub = m.group("sub")
    return label + (sub.lower() if sub else "")


def _worded(text: str) -> str | None:
    m = _WORDED.match(text)
    if m is None:
        return None
    word = (m.group("ord") or m.group("num") or "").lower()
    return str(_ORDINALS[word]) if word in _ORDINALS else None


def _unique(hits: list[int]) -> list[int]:
    return sorted(set(hits))


def _by_label(named: str, options: Sequence[OptionRef]) -> list[int]:
    label = _worded(named) or _label(named)
    if label is None:
        return []
    labelled = [i for i, o in enumerate(options) if _label(o.title) == label]
    if labelled:
        return labelled
    # No title carries labels: count the list ("Option 2" is the second, "B" the second).
    if any(_label(o.title) for o in options):
        return []
    if label.isdigit():
        n = int(label)
    elif len(label) == 1:
        n = ord(label) - ord("a") + 1
    else:
        return []
    return [n - 1] if 1 <= n <= len(options) else []


def _keys(option: OptionRef) -> list[str]:
    """The texts an option is known by: its title, the title without its label, its id."""
    title = _norm(option.title)
    keys = [title]
    m = _LABEL.match(option.title)
    if m is not None and _label(option.title) is not None:
        bare = _norm(option.title[m.end() :])
        if bare:
            keys.append(bare)
    if option.id:
        keys.append(_norm(option.id))
    return [k for k in keys if k]


def _contains(outer: str, inner: str) -> bool:
    return bool(inner) and re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def _significant(text: str) -> list[str]:
    return [w for w in _words(text) if w not in _STOP]


def _abbreviates(short: str, long_text: str) -> bool:
    """``PG`` for PostgreSQL, ``MQ`` for Message Queue, ``k8s`` for Kubernetes: the short
    form's letters appear in order in the long one, starting at its first letter, and the
    short form is 2-5 characters."""
    if not 2 <= len(short) <= 5 or not short.isalnum():
        return False
    words = _significant(long_text)
    if not words:
        return False
    initials = "".join(w[0] for w in words)
    if short == initials or (len(words) > 1 and initials.startswith(short) and len(short) > 1):
        return True
    for word in words:
        if word[0] != short[0] or len(word) <= len(short):
            continue
        it = iter(word[1:])
        if all(ch in it for ch in short[1:] if not ch.isdigit()):
            return True
    return False


def candidates(named: str, options: Sequence[OptionRef]) -> list[int]:
    """Indexes of the options ``named`` may refer to, by the strictest test that finds any."""
    want = _norm(named)
    if not want or not options:
        return []
    exact = [i for i, o in enumerate(options) if want in _keys(o)]
    if exact:
        return _unique(exact)
    labelled = _by_label(named, options)
    if labelled:
        return labelled
    if len(options) > MAX_OPTIONS:
        return []
    inside = [
        i
        for i, o in enumerate(options)
        for k in _keys(o)
        if _contains(want, k) or _contains(k, want)
    ]
    if inside:
        return _unique(inside)
    said = _significant(want)
    words = [
        i
        for i, o in enumerate(options)
        for k in _keys(o)
        if (mine := _significant(k)) and said and (_within(mine, said) or _within(said, mine))
    ]
    if words:
        return _unique(words)
    if said and len(said) <= 3:
        short = [
            i
            for i, o in enumerate(options)
            if any(_abbreviates(w, k) for w in said for k in _keys(o))
        ]
        if short:
            return _unique(short)
    near = [
        i
        for i, o in enumerate(options)
        for k in _keys(o)
        if difflib.SequenceMatcher(None, want.replace(" ", ""), k.replace(" ", "")).ratio()
        >= FUZZY_CUTOFF
    ]
    if near:
        return _unique(near)
    most = _most_words(said, options)
    head = APPOSITION.split(named, maxsplit=1)[0]  # "MapLibre 1.15.0, a free library"
    if not most and head.strip() and len(head) < len(named):
        return candidates(head, options)
    return most


APPOSITION = re.compile(r",|;|\s[-–—]\s|\s\(")  # where a name ends and its gloss begins


def _close(word: str, words: Sequence[str]) -> bool:
    if word in words:
        return True
    if len(word) < 5:
        return False
    return any(
        len(w) >= 4 and difflib.SequenceMatcher(None, word, w).ratio() >= FUZZY_CUTOFF
        for w in words
    )


def _within(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Every word of ``part`` is in ``whole``, allowing a typo in words of 5+ letters."""
    return all(_close(w, whole) for w in part)


def _most_words(said: Sequence[str], options: Sequence[OptionRef]) -> list[int]:
    """The one option sharing clearly the most of the reference's words (at least three,
    and at least 60% of them): a paraphrase of that option's title."""
    if len(said) < 3:
        return []
    scores = []
    for i, o in enumerate(options):
        have = [w for k in _keys(o) for w in _significant(k)]
        scores.append((sum(_close(w, have) for w in said), i))
    scores.sort(reverse=True)
    best, index = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    if best >= 3 and best >= 0.6 * len(said) and best > runner_up:
        return [index]
    return []


def resolve(named: str, options: Sequence[OptionRef]) -> int | None:
    """The one listed option ``named`` refers to, or None (no option, or several)."""
    hits = candidates(named, options)
    return hits[0] if len(hits) == 1 else None


def refers_to_listed(named: str, options: Sequence[OptionRef]) -> bool:
    """``named`` refers to at least one listed option."""
    return bool(candidates(named, options))
