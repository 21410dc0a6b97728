"""Word ``.docx`` to the document model, on python-docx.

Line numbers in a Word file are **paragraph ordinals**: the body is numbered 1, 2, 3...
in reading order, each paragraph counting one and each table row counting one (a table's
header row is the table's own number). ``report.docx:12`` therefore means the 12th
paragraph or table row of the body; error messages, findings and SARIF all use it.

Headings: the ``Heading N`` styles (and any style with an outline level) give level N; a
``Title`` paragraph is level 1 and shifts the headings under it one level down. Only when a
document has no heading at all are short, wholly bold paragraphs read as headings.
Lists: ``List ...`` styles or Word numbering; nesting from the numbering level (``ilvl``)
or the style's trailing number (``List Bullet 2``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from .keyvalue import key_values
from .model import (
    Block,
    Document,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    preamble,
)

MAX_HEADING_CHARS = 120
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\b.*?(\d)?$", re.IGNORECASE)
_CHECK = re.compile(r"^([☐☑☒])\s*")


class DocxError(ValueError):
    """A file python-docx cannot open (not a Word document, or damaged)."""


@dataclass
class _Para:
    ordinal: int
    text: Text
    style: str
    heading: int  # 0 when not a heading
    list_level: int  # -1 when not a list paragraph
    ordered: bool
    all_bold: bool


def _runs_text(paragraph: Any) -> Text:
    plain: list[str] = []
    source: list[str] = []
    marks: list[str] = []
    links: list[Link] = []
    label: str | None = None
    label_open = True
    for part in paragraph.iter_inner_content():
        runs = getattr(part, "runs", None)
        if runs is not None:  # a hyperlink
            text = part.text
            links.append(Link(" ".join(text.split()), str(getattr(part, "address", "") or "")))
            run_list = list(runs)
        else:
            run_list = [part]
        for run in run_list:
            text = run.text or ""
            if not text:
                continue
            bold = bool(run.bold)
            emph = bold or bool(run.italic)
            plain.append(text)
            source.append(f"**{text}**" if bold and text.strip() else text)
            if emph and text.strip():
                marks.append(" ".join(text.split()))
            if label_open:
                if bold and text.strip():
                    label = (label or "") + text
                elif text.strip():
                    label_open = False
    joined = "".join(plain)
    flat = " ".join(joined.split())
    label_text = " ".join(label.split()).rstrip(":").strip() if label else None
    if label_text and label_text == flat.rstrip(":").strip():
        rest = ""
    elif label_text:
        rest = flat[flat.find(label_text) + len(label_text) :].lstrip(":").strip(" -–—")
    else:
        rest = ""
    lines = tuple(" ".join(x.split()) for x in joined.split("\n"))
    return Text(flat, "".join(source), label_text, rest, tuple(marks), tuple(links), lines)


def _style_name(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        return ""


def _outline_level(paragraph: Any) -> int:
    """Word's outline level (0-based in XML, 9 = body text) as a heading level, 0 when none."""
    nodes = [paragraph._p.pPr]
    style = getattr(paragraph, "style", None)
    element = getattr(style, "element", None)
    if element is not None:
        nodes.append(element.find(_qn("w:pPr")))
    for node in nodes:
        if node is None:
            continue
        lvl = node.find(_qn("w:outlineLvl"))
        if lvl is not None:
            val = lvl.get(_qn("w:val"))
            if val is not None and val.isdigit() and int(val) < 9:
                return int(val) + 1
    return 0


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _list_info(paragraph: Any, style: str) -> tuple[int, bool]:
    ppr = paragraph._p.pPr
    num = ppr.find(_qn("w:numPr")) if ppr is not None else None
    m = _LIST_STYLE.match(style)
    if num is None and not m:
        return -1, False
    level = 0
    if num is not None:
        ilvl = num.find(_qn("w:ilvl"))
        val = ilvl.get(_qn("w:val")) if ilvl is not None else None
        level = int(val) if val is not None and val.isdigit() else 0
    elif m and m.group(1):
        level = max(0, int(m.group(1)) - 1)
    return min(level, 8), "number" in style.lower()


def _paragraph(paragraph: Any, ordinal: int) -> _Para:
    style = _style_name(paragraph)
    text = _runs_text(paragraph)
    heading = 0
    low = style.lower()
    if m := _HEADING_STYLE.match(style):
        heading = int(m.group(1))
    elif low == "title":
        heading = -1  # resolved once the whole body is read
    elif not low.startswith("list"):
        heading = _outline_level(paragraph)
    level, ordered = _list_info(paragraph, style) if heading == 0 else (-1, False)
    runs = [r for r in paragraph.runs if (r.text or "").strip()]
    all_bold = bool(runs) and all(bool(r.bold) for r in runs)
    return _Para(ordinal, text, style, heading, level, ordered, all_bold)


