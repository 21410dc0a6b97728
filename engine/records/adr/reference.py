"""Options given by reference: "Considered Options: Same as in [ADR-0036](0036-x.md)".

A record may reuse another record's options instead of listing them again. When its options
section says only that, with a link to a Markdown file inside the checked folder, the linked
record's options (with their pros and cons) are read from it, once (a reference in the
linked record is not followed further). When the link cannot be followed (outside the
folder, missing, too large), the record is marked as giving its options by reference, so no
rule claims that none were recorded.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from ..document import Document, DocumentError, Link, Paragraph, parse_markdown
from .options import options_sections
from .sections import is_pros_cons

MAX_REFERENCED_BYTES = 1_000_000  # a linked record larger than this is not read
_BY_REFERENCE = re.compile(
    r"^\s*(?:the\s+)?(?:same\s+(?:as|options\s+as)|identical\s+to|as\s+(?:in|listed\s+in|"
    r"described\s+in|for)|see|refer\s+to|taken\s+from|see\s+the\s+options\s+(?:of|in))\b",
    re.IGNORECASE,
)


def reference_link(doc: Document) -> Link | None:
    """The link an options section gives instead of options (a short paragraph that says
    "same as in <link>"), or None."""
    for sec in options_sections(doc):
        paras = [b for b in sec.blocks if isinstance(b, Paragraph)]
        if sec.items() or sec.children or len(paras) != 1:
            continue
        para = paras[0]
        if _BY_REFERENCE.match(para.text) and para.links and len(para.text.split()) <= 30:
            return para.links[0]
    return None


def pros_cons_by_reference(doc: Document) -> bool:
    """Whether the pros and cons section, too, only refers to another record."""
    for sec in doc.find(lambda s: is_pros_cons(s.key)):
        paras = [b for b in sec.blocks if isinstance(b, Paragraph)]
        if len(paras) == 1 and not sec.children and _BY_REFERENCE.match(paras[0].text):
            return True
    return False


def root_of(path: str, name: str | None) -> Path:
    """The checked folder a file was found in: its path without the parts of its id (the
    id of a walked file is its path relative to that folder), else its own folder."""
    here = Path(path).resolve()
    depth = len(Path(name).parts) if name else 1
    root = here
    for _ in range(depth):
        root = root.parent
    return root


def linked_document(path: str, name: str | None, link: Link) -> tuple[Document, str] | None:
    """The linked record's document and its path as the link gives it, when the link leads
    to a readable Markdown file inside the checked folder."""
    href = unquote(link.href.split("#", 1)[0].strip())
    if not href or "://" in href or href.startswith(("/", "mailto:")) or path == "-":
        return None
    if not href.lower().endswith((".md", ".markdown")):
        return None
    target = (Path(path).parent / href).resolve()
    if not target.is_relative_to(root_of(path, name)) or target == Path(path).resolve():
        return None
    try:
        if not target.is_file() or target.stat().st_size > MAX_REFERENCED_BYTES:
            return None
        text = target.read_text(encoding="utf-8")
        return parse_markdown(text), href
    except (OSError, UnicodeDecodeError, DocumentError):
        return None


# "The alternatives are shown above in the motivation", "See the Design section": the
# options are written elsewhere in the same record
_POINTER = re.compile(
    r"\b(?:shown|described|listed|discussed|given|covered|outlined|mentioned)\s+"
    r"(?:above|below|earlier|in\s+(?:the\s+)?[\w -]{2,40}?(?:section|part|chapter))\b|"
    r"^\W*see\s+(?:above|below|the\s+[\w -]{2,40}?\s+(?:section|part))\b",
    re.IGNORECASE,
)


def pointer_within(doc: Document) -> str | None:
    """The sentence of an options section that only points to another part of the same
    record ("The alternatives are shown above in the motivation"), or None."""
    for sec in options_sections(doc):
        paras = [b for b in sec.blocks if isinstance(b, Paragraph)]
        if sec.items() or sec.children or len(paras) != 1 or len(paras[0].text.split()) > 30:
            continue
        if _POINTER.search(paras[0].text):
            return paras[0].text
    return None
