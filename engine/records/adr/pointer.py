"""A document that only points at where its decision is kept: "This was an older SID that
can be found [here](https://...)", "This SIP is an embedded Google document ... visit the
document on Google Docs", "The proposal has moved to <link>". Its metadata may be complete
(a site keeps one page per proposal), but its text is elsewhere: read as a record, it would
draw findings about what a record lacks, none of them fair. Such a document, with no parts
of its own but its title and a few words with a link that point away, is skipped with its
reason."""

from __future__ import annotations

import re

from ..document import Document, ListBlock, Paragraph

MAX_POINTER_WORDS = 80  # more is a record that also links elsewhere
_POINTS_AWAY = re.compile(
    r"\b(?:can\s+be\s+(?:found|read|viewed)|(?:is|are)\s+(?:kept|hosted|maintained|published)"
    r"\s+(?:at|on|in|elsewhere)|(?:has\s+been|was|have\s+been|were)\s+moved\s+(?:to|into)|"
    r"embedded\s+(?:google\s+)?doc(?:ument)?|visit\s+the\s+(?:original\s+)?document|"
    r"(?:lives|now\s+lives)\s+(?:at|on|in)|see\s+the\s+(?:original|full)\s+"
    r"(?:document|proposal|text|record))\b",
    re.IGNORECASE,
)


def pointer_reason(doc: Document) -> str | None:
    """Why ``doc`` is a pointer to a document kept elsewhere, or None."""
    if any(sec is not doc.title_section for sec in doc.sections()):
        return None  # parts of its own ("## Why", "## Resolution details"): a record
    said: list[str] = []
    linked = False
    for sec in [doc.root, *doc.sections()]:
        for block in sec.blocks:
            if isinstance(block, Paragraph):
                said.append(block.text)
                linked = linked or bool(block.links)
            elif isinstance(block, ListBlock):
                said.extend(it.text for it in block.items)
                linked = linked or any(it.links for it in block.items)
    text = " ".join(said)
    if not linked or len(text.split()) > MAX_POINTER_WORDS or not _POINTS_AWAY.search(text):
        return None
    return "a pointer to a document kept elsewhere, not the record itself"
