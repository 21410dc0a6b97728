"""Key/value metadata from front matter and from blocks: ``* **Status:** x`` bullets,
``Key: value`` lines, and two-column tables."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ...types import Loc
from .model import (
    Block,
    Code,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Section,
    Table,
    heading_key,
)

MAX_KEY_WORDS = 5
_KEY = re.compile(r"^([A-Za-z][\w ()/&'.-]{0,60}?)\s*:\s*(.*)$")
# Header cells of a two-column table that name the columns rather than a first pair.
_GENERIC = frozenset(
    {
        "",
        "field",
        "fields",
        "value",
        "values",
        "key",
        "item",
        "property",
        "attribute",
        "name",
        "detail",
        "details",
        "information",
        "description",
        "metadata",
        "document",
        "document control",
    }
)


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def front_meta(front: dict[str, Any] | None, lines: dict[Loc, int]) -> tuple[Meta, ...]:
    """Front-matter keys as metadata (lists become ``items``)."""
    if not front:
        return ()
    out: list[Meta] = []
    for key, value in front.items():
        line = lines.get((key,), 1)
        if isinstance(value, list):
            items = tuple(_scalar(v) for v in value if not isinstance(v, (dict, list)))
            out.append(Meta(str(key), ", ".join(items), line, "front", items, raw=value))
        elif isinstance(value, dict):
            out.append(Meta(str(key), "", line, "front", raw=value))
        elif (
            isinstance(value, str)
            and len(found := _unpack(Meta(str(key), value, line, "front"))) > 1
        ):
            out.append(Meta(str(key), found[0].value, line, "front", raw=found[0].value))
            out.extend(Meta(m.key, m.value, line, "front", raw=m.value) for m in found[1:])
        else:
            out.append(Meta(str(key), _scalar(value), line, "front", raw=value))
    return tuple(out)


# One line packing several fields: "Status: Accepted | Date: 2023-04-01 | Review: 2024-04".
_PACK_SEP = re.compile(r"\s*(?<!\\)[|│¦]\s*")
_DATE_LIKE = re.compile(
    r"^(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}[/.]\d{1,2}[/.]\d{1,2}|"
    r"\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}|[A-Za-z]{3,9}\s+\d{1,2},?\s+\d{4})$"
)


def packed(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A value that packs more fields after ``|`` separators -> (its own value, the other
    ``(key, value)`` pairs). ``Accepted | Date: 2023-04-01 | Review: 2024-04`` gives
    ``Accepted`` and ``[("Date", "2023-04-01"), ("Review", "2024-04")]``; a bare date part is
    the ``Date``. A value whose later parts are neither (a template's ``proposed | accepted``)
    is returned whole."""
    parts = [p.strip() for p in _PACK_SEP.split(text.strip().strip("|").strip())]
    if len(parts) < 2 or not parts[0]:
        return text, []
    pairs: list[tuple[str, str]] = []
    for part in parts[1:]:
        m = _KEY.match(part)
        if m and _short_key(m.group(1)) and m.group(2).strip():
            pairs.append((m.group(1).strip(), m.group(2).strip()))
        elif _DATE_LIKE.match(part.strip("*_ ")):
            pairs.append(("Date", part.strip("*_ ")))
        elif part:
            return text, []  # a part that is no field: not a packed line
    return parts[0], pairs


def _unpack(meta: Meta) -> list[Meta]:
    """``meta`` and the fields its value packs (:func:`packed`), each a Meta of its own."""
    if "|" not in meta.value and "│" not in meta.value and "¦" not in meta.value:
        return [meta]
    own, more = packed(meta.value)
    if not more:
        return [meta]
    first = Meta(meta.key, own, meta.line, meta.origin, meta.items, meta.links, meta.raw)
    rest = [Meta(k, v, meta.line, meta.origin, (), meta.links) for k, v in more]
    return [first, *rest]


def _short_key(key: str) -> bool:
    return 0 < len(key.split()) <= MAX_KEY_WORDS and not key.lower().startswith(("http", "www"))


