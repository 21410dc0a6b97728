"""A preference stated under a group of options by a heading of its own: "### Key Question:
Plugin Registration" / "#### Option 1: A new flag" / "#### Option 2: A CRD" / "####
Preference: `CRD`". The one option of that group the heading names is marked chosen, each
group on its own."""

from __future__ import annotations

import re

from ..document import Document
from .content import Opt

_PREFERENCE = re.compile(
    r"^\W*(?:our\s+)?(?:preference|preferred(?:\s+(?:option|approach|solution))?|"
    r"recommendation|recommended(?:\s+(?:option|approach|solution))?)\s*[:\-–—]\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[`*_\"“”'.]", " ", text).lower().split())


def mark_preferred(doc: Document, opts: list[Opt]) -> None:
    """Mark, in each group, the one option a sibling "Preference: X" heading names."""
    for parent in [doc.root, *doc.sections()]:
        for child in parent.children:
            m = _PREFERENCE.match(child.title)
            if m is None:
                continue
            name = _plain(m.group("name"))
            if not name:
                continue
            group = [o for o in opts if parent.line < o.line < child.line and not o.rejected]
            hits = [o for o in group if name in _plain(o.title) or _plain(o.title) in name]
            if len(hits) == 1 and not any(o.marked for o in group):
                hits[0].marked = True
                hits[0].marked_line = child.line
                hits[0].chosen_by = "a preference heading in its group"
