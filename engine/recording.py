"""Recording measured figures (``decaudit actuals``): each entry checked against the
decision as the log last audited it, then appended to the log as one batch.

Refused, with a suggestion where one helps: a decision the log never audited, a benefit or
cost its approved case does not have, a value that is not a finite number, a negative value
(except on a dis-benefit, whose projection is below 0), and an ``as_of`` date in the future.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .actuals import find_item, overlay
from .errors import DecauditError
from .log.actuals import ITEM_KINDS, ActualEntry
from .log.read import known_decisions, latest_audit

if TYPE_CHECKING:
    from .log import AuditLog


@dataclass(frozen=True)
class FigureInput:
    """One figure as the user gave it (the command line, or a row of a file)."""

    decision_id: str
    item_kind: str
    item_id: str
    value: Any
    as_of: Any
    source: str | None = None
    where: str = ""  # "file.csv:3" for a file row, "" on the command line


def _fail(fig: FigureInput, message: str) -> DecauditError:
    return DecauditError(f"{fig.where}: {message}" if fig.where else message)


def _value(fig: FigureInput) -> float:
    raw = fig.value
    if isinstance(raw, bool):
        raise _fail(fig, f"value {raw!r} is not a number")
    if isinstance(raw, str):
        text = raw.strip().replace(",", "").replace("_", "")
        try:
            raw = float(text)
        except ValueError:
            raise _fail(fig, f"value {fig.value!r} is not a number") from None
    if not isinstance(raw, int | float):
        raise _fail(fig, f"value {fig.value!r} is not a number")
    try:
        value = float(raw)
    except OverflowError:
        raise _fail(fig, f"value {fig.value!r} is too large") from None
    if not math.isfinite(value) or abs(value) > 1e18:
        raise _fail(fig, f"value {fig.value!r} is not a finite amount (at most 1e18)")
    return value


def _as_of(fig: FigureInput, today: dt.date) -> dt.date:
    raw = fig.as_of
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if not isinstance(raw, dt.date):
        text = str(raw or "").strip()
        try:
            raw = dt.date.fromisoformat(text)
        except ValueError:
            raise _fail(fig, f"as-of date {fig.as_of!r} is not a date (YYYY-MM-DD)") from None
        if len(text) != 10:
            raise _fail(fig, f"as-of date {fig.as_of!r} is not a date (YYYY-MM-DD)")
    if raw > today:
        raise _fail(
            fig, f"as-of date {raw.isoformat()} is in the future (today is {today.isoformat()})"
        )
    return raw


def check_figures(
    conn: sqlite3.Connection, figures: Sequence[FigureInput], today: dt.date
) -> list[ActualEntry]:
    """Every figure checked; the first problem raises ``DecauditError`` and nothing is kept."""
    records: dict[str, Mapping[str, Any]] = {}
    out = []
    for fig in figures:
        if fig.item_kind not in ITEM_KINDS:
            raise _fail(fig, f"{fig.item_kind!r} is neither a benefit nor a cost")
        did = fig.decision_id.strip()
        if did not in records:
            audit = latest_audit(conn, did)
            if audit is None:
                close = difflib.get_close_matches(did, known_decisions(conn), n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise _fail(
                    fig, f"no decision {did!r} in the audit log{hint} (audit it with check first)"
                )
            records[did] = audit.record
        try:
            item = find_item(records[did], fig.item_kind, fig.item_id.strip())
        except DecauditError as exc:
            raise _fail(fig, str(exc)) from None
        value = _value(fig)
        projected = item.get("projected")
        dis = isinstance(projected, int | float) and projected < 0
        if value < 0 and not dis:
            raise _fail(
                fig,
                f"value {value:g} is negative: a {fig.item_kind} is measured as 0 or more "
                "(only a dis-benefit, projected below 0, takes a negative figure)",
            )
        name = str(item.get("id") or item.get("description"))
        source = (fig.source or "").strip() or None
        out.append(
            ActualEntry(did, fig.item_kind, name, value, _as_of(fig, today).isoformat(), source)
        )
    return out


def record_figures(log: AuditLog, figures: Sequence[FigureInput], today: dt.date) -> list[int]:
    """Check ``figures`` and append them to ``log`` as one batch, in one transaction."""
    return log.record_actuals(lambda conn: check_figures(conn, figures, today))


class Measured:
    """Applies the figures recorded in a log (``decaudit actuals``) to the records audited:
    a record's benefits and costs carry their latest measured ``realized`` figures, and
    ``as_read`` keeps the record as its file says. A missing log, or one without figures,
    changes nothing. Opens the log read-only; use it as a context manager."""

    def __init__(self, db: str | None) -> None:
        from pathlib import Path

        from .log.actuals import FigureReader

        self._reader = FigureReader(db) if db and Path(db).is_file() else None

    def apply(self, src: Any) -> Any:
        from .model import Record

        reader = self._reader
        figures = reader.figures(src.record.id) if reader is not None else []
        if figures:  # one indexed query per record, whatever the size of the log
            data = src.record.model_dump(mode="json", exclude_none=True)
            amended = Record.model_validate(overlay(data, figures))
            src = replace(src, record=amended, as_read=src.record)
        return src

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def __enter__(self) -> Measured:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def measured_sources(sources: Iterable[Any], db: str) -> Iterator[Any]:
    """``sources`` (records and input errors) with each record's recorded figures applied
    (see :class:`Measured`)."""
    from .types import SourceRecord

    with Measured(db) as measured:
        for src in sources:
            yield measured.apply(src) if isinstance(src, SourceRecord) else src
