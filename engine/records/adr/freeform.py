"""Decision records written as free prose: a numbered title and the decision in paragraphs,
with no Status, Context or Decision part ("# 002: Repositories" / "There will be two git
repositories for this project. ...").

Nothing in such a document says it is a decision record but where it is kept: its file name
numbers it as one (``adr-002-repositories.md``, ``ADR-0007 ...``, ``dr-12-...``), or it is a
numbered file in a folder of decision records (``docs/adr/0002-repositories.md``,
``decisions/12-x.md``). Such a file, with a title and some prose, is read as a record whose
decision is its text: the title section's own words are its decision text.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..document import Document

FREE_FORM = "freeform"
MIN_WORDS = 30  # less is a stub ("This file has been moved to ..."), not a decision

_NAMED_RECORD = re.compile(
    r"^(?:adr|dr|decision|architecture[-_ ]decision(?:[-_ ]record)?)[-_ ]?\d{1,5}(?:\b|_)", re.I
)
_NUMBERED = re.compile(r"^\d{1,5}[-_ .]")
_RECORD_FOLDER = re.compile(
    r"^(?:adrs?|decisions?|decision[-_ ]records?|decision[-_ ]log|architecture[-_ ]decisions?|"
    r"architecture[-_ ]decision[-_ ]records?)$",
    re.IGNORECASE,
)
_MOVED = re.compile(r"\b(?:has\s+been|was)\s+moved\s+to\b|\bmoved\s+to\s+https?://", re.I)


def free_form(path: str, doc: Document) -> bool:
    """Whether ``doc`` at ``path`` is a decision record written as free prose."""
    if path == "-" or doc.title_section is None:
        return False
    pure = PurePosixPath(path.replace("\\", "/"))
    named = bool(_NAMED_RECORD.match(pure.stem))
    kept = bool(_NUMBERED.match(pure.stem)) and any(
        _RECORD_FOLDER.match(part) for part in pure.parts[:-1]
    )
    if not (named or kept):
        return False
    text = " ".join(p.text for s in doc.sections() for p in s.paragraphs())
    text += " " + " ".join(it.text for s in doc.sections() for it in s.items())
    return len(text.split()) >= MIN_WORDS and not _MOVED.search(text)