def _from_item(item: ListItem) -> Meta | None:
    children = tuple(c.text for c in item.children if c.text)
    if item.label is not None and _short_key(item.label):
        return Meta(item.label, item.rest, item.line, "bullet", children, item.links)
    m = _KEY.match(item.text)
    if m and _short_key(m.group(1)) and (m.group(2) or children):
        return Meta(
            m.group(1).strip(), m.group(2).strip(), item.line, "bullet", children, item.links
        )
    return None


def _from_paragraph(para: Paragraph) -> list[Meta]:
    out: list[Meta] = []
    for offset, text in enumerate(para.lines or (para.text,)):
        text = text.strip()
        if text.startswith("|"):  # a lone table row: "| Status: Accepted | Date: x |"
            text = text.strip("|").strip()
        m = _KEY.match(text)
        if m and m.group(2).strip() and _short_key(m.group(1)):
            links = tuple(lk for lk in para.links if lk.text and lk.text in text)
            out.append(
                Meta(m.group(1).strip(), m.group(2).strip(), para.line + offset, "line", (), links)
            )
    if not out and para.label is not None and para.rest and _short_key(para.label):
        out = _bold_lines(para) or [Meta(para.label, para.rest, para.line, "line", (), para.links)]
    return out


_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(?P<label>[^*_:]{1,60}?)(?:\*\*|__)\s*(?!:)")


def _bold_lines(para: Paragraph) -> list[Meta]:
    """A paragraph of lines each led by a bold label without a colon (``**Owner** Ana |`` /
    ``**Work Items** [Framework](...) |``): one pair per label, the lines without a label
    going with the one before; a trailing ``|`` is a separator. Empty unless two lines or
    more are so led."""
    sources = para.source.splitlines()
    if len(sources) != len(para.lines):
        return []
    found: list[tuple[str, list[str], int]] = []  # label, the parts of its value, its line
    for offset, (source, text) in enumerate(zip(sources, para.lines, strict=True)):
        m = _BOLD_LEAD.match(source)
        label = m.group("label").strip() if m else ""
        if m and _short_key(label) and text.strip().startswith(label):
            found.append((label, [text.strip()[len(label) :].strip()], para.line + offset))
        elif found:
            found[-1][1].append(text.strip())
    if len(found) < 2:
        return []
    values = [
        (label, " ".join(parts).strip().strip("|").strip(), line) for label, parts, line in found
    ]
    return [
        Meta(label, value, line, "line", (), para.links) for label, value, line in values if value
    ]


def _cells_of_pairs(table: Table) -> list[Meta]:
    """A table whose every cell is ``Key: value`` (``| Status: Accepted | Date: x |``)."""
    out: list[Meta] = []
    for row in (table.header, *table.rows):
        for cell in row.cells:
            m = _KEY.match(cell.strip())
            if not (m and _short_key(m.group(1)) and m.group(2).strip()):
                return []
            out.append(Meta(m.group(1).strip(), m.group(2).strip(), row.line, "table"))
    return out


def _paired_columns(table: Table) -> list[Meta]:
    """A table of label and value columns side by side (``| **Decision Made:** | Yes |
    **Decision Date:** | 09/15/2016 |``): every label cell ends with a colon."""
    if table.width < 4 or table.width % 2:
        return []
    out: list[Meta] = []
    for row in (table.header, *table.rows):
        for label, value in zip(row.cells[0::2], row.cells[1::2], strict=False):
            key = label.strip()
            if not key and not value.strip():
                continue  # an empty pair (a header row left blank)
            if not key.endswith(":") or not _short_key(key[:-1].strip()):
                return []
            if value.strip():
                out.append(Meta(key[:-1].strip(), value.strip(), row.line, "table"))
    return out


# header cells that name a record's metadata, for a table of one row under them
_FIELD_HEADERS = frozenset(
    {
        "status",
        "date",
        "deciders",
        "decision makers",
        "decided by",
        "approved by",
        "approvers",
        "author",
        "authors",
        "owner",
        "owners",
        "created",
        "updated",
        "last updated",
        "proposed by",
        "consulted",
        "informed",
    }
)


