"""The document model: frozen values for a heading tree, paragraphs, lists, tables, metadata.

Every element carries ``line``: the 1-based source line in a Markdown file, the 1-based
paragraph ordinal in a Word file (see :mod:`.docx`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...types import Loc
from .languages import translated

# A part named by its role before a colon, its subject after: "Solution: design errors into
# the schema", "Proposal: one queue per tenant" are the solution and the proposal
_ROLE_COLON = re.compile(r"^\s*((?:proposed\s+|suggested\s+)?(?:solution|proposal))\s*:\s*\S")


# A heading in another script with its English name after it in brackets
_GLOSSED = re.compile(
    r"^[^a-z(（]*[^\x00-\x7f][^a-z(（]*[(（]\s*([a-z][a-z &/-]*?)\s*[)）]\s*:?\s*$"
)


@lru_cache(maxsize=8192)
def heading_key(title: str) -> str:
    """A title reduced for lookup: ``"2. Considered Options:"`` -> ``"considered options"``,
    ``"Decider(s)"`` -> ``"deciders"``."""
    text = title.lower()
    if m := _ROLE_COLON.match(text):  # "Solution: design errors into the schema"
        return " ".join(m.group(1).split())
    if m := _GLOSSED.match(text):  # "決定事項 (Decision)": the English gloss names the part
        text = m.group(1)
    text = re.sub(r"(?<=[a-z])\(s\)", "s", text)  # "Decider(s)", "Date(s)": the plural
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+", "", text)
    text = re.sub(r"[^\w\s&-]", " ", text)
    return translated(" ".join(text.split()))  # "Contexte", "Entscheidung": the English key


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Text:
    """Inline content, reduced to plain text with what readers look for kept aside.

    ``text``: plain text (emphasis, code marks and link targets gone, one line).
    ``source``: the Markdown as written (for a Word file: the runs, bold as ``**x**``).
    ``label``/``rest``: a leading bold label and what follows it
    (``**Status:** Accepted`` -> ``"Status"``, ``"Accepted"``); label is None without one.
    ``marks``: texts of every emphasised or bold span (``_Chosen_`` -> ``("Chosen",)``).
    ``lines``: the plain text of each source line (``lines[i]`` is on ``line + i``).
    """

    text: str
    source: str = ""
    label: str | None = None
    rest: str = ""
    marks: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph(Text):
    line: int = 1


@dataclass(frozen=True)
class ListItem(Text):
    """A list item: its first paragraph as text, nested items as children.

    ``marker`` is the bullet as written (``*``, ``-``, ``+``, ``1.``, ``1)``), ``checked`` is
    True/False for a task item (``[x]``/``[ ]``, stripped from the text), None otherwise.
    ``more`` holds the item's other blocks (later paragraphs, tables, code).
    """

    line: int = 1
    marker: str = "*"
    ordered: bool = False
    number: int | None = None
    checked: bool | None = None
    children: tuple[ListItem, ...] = ()
    more: tuple[Block, ...] = ()

    def walk(self) -> Iterator[ListItem]:
        """This item and every nested item, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class ListBlock:
    line: int
    items: tuple[ListItem, ...]
    ordered: bool = False
    marker: str = "*"


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]  # plain text
    sources: tuple[str, ...] = ()  # as written (bold kept as **x**)
    marks: tuple[tuple[str, ...], ...] = ()  # emphasised spans per cell
    lines: tuple[tuple[str, ...], ...] = ()  # plain text lines per cell (a "<br>", a paragraph)


@dataclass(frozen=True)
class Table:
    line: int
    header: Row
    rows: tuple[Row, ...]

    @property
    def width(self) -> int:
        return len(self.header.cells)


@dataclass(frozen=True)
class Code:
    """A code block: kept as text, never read as structure."""

    line: int
    text: str
    info: str = ""


Block = Paragraph | ListBlock | Table | Code


@dataclass(frozen=True)
class Meta:
    """One key/value pair: ``key`` as written, ``name`` reduced (:func:`heading_key`).

    ``value`` is the plain text value; ``items`` the values of a nested list or a YAML list;
    ``origin`` says where it was written: front, bullet, table, line, heading.
    """

    key: str
    value: str
    line: int
    origin: str
    items: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    raw: Any = None  # a front-matter value as parsed (date, list, mapping)

    @property
    def name(self) -> str:
        """The key reduced; a field named with its kind of document ("RFC Status", "KEP
        Type") is the field ("status", "type")."""
        key = heading_key(self.key)
        if m := _KIND_FIELD.match(key):
            return m.group(1)
        return m.group(1).lower() if (m := _SERIES_FIELD.match(self.key.strip(" *_"))) else key


# A field named with the kind of document it belongs to: "RFC Status: draft", "RFC Type:
# informational", "HIP Status", "ADR date"
_KIND_FIELD = re.compile(
    r"^(?:rfc|adr|kep|tep|pep|hip|cep|jep|nap|kdp|mep|design|proposal)\s+"
    r"(status|state|type|date)$"
)
# ... or with a proposal series' own acronym, as written: "SEP Status", "PPC Type"
_SERIES_FIELD = re.compile(r"^[A-Z]{2,5}\s+((?i:status|state|type|date))$")


