"""Where an ADR's title comes from when its first heading is not one: an RFC's first part,
a heading that only names the kind of document, a "## Title" part, or the file name."""

from __future__ import annotations

import re

from ..document import Document, Paragraph, Section
from . import sections as roles

# "Design Decisions: App context": the kind of document before its title
KIND_PREFIX = re.compile(
    r"^\s*(?:(?:design|architecture|technical)\s+decisions?|proposal)\s*:\s*", re.I
)  # "Proposal: Remove X" is "Remove X"
ID_ONLY = re.compile(r"^\s*(?:adr|rfc|dr)[-_ ]?\d{1,6}\s*$", re.IGNORECASE)  # "title: ADR-0006"


def part_not_title(doc: Document, sec: Section) -> bool:
    """An RFC's first part, not its title: every part is a top-level heading ("# Summary",
    "# Motivation", "# Detailed design", "# Alternatives"), or the others stand under it
    ("# Motivation" / "## Specification"), so it names no decision (the title then comes
    from front matter or the file name). Without a top-level heading, a first heading that
    names such a part ("## Summary" under a metadata list) is no title either."""
    if sec.level != 1:
        return sec.key in _OPENING_PARTS or sec.key in roles.RFC_PARTS
    tops = [s for s in doc.root.children if s.level == 1 and s is not sec]
    if sec.key in _OPENING_PARTS:  # "# Executive Summary" over "# Goals", "# Background"
        return bool(tops)
    if not (sec.key in roles.RFC_PARTS or roles.is_role(sec.key)):
        return False
    if not tops and sec.children and sec.key in roles.RFC_PARTS:
        return True  # the one top-level part, "# Motivation", with the others under it
    return any(s.key in roles.RFC_PARTS or roles.is_role(s.key) for s in tops)


# The opening part of a document whose parts are all top-level headings: never its title
_OPENING_PARTS = frozenset(
    {"summary", "executive summary", "abstract", "tl dr", "tldr", "synopsis", "overview",
     "introduction", "purpose", "background", "preface", "scope", "goals", "objectives",
     "what", "why", "how it works now", "current state", "problem", "problem statement"}
)  # fmt: skip


# A heading that names only the kind of document its template makes ("# RFC Proposal",
# "# Architecture Decision Record"): every record of the folder has it, so it is no title.
_KINDS = re.compile(
    r"^(?:an?\s+)?(?:rfc|request\s+for\s+comments?|adr|(?:any\s+|architecture\s+|architectural\s+)?"
    r"decision\s+record|design\s+(?:doc|document|proposal)|technical\s+design|proposal)"
    r"(?:\s+(?:proposal|document))?$",
    re.IGNORECASE,
)


# A title written as a paragraph: a few words, no key, quote, bracket or template word
_TITLE_LIKE = re.compile(r"^(?![>\[{<*_`])(?!.*\btemplate\b)[^:\n]{2,100}$", re.IGNORECASE)


def title_part(sec: Section) -> tuple[str, int] | None:
    """A "Title" heading's one short paragraph, the record's title, and its line (also
    when the record's parts stand under it: "# Title" / "Authentication" / "## Context")."""
    paras = [b for b in sec.blocks if isinstance(b, Paragraph)]
    if len(paras) != 1 or len(paras[0].text.split()) > 20 or len(sec.blocks) != 1:
        return None
    if sec.children and not _TITLE_LIKE.match(paras[0].source.strip()):
        return None  # a template's guidance under its "# Title" ("Date: DATE", "> ...")
    return paras[0].text.strip().rstrip("."), paras[0].line


def kind_of_document(title: str) -> bool:
    return bool(_KINDS.match(" ".join(re.sub(r"[^\w\s]", " ", title).split())))


def title_from_file_name(stem: str) -> str:
    """``0005-use-x`` -> "Use x"; a date before the name (``2017-11-09-channel``,
    ``2024_05_15_use_x``) goes as a number does."""
    text = re.sub(r"^\d{4}[-_.]\d{1,2}[-_.]\d{1,2}[-_ .]*", "", stem)
    text = re.sub(r"^(?:adr[-_ ]?|rfc[-_ ]?)?\d+[-_ .]*", "", text, flags=re.IGNORECASE)
    text = text.replace("-", " ").replace("_", " ").strip()
    return (text[:1].upper() + text[1:]) if text else stem


def later_title(doc: Document, sec: Section) -> Section | None:
    """The record's own title as the next top-level heading, when the first one is a banner
    (``# Status`` over a notice, then ``# RFC: Field Extensions``)."""
    tops = [s for s in doc.root.children if s.level == 1]
    if sec.level != 1 or sec not in tops or sec.key not in _BANNERS:
        return None
    after = tops[tops.index(sec) + 1 :]
    return after[0] if after and not _part(after[0].key) else None


_BANNERS = frozenset(
    {"status", "notice", "note", "notes", "warning", "important", "disclaimer", "caution"}
)


def _part(key: str) -> bool:
    return (
        roles.is_role(key)
        or key in roles.RFC_PARTS
        or key in roles.DESIGN
        or key in _OPENING_PARTS
        or key in ("table of contents", "contents", "toc")
    )


def heading_title(doc: Document, sec: Section, line: int) -> tuple[str, int]:
    """The title the first heading ``sec`` gives, or "", and its line (``line`` when it
    names none of its own): not a part or a kind of document; a banner's next heading
    (``# Status`` / ``# RFC: Field Extensions``); a ``Title`` part's one short paragraph."""
    later = later_title(doc, sec)
    generic = bool(later) or part_not_title(doc, sec) or kind_of_document(sec.title)
    title = "" if generic else sec.title
    if later is not None:
        title, line = later.title, later.line
    if sec.key == "title" and (named := title_part(sec)):  # "## Title" / "Use X"
        title, line = named
    part = next((c for c in sec.children if c.key == "title"), None) if generic else None
    if part is not None and (named := title_part(part)):
        title, line = named  # "# Architecture Decision Record" / "## Title"
    return title, line
