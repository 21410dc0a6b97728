"""Excel decision registers (.xlsx): the CSV register's columns, read with openpyxl.

The first sheet is read, or the one named by ``ReadOptions.sheet`` (``check --sheet``). Its
first non-empty row is the header; the columns, their meaning and the grouping of rows into
decisions are the CSV register's (:func:`~decaudit.engine.records.csvregister.load_table`,
documented in docs/formats.md). Cells are read as Excel typed them: numbers stay numbers,
dates become ISO dates, booleans true/false. Errors name the sheet, the row and the column
(letter and name), and the row number is the error's line.

The workbook is opened in openpyxl's read-only mode (rows are streamed, not loaded whole),
after checking that its parts do not inflate past ``MAX_INFLATED`` bytes (a zip bomb).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Iterator
from typing import Any

from ..types import InputError, SourceRecord
from .csvregister import column_name, load_table
from .formats import ReadOptions

Result = SourceRecord | InputError
# A workbook whose parts inflate past this many bytes is refused.
MAX_INFLATED = 256 * 2**20


def column_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: Any) -> str:
    """A cell's value as the CSV register reads text: numbers plainly (``1200``, ``0.15``),
    dates as ISO dates, booleans as true/false, empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _inflated_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())  # one line, whatever the library wrote
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def read_sheet(
    path: str, data: bytes, sheet: str | None = None
) -> tuple[str, list[tuple[int, list[str]]]] | InputError:
    """The rows (row number, cell texts) of one sheet of a workbook, the sheet named
    ``sheet`` or else the first; or an error naming the file (and sheet)."""
    try:
        if _inflated_size(data) > MAX_INFLATED:
            return InputError(
                path,
                None,
                f"the workbook inflates to more than {MAX_INFLATED // 2**20} MB; refused",
            )
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged workbook fails anywhere in zipfile, zlib or XML
        return InputError(path, None, f"not a readable .xlsx workbook: {_reason(exc)}")
    name = sheet or "(first)"
    try:
        names = book.sheetnames
        if not names:
            return InputError(path, None, "the workbook has no sheet")
        name = sheet if sheet is not None else names[0]
        if name not in names:
            listed = ", ".join(repr(n) for n in names)
            return InputError(path, None, f"no sheet {name!r} in the workbook (sheets: {listed})")
        return name, list(_rows(book[name]))
    except Exception as exc:  # damaged sheet XML or compressed data
        return InputError(path, None, f"sheet {name!r}: cannot be read: {_reason(exc)}")
    finally:
        book.close()


def load_xlsx(
    path: str, data: bytes, options: ReadOptions | None = None, *, sheet: str | None = None
) -> list[Result]:
    """Every record of one sheet of a workbook, or located errors: the sheet named by
    ``sheet`` or ``options.sheet``, else the first."""
    if sheet is None and options is not None:
        sheet = options.sheet
    read = read_sheet(path, data, sheet)
    if isinstance(read, InputError):
        return [read]
    name, rows = read
    header = next((cells for _, cells in rows if any(c.strip() for c in cells)), [])
    letters = {column_name(h): column_letter(i) for i, h in enumerate(header) if h.strip()}

    def locate(row: int, column: str | None, detail: str) -> str:
        where = f"sheet {name!r}, row {row}"
        if column:
            letter = letters.get(column)
            where += f", column {letter} ({column})" if letter else f", column {column}"
        return f"{where}: {detail}"

    return load_table(path, rows, fmt="xlsx", locate=locate, unit="row")


def _rows(worksheet: Any) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(v) for v in values]
        while cells and not cells[-1].strip():
            cells.pop()
        yield number, cells
