"""reStructuredText (a PEP, a Django DEP, an OpenStack spec) mapped into the document model.

docutils parses the text into its document tree, with every directive that reads a file,
runs code or passes raw markup through turned off, and no report printed: a reader meets
the same sections, paragraphs, lists, tables and code blocks a Markdown file gives. Section
titles become headings (their depth is their level); a field list (``:Status: Accepted``)
becomes ``Key: value`` items, so the metadata readers find it as they find Markdown bullets;
a definition list becomes items titled by their terms; block quotes, admonitions and
containers give their blocks; comments, targets and substitution definitions give nothing.
Lines are the source lines docutils reports (a title's is the line of its text).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from .keyvalue import footer_values, key_values
from .model import (
    Block,
    Code,
    Document,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    last_block,
    preamble,
)

_SETTINGS = {
    "report_level": 5,  # no report printed, none raised
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,  # no "include", no "csv-table :file:"
    "raw_enabled": False,
    "doctitle_xform": False,  # the title stays a section, its field list stays in it
    "docinfo_xform": False,
    "sectsubtitle_xform": False,
    "input_encoding": "unicode",
}
_SKIPPED = frozenset(
    {"comment", "target", "substitution_definition", "system_message", "raw", "pending"}
)
_FLATTENED = frozenset(
    {"block_quote", "container", "compound", "topic", "sidebar", "admonition", "note", "tip",
     "hint", "important", "warning", "caution", "attention", "danger", "error"}
)  # fmt: skip


class RstError(ValueError):
    """Text docutils cannot read at all (``line``: where, when it says)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def parse_rst(text: str) -> Document:
    """A reStructuredText document as a :class:`Document`. Raises :class:`RstError` when
    docutils gives up on it (it reports, and recovers from, ordinary markup errors)."""
    from docutils import ApplicationError
    from docutils.core import publish_doctree
    from docutils.utils import SystemMessage

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    try:
        tree = publish_doctree(text, settings_overrides=_SETTINGS)
    except (SystemMessage, ApplicationError) as exc:
        raise RstError(f"not readable as reStructuredText: {exc}") from exc
    except (KeyError, IndexError, ValueError, AttributeError, RecursionError) as exc:
        # docutils' own slips on hostile markup (a substitution chain that ends nowhere
        # raises KeyError): the file's fault, said as such
        raise RstError(f"not readable as reStructuredText ({type(exc).__name__})") from exc
    reader = _Reader(text.split("\n"))
    root = reader.section(tree, 0, "", 1)
    metadata = key_values(preamble(root)) + footer_values(last_block(root))
    return Document(root, "rst", text.count("\n") + 1, None, {}, metadata)


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.last = 1  # the last line met: for nodes docutils gives none

    def line(self, node: Any) -> int:
        for each in itertools.chain((node,), node.findall(include_self=False)):
            found = getattr(each, "line", None)
            if isinstance(found, int) and found > 0:
                self.last = found
                return found
        return self.last

    def title_line(self, title: Any) -> int:
        """The line of a title's text (docutils reports the underline's)."""
        at = self.line(title)
        said = title.astext().strip()
        for n in (at, at - 1, at - 2, at + 1):
            if 1 <= n <= len(self.lines) and self.lines[n - 1].strip() == said:
                return n
        return max(at - 1, 1)

    def section(self, node: Any, level: int, title: str, line: int) -> Section:
        blocks: list[Block] = []
        children: list[Section] = []
        source = title
        marks: tuple[str, ...] = ()
        for child in node.children:
            name = child.tagname
            if name == "title":
                continue
            if name == "section":
                head = next((c for c in child.children if c.tagname == "title"), None)
                text = _inline(head) if head is not None else Text("")
                sub = self.section(
                    child, level + 1, text.text, self.title_line(head) if head else line
                )
                children.append(sub)
                continue
            blocks.extend(self.blocks(child))
        head = next((c for c in node.children if c.tagname == "title"), None)
        if head is not None:
            inline = _inline(head)
            source, marks = inline.source, inline.marks
        return Section(level, title, line, tuple(blocks), tuple(children), source, marks)

    def blocks(self, node: Any) -> Iterator[Block]:
        name = node.tagname
        if name in _SKIPPED or name == "title":
            return
        if name == "paragraph":
            yield _paragraph(node, self.line(node))
        elif name == "line_block":  # "| line one" / "| line two": one paragraph
            said = " ".join(node.astext().split())
            yield Paragraph(said, said, line=self.line(node))
        elif name in ("bullet_list", "enumerated_list"):
            yield self.list_block(node)
        elif name == "definition_list":
            yield self.definitions(node)
        elif name == "field_list":
            yield self.fields(node)
        elif name in ("literal_block", "doctest_block", "math_block"):
            classes = [c for c in node.get("classes", []) if c != "code"]
            yield Code(self.line(node), node.astext(), classes[0] if classes else "")
        elif name == "table":
            table = self.table(node)
            if table is not None:
                yield table
        elif name in _FLATTENED or name == "section":
            for child in node.children:
                if child.tagname != "title":
                    yield from self.blocks(child)
        elif node.children and not isinstance(node.children[0], str):
            for child in node.children:  # any other body element: its blocks
                yield from self.blocks(child)

    def list_block(self, node: Any) -> ListBlock:
        ordered = node.tagname == "enumerated_list"
        marker = "1." if ordered else (node.get("bullet") or "*")
        start = node.get("start", 1) if ordered else None
        items = tuple(
            self.item(child, marker, ordered, start + i if start is not None else None)
            for i, child in enumerate(c for c in node.children if c.tagname == "list_item")
        )
        return ListBlock(self.line(node), items, ordered, marker)

    def item(self, node: Any, marker: str, ordered: bool, number: int | None) -> ListItem:
        first: Text = Text("")
        children: list[ListItem] = []
        more: list[Block] = []
        line = self.line(node)
        for child in node.children:
            if child.tagname == "paragraph" and not first.text and not children:
                first = _inline(child)
            elif child.tagname in ("bullet_list", "enumerated_list"):
                children.extend(self.list_block(child).items)
            else:
                more.extend(self.blocks(child))
        return ListItem(
            **_fields(first), line=line, marker=marker, ordered=ordered, number=number,
            children=tuple(children), more=tuple(more),
        )  # fmt: skip

    def definitions(self, node: Any) -> ListBlock:
        """``Term`` over its indented definition: an item titled by the term."""
        items = []
        for entry in (c for c in node.children if c.tagname == "definition_list_item"):
            term = next((c for c in entry.children if c.tagname == "term"), None)
            body = next((c for c in entry.children if c.tagname == "definition"), None)
            more = tuple(b for c in (body.children if body else ()) for b in self.blocks(c))
            first = _inline(term) if term is not None else Text("")
            items.append(ListItem(**_fields(first), line=self.line(entry), more=more))
        return ListBlock(self.line(node), tuple(items))

    def fields(self, node: Any) -> ListBlock:
        """``:Status: Accepted`` as the item ``Status: Accepted``."""
        items = []
        for field in (c for c in node.children if c.tagname == "field"):
            name = next((c.astext() for c in field.children if c.tagname == "field_name"), "")
            body = next((c for c in field.children if c.tagname == "field_body"), None)
            value = " ".join(body.astext().split()) if body is not None else ""
            said = f"{name.strip()}: {value}"
            links = tuple(_links(body)) if body is not None else ()
            items.append(ListItem(said, said, line=self.line(field), links=links))
        return ListBlock(self.line(node), tuple(items))

    def table(self, node: Any) -> Table | None:
        group = next((c for c in node.findall() if c.tagname == "tgroup"), None)
        if group is None:
            return None
        rows: list[Row] = []
        for part in group.children:
            if part.tagname in ("thead", "tbody"):
                for row in part.children:
                    cells = [_inline_cell(entry) for entry in row.children]
                    rows.append(
                        Row(
                            self.line(row),
                            tuple(c.text for c in cells),
                            tuple(c.source for c in cells),
                            tuple(c.marks for c in cells),
                        )
                    )
        if not rows:
            return None
        return Table(self.line(node), rows[0], tuple(rows[1:]))


