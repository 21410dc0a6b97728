"""Alternatives a record lists on one metadata line ("- Alternatives Considered: Preact (3kb
React replacement), Svelte (lightweight output)"): each an alternative turned down, named by
its words before any parenthesis, the parenthesis its description. Read only when no other
reader finds options; the decision itself is then the chosen option."""

from __future__ import annotations

import re

from .content import Opt

MAX_LISTED = 12
MAX_NAME_WORDS = 12
_NONE = re.compile(r"^\W*(?:n/?a|none|nothing|-+|tbd|unknown)\W*$", re.IGNORECASE)


def _split(value: str) -> list[str]:
    """``value`` cut at commas and semicolons outside parentheses and brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(value):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif ch in ",;" and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def listed_alternatives(value: str, line: int) -> list[Opt]:
    """The alternatives of one ``Alternatives Considered:`` line, each turned down and
    uncertain (read from a line, not an options section); none when it says "N/A" or
    lists more than :data:`MAX_LISTED`."""
    if _NONE.match(value):
        return []
    parts = _split(value)
    if len(parts) > MAX_LISTED:
        return []
    out: list[Opt] = []
    for part in parts:
        name, _, rest = part.partition("(")
        name = re.sub(r"^(?:and|or)\s+", "", name.strip(" .-–—"), flags=re.IGNORECASE)
        if not name:
            continue
        name = " ".join(name.split()[:MAX_NAME_WORDS])  # a long course, cut to its head
        opt = Opt(name, line, None, [name], uncertain=True)
        if rest.strip(" )"):
            opt.describe(rest.rsplit(")", 1)[0].strip(), line)
        opt.rejected = True
        out.append(opt)
    return out
