"""A table written in HTML inside a Markdown document (``<table><tr><td> Status </td><td>
Accepted </td></tr>...``, the metadata header of PEP-like proposals), read into the same
:class:`Table` a Markdown table gives, so every reader (key/value metadata, options tables)
works on it. Parsed with the standard library's HTML parser; cells are plain text with
entities decoded (``&lt;jleidel@...&gt;``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .model import Row, Table

_HAS_TABLE = re.compile(r"<table\b", re.IGNORECASE)


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, list[str]]] = []  # (line within the block, cells)
        self.cell: list[str] | None = None
        self.depth = 0  # nested tables are read as text of their cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        elif self.depth != 1:
            return
        elif tag == "tr":
            self._close_cell()
            self.rows.append((self.getpos()[0], []))
        elif tag in ("td", "th"):
            self._close_cell()
            if not self.rows:  # a cell before any <tr>: a row of its own
                self.rows.append((self.getpos()[0], []))
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self.depth == 1:
                self._close_cell()
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th", "tr"):
            self._close_cell()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def _close_cell(self) -> None:
        if self.cell is not None and self.rows:
            self.rows[-1][1].append(" ".join("".join(self.cell).split()))
        self.cell = None


def html_table(content: str, line: int) -> Table | None:
    """The first table of an HTML block that starts at ``line``, or None (no table, or one
    without a row that has a cell)."""
    if not _HAS_TABLE.search(content):
        return None
    parser = _Rows()
    parser.feed(content)
    parser.close()
    parser._close_cell()
    rows = [
        Row(
            line + at - 1,
            tuple(cells),
            tuple(cells),
            tuple(() for _ in cells),
            tuple((c,) for c in cells),
        )
        for at, cells in parser.rows
        if cells
    ]
    if not rows:
        return None
    return Table(rows[0].line, rows[0], tuple(rows[1:]))
