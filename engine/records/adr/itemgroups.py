"""Whether the items nested under a list item are options of a group (``Managed
services:`` over ``RDS``, ``Cloud SQL``) or that item's own content: its pros and cons,
its settings (``directory: /src``), or the details and reasons of an item that names and
describes its option (``**Hybrid approach**: ... Rejected because:``)."""

from __future__ import annotations

import re

from ..document import ListItem
from .content import prefixed
from .sections import pc_kind

MAX_DESCRIPTION_WORDS = 15  # a nested item longer than this describes its option
MIN_DESCRIBED_WORDS = 3  # a bold label followed by this many words describes its option


# "Option 1:", "Alternative B": an item that is only an option's label, its details nested
_BARE_LABEL = re.compile(
    r"^(?:option|alternative|approach|variant|choice|solution)\s*#?\s*\w{1,3}\s*[:.)\-–—]?\s*$",
    re.IGNORECASE,
)


def group_children(item: ListItem) -> bool:
    """Whether a list item's nested items are options of a group (not its description)."""
    kids = item.children
    if _BARE_LABEL.match(item.text.strip()):
        return False  # "- Option 1:" over its details: one option
    if not kids or any(pc_kind(k.text.rstrip(":").lower()) or prefixed(k.text) for k in kids):
        return False
    if any(k.marker == "+" for k in kids):  # + and - bullets: pros and cons
        return False
    if any(k.label and pc_kind(k.label.lower()) for k in kids):
        return False
    if any(pc_kind(getattr(b, "text", "").strip(" *_:").lower()) for b in item.more):
        return False  # "Pros:" and "Cons:" lines over the nested lists: its points
    if _settings(kids):  # "directory: /src", "ecosystem: docker": what the option sets
        return False
    if _self_named(item):  # "**Hybrid**: build-time files. Rejected because:" and reasons
        return False
    if item.text.rstrip().endswith(":"):
        return True
    if judged_children(item):  # "[Detox](...)" over "no support for device farms"
        return False
    return all(len(k.text.split()) <= MAX_DESCRIPTION_WORDS for k in kids) and len(kids) >= 2


def judged_children(item: ListItem) -> bool:
    """Whether an item's nested items say what it is like (one opens on a lack or a
    judgement): they are the points of the option it names."""
    return any(_JUDGED.match(k.text) for k in item.children)


# A nested item that opens on a lack or a judgement ("no support for device farms", "not
# maintained", "lacks a desktop target", "hard to debug"): it says what its parent item is
# like, so the parent is one option and these its points, never options of a group
_JUDGED = re.compile(
    r"^\s*(?:no|not|lacks?|lacking|without|missing|doesn't|does\s+not|don't|can't|cannot|"
    r"hard\s+to|difficult\s+to|harder\s+to|easy\s+to|easier\s+to|requires|needs)\b",
    re.IGNORECASE,
)


def _self_named(item: ListItem) -> bool:
    """An item that names its option in a bold label and goes on to describe it
    (``**Hybrid approach**: generate the files at build time. Rejected because:``): what is
    nested under it is that option's details or reasons, never options of a group."""
    words = re.findall(r"[^\W\d_][\w'-]*", item.rest)
    return bool(item.label) and len(words) >= MIN_DESCRIBED_WORDS


# "package-ecosystem: docker", "`timeout`: 30s", "Directories: /a, /b": a key and its value
_SETTING = re.compile(r"^\s*`?(?P<key>[A-Za-z][\w.\-]*(?:\s[\w.\-]+){0,2}?)`?\s*[:=]\s+\S")
_OPTION_KEY = re.compile(
    r"^(?:option|alternative|approach|variant|choice|solution|sub-?option)\b|^\w{1,2}$",
    re.IGNORECASE,
)


def _settings(kids: tuple[ListItem, ...]) -> bool:
    """Nested items that set values (each ``key: value``, keys repeating or written like
    identifiers): the details of their option, never options of a group."""
    keys = [m.group("key") for k in kids if (m := _SETTING.match(k.source or k.text))]
    if len(keys) != len(kids) or any(_OPTION_KEY.match(key) for key in keys):
        return False
    same = len(kids) >= 2 and len({key.lower() for key in keys}) == 1
    coded = all(re.search(r"[-_.]|^[a-z]+$", key) and " " not in key for key in keys)
    return same or coded
