"""Just enough Markdown structure for ADRs: front matter, headings, sections and bullets.

HTML comments are blanked out (keeping line numbers) and fenced code blocks are never read as
headings or bullets. Every piece keeps its 1-based source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..safeyaml import YamlError, load_one
from ..types import Loc

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BULLET = re.compile(r"^(\s*)(?:[*+-]|\d{1,3}[.)])[ \t]+(.*)$")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


class MarkdownError(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    code: bool = False  # inside a fenced code block


@dataclass(frozen=True)
class Item:
    """A list item: its text (continuation lines joined) and nested lines."""

    line: int
    text: str
    sub: tuple[str, ...] = ()


@dataclass
class Section:
    title: str
    level: int
    line: int
    body: list[Line] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        return heading_key(self.title)

    def all_lines(self) -> list[Line]:
        out = list(self.body)
        for child in self.children:
            out.append(Line(child.line, ""))
            out.extend(child.all_lines())
        return out


@dataclass
class Document:
    front: dict[str, Any] | None
    front_lines: dict[Loc, int]
    title: str | None
    title_line: int
    preamble: list[Line]  # lines between the title and the first section
    sections: list[Section]
    text: str

    def section(self, *keys: str) -> Section | None:
        for sec in self.sections:
            if sec.key in keys:
                return sec
        return None

    def sections_named(self, *keys: str) -> list[Section]:
        return [sec for sec in self.sections if sec.key in keys]


def heading_key(title: str) -> str:
    """A heading reduced for lookup: "2. Considered Options:" -> "considered options"."""
    text = strip_inline(title).lower()
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+", "", text)
    text = re.sub(r"[^\w\s&-]", " ", text)
    return " ".join(text.split())


# Inline patterns: every repeated part excludes its own delimiters, so matching stays linear
# on hostile text (no nested scans to the end of a long line).
_INLINE_MARKS = re.compile(r"[\[*_`]")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_REF_LINK = re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]")
_STRONG = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?![\s*])([^*]*[^\s*])\*(?![\w*])")


def strip_inline(text: str) -> str:
    """Inline Markdown removed: links keep their text, emphasis and code marks go."""
    if not _INLINE_MARKS.search(text):
        return " ".join(text.split())
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(r"\1", text)
    text = text.replace("`", "")
    return " ".join(text.split())


def _blank_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any] | None, dict[Loc, int], int]:
    """Front matter (``---`` ... ``---``) at the top: (mapping, lines, index after it)."""
    if not lines or lines[0].strip() != "---":
        return None, {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return None, {}, 0
    body = "\n".join(lines[1:end])
    try:
        parsed = load_one(body)
    except YamlError as exc:
        line = exc.line + 1 if exc.line else 1
        raise MarkdownError(f"front matter: {exc.message}", line) from None
    if not isinstance(parsed.data, dict):
        return None, {}, end + 1
    shifted = {loc: ln + 1 for loc, ln in parsed.lines.items()}
    return parsed.data, shifted, end + 1


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str
    line: int


def _tokens(lines: list[str], offset: int) -> list[Line | _Heading]:
    """Lines and headings, with fenced code marked and setext underlines consumed."""
    out: list[Line | _Heading] = []
    fence: str | None = None
    skip = -1
    for i, text_line in enumerate(lines):
        number = offset + i + 1
        if i == skip:  # the underline of a setext heading
            continue
        m_fence = _FENCE.match(text_line)
        if fence is not None:
            if m_fence and m_fence.group(1)[0] == fence[0] and len(m_fence.group(1)) >= len(fence):
                fence = None
            out.append(Line(number, text_line, code=True))
            continue
        if m_fence:
            fence = m_fence.group(1)
            out.append(Line(number, text_line, code=True))
            continue
        level, heading, underlined = _heading(lines, i)
        if level == 0:
            out.append(Line(number, text_line))
            continue
        if underlined:
            skip = i + 1
        out.append(_Heading(level, heading, number))
    return out


def parse(text: str, known_sections: frozenset[str] = frozenset()) -> Document:
    """The structure of a Markdown document.

    The title is the first level-1 heading; without one, the first heading of the top level
    unless it is a known section name (``known_sections``, as :func:`heading_key` gives).
    Sections are the headings of the next level down (whatever it is), deeper headings are
    their subsections.
    """
    raw_lines = text.split("\n")
    front, front_lines, start = _front_matter(raw_lines)
    lines = _blank_comments("\n".join(raw_lines[start:])).split("\n")
    tokens = _tokens(lines, start)
    headings = [t for t in tokens if isinstance(t, _Heading)]
    title_heading: _Heading | None = None
    if headings:
        top = min(h.level for h in headings)
        first = next(h for h in headings if h.level == top)
        if top == 1 or heading_key(first.text) not in known_sections:
            title_heading = first
    rest = [h.level for h in headings if h is not title_heading]
    if title_heading is not None:
        deeper = [lv for lv in rest if lv > title_heading.level]
        section_level = min(deeper) if deeper else title_heading.level + 1
    else:
        section_level = min(rest) if rest else 2
    preamble: list[Line] = []
    sections: list[Section] = []
    current: Section | None = None
    sub: Section | None = None
    for tok in tokens:
        if isinstance(tok, Line):
            _append(preamble, current, sub, tok)
        elif tok is title_heading:
            continue
        elif tok.level <= section_level or current is None:
            current = Section(tok.text, 2, tok.line)
            sections.append(current)
            sub = None
        else:
            sub = Section(tok.text, tok.level, tok.line)
            current.children.append(sub)
    title = title_heading.text if title_heading else None
    title_line = title_heading.line if title_heading else start + 1
    return Document(front, front_lines, title, title_line, preamble, sections, text)


def _atx_text(raw: str) -> str:
    """Heading text without its optional closing ``#`` sequence."""
    text = raw.strip()
    body = text.rstrip("#")
    if body != text and (not body or body[-1] in " \t"):
        text = body.strip()
    return text


