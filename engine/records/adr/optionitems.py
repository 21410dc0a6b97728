"""The blocks of an options section, item by item: which list items are options, which
lists document parameters, which paragraphs carry ``**Option 1:**`` labels, and which parts
set out rules adopted together rather than options."""

from __future__ import annotations

import re

from ..document import Block, ListBlock, ListItem, Paragraph, Section
from .content import prefixed
from .labelled import OPTION_PARA
from .leadin import announces_candidates, argues_above, details_led
from .sections import pc_kind


def labelled_items(lists: list[ListBlock]) -> list[ListItem]:
    """The items of the first list, and of the lists after it when every item of them all
    is labelled like an option ("1. **C#**: ..." then "The rest:" and "- **F#**: ...")."""
    items = list(lists[0].items) if lists else []
    if items and all(it.label for it in items):
        for more in lists[1:]:
            if all(it.label for it in more.items):
                items.extend(more.items)
    return items


def parameter_list(items: list[ListItem]) -> bool:
    """Items that document parameters (`` `seq` is the upper bound...``), not options."""
    coded = sum(1 for it in items if it.source.lstrip().startswith("`"))
    return coded * 2 > len(items)


def item_is_option(item: ListItem) -> bool:
    kind = pc_kind(item.text.rstrip(":").lower()) or (
        pc_kind(item.label.lower()) if item.label else None
    )
    text = item.text.strip()
    if _PROMPT.match(text):
        return False  # a template's prompt left in ("What other designs have been considered?")
    if OWN_DESIGN.match(text):
        return False  # "This design simplifies the object model": the record's own course
    return kind is None and not prefixed(text) and bool(text) and not _NONE.match(text)


# A sentence about the record's own course: "This design simplifies ...", "These changes
# provide ...", "The proposed WaitGroup type would still have some advantages"
OWN_DESIGN = re.compile(
    r"^(?:this|these|the\s+(?:proposed|new|suggested)|our\s+(?:proposed|new))\s+(?:\w+\s+){0,2}?"
    r"(?:design|proposal|approach|change|changes|rfc|solution|implementation|feature|api|"
    r"type|model|method|mechanism)\s+(?:(?:would|will|does|do|is|are|has|have|can|also|still|"
    r"should)\s+)*(?!be\b)[a-z]+",
    re.IGNORECASE,
)
_NONE = re.compile(r"^(?:n/?a|none|nothing|unknown|tbd|not\s+applicable|-+)\W*$", re.IGNORECASE)
_PROMPT = re.compile(
    r"^(?:what|why|how|which|who|is|are|does|do|has|have|can|should)\b[^?]{3,150}\?$",
    re.IGNORECASE,
)


RULES_PART = re.compile(
    r"^(?:(?:design|guiding|core|key|our)\s+)?(?:principles|tenets|rules|guidelines|"
    r"conventions|requirements|goals|non-goals|expectations|constraints)$"
)


def option_labels(sec: Section) -> set[int]:
    """The lines of the ``**Option 1:**`` paragraphs of a section."""
    return {
        b.line
        for b in sec.blocks
        if isinstance(b, Paragraph) and b.label and OPTION_PARA.match(b.label)
    }


def list_items(blocks: tuple[Block, ...]) -> list[ListItem]:
    return [it for b in blocks if isinstance(b, ListBlock) for it in b.items]


def option_lists(sec: Section) -> list[ListBlock]:
    """The lists of an options section with options in them, the first the options; not a
    list that details one option ("Required changes include:"). When the first is the
    points of the prose above it, a later list counts only when announced as the options."""
    lists = [
        lst
        for lst in sec.lists()
        if any(item_is_option(it) for it in lst.items) and not details_led(sec, lst)
    ]
    if lists and argues_above(sec, lists[0]):
        lists = [lst for lst in lists if announces_candidates(sec, lst.line)]
    return lists