def _fields(text: Text) -> dict[str, Any]:
    """The inline fields of ``text``, to build a paragraph or a list item of them."""
    return {f.name: getattr(text, f.name) for f in dataclasses.fields(Text)}


def _paragraph(node: Any, line: int) -> Paragraph:
    return Paragraph(**_fields(_inline(node)), line=line)


def _inline_cell(entry: Any) -> Text:
    paras = [c for c in entry.children if c.tagname == "paragraph"]
    if len(paras) == 1:
        return _inline(paras[0])
    said = " ".join(entry.astext().split())
    return Text(said, said)


def _links(node: Any) -> Iterator[Link]:
    for ref in node.findall():
        if ref.tagname == "reference" and ref.get("refuri"):
            yield Link(ref.astext(), ref["refuri"])


def _inline(node: Any) -> Text:
    """Plain text, the text as Markdown would write it (bold as ``**x**``), the leading bold
    label, the emphasised spans and the links of an inline element."""
    plain: list[str] = []
    source: list[str] = []
    marks: list[str] = []
    links: list[Link] = []
    for child in node.children:
        said = child.astext()
        tag = getattr(child, "tagname", "#text")
        if tag in _SKIPPED:
            continue
        plain.append(said)
        if tag == "strong":
            source.append(f"**{said}**")
            marks.append(said)
        elif tag == "emphasis":
            source.append(f"_{said}_")
            marks.append(said)
        elif tag == "literal":
            source.append(f"`{said}`")
        elif tag == "reference" and child.get("refuri"):
            source.append(f"[{said}]({child['refuri']})")
            links.append(Link(said, child["refuri"]))
        else:
            source.append(said)
    lines = tuple(" ".join(part.split()) for part in "".join(plain).split("\n"))
    text = " ".join("".join(plain).split())
    label, rest = None, ""
    first = node.children[0] if node.children else None
    if first is not None and getattr(first, "tagname", "") == "strong":
        label = first.astext().strip().rstrip(":").strip() or None
        rest = text[len(first.astext().strip()) :].strip().lstrip(":").strip()
    return Text(text, " ".join("".join(source).split()), label, rest, tuple(marks),
                tuple(links), lines)  # fmt: skip
