"""CSV decision registers: one row per option, grouped into records by ``decision_id``.

The columns are documented in docs/formats.md. Unknown columns (a comment column, say) are
ignored; numbers are parsed strictly (``1,200`` or ``12%`` are errors naming line and column).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..types import InputError, Loc, SourceRecord
from .adr.meta import map_status
from .structured import NotADecisionRecord
from .validate import to_record

REQUIRED = ("decision_id", "decision_title", "option_title")

# column -> record key (decision-level, taken from the first row that has a value)
DECISION_TEXT = {
    "decision_title": "title",
    "date": "date",
    "status": "status",
    "project_type": "project_type",
    "origin": "origin",
    "rationale": "rationale",
    "context": "context",
    "chosen_option": "chosen_option",
}
DECISION_LISTS = {"decision_makers": "decision_makers", "proposed_by": "proposed_by"}
OPTION_TEXT = {
    "option_id": "id",
    "option_title": "title",
    "kind": "kind",
    "description": "description",
    "option_description": "description",
    "rejected_reason": "rejected_reason",
}
CASE_NUMBERS = ("npv", "horizon_years", "roi", "payback_years", "optimism_bias_uplift")
BENEFIT_NUMBERS = {
    "benefit_projected": "projected",
    "benefit_low": "low",
    "benefit_high": "high",
    "benefit_realized": "realized",
}
BENEFIT_TEXT = {
    "benefit_id": "id",
    "benefit_description": "description",
    "benefit_basis": "basis",
    "benefit_type": "type",
    "benefit_measured_on": "measured_on",
}
COST_NUMBERS = {
    "cost_projected": "projected",
    "cost_contingency": "contingency",
    "cost_realized": "realized",
}
COST_TEXT = {"cost_id": "id", "cost_description": "description"}
_TRUE = {"true", "yes", "y", "1", "x"}
_FALSE = {"false", "no", "n", "0", ""}
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")
KNOWN_COLUMNS = frozenset(
    {
        "decision_id",
        *DECISION_TEXT,
        *DECISION_LISTS,
        *OPTION_TEXT,
        "chosen",
        *CASE_NUMBERS,
        "scenarios",
        "integration_plan",
        *BENEFIT_NUMBERS,
        *BENEFIT_TEXT,
        *COST_NUMBERS,
        *COST_TEXT,
        "review_date",
        "review_notes",
        "challenge_questions",
        "alternatives_requested",
    }
)


class _CellError(ValueError):
    pass


def _number(value: str) -> int | float:
    text = value.strip()
    if not _NUMBER.match(text):
        raise _CellError(f"must be a number (got {value!r})")
    if re.fullmatch(r"[-+]?\d+", text):
        if len(text) > 30:
            raise _CellError(f"must be a number of at most 30 digits (got {len(text)})")
        return int(text)
    number = float(text)
    if not math.isfinite(number):
        raise _CellError(f"must be a finite number (got {value!r})")
    return number


def _bool(value: str) -> bool:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _CellError(f"must be true/false, yes/no, 1/0 or x (got {value!r})")


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


@dataclass
class _Group:
    did: str
    line: int
    data: dict[str, Any]
    lines: dict[Loc, int]
    sources: dict[str, int] = field(default_factory=dict)  # decision key -> line
    error: InputError | None = None


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) for each row; multi-line quoted cells are handled."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvError(f"invalid CSV: {exc}", reader.line_num or start) from None
        yield start, row
        start = reader.line_num + 1


class _CsvError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


# Where a cell problem is: (line or row, column name or None, detail) -> the error message.
Locate = Callable[[int, str | None, str], str]


def _csv_locate(line: int, column: str | None, detail: str) -> str:
    return f"column {column}: {detail}" if column else detail


def column_name(header: str) -> str:
    """A header cell as a column name: ``Decision ID`` -> ``decision_id``."""
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def load_csv(path: str, text: str) -> list[SourceRecord | InputError]:
    try:
        rows = list(csv_rows(text))
    except _CsvError as exc:
        return [InputError(path, exc.line, exc.message)]
    return load_table(path, rows)


def load_table(
    path: str,
    rows: Iterable[tuple[int, list[str]]],
    *,
    fmt: str = "csv",
    locate: Locate = _csv_locate,
    unit: str = "line",
) -> list[SourceRecord | InputError]:
    """Records from a register's rows: ``(line or row number, cells as text)``, the header
    first. The CSV reader and the Excel reader both come here, so a register means the same
    in either; ``locate`` words where a problem is (``unit`` names a line or a row)."""
    return list(iter_table(path, rows, fmt=fmt, locate=locate, unit=unit))


class _Groups:
    """Each decision's rows in memory, in the order first seen (see ``runstate.RowGroups``
    for the same on disk)."""

    def __init__(self) -> None:
        self._groups: dict[str, tuple[int, list[Any]]] = {}

    def add(self, key: str, line: int, value: Any) -> None:
        self._groups.setdefault(key, (line, []))[1].append(value)

    def groups(self) -> Iterator[tuple[str, int, list[Any]]]:
        for key, (line, rows) in self._groups.items():
            yield key, line, rows


def iter_table(
    path: str,
    rows: Iterable[tuple[int, list[str]] | InputError],
    *,
    fmt: str = "csv",
    locate: Locate = _csv_locate,
    unit: str = "line",
    groups: Any = None,
) -> Iterator[SourceRecord | InputError]:
    """:func:`load_table` as a stream: the errors of rows as they come, then each decision's
    record (its rows wherever they are in the file) at the end. ``rows`` may hold errors of
    the reader (passed on); ``groups`` keeps each decision's rows meanwhile (by default in
    memory; ``runstate.RowGroups`` on disk)."""
    store = groups if groups is not None else _Groups()
    columns: list[str] | None = None
    for item in rows:
        if isinstance(item, InputError):
            yield item
            continue
        line, cells = item
        if not any(c.strip() for c in cells):
            continue
        if columns is None:
            columns = [column_name(h) for h in cells]
            missing = [c for c in REQUIRED if c not in columns]
            if missing:
                detail = "missing required column(s): " + ", ".join(missing)
                if len(missing) == len(REQUIRED):  # a data table, no register: found by
                    # walking a folder it is skipped, named on the command line an error
                    raise NotADecisionRecord(locate(line, None, detail), line)
                yield InputError(path, line, locate(line, None, detail))
                return
            dupes = sorted({c for c in columns if c and columns.count(c) > 1})
            if dupes:
                detail = "duplicate column(s): " + ", ".join(dupes)
                yield InputError(path, line, locate(line, None, detail))
                return
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            detail = f"row has {len(cells)} cells, the header {len(columns)}"
            yield InputError(path, line, locate(line, None, detail))
            continue
        # only the non-empty cells: a missing key is an empty cell
        row = {col: cell for col, cell in zip(columns, cells, strict=False) if cell.strip()}
        did = row.get("decision_id", "").strip()
        if not did:
            yield InputError(path, line, locate(line, "decision_id", "is required"))
            continue
        store.add(did, line, (line, row))
    if columns is None:
        yield InputError(path, 1, "no decision record in the file (it is empty)")
        return
    for did, first, found in store.groups():
        group = _Group(did, first, {"id": did}, {(): first, ("id",): first})
        for line, row in found:
            try:
                _add_row(group, row, line, unit)
            except _RowError as exc:
                group.error = InputError(path, line, locate(line, exc.column, exc.detail))
                break
        if group.error is not None:
            yield group.error
            continue
        yield to_record(group.data, group.lines, file=path, fmt=fmt, line=group.line)


class _RowError(ValueError):
    def __init__(self, column: str, detail: str) -> None:
        super().__init__(f"column {column}: {detail}")
        self.column, self.detail = column, detail


def _cell(row: dict[str, str], column: str, parse: Any) -> Any:
    raw = row.get(column, "")
    if raw.strip() == "" and parse is not _bool:
        return None
    try:
        return parse(raw)
    except _CellError as exc:
        raise _RowError(column, str(exc)) from None


def _text(value: str) -> str:
    return value.strip()


def _status(value: str) -> str:
    """A register's status as governance teams write it ("Approved", "Superseded by R-2")
    in the model's words; an unknown word is kept, for validation to name the choices."""
    status, _ = map_status(value)
    return status or value.strip()


