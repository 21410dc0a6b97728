"""Options numbered inside one sentence: "The two major options considered were 1) a single
page application, developed with ...; or 2) traditional server rendered HTML pages, ...".
The words before the first number must speak of options; the numbers run from 1; each
option is named by the words up to its first comma or semicolon."""

from __future__ import annotations

import re

MAX_INLINE_WORDS = 12
_MARK = re.compile(r"(?:^|(?<=\s))\(?(\d)\)\s+")
_ANNOUNCES = re.compile(
    r"\b(?:options|alternatives|approaches|choices|ways|possibilities|candidates)\b", re.I
)
_JOINER = re.compile(r"[;,]?\s*(?:\b(?:or|and)\s*)?$", re.IGNORECASE)


def inline_numbered(sentence: str) -> list[str]:
    """The names of options numbered ``1) ... 2) ...`` inside ``sentence``, or none."""
    marks = list(_MARK.finditer(sentence))
    if len(marks) < 2 or not _ANNOUNCES.search(sentence[: marks[0].start()]):
        return []
    if [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    out: list[str] = []
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(sentence)
        part = _JOINER.sub("", sentence[mark.end() : end].strip())
        name = re.split(r"[,;:]\s|\s[-–—]\s", part, maxsplit=1)[0].strip(" .")
        name = re.sub(r"^(?:an?|the)\s+", "", name, flags=re.IGNORECASE)
        if not name or len(name.split()) > MAX_INLINE_WORDS:
            return []
        out.append(name)
    return out
