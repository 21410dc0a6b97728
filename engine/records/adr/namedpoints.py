"""Points of a "Pros and Cons of the Options" section written as plain bullets that each
open with the option they judge ("`Jest` is easy to use", "- ESLint can run locally" under a
"Pros:" label): each is that option's point, of the kind its label, its prefix or its
wording gives."""

from __future__ import annotations

import re

from ..document import ListBlock, Paragraph, Section, heading_key
from .content import Opt, prefixed
from .points import polarity
from .sections import pc_kind

MAX_OPTIONS = 100


def _plain(text: str) -> str:
    return text.replace("`", "").replace("*", "").strip().lower()


def _named(said: str, names: list[list[str]], *, opening: bool) -> int | None:
    """The one option (``names``: each option's plain title and aliases) that ``said``
    opens with (``opening``) or names anywhere, as whole words."""
    where = r"^" if opening else r"(?<![\w-])"
    hits = {
        i
        for i, own in enumerate(names)
        for name in own
        if re.search(where + re.escape(name) + r"(?![\w-])", said)
    }
    return hits.pop() if len(hits) == 1 else None


def _opening(text: str, names: list[list[str]]) -> int | None:
    """The option a bullet judges: the one it opens with, else the only one it names."""
    said = _plain(text)
    found = _named(said, names, opening=True)
    return found if found is not None else _named(said, names, opening=False)


def points_by_name(sec: Section, opts: list[Opt]) -> None:
    """Give each option the bullets of ``sec`` that open with its name; nothing when any
    bullet names no option (the section is then about something else)."""
    if not opts or len(opts) > MAX_OPTIONS:
        return  # matching every bullet against every name stays small
    names = [[n for n in map(_plain, (o.title, *o.aliases)) if n] for o in opts]
    found: list[tuple[int, str, int, str]] = []
    kind: str | None = None
    for block in sec.blocks:
        if isinstance(block, Paragraph):
            label = block.label or block.text.rstrip(":")
            kind = pc_kind(heading_key(label)) if len(label.split()) <= 3 else None
            continue
        if not isinstance(block, ListBlock):
            continue
        for item in block.items:
            index = _opening(item.text, names)
            if index is None:
                return
            got = prefixed(item.text)
            how = kind or (got[0] if got else None) or polarity(item.text) or "neutral"
            found.append((index, how, item.line, item.text))
    for index, how, line, text in found:
        opts[index].add(how, line, text)