def _add_row(group: _Group, row: dict[str, str], line: int, unit: str = "line") -> None:
    data, lines = group.data, group.lines
    for column, key in (*DECISION_TEXT.items(), *DECISION_LISTS.items()):
        parse = _list if column in DECISION_LISTS else _status if key == "status" else _text
        value = _cell(row, column, parse)
        if value in (None, "", []):
            continue
        if key in data and data[key] != value:
            raise _RowError(
                column,
                f"{row[column].strip()!r} differs from {_show(data[key])!r} on "
                f"{unit} {group.sources[key]} for decision {group.did!r}",
            )
        if key not in data:
            data[key] = value
            lines[(key,)] = line
            group.sources[key] = line
            if key == "status" and value.lower() != row[column].strip().lower():
                data["status_text"] = row[column].strip()
    _decision_extras(group, row, line)
    options: list[dict[str, Any]] = data.setdefault("options", [])
    index = len(options)
    loc: Loc = ("options", index)
    lines.setdefault(("options",), line)
    lines[loc] = line
    option: dict[str, Any] = {}
    for column, key in OPTION_TEXT.items():
        if column not in row:
            continue
        value = _cell(row, column, _text)
        if value and key not in option:
            option[key] = value
    option["chosen"] = _cell(row, "chosen", _bool) if "chosen" in row else False
    case = _case(row)
    if case:
        option["business_case"] = case
    options.append(option)


