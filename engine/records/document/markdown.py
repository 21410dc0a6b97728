"""Markdown to the document model, on markdown-it-py (CommonMark plus GFM tables).

Front matter (``---`` YAML at the top) is parsed with its own line numbers; HTML blocks and
inline HTML (comments included) are dropped; fenced and indented code becomes :class:`Code`
and is never read as headings, lists or metadata. Lines are 1-based in the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ...safeyaml import YamlError, load_one
from ...types import Loc
from .htmltable import html_table
from .keyvalue import footer_values, front_meta, heading_values, key_values, loose_front
from .lazylabel import split_at_labels
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


class DocumentError(ValueError):
    """A document that cannot be read (bad front matter): message and 1-based line."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_MD: dict[bool, MarkdownIt] = {}
# Link syntax is the costly inline rule: text with this many brackets (never a real
# decision document) is read with links as plain text, so hostile input stays fast.
MAX_LINK_BRACKETS = 2000


# Inline content longer than this (one paragraph or list item) is kept as plain text: no
# real paragraph is this long, and emphasis matching on hostile text is what costs.
MAX_INLINE_CHARS = 20_000


def _inline(state: StateCore) -> None:
    """markdown-it's inline stage, with over-long content kept as one text token."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if len(token.content) > MAX_INLINE_CHARS:
            token.children.append(Token("text", "", 0, content=token.content))
        else:
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _parser(links: bool = True) -> MarkdownIt:
    md = _MD.get(links)
    if md is None:
        md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
        md.use(front_matter_plugin)
        md.core.ruler.at("inline", _inline)
        if not links:
            md.disable(["link", "image", "autolink", "backticks"])
        _MD[links] = md
    return md


_TASK = re.compile(r"^\[([ xX])\]\s+")
_LABEL_TAIL = re.compile(r"^\s*[:\-–—]\s*")


class _Inline:
    """The state of one walk over an ``inline`` token's children."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.marks: list[str] = []
        self.links: list[Link] = []
        self.depth = 0  # inside emphasis / strong
        self.span: list[str] = []
        self.link: tuple[str, list[str]] | None = None
        self.label: str | None = None
        self.label_done = False
        self.first_strong = False

    def open_emphasis(self, kind: str) -> None:
        if self.depth == 0:
            self.span = []
            if kind == "strong_open" and not self.label_done and not self._first_line():
                self.first_strong = True
        self.depth += 1

    def close_emphasis(self) -> None:
        self.depth = max(0, self.depth - 1)
        if self.depth:
            return
        mark = " ".join("".join(self.span).split())
        if mark:
            self.marks.append(mark)
        if self.first_strong and not self.label_done:
            self.label = mark.rstrip(":").strip() or None
            self.label_done = True
        self.first_strong = False

    def add(self, piece: str) -> None:
        self.lines[-1].append(piece)
        if self.depth:
            self.span.append(piece)
        if self.link is not None:
            self.link[1].append(piece)
        if not self.depth and self._first_line():
            self.label_done = True

    def _first_line(self) -> str:
        return "".join(self.lines[0]).strip()

    def feed(self, child: Token) -> None:
        kind = child.type
        if kind in ("text", "code_inline", "image"):
            if child.content:
                self.add(child.content)
        elif kind in ("softbreak", "hardbreak") or _is_break(child):
            self.lines.append([])  # "a<br>b" in a table cell is two lines, not "ab"
        elif kind == "link_open":
            self.link = (str(child.attrGet("href") or ""), [])
        elif kind == "link_close" and self.link is not None:
            self.links.append(Link(" ".join("".join(self.link[1]).split()), self.link[0]))
            self.link = None
        elif kind in ("strong_open", "em_open"):
            self.open_emphasis(kind)
        elif kind in ("strong_close", "em_close"):
            self.close_emphasis()


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _is_break(tok: Token) -> bool:
    return tok.type == "html_inline" and bool(_BR.match(tok.content))


def inline_text(tok: Token | None) -> Text:
    """The :class:`Text` of an ``inline`` token."""
    if tok is None:
        return Text("")
    walk = _Inline()
    for child in tok.children or []:
        walk.feed(child)
    plain_lines = tuple(" ".join("".join(p).split()) for p in walk.lines)
    text = " ".join(p for p in plain_lines if p)
    rest = ""
    if walk.label is not None:
        rest = _after_label(text, walk.label)
    return Text(
        text, tok.content, walk.label, rest, tuple(walk.marks), tuple(walk.links), plain_lines
    )