@dataclass(frozen=True)
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level.

    The root section of a document has level 0, an empty title and holds the blocks before
    the first heading; every heading nests under the nearest earlier heading of lower level.
    """

    level: int
    title: str
    line: int
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()
    source: str = ""  # the title as written
    marks: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return heading_key(self.title)

    def walk(self) -> Iterator[Section]:
        """This section and every subsection, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, pred: Callable[[Section], bool]) -> list[Section]:
        """Subsections (any depth, not this one) for which ``pred`` holds, in order."""
        return [s for s in self.walk() if s is not self and pred(s)]

    def paragraphs(self, deep: bool = False) -> list[Paragraph]:
        return [b for b in self._blocks(deep) if isinstance(b, Paragraph)]

    def lists(self, deep: bool = False) -> list[ListBlock]:
        return [b for b in self._blocks(deep) if isinstance(b, ListBlock)]

    def tables(self, deep: bool = False) -> list[Table]:
        return [b for b in self._blocks(deep) if isinstance(b, Table)]

    def items(self, deep: bool = False) -> list[ListItem]:
        """Top-level items of every list of the section."""
        return [it for lst in self.lists(deep) for it in lst.items]

    def span(self) -> tuple[int, int]:
        """The first and last line this section's heading, blocks and list items (its
        subsections' too) start on."""
        lines = [self.line]
        for part in self.walk():
            lines.append(part.line)
            for block in part.blocks:
                lines.append(getattr(block, "line", self.line))
                if isinstance(block, ListBlock):
                    lines.extend(it.line for item in block.items for it in item.walk())
        return min(lines), max(lines)

    def _blocks(self, deep: bool) -> Iterator[Block]:
        yield from self.blocks
        if deep:
            for child in self.children:
                yield from child._blocks(True)

    def text(self, deep: bool = True) -> str:
        """The section's prose: paragraphs and list items (nested ones indented), code
        skipped, blocks separated by blank lines."""
        parts: list[str] = []
        for block in self.blocks:
            parts.extend(block_texts(block))
        if deep:
            for child in self.children:
                parts.append(child.title)
                inner = child.text(True)
                if inner:
                    parts.append(inner)
        return "\n\n".join(p for p in parts if p)


def preamble(root: Section) -> tuple[Block, ...]:
    """Blocks before the first heading and under the title, before its first subsection:
    where a document's key/value metadata is written."""
    blocks = list(root.blocks)
    if root.children:
        title = root.children[0]
        blocks.extend(title.blocks)
        if not title.blocks and title.children and _same(title.children[0].title, title.title):
            blocks.extend(title.children[0].blocks)  # "# X" then "## X" over "* **Status:**"
    return tuple(blocks)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def last_block(root: Section) -> Block | None:
    """The document's last block, in its last (deepest) section."""
    sec = root
    while sec.children:
        sec = sec.children[-1]
    return sec.blocks[-1] if sec.blocks else None


def block_texts(block: Block) -> list[str]:
    """The plain text of one block (a list as one entry per top-level item)."""
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, ListBlock):
        return ["\n".join(_item_lines(it, 0)) for it in block.items]
    if isinstance(block, Table):
        return [" | ".join(r.cells) for r in (block.header, *block.rows)]
    return []


def _item_lines(item: ListItem, depth: int) -> list[str]:
    out = ["  " * depth + "- " + item.text]
    for more in item.more:
        out.extend("  " * (depth + 1) + t for t in block_texts(more))
    for child in item.children:
        out.extend(_item_lines(child, depth + 1))
    return out


@dataclass(frozen=True)
class Document:
    """A parsed document. ``kind`` is ``markdown`` or ``docx``; ``size`` is the number of
    lines (Markdown) or paragraph ordinals (Word) that ``line`` values fall within."""

    root: Section
    kind: str = "markdown"
    size: int = 0
    front: dict[str, Any] | None = None
    front_lines: dict[Loc, int] = field(default_factory=dict)
    metadata: tuple[Meta, ...] = ()

    def sections(self) -> list[Section]:
        """Every heading section, in document order (the root excluded)."""
        return [s for s in self.root.walk() if s is not self.root]

    def find(self, pred: Callable[[Section], bool]) -> list[Section]:
        return self.root.find(pred)

    def named(self, *keys: str) -> list[Section]:
        """Sections whose :func:`heading_key` is one of ``keys``."""
        wanted = set(keys)
        return self.root.find(lambda s: s.key in wanted)

    @property
    def title_section(self) -> Section | None:
        """The first level-1 heading, else the first heading, else None."""
        every = self.sections()
        for sec in every:
            if sec.level == 1:
                return sec
        return every[0] if every else None

    def meta(self, *names: str) -> Meta | None:
        """The first metadata entry whose reduced key is one of ``names``."""
        wanted = set(names)
        return next((m for m in self.metadata if m.name in wanted), None)