def _show(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else str(value)


def _decision_extras(group: _Group, row: dict[str, str], line: int) -> None:
    data, lines = group.data, group.lines
    review_date = _cell(row, "review_date", _text)
    review_notes = _cell(row, "review_notes", _text)
    if (review_date or review_notes) and "review" not in data:
        review: dict[str, Any] = {}
        if review_date:
            review["date"] = review_date
        if review_notes:
            review["notes"] = review_notes
        data["review"] = review
        lines[("review",)] = line
    questions = _cell(row, "challenge_questions", _list)
    requested = _cell(row, "alternatives_requested", _text)
    if (questions or requested) and "challenge" not in data:
        challenge: dict[str, Any] = {}
        if questions:
            challenge["questions"] = questions
        if requested:
            challenge["alternatives_requested"] = _cell(row, "alternatives_requested", _bool)
        data["challenge"] = challenge
        lines[("challenge",)] = line


def _line_item(
    row: dict[str, str], numbers: Mapping[str, str], texts: Mapping[str, str]
) -> dict[str, Any]:
    """One benefit or cost of a row: its number and text columns that are filled in."""
    item: dict[str, Any] = {}
    for column, key in numbers.items():
        if column in row and (value := _cell(row, column, _number)) is not None:
            item[key] = value
    for column, key in texts.items():
        if column in row and (text := _cell(row, column, _text)):
            item[key] = text
    return item


def _case(row: dict[str, str]) -> dict[str, Any]:
    case: dict[str, Any] = {}
    for column in CASE_NUMBERS:
        if column not in row:
            continue
        value = _cell(row, column, _number)
        if value is not None:
            case[column] = value
    scenarios = _cell(row, "scenarios", _list)
    if scenarios:
        case["scenarios"] = scenarios
    plan = _cell(row, "integration_plan", _text)
    if plan:
        case["integration_plan"] = plan
    benefit = _line_item(row, BENEFIT_NUMBERS, BENEFIT_TEXT)
    if benefit:
        case["benefits"] = [benefit]
    cost = _line_item(row, COST_NUMBERS, COST_TEXT)
    if cost:
        case["costs"] = [cost]
    return case