def _header_row(table: Table) -> list[Meta]:
    """One row under a header of field names (``| Status | Deciders | Date |`` over
    ``| accepted | Ana and Bo | 2023-07-20 |``): each header names its cell's value."""
    head = [heading_key(h) for h in table.header.cells]
    if len(table.rows) != 1 or sum(h in _FIELD_HEADERS for h in head) < 2:
        return []
    row = table.rows[0]
    return [
        Meta(key.strip(), value.strip(), row.line, "table")
        for key, value in zip(table.header.cells, row.cells, strict=False)
        if key.strip() and value.strip() and _short_key(key.strip())
    ]


def _from_table(table: Table) -> list[Meta]:
    if pairs := _cells_of_pairs(table) or _paired_columns(table) or _header_row(table):
        return pairs
    if table.width != 2:
        return []
    rows = list(table.rows)
    head = table.header.cells
    if not {h.strip().lower() for h in head} <= _GENERIC and _short_key(head[0]):
        rows.insert(0, table.header)
    out = []
    for row in rows:
        key = row.cells[0].strip().rstrip(":").strip()
        if key and _short_key(key) and len(row.cells) > 1 and row.cells[1].strip():
            written = row.sources[1] if len(row.sources) > 1 else ""
            links = tuple(Link(m.group(1), m.group(2)) for m in _CELL_LINK.finditer(written))
            out.append(Meta(key, row.cells[1].strip(), row.line, "table", links=links))
    return out


_CELL_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]+)\)")  # a link as a cell writes it


def key_values(blocks: Iterable[Block]) -> tuple[Meta, ...]:
    """Every key/value pair written in ``blocks``, in order."""
    out: list[Meta] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                meta = _from_item(item)
                if meta is not None:
                    out.append(meta)
        elif isinstance(block, Paragraph):
            out.extend(_from_paragraph(block))
        elif isinstance(block, Table):
            out.extend(_from_table(block))
        elif isinstance(block, Code) and "eval-rst" in block.info:
            out.extend(_field_list(block))
        elif isinstance(block, Code) and block.info.strip().lower() in ("", "text", "yaml"):
            out.extend(code_header(block))
    return tuple(m for meta in out for m in _unpack(meta))


# A proposal's header written as a code block at its top (a CAP's or an EIP's preamble):
# "CAP: 0049" / "Title: Smart Contract Asset Interoperability" / "Status: Rejected" ...
_HEADER_LINE = re.compile(
    r"^\s*(?P<key>[A-Za-z][\w-]{0,30}(?: [\w-]{1,20}){0,2})\s*:\s*(?P<value>.*?)\s*$"
)
_HEADER_KEYS = frozenset({"title", "status", "created", "date", "author", "authors"})
MIN_HEADER_LINES = 3


def code_header(code: Code) -> list[Meta]:
    """The ``Key: value`` lines of a code block that is a document's header: three or more
    such lines, a title or status among them, and no other kind of line; each read as front
    matter (its title and status are the record's). Empty for any other code."""
    out: list[Meta] = []
    for offset, text in enumerate(code.text.splitlines(), start=1):
        if not text.strip():
            continue
        m = _HEADER_LINE.match(text)
        if m is None:
            return []
        if m["value"]:
            out.append(
                Meta(m["key"].strip(), m["value"], code.line + offset, "front", raw=m["value"])
            )
    keys = {m.name for m in out}
    return out if len(out) >= MIN_HEADER_LINES and keys & _HEADER_KEYS else []


# A reST field list, as MyST documents embed it (```{eval-rst}``` / ``:Status: Draft``)
_FIELD = re.compile(r"^:(?P<key>[A-Za-z][\w -]{0,30}):\s+(?P<value>\S.*)$")


def _field_list(code: Code) -> list[Meta]:
    """The ``:Key: value`` lines of an embedded reST block, each on its line."""
    out = []
    for offset, text in enumerate(code.text.splitlines(), start=1):
        m = _FIELD.match(text.strip())
        if m is not None:
            out.append(Meta(m["key"].strip(), m["value"].strip(), code.line + offset, "line"))
    return out


