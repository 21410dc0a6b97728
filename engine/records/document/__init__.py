"""One document model for Markdown and Word: what every document reader maps from.

Use::

    from decaudit.engine.records.document import parse_markdown, parse_docx, read_document

    doc = parse_markdown(text)          # or parse_docx(data), or read_document(path, data)
    doc.title_section                   # first H1, else first heading, else None
    for sec in doc.sections():          # every heading, document order
        sec.level, sec.title, sec.key, sec.line   # key: heading_key(title), for lookup
        sec.blocks                      # Paragraph | ListBlock | Table | Code, in order
        sec.children                    # subsections (deeper headings)
        sec.paragraphs(), sec.items(), sec.tables()   # deep=True takes subsections too
        sec.text()                      # the prose, subsections included
    doc.named("considered options")     # sections by heading_key, at any depth
    doc.metadata                        # Meta(key, value, line, origin, items, links, raw)
    doc.meta("status", "deciders")      # first entry with one of those reduced keys
    key_values(sec.blocks)              # the key/value pairs written in any section

Elements (all frozen): :class:`Paragraph` and :class:`ListItem` carry ``text`` (plain),
``source`` (as written), ``label``/``rest`` (``**Pros:** fast`` -> ``Pros``, ``fast``),
``marks`` (bold/emphasised spans), ``links`` and ``line``; list items add ``marker``
(``*``/``-``/``+``/``1.``), ``checked`` (task items), ``children`` (nested items) and ``more``
(their other blocks). :class:`Table` has ``header`` and ``rows`` (:class:`Row`: ``line``,
``cells`` plain, ``sources``, ``marks``). Metadata comes from front matter, ``Key: value``
bullets and lines, and two-column tables, found before the first section (the root's blocks
and the title section's own blocks).

Lines are 1-based source lines for Markdown and 1-based paragraph ordinals for Word (each
body paragraph and each table row counts one; see :mod:`.docx`). HTML and comments are
dropped and code blocks are :class:`Code`, never structure.
"""

from __future__ import annotations

from .docx import DocxError, parse_docx
from .keyvalue import key_values
from .markdown import DocumentError, parse_markdown
from .model import (
    Block,
    Code,
    Document,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    block_texts,
    heading_key,
)

WORD_EXTENSIONS = (".docx",)


def read_document(path: str, data: bytes | str) -> Document:
    """The document in ``data``: Word when ``path`` ends in .docx, Markdown otherwise.
    Raises :class:`DocumentError` (bad front matter) or :class:`DocxError`."""
    if path.lower().endswith(WORD_EXTENSIONS):
        if isinstance(data, str):
            raise DocxError("a Word document must be read as bytes")
        return parse_docx(data)
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return parse_markdown(text)


__all__ = [
    "Block",
    "Code",
    "Document",
    "DocumentError",
    "DocxError",
    "Link",
    "ListBlock",
    "ListItem",
    "Meta",
    "Paragraph",
    "Row",
    "Section",
    "Table",
    "Text",
    "block_texts",
    "heading_key",
    "key_values",
    "parse_docx",
    "parse_markdown",
    "read_document",
]
