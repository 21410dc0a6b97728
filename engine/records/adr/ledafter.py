"""Options announced by a paragraph of their own and written as the paragraphs after it,
each led by an emphasised name: "Options to return errors:" over "*boolean returns*, where
true means ..." and "*negative integer style returns*, where ...".

The announcing paragraph names options, alternatives, approaches or choices and ends with a
colon; two or more paragraphs follow at once, each opening with an emphasised or bold run
of a few words, which is the option's name; the rest of the paragraph describes it. Every
option is uncertain, as all options read outside an options section are.
"""

from __future__ import annotations

import re

from ..document import Document, Paragraph
from .content import Opt

_ANNOUNCES = re.compile(
    r"^(?:(?:the|our|possible|available|main|candidate|two|three|several)\s+){0,2}"
    r"(?:options|alternatives|approaches|choices|candidates)\s+(?:for|to|of|on|regarding)\s+"
    r"[^:.!?]{2,80}:$",
    re.IGNORECASE,
)
MAX_LEAD_WORDS = 8
MAX_OPTIONS = 12


def _lead(para: Paragraph) -> str | None:
    """The emphasised or bold run a paragraph opens with, or None."""
    source = para.source.lstrip()
    if not source.startswith(("*", "_")) or not para.marks:
        return None
    lead = para.marks[0].strip()
    words = lead.split()
    if not words or len(words) > MAX_LEAD_WORDS or not para.text.startswith(lead):
        return None
    return lead


def led_after(doc: Document) -> list[Opt]:
    """The options of the first announcing paragraph followed by two or more led ones."""
    for sec in doc.sections():
        blocks = list(sec.blocks)
        for n, block in enumerate(blocks):
            if not isinstance(block, Paragraph) or not _ANNOUNCES.match(block.text.strip()):
                continue
            out: list[Opt] = []
            for after in blocks[n + 1 : n + 1 + MAX_OPTIONS]:
                if not isinstance(after, Paragraph) or (lead := _lead(after)) is None:
                    break
                opt = Opt(lead, after.line, None, [lead], uncertain=True)
                rest = after.text[len(lead) :].strip(" ,;:-–—")
                if rest:
                    opt.describe(rest, after.line)
                out.append(opt)
            if len(out) >= 2:
                return out
    return []