def _after_label(text: str, label: str) -> str:
    pos = text.find(label)
    tail = text[pos + len(label) :] if pos >= 0 else text
    return _LABEL_TAIL.sub("", tail.lstrip(":")).strip()


@dataclass
class _Open:
    level: int
    title: Text
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def close(self) -> Section:
        return Section(
            self.level,
            _without_attributes(self.title.text),
            self.line,
            tuple(self.blocks),
            tuple(self.children),
            _without_attributes(self.title.source),
            self.title.marks,
        )


# A heading's attribute list (kramdown, Pandoc, MkDocs attr_list): "## Use X {#adr_0035}",
# "# Title {: .class }". Not part of the title, and never a template's placeholder.
_ATTRIBUTES = re.compile(r"\{ *:? *[#.][\w.:-]*(?: +[#.][\w.:-]+| +[\w-]+=[^\s{}]+)* *\}")


def _without_attributes(title: str) -> str:
    """The title without a trailing attribute list (found from the last brace, so a long
    run of spaces costs nothing)."""
    text = title.rstrip()
    start = text.rfind("{") if text.endswith("}") else -1
    if start < 0 or not _ATTRIBUTES.fullmatch(text, start):
        return title
    return text[:start].rstrip()


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 1


class _Reader:
    """Walks the flat token stream once, building blocks recursively."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.toks = tokens
        self.i = 0

    def blocks(self, stop: str | None) -> list[Block]:
        """Blocks up to the closing token ``stop`` (consumed), or to a heading at top level."""
        out: list[Block] = []
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            kind = tok.type
            if stop is not None and kind == stop and tok.level == self._stop_level:
                self.i += 1
                return out
            if stop is None and kind == "heading_open":
                return out
            block = self.block()
            if isinstance(block, ListBlock):  # "- Fast" / "**CONS**" / "- New": two lists
                out.extend(split_at_labels(block))
            elif block is not None:
                out.append(block)
        return out

    _stop_level = 0

    def block(self) -> Block | None:
        tok = self.toks[self.i]
        kind = tok.type
        if kind == "paragraph_open":
            inline = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
            self.i += 3
            t = inline_text(inline)
            return Paragraph(**_fields(t), line=_line(tok)) if t.text else None
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self.list_block()
        if kind == "table_open":
            return self.table()
        if kind in ("fence", "code_block"):
            self.i += 1
            return Code(_line(tok), tok.content, tok.info.strip())
        if kind == "heading_open":  # a heading inside a list item or a quote: keep its text
            inline = self.toks[self.i + 1]
            self.i += 3
            t = inline_text(inline)
            return Paragraph(**_fields(t), line=_line(tok)) if t.text else None
        self.i += 1
        if kind == "html_block":  # "<table><tr><td> Status </td><td> Accepted </td>..."
            return html_table(tok.content, _line(tok))
        return None  # hr, blockquote open/close, front matter: nothing to keep

    def nested(self, close: str, level: int) -> list[Block]:
        saved = self._stop_level
        self._stop_level = level
        try:
            return self.blocks(close)
        finally:
            self._stop_level = saved

    def list_block(self) -> ListBlock:
        open_tok = self.toks[self.i]
        ordered = open_tok.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        self.i += 1
        items: list[ListItem] = []
        start = int(open_tok.attrGet("start") or 1) if ordered else None
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            if tok.type == close and tok.level == open_tok.level:
                self.i += 1
                break
            if tok.type != "list_item_open":
                self.i += 1
                continue
            self.i += 1
            body = self.nested("list_item_close", tok.level)
            number = start + len(items) if start is not None else None
            marker = f"{number}{tok.markup}" if ordered else tok.markup
            items.append(_item(body, _line(tok), marker, ordered, number))
        return ListBlock(_line(open_tok), tuple(items), ordered, open_tok.markup)

    def table(self) -> Table | None:
        open_tok = self.toks[self.i]
        self.i += 1
        rows: list[Row] = []
        cells: list[Text] = []
        row_line = _line(open_tok)
        while self.i < len(self.toks):
            tok = self.toks[self.i]
            self.i += 1
            if tok.type == "table_close":
                break
            if tok.type == "tr_open":
                cells, row_line = [], _line(tok)
            elif tok.type == "inline":
                cells.append(inline_text(tok))
            elif tok.type == "tr_close":
                rows.append(
                    Row(
                        row_line,
                        tuple(c.text for c in cells),
                        tuple(c.source for c in cells),
                        tuple(c.marks for c in cells),
                        tuple(tuple(ln for ln in c.lines if ln) for c in cells),
                    )
                )
        if not rows:
            return None
        return Table(_line(open_tok), rows[0], tuple(rows[1:]))


def _fields(t: Text) -> dict[str, Any]:
    return {
        "text": t.text,
        "source": t.source,
        "label": t.label,
        "rest": t.rest,
        "marks": t.marks,
        "links": t.links,
        "lines": t.lines,
    }


def _item(body: list[Block], line: int, marker: str, ordered: bool, number: int | None) -> ListItem:
    first: Paragraph | None = None
    children: list[ListItem] = []
    more: list[Block] = []
    for block in body:
        if first is None and isinstance(block, Paragraph) and not children and not more:
            first = block
        elif isinstance(block, ListBlock):
            children.extend(block.items)
        else:
            more.append(block)
    if first is None and not more and len(children) == 1 and children[0].line == line:
        return children[0]  # "* 1) Run it in CI": a bullet written with its number
    values = _fields(first) if first is not None else _fields(Text(""))
    checked: bool | None = None
    m = _TASK.match(values["text"])
    if m:
        checked = m.group(1) != " "
        values["text"] = values["text"][m.end() :]
        values["lines"] = (values["text"], *values["lines"][1:]) if values["lines"] else ()
    return ListItem(
        **values,
        line=line,
        marker=marker,
        ordered=ordered,
        number=number,
        checked=checked,
        children=tuple(children),
        more=tuple(more),
    )


def _front(tokens: Sequence[Token]) -> tuple[dict[str, Any] | None, dict[Loc, int]]:
    if not tokens or tokens[0].type != "front_matter":
        return None, {}
    try:
        parsed = load_one(tokens[0].content)
    except YamlError as exc:
        loose = loose_front(tokens[0].content)
        if loose is not None:  # "deciders: @ana @ben": plain lines YAML refuses
            return loose
        line = exc.line + 1 if exc.line else 1
        raise DocumentError(f"front matter: {exc.message}", line) from None
    if not isinstance(parsed.data, dict):
        return None, {}
    return parsed.data, {loc: n + 1 for loc, n in parsed.lines.items()}


# Front matter under a licence header in an HTML comment ("<!-- SPDX-License-Identifier:
# ... -->" then "---" / "status: accepted" / "---"), as REUSE-compliant projects write it
_COMMENTED_FRONT = re.compile(
    r"\A((?:[ \t]*\n|[ \t]*<!--(?:(?!-->).){0,2000}?-->[ \t]*\n){1,20})"
    r"(---[ \t]*\n.*?\n---[ \t]*\n)",
    re.DOTALL,
)
MAX_HEADER_CHARS = 20_000


def _front_after_comments(text: str) -> tuple[str, int]:
    """``text`` with front matter that follows leading HTML comments moved to the top, the
    comments' lines left blank after it (so every later line keeps its number), and by how
    many lines the front matter moved up (0 when nothing moved)."""
    if not text.lstrip().startswith("<!--"):
        return text, 0
    m = _COMMENTED_FRONT.match(text[:MAX_HEADER_CHARS])
    if m is None or "<!--" not in m.group(1):
        return text, 0
    shift = m.group(1).count("\n")
    return m.group(2) + "\n" * shift + text[m.end() :], shift


def parse_markdown(text: str) -> Document:
    """A Markdown document as a :class:`Document`. Raises :class:`DocumentError` only for
    front matter that is not valid YAML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    text, shift = _front_after_comments(text)
    tokens = _parser(text.count("[") <= MAX_LINK_BRACKETS).parse(text)
    front, front_lines = _front(tokens)
    front_lines = {loc: n + shift for loc, n in front_lines.items()}
    reader = _Reader(tokens)
    stack: list[_Open] = [_Open(0, Text(""), 1)]
    stack[0].blocks.extend(reader.blocks(None))
    while reader.i < len(tokens):
        tok = tokens[reader.i]  # a heading_open
        inline = tokens[reader.i + 1] if reader.i + 1 < len(tokens) else None
        reader.i += 3
        level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        while stack[-1].level >= level:
            done = stack.pop()
            stack[-1].children.append(done.close())
        opened = _Open(level, inline_text(inline), _line(tok))
        opened.blocks.extend(reader.blocks(None))
        stack.append(opened)
    while len(stack) > 1:
        done = stack.pop()
        stack[-1].children.append(done.close())
    root = stack[0].close()
    heads = [*root.children, *(root.children[0].children if root.children else ())]
    metadata = front_meta(front, front_lines) + key_values(preamble(root)) + heading_values(heads)
    metadata += footer_values(last_block(root))
    size = text.count("\n") + 1
    return Document(root, "markdown", size, front, front_lines, metadata)
