"""A decision written as a labelled paragraph (``**Decision:** Use X``) or as a heading that
names the choice (``## Decision Outcome: Use X``) in a record with no decision section:
often the last paragraph under the options, or under the last option's own heading. Each
such paragraph is read as a small decision section of its own."""

from __future__ import annotations

import re

from ..document import Document, Paragraph, Section
from . import sections as roles
from .choice import CHOSEN_LINE

# "Decision: Use X" written without bold: a short key before the colon
_PLAIN_LABEL = re.compile(r"^\s*(?P<key>[A-Za-z][\w ]{0,40}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)


def _decision_label(block: object) -> bool:
    if not isinstance(block, Paragraph):
        return False
    label, rest = block.label, block.rest
    if label is None and (m := _PLAIN_LABEL.match(block.text)) is not None:
        label, rest = m.group("key"), m.group("rest")
    if not label or not rest.strip():
        return False
    return roles.is_decision(label.strip(" :").lower())


# "### Decision Outcome: AWS Lambda function", "## Chosen Decision: Return Unioned Error
# types", "## Proposal: Max Int32 Weight Sum": a decision heading that names the choice
_HEADED = re.compile(
    r"^\s*(?:(?:final\s+|chosen\s+)?decision(?:\s+outcome)?|outcome|proposal|"
    r"(?:chosen|selected|preferred)\s+(?:option|solution|approach))"
    r"\s*[:\-–—]\s*(?P<x>\S.*)$",
    re.IGNORECASE,
)


def _headed(doc: Document) -> list[Section]:
    """Decision headings that name the choice, each read as a "Decision" section that
    opens with a ``Chosen option:`` line for it."""
    return [as_chosen(sec) for sec in doc.sections() if _HEADED.match(sec.title)]


def as_chosen(sec: Section) -> Section:
    """A decision heading that names the choice (``## Decision outcome: Out-of-Process
    COA``) as a "Decision" section that opens with a ``Chosen option:`` line for it; any
    other section as it is."""
    if (m := _HEADED.match(sec.title)) is None:
        return sec
    if any(isinstance(b, Paragraph) and CHOSEN_LINE.search(b.text) for b in sec.blocks):
        return sec  # "## Decision Outcome - Data Traffic" over "Chosen option: X": a topic
    said = f"Chosen option: {m.group('x').strip()}"
    line = Paragraph(said, said, line=sec.line, lines=(said,))
    return Section(sec.level, "Decision", sec.line, (line, *sec.blocks), sec.children)


def labelled_decisions(doc: Document) -> list[Section]:
    """The ``Decision:`` paragraphs of a record without a decision section, each as a
    section named "Decision" holding that paragraph (document order), or its decision
    headings that name the choice (``## Decision Outcome: X``); none when the record has a
    decision section."""
    if roles.ordered(doc, roles.is_decision):
        return []
    if headed := _headed(doc):
        return headed
    out: list[Section] = []
    for sec in [doc.root, *doc.sections()]:
        if roles.is_consequences(sec.key):
            continue
        for block in sec.blocks:
            if _decision_label(block):
                out.append(Section(sec.level + 1, "Decision", block.line, (block,)))
    return sorted(out, key=lambda s: s.line)
