"""Output of the commands that query the log: JSON, CSV and terminal tables, and the one
helper they all go through, :func:`output_rows` (like sqlite-utils' ``output_rows``).

A command builds its rows (dicts with every field, from the log's typed rows) and says how
its table looks; ``-f table|json|csv`` is then the same for every command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import click

ELLIPSIS = "…"
GAP = "  "


@dataclass(frozen=True)
class Column:
    header: str
    max_width: int | None = None  # cap for this column
    flex: bool = False  # takes the width left over (at most one flex column)
    right: bool = False  # right-align (numbers)


def output_width() -> int:
    """80 columns, or the terminal's width when stdout is a wider terminal."""
    try:
        if sys.stdout.isatty():
            return max(80, shutil.get_terminal_size((80, 24)).columns)
    except (AttributeError, ValueError, OSError):
        pass
    return 80


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    flat = " ".join(str(text).split())
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)] + ELLIPSIS if width > 0 else ""


def render_table(
    columns: Sequence[Column], rows: Iterable[Sequence[Any]], width: int | None = None
) -> str:
    """Rows under a header, fitted to ``width`` columns; long cells end in an ellipsis."""
    total = output_width() if width is None else width
    cells = [[" ".join(("" if c is None else str(c)).split()) for c in row] for row in rows]
    widths = []
    for i, col in enumerate(columns):
        natural = max([len(col.header), *(len(r[i]) for r in cells)])
        widths.append(min(natural, col.max_width) if col.max_width else natural)
    flex = [i for i, col in enumerate(columns) if col.flex]
    if flex:
        i = flex[0]
        others = sum(w for j, w in enumerate(widths) if j != i) + len(GAP) * (len(columns) - 1)
        widths[i] = max(min(widths[i], total - others), len(columns[i].header), 8)
    lines = []
    for row in [[c.header for c in columns], *cells]:
        parts = []
        for col, w, cell in zip(columns, widths, row, strict=True):
            text = clip(cell, w)
            parts.append(text.rjust(w) if col.right else text.ljust(w))
        lines.append(GAP.join(parts).rstrip())
    return "\n".join(lines)


def render_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV for spreadsheets: every text cell is made safe to open (see :func:`safe_cell`)."""
    return "".join(csv_lines(header, rows)).rstrip("\n")


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``: a text cell that a spreadsheet would run as
    a formula gets a leading single quote, as OWASP advises; numbers stay numbers."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list | tuple):
        return safe_cell(json.dumps(value, sort_keys=True, ensure_ascii=False))
    if isinstance(value, str):
        return safe_cell(value)
    return value


def render_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def short_time(stamp: str | None) -> str:
    """``2026-03-01T10:20:30Z`` -> ``2026-03-01 10:20`` (UTC)."""
    return (stamp or "")[:16].replace("T", " ")


Row = Mapping[str, Any]
Cell = Callable[[Row], Any]


def output_rows(
    fmt: str,
    rows: Iterable[Row],
    *,
    fields: Sequence[str],
    table: Sequence[tuple[Column, str | Cell]] | Callable[[Sequence[Row]], str],
    empty: str = "",
    document: Any = None,
    json_texts: Callable[[], Iterable[str]] | None = None,
) -> None:
    """Print ``rows`` as ``fmt``: ``json`` (``document`` when given, else the rows), ``csv``
    (the ``fields`` columns, in order) or ``table`` (``(Column, key or function)`` pairs, or
    a function that renders the whole table from the rows). Nothing to show in a table:
    ``empty`` on stderr.

    JSON and CSV are written as the rows come (``rows`` may be a generator over the log):
    the JSON rows form one array, one compact row per line, and so does each value of a
    ``document`` object that is an iterator; a table needs every row first to size its
    columns. ``json_texts``, when given, makes the rows of the JSON output already encoded
    (by SQLite, say): each text one JSON value."""
    if fmt == "json":
        if document is None and json_texts is not None:
            _write_chunks(json_rows(json_texts(), encoded=True))
        elif document is None:
            _write_chunks(json_rows(rows))
        elif isinstance(document, Mapping) and any(
            isinstance(v, Iterator) for v in document.values()
        ):
            _write_chunks(json_document(document))
        else:
            click.echo(render_json(document))
        return
    if fmt == "csv":
        _write_chunks(csv_lines(fields, ([row.get(k) for k in fields] for row in rows)))
        return
    rows = rows if isinstance(rows, Sequence) else list(rows)
    if callable(table):
        text = table(rows)
        if text:
            click.echo(text)
        elif empty:
            click.echo(empty, err=True)
        return
    if not rows:
        if empty:
            click.echo(empty, err=True)
        return
    columns = [col for col, _ in table]
    getters = [(lambda row, k=how: row.get(k)) if isinstance(how, str) else how for _, how in table]
    click.echo(render_table(columns, ([get(row) for get in getters] for row in rows)))


# C-accelerated (no indent): the rows of a large query are written at the encoder's speed.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str, separators=(",", ":"))


def json_rows(rows: Iterable[Any], *, encoded: bool = False) -> Iterator[str]:
    """``rows`` as one JSON array, in pieces: ``[``, one compact row per line, ``]``
    (``[]`` when there is none). ``encoded``: each row is already its JSON text."""
    encode = str if encoded else _ROW_ENCODER.encode
    first = True
    for row in rows:
        yield ("[\n" if first else ",\n") + encode(row)
        first = False
    yield "[]\n" if first else "\n]\n"


def json_document(document: Mapping[str, Any]) -> Iterator[str]:
    """``document`` as one JSON object, in pieces: one key per line; a value that is an
    iterator is written as :func:`json_rows` writes rows."""
    encode = _ROW_ENCODER.encode
    sep = "{\n"
    for key, value in document.items():
        yield sep + encode(str(key)) + ":"
        if isinstance(value, Iterator):
            for piece in json_rows(value):
                yield piece.rstrip("\n")
        else:
            yield encode(value)
        sep = ",\n"
    yield "{}\n" if sep == "{\n" else "\n}\n"


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV of :func:`render_csv`, line by line (each with its newline)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
        yield buf.getvalue()


def _write_chunks(pieces: Iterable[str], size: int = 1000) -> None:
    """Write ``pieces`` to stdout, ``size`` at a time."""
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= size:
            click.echo("".join(batch), nl=False)
            batch.clear()
    if batch:
        click.echo("".join(batch), nl=False)
