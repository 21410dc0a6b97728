"""Benefit, cost, assumption and scenario tables of a business case to record items.

Each reader returns :class:`Item` values (the raw mapping the model validates, its source
line and the option it names, if the table has an option column) and collects unreadable
figures as :class:`CellError` values, which become input errors naming file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Row, Table
from .columns import NUMERIC, Column, map_columns, year_columns
from .money import NumberError, first_money, parse_fraction, parse_money, parse_range
from .vocab import Vocabulary, reduce

_TOTAL = re.compile(r"^(?:sub-?\s?)?totals?\b|^net\b|^sum\b|^grand total\b", re.I)


@dataclass(frozen=True)
class CellError:
    line: int
    message: str


@dataclass(frozen=True)
class Item:
    data: dict[str, Any]
    line: int
    option: str | None = None  # the option the row names (an option column)
    uplift: float | None = None  # optimism bias given on the row (cost tables)


@dataclass
class Cells:
    """One table's columns, ready to read rows."""

    table: Table
    columns: dict[str, Column]
    years: list[Column] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @classmethod
    def of(cls, table: Table, vocab: Vocabulary) -> Cells:
        rows = [r.cells for r in table.rows]
        cols = map_columns(table.header.cells, rows, vocab)
        return cls(table, cols, year_columns(table.header.cells, cols))

    def has(self, *names: str) -> bool:
        return all(n in self.columns for n in names)

    def text(self, row: Row, name: str) -> str:
        col = self.columns.get(name)
        if col is None or col.index >= len(row.cells):
            return ""
        return row.cells[col.index].strip()

    def money(self, row: Row, name: str) -> float | None:
        col = self.columns.get(name)
        if col is None:
            return None
        return self._money(row, col)

    def _money(self, row: Row, col: Column) -> float | None:
        if col.index >= len(row.cells):
            return None
        cell = row.cells[col.index]
        try:
            found = parse_money(cell, col.unit)
        except NumberError as exc:
            self.errors.append(CellError(row.line, f"column '{col.header}': {exc}"))
            return None
        return found.value if found else None

    def span(self, row: Row, name: str) -> tuple[float, float] | None:
        """A low-high range written in one cell of the column, else None."""
        col = self.columns.get(name)
        if col is None or col.index >= len(row.cells):
            return None
        return parse_range(row.cells[col.index], col.unit)

    def fraction(self, row: Row, name: str) -> float | None:
        cell = self.text(row, name)
        try:
            return parse_fraction(cell)
        except NumberError as exc:
            header = self.columns[name].header
            self.errors.append(CellError(row.line, f"column '{header}': {exc}"))
            return None

    def profile(self, row: Row) -> float | None:
        """The sum of a yearly profile's figures (``2026/27 | 2027/28 | ...``)."""
        values = [v for c in self.years if (v := self._money(row, c)) is not None]
        return float(sum(values)) if values else None

    def rows(self) -> list[Row]:
        """Rows that are line items: not empty, not totals."""
        desc = self.columns.get("description")
        out = []
        for row in self.table.rows:
            if not any(c.strip() for c in row.cells):
                continue
            first = row.cells[desc.index] if desc and desc.index < len(row.cells) else ""
            if _TOTAL.match(first.strip()):
                continue
            out.append(row)
        return out


def amount_columns(cells: Cells) -> bool:
    """Whether the table carries any figure a benefit or cost line can use."""
    return bool(NUMERIC & set(cells.columns)) or bool(cells.years)


