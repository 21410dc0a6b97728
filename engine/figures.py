"""Files of measured figures for ``decaudit actuals --file``: CSV or Excel (.xlsx), one
figure a row.

Columns (header names are matched case-insensitively; spaces and dashes count as ``_``):

| column | synonyms | meaning |
| --- | --- | --- |
| ``decision`` | ``decision_id`` | the decision's id, as the log audited it |
| ``benefit`` or ``cost`` | | the benefit's (or cost's) id or description |
| ``kind`` and ``item`` | ``item_kind``, ``item_id`` | the same, in two columns |
| ``value`` | ``actual``, ``realized``, ``amount`` | the measured figure |
| ``as_of`` | ``date``, ``measured_on`` | the day the figure is measured as of (YYYY-MM-DD) |
| ``source`` | ``evidence`` | where the figure comes from (optional) |

Blank rows are passed over. Every problem names the file and the line (CSV) or the sheet and
row (Excel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .errors import DecauditError
from .recording import FigureInput

_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "decision": ("decision", "decision_id"),
    "benefit": ("benefit", "benefit_id"),
    "cost": ("cost", "cost_id"),
    "kind": ("kind", "item_kind"),
    "item": ("item", "item_id"),
    "value": ("value", "actual", "realized", "amount"),
    "as_of": ("as_of", "date", "measured_on"),
    "source": ("source", "evidence"),
}
MAX_ROWS = 100_000


def _name(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def _columns(header: list[str], where: str) -> dict[str, int]:
    names = [_name(h) for h in header]
    out: dict[str, int] = {}
    for key, synonyms in _SYNONYMS.items():
        for i, n in enumerate(names):
            if n in synonyms:
                out.setdefault(key, i)
    missing = [k for k in ("decision", "value", "as_of") if k not in out]
    if not (("benefit" in out) or ("cost" in out) or ("kind" in out and "item" in out)):
        missing.append("benefit, cost, or kind and item")
    if missing:
        raise DecauditError(
            f"{where}: the header lacks {', '.join(missing)} (columns: decision, benefit or "
            "cost, value, as_of, source)"
        )
    return out


def _reader(columns: Mapping[str, int], cells: list[str]) -> Callable[[str], str]:
    """The text of a named column in one row ("" when absent)."""

    def cell(key: str) -> str:
        i = columns.get(key)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    return cell


def figures_of_rows(rows: Iterable[tuple[int, list[str]]], where: str) -> list[FigureInput]:
    """The figures of a table whose first non-blank row is its header. ``where`` is
    ``file.csv:{line}`` or ``file.xlsx, sheet 'S', row {line}``."""
    columns: dict[str, int] | None = None
    out: list[FigureInput] = []
    for number, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        at = where.format(line=number)
        if columns is None:
            columns = _columns(cells, at)
            continue
        if len(out) >= MAX_ROWS:
            raise DecauditError(f"{at}: more than {MAX_ROWS} figures in one file")

        cell = _reader(columns, cells)

        kind, item = cell("kind").lower(), cell("item")
        if cell("benefit"):
            kind, item = "benefit", cell("benefit")
        elif cell("cost"):
            kind, item = "cost", cell("cost")
        if not cell("decision"):
            raise DecauditError(f"{at}: no decision id")
        if not item:
            raise DecauditError(f"{at}: name the benefit or cost the figure is for")
        out.append(
            FigureInput(
                cell("decision"),
                kind,
                item,
                cell("value"),
                cell("as_of"),
                cell("source") or None,
                at,
            )
        )
    if columns is None:
        raise DecauditError(f"{where.format(line=1)}: no header row: the file is empty")
    return out


def read_figures(
    path: str, *, sheet: str | None = None, max_bytes: int = 10 * 2**20
) -> list[FigureInput]:
    """The figures of a CSV or .xlsx file; ``DecauditError`` naming file and line."""
    from .records.csvregister import csv_rows
    from .records.guards import GuardError, decode, read_bounded
    from .records.xlsxregister import read_sheet
    from .types import InputError

    data = read_bounded(path, max_bytes)
    if isinstance(data, GuardError):
        raise DecauditError(f"{path}: {data.message}")
    if Path(path).suffix.lower() == ".xlsx":
        read = read_sheet(path, data, sheet)
        if isinstance(read, InputError):
            raise DecauditError(str(read))
        name, rows = read
        return figures_of_rows(rows, f"{path}, sheet {name!r}, row {{line}}")
    text = decode(data)
    if isinstance(text, GuardError):
        raise DecauditError(f"{path}: {text.message}")
    try:
        return figures_of_rows(list(csv_rows(text)), f"{path}:{{line}}")
    except ValueError as exc:  # malformed CSV (an unclosed quote...)
        line = getattr(exc, "line", None)
        raise DecauditError(f"{path}:{line or 1}: {exc}") from None
