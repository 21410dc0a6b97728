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