def _heading(lines: list[str], i: int) -> tuple[int, str, bool]:
    """(level, text, underlined) when line ``i`` is a heading, level 0 when it is not."""
    line = lines[i]
    m = _ATX.match(line)
    if m:
        return len(m.group(1)), _atx_text(m.group(2) or ""), False
    if i + 1 < len(lines) and line.strip() and not _BULLET.match(line):
        nxt = _SETEXT.match(lines[i + 1])
        if nxt and not line.startswith((" " * 4, "\t")):
            mark = nxt.group(1)
            if mark[0] == "=" or len(mark) >= 3:
                return (1 if mark[0] == "=" else 2), line.strip(), True
    return 0, "", False


def _append(preamble: list[Line], current: Section | None, sub: Section | None, ln: Line) -> None:
    if sub is not None:
        sub.body.append(ln)
    elif current is not None:
        current.body.append(ln)
    else:
        preamble.append(ln)


def items(lines: list[Line]) -> list[Item]:
    """Top-level list items of a block, with continuation and nested lines."""
    out: list[Item] = []
    base: int | None = None
    text: list[str] = []
    sub: list[str] = []
    start = 0

    def flush() -> None:
        if text:
            out.append(Item(start, " ".join(text), tuple(sub)))

    for ln in lines:
        if ln.code:
            continue
        m = _BULLET.match(ln.text)
        indent = len(m.group(1).expandtabs(4)) if m else None
        if m and indent is not None and (base is None or indent <= base):
            flush()
            base, start = indent, ln.number
            text, sub = [m.group(2).strip()], []
            continue
        if base is None:
            continue
        stripped = ln.text.strip()
        if not stripped:
            continue
        leading = len(ln.text) - len(ln.text.lstrip())
        if m:
            sub.append(m.group(2).strip())
        elif leading > base and not sub:
            text.append(stripped)
        elif leading > base:
            sub.append(stripped)
        else:  # a paragraph after the list ends it
            flush()
            base, text, sub = None, [], []
    flush()
    return out


def paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """Paragraphs of a block (blank-line separated) as (first line, text)."""
    out: list[tuple[int, str]] = []
    buf: list[str] = []
    first = 0
    for ln in lines:
        if ln.text.strip():
            if not buf:
                first = ln.number
            buf.append(ln.text.rstrip())
        elif buf:
            out.append((first, "\n".join(buf)))
            buf = []
    if buf:
        out.append((first, "\n".join(buf)))
    return out


def block_text(lines: list[Line]) -> str | None:
    """A block's text with its paragraphs kept, or None when it is empty."""
    paras = [text.strip() for _, text in paragraphs(lines)]
    joined = "\n\n".join(p for p in paras if p)
    return joined or None
