"""Who decided, named in the decision's own prose: "it has been decided by Brice Schaffner
and Pascal Barth to change the sizes", "This was decided by Ana Lima.", or a named team
that chose ("The Page Kit team chose to use JSX", also in a record with no decision
section). Only people's names and named teams count (each one to three capitalised words),
never a body in lower case ("decided by the team" names nobody). The names are uncertain,
as every decider read from prose is."""

from __future__ import annotations

import re

from ..document import Document
from . import sections as roles

_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
_DECIDED_BY = re.compile(
    r"\b(?:has|have|had|was|were)\s+been\s+decided\s+by\s+|\b(?:was|were)\s+decided\s+by\s+"
)
_NAMES = re.compile(rf"({_NAME})((?:\s*,\s*{_NAME})*)(?:,?\s+(?:and|&)\s+({_NAME}))?")
MAX_PARAGRAPH_CHARS = 2_400  # a paragraph is searched this far for "decided by"


# "The Page Kit team chose to use JSX": a named team deciding, in a record that has no
# decision section of its own (the prose is the decision)
_TEAM_CHOSE = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w'’.-]+\s+){1,3}team)\s+(?:chose|decided|agreed|selected|opted)\b"
)


# A named body that ruled on the proposal, in its decision or resolution part: "The
# Steering Council voted to accept this proposal", "Accepted by the Technical Oversight
# Committee on 2023-04-01"
_NAMED_BODY = (  # a team or group only with its name ("the Team" names no one)
    r"((?:[A-Z][\w'’.-]+\s+){0,3}?(?:Council|Committee|Board|TSC|PSC|TOC|Maintainers|Stewards)"
    r"|(?:[A-Z][\w'’.-]+\s+){1,3}?(?:Team|Group|SIG))"
)
_BODY_RULED = re.compile(
    rf"\b[Tt]he\s+{_NAMED_BODY}\s+(?:has\s+|have\s+)?(?:unanimously\s+)?(?:voted|approved|"
    rf"accepted|rejected|decided|agreed|ratified|chose)\b"
    rf"|\b(?i:approved|accepted|rejected|ratified|decided)\s+(?i:on\s+\S+\s+)?(?i:by)\s+"
    rf"(?i:the\s+)?{_NAMED_BODY}\b"
)


def decided_by(doc: Document) -> tuple[list[str], int] | None:
    """The people a decision sentence says decided (else a named team that chose), and its
    line, or None."""
    decisions = roles.ordered(doc, roles.is_decision)
    prose = [p for s in decisions for sub in s.walk() for p in sub.paragraphs()]
    for para in prose:
        text = para.text[:MAX_PARAGRAPH_CHARS]
        for m in _DECIDED_BY.finditer(text):
            got = _NAMES.match(text, m.end())
            if got is None:
                continue
            names = [got.group(1)]
            names += [n.strip() for n in got.group(2).split(",") if n.strip()]
            names += [got.group(3)] if got.group(3) else []
            return [n.rstrip(".") for n in names], para.line
    for para in prose:  # "Approved by the Architecture Board", in the decision itself
        if body := _BODY_RULED.search(para.text[:MAX_PARAGRAPH_CHARS]):
            return [body.group(1) or body.group(2)], para.line
    if not decisions:  # a record in prose
        prose = [p for s in [doc.root, *doc.sections()] for p in s.paragraphs()]
    for para in prose:
        if team := _TEAM_CHOSE.search(para.text[:MAX_PARAGRAPH_CHARS]):
            return [team.group(1)], para.line
    return None


# A committee's recorded vote ("## PowerShell Committee Decision" / "### Voting Results" /
# "Jason Shirk: Accept"): each member who voted decided. Absent members did not.
_VOTES_PART = re.compile(r"^(?:voting(?:\s+results?)?|votes?|vote\s+results?|committee\s+votes?)$")
_VOTE = re.compile(
    rf"^({_NAME})\s*:\s*(accept|approve|yes|aye|\+1|\+0|reject|no|nay|-1|-0|abstain)\w*\b",
    re.IGNORECASE,
)
MAX_VOTERS = 50


def voters(doc: Document) -> tuple[list[str], int] | None:
    """The members a "Voting Results" part lists with their vote, and its line, or None."""
    part = roles.first(doc, lambda key: bool(_VOTES_PART.match(key)))
    if part is None:
        return None
    names: list[str] = []
    lines = [line for p in part.paragraphs() for line in p.lines]
    lines += [item.text for item in part.items()]
    for line in lines:
        if (m := _VOTE.match(line.strip())) and m.group(1) not in names:
            names.append(m.group(1))
        if len(names) >= MAX_VOTERS:
            break
    return (names, part.line) if names else None


# A resolution that counts a named body's votes ("## Resolution" / "Among Steering Council
# members there are 10 "yes", 0 "no""): the body decided
_RESOLUTION_PART = re.compile(
    r"^(?:resolution|vote|votes|voting|voting\s+results?|vote\s+results?)$"
)
_COUNTED = re.compile(
    r"\b\d+\s*[\"“”']?\s*(?:yes|no|ayes?|nays?|in\s+favou?r|against|approvals?|\+1)\b",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"\b(?i:among|by|of|from)\s+(?i:the\s+)?((?:[A-Z][\w'’.-]+\s+){0,3}?(?:Council|Committee|"
    r"Board|Team|Group|SIG|TSC|Maintainers))\b"
)


def voting_body(doc: Document) -> tuple[list[str], int] | None:
    """The named body whose votes a resolution part counts, or that the part says ruled on
    the proposal, and its line, or None."""
    part = roles.first(doc, lambda key: bool(_RESOLUTION_PART.match(key)))
    if part is None:
        return None
    texts = [(p.line, p.text) for p in part.paragraphs()]
    texts += [(item.line, item.text) for item in part.items()]
    for line, text in texts:
        text = text[:MAX_PARAGRAPH_CHARS]
        if _COUNTED.search(text) and (m := _BODY.search(text)):
            return [m.group(1)], line
        if m := _BODY_RULED.search(text):
            return [m.group(1) or m.group(2)], line
    return None
