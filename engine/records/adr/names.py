"""Whether a phrase cut from a sentence can be the name of an option.

The readers of alternatives stated in sentences (:mod:`.twoway`, :mod:`.inline`) cut the
words on either side of "rather than", "over", "in favour of"... A spurious option is worse
than a missed one, so a phrase is taken as a name only when it looks like one: a product or
a code span, a short noun phrase set against a parallel one ("a single domain" / "a
different domain"), or a gerund phrase ("creating new accounts for each team"). Pronouns,
numbers, times ("3 days", "later") and references to the record itself are never names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Paragraph

MAX_NAME_WORDS = 8
MAX_NAME_CHARS = 80

_LEAD = re.compile(
    r"^(?:(?:to\s+)?(?:use|using|adopt|adopting|go\s+with|going\s+with|switch\s+to|"
    r"move\s+to|moving\s+to)\s+|"
    r"(?:the\s+)?use\s+of\s+|the\s+|an?\s+|our\s+(?=own\b))+",
    re.IGNORECASE,
)
_NOT_FIRST = frozenset(
    re.findall(
        r"\S+",
        "it its this that these those them they we us you he she one ones something anything "
        "everything nothing all each every any both either neither what which how whether here "
        "there now later sooner earlier before after once just only doing being having waiting "
        "more less most least such other others another same so too very much many few whatever "
        "whichever when if while although though because since as unless until whereas "
        "could might may would should shall must can will",
    )
)
_PRONOUN = re.compile(r"\b(?:it|we|they|he|she|i|you|us|them)\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|times?|later|sooner|earlier|"
    r"now|today|tomorrow|yesterday|once|twice)\b",
    re.IGNORECASE,
)
# Phrases about the record itself or its process, never an option.
_RECORD = re.compile(
    r"\b(?:adrs?|rfcs?|decisions?|this\s+(?:record|document|proposal|change))\b|"
    r"^(?:record|document|section|proposal|previous|"
    r"earlier|original|former|latter|prior)s?\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^[\d.,%$£€]+(?:\s|$)")
_SHAPED = re.compile(r"[A-Z]|\w[./@=_+#-]\w|\d")  # Click, i18next-cli, k8s, SELINUX=x
_CODE = re.compile(r"`([^`]+)`")
_QUALIFY = re.compile(
    r"\s+(?:for|in|on|at|across|within|inside|throughout|where(?:ver)?|when(?:ever)?|because|since|"
    r"as\s+(?:the|a|an|our)|so\s+that|in\s+order\s+to|which|that|unless|until|if|while|"
    r"mainly|mostly|primarily|wherever|by|due\s+to|going\s+forward|"
    r"to\s+(?:allow|enable|support|ensure|help|avoid|reduce|improve|accommodate|prevent|"
    r"simplify|speed\s+up))\b.*$",
    re.IGNORECASE,
)
_QUALIFY_LOOSE = re.compile(r"\s+(?:with|via|through|using)\b.*$", re.IGNORECASE)
_TAIL = re.compile(r"\s*(?:[,;:(]|\s[-–—]\s|\.(?:\s|$)).*$", re.DOTALL)


@dataclass(frozen=True)
class Said:
    """A sentence and where it was written: its paragraph's line, and the code spans of that
    paragraph (``argparse`` written as code is a name)."""

    text: str
    line: int
    code: tuple[str, ...] = ()

    @classmethod
    def of(cls, para: Paragraph, sentence: str) -> Said:
        return cls(sentence, line_of(para, sentence), _codes(para.source))


@lru_cache(maxsize=64)
def _codes(source: str) -> tuple[str, ...]:
    """The code spans of a paragraph, found once (its sentences are read one after another;
    finding them again for each made a long paragraph quadratic)."""
    return tuple(_CODE.findall(source))


def line_of(para: Paragraph, sentence: str) -> int:
    """The source line where ``sentence`` starts in ``para`` (its first line if not found)."""
    head = " ".join(sentence.split()[:4])
    for i, text in enumerate(_spaced(para.lines)):
        if head and head in text:
            return para.line + i
    return para.line


@lru_cache(maxsize=64)
def _spaced(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Each line with its runs of spaces made one, once per paragraph (a paragraph's
    sentences are looked up in it one after another)."""
    return tuple(" ".join(text.split()) for text in lines)


