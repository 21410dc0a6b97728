"""Options of one section titled with letter labels (``A. Do nothing``, ``(b) Cache the
result``): the letter is the option's label, not a part of its title. Two or more options
with different letters are needed; a lone ``(B) by hardcoding X`` may name something else
(a check B), so it keeps its title."""

from __future__ import annotations

import re

from .content import Opt

_LETTER = re.compile(r"^\(?([A-Za-z])[.)]\s+(?=\S)")
_FREE = "abcdefgh"  # a later letter ("I.", a pronoun or a numeral) counts only in a run from A


def lettered(opts: list[Opt]) -> None:
    """Take the letter labels off the titles of ``opts`` (one section's options) when two
    or more of them carry different letters; the letter becomes the label."""
    found = [(o, m) for o in opts if o.label is None and (m := _LETTER.match(o.title))]
    letters = {m.group(1).lower() for _, m in found}
    run = {chr(c) for c in range(ord("a"), ord(max(letters, default="a")) + 1)}
    found = [(o, m) for o, m in found if m.group(1).lower() in _FREE or run <= letters]
    letters = {m.group(1).lower() for _, m in found}
    if len(found) < 2 or len(letters) < len(found):
        return
    for opt, m in found:
        opt.aliases.append(opt.title)
        opt.title = opt.title[m.end() :].strip()
        opt.label = m.group(1).lower()


# "A1: Keep the instance guid", "### A2 - Derive the id", "B3": a code of a letter or two
# and a number, as a template numbers its alternatives
_CODE = re.compile(r"^([A-Z]{1,2})(\d{1,2}[a-z]?)(?:\s*[-–—:.)]\s*(?P<rest>\S.*))?$")
MAX_CODED_WORDS = 12  # a title taken from a description is its first clause, this long at most


def coded(opts: list[Opt]) -> None:
    """Take code labels (``A1``, ``A2``...) off the titles of ``opts`` when two or more carry
    the same letters with different numbers: the code becomes the label (and an alias), the
    title is the words after it, or the first clause of the option's description when the
    title is the bare code."""
    found = [(o, m) for o in opts if (m := _CODE.match(o.title.strip()))]
    by_letters: dict[str, set[str]] = {}
    for _, m in found:
        by_letters.setdefault(m.group(1), set()).add(m.group(2))
    for opt, m in found:
        numbers = by_letters[m.group(1)]
        if len(numbers) < 2 or sum(1 for _, n in found if n.group(1) == m.group(1)) > len(numbers):
            continue  # one code alone, or a code used twice in one section: no run
        title = m.group("rest") or _first_clause(opt.description or "")
        opt.aliases.append(opt.title)
        opt.label = (m.group(1) + m.group(2)).lower()
        if title:
            opt.title = title


def _first_clause(text: str) -> str:
    """A description's name for its option: its first sentence, cut where a long one moves
    on (a comma, a colon, a bracket, "where", "which", "but"), at most twelve words."""
    first = re.split(r"(?<=[.;!?])\s+|\s+[-–—]\s+", text.strip(), maxsplit=1)[0].rstrip(" .;:")
    head, colon, _ = first.partition(": ")
    if colon and len(head.split()) <= MAX_CODED_WORDS // 2:  # "Status quo: rely on backoff"
        first = head
    if len(first.split()) > MAX_CODED_WORDS:
        first = re.split(r"[,;(]\s*|:\s+|\s+(?:where|which|that|but|so|because|as)\s+", first)[0]
    words = first.split()[:MAX_CODED_WORDS]
    return " ".join(words).rstrip(" ,;:")
