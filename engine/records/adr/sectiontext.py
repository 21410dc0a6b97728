"""The text of a section as the choice readers see it: its paragraphs and list items with
their lines, the list that follows each paragraph, and its subsections' headings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..document import ListBlock, ListItem, Paragraph, Section
from . import sections as roles


def texts(sec: Section) -> list[tuple[int, str]]:
    """(line, text) for each paragraph and list item of the section's own blocks."""
    return [(line, text) for line, text, _ in texts_with_follow(sec)]


def subheadings(sec: Section) -> list[tuple[int, str]]:
    """The titles of a section's own subsections, with their lines: where a decision section
    has no text of its own, its outcome is written as a heading ("## Decision Outcome" >
    "### A) No prefixes")."""
    return [(child.line, child.title) for child in sec.children]


def texts_with_follow(sec: Section) -> list[tuple[int, str, list[ListItem]]]:
    """(line, text, the items of the list right after it) for each paragraph and list item."""
    out: list[tuple[int, str, list[ListItem]]] = []
    blocks = sec.blocks
    for n, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            follow = list(nxt.items) if isinstance(nxt, ListBlock) else []
            out.append((block.line, "\n".join(block.lines) or block.text, follow))
        elif isinstance(block, ListBlock):
            for item in block.items:
                for it in item.walk():
                    out.append((it.line, it.text, []))
    return out


# a short line of its own that ends on a colon labels the list after it like bold would
_PLAIN_LABEL = re.compile(r"^[A-Z][\w-]*(?:\s+[\w-]+){0,3}:$")


def labelled_lists(sec: Section, *, plain: bool = False) -> Iterator[tuple[str, ListBlock]]:
    """(the label, the list) for each paragraph of ``sec`` that is only a bold label
    ("**Alternatives rejected:**", "**Benefits:**") with a list right after it; with
    ``plain``, also a short line of its own that ends on a colon ("Discarded options:")."""
    for block, after in pairwise(sec.blocks):
        if not isinstance(block, Paragraph) or not isinstance(after, ListBlock):
            continue
        label = (block.label or "").strip().rstrip(":").strip()
        if label and not block.rest.strip():
            yield label, after
        elif plain and not block.label and _PLAIN_LABEL.match(block.text.strip()):
            yield block.text.strip().rstrip(":").strip(), after  # "Discarded options:"


def own_text(sec: Section) -> str:
    """A decision section's text without its consequences and options subsections."""
    parts = [sec.text(deep=False)]
    for child in sec.children:
        if not roles.is_consequences(child.key) and not roles.is_options(child.key):
            parts.append(child.text())
    return "\n\n".join(p for p in parts if p)
