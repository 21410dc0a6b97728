"""Option comparison tables: one column per option, one row per measure.

``| | Option A | Option B | Option C |`` with rows such as ``NPV (£m)``, ``Capital cost``,
``Annual saving``, ``Kind`` or ``Recommended``: each cell goes to its option, by what the
row's label says (the same keys as figures under an option heading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..document import Table
from .money import NumberError, header_unit, parse_money
from .options import Draft, marker_says, split_head
from .tables import yes_no
from .vocab import Vocabulary, reduce

Finder = Callable[[str, "str | None"], "Draft | None"]


def option_columns(table: Table, find: Finder) -> dict[int, Draft]:
    """The columns of ``table`` that name a known option (at least two, else none)."""
    found: dict[int, Draft] = {}
    for index, header in enumerate(table.header.cells):
        if index == 0 or not header.strip():
            continue
        label, title, _ = split_head(header)
        draft = find(title, label)
        if draft is not None and draft not in found.values():
            found[index] = draft
    return found if len(found) >= 2 else {}


def read_matrix(
    table: Table, columns: dict[int, Draft], vocab: Vocabulary
) -> list[tuple[int, str]]:
    """Each row's cells into the options of ``columns``; returns unreadable figures."""
    errors: list[tuple[int, str]] = []
    for row in table.rows:
        label = row.cells[0].strip() if row.cells else ""
        if not reduce(label):
            continue
        for index, draft in columns.items():
            cell = row.cells[index].strip() if index < len(row.cells) else ""
            if cell and not _said(reduce(label), cell, draft, row.line, vocab):
                error = _figure(label, cell, draft, row.line, vocab)
                if error:
                    errors.append((row.line, f"column '{table.header.cells[index]}': {error}"))
    return errors


def _said(words: str, cell: str, draft: Draft, line: int, vocab: Vocabulary) -> bool:
    """A row that marks the preferred option, gives a kind or a reason; False for others."""
    if words in vocab.columns["preferred"] or words in ("preferred option", "choice"):
        said = yes_no(cell, vocab)
        said = marker_says(cell, vocab) if said is None else said
        if said is not None:
            draft.mark(said, line)
        return True
    if words in ("kind", "type", "option type", "category"):
        if kind := vocab.kind_of(cell):
            draft.set("kind", kind, line)
        return True
    if words in ("why not", "reason", "reason for rejection", "reason not preferred"):
        draft.set("rejected_reason", cell, line)
        return True
    return False


def _figure(label: str, cell: str, draft: Draft, line: int, vocab: Vocabulary) -> str | None:
    """An NPV, cost or benefit row's cell into the option's case; the error, if unreadable."""
    what = vocab.figure(label)
    if what not in ("npv", "cost", "benefit"):
        return None
    try:
        money = parse_money(cell, header_unit(label))
    except NumberError as exc:
        return str(exc)
    if money is None:
        return None
    if what == "npv":
        draft.case["npv"], draft.case_lines[("npv",)] = money.value, line
        return None
    plain = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", label).strip() or label
    item: dict[str, Any] = {"description": plain, "projected": money.value}
    if what == "benefit" and (btype := vocab.benefit_type(label)):
        item["type"] = btype
    draft.summary.setdefault(f"{what}s", []).append((item, line))
    return None