def _table(table: Any, first: int) -> tuple[Table | None, int]:
    rows: list[Row] = []
    ordinal = first
    for row in table.rows:
        cells: list[Text] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats itself
                continue
            seen.add(id(cell._tc))
            parts = [_runs_text(p) for p in cell.paragraphs]
            cells.append(
                Text(
                    " ".join(p.text for p in parts if p.text),
                    " ".join(p.source for p in parts if p.source),
                    marks=tuple(m for p in parts for m in p.marks),
                )
            )
        rows.append(
            Row(
                ordinal,
                tuple(c.text for c in cells),
                tuple(c.source for c in cells),
                tuple(c.marks for c in cells),
                tuple((c.text,) if c.text else () for c in cells),
            )
        )
        ordinal += 1
    if not rows:
        return None, first + 1
    return Table(first, rows[0], tuple(rows[1:])), ordinal


def _para_block(p: _Para) -> Paragraph:
    t = p.text
    return Paragraph(t.text, t.source, t.label, t.rest, t.marks, t.links, t.lines, line=p.ordinal)


def _list_items(run: list[_Para]) -> tuple[ListItem, ...]:
    """Consecutive list paragraphs nested by level."""

    def build(start: int, level: int) -> tuple[list[ListItem], int]:
        out: list[ListItem] = []
        i = start
        while i < len(run) and run[i].list_level >= level:
            p = run[i]
            kids, nxt = build(i + 1, p.list_level + 1)
            t = p.text
            checked = None
            text = t.text
            if m := _CHECK.match(text):
                checked = m.group(1) != "☐"
                text = text[m.end() :]
            marker = f"{len(out) + 1}." if p.ordered else "*"
            out.append(
                ListItem(
                    text, t.source, t.label, t.rest, t.marks, t.links, t.lines,
                    line=p.ordinal, marker=marker, ordered=p.ordered,
                    number=len(out) + 1 if p.ordered else None, checked=checked,
                    children=tuple(kids),
                )
            )  # fmt: skip
            i = nxt
        return out, i

    items: list[ListItem] = []
    i = 0
    while i < len(run):
        got, i = build(i, run[i].list_level)
        items.extend(got)
    return tuple(items)


def parse_docx(data: bytes) -> Document:
    """A Word document as a :class:`Document`. Raises :class:`DocxError` when the bytes are
    not a readable .docx."""
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
        body = list(word.iter_inner_content())
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise DocxError(f"not a readable Word document: {exc}") from None
    entries: list[_Para | Table] = []
    ordinal = 1
    for part in body:
        if hasattr(part, "rows"):
            table, ordinal = _table(part, ordinal)
            if table is not None:
                entries.append(table)
        else:
            entries.append(_paragraph(part, ordinal))
            ordinal += 1
    paras = [e for e in entries if isinstance(e, _Para)]
    has_title = any(p.heading == -1 for p in paras)
    has_heading = any(p.heading for p in paras)
    for p in paras:
        if p.heading == -1:
            p.heading = 1
        elif p.heading and has_title:
            p.heading = min(p.heading + 1, 9)
    if not has_heading:
        _bold_headings(paras)
    root = _tree(entries)
    return Document(root, "docx", max(ordinal - 1, 1), None, {}, key_values(preamble(root)))


def _bold_headings(paras: list[_Para]) -> None:
    """Fallback for documents with no heading style: short bold paragraphs are headings."""
    texts = [p for p in paras if p.text.text]
    for n, p in enumerate(texts):
        t = p.text.text
        if p.all_bold and p.list_level < 0 and len(t) <= MAX_HEADING_CHARS and not t.endswith("."):
            p.heading = 1 if n == 0 else 2


def _tree(entries: list[_Para | Table]) -> Section:
    stack: list[tuple[int, Text, int, list[Block], list[Section]]] = [(0, Text(""), 1, [], [])]
    pending: list[_Para] = []

    def flush() -> None:
        if pending:
            stack[-1][3].append(ListBlock(pending[0].ordinal, _list_items(pending)))
            pending.clear()

    def close() -> Section:
        level, title, line, blocks, children = stack.pop()
        return Section(level, title.text, line, tuple(blocks), tuple(children), title.source)

    for entry in entries:
        if isinstance(entry, Table):
            flush()
            stack[-1][3].append(entry)
            continue
        if entry.heading > 0 and entry.text.text:
            flush()
            while stack[-1][0] >= entry.heading:
                done = close()
                stack[-1][4].append(done)
            stack.append((entry.heading, entry.text, entry.ordinal, [], []))
        elif entry.list_level >= 0 and entry.text.text:
            pending.append(entry)
        elif entry.text.text:
            flush()
            stack[-1][3].append(_para_block(entry))
    flush()
    while len(stack) > 1:
        done = close()
        stack[-1][4].append(done)
    return close()