# Record keys a heading may carry with their value ("## Status: Proposed", "### Date: 2023-04-01")
_HEADING_KEYS = frozenset({"status", "date", "deciders", "decision makers", "decided by"})
# ... and a closing paragraph ("**Date:** 2026-03-25", "**Decision Makers:** X")
_FOOTER_KEYS = _HEADING_KEYS | {"approved by", "approvers"}


def footer_values(block: Block | None) -> tuple[Meta, ...]:
    """A record's closing paragraph made only of ``Key: value`` lines, one of them a record
    key (``**Date:** 2026-03-25`` / ``**Decision Makers:** Development Team`` after the
    references): its pairs, as metadata. Nothing for a paragraph with any other line."""
    if not isinstance(block, Paragraph):
        return ()
    found = _from_paragraph(block)
    lines = [t for t in (block.lines or (block.text,)) if t.strip()]
    if not found or len(found) != len(lines):
        return ()
    if not any(m.key.strip().lower() in _FOOTER_KEYS for m in found):
        return ()
    return tuple(m for meta in found for m in _unpack(meta))


def heading_values(sections: Iterable[Section]) -> tuple[Meta, ...]:
    """``## Status: Proposed``: a heading that gives a record key its value, as metadata."""
    out: list[Meta] = []
    for sec in sections:
        m = _KEY.match(sec.title.strip())
        if m and m.group(1).strip().lower() in _HEADING_KEYS and m.group(2).strip():
            out.append(Meta(m.group(1).strip(), m.group(2).strip(), sec.line, "heading"))
    return tuple(out)


_LOOSE_LINE = re.compile(
    r"^(?P<key>[A-Za-z][\w-]{0,40}(?: [\w-]{1,20}){0,3})\s*:\s*(?P<value>.*?)\s*$"
)
_STRUCTURE = ("[", "{", "|", ">", "&", "*", "!", "%")
_LOOSE_ITEM = re.compile(r"^\s*-\s+(?P<value>.*?)\s*$")
_MD_LINK = re.compile(r"^\[[^\[\]]+\]\([^()\s]+\)")


def _structure(value: str) -> bool:
    """A value that opens YAML structure; not a template's one-line placeholder
    (``status: {proposed | rejected | superseded by [ADR-0005](0005-example.md)}``)."""
    if value.startswith("{") and value.endswith("}") and value.count("{") == 1:
        return False
    if _MD_LINK.match(value):  # "status: [Implemented](https://...)": a Markdown link
        return False
    return value.startswith(_STRUCTURE)


def loose_front(content: str) -> tuple[dict[str, Any], dict[Loc, int]] | None:
    """Front matter that YAML refuses but that is plainly ``key: value`` lines (``deciders:
    @ana @ben``, ``date: 2022-3-15 when last updated}``): each value as written, the
    ``- item`` lines under a key as its list. A key indented by a slip after a list's
    items (``- "@ana"`` / ``  reviewers:``) is a key of its own. None when any line is more
    than that (a key nested under a value), so real YAML errors stay errors. Lines are
    1-based after the opening ``---``."""
    data: dict[str, Any] = {}
    lines: dict[Loc, int] = {}
    last, slipped = "", False  # the last key; the line before was a list item or a slip
    for n, line in enumerate(content.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LOOSE_ITEM.match(line)  # under a key with no value of its own: its list
        if item and last and (data[last] == "" or isinstance(data[last], list)):
            data[last] = [*(data[last] or []), item.group("value").strip("'\"")]
            slipped = True
            continue
        indented = line[:1].isspace()
        m = _LOOSE_LINE.match(line.lstrip() if slipped else line)
        if m is None or m.group("key") in data or _structure(m.group("value")):
            return None  # a YAML list, mapping or block that is broken stays an error
        slipped = indented
        last = m.group("key")
        data[last] = m.group("value").strip("'\"")
        lines[(last,)] = n
    return (data, lines) if data else None
