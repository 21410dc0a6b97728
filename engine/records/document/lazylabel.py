"""A bold label written on the line after a list's last item, with no blank line between::

    - No network overhead
    **CONS**
    - New technology

CommonMark reads ``**CONS**`` as more of that item's text (a lazy continuation line), and
the items after it as more of the same list. Writers mean a label over a new list: this
splits the list there, the label a paragraph of its own between the two lists.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Block, ListBlock, ListItem, Paragraph

# a line that is only a bold (or underscored) label: "**CONS**", "__Cons:__", "**Drawbacks:**"
_LABEL_LINE = re.compile(r"^\s*(\*\*|__)(?P<label>[^*_\n]{1,40}?)\s*:?\s*\1\s*:?\s*$")


def split_at_labels(lst: ListBlock) -> list[Block]:
    """``lst`` as written, or split where an item ends on a label line of its own."""
    out: list[Block] = []
    items: list[ListItem] = []
    for item in lst.items:
        label = _trailing_label(item)
        if label is None:
            items.append(item)
            continue
        kept, para = label
        items.append(kept)
        out.append(replace(lst, items=tuple(items)))
        out.append(para)
        items = []
    if not out:
        return [lst]
    if items:
        out.append(replace(lst, line=items[0].line, items=tuple(items)))
    return out


def _trailing_label(item: ListItem) -> tuple[ListItem, Paragraph] | None:
    source_lines = item.source.splitlines()
    if item.children or item.more or len(source_lines) < 2 or len(item.lines) < 2:
        return None
    m = _LABEL_LINE.match(source_lines[-1])
    if m is None:
        return None
    label = m.group("label").strip()
    lines = item.lines[:-1]
    kept = replace(
        item,
        text=" ".join(lines).strip(),
        source="\n".join(source_lines[:-1]),
        marks=tuple(k for k in item.marks if k.strip(" :") != label),
        lines=lines,
    )
    at = item.line + len(source_lines) - 1
    para = Paragraph(
        text=label, source=source_lines[-1].strip(), label=label, rest="", marks=(label,),
        lines=(label,), line=at,
    )  # fmt: skip
    return kept, para
