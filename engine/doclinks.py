"""Links in a decision's text: Markdown and reStructuredText links, and which of their
targets name a decision document (a relative link to a document file of the same folder,
or one numbered like a decision elsewhere)."""

from __future__ import annotations

import posixpath
import re

from .filenumbers import NUMBER

INLINE_LINK = re.compile(
    r"(?<!!)\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)"
)
# reStructuredText's `APE18 <APE18.rst>`_ and a Sphinx role's :ref:`SLEP006 <slep_006>`
RST_LINK = re.compile(r"(?::\w+:)?`([^`<]*?)\s*<([^`<>\s]{1,500})>`(?:__?)?")
DOC_EXT = (".md", ".markdown", ".mdx", ".rst", ".yaml", ".yml", ".json")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
WEB_URL = re.compile(r"^[a-z][\w+.-]*://", re.IGNORECASE)  # a page on the web, not a file


def page(target: str) -> str:
    """A link's target without its anchor and query: the page it leads to."""
    return target.split("#", 1)[0].split("?", 1)[0]


BLANK_NUMBER = re.compile(r"(?<![A-Za-z])(?:N{3,}|X{3,}|Y{4})(?![A-Za-z])")


def is_document_link(target: str) -> bool:
    """A relative link to a decision: a document file of the same folder, or elsewhere one
    whose name is numbered like a decision (``../adr/0005-x.md``). Links to other parts of
    a repository (guides, designs) are not about the collection."""
    if not target or target.startswith(("#", "/")) or SCHEME.match(target):
        return False  # an anchor, a site path, or any scheme ("mailto:", "mdc:README.md")
    if BLANK_NUMBER.search(target):
        return False  # a template's blank: "[HXP-NNNN](NNNN-filename.md)"
    path = page(target)
    if not path.lower().endswith(DOC_EXT):
        return False
    inside = posixpath.dirname(posixpath.normpath(path)) in ("", ".")
    return inside or NUMBER.match(posixpath.basename(path)) is not None