def trim(phrase: str, *, loose: bool = False, tail_cut: bool = True) -> str:
    """A phrase cut where it moves on to a qualifier (" for buyers", " because ...", and with
    ``tail_cut`` at ", so" or ":") and cleaned of articles and "use of". ``loose``: also at
    " with"/" via"."""
    text = re.sub(r"\s*\([^()]*\)", "", phrase).strip()
    text = text.replace("**", "").replace("__", "").replace("`", "")
    if tail_cut:
        text = _TAIL.sub("", text)
    text = _QUALIFY.sub("", text)
    if loose:
        text = _QUALIFY_LOOSE.sub("", text)
    text = text.strip(" *_\"'“”‘’")
    text = _LEAD.sub("", text).strip()
    text = re.sub(
        r"\s+(?:etc|instead|too|as\s+well|are|is|was|were|will|would|has|have)$",
        "",
        text,
        flags=re.IGNORECASE,
    )
    return text.rstrip(" .,:;!?").strip(" *_\"'“”‘’")


def shaped(name: str, code: tuple[str, ...] = (), *, initial: bool = False) -> bool:
    """Written like a name: a capital (not only "I"), a digit, a dotted or dashed token, or
    a code span of its paragraph. ``initial``: the name starts a sentence, so a capital on
    its first word alone says nothing."""
    if any(c and c in name for c in code):
        return True
    words = name.split()
    if initial and words and re.fullmatch(r"[A-Z][a-z]+", words[0]):
        words = words[1:]
    return any(_SHAPED.search(w) and w != "I" for w in words)


def gerund(name: str) -> bool:
    """A gerund phrase with its object ("creating new accounts"), not a lone verb."""
    words = name.split()
    return len(words) >= 2 and len(words[0]) > 5 and words[0].lower().endswith("ing")


def _stem(word: str) -> str:
    word = word.lower().strip(".,;:")
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def parallel(a: str, b: str) -> bool:
    """Two noun phrases with the same head ("named exports" / "default exports")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or max(len(wa), len(wb)) > 6 or a.lower() == b.lower():
        return False
    return _stem(wa[-1]) == _stem(wb[-1]) and len(wa[-1]) > 2


def acceptable(name: str) -> bool:
    """Not empty, not too long, not a pronoun, number, time or the record itself."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
        return False
    if words[0].lower() in _NOT_FIRST or _NUMBER.match(name):
        return False
    if len(words) <= 3 and _TIME.search(name):
        return False
    return not _RECORD.search(name) and not _PRONOUN.search(name)


def names_pair(chosen: str, other: str, code: tuple[str, ...] = ()) -> bool:
    """Both sides of a two-way sentence can be option names: each acceptable; the other
    side shaped like a name, parallel to the chosen one, or a gerund phrase; the chosen
    side shaped, parallel or of two words or more."""
    if not (acceptable(chosen) and acceptable(other)) or chosen.lower() == other.lower():
        return False
    both = parallel(chosen, other)
    other_ok = shaped(other, code) or both or gerund(other)
    chosen_ok = shaped(chosen, code) or both or len(chosen.split()) >= 2
    return other_ok and chosen_ok


def aligned(chosen: str, other: str) -> str:
    """The chosen side cut to the words that match the other's shape: in "build features/cis
    with SELINUX=permissive" set against "SELINUX=enforcing", "SELINUX=permissive"."""
    first = re.split(r"[=:./-]", other.split()[0])[0] if other.split() else ""
    if len(first) < 3 or not re.search(r"[A-Z0-9]", first) or first == other.split()[0]:
        return chosen  # only a shaped key ("SELINUX=", "Python3.") is matched
    words = chosen.split()
    for i, word in enumerate(words[1:], start=1):
        if word.lower().startswith(first.lower()) and word.lower() != other.lower():
            return " ".join(words[i:])
    return chosen