def benefit_items(cells: Cells, vocab: Vocabulary) -> list[Item]:
    out = []
    for row in cells.rows():
        data: dict[str, Any] = {}
        _text(data, "description", cells.text(row, "description"))
        kind = cells.text(row, "type")
        if kind:
            btype = vocab.benefit_type(kind)
            if btype:
                data["type"] = btype
            else:
                data["type_text"] = kind
        if (span := cells.span(row, "range")) is not None:
            data["low"], data["high"] = span
        if (span := cells.span(row, "projected")) is not None:
            # "£1.2m–£1.8m" where one figure is expected: the range, and its midpoint
            data.setdefault("low", span[0])
            data.setdefault("high", span[1])
            data["projected"] = round((span[0] + span[1]) / 2, 2)
        for name in ("low", "projected", "high", "realized"):
            value = cells.money(row, name) if name not in data else None
            if value is not None:
                data[name] = value
        if "projected" not in data and (total := cells.profile(row)) is not None:
            data["projected"] = total
        _text(data, "basis", cells.text(row, "basis"))
        _text(data, "owner", cells.text(row, "owner"))
        if data.keys() - {"owner", "type_text"}:
            out.append(Item(data, row.line, cells.text(row, "option") or None))
    return out


def cost_items(cells: Cells) -> list[Item]:
    out = []
    for row in cells.rows():
        data: dict[str, Any] = {}
        _text(data, "description", cells.text(row, "description"))
        for name in ("projected", "realized"):
            value = cells.money(row, name)
            if value is not None:
                data[name] = value
        if "projected" not in data and (total := cells.profile(row)) is not None:
            data["projected"] = total
        if "contingency" in cells.columns:
            found = cells.fraction(row, "contingency")
            if found is not None:
                data["contingency"] = found
        uplift = cells.fraction(row, "optimism_bias") if "optimism_bias" in cells.columns else None
        if data:
            out.append(Item(data, row.line, cells.text(row, "option") or None, uplift))
    return out


def assumption_items(cells: Cells, vocab: Vocabulary) -> list[Item]:
    out = []
    for row in cells.rows():
        statement = cells.text(row, "description")
        if not statement:
            continue
        data: dict[str, Any] = {"statement": statement}
        _text(data, "evidence", cells.text(row, "basis"))
        challenged = yes_no(cells.text(row, "challenged"), vocab)
        if challenged is not None:
            data["challenged"] = challenged
        out.append(Item(data, row.line, cells.text(row, "option") or None))
    return out


def scenario_names(table: Table, vocab: Vocabulary) -> list[tuple[str, int]]:
    """The scenarios a table lists: its first column's cells."""
    out = []
    for row in table.rows:
        name = row.cells[0].strip() if row.cells else ""
        if name and reduce(name) not in vocab.scenario_noise and not _TOTAL.match(name):
            out.append((scenario_name(name), row.line))
    return out


def scenario_name(text: str) -> str:
    """``Downside: ridership 30% lower`` -> ``downside``; ``Severe downside`` ->
    ``severe-downside``."""
    head = re.split(r"[:(–—]|\s-\s", text, maxsplit=1)[0]
    words = reduce(head).split()[:4]
    return "-".join(words) or reduce(text).replace(" ", "-")


def yes_no(text: str, vocab: Vocabulary) -> bool | None:
    raw = text.strip().strip("*_` ").lower()
    if raw and raw in vocab.markers["yes"]:
        return True
    if raw in vocab.markers["no"] and raw:
        return False
    value = reduce(text)
    if not value:
        return None
    if value in vocab.markers["yes"] or value.startswith(("yes ", "y ")):
        return True
    if value in vocab.markers["no"] or value.startswith(("no ", "not ")):
        return False
    return None


def _text(data: dict[str, Any], key: str, value: str) -> None:
    if value and value.strip() not in ("-", "–", "—", "n/a", "N/A"):
        data[key] = value


_BASIS = re.compile(
    r"\s*[(\[]\s*(?:based on|basis|source|sources|evidence|from)\s*:?\s*([^)\]]+)[)\]]\s*\.?$",
    re.IGNORECASE,
)


def list_line(text: str, label: str | None) -> dict[str, Any] | None:
    """A benefit or cost written as a list item with a money figure, else None."""
    basis = None
    if m := _BASIS.search(text):
        basis, text = m.group(1).strip(), text[: m.start()].strip()
    money = first_money(text)
    if money is None:
        return None
    description = label or text
    data: dict[str, Any] = {"description": description.rstrip(" .:"), "projected": money.value}
    if basis:
        data["basis"] = basis
    return data
