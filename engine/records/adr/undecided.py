"""A decision that leaves its choice between the listed options open.

A record may settle one part and leave another for later: "It is not yet clear whether to
build our own server or to use X", "Prototypes will help us choose between these two
options", "Which of the candidates we adopt is to be decided later". Such a sentence in the
decision section, about the options (it names one of them, or speaks of a choice between
them), makes the choice open: the options stay, none of them is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..document import Document, ListBlock, Paragraph, Section
from . import sections as roles
from .choice import named_in
from .content import Opt

# "not yet clear whether", "still to be decided", "will decide later", "remains open",
# "help us choose between", "prototype both", "no decision has been made yet"
_OPEN = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:clear|decided|determined|settled|agreed|known|certain|sure)\s+"
    r"(?:yet\s+)?(?:whether|which|if|between|how\s+to\s+choose)\b|"
    r"\b(?:yet|still)\s+to\s+be\s+(?:decided|determined|chosen|agreed|settled)\b|"
    r"\bto\s+be\s+(?:decided|determined|chosen|agreed|settled)\s+(?:later|at\s+a\s+later|after|"
    r"once|when|by)\b|"
    r"\b(?:will|shall|can|to)\s+(?:be\s+)?(?:decide[ds]?|chosen|choose|settled?)\s+(?:\w+\s+){0,4}?"
    r"(?:later|afterwards|at\s+a\s+later\s+(?:date|stage|point|time)|in\s+a\s+(?:later|future|"
    r"separate|follow-?up)\b)|"
    r"\bremains?\s+(?:an?\s+)?open(?:\s+question)?\b|\b(?:is|are)\s+(?:still\s+)?undecided\b|"
    r"\b(?:help|allow|let|enable)s?\s+us\s+(?:to\s+)?(?:choose|decide|pick|select)\s+between\b|"
    r"\bprototyp\w*\s+(?:both|each|all)\b|\b(?:both|each)\s+(?:\w+\s+){0,2}?(?:will|shall)\s+be\s+"
    r"prototyped\b|"
    r"\bno\s+(?:final\s+)?(?:decision|choice)\s+(?:has|have|was|is)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:made|taken|reached)\b|\bhas\s+not\s+(?:yet\s+)?been\s+(?:decided|chosen|made)\b",
    re.IGNORECASE,
)
# Words that make an open sentence about the choice between the options, when it names none
_ABOUT_CHOICE = re.compile(
    r"\b(?:between|which\s+(?:of|one)|options?|alternatives?|approaches|candidates)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"“])")


def _said(sec: Section) -> Iterator[tuple[int, str]]:
    """(line, sentence) of a decision section's own paragraphs and list items (not its
    consequences subsections)."""
    for part in sec.walk():
        if part is not sec and roles.is_consequences(part.key):
            continue
        for block in part.blocks:
            if isinstance(block, Paragraph):
                texts = [(block.line, block.text)]
            elif isinstance(block, ListBlock):
                texts = [(it.line, it.text) for item in block.items for it in item.walk()]
            else:
                continue
            for line, text in texts:
                for sentence in _SENTENCE_END.split(" ".join(text.split())):
                    yield line, sentence


def left_open(doc: Document, opts: Sequence[Opt]) -> int | None:
    """The line of the decision's sentence that leaves the choice between ``opts`` open,
    or None. Only with two or more options and a decision section."""
    if len(opts) < 2:
        return None
    for sec in roles.ordered(doc, roles.is_decision):
        for line, sentence in _said(sec):
            m = _OPEN.search(sentence)
            if m is None:
                continue
            if (
                re.search(r"prototyp|between", m.group(0), re.IGNORECASE)
                or named_in(sentence, opts)
                or _ABOUT_CHOICE.search(sentence)
            ):
                return line
    return None
