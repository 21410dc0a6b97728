"""Alternatives written as answers under a template's prompt left in the record:
"- What other designs have been considered?" with each design a nested item under it, and
that design's reasons nested under it in turn; or the prompt as a heading ("#### What other
designs have been considered and what is the rationale for not choosing them?") over the
designs, one paragraph or list item each. The template's other prompts beside it ("Why is
this design the best ...?", "What is the impact of not doing this?") name no alternative."""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Section
from .content import Opt, fill_item
from .optionitems import item_is_option
from .rejected import as_rejected

_ASKS_ALTERNATIVES = re.compile(
    r"^what\s+(?:other\s+)?(?:designs|alternatives|options|approaches|solutions)\s+"
    r"(?:have\s+been|were|are|was)\s+(?:considered|evaluated|explored)"
    r"(?:\s+and\s+[^?]{0,80})?\?$",
    re.IGNORECASE,
)


def answers_to_prompt(sec: Section) -> list[Opt] | None:
    """The alternatives answered under the prompt item (each turned down, its nested items
    its reasons), or None when no list item of ``sec`` asks for them."""
    from .options import _from_item  # options reads this module

    for lst in sec.lists():
        for item in lst.items:
            if not _ASKS_ALTERNATIVES.match(item.text.strip()):
                continue
            found: list[Opt] = []
            for kid in item.children:
                if not item_is_option(kid):
                    continue
                opt = _from_item(replace(kid, children=()), None, 0)
                if opt is None:
                    continue
                for point in kid.children:
                    fill_item(opt, point, None, False, points=True)
                as_rejected(opt)
                found.append(opt)
            return found
    for child in sec.children:  # the prompt as a heading over the answers
        if _ASKS_ALTERNATIVES.match(child.title.strip()):
            return _answered(child)
    return None


def _answered(part: Section) -> list[Opt]:
    """The designs a prompt heading's part gives, each turned down: one per paragraph (its
    first sentence the title, the rest its reasons), or one per list item."""
    from .options import from_items, from_section  # options reads this module
    from .paragraphs import paragraph_alternatives

    if part.lists():
        found = from_items([it for lst in part.lists() for it in lst.items])
    else:
        found = paragraph_alternatives(part) or from_section(part)[0]
    for opt in found:
        as_rejected(opt)
    return found
