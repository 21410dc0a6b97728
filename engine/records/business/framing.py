"""The framing of a business-case record: its title and id, context and rationale, the
questions its decision makers asked and its benefits review."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from ...types import Loc
from ..document import Section
from . import parts
from .vocab import Vocabulary


def prose(sec: Section) -> str:
    """The paragraphs and list items of a section and its subsections, not its tables."""
    texts = [p.text for p in sec.paragraphs(deep=True)]
    texts += [item.text for item in sec.items(deep=True)]
    return "\n\n".join(t for t in texts if t)


def plain_title(title: str, vocab: Vocabulary) -> str:
    """``Board paper: Midlands capacity`` -> ``Midlands capacity``: the kind of document
    before a colon is not part of the decision's title."""
    pieces = re.split(r"\s*(?::|\s[-–—]\s)\s*", title, maxsplit=1)
    if len(pieces) == 2 and pieces[1].strip() and vocab.is_document(pieces[0]):
        return pieces[1].strip()
    return title.strip()


def id_from(path: str, title: str) -> str:
    if path != "-":
        return PurePosixPath(path.replace("\\", "/")).stem
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
    return slug or "business-case"


def context(
    data: dict[str, Any], lines: dict[Loc, int], sections: list[Section],
    decision: Section | None, vocab: Vocabulary,
) -> None:  # fmt: skip
    for sec in sections:
        if vocab.section_role(sec.title) == "context":
            text = prose(sec)
            if text:  # a "Financial summary" holding only a table is no context
                data["context"], lines[("context",)] = text, sec.line
                break
    if decision is not None and (text := decision.text()):
        data["rationale"], lines[("rationale",)] = text, decision.line


def challenge_and_review(
    data: dict[str, Any], lines: dict[Loc, int], sections: list[Section],
    found: parts.Found, vocab: Vocabulary,
) -> None:  # fmt: skip
    asked: list[tuple[str, int]] = []
    review_sec = None
    for sec in sections:
        role = vocab.section_role(sec.title)
        if role == "challenge":
            asked += parts.questions(sec)
        elif role == "review" and review_sec is None:
            review_sec = sec
    if asked or "alternatives_requested" in found.values:
        data["challenge"] = {"questions": [q for q, _ in asked]}
        lines[("challenge",)] = asked[0][1] if asked else found.lines["alternatives_requested"]
        for j, (_, line) in enumerate(asked):
            lines[("challenge", "questions", j)] = line
        if "alternatives_requested" in found.values:
            data["challenge"]["alternatives_requested"] = found.values["alternatives_requested"]
    if "review_date" in found.values or "review_text" in found.values:
        review: dict[str, Any] = {}
        if "review_date" in found.values:
            review["date"] = found.values["review_date"]
        notes = [f"Owner: {found.values['review_owner']}"] if "review_owner" in found.values else []
        if "review_date" not in found.values:
            notes.insert(0, f"Review: {found.values['review_text']}")
        if notes:
            review["notes"] = "; ".join(notes)
        if "review_owner" in found.values:
            review["owner"] = found.values["review_owner"]
        data["review"] = review
        lines[("review",)] = found.lines.get("review_date", found.lines.get("review_text", 1))
    elif review_sec is not None and review_sec.text():
        data["review"] = {"notes": review_sec.text()}
        lines[("review",)] = review_sec.line
